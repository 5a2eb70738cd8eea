/*
 * classify.h — what a registry record states about its cell product.
 *
 * Scanners over free text ("Autologous adipose-derived MSCs, 1x10^8 cells
 * in 4 mL, single intra-articular injection") that find the source
 * tissues, routes of administration, donor, manipulation and the first
 * stated dose.  Each returns what the text states, in order of first
 * mention, and nothing where nothing is stated: never a guess.  A donor or
 * a manipulation stated both ways (autologous in one arm, allogeneic in
 * another) is a contradiction, not a statement of one, and gives none.
 *
 * The text is read in clauses (split at "|", ";", line ends and full
 * stops) of at most MSC_CLASSIFY_CLAUSE_TOKENS words; every scanner is
 * linear in the length of the text and uses no heap memory.  The first
 * call builds static look-up tables (character classes, compiled
 * patterns, trigram indexes): it is not thread-safe, which a PostgreSQL
 * backend never needs.  The files are listed in classify_engine.h; each
 * scanner's file gives its vocabulary and rules, doc/classify.md the
 * measured precision and recall, and test/classify/LABELLING.md what
 * counts as a statement.
 */
#ifndef MSC_CLASSIFY_H
#define MSC_CLASSIFY_H

#include "cell_dose.h"
#include "msc_error.h"
#include "msc_route.h"
#include "msc_source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest text the SQL functions classify (bytes). */
#define MSC_CLASSIFY_MAX_INPUT (1024 * 1024)

/* Longest clause, in words; a longer run of words is cut into pieces. */
#define MSC_CLASSIFY_CLAUSE_TOKENS 512

/* msc_donor values (0 = none stated or contradictory). */
#define MSC_DONOR_NONE			0
#define MSC_DONOR_AUTOLOGOUS	1
#define MSC_DONOR_ALLOGENEIC	2

/* msc_manipulation values (0 = none stated or contradictory). */
#define MSC_MANIP_NONE					0
#define MSC_MANIP_CULTURE_EXPANDED		1
#define MSC_MANIP_MINIMALLY_MANIPULATED 2

/* What a piece of evidence is about (for msc_classify_trace). */
typedef enum msc_evidence_kind
{
	MSC_EV_SOURCE = 1,			/* value: msc_source code */
	MSC_EV_ROUTE,				/* value: msc_route code */
	MSC_EV_DONOR,				/* value: MSC_DONOR_* */
	MSC_EV_MANIPULATION,		/* value: MSC_MANIP_* */
	MSC_EV_DOSE					/* value: 1 */
} msc_evidence_kind;

/*
 * Optional observer: called for every mention the scanners count, with
 * the byte range [start, end) of the words that state it.  Tests and
 * curators use it to see why a value was returned.
 */
typedef struct msc_classify_trace
{
	void		(*mention) (void *arg, msc_evidence_kind kind, int value,
							size_t start, size_t end);
	void	   *arg;
} msc_classify_trace;

/*
 * The source tissues stated in text[0..len): distinct msc_source codes in
 * order of first mention, written to out (room for MSC_SOURCE_COUNT).
 * Returns how many.
 */
int			msc_classify_sources(const char *text, size_t len, uint8_t *out,
								 const msc_classify_trace *trace);

/* The routes stated, the same way (out: room for MSC_ROUTE_COUNT). */
int			msc_classify_routes(const char *text, size_t len, uint8_t *out,
								const msc_classify_trace *trace);

/* The donor stated: MSC_DONOR_*, NONE when none or both are stated. */
int			msc_classify_donor(const char *text, size_t len,
							   const msc_classify_trace *trace);

/* The manipulation stated: MSC_MANIP_*, NONE when none or both. */
int			msc_classify_manipulation(const char *text, size_t len,
									  const msc_classify_trace *trace);

/*
 * The first dose of cells stated ("1x10^8 cells", "2 million cells/kg",
 * "1.5 x 10^6/kg"), parsed by msc_cell_dose_parse.  False when none.
 */
bool		msc_classify_dose(const char *text, size_t len, msc_cell_dose *out,
							  const msc_classify_trace *trace);

/*
 * Every dose stated, in order of mention: found is called for each, a
 * value stated twice twice (a range gives both ends, lower first; each
 * arm of a dose escalation its dose).  Returns how many calls were made.
 */
size_t		msc_classify_each_dose(const char *text, size_t len,
								   void (*found) (void *arg, const msc_cell_dose *dose),
								   void *arg, const msc_classify_trace *trace);

/*
 * The distinct doses stated, in order of first mention, into out[0..max):
 * how many, or -1 when there are more than max.
 */
int			msc_classify_doses(const char *text, size_t len, msc_cell_dose *out, int max,
							   const msc_classify_trace *trace);

/* Canonical labels of the enum values ("autologous", ...); NULL for 0. */
const char *msc_donor_label(int donor);
const char *msc_manipulation_label(int manipulation);

/*
 * The SQL functions' length check: false with a 22023 error naming
 * function_name when len exceeds MSC_CLASSIFY_MAX_INPUT.
 */
bool		msc_classify_check_length(size_t len, const char *function_name,
									  msc_error *err);

#endif
