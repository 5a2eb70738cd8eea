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
	bool		reject;			/* a range, a concentration, ambiguous */
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

/* "/kg", "per kg", "per kilogram", "per body kg", "x kg": end or 0. */
static size_t
per_kg_at(const char *s, size_t len, size_t p)
{
	size_t		q = skip_blanks(s, len, p);
	size_t		n;

	if (q < len && s[q] == '/')
		q = skip_blanks(s, len, q + 1);
	else if ((n = word_at(s, len, q, "per")) != 0)
		q = skip_blanks(s, len, q + n);
	else if (q < len && (s[q] == 'x' || s[q] == 'X') && (n = word_at(s, len, skip_blanks(s, len, q + 1), "kg")) != 0)
		return skip_blanks(s, len, q + 1) + n;
	else
		return 0;
	if ((n = word_at(s, len, q, "body")) != 0)
		q = skip_blanks(s, len, q + n);
	if ((n = word_at(s, len, q, "kg")) != 0 || (n = word_at(s, len, q, "kilogram")) != 0 ||
		(n = word_at(s, len, q, "kgs")) != 0 || (n = word_at(s, len, q, "kilograms")) != 0)
		return q + n;
	return 0;
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
		"ml", "mls", "milliliter", "millilitre", "ul", "microliter", "microlitre",
		"l", "liter", "litre", "dl", "cm", "cm2", "cm3", "square", "mm2", "mm3",
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
	(void) point;
	d->mant[m] = '\0';
	if (m + 1 >= sizeof(d->mant))
		return false;

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

				if (ambiguous)
				{
					d->reject = true;
					d->end = r + 2;
					return true;
				}
				if (e)
				{
					d->exp = pow;
					d->scaled = true;
					d->end = e;
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
	return true;
}

/* Is the number at p the low end of a range ("5-7", "10 to 20")? */
static bool
range_follows(const char *s, size_t len, size_t q)
{
	size_t		r = skip_blanks(s, len, q);
	size_t		n;

	if ((n = range_sign(s, len, r)) != 0)
	{
		r = skip_blanks(s, len, r + n);
		return r < len && ascii_is_digit((unsigned char) s[r]);
	}
	if ((n = word_at(s, len, r, "to")) != 0)
	{
		r = skip_blanks(s, len, r + n);
		return r < len && ascii_is_digit((unsigned char) s[r]);
	}
	return false;
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
 * Read a unit and "per kg" after the number d (at d->end): fills unit,
 * per_kg, volume, per_patient, reject and stop.  depth bounds the shared
 * unit look-ahead ("6.0*10^6, 3.0*10^7 and 9.0*10^7 cells").
 */
static void
scan_unit(const char *s, size_t len, dose_cand *d, int depth)
{
	size_t		q = d->end;
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
		d->reject = true;
		d->stop = q;
		return;
	}
	if (a == 2)
		d->volume = true;
	if (a == 3)
		d->per_patient = true;
	/* look for the unit in the next words */
	r = q;
	while (words < 8)
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
			if ((r = per_kg_at(s, len, e)) != 0)
			{
				d->per_kg = true;
				d->stop = r;
				return;
			}
			a = after_unit(s, len, e);
			if (a == 1)
				d->reject = true;
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

bool
msc_classify_dose(const char *s, size_t len, msc_cell_dose *out,
				  const msc_classify_trace *trace)
{
	size_t		p = 0;

	if (s == NULL)
		return false;
	while (p < len)
	{
		dose_cand	d;
		char		buf[96];
		msc_error	err;
		msc_cell_dose v;
		long		mag;
		size_t		digits = 0;

		if (!ascii_is_digit((unsigned char) s[p]) ||
			(p > 0 && (ascii_is_alnum((unsigned char) s[p - 1]) || s[p - 1] == '.' ||
					   (s[p - 1] == ',' && p > 1 && ascii_is_digit((unsigned char) s[p - 2])) ||
					   s[p - 1] == '^' || times_before(s, p) ||
					   (s[p - 1] == '-' && p > 1 && ascii_is_alnum((unsigned char) s[p - 2]) &&
						!ascii_is_digit((unsigned char) s[p - 2])))))
		{
			p++;
			continue;
		}
		if (!scan_number(s, len, p, &d))
		{
			p = word_end(s, len, p);
			continue;
		}
		if (d.reject)
		{
			p = d.end > p ? d.end : p + 1;
			continue;
		}
		if (range_follows(s, len, d.end) || range_follows(s, len, word_end(s, len, p)) ||
			range_precedes(s, p))
		{
			/* skip the other end of the range too */
			size_t		r = skip_blanks(s, len, d.end);
			size_t		n = range_sign(s, len, r);

			if (n == 0)
				n = word_at(s, len, r, "to");
			p = n ? skip_blanks(s, len, r + n) : d.end;
			if (p < len && ascii_is_digit((unsigned char) s[p]))
			{
				dose_cand	hi;

				if (scan_number(s, len, p, &hi))
					p = hi.end > p ? hi.end : p + 1;
			}
			if (p <= d.start)
				p = d.start + 1;
			continue;
		}
		scan_unit(s, len, &d, 0);
		p = d.end > p ? d.end : p + 1;
		if (d.reject)
			continue;
		if (!d.unit && !d.per_kg &&
			!(d.scaled && (d.volume || d.per_patient || cells_before(s, d.start))))
			continue;
		if (!d.unit && !d.per_kg && !d.scaled)
			continue;
		/* the value, checked by the cell_dose parser */
		if (d.exp > 999 || d.exp < -999)
			continue;
		snprintf(buf, sizeof(buf), "%se%ld%s", d.mant, d.exp, d.per_kg ? " cells/kg" : " cells");
		if (!msc_cell_dose_parse(buf, strlen(buf), &v, &err))
			continue;
		/* at least 10^4 cells, or 10^3 per kg */
		for (long m = v.mantissa; m >= 10; m /= 10)
			digits++;
		mag = (long) v.exponent + (long) digits;
		if (mag < (d.per_kg ? 3 : 4))
			continue;
		*out = v;
		if (trace && trace->mention)
			trace->mention(trace->arg, MSC_EV_DOSE, 1, d.start, d.stop > d.end ? d.stop : d.end);
		return true;
	}
	return false;
}

