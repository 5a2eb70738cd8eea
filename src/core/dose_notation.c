/*
 * dose_notation.c — the lexicon of dose notation shared by the cell_dose
 * type and the classifier's dose scanner (see dose_notation.h).
 */
#include "dose_notation.h"

#include "msc_ascii.h"

#include <stdint.h>
#include <string.h>

/* ---- white space and signs ---- */

size_t
dn_space(const char *p, const char *end, bool line_ends)
{
	size_t		n;

	if (p >= end)
		return 0;
	if (ascii_is_inline_space((unsigned char) *p) ||
		(line_ends && (*p == '\n' || *p == '\r')))
		return 1;
	/* the wide spaces all start with a byte of 0xC2 or 0xE2 */
	if ((unsigned char) *p != 0xC2 && (unsigned char) *p != 0xE2)
		return 0;
	if ((n = ascii_lit(p, end, "\xC2\xA0")) != 0 ||	/* U+00A0 no-break space */
		(n = ascii_lit(p, end, "\xE2\x80\x89")) != 0 ||	/* U+2009 thin space */
		(n = ascii_lit(p, end, "\xE2\x80\xAF")) != 0)	/* U+202F narrow no-break */
		return n;
	return 0;
}

const char *
dn_skip_space(const char *p, const char *end, bool line_ends)
{
	size_t		n;

	while ((n = dn_space(p, end, line_ends)) != 0)
		p += n;
	return p;
}

size_t
dn_minus(const char *p, const char *end)
{
	if (p < end && *p == '-')
		return 1;
	return ascii_lit(p, end, "\xE2\x88\x92");	/* U+2212 */
}

/* ---- multiplication signs ---- */

static const char *const times_signs[] = {
	"x",						/* and X */
	"*",
	"\xC3\x97",					/* U+00D7 × */
	"\xC2\xB7",					/* U+00B7 · */
	"\xE2\x8B\x85",				/* U+22C5 ⋅ */
	"\xE2\x88\x97",				/* U+2217 ∗ */
};

size_t
dn_times(const char *p, const char *end)
{
	for (size_t k = 0; k < sizeof(times_signs) / sizeof(times_signs[0]); k++)
	{
		size_t		n = ascii_lit(p, end, times_signs[k]);

		if (n)
			return n;
	}
	return 0;
}

size_t
dn_times_before(const char *start, const char *p)
{
	for (size_t k = 0; k < sizeof(times_signs) / sizeof(times_signs[0]); k++)
	{
		size_t		n = strlen(times_signs[k]);

		if ((size_t) (p - start) >= n && ascii_lit(p - n, p, times_signs[k]))
			return n;
	}
	return 0;
}

/* ---- superscripts and powers of ten ---- */

size_t
dn_superscript(const char *p, const char *end, int *val)
{
	if (end - p >= 2 && (unsigned char) p[0] == 0xC2)
	{
		switch ((unsigned char) p[1])
		{
			case 0xB9:			/* ¹ */
				*val = 1;
				return 2;
			case 0xB2:			/* ² */
				*val = 2;
				return 2;
			case 0xB3:			/* ³ */
				*val = 3;
				return 2;
		}
		return 0;
	}
	if (end - p >= 3 && (unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x81)
	{
		unsigned char c = (unsigned char) p[2];

		if (c == 0xB0)			/* ⁰ */
			*val = 0;
		else if (c >= 0xB4 && c <= 0xB9)	/* ⁴ to ⁹ */
			*val = c - 0xB0;
		else if (c == 0xBA)		/* ⁺ */
			*val = DN_SUP_PLUS;
		else if (c == 0xBB)		/* ⁻ */
			*val = DN_SUP_MINUS;
		else
			return 0;
		return 3;
	}
	return 0;
}

bool
dn_power_starts(const char *p, const char *end, bool line_ends)
{
	int			sv;

	p = dn_skip_space(p, end, line_ends);
	return (p < end && *p == '^') || dn_superscript(p, end, &sv) != 0;
}

/* Add digit d to *v, clamped. */
static void
add_digit(long *v, int d)
{
	*v = *v * 10 + d;
	if (*v > DN_EXP_CLAMP)
		*v = DN_EXP_CLAMP;
}

dn_power_status
dn_power(const char *p, const char *end, bool line_ends, long *pow, size_t *n)
{
	const char *q = dn_skip_space(p, end, line_ends);
	bool		neg = false,
				any = false;
	long		v = 0;
	int			sv;
	size_t		k;

	if (q < end && *q == '^')
	{
		q = dn_skip_space(q + 1, end, line_ends);
		if (q < end && *q == '+')
			q++;
		else if ((k = dn_minus(q, end)) != 0)
		{
			neg = true;
			q += k;
		}
		for (; q < end && ascii_is_digit((unsigned char) *q); q++, any = true)
			add_digit(&v, *q - '0');
	}
	else if ((k = dn_superscript(q, end, &sv)) != 0)
	{
		if (sv >= DN_SUP_PLUS)
		{
			neg = (sv == DN_SUP_MINUS);
			q += k;
		}
		for (; (k = dn_superscript(q, end, &sv)) != 0 && sv < DN_SUP_PLUS; q += k, any = true)
			add_digit(&v, sv);
	}
	else if (q + 1 < end && (*q == 'e' || *q == 'E') &&
			 (ascii_is_digit((unsigned char) q[1]) || q[1] == '+' || q[1] == '-'))
		return DN_POWER_AMBIGUOUS;
	else
		return DN_POWER_NONE;
	if (!any)
		return DN_POWER_EMPTY;
	*pow = neg ? -v : v;
	*n = (size_t) (q - p);
	return DN_POWER_OK;
}

size_t
dn_e_exponent(const char *p, const char *end, long *exp)
{
	const char *q = p;
	bool		neg = false;
	long		v = 0;

	if (q < end && (*q == '+' || *q == '-'))
		neg = (*q++ == '-');
	if (q >= end || !ascii_is_digit((unsigned char) *q))
		return 0;
	for (; q < end && ascii_is_digit((unsigned char) *q); q++)
		add_digit(&v, *q - '0');
	*exp = neg ? -v : v;
	return (size_t) (q - p);
}

/* ---- scale words ---- */

#define TEXT_NEVER	0x01		/* free text does not read it */
#define TEXT_CAPS	0x02		/* free text reads it only in capitals */
#define ABBREV_DOT	0x04		/* may carry an abbreviation dot: "mln." */

/*
 * Whole words, any case for the type.  Free text reads less: a single
 * "b" after a number is as likely B cells ("5 B cells") as billions, and
 * a lower-case "m" metres or minutes.
 */
static const struct
{
	const char *word;
	uint8_t		pow;
	uint8_t		flags;
}			scales[] = {
	{"thousand", 3, 0},
	{"million", 6, 0},
	{"millions", 6, 0},
	{"mln", 6, ABBREV_DOT},
	{"mio", 6, ABBREV_DOT},
	{"billion", 9, 0},
	{"billions", 9, 0},
	{"bn", 9, 0},
	{"trillion", 12, 0},
	{"k", 3, 0},
	{"m", 6, TEXT_CAPS},
	{"b", 9, TEXT_NEVER},
};

size_t
dn_scale_word(const char *p, const char *end, bool free_text, long *pow)
{
	for (size_t k = 0; k < sizeof(scales) / sizeof(scales[0]); k++)
	{
		size_t		n = ascii_lit(p, end, scales[k].word);

		if (n == 0 || (p + n < end && ascii_is_alnum((unsigned char) p[n])))
			continue;
		if (free_text && (scales[k].flags & TEXT_NEVER))
			continue;
		if (free_text && (scales[k].flags & TEXT_CAPS) && !ascii_is_upper((unsigned char) *p))
			continue;
		if ((scales[k].flags & ABBREV_DOT) && p + n < end && p[n] == '.')
			n++;
		*pow = scales[k].pow;
		return n;
	}
	return 0;
}

/* English number words (free text: "Twenty million cells"). */
static const char *const small_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen"
};
static const char *const tens_words[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
};

/* A whole word w at p, ignoring case: its length or 0. */
static size_t
whole_word(const char *p, const char *end, const char *w)
{
	size_t		n = ascii_lit(p, end, w);

	return n && !(p + n < end && ascii_is_alpha((unsigned char) p[n])) ? n : 0;
}

/* 1 to 99 at p: "seven", "twenty", "twenty-five", "twenty five". */
static size_t
below_hundred(const char *p, const char *end, long *val)
{
	size_t		n;

	for (int k = 19; k >= 1; k--)
		if ((n = whole_word(p, end, small_words[k])) != 0)
		{
			*val = k;
			return n;
		}
	for (int k = 2; k <= 9; k++)
		if ((n = whole_word(p, end, tens_words[k])) != 0)
		{
			const char *q = p + n;
			size_t		m;

			*val = 10L * k;
			if (q < end && (*q == '-' || *q == ' '))
				for (int u = 1; u <= 9; u++)
					if ((m = whole_word(q + 1, end, small_words[u])) != 0)
					{
						*val += u;
						return n + 1 + m;
					}
			return n;
		}
	return 0;
}

size_t
dn_number_words(const char *p, const char *end, long *val)
{
	long		v;
	size_t		n = below_hundred(p, end, &v);
	const char *q;
	size_t		m;

	if (n == 0)
		return 0;
	*val = v;
	q = dn_skip_space(p + n, end, false);
	if (v <= 9 && (m = whole_word(q, end, "hundred")) != 0)
	{
		long		rest;
		const char *r;
		size_t		k;

		*val = v * 100;
		n = (size_t) (q + m - p);
		r = dn_skip_space(q + m, end, false);
		if ((k = whole_word(r, end, "and")) != 0)
			r = dn_skip_space(r + k, end, false);
		if ((k = below_hundred(r, end, &rest)) != 0)
		{
			*val += rest;
			n = (size_t) (r + k - p);
		}
	}
	return n;
}
