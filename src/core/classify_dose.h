/*
 * classify_dose.h — what the two files of the dose reader share (internal
 * to src/core): a dose candidate and the small readers of raw text.
 *
 *   classify_dose.c       numbers, ranges and the scan: msc_classify_dose,
 *                         msc_classify_each_dose, msc_classify_doses
 *   classify_dose_unit.c  what follows a number: cell words, per kg,
 *                         volumes and concentrations
 */
#ifndef CLASSIFY_DOSE_H
#define CLASSIFY_DOSE_H

#include "classify_engine.h"

#include "dose_notation.h"
#include "msc_ascii.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct dose_cand
{
	char		mant[40];		/* digits and at most one point */
	long		exp;			/* power of ten */
	bool		scaled;			/* written with a power or a scale word */
	bool		unit;			/* a cell word follows */
	bool		per_kg;
	bool		volume;			/* "/2mL", "(30ml)": a dose in a volume */
	bool		per_patient;
	bool		reject;			/* a concentration, ambiguous, not a number of cells */
	bool		need_unit;		/* a reading that needs a cell word or per kg ("1 X 10 8") */
	long		vol;			/* a concentration per mL with a volume: */
	int			vol_exp;		/* vol x 10^vol_exp mL (vol 0: none) */
	size_t		start;
	size_t		end;			/* end of the number and scale */
	size_t		stop;			/* end of everything read */
} dose_cand;

/* Blanks, no-break and thin spaces (not line ends: a dose is on one line). */
static inline size_t
skip_blanks(const char *s, size_t len, size_t p)
{
	return (size_t) (dn_skip_space(s + p, s + len, false) - s);
}

/* Case-insensitive literal at p: its length or 0. */
static inline size_t
lit_at(const char *s, size_t len, size_t p, const char *w)
{
	return ascii_lit(s + p, s + len, w);
}

/* A whole word w at p (letters after it end it): its length or 0. */
static inline size_t
word_at(const char *s, size_t len, size_t p, const char *w)
{
	size_t		n = lit_at(s, len, p, w);

	if (n == 0 || (p + n < len && ascii_is_alpha((unsigned char) s[p + n])))
		return 0;
	return n;
}

/* The end of the alphanumeric word at p. */
static inline size_t
word_end(const char *s, size_t len, size_t p)
{
	while (p < len && ascii_is_alnum((unsigned char) s[p]))
		p++;
	return p;
}

/* classify_dose.c: read the number at p (a word start with a digit) into d. */
bool		cls_dose_scan_number(const char *s, size_t len, size_t p, dose_cand *d);

/*
 * classify_dose_unit.c: read a unit and "per kg" after the number d (at
 * d->end); depth bounds the shared unit look-ahead.
 */
void		cls_dose_scan_unit(const char *s, size_t len, dose_cand *d, int depth);

/* Is there a cell word or "dose" in the few words before p (same clause)? */
bool		cls_dose_cells_before(const char *s, size_t p);

bool		cls_dose_list_comma(const char *s, size_t len, size_t r);

#endif
