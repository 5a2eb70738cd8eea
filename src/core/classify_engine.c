/*
 * classify_engine.c — the reading the free-text classifiers share: text
 * cut into clauses and words, phrase patterns compiled into tables.
 *
 * Reading.  The text is cut into clauses at "|", ";", line ends and full
 * stops followed by a space (not at the dots of "i.v." or "2.5"); each
 * clause is cut into words: runs of ASCII letters and digits.  What
 * separates two words is remembered: blanks, a joiner (- / _ ' and the
 * typographic apostrophe and dashes), a dot, or other punctuation.  A
 * possessive "'s" is dropped ("Wharton's jelly" reads "Wharton jelly").
 * Phrases match whole words, case-insensitively, across blanks and
 * joiners only, so "intra-articular", "intra articular" and
 * "intraarticular" are one phrase and "IV" never matches inside "IVD"
 * or "IVIT".  Short abbreviations (IV, IM, IT, BM, UC, ...) must be
 * written in capitals.
 *
 * The rules were decided from the 1,536 records of
 * ctgov_msc_interventions.tsv (see test/classify/LABELLING.md and
 * doc/classify.md); each scanner's file lists its own.
 *
 * Speed.  The first call builds static tables: a character-class table,
 * the patterns compiled into alternatives, and indexes from the first
 * three letters of a word (its trigram) to the patterns and class words
 * that may start with them; a word whose trigram begins nothing is passed
 * over at once.
 */
#include "classify_engine.h"

#include "msc_ascii.h"
#include "msc_interrupt.h"

#include <stdio.h>
#include <string.h>

/* ---- character classes (ASCII only: no locale) ---- */

/* Character classes of the tokenizer, one table look-up a byte. */
#define CT_ALNUM	0x01
#define CT_DIGIT	0x02
#define CT_UPPER	0x04
#define CT_BLANK	0x08
#define CT_BREAK	0x10		/* | ; and line ends */
#define CT_JOIN		0x20		/* - _ / ' */
static uint8_t ctype[256];
static uint32_t ccount[256];	/* 1 for a capital, 1 << 16 for a digit */
static uint8_t tsym[256];		/* trigram symbol: a-z (any case) 1-26, else 0 */

static void
build_ctype(void)
{
	for (int c = 0; c < 256; c++)
	{
		uint8_t		t = 0;

		if (ascii_is_digit((unsigned char) c))
			t |= CT_ALNUM | CT_DIGIT;
		if (ascii_is_alpha((unsigned char) c))
			t |= CT_ALNUM;
		if (ascii_is_upper((unsigned char) c))
			t |= CT_UPPER;
		if (ascii_is_inline_space((unsigned char) c))
			t |= CT_BLANK;
		if (c == '|' || c == ';' || c == '\n' || c == '\r')
			t |= CT_BREAK;
		if (c == '-' || c == '_' || c == '/' || c == '\'')
			t |= CT_JOIN;
		ctype[c] = t;
		ccount[c] = (t & CT_UPPER) ? 1u : (t & CT_DIGIT) ? 1u << 16 : 0u;
		tsym[c] = (uint8_t) (ascii_is_alpha((unsigned char) c) ? ascii_lower((unsigned char) c) - 'a' + 1 : 0);
	}
}

/* ---- clauses and words ---- */


static void classify_init(void);
static bool initialised;

/*
 * A filter on the first three letters of words: a word whose first three
 * letters (a-z, else 0; 0 after its end) begin no phrase of any table and
 * no class word is skipped at once.  Built by classify_init.
 */
static uint8_t tri_ok[TRI_SIZE / 8 + 1];

static int
tri_sym(unsigned char c)
{
	c = (c >= 'A' && c <= 'Z') ? (unsigned char) (c - 'A' + 'a') : c;
	return (c >= 'a' && c <= 'z') ? c - 'a' + 1 : 0;
}

/* The trigram of the n bytes at p (fewer than 3: padded with 0). */
int
cls_trigram(const char *p, size_t n)
{
	int			a = n > 0 ? tri_sym((unsigned char) p[0]) : 0;
	int			b = n > 1 ? tri_sym((unsigned char) p[1]) : 0;
	int			d = n > 2 ? tri_sym((unsigned char) p[2]) : 0;

	return (a * 27 + b) * 27 + d;
}

static void
tri_set(int t)
{
	tri_ok[t >> 3] |= (uint8_t) (1u << (t & 7));
}

static bool
tri_get(int t)
{
	return (tri_ok[t >> 3] >> (t & 7)) & 1;
}

/* Mark the literal lit[0..n) (a "prefix*" when star) as a possible word start. */
static void
tri_add(const char *lit, size_t n, bool star)
{
	if (n >= 3 || !star)
	{
		tri_set(cls_trigram(lit, n < 3 ? n : 3));
		return;
	}
	/* a short prefix: every continuation */
	for (int x = 0; x < 27; x++)
		for (int y = 0; y < 27; y++)
		{
			int			a = n > 0 ? tri_sym((unsigned char) lit[0]) : x;
			int			b = n > 1 ? tri_sym((unsigned char) lit[1]) : (n > 0 ? x : y);
			int			d = n > 1 ? x : y;

			tri_set((a * 27 + b) * 27 + d);
		}
}

/*
 * Read the separators at p: returns the position of the next word (or the
 * end), with *brk set when a clause break was crossed (the position is
 * then just after the break), *sep and *glued describing the separators.
 */
static size_t
scan_separators(const char *s, size_t len, size_t p, bool *brk, int *sep,
				bool *glued, bool *apostrophe_only)
{
	bool		space = false,
				join = false,
				dot = false,
				other = false;
	size_t		nchars = 0;
	unsigned char first = 0;

	*brk = false;
	while (p < len)
	{
		unsigned char c = (unsigned char) s[p];
		uint8_t		t = ctype[c];

		if (t & CT_ALNUM)
			break;
		if (nchars++ == 0)
			first = c;
		if (t & CT_BREAK)
		{
			*brk = true;
			return p + 1;
		}
		if (t & CT_BLANK)
		{
			space = true;
			p++;
		}
		else if (t & CT_JOIN)
		{
			join = true;
			p++;
		}
		else if (c == '.')
		{
			if (p + 1 >= len || (ctype[(unsigned char) s[p + 1]] & (CT_BLANK | CT_BREAK)))
			{
				*brk = true;
				return p + 1;
			}
			dot = true;
			p++;
		}
		else if (c == 0xC2 && p + 1 < len && (unsigned char) s[p + 1] == 0xA0)
		{
			space = true;		/* no-break space */
			p += 2;
		}
		else if (c == 0xE2 && p + 2 < len && (unsigned char) s[p + 1] == 0x80 &&
				 ((unsigned char) s[p + 2] == 0x98 || (unsigned char) s[p + 2] == 0x99 ||
				  (unsigned char) s[p + 2] == 0x93 || (unsigned char) s[p + 2] == 0x94))
		{
			join = true;		/* ‘ ’ – — */
			nchars += 2;
			p += 3;
		}
		else
		{
			other = true;
			p++;
		}
	}
	*sep = other ? SEP_OTHER : dot ? SEP_DOT : join ? SEP_JOIN : SEP_SPACE;
	*glued = (nchars == 1 && (first == '-' || first == '_'));
	*apostrophe_only = !space && !dot && !other && join &&
		(nchars == 1 ? first == '\'' : (nchars == 3 && first == 0xE2));
	return p;
}

static size_t clause_scan(const char *s, size_t len, size_t pos, clause *c);

/*
 * Read the clause that starts at pos into c; returns where the next one
 * starts.  Always advances when pos < len.
 */
size_t
cls_clause_next(const char *s, size_t len, size_t pos, clause *c)
{
	size_t		next;

	if (!initialised)
		classify_init();
	msc_check_interrupts();		/* after classify_init: never inside it */
	next = clause_scan(s, len, pos, c);

	cls_finish_clause(c);
	return next;
}

static size_t
clause_scan(const char *s, size_t len, size_t pos, clause *c)
{
	size_t		p = pos;

	c->s = s;
	c->len = len;
	c->n = 0;
	while (p < len)
	{
		bool		brk,
					glued,
					apos;
		int			sep;
		size_t		start;
		word	   *w;
		unsigned	nupper = 0,
					ndigit = 0;
		int			tri = 0;

		/* the usual gap, one blank between two words */
		if (c->n > 0 && p + 1 < len && s[p] == ' ' && (ctype[(unsigned char) s[p + 1]] & CT_ALNUM))
		{
			p++;
			brk = glued = apos = false;
			sep = SEP_SPACE;
		}
		else
			p = scan_separators(s, len, p, &brk, &sep, &glued, &apos);
		if (brk)
		{
			if (c->n > 0)
				return p;
			continue;
		}
		if (p >= len)
			break;
		start = p;
		{
			/* one table look-up and one addition a character */
			const unsigned char *q = (const unsigned char *) s + p;
			const unsigned char *e = (const unsigned char *) s + len;
			uint32_t	acc = 0;	/* capitals, and digits << 16 */

			do
			{
				acc += ccount[*q];
				q++;
			} while (q < e && (ctype[*q] & CT_ALNUM));
			p = (size_t) (q - (const unsigned char *) s);
			nupper = acc & 0xFFFF;
			ndigit = acc >> 16;
		}
		/* a possessive 's: drop it */
		if (apos && c->n > 0 && p - start == 1 && ascii_lower((unsigned char) s[start]) == 's')
			continue;
		{
			const unsigned char *u = (const unsigned char *) s + start;
			size_t		wl = p - start;

			tri = (tsym[u[0]] * 27 + (wl > 1 ? tsym[u[1]] : 0)) * 27 + (wl > 2 ? tsym[u[2]] : 0);
		}
		w = &c->w[c->n++];
		w->start = start;
		w->end = p;
		w->sep = (c->n == 1) ? SEP_START : (uint8_t) sep;
		w->glued = (c->n > 1) && glued;
		w->digit = (ctype[(unsigned char) s[start]] & CT_DIGIT) != 0;
		w->first = ascii_lower((unsigned char) s[start]);
		w->cls = 0;
		w->lexical = !w->digit && tri_get(tri);
		w->tri = (uint16_t) tri;
		w->nupper = (uint8_t) (nupper < 255 ? nupper : 255);
		w->nlower = (uint8_t) ((p - start) - nupper - ndigit < 255 ? (p - start) - nupper - ndigit : 255);
		if (c->n == MSC_CLASSIFY_CLAUSE_TOKENS)
			return p;
	}
	return p;
}

size_t
cls_wlen(const clause *c, int i)
{
	return c->w[i].end - c->w[i].start;
}

/* Does word i start with lit (lower case), ignoring case, and end there if whole? */
static bool
word_starts(const clause *c, int i, const char *lit, bool whole)
{
	size_t		n;

	if (i < 0 || i >= c->n || c->w[i].first != (unsigned char) lit[0])
		return false;
	n = strlen(lit);
	if (whole ? cls_wlen(c, i) != n : cls_wlen(c, i) < n)
		return false;
	return ascii_lit(c->s + c->w[i].start, c->s + c->w[i].end, lit) == n;
}

bool
cls_weq(const clause *c, int i, const char *lit)
{
	return word_starts(c, i, lit, true);
}

bool
cls_wprefix(const clause *c, int i, const char *lit)
{
	return word_starts(c, i, lit, false);
}

/* Does word i equal lit exactly (case-sensitive)? */
bool
cls_wexact(const clause *c, int i, const char *lit)
{
	size_t		n = strlen(lit);

	return i >= 0 && i < c->n && cls_wlen(c, i) == n &&
		memcmp(c->s + c->w[i].start, lit, n) == 0;
}

/*
 * Does word i match lit[0..n): the word itself, or a word starting so
 * when lit ends with "*"?  Case-insensitive; lit is lower case.
 */
static bool
wmatch(const clause *c, int i, const char *lit, size_t n)
{
	const char *p = c->s + c->w[i].start;
	size_t		wl = cls_wlen(c, i);

	if (n > 0 && lit[n - 1] == '*')
	{
		n--;
		if (wl < n)
			return false;
	}
	else if (wl != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (ascii_lower((unsigned char) p[k]) != (unsigned char) lit[k])
			return false;
	return true;
}

/* Is word i one of the list (each "word" or "prefix*")? */
bool
cls_win(const clause *c, int i, const char *const *list)
{
	unsigned char f;

	if (i < 0 || i >= c->n)
		return false;
	f = c->w[i].first;
	for (const char *const *l = list; *l; l++)
		if ((unsigned char) (*l)[0] == f && wmatch(c, i, *l, strlen(*l)))
			return true;
	return false;
}

/* May a phrase continue from word i-1 to word i? (blanks or joiners) */
bool
cls_phrase_link(const clause *c, int i)
{
	return i > 0 && i < c->n && (c->w[i].sep == SEP_SPACE || c->w[i].sep == SEP_JOIN);
}

/* ---- phrase patterns ---- */


#define MAX_ALTS 1024
#define MAX_ELEMS 512
static calt alts[MAX_ALTS];
static celem elems[MAX_ELEMS];
static int	nalts,
			nelems;

bool
cls_alt_matches(const clause *c, int i, const calt *a)
{
	const word *w = &c->w[i];

	switch (a->kind)
	{
		case ALT_ANY:
			return !w->digit;
		case ALT_EXACT:
			return cls_wlen(c, i) == a->len && memcmp(c->s + w->start, a->s, a->len) == 0;
		case ALT_PREFIX:
			if (w->first != (unsigned char) a->s[0] || cls_wlen(c, i) < a->len)
				return false;
			break;
		default:
			if (w->first != (unsigned char) a->s[0] || cls_wlen(c, i) != a->len)
				return false;
	}
	for (size_t k = 1; k < a->len; k++)
		if (ascii_lower((unsigned char) c->s[w->start + k]) != (unsigned char) a->s[k])
			return false;
	return true;
}

static bool
elem_matches(const clause *c, int i, const celem *e)
{
	for (int k = 0; k < e->nalt; k++)
		if (cls_alt_matches(c, i, &alts[e->first + k]))
			return true;
	return false;
}

/* Match elements [e, stop) from word i (first: no link check); the end or -1. */
static int
match_from(const clause *c, int i, int e, int stop, bool first)
{
	int			r;

	if (e == stop)
		return i;
	if (i < c->n && (first || cls_phrase_link(c, i)) && elem_matches(c, i, &elems[e]))
	{
		r = match_from(c, i + 1, e + 1, stop, false);
		if (r >= 0)
			return r;
	}
	if (elems[e].optional)
		return match_from(c, i, e + 1, stop, first);
	return -1;
}

/* Compile pattern pat into *cp (see the syntax above). */
static void
compile_pattern(const char *pat, cpat *cp)
{
	const char *e = pat;

	cp->first = (uint16_t) nelems;
	cp->nelem = 0;
	cp->letters = 0;
	while (*e)
	{
		size_t		elen = strcspn(e, " ");
		celem	   *el;
		size_t		k = 0;

		if (elen == 0)
		{
			e++;
			continue;
		}
		if (nelems >= MAX_ELEMS)
			return;
		el = &elems[nelems++];
		el->optional = (e[0] == '?');
		if (el->optional)
		{
			e++;
			elen--;
		}
		el->first = (uint16_t) nalts;
		el->nalt = 0;
		while (k < elen && nalts < MAX_ALTS)
		{
			size_t		j = k;
			calt	   *a = &alts[nalts++];

			while (j < elen && e[j] != '|')
				j++;
			a->s = e + k;
			a->len = (uint8_t) (j - k);
			a->kind = ALT_WORD;
			if (a->len > 0 && a->s[0] == '=')
			{
				a->s++;
				a->len--;
				a->kind = ALT_EXACT;
			}
			else if (a->len == 1 && a->s[0] == '#')
				a->kind = ALT_ANY;
			else if (a->len > 0 && a->s[a->len - 1] == '*')
			{
				a->len--;
				a->kind = ALT_PREFIX;
			}
			if (cp->nelem == 0)
			{
				unsigned char f = a->len ? ascii_lower((unsigned char) a->s[0]) : 0;

				if (a->kind == ALT_ANY || el->optional)
					cp->letters = 0x7FFFFFF;
				else
					cp->letters |= (f >= 'a' && f <= 'z') ? 1u << (f - 'a') : 1u << 26;
			}
			el->nalt++;
			k = j + 1;
		}
		cp->nelem++;
		e += elen;
	}
}


#define MAX_TRI_REFS 4096
static tri_ref tri_pool[MAX_TRI_REFS];
static int	ntri_pool;

/*
 * The longest phrase of table t matching at word i: its index with *end
 * set, or -1.
 */
int
cls_longest_phrase(const clause *c, int i, const ctable *t, int *end)
{
	int			best = -1,
				best_end = i;
	int			lo = 0,
				hi;
	uint16_t	tri = c->w[i].tri;

	*end = i;
	if (!c->w[i].lexical || !((t->has[tri >> 3] >> (tri & 7)) & 1))
		return -1;
	/* the first reference to the word's trigram */
	hi = t->nidx;
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (t->idx[mid].tri < tri)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < t->nidx && t->idx[lo].tri == tri; lo++)
	{
		const cpat *cp = &t->cp[t->idx[lo].k];
		int			e = match_from(c, i, cp->first, cp->first + cp->nelem, true);

		if (e > best_end)
		{
			best = t->idx[lo].k;
			best_end = e;
		}
	}
	*end = best_end;
	return best;
}


void
cls_trace_mention(const msc_classify_trace *trace, msc_evidence_kind kind, int value,
			  const clause *c, int i, int end)
{
	if (trace && trace->mention && end > i)
		trace->mention(trace->arg, kind, value, c->w[i].start, c->w[end - 1].end);
}

/* Append code to out[0..*n) unless already there. */
void
cls_add_code(uint8_t *out, int *n, int code)
{
	for (int k = 0; k < *n; k++)
		if (out[k] == code)
			return;
	out[(*n)++] = (uint8_t) code;
}
/* ---- initialisation ---- */

/* Mark the first element of each pattern of table in the trigram filter. */
static void
tri_add_patterns(const phrase *table, int n)
{
	for (int k = 0; k < n; k++)
	{
		const char *e = table[k].pat;
		size_t		elen = strcspn(e, " ");
		size_t		i = 0;

		if (e[0] == '?')
		{
			memset(tri_ok, 0xFF, sizeof(tri_ok));
			return;
		}
		while (i < elen)
		{
			size_t		j = i;
			const char *a = e + i;
			size_t		alen;

			while (j < elen && e[j] != '|')
				j++;
			alen = (e + j) - a;
			if (alen > 0 && a[0] == '=')
			{
				a++;
				alen--;
			}
			if (alen == 1 && a[0] == '#')
			{
				memset(tri_ok, 0xFF, sizeof(tri_ok));
				return;
			}
			if (alen > 0 && a[alen - 1] == '*')
				tri_add(a, alen - 1, true);
			else
				tri_add(a, alen, false);
			i = j + 1;
		}
	}
}

void
cls_tri_add_list(const char *const *list)
{
	for (const char *const *l = list; *l; l++)
	{
		size_t		n = strlen(*l);

		if (n > 0 && (*l)[n - 1] == '*')
			tri_add(*l, n - 1, true);
		else
			tri_add(*l, n, false);
	}
}

static void
tri_ref_add(int tri, int k)
{
	if (ntri_pool < MAX_TRI_REFS)
	{
		tri_pool[ntri_pool].tri = (uint16_t) tri;
		tri_pool[ntri_pool].k = (uint8_t) k;
		ntri_pool++;
	}
}

/* Compile table t and index its patterns by the trigrams they can start with. */
static void
compile_table(ctable *t)
{
	t->idx = &tri_pool[ntri_pool];
	for (int k = 0; k < t->n; k++)
	{
		const celem *e;

		compile_pattern(t->ph[k].pat, &t->cp[k]);
		e = &elems[t->cp[k].first];
		for (int a = 0; a < e->nalt; a++)
		{
			const calt *al = &alts[e->first + a];
			int			n = al->len < 3 ? al->len : 3;
			int			base = cls_trigram(al->s, (size_t) n);

			if (al->kind == ALT_ANY)
				for (int x = 0; x < TRI_SIZE; x++)
					tri_ref_add(x, k);
			else if (al->kind == ALT_PREFIX && al->len < 3)
			{
				/* a short prefix: every continuation */
				int			step = al->len == 2 ? 1 : 27;
				int			count = al->len == 2 ? 27 : 729;

				for (int x = 0; x < count; x++)
					tri_ref_add(base + x * step, k);
			}
			else
				tri_ref_add(base, k);
		}
	}
	t->nidx = (int) (&tri_pool[ntri_pool] - t->idx);
	/* sort by trigram (insertion sort: a few hundred entries, once) */
	for (int a = 1; a < t->nidx; a++)
	{
		tri_ref		x = t->idx[a];
		int			b = a - 1;

		while (b >= 0 && (t->idx[b].tri > x.tri || (t->idx[b].tri == x.tri && t->idx[b].k > x.k)))
		{
			t->idx[b + 1] = t->idx[b];
			b--;
		}
		t->idx[b + 1] = x;
	}
	/* each pattern once a trigram */
	{
		int			out = 0;

		for (int a = 0; a < t->nidx; a++)
			if (out == 0 || t->idx[out - 1].tri != t->idx[a].tri || t->idx[out - 1].k != t->idx[a].k)
				t->idx[out++] = t->idx[a];
		ntri_pool -= t->nidx - out;
		t->nidx = out;
	}
	for (int a = 0; a < t->nidx; a++)
		t->has[t->idx[a].tri >> 3] |= (uint8_t) (1u << (t->idx[a].tri & 7));
}

static void
classify_init(void)
{
	static ctable *const tables[] = {
		&cls_ct_source, &cls_ct_hsct, &cls_ct_route, &cls_ct_donor, &cls_ct_manip
	};

	build_ctype();
	cls_words_init();
	for (int k = 0; k < NELEM(tables); k++)
	{
		compile_table(tables[k]);
		tri_add_patterns(tables[k]->ph, tables[k]->n);
	}
	initialised = true;
}

/* ---- limits ---- */

bool
msc_classify_check_length(size_t len, const char *function_name, msc_error *err)
{
	char		detail[160];

	msc_error_clear(err);
	if (len <= MSC_CLASSIFY_MAX_INPUT)
		return true;
	snprintf(detail, sizeof(detail),
			 "The text has %zu bytes; %s reads at most %d.", len, function_name,
			 MSC_CLASSIFY_MAX_INPUT);
	return msc_fail(err, MSC_ERR_PARAM, detail,
					"Classify the fields of a record one by one, or a shorter excerpt.",
					"text too long for %s", function_name);
}
