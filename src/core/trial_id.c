/*
 * trial_id.c — recognisers, normaliser, free-text scanner and URL builder
 * of clinical trial registry identifiers.
 *
 * Every accepted spelling is matched by one small recogniser per registry
 * working on a cursor; the same recognisers serve the type input (the
 * whole trimmed input must be one identifier) and the free-text scanner
 * (an identifier must not touch an ASCII letter or digit on either side).
 * Digit runs are always taken whole, so "NCT012345678" is never read as
 * NCT01234567 plus a stray 8.
 *
 * Formats (all letters case-insensitive on input; see trial_registries()):
 *   NCT + 8 digits; ISRCTN + 8; ACTRN + 14; DRKS + 8; KCT + 7;
 *   PACTR + 15 or 16; TCTR + 11; RPCEC + 8; LBCTR + 10; UMIN + 9;
 *   ChiCTR + 10, or ChiCTR-XXX-NNNNNNNN with 3 to 5 letters;
 *   jRCT + 10 digits, or jRCT + a lower-case letter + 9 digits;
 *   IRCT + 11 to 14 digits + N + 1 to 3 digits;
 *   CTRI/YYYY/NN(N)/NNNNNN (2007 or later); SLCTR/YYYY/NNN;
 *   U1111-NNNN-NNNN (WHO UTN);
 *   EudraCT YYYY-NNNNNN-CC (2004 or later, serial not beginning with 5);
 *   EU CT YYYY-5NNNNN-NN-NN (2022 or later).
 * and, for trials without a registration (published only, or known to
 * the curator only): PMID:N (the PubMed id of the report, 1 to 9 digits
 * without a leading zero; "PMID 123", "pmid: 123" on input) and
 * LOCAL-XXX (1 to 24 letters and digits, inner single hyphens, upper case).
 * Between a letter prefix and the digits one hyphen or a run of blanks is
 * tolerated ("NCT 01234567", "DRKS-00012345"); jRCT and UMIN numbers may
 * carry the "JPRN-" prefix of the WHO portal; EudraCT and EU CT numbers
 * may follow a registry word (EudraCT, EUCTR, EU CT, EUCT, CTIS) with an
 * optional colon, hyphen or blanks.
 */
#include "trial_id.h"

#include "msc_ascii.h"

#include <stdio.h>
#include <string.h>

#define ICTRP "https://trialsearch.who.int/Trial2.aspx?TrialID="

/* Indexed by code - 1. */
static const trial_registry_info registries[] = {
	{TRIAL_REG_CTGOV, "ClinicalTrials.gov", "ClinicalTrials.gov (US National Library of Medicine)",
	 "NCT followed by 8 digits", "NCT01234567",
	 "https://clinicaltrials.gov/study/", NULL, 0},
	{TRIAL_REG_EUDRACT, "EudraCT", "EU Clinical Trials Register (EudraCT)",
	 "YYYY-NNNNNN-CC: the year of issue (2004 to 2099), a 6-digit serial not beginning with 5 and 2 check digits",
	 "2004-000123-45",
	 "https://www.clinicaltrialsregister.eu/ctr-search/search?query=", NULL, 0},
	{TRIAL_REG_CTIS, "EU CTIS", "EU Clinical Trials Information System (EU CT number)",
	 "YYYY-5NNNNN-NN-NN: the year (2022 to 2099), a 6-digit serial beginning with 5 and two 2-digit parts",
	 "2023-501234-12-00",
	 "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=", NULL, 0},
	{TRIAL_REG_ISRCTN, "ISRCTN", "ISRCTN registry",
	 "ISRCTN followed by 8 digits", "ISRCTN12345678",
	 "https://www.isrctn.com/", NULL, 0},
	{TRIAL_REG_CHICTR, "ChiCTR", "Chinese Clinical Trial Registry",
	 "ChiCTR followed by 10 digits, or the older ChiCTR-XXX-NNNNNNNN with a code of 3 to 5 letters",
	 "ChiCTR2000012345",
	 ICTRP, NULL, 0},
	{TRIAL_REG_ANZCTR, "ANZCTR", "Australian New Zealand Clinical Trials Registry",
	 "ACTRN followed by 14 digits", "ACTRN12615000123456",
	 "https://www.anzctr.org.au/", ".aspx", 0},
	{TRIAL_REG_CTRI, "CTRI", "Clinical Trials Registry - India",
	 "CTRI/YYYY/NN/NNNNNN: the year (2007 to 2099), 2 or 3 digits and 6 digits, separated by slashes",
	 "CTRI/2017/03/007983",
	 ICTRP, NULL, 0},
	{TRIAL_REG_JRCT, "jRCT", "Japan Registry of Clinical Trials",
	 "jRCT followed by 10 digits, or by a lower-case letter and 9 digits",
	 "jRCTs031180001",
	 ICTRP "JPRN-", NULL, 0},
	{TRIAL_REG_DRKS, "DRKS", "German Clinical Trials Register",
	 "DRKS followed by 8 digits", "DRKS00012345",
	 "https://drks.de/search/en/trial/", NULL, 0},
	{TRIAL_REG_UTN, "WHO UTN", "WHO Universal Trial Number (not a registration)",
	 "U1111-NNNN-NNNN", "U1111-1234-5678",
	 NULL, NULL, 0},
	{TRIAL_REG_CRIS, "CRiS", "Clinical Research Information Service, Republic of Korea",
	 "KCT followed by 7 digits", "KCT0001234",
	 ICTRP, NULL, 0},
	{TRIAL_REG_IRCT, "IRCT", "Iranian Registry of Clinical Trials",
	 "IRCT followed by 11 to 14 digits, N and 1 to 3 digits", "IRCT20180123038465N2",
	 ICTRP, NULL, 0},
	{TRIAL_REG_PACTR, "PACTR", "Pan African Clinical Trials Registry",
	 "PACTR followed by 15 or 16 digits", "PACTR201509001234567",
	 ICTRP, NULL, 0},
	{TRIAL_REG_TCTR, "TCTR", "Thai Clinical Trials Registry",
	 "TCTR followed by 11 digits", "TCTR20180320001",
	 ICTRP, NULL, 0},
	{TRIAL_REG_UMIN, "UMIN-CTR", "University Hospital Medical Information Network Clinical Trials Registry (Japan)",
	 "UMIN followed by 9 digits", "UMIN000012345",
	 ICTRP "JPRN-", NULL, 0},
	{TRIAL_REG_RPCEC, "RPCEC", "Cuban Public Registry of Clinical Trials",
	 "RPCEC followed by 8 digits", "RPCEC00000123",
	 ICTRP, NULL, 0},
	{TRIAL_REG_SLCTR, "SLCTR", "Sri Lanka Clinical Trials Registry",
	 "SLCTR/YYYY/NNN: the year (2000 to 2099) and 3 digits, separated by slashes",
	 "SLCTR/2018/012",
	 ICTRP, NULL, 0},
	{TRIAL_REG_LBCTR, "LBCTR", "Lebanese Clinical Trials Registry",
	 "LBCTR followed by 10 digits", "LBCTR2019012345",
	 ICTRP, NULL, 0},
	{TRIAL_REG_PUBMED, "PubMed", "PubMed: a trial without registration, known by the PMID of its report",
	 "PMID: followed by the PubMed identifier of the trial's report, 1 to 9 digits without a leading zero; the URL template's {id} is that number",
	 "PMID:31234567",
	 "https://pubmed.ncbi.nlm.nih.gov/", "/", 5},
	{TRIAL_REG_LOCAL, "local", "a trial without registration, known by this registry's own identifier",
	 "LOCAL- followed by up to 24 letters, digits and single inner hyphens (stored in upper case)",
	 "LOCAL-SMITH2019",
	 NULL, NULL, 0},
};

#define N_REGISTRIES (sizeof(registries) / sizeof(registries[0]))

static const char trial_id_hint[] =
"Use a registry identifier such as NCT01234567 (ClinicalTrials.gov), "
"2004-000123-45 (EudraCT), 2023-501234-12-00 (EU CTIS), ISRCTN12345678, "
"ChiCTR2000012345, ACTRN12615000123456 (ANZCTR), CTRI/2017/03/007983, "
"jRCTs031180001, DRKS00012345, U1111-1234-5678 (WHO UTN), KCT0001234, "
"IRCT20180123038465N2, PACTR201509001234567, TCTR20180320001, "
"UMIN000012345, RPCEC00000123, SLCTR/2018/012 or LBCTR2019012345; "
"unregistered: PMID:31234567 or LOCAL-SMITH2019; trial_registries() lists the formats.";

const trial_registry_info *
trial_registry_entry(int code)
{
	if (code <= TRIAL_REG_INVALID || code >= TRIAL_REG_COUNT)
		return NULL;
	return &registries[code - 1];
}

/* ---- cursor ---- */

typedef struct cursor
{
	const unsigned char *s;
	size_t		len;
	size_t		i;				/* absolute position in s */
} cursor;

static int
peek(const cursor *c)
{
	return c->i < c->len ? c->s[c->i] : -1;
}

static bool
take_char(cursor *c, char ch)
{
	if (peek(c) == (unsigned char) ch)
	{
		c->i++;
		return true;
	}
	return false;
}

/* A case-insensitive literal; a space in lit matches a run of blanks. */
static bool
take_lit(cursor *c, const char *lit)
{
	size_t		i = c->i;

	for (const char *p = lit; *p; p++)
	{
		if (*p == ' ')
		{
			if (i >= c->len || !ascii_is_blank(c->s[i]))
				return false;
			while (i < c->len && ascii_is_blank(c->s[i]))
				i++;
			continue;
		}
		if (i >= c->len || ascii_lower(c->s[i]) != ascii_lower((unsigned char) *p))
			return false;
		i++;
	}
	c->i = i;
	return true;
}

/* Take the whole run of digits at the cursor; return its length. */
static size_t
take_digits(cursor *c, size_t *start)
{
	*start = c->i;
	while (c->i < c->len && ascii_is_digit(c->s[c->i]))
		c->i++;
	return c->i - *start;
}

static void
skip_blanks(cursor *c)
{
	while (c->i < c->len && ascii_is_blank(c->s[c->i]))
		c->i++;
}

/* Optional separator after a letter prefix: one hyphen or a run of blanks. */
static void
take_sep(cursor *c)
{
	if (!take_char(c, '-'))
		skip_blanks(c);
}

/* "JPRN-" (or "JPRN " ) of the WHO portal in front of jRCT and UMIN numbers. */
static void
take_jprn(cursor *c)
{
	cursor		t = *c;

	if (take_lit(&t, "JPRN") && (peek(&t) == '-' || (peek(&t) >= 0 && ascii_is_blank((unsigned char) peek(&t)))))
	{
		take_sep(&t);
		*c = t;
	}
}

static int
number(const unsigned char *p, size_t n)
{
	int			v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* ---- canonical output ---- */

typedef struct outbuf
{
	char		buf[TRIAL_ID_CANON_MAX];
	size_t		n;
	bool		overflow;
} outbuf;

static void
put(outbuf *o, const char *s, size_t n)
{
	if (o->n + n >= sizeof(o->buf))
	{
		o->overflow = true;
		return;
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
	o->buf[o->n] = '\0';
}

static void
puts_(outbuf *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
putc_(outbuf *o, char ch)
{
	put(o, &ch, 1);
}

/* ---- recognisers: each works on a copy and commits only on success ---- */

typedef struct simple_form
{
	int			registry;
	const char *prefix;			/* canonical spelling of the letter prefix */
	size_t		min_digits;
	size_t		max_digits;
} simple_form;

static const simple_form simple_forms[] = {
	{TRIAL_REG_CTGOV, "NCT", 8, 8},
	{TRIAL_REG_ISRCTN, "ISRCTN", 8, 8},
	{TRIAL_REG_ANZCTR, "ACTRN", 14, 14},
	{TRIAL_REG_DRKS, "DRKS", 8, 8},
	{TRIAL_REG_CRIS, "KCT", 7, 7},
	{TRIAL_REG_PACTR, "PACTR", 15, 16},
	{TRIAL_REG_TCTR, "TCTR", 11, 11},
	{TRIAL_REG_RPCEC, "RPCEC", 8, 8},
	{TRIAL_REG_LBCTR, "LBCTR", 10, 10},
};

/* PREFIX [sep] digits */
static bool
m_simple(cursor *c, outbuf *o, const simple_form *f)
{
	cursor		t = *c;
	size_t		d0,
				n;

	if (!take_lit(&t, f->prefix))
		return false;
	take_sep(&t);
	n = take_digits(&t, &d0);
	if (n < f->min_digits || n > f->max_digits)
		return false;
	puts_(o, f->prefix);
	put(o, (const char *) t.s + d0, n);
	*c = t;
	return true;
}

/* [JPRN-] UMIN [sep] 9 digits */
static bool
m_umin(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		d0;

	take_jprn(&t);
	if (!take_lit(&t, "UMIN"))
		return false;
	take_sep(&t);
	if (take_digits(&t, &d0) != 9)
		return false;
	puts_(o, "UMIN");
	put(o, (const char *) t.s + d0, 9);
	*c = t;
	return true;
}

/* [JPRN-] jRCT [sep] (10 digits | letter 9 digits) */
static bool
m_jrct(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		d0,
				n;
	int			letter = 0;

	take_jprn(&t);
	if (!take_lit(&t, "jRCT"))
		return false;
	take_sep(&t);
	if (peek(&t) >= 0 && ascii_is_alpha((unsigned char) peek(&t)))
		letter = ascii_lower(t.s[t.i++]);
	n = take_digits(&t, &d0);
	if (n != (letter ? 9u : 10u))
		return false;
	puts_(o, "jRCT");
	if (letter)
		putc_(o, (char) letter);
	put(o, (const char *) t.s + d0, n);
	*c = t;
	return true;
}

/* ChiCTR [sep] 10 digits | ChiCTR-LLL(LL)-8 digits */
static bool
m_chictr(cursor *c, outbuf *o)
{
	cursor		t = *c,
				u;
	size_t		d0,
				l0,
				nl;

	if (!take_lit(&t, "ChiCTR"))
		return false;
	/* older form: a 3- to 5-letter study-type code */
	u = t;
	if (take_char(&u, '-') && peek(&u) >= 0 && ascii_is_alpha((unsigned char) peek(&u)))
	{
		l0 = u.i;
		while (u.i < u.len && ascii_is_alpha(u.s[u.i]))
			u.i++;
		nl = u.i - l0;
		if (nl < 3 || nl > 5 || !take_char(&u, '-') || take_digits(&u, &d0) != 8)
			return false;
		puts_(o, "ChiCTR-");
		for (size_t i = 0; i < nl; i++)
			putc_(o, ascii_upper(u.s[l0 + i]));
		putc_(o, '-');
		put(o, (const char *) u.s + d0, 8);
		*c = u;
		return true;
	}
	take_sep(&t);
	if (take_digits(&t, &d0) != 10)
		return false;
	puts_(o, "ChiCTR");
	put(o, (const char *) t.s + d0, 10);
	*c = t;
	return true;
}

/* IRCT [sep] 11-14 digits N 1-3 digits */
static bool
m_irct(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		d0,
				n0,
				n,
				m;

	if (!take_lit(&t, "IRCT"))
		return false;
	take_sep(&t);
	n = take_digits(&t, &d0);
	if (n < 11 || n > 14 || !(take_char(&t, 'N') || take_char(&t, 'n')))
		return false;
	m = take_digits(&t, &n0);
	if (m < 1 || m > 3)
		return false;
	puts_(o, "IRCT");
	put(o, (const char *) t.s + d0, n);
	putc_(o, 'N');
	put(o, (const char *) t.s + n0, m);
	*c = t;
	return true;
}

/* CTRI/YYYY/NN(N)/NNNNNN */
static bool
m_ctri(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		y0,
				m0,
				s0,
				nm;
	int			year;

	if (!take_lit(&t, "CTRI/") || take_digits(&t, &y0) != 4 || !take_char(&t, '/'))
		return false;
	nm = take_digits(&t, &m0);
	if (nm < 2 || nm > 3 || !take_char(&t, '/') || take_digits(&t, &s0) != 6)
		return false;
	year = number(t.s + y0, 4);
	if (year < 2007 || year > 2099)
		return false;
	puts_(o, "CTRI/");
	put(o, (const char *) t.s + y0, 4);
	putc_(o, '/');
	put(o, (const char *) t.s + m0, nm);
	putc_(o, '/');
	put(o, (const char *) t.s + s0, 6);
	*c = t;
	return true;
}

/* SLCTR/YYYY/NNN */
static bool
m_slctr(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		y0,
				s0;
	int			year;

	if (!take_lit(&t, "SLCTR/") || take_digits(&t, &y0) != 4 || !take_char(&t, '/')
		|| take_digits(&t, &s0) != 3)
		return false;
	year = number(t.s + y0, 4);
	if (year < 2000 || year > 2099)
		return false;
	puts_(o, "SLCTR/");
	put(o, (const char *) t.s + y0, 4);
	putc_(o, '/');
	put(o, (const char *) t.s + s0, 3);
	*c = t;
	return true;
}

/* U1111-NNNN-NNNN */
static bool
m_utn(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		a0,
				b0;

	if (!take_lit(&t, "U1111-") || take_digits(&t, &a0) != 4 || !take_char(&t, '-')
		|| take_digits(&t, &b0) != 4)
		return false;
	puts_(o, "U1111-");
	put(o, (const char *) t.s + a0, 4);
	putc_(o, '-');
	put(o, (const char *) t.s + b0, 4);
	*c = t;
	return true;
}

/* PMID [: | sep] 1-9 digits, no leading zero -> PMID:N */
static bool
m_pmid(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		d0,
				n;

	if (!take_lit(&t, "PMID"))
		return false;
	skip_blanks(&t);
	if (!take_char(&t, ':'))
		take_char(&t, '-');
	skip_blanks(&t);
	n = take_digits(&t, &d0);
	if (n < 1 || n > 9 || t.s[d0] == '0')
		return false;
	puts_(o, "PMID:");
	put(o, (const char *) t.s + d0, n);
	*c = t;
	return true;
}

/* LOCAL [- | : | blanks] alnum{1,24} with single inner hyphens, upper-cased */
static bool
m_local(cursor *c, outbuf *o)
{
	cursor		t = *c;
	size_t		body = 0;

	if (!take_lit(&t, "LOCAL"))
		return false;
	if (!take_char(&t, '-') && !take_char(&t, ':'))
		skip_blanks(&t);
	puts_(o, "LOCAL-");
	for (;;)
	{
		size_t		run = 0;

		while (t.i < t.len && ascii_is_alnum(t.s[t.i]))
		{
			putc_(o, ascii_upper(t.s[t.i++]));
			run++;
		}
		body += run;
		if (run == 0 || body > 24)
			return false;
		if (!(peek(&t) == '-' && t.i + 1 < t.len && ascii_is_alnum(t.s[t.i + 1])))
			break;
		t.i++;
		putc_(o, '-');
		body++;
	}
	*c = t;
	return true;
}

/* Registry words that may precede a EudraCT or EU CT number. */
static const char *const eu_words[] = {"EudraCT", "EUCTR", "EU CT", "EUCT", "CTIS", NULL};

/* After a registry word: blanks, then an optional colon or hash and blanks, or one hyphen. */
static bool
take_eu_word(cursor *c)
{
	for (const char *const *w = eu_words; *w; w++)
	{
		cursor		t = *c;

		if (take_lit(&t, *w))
		{
			skip_blanks(&t);
			if (take_char(&t, ':') || take_char(&t, '#'))
				skip_blanks(&t);
			else
				take_char(&t, '-');
			if (peek(&t) >= 0 && ascii_is_digit((unsigned char) peek(&t)))
			{
				*c = t;
				return true;
			}
			return false;
		}
	}
	return false;
}

/*
 * [word] YYYY-NNNNNN-CC (EudraCT) or [word] YYYY-5NNNNN-NN-NN (EU CT).
 * A three-part number followed by a hyphen and a digit is never EudraCT:
 * that is the front of an EU CT number (or of something else).
 */
static int
m_eu(cursor *c, outbuf *o)
{
	cursor		t = *c,
				v;
	size_t		y0,
				s0,
				k0,
				x0;
	int			year;

	take_eu_word(&t);
	if (take_digits(&t, &y0) != 4 || !take_char(&t, '-')
		|| take_digits(&t, &s0) != 6 || !take_char(&t, '-')
		|| take_digits(&t, &k0) != 2)
		return TRIAL_REG_INVALID;
	year = number(t.s + y0, 4);
	v = t;
	if (take_char(&v, '-') && peek(&v) >= 0 && ascii_is_digit((unsigned char) peek(&v)))
	{
		if (take_digits(&v, &x0) != 2 || t.s[s0] != '5' || year < 2022 || year > 2099)
			return TRIAL_REG_INVALID;
		put(o, (const char *) t.s + y0, 4);
		putc_(o, '-');
		put(o, (const char *) t.s + s0, 6);
		putc_(o, '-');
		put(o, (const char *) t.s + k0, 2);
		putc_(o, '-');
		put(o, (const char *) t.s + x0, 2);
		*c = v;
		return TRIAL_REG_CTIS;
	}
	if (t.s[s0] == '5' || year < 2004 || year > 2099)
		return TRIAL_REG_INVALID;
	put(o, (const char *) t.s + y0, 4);
	putc_(o, '-');
	put(o, (const char *) t.s + s0, 6);
	putc_(o, '-');
	put(o, (const char *) t.s + k0, 2);
	*c = t;
	return TRIAL_REG_EUDRACT;
}

/*
 * Recognise one identifier at the cursor.  Returns its registry (and
 * moves the cursor past it, with the canonical text in o) or
 * TRIAL_REG_INVALID.  The letter prefixes of the registries differ, so at
 * most one recogniser can match at a given place.  The identities of
 * unregistered trials only when registered_only is false.
 */
static int
match_at(cursor *c, outbuf *o, bool registered_only)
{
	int			r;

	o->n = 0;
	o->buf[0] = '\0';
	o->overflow = false;
	if ((r = m_eu(c, o)) != TRIAL_REG_INVALID)
		return o->overflow ? TRIAL_REG_INVALID : r;
	for (size_t i = 0; i < sizeof(simple_forms) / sizeof(simple_forms[0]); i++)
		if (m_simple(c, o, &simple_forms[i]))
		{
			r = simple_forms[i].registry;
			break;
		}
	if (r == TRIAL_REG_INVALID)
	{
		if (m_chictr(c, o))
			r = TRIAL_REG_CHICTR;
		else if (m_jrct(c, o))
			r = TRIAL_REG_JRCT;
		else if (m_umin(c, o))
			r = TRIAL_REG_UMIN;
		else if (m_irct(c, o))
			r = TRIAL_REG_IRCT;
		else if (m_ctri(c, o))
			r = TRIAL_REG_CTRI;
		else if (m_slctr(c, o))
			r = TRIAL_REG_SLCTR;
		else if (m_utn(c, o))
			r = TRIAL_REG_UTN;
		else if (!registered_only && m_pmid(c, o))
			r = TRIAL_REG_PUBMED;
		else if (!registered_only && m_local(c, o))
			r = TRIAL_REG_LOCAL;
	}
	return o->overflow ? TRIAL_REG_INVALID : r;
}

/* ---- free-text scanner ---- */

bool
trial_id_next(const char *text, size_t len, size_t *pos, size_t stop,
			  char *canon, size_t *canon_len, int *registry, size_t *start)
{
	const unsigned char *s = (const unsigned char *) text;

	if (stop > len)
		stop = len;
	for (size_t i = *pos; i < stop; i++)
	{
		cursor		c;
		outbuf		o;
		int			r;

		/* an identifier starts with a letter or digit at a word start */
		if (!ascii_is_alnum(s[i]) || (i > 0 && ascii_is_alnum(s[i - 1])))
			continue;
		c.s = s;
		c.len = len;
		c.i = i;
		r = match_at(&c, &o, true);
		if (r == TRIAL_REG_INVALID || (c.i < len && ascii_is_alnum(s[c.i])))
			continue;
		memcpy(canon, o.buf, o.n + 1);
		*canon_len = o.n;
		*registry = r;
		*start = i;
		*pos = c.i;
		return true;
	}
	if (*pos < stop)
		*pos = stop;
	return false;
}

/* ---- type input ---- */

typedef struct aim
{
	const char *prefix;
	int			registry;
} aim;

/* Letter prefixes that show which registry an input aims at. */
static const aim aims[] = {
	{"NCT", TRIAL_REG_CTGOV},
	{"ISRCTN", TRIAL_REG_ISRCTN},
	{"ChiCTR", TRIAL_REG_CHICTR},
	{"ACTRN", TRIAL_REG_ANZCTR},
	{"ANZCTR", TRIAL_REG_ANZCTR},
	{"CTRI", TRIAL_REG_CTRI},
	{"jRCT", TRIAL_REG_JRCT},
	{"DRKS", TRIAL_REG_DRKS},
	{"U1111", TRIAL_REG_UTN},
	{"UTN", TRIAL_REG_UTN},
	{"KCT", TRIAL_REG_CRIS},
	{"IRCT", TRIAL_REG_IRCT},
	{"PACTR", TRIAL_REG_PACTR},
	{"TCTR", TRIAL_REG_TCTR},
	{"UMIN", TRIAL_REG_UMIN},
	{"RPCEC", TRIAL_REG_RPCEC},
	{"SLCTR", TRIAL_REG_SLCTR},
	{"LBCTR", TRIAL_REG_LBCTR},
	{"PMID", TRIAL_REG_PUBMED},
	{"LOCAL", TRIAL_REG_LOCAL},
};

/*
 * Explain a EudraCT / EU CT number that failed: what its parts show.
 * s points at the first digit.
 */
static void
explain_eu(cursor *c, char *detail, size_t dlen)
{
	size_t		start[5],
				n[5];
	int			parts = 0;
	int			year;

	for (;;)
	{
		size_t		st;
		size_t		k = take_digits(c, &st);

		if (parts < 5)
		{
			start[parts] = st;
			n[parts] = k;
		}
		parts++;
		if (!take_char(c, '-'))
			break;
	}
	if (parts >= 3 && parts <= 4 && n[0] == 4 && n[1] == 6 && n[2] == 2
		&& (parts == 3 || n[3] == 2) && c->i == c->len)
	{
		bool		five = c->s[start[1]] == '5';

		year = number(c->s + start[0], 4);
		if (parts == 3 && five)
		{
			snprintf(detail, dlen, "A serial beginning with 5 marks an EU CT number, "
					 "which has four parts: YYYY-5NNNNN-NN-NN, e.g. 2023-501234-12-00.");
			return;
		}
		if (parts == 3)
		{
			snprintf(detail, dlen, "EudraCT numbers begin with the year of issue, 2004 to 2099.");
			return;
		}
		if (!five)
		{
			snprintf(detail, dlen, "EU CT numbers (YYYY-5NNNNN-NN-NN) have a serial beginning with 5; "
					 "EudraCT numbers (YYYY-NNNNNN-CC) have three parts.");
			return;
		}
		if (year < 2022 || year > 2099)
		{
			snprintf(detail, dlen, "EU CT numbers begin with the year, 2022 to 2099.");
			return;
		}
	}
	snprintf(detail, dlen, "EudraCT numbers are YYYY-NNNNNN-CC (e.g. 2004-000123-45) and "
			 "EU CT numbers are YYYY-5NNNNN-NN-NN (e.g. 2023-501234-12-00).");
}

/* Fill detail with why s (trimmed input, n bytes) is not one identifier. */
static void
explain(const unsigned char *s, size_t n, char *detail, size_t dlen)
{
	char		found[MSC_ERRMSG_LEN / 2];
	size_t		nfound = 0,
				flen = 0,
				pos = 0,
				st,
				cl;
	char		canon[TRIAL_ID_CANON_MAX];
	int			reg;
	cursor		c;

	detail[0] = '\0';
	found[0] = '\0';
	while (trial_id_next((const char *) s, n, &pos, n, canon, &cl, &reg, &st))
	{
		int			w = snprintf(found + flen, sizeof(found) - flen, "%s%s",
								 nfound ? ", " : "", canon);

		if (w > 0 && flen + (size_t) w < sizeof(found))
			flen += (size_t) w;
		nfound++;
	}
	if (nfound > 1)
	{
		snprintf(detail, dlen, "The input holds %zu identifiers (%s); a trial_id holds one. "
				 "trial_ids_in() finds every identifier in a text.", nfound, found);
		return;
	}
	if (nfound == 1)
	{
		snprintf(detail, dlen, "The input holds the identifier %s with other text; "
				 "a trial_id is the identifier alone. trial_ids_in() finds identifiers in a text.",
				 found);
		return;
	}

	c.s = s;
	c.len = n;
	c.i = 0;
	for (const char *const *w = eu_words; *w; w++)
	{
		cursor		t = c;

		if (take_lit(&t, *w))
		{
			if (!take_eu_word(&c))
			{
				snprintf(detail, dlen, "EudraCT numbers are YYYY-NNNNNN-CC (e.g. 2004-000123-45) and "
						 "EU CT numbers are YYYY-5NNNNN-NN-NN (e.g. 2023-501234-12-00).");
				return;
			}
			break;
		}
	}
	if (c.i > 0 || (n >= 5 && ascii_is_digit(s[0]) && ascii_is_digit(s[1]) && ascii_is_digit(s[2])
							 && ascii_is_digit(s[3]) && s[4] == '-'))
	{
		explain_eu(&c, detail, dlen);
		return;
	}
	take_jprn(&c);
	for (size_t i = 0; i < sizeof(aims) / sizeof(aims[0]); i++)
	{
		cursor		t = c;

		if (take_lit(&t, aims[i].prefix))
		{
			const trial_registry_info *e = trial_registry_entry(aims[i].registry);

			snprintf(detail, dlen, "%s identifiers are %s, e.g. %s.",
					 e->name, e->format, e->example);
			return;
		}
	}
}

bool
trial_id_parse(const char *src, size_t len, char *canon, size_t *canon_len,
			   int *registry, msc_error *err)
{
	const unsigned char *s = (const unsigned char *) src;
	size_t		b = 0,
				e = len;
	cursor		c;
	outbuf		o;
	int			r;
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	char		detail[MSC_ERRMSG_LEN];

	if (!msc_check_input(src, len, TRIAL_ID_MAX_INPUT, "trial_id", trial_id_hint, err))
		return false;
	while (b < e && ascii_is_space(s[b]))
		b++;
	while (e > b && ascii_is_space(s[e - 1]))
		e--;
	c.s = s + b;
	c.len = e - b;
	c.i = 0;
	r = match_at(&c, &o, false);
	if (r != TRIAL_REG_INVALID && c.i == c.len)
	{
		memcpy(canon, o.buf, o.n + 1);
		*canon_len = o.n;
		*registry = r;
		return true;
	}
	explain(s + b, e - b, detail, sizeof(detail));
	msc_quote(quoted, sizeof(quoted), src, len);
	return msc_fail(err, MSC_ERR_SYNTAX, detail[0] ? detail : NULL, trial_id_hint,
					"invalid input syntax for type trial_id: \"%s\"", quoted);
}

int
trial_id_registry(const char *s, size_t len)
{
	cursor		c;
	outbuf		o;
	int			r;

	if (s == NULL || len == 0 || len >= TRIAL_ID_CANON_MAX)
		return TRIAL_REG_INVALID;
	c.s = (const unsigned char *) s;
	c.len = len;
	c.i = 0;
	r = match_at(&c, &o, false);
	if (r == TRIAL_REG_INVALID || c.i != len || o.n != len || memcmp(o.buf, s, len) != 0)
		return TRIAL_REG_INVALID;
	return r;
}

bool
trial_id_url(const char *s, size_t len, char *dst, size_t dstlen)
{
	const trial_registry_info *e = trial_registry_entry(trial_id_registry(s, len));
	int			w;

	if (e == NULL || e->url_prefix == NULL || dstlen == 0 || e->url_skip >= len)
		return false;
	w = snprintf(dst, dstlen, "%s%.*s%s", e->url_prefix, (int) (len - e->url_skip), s + e->url_skip,
				 e->url_suffix ? e->url_suffix : "");
	return w > 0 && (size_t) w < dstlen;
}
