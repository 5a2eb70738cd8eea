/*
 * dose_notation.h — how a number of cells is written: white space, scale
 * words ("million", "mln", "bn"), multiplication signs (x * × · ⋅ ∗),
 * superscripts and powers of ten ("^7", "⁷", "⁻³").  One lexicon, read by
 * the cell_dose type's parser (cell_dose.c) and by the dose scanner of the
 * free-text classifier (classify_dose.c), so that the two cannot drift
 * apart.  Where free text deliberately reads less than the type ("b" is B
 * cells, "m" metres), the scale table says so with a flag.
 *
 * Every function looks at [p, end) and returns how many bytes it read, 0
 * when the notation is not there.
 */
#ifndef DOSE_NOTATION_H
#define DOSE_NOTATION_H

#include <stdbool.h>
#include <stddef.h>

/* Exponents are clamped here while read: far outside any accepted value. */
#define DN_EXP_CLAMP 1000000L

/*
 * White space between the parts of a dose: ASCII blanks, U+00A0, U+2009
 * and U+202F; line ends too when line_ends (the type; free text keeps a
 * dose within a line).
 */
size_t		dn_space(const char *p, const char *end, bool line_ends);
const char *dn_skip_space(const char *p, const char *end, bool line_ends);

/* A minus sign: ASCII or U+2212. */
size_t		dn_minus(const char *p, const char *end);

/* A multiplication sign: x X * × · ⋅ ∗. */
size_t		dn_times(const char *p, const char *end);

/* A multiplication sign that ends at p, starting no earlier than start. */
size_t		dn_times_before(const char *start, const char *p);

/*
 * A superscript character: its length with *val the digit, or
 * DN_SUP_PLUS / DN_SUP_MINUS for a superscript sign.
 */
#define DN_SUP_PLUS		10
#define DN_SUP_MINUS	11
size_t		dn_superscript(const char *p, const char *end, int *val);

/* Does a power follow "10" at p: "^" or a superscript (after blanks)? */
bool		dn_power_starts(const char *p, const char *end, bool line_ends);

/* What dn_power found. */
typedef enum dn_power_status
{
	DN_POWER_OK,
	DN_POWER_NONE,				/* no "^" and no superscript */
	DN_POWER_EMPTY,				/* "^" or a superscript sign without digits */
	DN_POWER_AMBIGUOUS			/* "10e7": 10e7 is 10^8, the intent is unclear */
} dn_power_status;

/*
 * The power after a "10" at p: "^ [sign] digits" or superscript digits,
 * with an optional sign (+, -, U+2212, ⁺, ⁻).  *n is the length read and
 * *pow the power, clamped to ±DN_EXP_CLAMP.
 */
dn_power_status dn_power(const char *p, const char *end, bool line_ends,
						 long *pow, size_t *n);

/* The exponent of e-notation after the "e": [+|-] digits, clamped. */
size_t		dn_e_exponent(const char *p, const char *end, long *exp);

/*
 * A scale word at p ("million", "mln.", "bn", "K"): its length with *pow
 * its power of ten.  free_text: as the classifier reads it (the flags of
 * the table), else as the type does.
 */
size_t		dn_scale_word(const char *p, const char *end, bool free_text, long *pow);

/*
 * A number written in English words at p, 1 to 999 ("twenty", "one
 * hundred", "twenty-five", "three hundred and fifty"): its length with *val
 * the number, or 0.  Free text only: the type reads digits.
 */
size_t		dn_number_words(const char *p, const char *end, long *val);

#endif
