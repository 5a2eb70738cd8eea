/*
 * classify_words.c — word classes (cells, MSCs, conjunctions, modals,
 * drugs, carriers), source abbreviations and product codes, worked out
 * once per clause for all the scanners.
 *
 * A hyphenated compound with a part that is not a known abbreviation is a
 * product code (ALLO-ASC-DFU, HB-adMSCs, CB-AC-02, NEUROSTEM-AD,
 * SMUP-IA-01): it states nothing.
 */
#include "classify_engine.h"

#include "msc_ascii.h"

#include <string.h>

/* ---- word classes shared by the scanners ---- */

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

/* The classes of word i, worked out once by cls_finish_clause. */
static uint8_t
word_classes(const clause *c, int i)
{
	uint8_t		cls = 0;
	const word *w = &c->w[i];
	size_t		n = cls_wlen(c, i);
	unsigned char last = ascii_lower((unsigned char) c->s[w->end - 1]);
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
			if (cls_alt_matches(c, i, &lex_alt[lex_tri[lo].k]))
				cls |= lex_cls[lex_tri[lo].k];
	}
	/* abbreviations: "UCMSCs", "ADSCs", "hMSC" */
	if (n >= 3 && (last == 'c' || last == 's'))
	{
		const char *e = c->s + w->end;
		size_t		k = (last == 's') ? 1 : 0;	/* a plural s */

		if (n >= 2 + k && ascii_lower((unsigned char) e[-1 - (int) k]) == 'c' &&
			ascii_lower((unsigned char) e[-2 - (int) k]) == 's')
		{
			if (n >= 3 + k && ascii_lower((unsigned char) e[-3 - (int) k]) == 'm')
				cls |= WC_MSC | WC_CELL;
			else if (w->nupper >= 2)
				cls |= WC_CELL;
		}
	}
	return cls;
}

bool
cls_is_msc_word(const clause *c, int i)
{
	return i >= 0 && i < c->n && (c->w[i].cls & WC_MSC) != 0;
}

bool
cls_is_cell_word(const clause *c, int i)
{
	return i >= 0 && i < c->n && (c->w[i].cls & WC_CELL) != 0;
}

bool
cls_is_conjunction(const clause *c, int i)
{
	return i >= 0 && i < c->n && (c->w[i].cls & WC_CONJ) != 0;
}

/*
 * Look at the words after i (at most span, within the clause, stopping at
 * a conjunction or at punctuation other than joiners) for one that pred
 * accepts.
 */
bool
cls_ahead(const clause *c, int i, int span, bool (*pred) (const clause *, int))
{
	for (int k = i + 1; k < c->n && k <= i + span; k++)
	{
		if (c->w[k].sep == SEP_OTHER || c->w[k].sep == SEP_DOT || cls_is_conjunction(c, k))
			return false;
		if (pred(c, k))
			return true;
	}
	return false;
}

/* The same, looking back from i. */
bool
cls_behind(const clause *c, int i, int span, bool (*pred) (const clause *, int))
{
	for (int k = i - 1; k >= 0 && k >= i - span; k--)
	{
		if (c->w[k + 1].sep == SEP_OTHER || c->w[k + 1].sep == SEP_DOT || cls_is_conjunction(c, k))
			return false;
		if (pred(c, k))
			return true;
	}
	return false;
}

/* ---- abbreviations and product codes ---- */

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
	{"humsc", MSC_SOURCE_UMBILICAL_CORD, 0, false},
	{"humscs", MSC_SOURCE_UMBILICAL_CORD, 0, false},
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
	size_t		n = cls_wlen(c, i);
	unsigned char first = ascii_lower((unsigned char) c->s[c->w[i].start]);

	if (n < 2 || n > 8 || c->w[i].digit || first < 'a' || first > 'z')
		return -1;
	/* two capitals are needed, unless glued to an MSC part ("huc-MSCs") */
	if (c->w[i].nupper < 2 && !(i + 1 < c->n && c->w[i + 1].glued))
		return -1;
	for (int k = abbrev_start[first - 'a']; k < abbrev_start[first - 'a' + 1]; k++)
		if (cls_weq(c, i, abbrevs[abbrev_order[k]].word))
			return abbrev_order[k];
	return -1;
}

static const abbrev *
find_abbrev(const clause *c, int i)
{
	return c->cabbrev[i] >= 0 ? &abbrevs[c->cabbrev[i]] : NULL;
}

/* The compound (words glued by single hyphens) that word i is part of. */
void
cls_compound_of(const clause *c, int i, int *first, int *last)
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

bool
cls_is_product_code(const clause *c, int a, int b)
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
			if (ascii_is_digit((unsigned char) c->s[p]))
				digits = true;
		if (digits)
			return true;
		if (c->w[k].nupper >= 2 && !find_abbrev(c, k) && !cls_win(c, k, harmless_parts) &&
			!cls_is_msc_word(c, k))
			return true;
	}
	return false;
}

/* Compounds of the clause, each measured once. */
void
cls_finish_clause(clause *c)
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
const abbrev *
cls_source_abbrev(const clause *c, int i, int *end)
{
	const abbrev *a;
	int			first,
				last;

	a = find_abbrev(c, i);
	if (a == NULL)
		return NULL;
	cls_compound_of(c, i, &first, &last);
	if (cls_is_product_code(c, first, last))
		return NULL;
	if (!a->prefix)
	{
		if (c->w[i].nupper < 2)
			return NULL;
		*end = i + 1;
		return a;
	}
	/* a tissue prefix: glued to an MSC part, or capitals and then a word */
	if (i + 1 < c->n && c->w[i + 1].glued && cls_win(c, i + 1, msc_parts))
	{
		if (c->w[i].nupper == 0 && c->w[i + 1].nupper == 0)
			return NULL;
		*end = i + 2;
		return a;
	}
	if (c->w[i].nupper >= 2 && i + 1 < c->n && cls_phrase_link(c, i + 1) &&
		(cls_win(c, i + 1, msc_parts) || cls_weq(c, i + 1, "mesenchymal") ||
		 cls_weq(c, i + 1, "stromal")))
	{
		*end = i + 2;
		return a;
	}
	return NULL;
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
	"gram", "grams", "gy", "cgy", "oral", "orally", "po", "sodium",
	NULL
};

/* Carriers and comparators that go the same way as the cells. */
static const char *const carrier_words[] = {
	"prp", "platelet*", "plasma", "hyaluron*", NULL
};

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
		int			base = cls_trigram(al->s, al->len < 3 ? al->len : 3);
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

void
cls_words_init(void)
{
	build_lexicon();
	build_abbrev_index();
	cls_tri_add_list(msc_words);
	cls_tri_add_list(cell_words);
	cls_tri_add_list(conjunctions);
	cls_tri_add_list(modal_words);
	cls_tri_add_list(drug_words);
	cls_tri_add_list(carrier_words);
}
