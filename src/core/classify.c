/*
 * classify.c — free-text classifiers of the cell product of a trial
 * record: source tissues, routes, donor, manipulation, first dose.
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
 * Decisions made from the 1,536 records of ctgov_msc_interventions.tsv
 * (see test/classify/LABELLING.md and doc/readme-classify.md):
 *   - "SC" is "stem cells" in this corpus, never read as subcutaneous;
 *     "IA" is a product code or intra-arterial, never read as
 *     intra-articular; "IT" and "IM" count when written in capitals in
 *     mixed-case text.  "IV" is not a Roman numeral (grade II-IV, class
 *     III, IV or V).
 *   - A hyphenated compound with a part that is not a known abbreviation
 *     is a product code (ALLO-ASC-DFU, HB-adMSCs, CB-AC-02, NEUROSTEM-AD,
 *     SMUP-IA-01): it states nothing.
 *   - Sources: "bone marrow" is not a source in "bone marrow
 *     transplantation/failure/edema/lesion/stimulation..."; in a record
 *     about haematopoietic transplantation (allogeneic transplant, HSCT,
 *     cord blood transplantation, ...) bone marrow, cord blood and
 *     peripheral blood count only when they name MSCs ("bone marrow
 *     stromal cells").  Peripheral blood always needs an MSC word
 *     ("peripheral blood stem cells" are haematopoietic); placenta,
 *     amnion, synovium, menstrual blood and deciduous teeth need a cell
 *     word after them ("amniotic membrane transplant" is a graft); a
 *     clause that says where MSCs "can be isolated from" is background.
 *     An abbreviation of bone marrow, cord blood or peripheral blood
 *     without an MSC part (UCB, BM-MNC) is the graft in an HSCT record.
 *   - Routes said only of drugs are not counted: a clause that doses
 *     something in mg, mcg, g or IU, or names a drug (methylprednisolone,
 *     corticosteroid, hyaluronic acid, PRP, an anaesthetic, ...) or
 *     "orally" and says nothing of cells is skipped, and so is a route
 *     whose nearest typed neighbour is a drug ("subcutaneous injections
 *     of filgrastim").  "subcutaneous fat/adipose tissue" is
 *     a tissue, "subarachnoid haemorrhage" a condition.  Intracoronary is
 *     not read as intra-arterial (CDISC keeps it apart).
 *   - Donor: "autologous", "allogeneic" and their variants count unless
 *     the words that follow name something other than the cells (PRP,
 *     serum, plasma, blood, chondrocytes, bone, a haematopoietic
 *     transplant); "patient's own", "third party donor", "healthy
 *     donors", "from a donor", "donor MSCs", allo-/auto- prefixes of MSC
 *     abbreviations count too.
 *   - Manipulation: cultured/expanded/passage near a cell word (not
 *     "expanded access", not the "Expanded Disability Status Scale", not
 *     cultured chondrocytes); BMAC, SVF (not "SVF-derived MSC" nor SVF
 *     that is cultured), microfragmented adipose/Lipogems, ADRC, nanofat
 *     and mononuclear cells are minimally manipulated.
 *   - Donor and manipulation stated both ways: no answer (a
 *     contradiction is not a statement of one).
 *   - Dose: see the comment before dose_cand below.
 *
 * Speed.  The first call builds static tables: a character-class table,
 * the patterns compiled into alternatives, and indexes from the first
 * three letters of a word (its trigram) to the patterns and class words
 * that may start with them; a word whose trigram begins nothing is passed
 * over at once.
 */
#include "classify.h"

#include "msc_interrupt.h"

#include <stdio.h>
#include <string.h>

/* ================================================================ */
/* Characters (ASCII only: no locale)                                 */
/* ================================================================ */

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || is_upper(c);
}

static bool
is_alnum(unsigned char c)
{
	return is_digit(c) || is_alpha(c);
}

static unsigned char
lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char) (c - 'A' + 'a') : c;
}

static bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

static size_t lit_at(const char *s, size_t len, size_t p, const char *w);

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

		if (is_digit((unsigned char) c))
			t |= CT_ALNUM | CT_DIGIT;
		if (is_alpha((unsigned char) c))
			t |= CT_ALNUM;
		if (is_upper((unsigned char) c))
			t |= CT_UPPER;
		if (is_blank((unsigned char) c))
			t |= CT_BLANK;
		if (c == '|' || c == ';' || c == '\n' || c == '\r')
			t |= CT_BREAK;
		if (c == '-' || c == '_' || c == '/' || c == '\'')
			t |= CT_JOIN;
		ctype[c] = t;
		ccount[c] = (t & CT_UPPER) ? 1u : (t & CT_DIGIT) ? 1u << 16 : 0u;
		tsym[c] = (uint8_t) (is_alpha((unsigned char) c) ? lower((unsigned char) c) - 'a' + 1 : 0);
	}
}

/* ================================================================ */
/* Clauses and words                                                  */
/* ================================================================ */

/* What separates a word from the one before it. */
enum
{
	SEP_START,					/* first word of the clause */
	SEP_SPACE,					/* blanks only */
	SEP_JOIN,					/* joiners (- / _ ' dashes), maybe with blanks */
	SEP_DOT,					/* a dot (i.v, 2.5), maybe with joiners */
	SEP_OTHER					/* anything else: ( ) , : ® ... */
};

typedef struct word
{
	size_t		start;
	size_t		end;
	uint8_t		sep;			/* SEP_* before this word */
	bool		glued;			/* joined to the previous by one - or _ */
	bool		digit;			/* starts with a digit */
	uint8_t		nupper;			/* capitals in the word (capped) */
	uint8_t		nlower;
	unsigned char first;		/* first character, lower case */
	uint8_t		cls;			/* WC_* classes of the word */
	bool		lexical;		/* may begin a phrase or name a class */
	uint16_t	tri;			/* trigram of its first three letters */
} word;

/* Word classes, set once per clause by finish_clause. */
#define WC_CELL		0x01		/* says cells or a cell product */
#define WC_MSC		0x02		/* names MSCs themselves */
#define WC_CONJ		0x04		/* a conjunction: another item begins */
#define WC_MODAL	0x08		/* can, could, may, might */
#define WC_DRUG		0x10		/* names or doses a drug */
#define WC_CARRIER	0x20		/* PRP, plasma, hyaluronic acid: go with the cells */

typedef struct clause
{
	const char *s;				/* the whole text */
	size_t		len;
	int			n;
	word		w[MSC_CLASSIFY_CLAUSE_TOKENS];
	/* the compound (words glued by single hyphens) of each word */
	int16_t		cfirst[MSC_CLASSIFY_CLAUSE_TOKENS];
	int16_t		clast[MSC_CLASSIFY_CLAUSE_TOKENS];
	int8_t		ccode[MSC_CLASSIFY_CLAUSE_TOKENS];	/* ... is a product code (-1: not known yet) */
	int8_t		cabbrev[MSC_CLASSIFY_CLAUSE_TOKENS];	/* index in abbrevs, or -1 */
} clause;

static void finish_clause(clause *c);
static void classify_init(void);
static bool initialised;

/*
 * A filter on the first three letters of words: a word whose first three
 * letters (a-z, else 0; 0 after its end) begin no phrase of any table and
 * no class word is skipped at once.  Built by classify_init.
 */
#define TRI_SIZE (27 * 27 * 27)
static uint8_t tri_ok[TRI_SIZE / 8 + 1];

static int
tri_sym(unsigned char c)
{
	c = (c >= 'A' && c <= 'Z') ? (unsigned char) (c - 'A' + 'a') : c;
	return (c >= 'a' && c <= 'z') ? c - 'a' + 1 : 0;
}

/* The trigram of the n bytes at p (fewer than 3: padded with 0). */
static int
trigram(const char *p, size_t n)
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
		tri_set(trigram(lit, n < 3 ? n : 3));
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
static size_t
clause_next(const char *s, size_t len, size_t pos, clause *c)
{
	size_t		next;

	if (!initialised)
		classify_init();
	msc_check_interrupts();		/* after classify_init: never inside it */
	next = clause_scan(s, len, pos, c);

	finish_clause(c);
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
		if (apos && c->n > 0 && p - start == 1 && lower((unsigned char) s[start]) == 's')
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
		w->first = lower((unsigned char) s[start]);
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

static size_t
wlen(const clause *c, int i)
{
	return c->w[i].end - c->w[i].start;
}

/* Does word i equal lit (lower case), ignoring case? */
static bool
weq(const clause *c, int i, const char *lit)
{
	size_t		n;
	const char *p;

	if (i < 0 || i >= c->n || c->w[i].first != (unsigned char) lit[0])
		return false;
	n = strlen(lit);
	if (wlen(c, i) != n)
		return false;
	p = c->s + c->w[i].start;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char) p[k]) != (unsigned char) lit[k])
			return false;
	return true;
}

/* Does word i start with lit (lower case), ignoring case? */
static bool
wprefix(const clause *c, int i, const char *lit)
{
	size_t		n;
	const char *p;

	if (i < 0 || i >= c->n || c->w[i].first != (unsigned char) lit[0])
		return false;
	n = strlen(lit);
	if (wlen(c, i) < n)
		return false;
	p = c->s + c->w[i].start;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char) p[k]) != (unsigned char) lit[k])
			return false;
	return true;
}

/* Does word i equal lit exactly (case-sensitive)? */
static bool
wexact(const clause *c, int i, const char *lit)
{
	size_t		n = strlen(lit);

	return i >= 0 && i < c->n && wlen(c, i) == n &&
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
	size_t		wl = wlen(c, i);

	if (n > 0 && lit[n - 1] == '*')
	{
		n--;
		if (wl < n)
			return false;
	}
	else if (wl != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char) p[k]) != (unsigned char) lit[k])
			return false;
	return true;
}

/* Is word i one of the list (each "word" or "prefix*")? */
static bool
win(const clause *c, int i, const char *const *list)
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
static bool
phrase_link(const clause *c, int i)
{
	return i > 0 && i < c->n && (c->w[i].sep == SEP_SPACE || c->w[i].sep == SEP_JOIN);
}

/* ================================================================ */
/* Phrase patterns                                                    */
/* ================================================================ */

/*
 * A pattern is a list of elements separated by single spaces:
 *   word      the word, any case          word*   a word starting so
 *   =WORD     the word, exactly this case
 *   a|b|c     one of the alternatives (each may end with *)
 *   #         any word that is not a number
 *   ?elem     elem or nothing
 * Consecutive words must be linked by blanks or joiners.
 */

typedef struct phrase
{
	const char *pat;
	uint8_t		value;			/* code of the thing named */
	uint8_t		rule;			/* context rule of the table */
} phrase;

/* Patterns compiled once: alternatives with their lengths. */
enum
{
	ALT_WORD,					/* the word, any case */
	ALT_PREFIX,					/* a word starting so, any case */
	ALT_EXACT,					/* the word, this case */
	ALT_ANY						/* any word that is not a number */
};

typedef struct calt
{
	const char *s;
	uint8_t		len;
	uint8_t		kind;
} calt;

typedef struct celem
{
	uint16_t	first;			/* index of its first alternative */
	uint8_t		nalt;
	bool		optional;
} celem;

typedef struct cpat
{
	uint16_t	first;			/* index of its first element */
	uint8_t		nelem;
	uint32_t	letters;		/* first letters it can start with (a-z, else bit 26) */
} cpat;

#define MAX_ALTS 1024
#define MAX_ELEMS 512
static calt alts[MAX_ALTS];
static celem elems[MAX_ELEMS];
static int	nalts,
			nelems;

static bool
alt_matches(const clause *c, int i, const calt *a)
{
	const word *w = &c->w[i];

	switch (a->kind)
	{
		case ALT_ANY:
			return !w->digit;
		case ALT_EXACT:
			return wlen(c, i) == a->len && memcmp(c->s + w->start, a->s, a->len) == 0;
		case ALT_PREFIX:
			if (w->first != (unsigned char) a->s[0] || wlen(c, i) < a->len)
				return false;
			break;
		default:
			if (w->first != (unsigned char) a->s[0] || wlen(c, i) != a->len)
				return false;
	}
	for (size_t k = 1; k < a->len; k++)
		if (lower((unsigned char) c->s[w->start + k]) != (unsigned char) a->s[k])
			return false;
	return true;
}

static bool
elem_matches(const clause *c, int i, const celem *e)
{
	for (int k = 0; k < e->nalt; k++)
		if (alt_matches(c, i, &alts[e->first + k]))
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
	if (i < c->n && (first || phrase_link(c, i)) && elem_matches(c, i, &elems[e]))
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
				unsigned char f = a->len ? lower((unsigned char) a->s[0]) : 0;

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

/*
 * A compiled phrase table: its patterns, and an index from the trigram of
 * a word to the patterns whose first element may match it.
 */
typedef struct tri_ref
{
	uint16_t	tri;
	uint8_t		k;				/* index of the pattern */
} tri_ref;

typedef struct ctable
{
	const phrase *ph;
	int			n;
	cpat	   *cp;
	tri_ref    *idx;			/* sorted by tri */
	int			nidx;
	uint8_t		has[TRI_SIZE / 8 + 1];	/* trigrams that start some pattern */
} ctable;

#define MAX_TRI_REFS 4096
static tri_ref tri_pool[MAX_TRI_REFS];
static int	ntri_pool;

/*
 * The longest phrase of table t matching at word i: its index with *end
 * set, or -1.
 */
static int
longest_phrase(const clause *c, int i, const ctable *t, int *end)
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

#define NELEM(a) ((int) (sizeof(a) / sizeof((a)[0])))

/* ================================================================ */
/* Word classes shared by the scanners                                */
/* ================================================================ */

/* Words that end a phrase's neighbourhood: another item begins. */
static const char *const conjunctions[] = {
	"and", "or", "versus", "vs", "with", "plus", "compared", "but", "than",
	NULL
};

/* Words naming MSCs themselves (not any stem cell). */
static const char *const msc_words[] = {
	"mesenchymal", "mesenchymoangioblast*", "mesenchymal*", "stromal",
	"msc", "mscs", "hmsc", "hmscs", "mmsc", "mmscs", "msc*", "mpc", "mpcs", NULL
};

/* Words that make a statement hypothetical. */
static const char *const modal_words[] = {"can", "could", "may", "might", NULL};

/* Words that say "cells" or a cell product. */
static const char *const cell_words[] = {
	"cell", "cells", "stem", "progenitor", "progenitors", "mononuclear",
	"derived", "regenerative", "concentrate", "concentrates", "exosome*",
	"vesicle*", "secretome", "svf", "bmac", "msc*", "mesenchymal*", "stromal",
	"hmsc*", "mmsc*", "mpc", "mpcs", NULL
};

/*
 * The class words, compiled by classify_init into alternatives sorted by
 * first letter (lex_start[l] .. lex_start[l + 1] for letter l, 26 for
 * others).
 */
#define MAX_LEX 192
static calt lex_alt[MAX_LEX];
static uint8_t lex_cls[MAX_LEX];
static int	lex_start[28];

/* The lexicon by trigram: (trigram, entry) sorted. */
#define MAX_LEX_TRI 2048
static struct
{
	uint16_t	tri;
	uint8_t		k;
}			lex_tri[MAX_LEX_TRI];
static int	nlex_tri;
static uint8_t lex_has[TRI_SIZE / 8 + 1];

/* The classes of word i, worked out once by finish_clause. */
static uint8_t
word_classes(const clause *c, int i)
{
	uint8_t		cls = 0;
	const word *w = &c->w[i];
	size_t		n = wlen(c, i);
	unsigned char last = lower((unsigned char) c->s[w->end - 1]);
	int			l = (w->first >= 'a' && w->first <= 'z') ? w->first - 'a' : 26;

	(void) l;
	if (w->lexical && ((lex_has[w->tri >> 3] >> (w->tri & 7)) & 1))
	{
		/* the lexicon entries that begin with the word's trigram */
		int			lo = 0,
					hi = nlex_tri;

		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;

			if (lex_tri[mid].tri < w->tri)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < nlex_tri && lex_tri[lo].tri == w->tri; lo++)
			if (alt_matches(c, i, &lex_alt[lex_tri[lo].k]))
				cls |= lex_cls[lex_tri[lo].k];
	}
	/* abbreviations: "UCMSCs", "ADSCs", "hMSC" */
	if (n >= 3 && (last == 'c' || last == 's'))
	{
		const char *e = c->s + w->end;
		size_t		k = (last == 's') ? 1 : 0;	/* a plural s */

		if (n >= 2 + k && lower((unsigned char) e[-1 - (int) k]) == 'c' &&
			lower((unsigned char) e[-2 - (int) k]) == 's')
		{
			if (n >= 3 + k && lower((unsigned char) e[-3 - (int) k]) == 'm')
				cls |= WC_MSC | WC_CELL;
			else if (w->nupper >= 2)
				cls |= WC_CELL;
		}
	}
	return cls;
}

static bool
is_msc_word(const clause *c, int i)
{
	return i >= 0 && i < c->n && (c->w[i].cls & WC_MSC) != 0;
}

static bool
is_cell_word(const clause *c, int i)
{
	return i >= 0 && i < c->n && (c->w[i].cls & WC_CELL) != 0;
}

static bool
is_conjunction(const clause *c, int i)
{
	return i >= 0 && i < c->n && (c->w[i].cls & WC_CONJ) != 0;
}

/*
 * Look at the words after i (at most span, within the clause, stopping at
 * a conjunction or at punctuation other than joiners) for one that pred
 * accepts.
 */
static bool
ahead(const clause *c, int i, int span, bool (*pred) (const clause *, int))
{
	for (int k = i + 1; k < c->n && k <= i + span; k++)
	{
		if (c->w[k].sep == SEP_OTHER || c->w[k].sep == SEP_DOT || is_conjunction(c, k))
			return false;
		if (pred(c, k))
			return true;
	}
	return false;
}

/* The same, looking back from i. */
static bool
behind(const clause *c, int i, int span, bool (*pred) (const clause *, int))
{
	for (int k = i - 1; k >= 0 && k >= i - span; k--)
	{
		if (c->w[k + 1].sep == SEP_OTHER || c->w[k + 1].sep == SEP_DOT || is_conjunction(c, k))
			return false;
		if (pred(c, k))
			return true;
	}
	return false;
}

/* ================================================================ */
/* Abbreviations and product codes                                    */
/* ================================================================ */

typedef struct abbrev
{
	const char *word;			/* lower case */
	uint8_t		source;			/* msc_source code */
	uint8_t		manip;			/* MSC_MANIP_* it implies, or 0 */
	bool		prefix;			/* a tissue prefix that needs an MSC part */
} abbrev;

static const abbrev abbrevs[] = {
	{"bmsc", MSC_SOURCE_BONE_MARROW, 0, false},
	{"bmscs", MSC_SOURCE_BONE_MARROW, 0, false},
	{"hbmsc", MSC_SOURCE_BONE_MARROW, 0, false},
	{"hbmscs", MSC_SOURCE_BONE_MARROW, 0, false},
	{"bmmsc", MSC_SOURCE_BONE_MARROW, 0, false},
	{"bmmscs", MSC_SOURCE_BONE_MARROW, 0, false},
	{"bmac", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bmmnc", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bmmncs", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bmnc", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bmncs", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bmmc", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bmmcs", MSC_SOURCE_BONE_MARROW, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"bm", MSC_SOURCE_BONE_MARROW, 0, true},
	{"hbm", MSC_SOURCE_BONE_MARROW, 0, true},
	{"adsc", MSC_SOURCE_ADIPOSE, 0, false},
	{"adscs", MSC_SOURCE_ADIPOSE, 0, false},
	{"hadsc", MSC_SOURCE_ADIPOSE, 0, false},
	{"hadscs", MSC_SOURCE_ADIPOSE, 0, false},
	{"admsc", MSC_SOURCE_ADIPOSE, 0, false},
	{"admscs", MSC_SOURCE_ADIPOSE, 0, false},
	{"hadmsc", MSC_SOURCE_ADIPOSE, 0, false},
	{"hadmscs", MSC_SOURCE_ADIPOSE, 0, false},
	{"asc", MSC_SOURCE_ADIPOSE, 0, false},
	{"ascs", MSC_SOURCE_ADIPOSE, 0, false},
	{"easc", MSC_SOURCE_ADIPOSE, MSC_MANIP_CULTURE_EXPANDED, false},
	{"eascs", MSC_SOURCE_ADIPOSE, MSC_MANIP_CULTURE_EXPANDED, false},
	{"atmsc", MSC_SOURCE_ADIPOSE, 0, false},
	{"atmscs", MSC_SOURCE_ADIPOSE, 0, false},
	{"adrc", MSC_SOURCE_ADIPOSE, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"adrcs", MSC_SOURCE_ADIPOSE, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"svf", MSC_SOURCE_ADIPOSE, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"adsvf", MSC_SOURCE_ADIPOSE, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"mfat", MSC_SOURCE_ADIPOSE, MSC_MANIP_MINIMALLY_MANIPULATED, false},
	{"ad", MSC_SOURCE_ADIPOSE, 0, true},
	{"had", MSC_SOURCE_ADIPOSE, 0, true},
	{"at", MSC_SOURCE_ADIPOSE, 0, true},
	{"ucmsc", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"ucmscs", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"hucmsc", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"hucmscs", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"wjmsc", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"wjmscs", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"hwjmsc", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"hwjmscs", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"uc", MSC_SOURCE_UMBILICAL_CORD, 0, true},
	{"huc", MSC_SOURCE_UMBILICAL_CORD, 0, true},
	{"wj", MSC_SOURCE_UMBILICAL_CORD, 0, true},
	{"hwj", MSC_SOURCE_UMBILICAL_CORD, 0, true},
	{"ucb", MSC_SOURCE_CORD_BLOOD, 0, false},
	{"hucb", MSC_SOURCE_CORD_BLOOD, 0, false},
	{"ucbmsc", MSC_SOURCE_CORD_BLOOD, 0, false},
	{"ucbmscs", MSC_SOURCE_CORD_BLOOD, 0, false},
	{"hucbmsc", MSC_SOURCE_CORD_BLOOD, 0, false},
	{"hucbmscs", MSC_SOURCE_CORD_BLOOD, 0, false},
	{"cb", MSC_SOURCE_CORD_BLOOD, 0, true},
	{"hcb", MSC_SOURCE_CORD_BLOOD, 0, true},
	{"dpsc", MSC_SOURCE_DENTAL_PULP, 0, false},
	{"dpscs", MSC_SOURCE_DENTAL_PULP, 0, false},
	{"dp", MSC_SOURCE_DENTAL_PULP, 0, true},
	{"pmsc", MSC_SOURCE_PLACENTA, 0, false},
	{"pmscs", MSC_SOURCE_PLACENTA, 0, false},
	{"pdmsc", MSC_SOURCE_PLACENTA, 0, false},
	{"pdmscs", MSC_SOURCE_PLACENTA, 0, false},
	{"pd", MSC_SOURCE_PLACENTA, 0, true},
	{"afmsc", MSC_SOURCE_AMNIOTIC, 0, false},
	{"afmscs", MSC_SOURCE_AMNIOTIC, 0, false},
	{"am", MSC_SOURCE_AMNIOTIC, 0, true},
	{"af", MSC_SOURCE_AMNIOTIC, 0, true},
	{"smsc", MSC_SOURCE_SYNOVIAL, 0, false},
	{"smscs", MSC_SOURCE_SYNOVIAL, 0, false},
	{"sm", MSC_SOURCE_SYNOVIAL, 0, true},
	{"pbmsc", MSC_SOURCE_PERIPHERAL_BLOOD, 0, false},
	{"pbmscs", MSC_SOURCE_PERIPHERAL_BLOOD, 0, false},
	{"pb", MSC_SOURCE_PERIPHERAL_BLOOD, 0, true},
	{"mensc", MSC_SOURCE_MENSTRUAL_BLOOD, 0, false},
	{"menscs", MSC_SOURCE_MENSTRUAL_BLOOD, 0, false},
	{"menmsc", MSC_SOURCE_MENSTRUAL_BLOOD, 0, false},
	{"menmscs", MSC_SOURCE_MENSTRUAL_BLOOD, 0, false},
	{"ipsc", MSC_SOURCE_IPSC_DERIVED, 0, false},
	{"ipscs", MSC_SOURCE_IPSC_DERIVED, 0, false},
	{"imsc", MSC_SOURCE_IPSC_DERIVED, 0, false},
	{"imscs", MSC_SOURCE_IPSC_DERIVED, 0, false},
	{"ips", MSC_SOURCE_IPSC_DERIVED, 0, true},
};

/* Parts that complete a tissue prefix ("UC-MSC", "BM MNCs", "AD-SVF"). */
static const char *const msc_parts[] = {
	"msc", "mscs", "mmsc", "mmscs", "mcs", "mcss", "sc", "scs", "mnc", "mncs",
	"derived", "svf", NULL
};

/* Parts a compound may have without being a product code. */
static const char *const harmless_parts[] = {
	"msc", "mscs", "mmsc", "mmscs", "hmsc", "hmscs", "mcs", "sc", "scs", "mnc",
	"mncs", "svf", "derived", "like", "allo", "auto", "evs", "ev", "exo", "exos",
	"exosome", "exosomes", "cm", "h", NULL
};

/* abbrevs by first letter: abbrev_order[abbrev_start[l] .. abbrev_start[l + 1]) */
static uint8_t abbrev_order[NELEM(abbrevs)];
static int	abbrev_start[27];

static void
build_abbrev_index(void)
{
	int			out = 0;

	for (int l = 0; l < 26; l++)
	{
		abbrev_start[l] = out;
		for (int k = 0; k < NELEM(abbrevs); k++)
			if (abbrevs[k].word[0] == 'a' + l)
				abbrev_order[out++] = (uint8_t) k;
	}
	abbrev_start[26] = out;
}

static int
lookup_abbrev(const clause *c, int i)
{
	size_t		n = wlen(c, i);
	unsigned char first = lower((unsigned char) c->s[c->w[i].start]);

	if (n < 2 || n > 8 || c->w[i].digit || first < 'a' || first > 'z')
		return -1;
	/* two capitals are needed, unless glued to an MSC part ("huc-MSCs") */
	if (c->w[i].nupper < 2 && !(i + 1 < c->n && c->w[i + 1].glued))
		return -1;
	for (int k = abbrev_start[first - 'a']; k < abbrev_start[first - 'a' + 1]; k++)
		if (weq(c, i, abbrevs[abbrev_order[k]].word))
			return abbrev_order[k];
	return -1;
}

static const abbrev *
find_abbrev(const clause *c, int i)
{
	return c->cabbrev[i] >= 0 ? &abbrevs[c->cabbrev[i]] : NULL;
}

/* The compound (words glued by single hyphens) that word i is part of. */
static void
compound_of(const clause *c, int i, int *first, int *last)
{
	*first = c->cfirst[i];
	*last = c->clast[i];
}

/*
 * Is the compound [a, b] a product code?  It is when it has two parts or
 * more and one of them has a digit or at least two capitals without being
 * an abbreviation we know.
 */
static bool compute_product_code(const clause *c, int a, int b);

static bool
is_product_code(const clause *c, int a, int b)
{
	/* worked out on first use: the clause is ours, only the callers see it const */
	int8_t	   *cache = (int8_t *) &c->ccode[a];

	if (*cache < 0)
		*cache = (int8_t) compute_product_code(c, a, b);
	return *cache != 0;
}

static bool
compute_product_code(const clause *c, int a, int b)
{
	if (a == b)
		return false;
	for (int k = a; k <= b; k++)
	{
		bool		digits = false;

		for (size_t p = c->w[k].start; p < c->w[k].end; p++)
			if (is_digit((unsigned char) c->s[p]))
				digits = true;
		if (digits)
			return true;
		if (c->w[k].nupper >= 2 && !find_abbrev(c, k) && !win(c, k, harmless_parts) &&
			!is_msc_word(c, k))
			return true;
	}
	return false;
}

/* Compounds of the clause, each measured once. */
static void
finish_clause(clause *c)
{
	for (int i = 0; i < c->n; i++)
	{
		word	   *w = &c->w[i];

		/* classes: a listed word, or an abbreviation ending in MSC or SC */
		w->cls = w->digit ? 0 : word_classes(c, i);
		c->cabbrev[i] = (int8_t) lookup_abbrev(c, i);
	}
	for (int i = 0; i < c->n; i++)
		c->cfirst[i] = (int16_t) ((i > 0 && c->w[i].glued) ? c->cfirst[i - 1] : i);
	for (int i = c->n - 1; i >= 0; i--)
		c->clast[i] = (int16_t) ((i + 1 < c->n && c->w[i + 1].glued) ? c->clast[i + 1] : i);
	for (int i = 0; i < c->n; i++)
		c->ccode[i] = (c->cfirst[i] == c->clast[i]) ? 0 : -1;
}

/*
 * A source abbreviation at word i: its entry, with *end the word after
 * it, or NULL.  Capitals are required (two at least), so that "shed" or
 * "at" in prose are never read; a tissue prefix needs an MSC part right
 * after it ("UC-MSC", "hUC MSCs", "BM-MNC", "AD-SVF", "UC mesenchymal").
 */
static const abbrev *
source_abbrev(const clause *c, int i, int *end)
{
	const abbrev *a;
	int			first,
				last;

	a = find_abbrev(c, i);
	if (a == NULL)
		return NULL;
	compound_of(c, i, &first, &last);
	if (is_product_code(c, first, last))
		return NULL;
	if (!a->prefix)
	{
		if (c->w[i].nupper < 2)
			return NULL;
		*end = i + 1;
		return a;
	}
	/* a tissue prefix: glued to an MSC part, or capitals and then a word */
	if (i + 1 < c->n && c->w[i + 1].glued && win(c, i + 1, msc_parts))
	{
		if (c->w[i].nupper == 0 && c->w[i + 1].nupper == 0)
			return NULL;
		*end = i + 2;
		return a;
	}
	if (c->w[i].nupper >= 2 && i + 1 < c->n && phrase_link(c, i + 1) &&
		(win(c, i + 1, msc_parts) || weq(c, i + 1, "mesenchymal") ||
		 weq(c, i + 1, "stromal")))
	{
		*end = i + 2;
		return a;
	}
	return NULL;
}

/* ================================================================ */
/* Sources                                                            */
/* ================================================================ */

enum
{
	SR_PLAIN,					/* counts as it is */
	SR_BONE_MARROW,				/* "bone marrow": blocked by what follows */
	SR_MARROW,					/* "marrow" alone: needs a cell word next */
	SR_FAT,						/* "fat": needs a tissue context */
	SR_UMBILICAL,				/* "umbilical" alone */
	SR_CORD_TISSUE,				/* "cord tissue", "cord lining" */
	SR_CORD_BLOOD,				/* "cord blood": blocked by transplant */
	SR_NEEDS_CELL,				/* needs a cell word after it */
	SR_NEEDS_MSC				/* needs an MSC word after it */
};

static const phrase source_phrases[] = {
	{"bone marrow|marrows", MSC_SOURCE_BONE_MARROW, SR_BONE_MARROW},
	{"marrow", MSC_SOURCE_BONE_MARROW, SR_MARROW},
	{"adipose*", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"fat", MSC_SOURCE_ADIPOSE, SR_FAT},
	{"lipoaspirat*", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"liposuction*", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"lipoaspiration", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"lipofilling", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"lipogems", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"nanofat", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"microfat", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"stromal vascular fraction*", MSC_SOURCE_ADIPOSE, SR_PLAIN},
	{"umbilical cord", MSC_SOURCE_UMBILICAL_CORD, SR_PLAIN},
	{"umbilical", MSC_SOURCE_UMBILICAL_CORD, SR_UMBILICAL},
	{"wharton jelly", MSC_SOURCE_UMBILICAL_CORD, SR_PLAIN},
	{"whartons jelly", MSC_SOURCE_UMBILICAL_CORD, SR_PLAIN},
	{"cord tissue|lining", MSC_SOURCE_UMBILICAL_CORD, SR_CORD_TISSUE},
	{"umbilical cord blood", MSC_SOURCE_CORD_BLOOD, SR_CORD_BLOOD},
	{"cord blood", MSC_SOURCE_CORD_BLOOD, SR_CORD_BLOOD},
	{"placenta|placental|placentas", MSC_SOURCE_PLACENTA, SR_NEEDS_CELL},
	{"amniotic|amnion", MSC_SOURCE_AMNIOTIC, SR_NEEDS_CELL},
	{"dental pulp", MSC_SOURCE_DENTAL_PULP, SR_PLAIN},
	{"exfoliated deciduous teeth|tooth", MSC_SOURCE_DENTAL_PULP, SR_PLAIN},
	{"deciduous teeth|tooth", MSC_SOURCE_DENTAL_PULP, SR_NEEDS_CELL},
	{"synovial|synovium", MSC_SOURCE_SYNOVIAL, SR_NEEDS_CELL},
	{"peripheral blood", MSC_SOURCE_PERIPHERAL_BLOOD, SR_NEEDS_MSC},
	{"menstrual blood", MSC_SOURCE_MENSTRUAL_BLOOD, SR_NEEDS_CELL},
	{"menstrual", MSC_SOURCE_MENSTRUAL_BLOOD, SR_NEEDS_MSC},
	{"induced pluripotent", MSC_SOURCE_IPSC_DERIVED, SR_PLAIN},
	{"=iPS cell|cells|derived", MSC_SOURCE_IPSC_DERIVED, SR_PLAIN},
};
static cpat cp_source[NELEM(source_phrases)];
static ctable ct_source = {source_phrases, NELEM(source_phrases), cp_source, NULL, 0, {0}};

/* What "bone marrow" is not a source in. */
static const char *const bone_marrow_blocks[] = {
	"transplant*", "failure", "edema", "oedema", "lesion*", "stimulation",
	"suppression", "disease*", "aplasia", "involvement", "infiltration",
	"metasta*", "signal", "hypoplasia", "fibrosis", "recovery", "function",
	"toxicity", "examination", "smear*", "cellularity", "chimerism",
	"engraftment", "disorder*", "niche", "microenvironment", "cancer*",
	"malignan*", "biopsies", NULL
};

static const char *const cord_blood_blocks[] = {
	"transplant*", "unit", "units", "expansion", "expanded", "graft",
	"grafts", "engraftment", NULL
};

static const char *const marrow_next[] = {
	"stromal", "derived", "mesenchymal*", "stem", "cell", "cells", "aspirat*",
	"concentrat*", "mononuclear", "msc*", NULL
};

static const char *const fat_next[] = {
	"graft*", "pad", "pads", "biopsy", "biopsies", "tissue", "tissues",
	"derived", "harvest*", "transfer", "transplant*", "injection*", "filler",
	"augmentation", "sample*", "aspirat*", "extraction", "lobule*",
	"mesenchymal*", "stromal", "stem", "msc", "mscs", NULL
};

static const char *const fat_prev[] = {
	"abdominal", "subcutaneous", "autologous", "autogenous", "own",
	"harvested", "buccal", "microfragmented", "centrifuged", "infrapatellar",
	"aspirated", "processed", "micro", "emulsified", NULL
};

static const char *const umbilical_next[] = {
	"mesenchymal*", "msc*", "stem", "stromal", "derived", "tissue", "lining",
	"cell", "cells", NULL
};

/* Records about haematopoietic transplantation. */
static const phrase hsct_phrases[] = {
	{"allogeneic|allogenic|allogenous ?# ?# ?# transplant|transplants|transplantation|transplanted", 1, 0},
	{"cord blood transplant*", 1, 0},
	{"hematopoietic|haematopoietic|hemopoietic|haemopoietic ?stem|progenitor cell|cells", 1, 0},
	{"=HSCT|=HCT|=BMT|=PBSC|=PBSCT|=allo", 1, 0},
	{"peripheral blood stem cell|cells", 1, 0},
	{"blood and marrow transplant*", 1, 0},
};
static cpat cp_hsct[NELEM(hsct_phrases)];
static ctable ct_hsct = {hsct_phrases, NELEM(hsct_phrases), cp_hsct, NULL, 0, {0}};

/*
 * "MSCs (isolated) from/of (the) <tissue>": a cell word before the
 * preposition, within six words of the same clause.
 */
static bool
cells_from(const clause *c, int i, bool (*pred) (const clause *, int))
{
	int			k = i - 1;

	while (k >= 0 && (weq(c, k, "the") || weq(c, k, "human")))
		k--;
	if (k < 0 || !(weq(c, k, "from") || weq(c, k, "of")))
		return false;
	return behind(c, k, 6, pred);
}

/*
 * Is the phrase at [i, end) a statement of its source?  0: no; 1: yes;
 * 2: yes, unless the record is about haematopoietic transplantation (a
 * bare "bone marrow" or "cord blood" is then the graft).
 */
static int
source_phrase_ok(const clause *c, int i, int end, const phrase *ph)
{
	switch (ph->rule)
	{
		case SR_PLAIN:
			return 1;
		case SR_BONE_MARROW:
			if (win(c, end, bone_marrow_blocks) && phrase_link(c, end))
				return 0;
			return ahead(c, end - 1, 4, is_msc_word) ? 1 : 2;
		case SR_MARROW:
			if (!(win(c, end, marrow_next) && phrase_link(c, end)))
				return 0;
			return ahead(c, end - 1, 4, is_msc_word) ? 1 : 2;
		case SR_FAT:
			return (phrase_link(c, end) && win(c, end, fat_next)) ||
				(phrase_link(c, i) && win(c, i - 1, fat_prev));
		case SR_UMBILICAL:
			return phrase_link(c, end) && win(c, end, umbilical_next);
		case SR_CORD_TISSUE:
			return !weq(c, i - 1, "spinal");
		case SR_CORD_BLOOD:
			if (phrase_link(c, end) && win(c, end, cord_blood_blocks))
				return 0;
			return ahead(c, end - 1, 4, is_msc_word) ? 1 : 2;
		case SR_NEEDS_CELL:
			return ahead(c, end - 1, 4, is_cell_word) || cells_from(c, i, is_cell_word);
		case SR_NEEDS_MSC:
			return ahead(c, end - 1, 4, is_msc_word) || cells_from(c, i, is_msc_word);
	}
	return 0;
}

/* Does the clause say the record is about haematopoietic transplantation? */
static bool
clause_is_hsct(const clause *c)
{

	for (int i = 0; i < c->n; i++)
	{
		int			end;
		int			k = longest_phrase(c, i, &ct_hsct, &end);

		if (k < 0)
			continue;
		/* "non-haematopoietic cells" */
		if (weq(c, i - 1, "non") && c->w[i].glued)
			continue;
		/* "allogeneic MSC transplantation" is not about HSCT */
		if (k == 0)
		{
			bool		msc = false;

			for (int j = i + 1; j < end; j++)
				msc = msc || is_msc_word(c, j) || weq(c, j, "svf");
			if (msc)
				continue;
		}
		return true;
	}
	return false;
}

static bool
text_is_hsct(const char *s, size_t len)
{
	clause		c;
	size_t		pos = 0;

	while (pos < len)
	{
		pos = clause_next(s, len, pos, &c);
		if (clause_is_hsct(&c))
			return true;
	}
	return false;
}

static void
trace_mention(const msc_classify_trace *trace, msc_evidence_kind kind, int value,
			  const clause *c, int i, int end)
{
	if (trace && trace->mention && end > i)
		trace->mention(trace->arg, kind, value, c->w[i].start, c->w[end - 1].end);
}

/* Append code to out[0..*n) unless already there. */
static void
add_code(uint8_t *out, int *n, int code)
{
	for (int k = 0; k < *n; k++)
		if (out[k] == code)
			return;
	out[(*n)++] = (uint8_t) code;
}

/*
 * "MSCs can be isolated from bone marrow, umbilical cord and adipose
 * tissue": a clause that says where MSCs may come from, in general, says
 * nothing of the product.
 */
static bool
clause_is_generic(const clause *c)
{
	for (int i = 0; i + 2 < c->n; i++)
		if ((c->w[i].cls & WC_MODAL) &&
			weq(c, i + 1, "be") &&
			win(c, i + 2, (const char *const[]) {"isolated", "derived", "obtained",
				"found", "harvested", "extracted", "sourced", "collected", NULL}))
			return true;
	return false;
}

int
msc_classify_sources(const char *s, size_t len, uint8_t *out,
					 const msc_classify_trace *trace)
{
	clause		c;
	size_t		pos = 0;
	int			n = 0;
	int			seq = 0;
	int			strong[MSC_SOURCE_COUNT];	/* first mention that counts anyway */
	int			weak[MSC_SOURCE_COUNT];	/* first that counts outside HSCT records */
	bool		hsct = false;

	if (s == NULL)
		return 0;
	for (int k = 0; k < MSC_SOURCE_COUNT; k++)
		strong[k] = weak[k] = -1;
	/* with an observer, know the kind of record first; else learn it on the way */
	if (trace)
		hsct = text_is_hsct(s, len);
	while (pos < len)
	{
		pos = clause_next(s, len, pos, &c);
		if (!trace && !hsct)
			hsct = clause_is_hsct(&c);
		if (clause_is_generic(&c))
			continue;
		for (int i = 0; i < c.n;)
		{
			int			end;
			int			k;
			int			code = 0;
			int			how = 0;
			const abbrev *a;

			if (c.w[i].nupper == 4 && wexact(&c, i, "SHED") && !c.w[i].glued)
			{
				code = MSC_SOURCE_DENTAL_PULP;
				how = 1;
				end = i + 1;
			}
			else if ((a = source_abbrev(&c, i, &end)) != NULL)
			{
				/* in an HSCT record, "UCB" or "BM-MNC" is the graft */
				code = a->source;
				how = ((a->source == MSC_SOURCE_BONE_MARROW || a->source == MSC_SOURCE_CORD_BLOOD ||
						a->source == MSC_SOURCE_PERIPHERAL_BLOOD) && !is_msc_word(&c, end - 1)) ? 2 : 1;
			}
			else if ((k = longest_phrase(&c, i, &ct_source, &end)) >= 0)
			{
				code = source_phrases[k].value;
				how = source_phrase_ok(&c, i, end, &source_phrases[k]);
			}
			else
			{
				i++;
				continue;
			}
			/* with an observer the kind of record is known: report what counts */
			if (how == 1 || (how == 2 && !(trace && hsct)))
			{
				trace_mention(trace, MSC_EV_SOURCE, code, &c, i, end);
				if (how == 1 && strong[code] < 0)
					strong[code] = seq;
				if (how == 2 && weak[code] < 0)
					weak[code] = seq;
				seq++;
			}
			i = end;
		}
	}
	/* order of first mention of the mentions that count */
	for (;;)
	{
		int			best = -1,
					best_at = seq;

		for (int k = 1; k < MSC_SOURCE_COUNT; k++)
		{
			int			at = strong[k];

			if (!hsct && weak[k] >= 0 && (at < 0 || weak[k] < at))
				at = weak[k];
			if (at >= 0 && at < best_at)
			{
				best = k;
				best_at = at;
			}
		}
		if (best < 0)
			break;
		out[n++] = (uint8_t) best;
		strong[best] = weak[best] = -1;
	}
	return n;
}

/* ================================================================ */
/* Routes                                                             */
/* ================================================================ */

enum
{
	RT_PLAIN,
	RT_ABBREV,					/* IV, IM, IT: guarded */
	RT_ARTERY,					/* into/through/via the ... artery */
	RT_LOWER_IV					/* "iv" in lower case */
};

static const phrase route_phrases[] = {
	{"intra articular*|articulary", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"intraarticular*|intrarticular*|intraarticulary", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"into ?the|a|each|both ?# ?# joint|joints", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"into ?the|a|each|both knee|knees|shoulder|ankle ?joint|joints|space|cavity", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"intradiscal*|intradiscally", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"intra discal*", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"into ?the|a|each|both|affected ?# ?# disc|discs|disk|disks", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"into ?the nucleus pulposus", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"intravenous*|intravenos*|intraveneous*|intravascular*", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"intra venous*", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"=IV", MSC_ROUTE_INTRAVENOUS, RT_ABBREV},
	{"iv", MSC_ROUTE_INTRAVENOUS, RT_LOWER_IV},
	{"by|through|into|via ?a|the|peripheral ?peripheral vein|veins", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"intrathecal*", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"intra thecal*", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"=IT", MSC_ROUTE_INTRATHECAL, RT_ABBREV},
	{"lumbar puncture", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"into ?the cerebrospinal fluid", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"subarachnoid*", MSC_ROUTE_SUBARACHNOID, RT_PLAIN},
	{"sub arachnoid*", MSC_ROUTE_SUBARACHNOID, RT_PLAIN},
	{"epidural*|peridural*|extradural*", MSC_ROUTE_EPIDURAL, RT_PLAIN},
	{"intralesional*", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"intra lesional*", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"into ?# ?# ?# lesion|lesions", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"injection|injections|injected|applied|administered|delivered to ?# ?# ?# lesion|lesions", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"intratendinous*|intratendon*|intratendinously", MSC_ROUTE_INTRATENDINOUS, RT_PLAIN},
	{"intra tendinous*|tendon", MSC_ROUTE_INTRATENDINOUS, RT_PLAIN},
	{"into ?the|a|each ?# ?# tendon|tendons", MSC_ROUTE_INTRATENDINOUS, RT_PLAIN},
	{"periarticular*", MSC_ROUTE_PERIARTICULAR, RT_PLAIN},
	{"peri articular*", MSC_ROUTE_PERIARTICULAR, RT_PLAIN},
	{"around the ?# joint|joints", MSC_ROUTE_PERIARTICULAR, RT_PLAIN},
	{"perineural*", MSC_ROUTE_PERINEURAL, RT_PLAIN},
	{"peri neural*", MSC_ROUTE_PERINEURAL, RT_PLAIN},
	{"around the ?# nerve|nerves", MSC_ROUTE_PERINEURAL, RT_PLAIN},
	{"intramuscular*", MSC_ROUTE_INTRAMUSCULAR, RT_PLAIN},
	{"intra muscular*", MSC_ROUTE_INTRAMUSCULAR, RT_PLAIN},
	{"=IM", MSC_ROUTE_INTRAMUSCULAR, RT_ABBREV},
	{"into ?the|a|each ?# ?# muscle|muscles", MSC_ROUTE_INTRAMUSCULAR, RT_PLAIN},
	{"subcutaneous*", MSC_ROUTE_SUBCUTANEOUS, RT_PLAIN},
	{"=SQ|=subQ|=SubQ|=subq", MSC_ROUTE_SUBCUTANEOUS, RT_ABBREV},
	{"sub cutaneous*", MSC_ROUTE_SUBCUTANEOUS, RT_PLAIN},
	{"intradermal*|intracutaneous*", MSC_ROUTE_INTRADERMAL, RT_PLAIN},
	{"intra dermal*", MSC_ROUTE_INTRADERMAL, RT_PLAIN},
	{"intraarterial*", MSC_ROUTE_INTRA_ARTERIAL, RT_PLAIN},
	{"intra arterial*", MSC_ROUTE_INTRA_ARTERIAL, RT_PLAIN},
	{"into|through|via ?the|a|an ?# ?# artery|arteries", MSC_ROUTE_INTRA_ARTERIAL, RT_ARTERY},
	{"into ?the soft tissue|tissues", MSC_ROUTE_SOFT_TISSUE, RT_PLAIN},
	{"soft tissue injection|injections|infiltration", MSC_ROUTE_SOFT_TISSUE, RT_PLAIN},
};
static cpat cp_route[NELEM(route_phrases)];
static ctable ct_route = {route_phrases, NELEM(route_phrases), cp_route, NULL, 0, {0}};

/* What a route word is not a route in ("subcutaneous fat"). */
static const char *const subcutaneous_blocks[] = {
	"fat", "fatty", "adipose", "abdominal", "lipoaspirate", "liposuction",
	"tissue", "tissues", "layer", "fascia", "emphysema", "nodule*", NULL
};
static const char *const subarachnoid_blocks[] = {
	"hemorrhage", "haemorrhage", "hematoma", "haematoma", "bleeding", "cyst*", NULL
};
static const char *const epidural_blocks[] = {
	"hematoma", "haematoma", "abscess", "fibrosis", "anesthesia", "anaesthesia",
	"analgesia", "catheter", "steroid*", "corticosteroid*", NULL
};
static const char *const intravenous_blocks[] = {
	"sedation", "antibiotic*", "contrast", "catheter", "line", "lines",
	"access", "cannula*", "fluid*", "hydration", "immunoglobulin*", "ig",
	"ivig", "drug*", "medication*", "anesthesia", "anaesthesia",
	"analgesia", "steroid*", "corticosteroid*", "methylprednisolone",
	"dexamethasone", "iron", "thrombolysis", "heparin", "insulin", NULL
};

/* Roman numerals around "IV" (grade II-IV, class III, IV or V). */
static const char *const roman_context[] = {
	"grade", "grades", "stage", "stages", "class", "classes", "type", "types",
	"phase", "level", "levels", "nyha", "gold", "part", "category", "tier",
	"cohort", "group", "arm", "step", "step", "kellgren", "kl", NULL
};

static bool
is_roman(const clause *c, int i)
{
	return wexact(c, i, "I") || wexact(c, i, "II") || wexact(c, i, "III") ||
		wexact(c, i, "V") || wexact(c, i, "VI");
}

static bool
is_shouting(const clause *c, int i)
{
	return i >= 0 && i < c->n && !c->w[i].digit && c->w[i].nlower == 0 &&
		c->w[i].nupper >= 3;
}

/* Is the capitalised abbreviation at word i a route (IV, IM, IT)? */
static bool
abbrev_route_ok(const clause *c, int i)
{
	/* part of a code: IV-MSC, SMUP-IT-01 */
	if (c->w[i].glued || (i + 1 < c->n && c->w[i + 1].glued))
		return false;
	/* text in capitals: "STEM CELLS TO TREAT IT" */
	if (is_shouting(c, i - 1) && (i + 1 >= c->n || is_shouting(c, i + 1)))
		return false;
	if (wexact(c, i, "IV"))
	{
		if (win(c, i - 1, roman_context) || win(c, i - 2, roman_context) ||
			is_roman(c, i - 1) || is_roman(c, i + 1) ||
			((weq(c, i - 1, "or") || weq(c, i - 1, "and") || weq(c, i - 1, "to")) &&
			 is_roman(c, i - 2)))
			return false;
	}
	return true;
}

/* Words that say a clause is about a drug. */
static const char *const drug_words[] = {
	"mg", "mcg", "ug", "iu", "mmol", "meq", "units", "steroid*", "corticosteroid*",
	"methylprednisolone", "prednisone", "prednisolone", "dexamethasone",
	"triamcinolone", "betamethasone", "hydrocortisone", "hyaluron*",
	"prp", "platelet*", "plasma", "lidocaine", "lignocaine", "bupivacaine",
	"ropivacaine", "mepivacaine", "anesthetic*", "anaesthetic*", "anesthesia",
	"anaesthesia", "chemotherapy", "cyclophosphamide", "fludarabine",
	"busulfan", "melphalan", "rituximab", "tacrolimus", "cyclosporin*",
	"ciclosporin*", "filgrastim", "antibiotic*", "tocilizumab", "remdesivir",
	"heparin", "insulin", "methotrexate", "ozone", "dextrose", "atg",
	"thymoglobulin", "antithymocyte", "liraglutide", "semaglutide",
	"glucocorticoid*", "botulinum", "ketorolac", "morphine", "fentanyl",
	"gram", "grams", "gy", "cgy", "oral", "orally", "po",
	NULL
};

/* Does the clause say something of cells or of a cell product? */
static bool
clause_has_cells(const clause *c)
{
	int			end;

	for (int i = 0; i < c->n; i++)
		if (is_cell_word(c, i) || source_abbrev(c, i, &end) || weq(c, i, "adipose") ||
			weq(c, i, "marrow") || weq(c, i, "umbilical") || weq(c, i, "placebo") ||
			weq(c, i, "saline") || weq(c, i, "vehicle"))
			return true;
	return false;
}

static bool is_drug_word(const clause *c, int i);

/* Does it dose a drug (mg, g after a number, IU) or name one? */
static bool
clause_has_drug(const clause *c)
{
	for (int i = 0; i < c->n; i++)
		if (is_drug_word(c, i))
			return true;
	return false;
}

/* Carriers and comparators that go the same way as the cells. */
static const char *const carrier_words[] = {
	"prp", "platelet*", "plasma", "hyaluron*", NULL
};

static bool
is_drug_word(const clause *c, int i)
{
	if (c->w[i].cls & WC_DRUG)
		return true;
	if (c->w[i].digit)
	{
		/* "5mg", "1g", "100IU" */
		static const char *const units[] = {"g", "mg", "mcg", "ug", "iu", "mmol", "meq", NULL};
		size_t		p = c->w[i].start;

		while (p < c->w[i].end && is_digit((unsigned char) c->s[p]))
			p++;
		for (const char *const *u = units; *u; u++)
			if (c->w[i].end - p == strlen(*u) && lit_at(c->s, c->w[i].end, p, *u))
				return true;
	}
	return weq(c, i, "g") && i > 0 && c->w[i - 1].digit;
}

/*
 * Is the route at [i, end) said of a drug named right next to it
 * ("subcutaneous injections of filgrastim", "80mg IV", "methylprednisolone
 * 2 mg/kg IV")?  The nearest drug or cell word within four words after it,
 * or three before it, decides.
 */
static bool
route_of_drug(const clause *c, int i, int end)
{
	for (int k = end; k < c->n && k < end + 4; k++)
	{
		if (is_cell_word(c, k) || (c->w[k].cls & WC_CARRIER))
			break;
		if (is_drug_word(c, k))
			return true;
	}
	for (int k = i - 1; k >= 0 && k >= i - 3; k--)
	{
		if (is_cell_word(c, k) || (c->w[k].cls & WC_CARRIER))
			break;
		if (is_drug_word(c, k))
			return true;
	}
	return false;
}

static bool
route_phrase_ok(const clause *c, int i, int end, const phrase *ph)
{
	const char *const *blocks = NULL;

	switch (ph->value)
	{
		case MSC_ROUTE_SUBCUTANEOUS:
			blocks = subcutaneous_blocks;
			break;
		case MSC_ROUTE_SUBARACHNOID:
			blocks = subarachnoid_blocks;
			break;
		case MSC_ROUTE_EPIDURAL:
			blocks = epidural_blocks;
			break;
		case MSC_ROUTE_INTRAVENOUS:
			blocks = intravenous_blocks;
			break;
	}
	if (blocks && end < c->n && phrase_link(c, end) && win(c, end, blocks))
		return false;
	switch (ph->rule)
	{
		case RT_ABBREV:
			return abbrev_route_ok(c, i);
		case RT_LOWER_IV:
			/* "peripheral iv", "iv infusion" */
			if (c->w[i].nupper != 0 || c->w[i].glued || (end < c->n && c->w[end].glued))
				return false;
			return (phrase_link(c, i) && (weq(c, i - 1, "peripheral") || weq(c, i - 1, "via") ||
										  weq(c, i - 1, "by"))) ||
				(phrase_link(c, end) && win(c, end, (const char *const[]) {
					"infusion*", "injection*", "drip", "administration", "bolus", "boli", NULL}));
		case RT_ARTERY:
			for (int k = i; k < end; k++)
				if (wprefix(c, k, "coronar") || wprefix(c, k, "pulmonar"))
					return false;
			return true;
	}
	return true;
}

int
msc_classify_routes(const char *s, size_t len, uint8_t *out,
					const msc_classify_trace *trace)
{
	clause		c;
	size_t		pos = 0;
	int			n = 0;

	if (s == NULL)
		return 0;
	while (pos < len)
	{
		int			drug = -1;	/* unknown until a route is found */

		pos = clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n;)
		{
			int			end = i + 1;
			int			k = -1;
			int			code = 0;

			/* s.c. */
			if (wlen(&c, i) == 1 && lower((unsigned char) c.s[c.w[i].start]) == 's' &&
				i + 1 < c.n && wlen(&c, i + 1) == 1 && c.w[i + 1].sep == SEP_DOT &&
				c.s[c.w[i].end] == '.' && lower((unsigned char) c.s[c.w[i + 1].start]) == 'c')
			{
				code = MSC_ROUTE_SUBCUTANEOUS;
				end = i + 2;
			}
			/* i.v., i.m., i.t. */
			else if (wlen(&c, i) == 1 && lower((unsigned char) c.s[c.w[i].start]) == 'i' &&
				i + 1 < c.n && wlen(&c, i + 1) == 1 && c.w[i + 1].sep == SEP_DOT &&
				c.s[c.w[i].end] == '.')
			{
				unsigned char r = lower((unsigned char) c.s[c.w[i + 1].start]);

				code = r == 'v' ? MSC_ROUTE_INTRAVENOUS : r == 'm' ? MSC_ROUTE_INTRAMUSCULAR :
					r == 't' ? MSC_ROUTE_INTRATHECAL : 0;
				end = i + 2;
			}
			if (code == 0)
			{
				k = longest_phrase(&c, i, &ct_route, &end);
				if (k >= 0 && route_phrase_ok(&c, i, end, &route_phrases[k]))
					code = route_phrases[k].value;
			}
			if (code != 0)
			{
				if (drug < 0)
					drug = clause_has_drug(&c) && !clause_has_cells(&c);
				if (!drug && !route_of_drug(&c, i, end))
				{
					trace_mention(trace, MSC_EV_ROUTE, code, &c, i, end);
					add_code(out, &n, code);
				}
			}
			i = (k >= 0 || code != 0) ? end : i + 1;
		}
	}
	return n;
}

/* ================================================================ */
/* Donor                                                              */
/* ================================================================ */

enum
{
	DN_ADJECTIVE,				/* autologous, allogeneic: check what follows */
	DN_OWN,						/* "patient's own ..." */
	DN_HEALTHY,					/* healthy/third-party donors: cells near */
	DN_DONOR,					/* "donor" alone: an MSC word right after */
	DN_PLAIN
};

static const phrase donor_phrases[] = {
	{"autolog*|auotolog*|autogenous|autogenic|autogeneic|autogenously", MSC_DONOR_AUTOLOGOUS, DN_ADJECTIVE},
	{"allogen*|allogenous|allogenically", MSC_DONOR_ALLOGENEIC, DN_ADJECTIVE},
	{"patient|patients|their|his|her|subject|subjects|participant|participants|recipient|recipients|from own", MSC_DONOR_AUTOLOGOUS, DN_OWN},
	{"third party ?donor|donors", MSC_DONOR_ALLOGENEIC, DN_HEALTHY},
	{"healthy ?adult|volunteer|young|human ?volunteer donor|donors", MSC_DONOR_ALLOGENEIC, DN_HEALTHY},
	{"from a|an|one|the|single donor", MSC_DONOR_ALLOGENEIC, DN_PLAIN},
	{"donor derived", MSC_DONOR_ALLOGENEIC, DN_PLAIN},
	{"donor|donors", MSC_DONOR_ALLOGENEIC, DN_DONOR},
};
static cpat cp_donor[NELEM(donor_phrases)];
static ctable ct_donor = {donor_phrases, NELEM(donor_phrases), cp_donor, NULL, 0, {0}};

/* What an autologous/allogeneic product is when it is not the cells. */
static const char *const donor_blocks[] = {
	"hsct", "hct", "bmt", "sct", "hsc", "hscs", "pbsc*", "hematopoietic",
	"haematopoietic", "hemopoietic", "haemopoietic", "plasma", "serum",
	"sera", "platelet*", "prp", "prf", "chondrocyte*", "keratinocyte*",
	"fibroblast*", "tenocyte*", "melanocyte*", "lymphocyte*", "dli", "islet*",
	"kidney", "liver", "organ", "cortical", "cartilage", "conditioned",
	"thrombin", "fibrin", "dendritic", "t", "nk", "car", "cd34*", "cd133*",
	"tcell*", "erythrocyte*", "red", "transfusion", "graft", "grafts", "chondron*",
	"grafting", "bone", "blood", NULL
};


/*
 * Does the donor adjective at word i speak of the cells?  Look at the
 * next five words: an excluded head (PRP, serum, bone graft, a
 * haematopoietic transplant) before any MSC word says no.
 */
static bool
donor_adjective_ok(const clause *c, int i)
{
	/* "does not use allogenic tissues", "non-autologous" */
	for (int k = i - 1; k >= 0 && k >= i - 3; k--)
		if (weq(c, k, "not") || weq(c, k, "no") || weq(c, k, "without") ||
			(weq(c, k, "non") && k == i - 1))
			return false;
	for (int k = i + 1; k < c->n && k <= i + 6; k++)
	{
		if (is_conjunction(c, k))
		{
			/* "allogeneic or xenogeneic bone": the head comes later */
			if ((weq(c, k, "or") || weq(c, k, "and")) &&
				(wprefix(c, k + 1, "xeno") || wprefix(c, k + 1, "syngen")))
			{
				k++;
				continue;
			}
			return true;
		}
		if (wprefix(c, k, "transplant"))
		{
			/* "autologous transplantation of MSCs" */
			if (weq(c, k + 1, "of"))
				continue;
			/* "allogeneic stem cell transplantation" is HSCT; "MSC transplantation" is not */
			for (int j = i + 1; j < k; j++)
				if (is_msc_word(c, j) || weq(c, j, "svf") || weq(c, j, "adipose"))
					return true;
			return false;
		}
		if (weq(c, k, "bone") && weq(c, k + 1, "marrow"))
			continue;
		if (weq(c, k, "blood") && (win(c, k + 1, (const char *const[]) {
			"derived", "mononuclear", "mesenchymal*", "msc*", NULL})))
			continue;
		if (win(c, k, donor_blocks))
			return false;
		if (is_msc_word(c, k) || weq(c, k, "svf") || weq(c, k, "adipose") ||
			weq(c, k, "fat") || wprefix(c, k, "exosome") || wprefix(c, k, "lipoaspirat"))
			return true;
	}
	return true;
}

static bool
msc_or_tissue_word(const clause *c, int i)
{
	int			end;

	return is_msc_word(c, i) || source_abbrev(c, i, &end) != NULL ||
		weq(c, i, "marrow") || weq(c, i, "marrows") || weq(c, i, "adipose");
}

static bool
donor_phrase_ok(const clause *c, int i, int end, const phrase *ph)
{
	int			first,
				last;

	switch (ph->rule)
	{
		case DN_ADJECTIVE:
			compound_of(c, i, &first, &last);
			if (is_product_code(c, first, last))
				return false;
			return donor_adjective_ok(c, end - 1);
		case DN_OWN:
			/* patient's own cells / their own adipose tissue */
			if (!phrase_link(c, end))
				return false;
			return win(c, end, (const char *const[]) {
				"bone", "marrow", "adipose", "fat", "cell", "cells", "stem",
				"mesenchymal*", "stromal", "tissue", "abdominal", "msc*", "mscs",
				"svf", "lipoaspirate", NULL}) || msc_or_tissue_word(c, end);
		case DN_HEALTHY:
			/* "healthy donor criteria" of a plasma donor is not about cells */
			return ahead(c, end - 1, 4, msc_or_tissue_word) ||
				behind(c, i, 6, msc_or_tissue_word);
		case DN_DONOR:
			/* "donor mesenchymal stem cells", "donor bone marrow stromal cells" */
			return ahead(c, end - 1, 3, is_msc_word);
		case DN_PLAIN:
			return true;
	}
	return false;
}

/*
 * allo-/auto- glued to an MSC abbreviation ("Allo-hMSCs", "auto-MSC"),
 * in a compound that is not a product code.
 */
static int
donor_prefix(const clause *c, int i)
{
	int			first,
				last;
	int			end;

	if (!(weq(c, i, "allo") || weq(c, i, "auto")) || i + 1 >= c->n || !c->w[i + 1].glued)
		return 0;
	compound_of(c, i, &first, &last);
	if (first != i || is_product_code(c, first, last))
		return 0;
	if (!(is_msc_word(c, i + 1) || source_abbrev(c, i + 1, &end)))
		return 0;
	return weq(c, i, "allo") ? MSC_DONOR_ALLOGENEIC : MSC_DONOR_AUTOLOGOUS;
}

int
msc_classify_donor(const char *s, size_t len, const msc_classify_trace *trace)
{
	clause		c;
	size_t		pos = 0;
	bool		seen[3] = {false, false, false};

	if (s == NULL)
		return MSC_DONOR_NONE;
	while (pos < len)
	{
		pos = clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n;)
		{
			int			end;
			int			k;
			int			v = donor_prefix(&c, i);

			if (v)
			{
				trace_mention(trace, MSC_EV_DONOR, v, &c, i, i + 2);
				seen[v] = true;
				i += 2;
				continue;
			}
			k = longest_phrase(&c, i, &ct_donor, &end);
			if (k >= 0 && donor_phrase_ok(&c, i, end, &donor_phrases[k]))
			{
				v = donor_phrases[k].value;
				if (donor_phrases[k].rule == DN_OWN)
					end++;
				trace_mention(trace, MSC_EV_DONOR, v, &c, i, end);
				seen[v] = true;
				i = end;
				continue;
			}
			i = (k >= 0 && donor_phrases[k].rule != DN_OWN) ? end : i + 1;
		}
	}
	if (seen[MSC_DONOR_AUTOLOGOUS] == seen[MSC_DONOR_ALLOGENEIC])
		return MSC_DONOR_NONE;
	return seen[MSC_DONOR_AUTOLOGOUS] ? MSC_DONOR_AUTOLOGOUS : MSC_DONOR_ALLOGENEIC;
}

/* ================================================================ */
/* Manipulation                                                       */
/* ================================================================ */

enum
{
	MN_PLAIN,
	MN_CULTURED,				/* cultured/culturing: a cell word near */
	MN_EXPANDED,				/* expanded: not "expanded access" */
	MN_CULTURE_OF,				/* culture of / expansion of + cells */
	MN_PASSAGE,					/* passage + number, or near cells */
	MN_SVF,						/* SVF/BMAC as such, not cultured */
	MN_MONONUCLEAR,				/* not peripheral blood mononuclear cells */
	MN_NEGATED					/* non-cultured: not of keratinocytes */
};

static const phrase manip_phrases[] = {
	{"culture expanded|expansion", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"ex vivo expanded|cultured|expansion|culture|cultivated", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"expanded|cultured ex|in vivo|vitro", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"expanded in culture", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"in vitro expanded|cultured|expansion", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"more than minimally manipulated", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"passaged", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"cultured|culturing|cultivated|cultivation|cultured", MSC_MANIP_CULTURE_EXPANDED, MN_CULTURED},
	{"expanded", MSC_MANIP_CULTURE_EXPANDED, MN_EXPANDED},
	{"culture|cultures|expansion|cultivation", MSC_MANIP_CULTURE_EXPANDED, MN_CULTURE_OF},
	{"culture and isolation|expansion", MSC_MANIP_CULTURE_EXPANDED, MN_CULTURE_OF},
	{"cell|cells expansion|culture", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"passage|passages", MSC_MANIP_CULTURE_EXPANDED, MN_PASSAGE},
	{"minimally manipulated", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"minimal manipulation", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"bone marrow aspirate concentrate|concentration", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF},
	{"bone marrow concentrate|concentrates|concentration", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF},
	{"concentrated bone marrow", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF},
	{"stromal vascular fraction*", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF},
	{"microfragmented|micro fragmented", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"lipogems|nanofat|microfat|celution", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"adipose ?tissue derived regenerative", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"regenerative cells of adipose", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"mononuclear cell|cells|fraction", MSC_MANIP_MINIMALLY_MANIPULATED, MN_MONONUCLEAR},
	{"uncultured|uncultivated|unexpanded", MSC_MANIP_MINIMALLY_MANIPULATED, MN_NEGATED},
	{"non cultured|expanded|cultivated", MSC_MANIP_MINIMALLY_MANIPULATED, MN_NEGATED},
	{"not expanded|cultured", MSC_MANIP_MINIMALLY_MANIPULATED, MN_NEGATED},
	{"without ?ex ?vivo ?in ?vitro expansion|culture|culturing|cultivation", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"point of care", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
};
static cpat cp_manip[NELEM(manip_phrases)];
static ctable ct_manip = {manip_phrases, NELEM(manip_phrases), cp_manip, NULL, 0, {0}};

/* Cultured or expanded things that are not MSCs. */
static const char *const culture_blocks[] = {
	"chondrocyte*", "keratinocyte*", "fibroblast*", "tenocyte*", "melanocyte*",
	"hematopoietic", "haematopoietic", "cd34*", "t", "nk", "dendritic",
	"lymphocyte*", "islet*", "epithelial", "limbal", "corneal", "blood",
	"bacteria*", "medium", "media", "flask*", "plate*", "dish*", NULL
};

static const char *const expanded_blocks[] = {
	"access", "disability", "criteria", "program", "programme",
	"indication*", "use", "cohort", "cohorts", "phase", "panel", "role",
	"population*", "treatment", "protocol", "scale", "definition", NULL
};

static bool
culture_target(const clause *c, int i)
{
	int			end;

	return is_cell_word(c, i) || source_abbrev(c, i, &end) != NULL || weq(c, i, "svf");
}

static bool
culture_blocked(const clause *c, int i)
{
	return win(c, i, culture_blocks);
}

/* A cell word within span words after i, before any non-MSC cell type. */
static bool
cells_ahead(const clause *c, int i, int span)
{
	for (int k = i + 1; k < c->n && k <= i + span; k++)
	{
		if (c->w[k].sep == SEP_OTHER || c->w[k].sep == SEP_DOT || is_conjunction(c, k))
			return false;
		if (culture_blocked(c, k))
			return false;
		if (culture_target(c, k))
			return true;
	}
	return false;
}

/*
 * A cell word within span words before i ("the cells are isolated from
 * adipose tissue and expanded"): conjunctions do not stop the look here,
 * other punctuation does.
 */
static bool
cells_behind(const clause *c, int i, int span)
{
	for (int k = i - 1; k >= 0 && k >= i - span; k--)
	{
		if (c->w[k + 1].sep == SEP_OTHER || c->w[k + 1].sep == SEP_DOT)
			return false;
		if (culture_blocked(c, k))
			return false;
		if (culture_target(c, k))
			return true;
	}
	return false;
}

static bool
manip_phrase_ok(const clause *c, int i, int end, const phrase *ph)
{
	switch (ph->rule)
	{
		case MN_PLAIN:
			return true;
		case MN_CULTURED:
			return cells_ahead(c, end - 1, 7) || cells_behind(c, i, 8);
		case MN_EXPANDED:
			if (phrase_link(c, end) && win(c, end, expanded_blocks))
				return false;
			if (phrase_link(c, i) && weq(c, i - 1, "cord"))
				return false;
			return cells_ahead(c, end - 1, 6) || cells_behind(c, i, 8) ||
				(phrase_link(c, end) && weq(c, end, "to") && end + 1 < c->n && c->w[end + 1].digit);
		case MN_CULTURE_OF:
			if (!weq(c, end, "of") || !phrase_link(c, end))
				return false;
			return cells_ahead(c, end, 4);
		case MN_PASSAGE:
			if (end < c->n && c->w[end].digit)
				return true;
			/* "after the third passage" */
			if (phrase_link(c, i) && win(c, i - 1, (const char *const[]) {"second", "third",
				"fourth", "fifth", "sixth", "seventh", "eighth", "2nd", "3rd", "4th", "5th",
				"6th", "7th", "8th", "early", "low", "late", NULL}))
				return true;
			if (win(c, end, (const char *const[]) {"two", "three", "four", "five",
				"six", "seven", "eight", "ten", "p1", "p2", "p3", "p4", "p5", "p6",
				"i", "ii", "iii", "iv", "v", "vi", "vii", "of", NULL}))
				return behind(c, i, 6, culture_target) || cells_ahead(c, end - 1, 5) ||
					c->w[end].digit || !weq(c, end, "of");
			return false;
		case MN_SVF:
			/* "SVF-derived MSC", "SVF-MSC", "SVF will be cultured", "culture of SVF" */
			if (phrase_link(c, end) && (is_msc_word(c, end) || weq(c, end, "derived")))
				return false;
			for (int k = end; k < c->n && k < end + 5; k++)
			{
				if (is_conjunction(c, k))
					break;
				if (wprefix(c, k, "cultur") || wprefix(c, k, "expan") || wprefix(c, k, "passag"))
					return false;
			}
			for (int k = i - 1; k >= 0 && k >= i - 4; k--)
			{
				if (is_conjunction(c, k))
					break;
				if (wprefix(c, k, "cultur") || wprefix(c, k, "expan") || wprefix(c, k, "passag"))
					return false;
			}
			return true;
		case MN_MONONUCLEAR:
			return !(weq(c, i - 1, "blood") && weq(c, i - 2, "peripheral"));
		case MN_NEGATED:
			/* "non-cultured autologous keratinocyte suspension" */
			for (int k = end; k < c->n && k < end + 4; k++)
			{
				if (culture_blocked(c, k))
					return false;
				if (culture_target(c, k))
					break;
			}
			return true;
	}
	return false;
}

int
msc_classify_manipulation(const char *s, size_t len, const msc_classify_trace *trace)
{
	clause		c;
	size_t		pos = 0;
	bool		seen[3] = {false, false, false};

	if (s == NULL)
		return MSC_MANIP_NONE;
	while (pos < len)
	{
		pos = clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n;)
		{
			int			end;
			int			k;
			const abbrev *a;

			if ((a = source_abbrev(&c, i, &end)) != NULL && a->manip != 0)
			{
				static const phrase svf = {"", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF};

				if (a->manip == MSC_MANIP_CULTURE_EXPANDED ||
					manip_phrase_ok(&c, i, end, &svf))
				{
					trace_mention(trace, MSC_EV_MANIPULATION, a->manip, &c, i, end);
					seen[a->manip] = true;
				}
				i = end;
				continue;
			}
			k = longest_phrase(&c, i, &ct_manip, &end);
			if (k >= 0)
			{
				if (manip_phrase_ok(&c, i, end, &manip_phrases[k]))
				{
					trace_mention(trace, MSC_EV_MANIPULATION, manip_phrases[k].value, &c, i, end);
					seen[manip_phrases[k].value] = true;
				}
				i = end;
				continue;
			}
			i++;
		}
	}
	if (seen[MSC_MANIP_CULTURE_EXPANDED] == seen[MSC_MANIP_MINIMALLY_MANIPULATED])
		return MSC_MANIP_NONE;
	return seen[MSC_MANIP_CULTURE_EXPANDED] ? MSC_MANIP_CULTURE_EXPANDED :
		MSC_MANIP_MINIMALLY_MANIPULATED;
}

/* ================================================================ */
/* Dose                                                               */
/* ================================================================ */

/*
 * A dose is a number with a scale and a unit, found in raw text:
 *
 *   number  digits [. digits], or strict thousands groups "100,000,000"
 *           or "30 000 000"
 *   scale   e-notation (5e7, 2E+07); "x 10^n", "×10⁶", "*10^7", "x 10 ^ 6";
 *           "x 10n" with n one or two digits, 3 to 15 (a superscript lost
 *           by ClinicalTrials.gov: "2 x 107 cells" is 2 x 10^7);
 *           "x 1000000"; "10^8" alone; million(s), mln, Mio, M, billion,
 *           thousand, K
 * *   unit    a cell word within the next eight words ("cells", "MSCs",
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

static size_t
skip_blanks(const char *s, size_t len, size_t p)
{
	for (;;)
	{
		if (p < len && is_blank((unsigned char) s[p]))
			p++;
		else if (p + 1 < len && (unsigned char) s[p] == 0xC2 && (unsigned char) s[p + 1] == 0xA0)
			p += 2;
		else if (p + 2 < len && (unsigned char) s[p] == 0xE2 && (unsigned char) s[p + 1] == 0x80 &&
				 ((unsigned char) s[p + 2] == 0x89 || (unsigned char) s[p + 2] == 0xAF))
			p += 3;
		else
			return p;
	}
}

/* Case-insensitive literal at p: its length or 0. */
static size_t
lit_at(const char *s, size_t len, size_t p, const char *w)
{
	size_t		n = strlen(w);

	if (p + n > len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char) s[p + k]) != (unsigned char) w[k])
			return 0;
	return n;
}

/* A whole word w at p (letters after it end it): its length or 0. */
static size_t
word_at(const char *s, size_t len, size_t p, const char *w)
{
	size_t		n = lit_at(s, len, p, w);

	if (n == 0 || (p + n < len && is_alpha((unsigned char) s[p + n])))
		return 0;
	return n;
}

/* The end of the alphanumeric word at p. */
static size_t
word_end(const char *s, size_t len, size_t p)
{
	while (p < len && is_alnum((unsigned char) s[p]))
		p++;
	return p;
}

static size_t
times_sign(const char *s, size_t len, size_t p)
{
	if (p < len && (s[p] == 'x' || s[p] == 'X' || s[p] == '*'))
		return 1;
	if (lit_at(s, len, p, "\xC3\x97") || lit_at(s, len, p, "\xC2\xB7"))
		return 2;
	if (lit_at(s, len, p, "\xE2\x8B\x85") || lit_at(s, len, p, "\xE2\x88\x97"))
		return 3;
	return 0;
}

/* Superscript digit at p: its length with *d the digit (-1 for minus), or 0. */
static size_t
superscript_digit(const char *s, size_t len, size_t p, int *d)
{
	if (p + 1 < len && (unsigned char) s[p] == 0xC2)
	{
		switch ((unsigned char) s[p + 1])
		{
			case 0xB9:
				*d = 1;
				return 2;
			case 0xB2:
				*d = 2;
				return 2;
			case 0xB3:
				*d = 3;
				return 2;
		}
		return 0;
	}
	if (p + 2 < len && (unsigned char) s[p] == 0xE2 && (unsigned char) s[p + 1] == 0x81)
	{
		unsigned char c = (unsigned char) s[p + 2];

		if (c == 0xB0)
			*d = 0;
		else if (c >= 0xB4 && c <= 0xB9)
			*d = c - 0xB0;
		else if (c == 0xBB)
			*d = -1;
		else
			return 0;
		return 3;
	}
	return 0;
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
 * The power after "10" at p (after the "10"): ^n, superscripts, (n), or
 * lost superscript digits.  Returns the end, or 0; *ambiguous for "10e6".
 */
static size_t
scan_power(const char *s, size_t len, size_t p, long *pow, bool *ambiguous)
{
	size_t		q = skip_blanks(s, len, p);
	int			d;
	size_t		n;
	long		v = 0;
	bool		neg = false,
				any = false;

	if (q < len && s[q] == '^')
	{
		q = skip_blanks(s, len, q + 1);
		if (q < len && (s[q] == '+' || s[q] == '-'))
			neg = (s[q++] == '-');
		while (q < len && is_digit((unsigned char) s[q]) && v < 1000)
		{
			v = v * 10 + (s[q++] - '0');
			any = true;
		}
		if (!any || (q < len && is_digit((unsigned char) s[q])))
			return 0;
		*pow = neg ? -v : v;
		return q;
	}
	if ((n = superscript_digit(s, len, q, &d)) != 0)
	{
		if (d < 0)
		{
			neg = true;
			q += n;
		}
		while ((n = superscript_digit(s, len, q, &d)) != 0 && d >= 0 && v < 1000)
		{
			v = v * 10 + d;
			q += n;
			any = true;
		}
		if (!any)
			return 0;
		*pow = neg ? -v : v;
		return q;
	}
	if (q < len && s[q] == '(')
	{
		size_t		r = q + 1;

		while (r < len && is_digit((unsigned char) s[r]) && v < 1000)
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
	if (p < len && (s[p] == 'e' || s[p] == 'E') && p + 1 < len &&
		(is_digit((unsigned char) s[p + 1]) || s[p + 1] == '+' || s[p + 1] == '-'))
	{
		*ambiguous = true;
		return 0;
	}
	/* "107": digits right after the 10 */
	if (p < len && is_digit((unsigned char) s[p]))
	{
		size_t		r = p;

		while (r < len && is_digit((unsigned char) s[r]))
			r++;
		if (r < len && is_alpha((unsigned char) s[r]) && !(s[r] == 'c' || s[r] == 'C' || s[r] == 'M'))
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

/* A scale word at p: its end with *pow, or 0. */
static size_t
scale_word(const char *s, size_t len, size_t p, long *pow)
{
	static const struct
	{
		const char *w;
		int			pow;
		bool		caps;
	}			words[] = {
		{"millions", 6, false}, {"million", 6, false}, {"mln", 6, false},
		{"mio", 6, false}, {"billions", 9, false}, {"billion", 9, false},
		{"thousand", 3, false}, {"M", 6, true}, {"K", 3, true}, {"k", 3, true},
	};

	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
	{
		size_t		n;

		if (words[k].caps)
			n = (p < len && s[p] == words[k].w[0] &&
				 (p + 1 >= len || !is_alnum((unsigned char) s[p + 1]))) ? 1 : 0;
		else
			n = word_at(s, len, p, words[k].w);
		if (n)
		{
			*pow = words[k].pow;
			if (p + n < len && s[p + n] == '.' && words[k].w[0] == 'm' &&
				(words[k].w[1] == 'l' || words[k].w[1] == 'i') &&
				(words[k].w[2] == 'n' || words[k].w[2] == 'o'))
				n++;			/* "mln.", "Mio." */
			return p + n;
		}
	}
	return 0;
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
		if (is_upper((unsigned char) s[k]))
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

		while (r < len && (is_digit((unsigned char) s[r]) || s[r] == '.'))
			r++;
		if (r > q + 1 && (n = word_at(s, len, skip_blanks(s, len, r), "ml")) != 0)
			return 2;
		return 0;
	}
	else
		return 0;
	/* a volume: "/2mL", "per 2 ml" */
	if (q < len && is_digit((unsigned char) s[q]))
	{
		size_t		r = q;

		while (r < len && (is_digit((unsigned char) s[r]) || s[r] == '.'))
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
	while (q < len && is_digit((unsigned char) s[q]))
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

		while (r + 3 < len && s[r] == g && is_digit((unsigned char) s[r + 1]) &&
			   is_digit((unsigned char) s[r + 2]) && is_digit((unsigned char) s[r + 3]) &&
			   (r + 4 >= len || !is_digit((unsigned char) s[r + 4])))
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
	if (q + 1 < len && s[q] == '.' && is_digit((unsigned char) s[q + 1]))
	{
		point = true;
		if (m + 1 < sizeof(d->mant))
			d->mant[m++] = '.';
		q++;
		while (q < len && is_digit((unsigned char) s[q]))
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
	if (q + 1 < len && (s[q] == 'e' || s[q] == 'E') &&
		(is_digit((unsigned char) s[q + 1]) ||
		 ((s[q + 1] == '+' || s[q + 1] == '-') && q + 2 < len && is_digit((unsigned char) s[q + 2]))))
	{
		size_t		r = q + 1;
		bool		neg = false;
		long		v = 0;

		if (s[r] == '+' || s[r] == '-')
			neg = (s[r++] == '-');
		while (r < len && is_digit((unsigned char) s[r]) && v < 1000)
			v = v * 10 + (s[r++] - '0');
		if (r < len && is_alnum((unsigned char) s[r]))
			return false;
		/* "10E6" alone is the "x 10E6" of a writer who meant 10^6: ambiguous */
		if (strcmp(d->mant, "10") == 0)
			d->reject = true;
		d->exp = neg ? -v : v;
		d->scaled = true;
		d->end = r;
		return true;
	}
	/* x 10^n */
	{
		size_t		r = skip_blanks(s, len, q);

		if ((n = times_sign(s, len, r)) != 0)
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
				if (zeros > 0 && (t >= len || !is_digit((unsigned char) s[t])))
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
			if (r < len && is_digit((unsigned char) s[r]))
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

		if ((r < len && (s[r] == '^' || (s[r] == '(' && r + 1 < len && is_digit((unsigned char) s[r + 1])))) ||
			superscript_digit(s, len, r, &dg))
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
	if (q < len && is_alpha((unsigned char) s[q]))
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
		return r < len && is_digit((unsigned char) s[r]);
	}
	if ((n = word_at(s, len, r, "to")) != 0)
	{
		r = skip_blanks(s, len, r + n);
		return r < len && is_digit((unsigned char) s[r]);
	}
	return false;
}

/* Is the number at p the high end of a range ("5-7", "between 1 and 2")? */
static bool
range_precedes(const char *s, size_t p)
{
	size_t		q = p;

	while (q > 0 && is_blank((unsigned char) s[q - 1]))
		q--;
	if (q > 0 && (s[q - 1] == '-' || s[q - 1] == '~'))
	{
		q--;
		while (q > 0 && is_blank((unsigned char) s[q - 1]))
			q--;
		return q > 0 && (is_digit((unsigned char) s[q - 1]) || s[q - 1] == '^');
	}
	if (q >= 3 && (unsigned char) s[q - 3] == 0xE2 && (unsigned char) s[q - 2] == 0x80 &&
		((unsigned char) s[q - 1] == 0x93 || (unsigned char) s[q - 1] == 0x94))
		return true;
	if (q >= 2 && lower((unsigned char) s[q - 1]) == 'o' && lower((unsigned char) s[q - 2]) == 't' &&
		(q == 2 || !is_alpha((unsigned char) s[q - 3])))
	{
		q -= 2;
		while (q > 0 && is_blank((unsigned char) s[q - 1]))
			q--;
		return q > 0 && is_digit((unsigned char) s[q - 1]);
	}
	return false;
}

/* Is the number at p the "10" of a power ("x 10e6", "× 10^6")? */
static bool
times_before(const char *s, size_t p)
{
	size_t		q = p;

	while (q > 0 && is_blank((unsigned char) s[q - 1]))
		q--;
	if (q > 0 && (s[q - 1] == '*' || ((s[q - 1] == 'x' || s[q - 1] == 'X') &&
									  (q == 1 || !is_alpha((unsigned char) s[q - 2])))))
		return true;
	return (q >= 2 && (unsigned char) s[q - 2] == 0xC3 && (unsigned char) s[q - 1] == 0x97) ||
		(q >= 2 && (unsigned char) s[q - 2] == 0xC2 && (unsigned char) s[q - 1] == 0xB7);
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

		while (q > 0 && !is_alnum((unsigned char) s[q - 1]))
		{
			if (s[q - 1] == '|' || s[q - 1] == ';' || s[q - 1] == '\n' ||
				(s[q - 1] == '.' && q < p && is_blank((unsigned char) s[q])))
				return false;
			q--;
		}
		e = q;
		while (q > 0 && is_alnum((unsigned char) s[q - 1]))
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
		while (r < len && !is_alnum((unsigned char) s[r]))
		{
			unsigned char ch = (unsigned char) s[r];

			if (ch == '|' || ch == ';' || ch == '\n' || ch == '\r' || ch == '/' ||
				(ch == '.' && (r + 1 >= len || is_blank((unsigned char) s[r + 1]))))
				goto no_unit;
			if (ch == ',' && depth < 8 && r + 1 < len && is_blank((unsigned char) s[r + 1]))
				break;
			if (ch == ',')
				goto no_unit;
			r++;
		}
		if (r >= len)
			goto no_unit;
		/* a shared unit: "6.0*10^6, 3.0*10^7 and 9.0*10^7 cells", "100M or 300M cells" */
		if ((s[r] == ',' && r + 1 < len && is_blank((unsigned char) s[r + 1])) ||
			word_at(s, len, r, "and") || word_at(s, len, r, "or"))
		{
			size_t		t = s[r] == ',' ? r + 1 : r + (word_at(s, len, r, "and") ? 3 : 2);
			dose_cand	next;

			t = skip_blanks(s, len, t);
			if (word_at(s, len, t, "and") || word_at(s, len, t, "or"))
				t = skip_blanks(s, len, t + (word_at(s, len, t, "and") ? 3 : 2));
			if (depth < 8 && t < len && is_digit((unsigned char) s[t]) &&
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
		if (is_digit((unsigned char) s[b]))
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

		if (!is_digit((unsigned char) s[p]) ||
			(p > 0 && (is_alnum((unsigned char) s[p - 1]) || s[p - 1] == '.' ||
					   (s[p - 1] == ',' && p > 1 && is_digit((unsigned char) s[p - 2])) ||
					   s[p - 1] == '^' || times_before(s, p) ||
					   (s[p - 1] == '-' && p > 1 && is_alnum((unsigned char) s[p - 2]) &&
						!is_digit((unsigned char) s[p - 2])))))
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
			if (p < len && is_digit((unsigned char) s[p]))
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

/* ================================================================ */
/* Initialisation                                                     */
/* ================================================================ */

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

static void
tri_add_list(const char *const *list)
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
			int			base = trigram(al->s, (size_t) n);

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

/* Add the words of list to the class lexicon with class cls. */
static void
lex_add(const char *const *list, uint8_t cls, calt *tmp, uint8_t *tmpcls, int *n)
{
	for (const char *const *l = list; *l && *n < MAX_LEX; l++)
	{
		size_t		len = strlen(*l);
		calt	   *a = &tmp[*n];

		a->s = *l;
		a->kind = ALT_WORD;
		if (len > 0 && (*l)[len - 1] == '*')
		{
			len--;
			a->kind = ALT_PREFIX;
		}
		a->len = (uint8_t) len;
		tmpcls[(*n)++] = cls;
	}
}

static void
build_lexicon(void)
{
	calt		tmp[MAX_LEX];
	uint8_t		tmpcls[MAX_LEX];
	int			n = 0,
				out = 0;

	lex_add(msc_words, WC_MSC, tmp, tmpcls, &n);
	lex_add(cell_words, WC_CELL, tmp, tmpcls, &n);
	lex_add(conjunctions, WC_CONJ, tmp, tmpcls, &n);
	lex_add(modal_words, WC_MODAL, tmp, tmpcls, &n);
	lex_add(drug_words, WC_DRUG, tmp, tmpcls, &n);
	lex_add(carrier_words, WC_CARRIER, tmp, tmpcls, &n);
	for (int l = 0; l < 27; l++)
	{
		lex_start[l] = out;
		for (int k = 0; k < n; k++)
		{
			int			kl = (tmp[k].s[0] >= 'a' && tmp[k].s[0] <= 'z') ? tmp[k].s[0] - 'a' : 26;

			if (kl == l)
			{
				lex_alt[out] = tmp[k];
				lex_cls[out++] = tmpcls[k];
			}
		}
	}
	lex_start[27] = out;
	/* index by trigram (short prefixes: every continuation) */
	nlex_tri = 0;
	for (int k = 0; k < out; k++)
	{
		const calt *al = &lex_alt[k];
		int			base = trigram(al->s, al->len < 3 ? al->len : 3);
		int			count = 1,
					step = 1;

		if (al->kind == ALT_PREFIX && al->len < 3)
		{
			count = al->len == 2 ? 27 : 729;
			step = al->len == 2 ? 1 : 27;
		}
		for (int x = 0; x < count && nlex_tri < MAX_LEX_TRI; x++)
		{
			lex_tri[nlex_tri].tri = (uint16_t) (base + x * step);
			lex_tri[nlex_tri].k = (uint8_t) k;
			nlex_tri++;
		}
	}
	for (int a = 1; a < nlex_tri; a++)
	{
		uint16_t	t = lex_tri[a].tri;
		uint8_t		kk = lex_tri[a].k;
		int			b = a - 1;

		while (b >= 0 && lex_tri[b].tri > t)
		{
			lex_tri[b + 1] = lex_tri[b];
			b--;
		}
		lex_tri[b + 1].tri = t;
		lex_tri[b + 1].k = kk;
	}
	for (int a = 0; a < nlex_tri; a++)
		lex_has[lex_tri[a].tri >> 3] |= (uint8_t) (1u << (lex_tri[a].tri & 7));
}

static void
classify_init(void)
{
	build_ctype();
	build_lexicon();
	build_abbrev_index();
	compile_table(&ct_source);
	compile_table(&ct_hsct);
	compile_table(&ct_route);
	compile_table(&ct_donor);
	compile_table(&ct_manip);
	tri_add_patterns(source_phrases, NELEM(source_phrases));
	tri_add_patterns(hsct_phrases, NELEM(hsct_phrases));
	tri_add_patterns(route_phrases, NELEM(route_phrases));
	tri_add_patterns(donor_phrases, NELEM(donor_phrases));
	tri_add_patterns(manip_phrases, NELEM(manip_phrases));
	tri_add_list(msc_words);
	tri_add_list(cell_words);
	tri_add_list(conjunctions);
	tri_add_list(modal_words);
	tri_add_list(drug_words);
	tri_add_list(carrier_words);
	initialised = true;
}

/* ================================================================ */
/* Labels and limits                                                  */
/* ================================================================ */

const char *
msc_donor_label(int donor)
{
	switch (donor)
	{
		case MSC_DONOR_AUTOLOGOUS:
			return "autologous";
		case MSC_DONOR_ALLOGENEIC:
			return "allogeneic";
	}
	return NULL;
}

const char *
msc_manipulation_label(int manipulation)
{
	switch (manipulation)
	{
		case MSC_MANIP_CULTURE_EXPANDED:
			return "culture_expanded";
		case MSC_MANIP_MINIMALLY_MANIPULATED:
			return "minimally_manipulated";
	}
	return NULL;
}

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
