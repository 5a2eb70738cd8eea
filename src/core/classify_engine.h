/*
 * classify_engine.h — the engine the free-text classifiers share (internal
 * to src/core): text cut into clauses and words, phrase patterns compiled
 * into tables indexed by trigram, word classes and abbreviations.
 *
 *   classify_engine.c        clauses, words, phrase patterns, tables, init
 *   classify_words.c         word classes, abbreviations, product codes
 *   classify_source_route.c  msc_classify_sources, msc_classify_routes
 *   classify_donor_manip.c   msc_classify_donor, msc_classify_manipulation
 *   classify_dose.c          msc_classify_dose, _each_dose, _doses (raw text,
 *                            not clauses; classify_dose.h)
 *   classify_dose_unit.c     what follows a dose's number: unit, per kg, volume
 *
 * Functions shared between these files carry the prefix cls_; the public
 * ones (classify.h) msc_classify_.  See doc/classify.md for the rules and
 * test/classify/LABELLING.md for what counts as a statement.
 */
#ifndef CLASSIFY_ENGINE_H
#define CLASSIFY_ENGINE_H

#include "classify.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NELEM(a) ((int) (sizeof(a) / sizeof((a)[0])))

/* ---- clauses and words ---- */

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

/* Word classes, set once per clause by cls_finish_clause. */
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

/*
 * Read the clause that starts at pos into c (building the tables on the
 * first call); returns where the next one starts.  Always advances when
 * pos < len.
 */
size_t		cls_clause_next(const char *s, size_t len, size_t pos, clause *c);

/* Word classes and compounds of a clause just read (classify_words.c). */
void		cls_finish_clause(clause *c);

size_t		cls_wlen(const clause *c, int i);

/* Does word i equal lit (lower case), ignoring case? */
bool		cls_weq(const clause *c, int i, const char *lit);

/* Does word i start with lit (lower case), ignoring case? */
bool		cls_wprefix(const clause *c, int i, const char *lit);

/* Does word i equal lit exactly (case-sensitive)? */
bool		cls_wexact(const clause *c, int i, const char *lit);

/* Is word i one of the list (each "word" or "prefix*")? */
bool		cls_win(const clause *c, int i, const char *const *list);

/* May a phrase continue from word i-1 to word i? (blanks or joiners) */
bool		cls_phrase_link(const clause *c, int i);

/* ---- phrase patterns and tables ---- */

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

#define TRI_SIZE (27 * 27 * 27)

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

/* The trigram of the n bytes at p (fewer than 3: padded with 0). */
int			cls_trigram(const char *p, size_t n);

/* Does word i match the compiled alternative a? */
bool		cls_alt_matches(const clause *c, int i, const calt *a);

/*
 * The longest phrase of table t matching at word i: its index with *end
 * set, or -1.
 */
int			cls_longest_phrase(const clause *c, int i, const ctable *t, int *end);

/*
 * The tables of the scanners, compiled by the engine on first use (each
 * defined next to the rules that read it).
 */
extern ctable cls_ct_source;	/* classify_source_route.c */
extern ctable cls_ct_hsct;
extern ctable cls_ct_route;
extern ctable cls_ct_donor;		/* classify_donor_manip.c */
extern ctable cls_ct_manip;

/* Mark the words of list ("word" or "prefix*") as possible word starts. */
void		cls_tri_add_list(const char *const *list);

/* ---- word classes and abbreviations (classify_words.c) ---- */

/* Build the class lexicon and the abbreviation index (once, by the engine). */
void		cls_words_init(void);

bool		cls_is_msc_word(const clause *c, int i);
bool		cls_is_cell_word(const clause *c, int i);
bool		cls_is_conjunction(const clause *c, int i);

/*
 * Look at the words after i (at most span, within the clause, stopping at
 * a conjunction or at punctuation other than joiners) for one that pred
 * accepts; cls_behind looks back from i the same way.
 */
bool		cls_ahead(const clause *c, int i, int span, bool (*pred) (const clause *, int));
bool		cls_behind(const clause *c, int i, int span, bool (*pred) (const clause *, int));

typedef struct abbrev
{
	const char *word;			/* lower case */
	uint8_t		source;			/* msc_source code */
	uint8_t		manip;			/* MSC_MANIP_* it implies, or 0 */
	bool		prefix;			/* a tissue prefix that needs an MSC part */
} abbrev;

/* The compound (words glued by single hyphens) that word i is part of. */
void		cls_compound_of(const clause *c, int i, int *first, int *last);

/*
 * Is the compound [a, b] a product code?  It is when it has two parts or
 * more and one of them has a digit or at least two capitals without being
 * an abbreviation we know.
 */
bool		cls_is_product_code(const clause *c, int a, int b);

/*
 * A source abbreviation at word i: its entry, with *end the word after
 * it, or NULL.
 */
const abbrev *cls_source_abbrev(const clause *c, int i, int *end);

/* ---- what the scanners report ---- */

/* Tell the observer, if any, of a mention at words [i, end). */
void		cls_trace_mention(const msc_classify_trace *trace, msc_evidence_kind kind,
							  int value, const clause *c, int i, int end);

/* Append code to out[0..*n) unless already there. */
void		cls_add_code(uint8_t *out, int *n, int code);

#endif
