/*
 * classify_dose.c — the first dose of cells a record states.  It reads the
 * raw text, not clauses: numbers, their notation (dose_notation.c, the
 * lexicon the cell_dose type reads too), a cell word and "per kg".
 */
#include "classify_engine.h"

#include "dose_notation.h"
#include "msc_ascii.h"

#include <stdio.h>
#include <string.h>

/*
 * A dose is a number with a scale and a unit, found in raw text:
 *
 *   number  digits [. digits], or strict thousands groups "100,000,000"
 *           or "30 000 000"
 *   scale   e-notation (5e7, 2E+07); "x 10^n", "×10⁶", "*10^7", "x 10 ^ 6";
 *           "x 10n" with n one or two digits, 3 to 15 (a superscript lost
 *           by ClinicalTrials.gov: "2 x 107 cells" is 2 x 10^7);
 *           "x 1000000"; "10^8" alone; the scale words of dose_notation.c
 *           as free text reads them: thousand, K, million(s), mln, Mio, M,
 *           billion(s), bn, trillion (not "b", not a lower-case "m")
 *   unit    a cell word within the next eight words ("cells", "MSCs",
 *           "mesenchymal stem cells", "umbilical cord MSCs", "PLX-PAD
 *           cells"), possibly shared: "6.0*10^6, 3.0*10^7 and 9.0*10^7 cells"
 *   per kg  "/kg", "per kg", "per kilogram", "per body kg", "x kg"
 *
 * Refused: "x 10e6" (ambiguous: cell_dose refuses it), ranges ("5-7x10^7",
 * "10 to 20 million", "150 - 225 x 10^6"), concentrations and rates
 * (per mL, µL, L, cm², square cm, minute, hour), a number below 10^4
 * cells (10^3 per kg).  A number written with a power of ten or a scale
 * word needs no unit when it is per kg, per patient, in a volume
 * ("4x107/40ml") or follows a cell word or the word dose ("MSC(300x10^6)",
 * "at a dose of 100M").  The value is checked by msc_cell_dose_parse.
 */

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
static size_t
skip_blanks(const char *s, size_t len, size_t p)
{
	return (size_t) (dn_skip_space(s + p, s + len, false) - s);
}

/* Case-insensitive literal at p: its length or 0. */
static size_t
lit_at(const char *s, size_t len, size_t p, const char *w)
{
	return ascii_lit(s + p, s + len, w);
}

/* A whole word w at p (letters after it end it): its length or 0. */
static size_t
word_at(const char *s, size_t len, size_t p, const char *w)
{
	size_t		n = lit_at(s, len, p, w);

	if (n == 0 || (p + n < len && ascii_is_alpha((unsigned char) s[p + n])))
		return 0;
	return n;
}

/* The end of the alphanumeric word at p. */
static size_t
word_end(const char *s, size_t len, size_t p)
{
	while (p < len && ascii_is_alnum((unsigned char) s[p]))
		p++;
	return p;
}

/* A dash or tilde of a range ("5-7", "5–7", "5~7"): its length or 0. */
static size_t
range_sign(const char *s, size_t len, size_t p)
{
	if (p < len && (s[p] == '-' || s[p] == '~'))
		return 1;
	if (lit_at(s, len, p, "\xE2\x80\x93") || lit_at(s, len, p, "\xE2\x80\x94") ||
		lit_at(s, len, p, "\xEF\xBD\x9E"))
		return 3;
	return 0;
}

/*
 * The power after "10" at p (after the "10"): ^n or superscripts (the
 * notation of dose_notation.c), or the forms free text adds: "(n)" and
 * lost superscript digits.  Returns the end, or 0; *ambiguous for "10e6".
 */
static size_t
scan_power(const char *s, size_t len, size_t p, long *pow, bool *ambiguous)
{
	size_t		q,
				n = 0;
	long		v = 0;
	bool		any = false;

	switch (dn_power(s + p, s + len, false, pow, &n))
	{
		case DN_POWER_OK:
			return p + n;
		case DN_POWER_EMPTY:
			return 0;
		case DN_POWER_AMBIGUOUS:
			*ambiguous = true;
			return 0;
		case DN_POWER_NONE:
			break;
	}
	q = skip_blanks(s, len, p);
	if (q < len && s[q] == '(')
	{
		size_t		r = q + 1;

		while (r < len && ascii_is_digit((unsigned char) s[r]) && v < 1000)
		{
			v = v * 10 + (s[r++] - '0');
			any = true;
		}
		if (any && r < len && s[r] == ')')
		{
			*pow = v;
			return r + 1;
		}
		return 0;
	}
	/* "107": digits right after the 10 */
	if (p < len && ascii_is_digit((unsigned char) s[p]))
	{
		size_t		r = p;

		while (r < len && ascii_is_digit((unsigned char) s[r]))
			r++;
		if (r < len && ascii_is_alpha((unsigned char) s[r]) && !(s[r] == 'c' || s[r] == 'C' || s[r] == 'M'))
			return 0;
		if (r - p <= 2)
		{
			for (size_t k = p; k < r; k++)
				v = v * 10 + (s[k] - '0');
			if (v < 3 || v > 15)
				return 0;
			*pow = v;
			return r;
		}
		/* "x 1000000": a power of ten written out */
		for (size_t k = p; k < r; k++)
			if (s[k] != '0')
				return 0;
		*pow = (long) (r - p) + 1;
		return r;
	}
	return 0;
}

/*
 * The powers free text writes after "x 10" that the type refuses or does
 * not know, at p (after the "10"): "e7"/"E7" (typed for ^7: "1x10e7 cells"
 * is 10^7 as registrants mean it, the mantissa and sign showing it is a
 * power of ten), "*6" ("1x10*6/kg") and " 8" (a lost caret, "1 X 10 8
 * cells": *need_unit, read only before a cell word or per kg).  Returns
 * the end, or 0.
 */
static size_t
free_power(const char *s, size_t len, size_t p, long *pow, bool *need_unit)
{
	size_t		q = p;
	size_t		r;
	long		v = 0;

	*need_unit = false;
	if (q < len && (s[q] == 'e' || s[q] == 'E' || s[q] == '*'))
		q++;
	else if (q < len && ascii_is_inline_space((unsigned char) s[q]))
	{
		q = skip_blanks(s, len, q);
		*need_unit = true;
	}
	else
		return 0;
	if (q < len && s[q] == '+' && s[p] != ' ')
		q++;
	for (r = q; r < len && ascii_is_digit((unsigned char) s[r]) && r - q < 3; r++)
		v = v * 10 + (s[r] - '0');
	if (r == q || r - q > 2 || (r < len && ascii_is_alnum((unsigned char) s[r])) || v < 3 || v > 15)
		return 0;
	*pow = v;
	return r;
}

/* A scale word at p (dose_notation.c, as free text reads it): its end with *pow, or 0. */
static size_t
scale_word(const char *s, size_t len, size_t p, long *pow)
{
	size_t		n = dn_scale_word(s + p, s + len, true, pow);

	return n ? p + n : 0;
}

/* Does the word [p, e) end with lit (lower case), ignoring case? */
static bool
ends_with(const char *s, size_t p, size_t e, const char *lit)
{
	size_t		n = strlen(lit);

	return e - p >= n && lit_at(s, e, e - n, lit) == n;
}

/* Unit words that end a dose's number: cells and MSC abbreviations. */
static bool
unit_head(const char *s, size_t len, size_t p, size_t e)
{
	size_t		n = e - p;
	int			upper = 0;

	(void) len;
	if (n == 0)
		return false;
	for (size_t k = p; k < e; k++)
		if (ascii_is_upper((unsigned char) s[k]))
			upper++;
	if ((n == 4 && ends_with(s, p, e, "cell")) || (n == 5 && ends_with(s, p, e, "cells")))
		return true;
	if (ends_with(s, p, e, "msc") || ends_with(s, p, e, "mscs"))
		return true;
	if (n >= 3 && upper >= 2 &&
		(ends_with(s, p, e, "scs") || ends_with(s, p, e, "sc") || ends_with(s, p, e, "mnc") ||
		 ends_with(s, p, e, "mncs") || ends_with(s, p, e, "mpc") || ends_with(s, p, e, "mpcs")))
		return true;
	return false;
}

/*
 * Words that stop the look for a unit: 1 when the number counts
 * something else ("1 million units/kg", "5 mg"), 2 when the sentence
 * moves on ("per", "days", "patients").
 */
static int
unit_stop(const char *s, size_t len, size_t p, size_t e)
{
	static const char *const other_units[] = {
		"ml", "mls", "l", "ul", "mg", "g", "mcg", "ug", "ng", "pg", "iu", "units",
		"unit", "copies", "particles", "vg", "gy", "cgy", "pfu", "mm", "cm",
		"mmol", "meq", "platelets", "plt", NULL
	};
	static const char *const stops[] = {
		"per", "kg", "dose", "doses", "day", "days", "week", "weeks", "month",
		"months", "year", "years", "times", "patients", "patient", "subjects",
		"hours", "minutes", "min", NULL
	};

	for (const char *const *w = other_units; *w; w++)
		if (e - p == strlen(*w) && lit_at(s, len, p, *w))
			return 1;
	for (const char *const *w = stops; *w; w++)
		if (e - p == strlen(*w) && lit_at(s, len, p, *w))
			return 2;
	return 0;
}

/* "/" or "per" at p (after blanks): where the word after it starts, or 0. */
static size_t
per_at(const char *s, size_t len, size_t p)
{
	size_t		q = skip_blanks(s, len, p);
	size_t		n;

	if (q < len && s[q] == '/')
		return skip_blanks(s, len, q + 1);
	if ((n = word_at(s, len, q, "per")) != 0)
		return skip_blanks(s, len, q + n);
	return 0;
}

/* "/kg", "per kg", "per kilogram", "per body kg", "x kg": end or 0. */
static size_t
per_kg_at(const char *s, size_t len, size_t p)
{
	size_t		q = per_at(s, len, p);
	size_t		n;

	if (q == 0)
	{
		q = skip_blanks(s, len, p);
		if (q < len && (s[q] == 'x' || s[q] == 'X') && (n = word_at(s, len, skip_blanks(s, len, q + 1), "kg")) != 0)
			return skip_blanks(s, len, q + 1) + n;
		return 0;
	}
	if ((n = word_at(s, len, q, "body")) != 0)
		q = skip_blanks(s, len, q + n);
	if ((n = word_at(s, len, q, "kg")) != 0 || (n = word_at(s, len, q, "kilogram")) != 0 ||
		(n = word_at(s, len, q, "kgs")) != 0 || (n = word_at(s, len, q, "kilograms")) != 0 ||
		(n = word_at(s, len, q, "kgbw")) != 0)
		return q + n;
	return 0;
}

/* A concentration per mL at p ("/mL", "per ml", "/cc"): the end of it, or 0. */
static size_t
per_ml_at(const char *s, size_t len, size_t p)
{
	size_t		q = per_at(s, len, p);
	size_t		n;

	if (q == 0)
		return 0;
	if ((n = word_at(s, len, q, "ml")) == 0)
		n = word_at(s, len, q, "cc");
	return n ? q + n : 0;
}

/*
 * A volume in mL right after a concentration per mL at p ("/mL, 3 mL",
 * "per ml in 2 mL", "/ml (1.5 ml)"): the volume as an integer and a power
 * of ten (1.5 mL: 15, -1), or false.  Only a volume written right after
 * the concentration is the volume of the same product; none is guessed.
 */
static bool
ml_volume_after(const char *s, size_t len, size_t p, long *vol, int *vexp)
{
	size_t		q = per_ml_at(s, len, p);
	size_t		n;
	long		v = 0;
	int			e = 0;
	bool		point = false;

	if (q == 0)
		return false;
	q = skip_blanks(s, len, q);
	if (q < len && (s[q] == ',' || s[q] == '('))
		q = skip_blanks(s, len, q + 1);
	else if ((n = word_at(s, len, q, "in")) != 0)
		q = skip_blanks(s, len, q + n);
	else
		return false;
	if (q >= len || !ascii_is_digit((unsigned char) s[q]))
		return false;
	for (; q < len && (ascii_is_digit((unsigned char) s[q]) || (s[q] == '.' && !point)); q++)
	{
		if (s[q] == '.')
		{
			point = true;
			continue;
		}
		if (v > 100000)
			return false;
		v = v * 10 + (s[q] - '0');
		e -= point;
	}
	q = skip_blanks(s, len, q);
	if (v == 0 || !(word_at(s, len, q, "ml") || word_at(s, len, q, "mls") || word_at(s, len, q, "cc")))
		return false;
	*vol = v;
	*vexp = e;
	return true;
}

/*
 * A concentration at p: the volume stated with it makes it a dose (kept in
 * the candidate), else it is refused.
 */
static void
concentration(const char *s, size_t len, size_t p, dose_cand *d)
{
	long		vol;
	int			vexp;

	if (ml_volume_after(s, len, p, &vol, &vexp))
	{
		d->vol = vol;
		d->vol_exp = vexp;
	}
	else
		d->reject = true;
}

/*
 * After a number (and unit): a concentration, area or rate ("/mL",
 * "per square cm", "per minute", "/L") — refused — or a volume
 * ("/2mL", "(30ml)", "in 2 ml") — a dose in it.  Returns 1 for a
 * concentration, 2 for a volume, 3 per patient, 0 for nothing.
 */
static int
after_unit(const char *s, size_t len, size_t p)
{
	static const char *const conc[] = {
		"ml", "mls", "cc", "milliliter", "millilitre", "ul", "microliter", "microlitre",
		"l", "liter", "litre", "dl", "cm", "cm2", "cm3", "square", "mm2", "mm3", "m2",
		"minute", "min", "hour", "h", "hr", "well", "dish", "flask", "mm", NULL
	};
	size_t		q = skip_blanks(s, len, p);
	size_t		n;
	bool		slash = false;

	if (q < len && s[q] == '/')
	{
		slash = true;
		q = skip_blanks(s, len, q + 1);
	}
	else if ((n = word_at(s, len, q, "per")) != 0)
		q = skip_blanks(s, len, q + n);
	else if (q < len && s[q] == '(')
	{
		/* "(30ml)" */
		size_t		r = q + 1;

		while (r < len && (ascii_is_digit((unsigned char) s[r]) || s[r] == '.'))
			r++;
		if (r > q + 1 && (n = word_at(s, len, skip_blanks(s, len, r), "ml")) != 0)
			return 2;
		return 0;
	}
	else
		return 0;
	/* a volume: "/2mL", "per 2 ml" */
	if (q < len && ascii_is_digit((unsigned char) s[q]))
	{
		size_t		r = q;

		while (r < len && (ascii_is_digit((unsigned char) s[r]) || s[r] == '.'))
			r++;
		r = skip_blanks(s, len, r);
		if (word_at(s, len, r, "ml") || word_at(s, len, r, "mls"))
			return 2;
		return 0;
	}
	if (lit_at(s, len, q, "\xC2\xB5") || lit_at(s, len, q, "\xCE\xBC") ||
		lit_at(s, len, q, "\xE3\x8E\x95"))
		return 1;				/* µL, μL, ㎕ */
	for (const char *const *w = conc; *w; w++)
		if (word_at(s, len, q, *w) || (strcmp(*w, "cm") == 0 && lit_at(s, len, q, "cm")))
			return 1;
	if (word_at(s, len, q, "patient") || word_at(s, len, q, "person") ||
		word_at(s, len, q, "subject") || word_at(s, len, q, "participant"))
		return 3;
	(void) slash;
	return 0;
}

/*
 * Read the number at p (a word start with a digit) and its scale into d.
 * Returns false when it is no number of this kind.
 */
static bool
scan_number(const char *s, size_t len, size_t p, dose_cand *d)
{
	size_t		q = p;
	size_t		m = 0;
	size_t		intdigits = 0;
	bool		point = false;
	size_t		n;
	long		pow;
	bool		ambiguous = false;

	memset(d, 0, sizeof(*d));
	d->start = p;
	while (q < len && ascii_is_digit((unsigned char) s[q]))
	{
		if (m + 1 < sizeof(d->mant))
			d->mant[m++] = s[q];
		intdigits++;
		q++;
	}
	/* thousands groups: 100,000,000 or 30 000 000 */
	if (intdigits <= 3 && q < len && (s[q] == ',' || s[q] == ' '))
	{
		char		g = s[q];
		size_t		r = q;
		size_t		mm = m;
		int			groups = 0;

		while (r + 3 < len && s[r] == g && ascii_is_digit((unsigned char) s[r + 1]) &&
			   ascii_is_digit((unsigned char) s[r + 2]) && ascii_is_digit((unsigned char) s[r + 3]) &&
			   (r + 4 >= len || !ascii_is_digit((unsigned char) s[r + 4])))
		{
			for (int k = 1; k <= 3; k++)
				if (mm + 1 < sizeof(d->mant))
					d->mant[mm++] = s[r + k];
			r += 4;
			groups++;
		}
		/* a space-grouped number needs two groups (not "3 100 patients") */
		if (groups >= (g == ' ' ? 2 : 1))
		{
			q = r;
			m = mm;
		}
	}
	if (q + 1 < len && s[q] == '.' && ascii_is_digit((unsigned char) s[q + 1]))
	{
		point = true;
		if (m + 1 < sizeof(d->mant))
			d->mant[m++] = '.';
		q++;
		while (q < len && ascii_is_digit((unsigned char) s[q]))
		{
			if (m + 1 < sizeof(d->mant))
				d->mant[m++] = s[q];
			q++;
		}
	}
	d->mant[m] = '\0';
	if (m + 1 >= sizeof(d->mant))
		return false;
	/* "1.10^6", "6.10e7": a dot for the multiplication sign before 10^n */
	if (point && intdigits == 1 && m == 4 && d->mant[2] == '1' && d->mant[3] == '0' && q < len &&
		(s[q] == '^' || ((s[q] == 'e' || s[q] == 'E') && q + 1 < len && ascii_is_digit((unsigned char) s[q + 1]))))
	{
		size_t		e = s[q] == '^' ? scan_power(s, len, q, &pow, &ambiguous) :
			free_power(s, len, q, &pow, &ambiguous);

		if (e && !ambiguous)
		{
			d->mant[1] = '\0';
			d->exp = pow;
			d->scaled = true;
			d->end = e;
			return true;
		}
		ambiguous = false;
	}

	/* e-notation */
	if (q < len && (s[q] == 'e' || s[q] == 'E') && (n = dn_e_exponent(s + q + 1, s + len, &pow)) != 0)
	{
		size_t		r = q + 1 + n;

		if (r < len && ascii_is_alnum((unsigned char) s[r]))
			return false;
		/* "10E6" alone is the "x 10E6" of a writer who meant 10^6: ambiguous */
		if (strcmp(d->mant, "10") == 0)
			d->reject = true;
		d->exp = pow;
		d->scaled = true;
		d->end = r;
		return true;
	}
	/* x 10^n */
	{
		size_t		r = skip_blanks(s, len, q);

		if ((n = dn_times(s + r, s + len)) != 0)
		{
			r = skip_blanks(s, len, r + n);
			/* "x 1,000,000", "x 10,000,000": a power of ten in thousands groups */
			if (r + 4 < len && s[r] == '1' &&
				(s[r + 1] == ',' || (s[r + 1] == '0' && (s[r + 2] == ',' ||
														(s[r + 2] == '0' && s[r + 3] == ',')))))
			{
				size_t		t = r + 1;
				long		zeros = 0;

				while (t < len && s[t] == '0')
				{
					zeros++;
					t++;
				}

				while (t + 3 < len && s[t] == ',' && s[t + 1] == '0' && s[t + 2] == '0' &&
					   s[t + 3] == '0')
				{
					zeros += 3;
					t += 4;
				}
				if (zeros > 0 && (t >= len || !ascii_is_digit((unsigned char) s[t])))
				{
					d->exp = zeros;
					d->scaled = true;
					d->end = t;
					return true;
				}
			}
			if (lit_at(s, len, r, "10"))
			{
				size_t		e = scan_power(s, len, r + 2, &pow, &ambiguous);

				if (e == 0)
					e = free_power(s, len, r + 2, &pow, &d->need_unit);
				if (e)
				{
					d->exp = pow;
					d->scaled = true;
					d->end = e;
					return true;
				}
			}
			/* "2 x 50 million cells": two doses of 50 million */
			if (r < len && ascii_is_digit((unsigned char) s[r]) && q - p == 1 && !point)
			{
				size_t		t = r;
				dose_cand	each;

				while (t < len && ascii_is_digit((unsigned char) s[t]))
					t++;
				/* digits and a scale word: scan_number reads no sign there */
				if (scale_word(s, len, skip_blanks(s, len, t), &pow) &&
					scan_number(s, len, r, &each) && each.scaled && !each.reject)
				{
					*d = each;
					return true;
				}
			}
			/* "5 x 10 mm", "1x1000000"... not a power: not a dose */
			if (r < len && ascii_is_digit((unsigned char) s[r]))
			{
				d->reject = true;
				d->end = word_end(s, len, r);
				return true;
			}
		}
	}
	/* 10^8 */
	if (strcmp(d->mant, "10") == 0)
	{
		size_t		r = skip_blanks(s, len, q);
		int			dg;

		if ((r < len && (s[r] == '^' || (s[r] == '(' && r + 1 < len && ascii_is_digit((unsigned char) s[r + 1])))) ||
			dn_superscript(s + r, s + len, &dg))
		{
			size_t		e = scan_power(s, len, q, &pow, &ambiguous);

			if (e)
			{
				strcpy(d->mant, "1");
				d->exp = pow;
				d->scaled = true;
				d->end = e;
				return true;
			}
		}
	}
	/* million, M, ... (also glued: "60millions", "100M") */
	{
		size_t		r = skip_blanks(s, len, q);
		size_t		e = scale_word(s, len, r, &pow);

		if (e)
		{
			d->exp = pow;
			d->scaled = true;
			d->end = e;
			return true;
		}
	}
	/* a plain number must not run into letters ("CD34", "3rd") */
	if (q < len && ascii_is_alpha((unsigned char) s[q]))
		return false;
	d->end = q;
	/*
	 * "106 cells/kg", "107 MSCs": 10^6 and 10^7 with the superscript lost
	 * (no count of fewer than 10^4 cells is a dose); read only before a
	 * cell word or per kg
	 */
	if (!point && m >= 3 && m <= 4 && d->mant[0] == '1' && d->mant[1] == '0' &&
		((m == 3 && d->mant[2] >= '3') || (m == 4 && d->mant[2] == '1' && d->mant[3] <= '5')))
	{
		d->exp = m == 3 ? d->mant[2] - '0' : 10 + d->mant[3] - '0';
		strcpy(d->mant, "1");
		d->scaled = true;
		d->need_unit = true;
	}
	return true;
}

/* Can a number word start with ch (one, two, ..., ten, eleven, ...)? */
static inline bool
number_word_letter(char ch)
{
	switch (ch | 0x20)
	{
		case 'o':
		case 't':
		case 'f':
		case 's':
		case 'e':
		case 'n':
			return ascii_is_alpha((unsigned char) ch);
	}
	return false;
}

/*
 * Can the word at p begin a number in words before a scale word?  A cheap
 * look at its first letter and at what follows it, so that most words are
 * passed over without reading the number words.
 */
static bool
may_be_number_words(const char *s, size_t len, size_t p)
{
	size_t		e = word_end(s, len, p);
	unsigned char f = (unsigned char) ascii_lower((unsigned char) s[p]);
	unsigned char g,
				h;

	if (e - p < 3 || e - p > 9 || !number_word_letter((char) f))
		return false;
	if (e + 1 >= len)
		return false;
	if (s[e] == '-')
		return true;			/* "twenty-five" */
	/* one blank (a plain check: this runs for many words) */
	if (s[e] != ' ')
		return false;
	e++;
	/* a scale word or "hundred" next: mi(llion), ml(n), bi(llion), bn, hu(ndred), tho(usand), tr(illion), k */
	if (e + 2 >= len)
		return false;
	g = (unsigned char) ascii_lower((unsigned char) s[e]);
	h = (unsigned char) ascii_lower((unsigned char) s[e + 1]);
	switch (g)
	{
		case 'm':
			return h == 'i' || h == 'l';
		case 'b':
			return h == 'i' || h == 'n';
		case 'h':
			return h == 'u';
		case 't':
			return h == 'r' || (h == 'h' && ascii_lower((unsigned char) s[e + 2]) == 'o');
		case 'k':
			return !ascii_is_alpha((unsigned char) s[e + 1]);
	}
	return false;
}

/*
 * A number in words at p ("Twenty million", "one hundred million"): a
 * scaled number, or false.
 */
static bool
scan_number_words(const char *s, size_t len, size_t p, dose_cand *d)
{
	long		v,
				pow;
	size_t		n = dn_number_words(s + p, s + len, &v);
	size_t		r,
				e;

	if (n == 0)
		return false;
	r = skip_blanks(s, len, p + n);
	if ((e = scale_word(s, len, r, &pow)) == 0 || pow < 3)
		return false;
	memset(d, 0, sizeof(*d));
	snprintf(d->mant, sizeof(d->mant), "%ld", v);
	d->exp = pow;
	d->scaled = true;
	d->start = p;
	d->end = e;
	return true;
}

/* Is the number at p the high end of a range ("5-7", "between 1 and 2")? */
static bool
range_precedes(const char *s, size_t p)
{
	size_t		q = p;

	while (q > 0 && ascii_is_inline_space((unsigned char) s[q - 1]))
		q--;
	if (q > 0 && (s[q - 1] == '-' || s[q - 1] == '~'))
	{
		q--;
		while (q > 0 && ascii_is_inline_space((unsigned char) s[q - 1]))
			q--;
		return q > 0 && (ascii_is_digit((unsigned char) s[q - 1]) || s[q - 1] == '^');
	}
	if (q >= 3 && (unsigned char) s[q - 3] == 0xE2 && (unsigned char) s[q - 2] == 0x80 &&
		((unsigned char) s[q - 1] == 0x93 || (unsigned char) s[q - 1] == 0x94))
		return true;
	if (q >= 2 && ascii_lower((unsigned char) s[q - 1]) == 'o' && ascii_lower((unsigned char) s[q - 2]) == 't' &&
		(q == 2 || !ascii_is_alpha((unsigned char) s[q - 3])))
	{
		q -= 2;
		while (q > 0 && ascii_is_inline_space((unsigned char) s[q - 1]))
			q--;
		return q > 0 && ascii_is_digit((unsigned char) s[q - 1]);
	}
	return false;
}

/* Is the number at p the "10" of a power ("x 10e6", "× 10^6")? */
static bool
times_before(const char *s, size_t p)
{
	size_t		q = p;
	size_t		n;

	while (q > 0 && ascii_is_inline_space((unsigned char) s[q - 1]))
		q--;
	n = dn_times_before(s, s + q);
	/* an "x" is a sign, not the end of a word ("box 10") */
	if (n == 1 && (s[q - 1] == 'x' || s[q - 1] == 'X'))
		return q == 1 || !ascii_is_alpha((unsigned char) s[q - 2]);
	return n != 0;
}

/* Is there a cell word or "dose" in the few words before p (same clause)? */
static bool
cells_before(const char *s, size_t p)
{
	size_t		q = p;
	int			words = 0;

	while (q > 0 && words < 6)
	{
		size_t		e,
					b;

		while (q > 0 && !ascii_is_alnum((unsigned char) s[q - 1]))
		{
			if (s[q - 1] == '|' || s[q - 1] == ';' || s[q - 1] == '\n' ||
				(s[q - 1] == '.' && q < p && ascii_is_inline_space((unsigned char) s[q])))
				return false;
			q--;
		}
		e = q;
		while (q > 0 && ascii_is_alnum((unsigned char) s[q - 1]))
			q--;
		b = q;
		if (e == b)
			return false;
		if (unit_head(s, e, b, e) || (e - b == 4 && lit_at(s, e, b, "dose")) ||
			(e - b == 6 && lit_at(s, e, b, "dosage")))
			return true;
		words++;
	}
	return false;
}

/*
 * After a number or a unit at p: a restatement in parentheses ("10^6 (1
 * million)", "Stromal Cells (MSCs)") and a repeated cell word ("(MSCs)
 * cells/kg") are skipped; returns where the reading goes on.
 */
static size_t
skip_restated(const char *s, size_t len, size_t p)
{
	size_t		q = skip_blanks(s, len, p);
	size_t		r,
				e;

	if (q >= len || s[q] != '(')
		return p;
	for (r = q + 1; r < len && r < q + 40 && s[r] != ')' && s[r] != '(' && s[r] != '|' && s[r] != '\n'; r++)
		;
	if (r >= len || s[r] != ')')
		return p;
	/* "(30ml)" is the volume, read by after_unit */
	for (size_t k = q + 1; k + 1 < r; k++)
		if (lit_at(s, r, k, "ml"))
			return p;
	/* a repeated cell word: "(MSCs) cells/kg" */
	e = skip_blanks(s, len, r + 1);
	if (e < len && ascii_is_alpha((unsigned char) s[e]) && unit_head(s, len, e, word_end(s, len, e)))
		return word_end(s, len, e);
	return r + 1;
}

/* Is the word just before the comma at r a donor or tissue adjective? */
static bool
adjective_before(const char *s, size_t from, size_t r)
{
	static const char *const adjectives[] = {
		"allogeneic", "allogenic", "autologous", "human", "adult", "cryopreserved",
		"expanded", "cultured", "healthy", NULL
	};
	size_t		b = r;

	while (b > from && ascii_is_alpha((unsigned char) s[b - 1]))
		b--;
	for (const char *const *w = adjectives; *w; w++)
		if (r - b == strlen(*w) && lit_at(s, r, b, *w))
			return true;
	return false;
}

/*
 * Read a unit and "per kg" after the number d (at d->end): fills unit,
 * per_kg, volume, per_patient, reject and stop.  depth bounds the shared
 * unit look-ahead ("6.0*10^6, 3.0*10^7 and 9.0*10^7 cells").
 */
static void
scan_unit(const char *s, size_t len, dose_cand *d, int depth)
{
	size_t		q = skip_restated(s, len, d->end);
	size_t		r;
	int			words = 0;
	int			a;

	/* straight "/kg" ("2 x 10^6/kg") */
	if ((r = per_kg_at(s, len, q)) != 0)
	{
		d->per_kg = true;
		d->stop = r;
		return;
	}
	a = after_unit(s, len, q);
	if (a == 1)
	{
		concentration(s, len, q, d);
		d->stop = q;
		if (d->reject)
			return;
	}
	if (a == 2)
		d->volume = true;
	if (a == 3)
		d->per_patient = true;
	/* look for the unit in the next words */
	r = q;
	while (words < 10)
	{
		size_t		b,
					e;

		/* separators: blanks, joiners, parentheses */
		while (r < len && !ascii_is_alnum((unsigned char) s[r]))
		{
			unsigned char ch = (unsigned char) s[r];

			if (ch == '|' || ch == ';' || ch == '\n' || ch == '\r' || ch == '/' ||
				(ch == '.' && (r + 1 >= len || ascii_is_inline_space((unsigned char) s[r + 1]))))
				goto no_unit;
			/* "300 million Allogeneic, Bone Marrow-Derived ... Cells" */
			if (ch == ',' && r > q && adjective_before(s, q, r))
			{
				r++;
				continue;
			}
			if (ch == ',' && depth < 8 && r + 1 < len && ascii_is_inline_space((unsigned char) s[r + 1]))
				break;
			if (ch == ',')
				goto no_unit;
			r++;
		}
		if (r >= len)
			goto no_unit;
		/* a shared unit: "6.0*10^6, 3.0*10^7 and 9.0*10^7 cells", "100M or 300M cells" */
		if ((s[r] == ',' && r + 1 < len && ascii_is_inline_space((unsigned char) s[r + 1])) ||
			word_at(s, len, r, "and") || word_at(s, len, r, "or"))
		{
			size_t		t = s[r] == ',' ? r + 1 : r + (word_at(s, len, r, "and") ? 3 : 2);
			dose_cand	next;

			t = skip_blanks(s, len, t);
			if (word_at(s, len, t, "and") || word_at(s, len, t, "or"))
				t = skip_blanks(s, len, t + (word_at(s, len, t, "and") ? 3 : 2));
			if (depth < 8 && t < len && ascii_is_digit((unsigned char) s[t]) &&
				scan_number(s, len, t, &next) && !next.reject)
			{
				scan_unit(s, len, &next, depth + 1);
				if (!next.reject && (next.unit || next.per_kg))
				{
					/* "1.0 or 2.0 million cells/kg": the scale is shared too */
					if (!d->scaled && next.scaled)
					{
						if (strlen(d->mant) > 3 && strchr(d->mant, '.') == NULL)
							goto no_unit;
						d->exp = next.exp;
						d->scaled = true;
					}
					d->unit = next.unit;
					d->per_kg = next.per_kg;
					d->stop = r;
					return;
				}
			}
			goto no_unit;
		}
		b = r;
		e = word_end(s, len, r);
		if (ascii_is_digit((unsigned char) s[b]))
			goto no_unit;
		/* "10x10^6 unit of umbilical cord mesenchymal stem cells" */
		if ((lit_at(s, len, b, "unit") == e - b || lit_at(s, len, b, "units") == e - b) &&
			word_at(s, len, skip_blanks(s, len, e), "of"))
		{
			r = e;
			words++;
			continue;
		}
		/* "MSC 30 million unit": units of the cells named before */
		if (words == 0 && d->scaled && (lit_at(s, len, b, "unit") == e - b || lit_at(s, len, b, "units") == e - b) &&
			cells_before(s, d->start) && per_kg_at(s, len, e) == 0 && after_unit(s, len, e) == 0)
		{
			d->unit = true;
			d->stop = e;
			return;
		}
		switch (unit_stop(s, len, b, e))
		{
			case 1:
				d->reject = true;
				d->stop = e;
				return;
			case 2:
				goto no_unit;
		}
		if (unit_head(s, len, b, e))
		{
			d->unit = true;
			/* "MSC-like cells": take the head found first */
			d->stop = e;
			/* "... Stromal Cells (MSCs) cells/kg", "MSCs (MSCs) per kg" */
			e = skip_restated(s, len, e);
			if ((r = per_kg_at(s, len, e)) != 0)
			{
				d->per_kg = true;
				d->stop = r;
				return;
			}
			a = after_unit(s, len, e);
			if (a == 1)
				concentration(s, len, e, d);
			else if (a == 2)
				d->volume = true;
			return;
		}
		r = e;
		words++;
	}
no_unit:
	d->stop = d->end;
}

/*
 * The dose of candidate d (its unit read), checked by the cell_dose
 * parser: false when it is not one.
 */
static bool
dose_value(const char *s, const dose_cand *d, msc_cell_dose *v)
{
	char		buf[96];
	msc_error	err;
	long		mag;
	size_t		digits = 0;
	long		exp = d->exp;

	if (d->reject)
		return false;
	if (d->need_unit && !d->unit && !d->per_kg)
		return false;
	if (!d->unit && !d->per_kg &&
		!(d->scaled && (d->volume || d->per_patient || d->vol || cells_before(s, d->start))))
		return false;
	if (!d->unit && !d->per_kg && !d->scaled)
		return false;
	if (exp > 999 || exp < -999)
		return false;
	if (d->vol)
	{
		/* cells per mL times the volume stated with them */
		if (strlen(d->mant) + 8 >= sizeof(buf) - 24)
			return false;
		snprintf(buf, sizeof(buf), "%se%ld", d->mant, exp);
		if (!msc_cell_dose_parse(buf, strlen(buf), v, &err) ||
			v->mantissa > INT64_MAX / d->vol)
			return false;
		snprintf(buf, sizeof(buf), "%llde%ld%s", (long long) (v->mantissa * d->vol),
				 (long) v->exponent + d->vol_exp, d->per_kg ? " cells/kg" : " cells");
	}
	else
		snprintf(buf, sizeof(buf), "%se%ld%s", d->mant, exp, d->per_kg ? " cells/kg" : " cells");
	if (!msc_cell_dose_parse(buf, strlen(buf), v, &err))
		return false;
	/* at least 10^4 cells, or 10^3 per kg */
	for (long m = (long) v->mantissa; m >= 10; m /= 10)
		digits++;
	mag = (long) v->exponent + (long) digits;
	return mag >= (d->per_kg ? 3 : 4);
}

/* Where the high end of a range starts after q ("5-7", "10 to 20"), or 0. */
static size_t
range_high(const char *s, size_t len, size_t q)
{
	size_t		r = skip_blanks(s, len, q);
	size_t		n;

	if ((n = range_sign(s, len, r)) == 0 && (n = word_at(s, len, r, "to")) == 0)
		return 0;
	r = skip_blanks(s, len, r + n);
	return r < len && ascii_is_digit((unsigned char) s[r]) ? r : 0;
}

/* Does s contain lit (lower case letters), ignoring case?  (linear: each memchr moves on) */
static bool
contains_ci(const char *s, size_t len, const char *lit)
{
	size_t		n = strlen(lit);
	const char *end = s + len;
	const char *lo = memchr(s, lit[0], len);
	const char *up = memchr(s, lit[0] - 'a' + 'A', len);

	while (lo || up)
	{
		const char *q = lo && (!up || lo < up) ? lo : up;

		if (ascii_lit(q, end, lit) == n)
			return true;
		if (q == lo)
			lo = memchr(lo + 1, lit[0], (size_t) (end - lo - 1));
		else
			up = memchr(up + 1, lit[0] - 'a' + 'A', (size_t) (end - up - 1));
	}
	return false;
}

/* Report the dose of d to found (and the observer). */
static bool
report(const msc_cell_dose *v, const dose_cand *d, const msc_classify_trace *trace,
	   bool (*found) (void *, const msc_cell_dose *), void *arg)
{
	if (trace && trace->mention)
		trace->mention(trace->arg, MSC_EV_DOSE, 1, d->start, d->stop > d->end ? d->stop : d->end);
	return found(arg, v);
}

/*
 * Every dose in s, in order: found is called for each (a range gives both
 * ends, lower first) and ends the scan by returning false.
 */
static void
scan_doses(const char *s, size_t len, const msc_classify_trace *trace,
		   bool (*found) (void *, const msc_cell_dose *), void *arg)
{
	size_t		p = 0;

	/*
	 * Numbers in words come before "million", "billion", "trillion" or
	 * "thousand": without one of them in the text, words are not looked at.
	 */
	bool		words = contains_ci(s, len, "illion") || contains_ci(s, len, "housand");

	while (p < len)
	{
		dose_cand	d;
		msc_cell_dose v;
		size_t		h;

		if (!ascii_is_digit((unsigned char) s[p]))
		{
			/* "Twenty million cells": a word starting o, t, f, s, e or n */
			/* (a cheap test first: this runs for every character) */
			if (words && (p == 0 || s[p - 1] == ' ' || s[p - 1] == '(') && number_word_letter(s[p]) &&
				may_be_number_words(s, len, p) && scan_number_words(s, len, p, &d))
			{
				scan_unit(s, len, &d, 0);
				if (dose_value(s, &d, &v) && !report(&v, &d, trace, found, arg))
					return;
				p = d.end;
				continue;
			}
			p++;
			continue;
		}
		if (p > 0 && (ascii_is_alnum((unsigned char) s[p - 1]) || s[p - 1] == '.' ||
					  (s[p - 1] == ',' && p > 1 && ascii_is_digit((unsigned char) s[p - 2])) ||
					  s[p - 1] == '^' || times_before(s, p) ||
					  (s[p - 1] == '-' && p > 1 && ascii_is_alnum((unsigned char) s[p - 2]) &&
					   !ascii_is_digit((unsigned char) s[p - 2]))))
		{
			p++;
			continue;
		}
		if (!scan_number(s, len, p, &d))
		{
			p = word_end(s, len, p);
			continue;
		}
		/* the high end of a range whose low end was no number ("1,5-3,0") */
		if (d.reject || range_precedes(s, p))
		{
			p = d.end > p ? d.end : p + 1;
			continue;
		}
		/* a range: both ends, the scale and unit of the high end shared */
		if ((h = range_high(s, len, d.end)) != 0 ||
			(d.end < word_end(s, len, p) && (h = range_high(s, len, word_end(s, len, p))) != 0))
		{
			dose_cand	hi;
			msc_cell_dose lo_v,
						hi_v;

			p = h;
			if (!scan_number(s, len, h, &hi))
				continue;
			p = hi.end > h ? hi.end : h + 1;
			if (hi.reject)
				continue;
			scan_unit(s, len, &hi, 0);
			if (!dose_value(s, &hi, &hi_v))
				continue;
			if (!d.scaled)
			{
				d.exp = hi.exp;
				d.scaled = hi.scaled;
			}
			d.unit = hi.unit;
			d.per_kg = hi.per_kg;
			d.volume = hi.volume;
			d.per_patient = hi.per_patient;
			d.vol = hi.vol;
			d.vol_exp = hi.vol_exp;
			d.need_unit = false;
			d.stop = d.end;
			if (dose_value(s, &d, &lo_v) && !report(&lo_v, &d, trace, found, arg))
				return;
			if (!report(&hi_v, &hi, trace, found, arg))
				return;
			continue;
		}
		scan_unit(s, len, &d, 0);
		p = d.end > p ? d.end : p + 1;
		if (dose_value(s, &d, &v) && !report(&v, &d, trace, found, arg))
			return;
	}
}

/* found: keep the first dose and stop. */
static bool
keep_first(void *arg, const msc_cell_dose *v)
{
	*(msc_cell_dose *) arg = *v;
	return false;
}

bool
msc_classify_dose(const char *s, size_t len, msc_cell_dose *out,
				  const msc_classify_trace *trace)
{
	msc_cell_dose v;

	if (s == NULL)
		return false;
	v.mantissa = 0;
	scan_doses(s, len, trace, keep_first, &v);
	if (v.mantissa == 0)
		return false;
	*out = v;
	return true;
}

typedef struct each_ctx
{
	void		(*found) (void *, const msc_cell_dose *);
	void	   *arg;
	size_t		n;
} each_ctx;

static bool
call_each(void *arg, const msc_cell_dose *v)
{
	each_ctx   *c = arg;

	c->found(c->arg, v);
	c->n++;
	return true;
}

size_t
msc_classify_each_dose(const char *s, size_t len,
					   void (*found) (void *arg, const msc_cell_dose *dose), void *arg,
					   const msc_classify_trace *trace)
{
	each_ctx	c = {found, arg, 0};

	if (s == NULL)
		return 0;
	scan_doses(s, len, trace, call_each, &c);
	return c.n;
}

typedef struct distinct_ctx
{
	msc_cell_dose *out;
	int			max;
	int			n;
	bool		more;
} distinct_ctx;

static bool
keep_distinct(void *arg, const msc_cell_dose *v)
{
	distinct_ctx *c = arg;

	for (int i = 0; i < c->n; i++)
		if (msc_cell_dose_cmp(&c->out[i], v) == 0)
			return true;
	if (c->n == c->max)
	{
		c->more = true;
		return false;
	}
	c->out[c->n++] = *v;
	return true;
}

int
msc_classify_doses(const char *s, size_t len, msc_cell_dose *out, int max,
				   const msc_classify_trace *trace)
{
	distinct_ctx c = {out, max, 0, false};

	if (s == NULL)
		return 0;
	scan_doses(s, len, trace, keep_distinct, &c);
	return c.more ? -1 : c.n;
}
