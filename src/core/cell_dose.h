/*
 * cell_dose.h — a dose of cells, absolute ("5e7 cells") or per kilogram of
 * body weight ("1.5e6 cells/kg").
 *
 * A dose is stored exactly as mantissa × 10^exponent in 16 bytes.  The form
 * is canonical — the mantissa carries no trailing zeros — so equal doses
 * have identical bytes (5e7 = 50e6 = "50 million") and can be hashed as
 * bytes.  Nothing is rounded: a value that needs more than
 * MSC_CELL_DOSE_MAX_DIGITS significant digits is refused.
 */
#ifndef CELL_DOSE_H
#define CELL_DOSE_H

#include "msc_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bit of msc_cell_dose.flags: the dose is per kilogram of body weight. */
#define MSC_CELL_DOSE_PER_KG	0x01

typedef struct msc_cell_dose
{
	int64_t		mantissa;		/* > 0, no trailing decimal zeros */
	int16_t		exponent;
	uint8_t		flags;			/* MSC_CELL_DOSE_PER_KG or 0 */
	uint8_t		pad[5];			/* always zero */
} msc_cell_dose;

/* Most significant digits a mantissa holds. */
#define MSC_CELL_DOSE_MAX_DIGITS 18

/*
 * Bounds, as powers of ten: a dose is at least 1 cell (or 1 cell/kg) and at
 * most 10^15 cells or 10^13 cells/kg — beyond those it is more cells than
 * any plausible dose (a typo in the exponent, a count of another unit).
 */
#define MSC_CELL_DOSE_MAX_ABS_EXP	15
#define MSC_CELL_DOSE_MAX_KG_EXP	13

/* Longest text input accepted (bytes). */
#define MSC_CELL_DOSE_MAX_INPUT 256

/* Room for any formatted dose, with its terminating NUL. */
#define MSC_CELL_DOSE_TEXT_MAX 48

/* The hint of every input syntax error: the accepted forms. */
extern const char msc_cell_dose_hint[];

/*
 * Parse text input ("5e7", "5 x 10^7 cells", "50 million", "1.5e6
 * cells/kg", ...).  On failure returns false with err filled: 22P02 for
 * malformed text or too many significant digits, 22003 for zero, negative,
 * fractional absolute, or out-of-range values.
 */
bool		msc_cell_dose_parse(const char *src, size_t len, msc_cell_dose *out,
								msc_error *err);

/*
 * Build a dose from a plain decimal number as PostgreSQL's numeric_out
 * writes it ("50000000", "1.50", "-3", "NaN", "Infinity"), of any length.
 * Errors: 22023 (MSC_ERR_PARAM) for NaN, infinity, unreadable text or too
 * many significant digits; 22003 for values outside the accepted range
 * (zero, negative, fractional absolute, too large).
 */
bool		msc_cell_dose_from_decimal(const char *src, size_t len, bool per_kg,
									   msc_cell_dose *out, msc_error *err);

/*
 * Check a stored or received value: canonical form, zero padding, known
 * flags and range.  On failure returns false with a reason in err
 * (class MSC_ERR_PARAM; the caller picks the SQLSTATE).
 */
bool		msc_cell_dose_check(const msc_cell_dose *d, msc_error *err);

/* Is this a per-kilogram dose? */
static inline bool
msc_cell_dose_is_per_kg(const msc_cell_dose *d)
{
	return (d->flags & MSC_CELL_DOSE_PER_KG) != 0;
}

/*
 * Write the canonical text of d ("5e7 cells", "1.5e6 cells/kg") into buf
 * (at least MSC_CELL_DOSE_TEXT_MAX bytes).  Returns the length.
 */
size_t		msc_cell_dose_format(const msc_cell_dose *d, char *buf, size_t buflen);

/*
 * Write the value of d as a number a decimal parser reads exactly
 * ("5e7", "15e-1"), without unit.  Returns the length.
 */
size_t		msc_cell_dose_number_text(const msc_cell_dose *d, char *buf, size_t buflen);

/*
 * Total order: every absolute dose before every per-kg dose, then by exact
 * numeric value.  Returns -1, 0 or 1.
 */
int			msc_cell_dose_cmp(const msc_cell_dose *a, const msc_cell_dose *b);

#endif
