/*
 * pain_score.h — one score on a named pain or function instrument.
 *
 * A score is stored in 64 bits: the instrument code in the high 32 bits and
 * the value in thousandths of the instrument's unit in the low 32 bits, so
 * comparing the integers orders scores by instrument (catalogue order), then
 * by value.  Instrument codes are stored on disk and sent in binary form:
 * they never change meaning, and new instruments are only ever appended.
 *
 * This module is plain C99 (no PostgreSQL headers): the catalogue, the text
 * parser and formatter, severity and rescaling.  Statistics code can use the
 * catalogue through pain_instrument_by_code() and pain_instrument_lookup().
 */
#ifndef PAIN_SCORE_H
#define PAIN_SCORE_H

#include "msc_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum pain_instrument_code
{
	PAIN_INSTRUMENT_INVALID = 0,
	PAIN_NRS = 1,
	PAIN_VAS,
	PAIN_WOMAC_PAIN,
	PAIN_WOMAC_STIFFNESS,
	PAIN_WOMAC_FUNCTION,
	PAIN_WOMAC_TOTAL,
	PAIN_WOMAC_PAIN_VA,
	PAIN_KOOS_PAIN,
	PAIN_KOOS_SYMPTOMS,
	PAIN_KOOS_ADL,
	PAIN_KOOS_SPORT,
	PAIN_KOOS_QOL,
	PAIN_ODI,
	PAIN_RMDQ,
	PAIN_BPI_SEVERITY,
	PAIN_BPI_INTERFERENCE,
	PAIN_LYSHOLM,
	PAIN_IKDC,
	PAIN_PATIENT_GLOBAL,
	PAIN_PAIN_RELIEF,
	PAIN_INSTRUMENT_COUNT		/* one past the last valid code */
} pain_instrument_code;

/* Values are kept in thousandths of the instrument's unit. */
#define PAIN_SCALE 1000

/* The unit an instrument is scored in. */
typedef enum pain_unit
{
	PAIN_UNIT_POINTS = 0,		/* "points" */
	PAIN_UNIT_MM,				/* "mm" (also accepts cm on input) */
	PAIN_UNIT_PERCENT			/* "%" (also accepts points on input) */
} pain_unit;

typedef struct pain_instrument
{
	int			code;			/* stable, 1-based */
	const char *name;			/* canonical name, e.g. "nrs" */
	const char *label;			/* human label */
	uint32_t	min;			/* thousandths */
	uint32_t	max;			/* thousandths */
	bool		higher_is_worse;
	pain_unit	unit;
	const char *unit_name;		/* "points", "mm" or "%" */
	bool		has_mcid;
	uint32_t	mcid;			/* thousandths; valid when has_mcid */
	const char *mcid_source;	/* NULL when there is no MCID */
	const char *const *aliases; /* accepted spellings besides the name */
} pain_instrument;

/* The stored form: (code << 32) | thousandths. */
typedef int64_t pain_score_t;

#define PAIN_SCORE_MAX_INPUT 128
/* Enough for "womac_pain_va:4294967.295" and the like. */
#define PAIN_SCORE_TEXT_MAX 64

/* Catalogue ------------------------------------------------------------- */

/* The instrument with this code, or NULL. */
const pain_instrument *pain_instrument_by_code(int code);

/*
 * The instrument named by name (len bytes): its canonical name or an alias,
 * case-insensitive, with underscores, hyphens and spaces interchangeable;
 * "pain", "score", "scale" or "subscale" around a name are tolerated
 * ("VAS pain", "WOMAC pain subscale").  NULL when unknown.
 */
const pain_instrument *pain_instrument_lookup(const char *name, size_t len);

/* "Instruments: nrs, vas, ..." for hints. */
extern const char pain_instruments_hint[];

/* Packing ---------------------------------------------------------------- */

static inline pain_score_t
pain_score_pack(int code, uint32_t thousandths)
{
	return (pain_score_t) (((uint64_t) (uint32_t) code << 32) | thousandths);
}

static inline int
pain_score_code(pain_score_t s)
{
	return (int) (((uint64_t) s) >> 32);
}

static inline uint32_t
pain_score_value(pain_score_t s)
{
	return (uint32_t) (((uint64_t) s) & 0xFFFFFFFFu);
}

/* Is s a valid stored score (known instrument, value within its range)? */
bool		pain_score_valid(pain_score_t s);

/* Text ------------------------------------------------------------------ */

/*
 * Parse text into *out.  On failure err carries the class: SYNTAX (22P02)
 * for malformed text, RANGE (22003) for a value outside the instrument's
 * range.
 */
bool		pain_score_parse(const char *src, size_t len, pain_score_t *out,
							 msc_error *err);

/*
 * Write thousandths as a minimal decimal ("7", "45.5", "45.125") into buf
 * (at least 16 bytes).  Returns the length.
 */
size_t		pain_format_thousandths(uint32_t v, char *buf, size_t buflen);

/*
 * Write the canonical text of a valid score ("nrs:7") into buf (at least
 * PAIN_SCORE_TEXT_MAX bytes).  Returns the length, 0 for an invalid score.
 */
size_t		pain_score_format(pain_score_t s, char *buf, size_t buflen);

/*
 * Make a score from an instrument name and a decimal number as PostgreSQL's
 * numeric_out writes it ("7", "45.50", "-1", "NaN", "Infinity").  Errors:
 * unknown instrument, NaN or more than three decimals PARAM (22023); out of
 * range, negative or infinite RANGE (22003).
 */
bool		pain_score_make(const char *instrument, size_t ilen,
							const char *number, size_t nlen,
							pain_score_t *out, msc_error *err);

/* Functions -------------------------------------------------------------- */

/*
 * Severity on 0-100, 100 the worst: (v - min) / (max - min) * 100 when
 * higher is worse, (max - v) / (max - min) * 100 otherwise.
 */
double		pain_score_severity(pain_score_t s);

/*
 * Rescale s to the named instrument: only between nrs and vas (vas = 10 x
 * nrs); the same instrument gives s back.  Errors: unknown instrument or
 * unrelated instruments PARAM (22023); a result that needs more than three
 * decimals RANGE (22003).
 */
bool		pain_score_rescale(pain_score_t s, const char *instrument, size_t ilen,
							   pain_score_t *out, msc_error *err);

/* Type modifier ---------------------------------------------------------- */

/*
 * The type modifier of pain_score(<instrument>): the instrument code.
 * nitems is the number of modifiers given (must be 1).  PARAM (22023) for
 * an unknown instrument or another number of modifiers.
 */
bool		pain_score_typmod_parse(const char *const *items, int nitems,
									int32_t *typmod, msc_error *err);

/*
 * Does s fit a column of type modifier typmod (negative: any instrument)?
 * PARAM (22023) when it does not.
 */
bool		pain_score_check_typmod(pain_score_t s, int32_t typmod, msc_error *err);

#endif
