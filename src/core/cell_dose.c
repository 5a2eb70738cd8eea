/*
 * cell_dose.c — parser, formatter and comparison of cell doses.
 *
 * Grammar of the text input (case-insensitive; white space, including
 * U+00A0, U+2009 and U+202F, is allowed between the parts):
 *
 *   dose     := [sign] number [scale] [unit] [per-kg]
 *   number   := digits [. digits] | . digits       (a comma may separate
 *               strict groups of three digits in the integer part only:
 *               100,000,000)
 *   scale    := e [sign] digits                     5e7, 5E+07 (no space)
 *             | times 10 power                      5 x 10^7, 5×10⁷
 *             | power, when number is "10"          10^8
 *             | thousand | k | million(s) | mln[.] | Mio[.] | m
 *             | billion(s) | bn | b | trillion
 *   times    := x | * | × (U+00D7) | · (U+00B7) | ⋅ (U+22C5) | ∗ (U+2217)
 *   power    := ^ [sign] digits | superscript digits (⁰¹²³⁴⁵⁶⁷⁸⁹, ⁺ ⁻)
 *   unit     := [viable] (cells | cell | MSCs | MSC)
 *   per-kg   := (/ | per) (kg | kilogram) [body weight | bodyweight | bw
 *               | of body weight]
 *
 * Refused on purpose: "5x10e7" (10e7 is 10^8, so the writer's intent is
 * ambiguous), a second scale ("5 million million", "5e7 million"), a comma
 * that is not a strict thousands separator ("1,5", "1,50,000"), a number
 * written in words.
 *
 * Scale words, multiplication signs, superscripts and powers are the
 * lexicon of dose_notation.c, shared with the classifier's dose scanner.
 */
#include "cell_dose.h"

#include "dose_notation.h"
#include "msc_ascii.h"

#include <stdio.h>
#include <string.h>

const char	msc_cell_dose_hint[] =
"Write a number of cells such as 5e7, 5x10^7, 5 \xC3\x97 10^7, 10^8, "
"50 million, 50M or 100,000,000, optionally followed by \"cells\" or "
"\"MSCs\"; add \"/kg\" or \"per kg\" for a dose per kilogram of body "
"weight, as in 1.5e6 cells/kg.";

static const char placebo_hint[] =
"A cell dose is at least 1 cell; record the dose of a placebo or control "
"arm as NULL.";

static const char too_large_hint[] =
"Check the exponent and the unit: 5e7 is 50 million cells.";

/* Match the whole word w at p: the pointer after it, or NULL. */
static const char *
match_word(const char *p, const char *end, const char *w)
{
	size_t		n = ascii_lit(p, end, w);

	if (n == 0 || (p + n < end && ascii_is_alnum((unsigned char) p[n])))
		return NULL;
	return p + n;
}

/* White space between the parts, line ends included. */
static const char *
skip_ws(const char *p, const char *end)
{
	return dn_skip_space(p, end, true);
}

/* ---- exact decimal accumulation ---- */

/*
 * Digits are read one at a time.  The significant digits (first to last
 * non-zero) are counted in ndig and, while they fit, kept in mant; zeros
 * after a non-zero digit wait in pending until another non-zero digit
 * makes them significant, and otherwise end up in the exponent.  The
 * value is mant × 10^(scale - fracdigits + pending).
 */
typedef struct decimal_acc
{
	uint64_t	mant;
	long		ndig;
	long		pending;
	long		fracdigits;
	bool		toolong;
	bool		any_digit;
	const char *start;			/* the digits as written, for "10^8" */
	const char *stop;
} decimal_acc;

static void
acc_digit(decimal_acc *a, int d)
{
	a->any_digit = true;
	if (d == 0)
	{
		if (a->ndig > 0)
			a->pending++;
		return;
	}
	a->ndig = a->ndig > 0 ? a->ndig + a->pending + 1 : 1;
	if (a->ndig <= MSC_CELL_DOSE_MAX_DIGITS)
	{
		for (long i = 0; i < a->pending; i++)
			a->mant *= 10;
		a->mant = a->mant * 10 + (uint64_t) d;
	}
	else
		a->toolong = true;
	a->pending = 0;
}

static const char comma_detail[] =
"A comma is accepted only as a thousands separator between groups of three "
"digits, as in 100,000,000; write a decimal fraction with a point.";

/*
 * Read digits [. digits] at *pp.  With groups, the integer part may be
 * written in comma-separated groups of three.  On failure *why says what
 * is wrong.
 */
static bool
scan_decimal(const char **pp, const char *end, decimal_acc *a, bool groups,
			 const char **why)
{
	const char *p = *pp;
	long		intdigits = 0;

	memset(a, 0, sizeof(*a));
	a->start = p;
	while (p < end && ascii_is_digit(*p))
	{
		acc_digit(a, *p - '0');
		intdigits++;
		p++;
	}
	if (p < end && *p == ',' && intdigits > 0)
	{
		if (!groups || intdigits > 3 || *a->start == '0')
		{
			*why = comma_detail;
			return false;
		}
		while (p < end && *p == ',')
		{
			p++;
			for (int k = 0; k < 3; k++, p++)
			{
				if (p >= end || !ascii_is_digit(*p))
				{
					*why = comma_detail;
					return false;
				}
				acc_digit(a, *p - '0');
			}
			if (p < end && ascii_is_digit(*p))
			{
				*why = comma_detail;
				return false;
			}
		}
	}
	if (p < end && *p == '.')
	{
		p++;
		while (p < end && ascii_is_digit(*p))
		{
			acc_digit(a, *p - '0');
			a->fracdigits++;
			p++;
		}
		if (p < end && *p == ',')
		{
			*why = comma_detail;
			return false;
		}
	}
	if (!a->any_digit)
	{
		*why = "A cell dose starts with a number, as in 5e7 or 5 x 10^7.";
		return false;
	}
	a->stop = p;
	*pp = p;
	return true;
}

/* The exponent of e-notation, after the "e": [+|-] digits. */
static bool
scan_e_exponent(const char **pp, const char *end, long *val)
{
	size_t		n = dn_e_exponent(*pp, end, val);

	*pp += n;
	return n != 0;
}

/*
 * The power after "10": "^ [sign] digits" or superscript digits.  On
 * failure *why says what is wrong.
 */
static bool
scan_power(const char **pp, const char *end, long *val, const char **why)
{
	size_t		n = 0;

	switch (dn_power(*pp, end, true, val, &n))
	{
		case DN_POWER_OK:
			*pp += n;
			return true;
		case DN_POWER_EMPTY:
			*why = "The power of ten has no exponent; write it as in 5 x 10^7.";
			return false;
		case DN_POWER_AMBIGUOUS:
			*why = "\"x 10e7\" is ambiguous, because 10e7 means 10^8; write 5 x 10^7 or 5e7.";
			return false;
		case DN_POWER_NONE:
			break;
	}
	*why = "Write the power of ten with \"^\", as in 5 x 10^7.";
	return false;
}

/* "cells", "cell", "MSCs", "MSC": the end, or NULL. */
static const char *
unit_word(const char *p, const char *end)
{
	static const char *const units[] = {"cells", "cell", "mscs", "msc"};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
	{
		const char *r = match_word(p, end, units[i]);

		if (r != NULL)
			return r;
	}
	return NULL;
}

/* "kg", "kilogram": the end, or NULL. */
static const char *
kg_word(const char *p, const char *end)
{
	const char *r = match_word(p, end, "kg");

	return r ? r : match_word(p, end, "kilogram");
}

/* Optional "body weight", "bodyweight", "bw", "of body weight" after /kg. */
static const char *
body_weight(const char *p, const char *end)
{
	const char *q = skip_ws(p, end);
	const char *r;

	if ((r = match_word(q, end, "bw")) != NULL ||
		(r = match_word(q, end, "bodyweight")) != NULL)
		return r;
	if ((r = match_word(q, end, "of")) != NULL)
	{
		const char *s = skip_ws(r, end);

		if (s == r)
			return p;
		q = s;
	}
	if ((r = match_word(q, end, "body")) != NULL)
	{
		const char *s = skip_ws(r, end);

		if (s != r && (r = match_word(s, end, "weight")) != NULL)
			return r;
	}
	return p;
}

/* ---- validation shared by text input and the numeric constructor ---- */

typedef enum source_kind
{
	FROM_TEXT,					/* type input: malformed is 22P02 */
	FROM_NUMERIC				/* cell_dose(numeric): bad argument is 22023 */
} source_kind;

static bool
finish(const decimal_acc *a, long scale, bool negative, bool per_kg,
	   source_kind kind, const char *quoted, msc_cell_dose *out,
	   msc_error *err)
{
	long		maxexp = per_kg ? MSC_CELL_DOSE_MAX_KG_EXP : MSC_CELL_DOSE_MAX_ABS_EXP;
	const char *unit = per_kg ? "cell/kg" : "cell";
	long		e;
	long		adj;
	char		detail[256];

	if (a->ndig == 0)
		return msc_fail(err, MSC_ERR_RANGE, "A dose of zero cells is not a dose.",
						placebo_hint, "cell dose must be at least 1 %s: \"%s\"",
						unit, quoted);
	if (negative)
		return msc_fail(err, MSC_ERR_RANGE, "A number of cells cannot be negative.",
						placebo_hint, "cell dose must be positive: \"%s\"", quoted);
	e = scale - a->fracdigits + a->pending;
	adj = e + a->ndig - 1;
	if (adj < 0)
		return msc_fail(err, MSC_ERR_RANGE, NULL,
						per_kg ? "Write the number of cells per kilogram, as in 1.5e6 cells/kg."
						: "Write the number of cells, as in 5e7 cells.",
						"cell dose must be at least 1 %s: \"%s\"", unit, quoted);
	if (adj > maxexp || (adj == maxexp && (a->ndig > 1 || a->mant != 1)))
	{
		snprintf(detail, sizeof(detail),
				 "A dose is at most 1e%ld %s: more is not a plausible dose of cells.",
				 maxexp, per_kg ? "cells/kg" : "cells");
		return msc_fail(err, MSC_ERR_RANGE, detail, too_large_hint,
						"cell dose out of range: \"%s\"", quoted);
	}
	if (a->toolong)
	{
		snprintf(detail, sizeof(detail),
				 "The number has %ld significant digits; a cell dose keeps at most %d and is never rounded.",
				 a->ndig, MSC_CELL_DOSE_MAX_DIGITS);
		if (kind == FROM_TEXT)
			return msc_fail(err, MSC_ERR_SYNTAX, detail, msc_cell_dose_hint,
							"invalid input syntax for type cell_dose: \"%s\"", quoted);
		return msc_fail(err, MSC_ERR_PARAM, detail, NULL,
						"too many significant digits for a cell dose: \"%s\"", quoted);
	}
	if (!per_kg && e < 0)
		return msc_fail(err, MSC_ERR_RANGE,
						"An absolute dose counts whole cells; only a dose per kilogram may have a fraction.",
						"Write a whole number of cells, as in 5e7 or 1.5e6; or add \"/kg\" for a dose per kilogram.",
						"cell dose is not a whole number of cells: \"%s\"", quoted);
	memset(out, 0, sizeof(*out));
	out->mantissa = (int64_t) a->mant;
	out->exponent = (int16_t) e;
	out->flags = per_kg ? MSC_CELL_DOSE_PER_KG : 0;
	return true;
}

/* ---- text input ---- */

static bool
syntax_error(msc_error *err, const char *quoted, const char *detail)
{
	return msc_fail(err, MSC_ERR_SYNTAX, detail, msc_cell_dose_hint,
					"invalid input syntax for type cell_dose: \"%s\"", quoted);
}

/* "Unexpected ..." naming the text from p on. */
static bool
trailing_error(msc_error *err, const char *quoted, const char *p, const char *end)
{
	char		rest[MSC_QUOTE_MAX * 4 + 8];
	char		detail[MSC_QUOTE_MAX * 4 + 64];

	msc_quote(rest, sizeof(rest), p, (size_t) (end - p));
	snprintf(detail, sizeof(detail), "Unexpected \"%s\" after the dose.", rest);
	return syntax_error(err, quoted, detail);
}

bool
msc_cell_dose_parse(const char *src, size_t len, msc_cell_dose *out,
					msc_error *err)
{
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	const char *end;
	const char *p;
	const char *q;
	const char *r;
	const char *why = NULL;
	decimal_acc acc;
	long		scale = 0;
	bool		negative = false;
	bool		per_kg = false;
	size_t		n;

	if (!msc_check_input(src, len, MSC_CELL_DOSE_MAX_INPUT, "cell_dose",
						 msc_cell_dose_hint, err))
		return false;
	msc_quote(quoted, sizeof(quoted), src, len);
	end = src + len;
	p = skip_ws(src, end);
	if (p == end)
		return syntax_error(err, quoted, "The input is empty.");

	/* sign and number */
	if (*p == '+')
		p++;
	else if ((n = dn_minus(p, end)) != 0)
	{
		negative = true;
		p += n;
	}
	if (!scan_decimal(&p, end, &acc, true, &why))
		return syntax_error(err, quoted, why);

	/* scale: e-notation, x 10^n, 10^n, or a word */
	if (p < end && (*p == 'e' || *p == 'E'))
	{
		p++;
		if (!scan_e_exponent(&p, end, &scale))
			return syntax_error(err, quoted,
								"The exponent after \"e\" is missing; write it as in 5e7.");
	}
	else
	{
		q = skip_ws(p, end);
		if ((n = dn_times(q, end)) != 0)
		{
			q = skip_ws(q + n, end);
			if (!ascii_lit(q, end, "10") || (q + 2 < end && (ascii_is_digit(q[2]) || q[2] == '.' || q[2] == ',')))
				return syntax_error(err, quoted,
									"After the multiplication sign write a power of ten, as in 5 x 10^7.");
			q += 2;
			if (!scan_power(&q, end, &scale, &why))
				return syntax_error(err, quoted, why);
			p = q;
		}
		else if (acc.stop - acc.start == 2 && acc.start[0] == '1' && acc.start[1] == '0' &&
				 dn_power_starts(q, end, true))
		{
			/* "10^8": the digits "10" already count one power of ten */
			if (!scan_power(&q, end, &scale, &why))
				return syntax_error(err, quoted, why);
			scale -= 1;
			p = q;
		}
		else if ((n = dn_scale_word(q, end, false, &scale)) != 0)
			p = q + n;
	}

	/* unit */
	q = skip_ws(p, end);
	if ((r = match_word(q, end, "viable")) != NULL)
	{
		const char *s = skip_ws(r, end);

		if (s == r || (r = unit_word(s, end)) == NULL)
			return syntax_error(err, quoted, "After \"viable\" write \"cells\" or \"MSCs\".");
		q = r;
	}
	else if ((r = unit_word(q, end)) != NULL)
		q = r;

	/* per kilogram */
	q = skip_ws(q, end);
	r = NULL;
	if (q < end && *q == '/')
		r = skip_ws(q + 1, end);
	else if ((r = match_word(q, end, "per")) != NULL)
		r = skip_ws(r, end);
	if (r != NULL)
	{
		const char *k = kg_word(r, end);

		if (k == NULL)
			return syntax_error(err, quoted,
								"A dose is either a number of cells or a number of cells per kilogram of body weight (/kg).");
		per_kg = true;
		q = body_weight(k, end);
	}

	q = skip_ws(q, end);
	if (q != end)
		return trailing_error(err, quoted, q, end);
	return finish(&acc, scale, negative, per_kg, FROM_TEXT, quoted, out, err);
}

/* ---- from a numeric ---- */

bool
msc_cell_dose_from_decimal(const char *src, size_t len, bool per_kg,
						   msc_cell_dose *out, msc_error *err)
{
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	const char *end = src + len;
	const char *p = src;
	const char *why = NULL;
	decimal_acc acc;
	long		scale = 0;
	bool		negative = false;
	static const char hint[] =
	"Pass a positive number of cells, as in cell_dose(5e7) or cell_dose(1.5e6, per_kg => true).";

	msc_error_clear(err);
	msc_quote(quoted, sizeof(quoted), src, len);
	if (p < end && (*p == '+' || *p == '-'))
	{
		negative = (*p == '-');
		p++;
	}
	if (match_word(p, end, "nan") || match_word(p, end, "infinity") ||
		match_word(p, end, "inf"))
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint,
						"cell count must be a finite number: \"%s\"", quoted);
	if (!scan_decimal(&p, end, &acc, false, &why) ||
		(p < end && (*p == 'e' || *p == 'E') && (p++, !scan_e_exponent(&p, end, &scale))) ||
		p != end)
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint,
						"invalid cell count: \"%s\"", quoted);
	return finish(&acc, scale, negative, per_kg, FROM_NUMERIC, quoted, out, err);
}

/* ---- stored values ---- */

static int
count_digits(uint64_t v)
{
	int			n = 1;

	while (v >= 10)
	{
		v /= 10;
		n++;
	}
	return n;
}

bool
msc_cell_dose_check(const msc_cell_dose *d, msc_error *err)
{
	int			ndig;
	long		adj;
	long		maxexp;

	msc_error_clear(err);
	if (d->flags & ~MSC_CELL_DOSE_PER_KG)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"unknown cell_dose flags 0x%02X", d->flags);
	for (size_t i = 0; i < sizeof(d->pad); i++)
		if (d->pad[i] != 0)
			return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
							"cell_dose padding is not zero");
	if (d->mantissa <= 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"cell_dose mantissa %lld is not positive", (long long) d->mantissa);
	if (d->mantissa % 10 == 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"cell_dose mantissa %lld is not canonical (trailing zero)",
						(long long) d->mantissa);
	ndig = count_digits((uint64_t) d->mantissa);
	if (ndig > MSC_CELL_DOSE_MAX_DIGITS)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"cell_dose mantissa %lld has more than %d digits",
						(long long) d->mantissa, MSC_CELL_DOSE_MAX_DIGITS);
	adj = (long) d->exponent + ndig - 1;
	maxexp = msc_cell_dose_is_per_kg(d) ? MSC_CELL_DOSE_MAX_KG_EXP : MSC_CELL_DOSE_MAX_ABS_EXP;
	if (adj < 0 || adj > maxexp || (adj == maxexp && d->mantissa != 1))
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"cell_dose %llde%d %s is out of range",
						(long long) d->mantissa, d->exponent,
						msc_cell_dose_is_per_kg(d) ? "cells/kg" : "cells");
	if (!msc_cell_dose_is_per_kg(d) && d->exponent < 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"absolute cell_dose %llde%d is not a whole number",
						(long long) d->mantissa, d->exponent);
	return true;
}

size_t
msc_cell_dose_format(const msc_cell_dose *d, char *buf, size_t buflen)
{
	char		digits[24];
	int			n = snprintf(digits, sizeof(digits), "%llu",
							 (unsigned long long) d->mantissa);
	int			len;

	len = snprintf(buf, buflen, "%c%s%se%ld %s",
				   digits[0], n > 1 ? "." : "", digits + 1,
				   (long) d->exponent + n - 1,
				   msc_cell_dose_is_per_kg(d) ? "cells/kg" : "cells");
	return len < 0 ? 0 : (size_t) len;
}

size_t
msc_cell_dose_number_text(const msc_cell_dose *d, char *buf, size_t buflen)
{
	int			len = snprintf(buf, buflen, "%llde%d",
							   (long long) d->mantissa, d->exponent);

	return len < 0 ? 0 : (size_t) len;
}

int
msc_cell_dose_cmp(const msc_cell_dose *a, const msc_cell_dose *b)
{
	bool		ka = msc_cell_dose_is_per_kg(a);
	bool		kb = msc_cell_dose_is_per_kg(b);
	uint64_t	ma = (uint64_t) a->mantissa;
	uint64_t	mb = (uint64_t) b->mantissa;
	int			na = count_digits(ma);
	int			nb = count_digits(mb);
	long		adja = (long) a->exponent + na - 1;
	long		adjb = (long) b->exponent + nb - 1;

	if (ka != kb)
		return ka ? 1 : -1;
	if (adja != adjb)
		return adja < adjb ? -1 : 1;
	/* same magnitude: compare the mantissas scaled to the same length */
	for (; na < nb; na++)
		ma *= 10;
	for (; nb < na; nb++)
		mb *= 10;
	return (ma > mb) - (ma < mb);
}
