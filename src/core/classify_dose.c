/*
 * classify_dose.c — every dose of cells a record states, and the first.  It
 * reads the raw text, not clauses: numbers, their notation (dose_notation.c,
 * the lexicon the cell_dose type reads too), ranges; what follows a number
 * (cell word, per kg, volume) is read by classify_dose_unit.c.
 */
#include "classify_dose.h"

#include <stdio.h>
#include <string.h>

/*
 * A dose is a number with a scale and a unit, found in raw text:
 *
 *   number  digits [. digits], or strict thousands groups "100,000,000"
 *           or "30 000 000"; English number words before a scale word
 *           ("Twenty million", "one hundred million")
 *   scale   e-notation (5e7, 2E+07); "x 10^n", "×10⁶", "*10^7", "x 10 ^ 6";
 *           "x 10n" with n one or two digits, 3 to 15 (a superscript lost
 *           by ClinicalTrials.gov: "2 x 107 cells" is 2 x 10^7); after a
 *           sign "x 10eN", "x 10*N" and "x 10 N" (10^N as registrants
 *           type it; the last only before a cell word or per kg); "1.10^6"
 *           and "6.10e7" (a dot for the sign); "106 cells/kg" (10^6 before
 *           a cell word or per kg); "x 1000000"; "10^8" alone; the scale
 *           words of dose_notation.c as free text reads them: thousand, K,
 *           million(s), mln, Mio, M, billion(s), bn, trillion (not "b", not
 *           a lower-case "m"); "2 x 50 million" (two doses of 5e7)
 *   unit    a cell word within the next ten words, "per kg", a volume or a
 *           concentration with its volume (classify_dose_unit.c)
 *   range   "1-2 x10^6 per kg", "100-300 million", "0.5 to 1 x 10^6/kg":
 *           both ends, the scale and unit of the upper end shared
 *
 * Refused: a bare "10E6" (ambiguous: 10e6 is 10^7 literally), a range whose
 * upper end is no dose, concentrations without a volume and rates, a
 * number below 10^4 cells (10^3 per kg).  A number written with a power of
 * ten or a scale word needs no unit when it is per kg, per patient, in a
 * volume ("4x107/40ml") or follows a cell word or the word dose
 * ("MSC(300x10^6)", "at a dose of 100M").  The value is checked by
 * msc_cell_dose_parse.
 */

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

/*
 * Read the number at p (a word start with a digit) and its scale into d.
 * Returns false when it is no number of this kind.
 */
bool
cls_dose_scan_number(const char *s, size_t len, size_t p, dose_cand *d)
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
	/*
	 * a decimal point; also a middle dot ("2Â·0") and the comma of
	 * "0,5" (no thousands group starts with 0; "12,5" stays refused)
	 */
	if ((q + 1 < len && s[q] == '.' && ascii_is_digit((unsigned char) s[q + 1])) ||
		(q + 2 < len && (unsigned char) s[q] == 0xC2 && (unsigned char) s[q + 1] == 0xB7 &&
		 ascii_is_digit((unsigned char) s[q + 2])) ||
		(m == 1 && d->mant[0] == '0' && q + 1 < len && s[q] == ',' && ascii_is_digit((unsigned char) s[q + 1])))
	{
		point = true;
		if (m + 1 < sizeof(d->mant))
			d->mant[m++] = '.';
		q += s[q] == '.' || s[q] == ',' ? 1 : 2;
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
					cls_dose_scan_number(s, len, r, &each) && each.scaled && !each.reject)
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

/* Does "supplied as" come right before p (the content of a vial, not a dose given)? */
static bool
supplied_before(const char *s, size_t p)
{
	size_t		q = p;

	while (q > 0 && ascii_is_inline_space((unsigned char) s[q - 1]))
		q--;
	if (q < 3 || !lit_at(s, q, q - 2, "as") || ascii_is_alpha((unsigned char) s[q - 3]))
		return false;
	q -= 2;
	while (q > 0 && ascii_is_inline_space((unsigned char) s[q - 1]))
		q--;
	return q >= 8 && lit_at(s, q, q - 8, "supplied");
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

	if (d->reject || supplied_before(s, d->start))
		return false;
	if (d->need_unit && !d->unit && !d->per_kg)
		return false;
	if (!d->unit && !d->per_kg &&
		!(d->scaled && (d->volume || d->per_patient || d->vol || cls_dose_cells_before(s, d->start))))
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

/*
 * Is p the "n" of a scale word in words ("millio-n", "billio-n",
 * "trillio-n", "thousa-n-d"), in any case?  A cheap test made at every
 * letter: numbers in words are looked for only before a scale word.
 */
static inline bool
scale_word_n(const char *s, size_t p)
{
	char		a,
				b,
				c;

	if ((s[p] | 0x20) != 'n' || p < 3)
		return false;
	a = (char) (s[p - 3] | 0x20);
	b = (char) (s[p - 2] | 0x20);
	c = (char) (s[p - 1] | 0x20);
	return (a == 'l' && b == 'i' && c == 'o') || (a == 'u' && b == 's' && c == 'a');
}

/*
 * The number in words that ends with the scale word at p ("Twenty
 * million", "three hundred and fifty million"), read from the earliest of
 * the eight words before it, not before floor (the end of what was read
 * already): into d, or false.
 */
static bool
number_words_before(const char *s, size_t len, size_t floor, size_t p, dose_cand *d)
{
	size_t		starts[8];
	int			k = 0;
	size_t		q = p;

	/* words of at most 12 letters: the look back is bounded (linear time) */
	while (q > floor && ascii_is_alpha((unsigned char) s[q - 1]) && p - q < 12)
		q--;
	if (q > floor && ascii_is_alpha((unsigned char) s[q - 1]))
		return false;
	while (k < 8 && q > floor + 1 && (s[q - 1] == ' ' || s[q - 1] == '-'))
	{
		size_t		b = q - 1;

		while (b > floor && ascii_is_alpha((unsigned char) s[b - 1]) && q - 1 - b < 12)
			b--;
		if (b == q - 1 || (b > floor && ascii_is_alpha((unsigned char) s[b - 1])))
			break;
		starts[k++] = b;
		q = b;
	}
	while (k-- > 0)
	{
		size_t		b = starts[k];

		if ((b == 0 || s[b - 1] == ' ' || s[b - 1] == '(') && number_word_letter(s[b]) &&
			may_be_number_words(s, len, b) && scan_number_words(s, len, b, d) && d->end > p)
			return true;
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
	size_t		floor = 0;		/* the end of the last number read */
	size_t		power_end = SIZE_MAX;	/* where the last number with a power ended */

	while (p < len)
	{
		dose_cand	d;
		msc_cell_dose v;
		size_t		h;

		if (!ascii_is_digit((unsigned char) s[p]))
		{
			/*
			 * "Twenty million cells": numbers in words end with a scale
			 * word, so they are looked for only at one (a cheap test first:
			 * this runs for every character), reading back from it.
			 */
			if (scale_word_n(s, p) && number_words_before(s, len, floor, p, &d))
			{
				cls_dose_scan_unit(s, len, &d, 0);
				if (dose_value(s, &d, &v) && !report(&v, &d, trace, found, arg))
					return;
				p = floor = d.end;
				continue;
			}
			p++;
			continue;
		}
		if (p > 0 && (ascii_is_alnum((unsigned char) s[p - 1]) || s[p - 1] == '.' ||
					  (s[p - 1] == ',' && p > 1 && ascii_is_digit((unsigned char) s[p - 2]) &&
					   !cls_dose_list_comma(s, len, p - 1) && p - 1 != power_end) ||
					  s[p - 1] == '^' || times_before(s, p) ||
					  (s[p - 1] == '-' && p > 1 && ascii_is_alnum((unsigned char) s[p - 2]) &&
					   !ascii_is_digit((unsigned char) s[p - 2]))))
		{
			p++;
			continue;
		}
		if (!cls_dose_scan_number(s, len, p, &d))
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
			if (!cls_dose_scan_number(s, len, h, &hi))
				continue;
			p = hi.end > h ? hi.end : h + 1;
			if (hi.reject)
				continue;
			cls_dose_scan_unit(s, len, &hi, 0);
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
		cls_dose_scan_unit(s, len, &d, 0);
		p = d.end > p ? d.end : p + 1;
		if (d.scaled)
			power_end = d.end;
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
