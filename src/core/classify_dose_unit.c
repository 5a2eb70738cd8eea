/*
 * classify_dose_unit.c — what follows the number of a dose: a cell word
 * within ten words (possibly shared by a list or restated in parentheses),
 * "per kg", a volume, or a concentration (a dose only with the volume of the
 * same product written right after it).  Part of the dose reader
 * (classify_dose.h).
 */
#include "classify_dose.h"

#include <string.h>

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
	if ((n == 4 && ends_with(s, p, e, "cell")) || (n == 5 && ends_with(s, p, e, "cells")) ||
		(n == 6 && ends_with(s, p, e, "cellls")))
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
	/* lengths kept with the words: this runs for every word after every number */
#define W(w) {w, sizeof(w) - 1}
	static const struct
	{
		const char *w;
		size_t		n;
	}			other_units[] = {
		W("ml"), W("mls"), W("l"), W("ul"), W("mg"), W("g"), W("mcg"), W("ug"), W("ng"), W("pg"),
		W("iu"), W("units"), W("unit"), W("copies"), W("particles"), W("vg"), W("gy"), W("cgy"),
		W("pfu"), W("mm"), W("cm"), W("mmol"), W("meq"), W("platelets"), W("plt"), W("exosome"),
		W("exosomes"), W("vesicles"), W("evs")
	},
				stops[] = {
		W("per"), W("kg"), W("dose"), W("doses"), W("day"), W("days"), W("week"), W("weeks"),
		W("month"), W("months"), W("year"), W("years"), W("times"), W("patients"), W("patient"),
		W("subjects"), W("hours"), W("minutes"), W("min")
	};
#undef W
	size_t		n = e - p;
	char		f;

	if (n == 0 || n > 9)
		return 0;
	f = ascii_lower((unsigned char) s[p]);
	for (size_t k = 0; k < sizeof(other_units) / sizeof(other_units[0]); k++)
		if (other_units[k].n == n && other_units[k].w[0] == f && lit_at(s, len, p, other_units[k].w))
			return 1;
	for (size_t k = 0; k < sizeof(stops) / sizeof(stops[0]); k++)
		if (stops[k].n == n && stops[k].w[0] == f && lit_at(s, len, p, stops[k].w))
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
	{
		/* "per/kg" */
		q = skip_blanks(s, len, q + n);
		return q < len && s[q] == '/' ? skip_blanks(s, len, q + 1) : q;
	}
	return 0;
}

/*
 * Is the comma at r one of a list of decimal numbers written without a
 * blank ("0.5, 1.0,2.5 million cells/kg")?  A digit follows it and a
 * number with a decimal point ends at it; "12,5" is no list.
 */
bool
cls_dose_list_comma(const char *s, size_t len, size_t r)
{
	size_t		k = r;

	if (r + 1 >= len || s[r] != ',' || !ascii_is_digit((unsigned char) s[r + 1]))
		return false;
	while (k > 0 && ascii_is_digit((unsigned char) s[k - 1]))
		k--;
	return k < r && k >= 2 && s[k - 1] == '.' && ascii_is_digit((unsigned char) s[k - 2]);
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
	{
		q = skip_blanks(s, len, q + n);
		/* "cells per 1 mL" is a concentration, "cells/2mL" a volume */
		if (q + 1 < len && s[q] == '1' && !ascii_is_digit((unsigned char) s[q + 1]) && s[q + 1] != '.')
			return 1;
	}
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
		/* "per 1cm^2 of the surface", "/ 2 cm2": an area */
		if (lit_at(s, len, r, "cm") || lit_at(s, len, r, "mm"))
			return 1;
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

/* Is there a cell word or "dose" in the few words before p (same clause)? */
bool
cls_dose_cells_before(const char *s, size_t p)
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

/*
 * Is the comma at r between two numbers of a list: a blank after it, a
 * list of decimals ("1.0,2.5"), or a digit right after a power ("6.29 x
 * 107,9.43 x 107")?  Not "12,5 million".
 */
static bool
list_sep(const char *s, size_t len, size_t r, const dose_cand *d)
{
	return r + 1 < len && (ascii_is_inline_space((unsigned char) s[r + 1]) || cls_dose_list_comma(s, len, r) ||
						   (d->scaled && r == d->end && ascii_is_digit((unsigned char) s[r + 1])));
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
void
cls_dose_scan_unit(const char *s, size_t len, dose_cand *d, int depth)
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
			if (ch == ',' && depth < 8 && list_sep(s, len, r, d))
				break;
			if (ch == ',')
				goto no_unit;
			r++;
		}
		if (r >= len)
			goto no_unit;
		/* a shared unit: "6.0*10^6, 3.0*10^7 and 9.0*10^7 cells", "100M or 300M cells" */
		if ((s[r] == ',' && list_sep(s, len, r, d)) ||
			word_at(s, len, r, "and") || word_at(s, len, r, "or"))
		{
			size_t		t = s[r] == ',' ? r + 1 : r + (word_at(s, len, r, "and") ? 3 : 2);
			dose_cand	next;

			t = skip_blanks(s, len, t);
			if (word_at(s, len, t, "and") || word_at(s, len, t, "or"))
				t = skip_blanks(s, len, t + (word_at(s, len, t, "and") ? 3 : 2));
			if (depth < 8 && t < len && ascii_is_digit((unsigned char) s[t]) &&
				cls_dose_scan_number(s, len, t, &next) && !next.reject)
			{
				cls_dose_scan_unit(s, len, &next, depth + 1);
				/* "2 X 10^9, 4 X 10^9, 8 X 10^9/mL": the list is of concentrations */
				if (next.reject)
				{
					d->reject = true;
					d->stop = r;
					return;
				}
				if (next.unit || next.per_kg)
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
			cls_dose_cells_before(s, d->start) && per_kg_at(s, len, e) == 0 && after_unit(s, len, e) == 0)
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
			/* "1x10^7 cells of ASC per 1cm^2": what follows the product named */
			if ((r = word_at(s, len, skip_blanks(s, len, e), "of")) != 0)
			{
				size_t		t = skip_blanks(s, len, skip_blanks(s, len, e) + r);
				size_t		te = word_end(s, len, t);

				if (te > t && after_unit(s, len, te) == 1)
					e = te;
			}
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

