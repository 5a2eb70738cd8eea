/*
 * classify_source_route.c — the source tissues and the routes of
 * administration a record states: the phrase tables and the rules that
 * read them.
 *
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
 *   - Abbreviations: "SC" is "stem cells" in this corpus, never read as
 *     subcutaneous; "IA" is a product code or intra-arterial, never read
 *     as intra-articular; "IT" and "IM" count when written in capitals in
 *     mixed-case text.  "IV" is not a Roman numeral (grade II-IV, class
 *     III, IV or V).
 *   - Routes said only of drugs are not counted: a clause that doses
 *     something in mg, mcg, g or IU, or names a drug (methylprednisolone,
 *     corticosteroid, hyaluronic acid, PRP, an anaesthetic, ...) or
 *     "orally" and says nothing of cells is skipped, and so is a route
 *     whose nearest typed neighbour is a drug ("subcutaneous injections
 *     of filgrastim").  "subcutaneous fat/adipose tissue" is
 *     a tissue, "subarachnoid haemorrhage" a condition.  Intracoronary is
 *     not read as intra-arterial (CDISC keeps it apart).
 */
#include "classify_engine.h"

#include "msc_ascii.h"

#include <string.h>

/* ---- sources ---- */

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
ctable cls_ct_source = {source_phrases, NELEM(source_phrases), cp_source, NULL, 0, {0}};

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
	"grafts", "engraftment", "mononuclear", "infusion", NULL
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
	{"graft failure", 1, 0},
};
static cpat cp_hsct[NELEM(hsct_phrases)];
ctable cls_ct_hsct = {hsct_phrases, NELEM(hsct_phrases), cp_hsct, NULL, 0, {0}};

/*
 * "MSCs (isolated) from/of (the) <tissue>": a cell word before the
 * preposition, within six words of the same clause.
 */
static bool
cells_from(const clause *c, int i, bool (*pred) (const clause *, int))
{
	int			k = i - 1;

	while (k >= 0 && (cls_weq(c, k, "the") || cls_weq(c, k, "human")))
		k--;
	if (k < 0 || !(cls_weq(c, k, "from") || cls_weq(c, k, "of")))
		return false;
	return cls_behind(c, k, 6, pred);
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
			if (cls_win(c, end, bone_marrow_blocks) && cls_phrase_link(c, end))
				return 0;
			return cls_ahead(c, end - 1, 4, cls_is_msc_word) ? 1 : 2;
		case SR_MARROW:
			if (!(cls_win(c, end, marrow_next) && cls_phrase_link(c, end)))
				return 0;
			return cls_ahead(c, end - 1, 4, cls_is_msc_word) ? 1 : 2;
		case SR_FAT:
			return (cls_phrase_link(c, end) && cls_win(c, end, fat_next)) ||
				(cls_phrase_link(c, i) && cls_win(c, i - 1, fat_prev));
		case SR_UMBILICAL:
			return cls_phrase_link(c, end) && cls_win(c, end, umbilical_next);
		case SR_CORD_TISSUE:
			return !cls_weq(c, i - 1, "spinal");
		case SR_CORD_BLOOD:
			if (cls_phrase_link(c, end) && cls_win(c, end, cord_blood_blocks))
				return 0;
			return cls_ahead(c, end - 1, 4, cls_is_msc_word) ? 1 : 2;
		case SR_NEEDS_CELL:
			return cls_ahead(c, end - 1, 4, cls_is_cell_word) || cells_from(c, i, cls_is_cell_word);
		case SR_NEEDS_MSC:
			return cls_ahead(c, end - 1, 4, cls_is_msc_word) || cells_from(c, i, cls_is_msc_word);
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
		int			k = cls_longest_phrase(c, i, &cls_ct_hsct, &end);

		if (k < 0)
			continue;
		/* "non-haematopoietic cells" */
		if (cls_weq(c, i - 1, "non") && c->w[i].glued)
			continue;
		/* "allogeneic MSC transplantation" is not about HSCT */
		if (k == 0)
		{
			bool		msc = false;

			for (int j = i + 1; j < end; j++)
				msc = msc || cls_is_msc_word(c, j) || cls_weq(c, j, "svf");
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
		pos = cls_clause_next(s, len, pos, &c);
		if (clause_is_hsct(&c))
			return true;
	}
	return false;
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
			cls_weq(c, i + 1, "be") &&
			cls_win(c, i + 2, (const char *const[]) {"isolated", "derived", "obtained",
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
		pos = cls_clause_next(s, len, pos, &c);
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

			if (c.w[i].nupper == 4 && cls_wexact(&c, i, "SHED") && !c.w[i].glued)
			{
				code = MSC_SOURCE_DENTAL_PULP;
				how = 1;
				end = i + 1;
			}
			else if ((a = cls_source_abbrev(&c, i, &end)) != NULL)
			{
				/* in an HSCT record, "UCB" or "BM-MNC" is the graft */
				code = a->source;
				how = ((a->source == MSC_SOURCE_BONE_MARROW || a->source == MSC_SOURCE_CORD_BLOOD ||
						a->source == MSC_SOURCE_PERIPHERAL_BLOOD) && !cls_is_msc_word(&c, end - 1)) ? 2 : 1;
			}
			else if ((k = cls_longest_phrase(&c, i, &cls_ct_source, &end)) >= 0)
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
				cls_trace_mention(trace, MSC_EV_SOURCE, code, &c, i, end);
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

/* ---- routes ---- */

enum
{
	RT_PLAIN,
	RT_ABBREV,					/* IV, IM, IT: guarded */
	RT_ARTERY,					/* into/through/via the ... artery */
	RT_LOWER_IV,				/* "iv" in lower case */
	RT_INJECTED,				/* "in the knee": in/at/to, an injection said before */
	RT_INTO,					/* "injury site": into/at/to just before */
	RT_LUMBAR,					/* "lumbar administration": with cerebrospinal fluid */
	RT_INTO_TISSUE				/* "into the subcutaneous tissue" */
};

static const phrase route_phrases[] = {
	{"intra articular*|articulary", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"intraarticular*|intrarticular*|intraarticulary", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"into ?the|a|each|both ?# ?# joint|joints", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"into ?the|a|each|both knee|knees|shoulder|ankle ?joint|joints|space|cavity", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"knee|knees|hip|hips|shoulder|shoulders ?joint|joints", MSC_ROUTE_INTRA_ARTICULAR, RT_INJECTED},
	{"single|one ?# knee|knees|hip|shoulder administration|injection|injections|infiltration", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"knee|hip|shoulder|facet ?joint|joints administration|administrations|injection|injections", MSC_ROUTE_INTRA_ARTICULAR, RT_PLAIN},
	{"intradiscal*|intradiscally", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"intra discal*", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"into ?the|a|each|both|affected ?# ?# disc|discs|disk|disks", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"into ?the nucleus pulposus", MSC_ROUTE_INTRADISCAL, RT_PLAIN},
	{"intravenous*|intravenos*|intraveneous*|intravascular*", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"intra venous*", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"=IV", MSC_ROUTE_INTRAVENOUS, RT_ABBREV},
	{"iv", MSC_ROUTE_INTRAVENOUS, RT_LOWER_IV},
	{"by|through|into|via ?a|the|peripheral ?peripheral vein|veins", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"central|peripheral venous catheter*|access|line|lines|route|catheterization", MSC_ROUTE_INTRAVENOUS, RT_PLAIN},
	{"intrathecal*", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"intra thecal*", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"=IT", MSC_ROUTE_INTRATHECAL, RT_ABBREV},
	{"lumbar puncture", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"into ?the cerebrospinal fluid", MSC_ROUTE_INTRATHECAL, RT_PLAIN},
	{"lumbar administration|administrations|injection|injections|infusion", MSC_ROUTE_INTRATHECAL, RT_LUMBAR},
	{"subarachnoid*", MSC_ROUTE_SUBARACHNOID, RT_PLAIN},
	{"sub arachnoid*", MSC_ROUTE_SUBARACHNOID, RT_PLAIN},
	{"epidural*|peridural*|extradural*", MSC_ROUTE_EPIDURAL, RT_PLAIN},
	{"intralesional*", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"intra lesional*", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"into ?# ?# ?# lesion|lesions", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"injection|injections|injected|applied|administered|delivered to ?# ?# ?# lesion|lesions", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"injection|injections of # to ?# ?# ?# lesion|lesions", MSC_ROUTE_INTRALESIONAL, RT_PLAIN},
	{"injury|injured site|sites|area", MSC_ROUTE_INTRALESIONAL, RT_INTO},
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
	{"into ?the subcutaneous|subcutis tissue|tissues|layer|fat", MSC_ROUTE_SUBCUTANEOUS, RT_INTO_TISSUE},
	{"intradermal*|intradermic*|intracutaneous*", MSC_ROUTE_INTRADERMAL, RT_PLAIN},
	{"intra dermal*", MSC_ROUTE_INTRADERMAL, RT_PLAIN},
	{"intraarterial*", MSC_ROUTE_INTRA_ARTERIAL, RT_PLAIN},
	{"intra arterial*", MSC_ROUTE_INTRA_ARTERIAL, RT_PLAIN},
	{"into|through|via ?the|a|an ?# ?# artery|arteries", MSC_ROUTE_INTRA_ARTERIAL, RT_ARTERY},
	{"into ?the soft tissue|tissues", MSC_ROUTE_SOFT_TISSUE, RT_PLAIN},
	{"soft tissue injection|injections|infiltration", MSC_ROUTE_SOFT_TISSUE, RT_PLAIN},
};
static cpat cp_route[NELEM(route_phrases)];
ctable cls_ct_route = {route_phrases, NELEM(route_phrases), cp_route, NULL, 0, {0}};

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
	return cls_wexact(c, i, "I") || cls_wexact(c, i, "II") || cls_wexact(c, i, "III") ||
		cls_wexact(c, i, "V") || cls_wexact(c, i, "VI");
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
	if (cls_wexact(c, i, "IV"))
	{
		if (cls_win(c, i - 1, roman_context) || cls_win(c, i - 2, roman_context) ||
			is_roman(c, i - 1) || is_roman(c, i + 1) ||
			((cls_weq(c, i - 1, "or") || cls_weq(c, i - 1, "and") || cls_weq(c, i - 1, "to")) &&
			 is_roman(c, i - 2)))
			return false;
	}
	return true;
}

/* Does the clause say something of cells or of a cell product? */
static bool
clause_has_cells(const clause *c)
{
	int			end;

	for (int i = 0; i < c->n; i++)
		if (cls_is_cell_word(c, i) || cls_source_abbrev(c, i, &end) || cls_weq(c, i, "adipose") ||
			cls_weq(c, i, "marrow") || cls_weq(c, i, "umbilical") || cls_weq(c, i, "placebo") ||
			cls_weq(c, i, "saline") || cls_weq(c, i, "vehicle"))
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

		while (p < c->w[i].end && ascii_is_digit((unsigned char) c->s[p]))
			p++;
		for (const char *const *u = units; *u; u++)
			if (c->w[i].end - p == strlen(*u) && ascii_lit(c->s + p, c->s + c->w[i].end, *u))
				return true;
	}
	return cls_weq(c, i, "g") && i > 0 && c->w[i - 1].digit;
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
		if (cls_is_cell_word(c, k) || (c->w[k].cls & WC_CARRIER))
			break;
		if (is_drug_word(c, k))
			return true;
	}
	for (int k = i - 1; k >= 0 && k >= i - 3; k--)
	{
		if (cls_is_cell_word(c, k) || (c->w[k].cls & WC_CARRIER))
			break;
		if (is_drug_word(c, k))
			return true;
	}
	return false;
}

/* Words that say the cells are injected ("injecting ... in the knee"). */
static const char *const injection_words[] = {
	"inject*", "administ*", "deliver*", "implant*", "infiltrat*", "applied", "application",
	"transplant*", "given", NULL
};

/*
 * The prepositions of a place: "in the knee" ("into the hip" of a femoral
 * head is no joint: "into" takes "joint"), "into the injury site".
 */
static const char *const joint_place_words[] = {"in", "at", "to", NULL};
static const char *const place_words[] = {"in", "into", "at", "to", NULL};

/*
 * Sites without a code in msc_route, or said otherwise: an infusion in a
 * record that names one of them is not taken for intravenous.
 */
static const char *const other_sites[] = {
	"intracoronar*", "coronary", "intramyocard*", "transendocard*", "endomyocard*",
	"intracerebr*", "intraparenchym*", "intracavit*", "intraventric*", "intraportal*",
	"portal", "intraovar*", "intrauterin*", "intratumo*", "intravitreal*", "intrapleur*",
	"intraperiton*", "intraosseous*", "intramedull*", "intratrache*", "endobronch*",
	"bronchoscop*", "inhal*", "nebuli*", "topical*", "intranasal*", "intracavern*",
	"intrapancrea*", "intrahepat*", "subretinal*", "suprachoroid*", "intracranial*",
	"intralymph*", "intrasplen*", "intrarenal*", "intraspinal*", "intracisternal*",
	"intradetrusor*", "intraprostat*", "intravesical*", "intracardiac*", "artery",
	"arteries", "arterial", "intracavernos*", "intra", "infarct", "cardiopulmonary", NULL
};

/* What is infused when not the cells: "cord blood infusion", "infusion of islets". */
static const char *const infused_other[] = {
	"blood", "lymphocyte*", "platelet*", "dli", "plasma", "albumin", "insulin", NULL
};

/*
 * Does the text name one of other_sites?  A second reading, made only for
 * a record that states an infusion and no route.
 */
static bool
names_other_site(const char *s, size_t len)
{
	clause		c;
	size_t		pos = 0;

	while (pos < len)
	{
		pos = cls_clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n; i++)
			if (cls_win(&c, i, other_sites))
				return true;
	}
	return false;
}

/* Does the text name cells anywhere?  Read only when the first reading saw no cell word. */
static bool
names_cells(const char *s, size_t len)
{
	clause		c;
	size_t		pos = 0;

	while (pos < len)
	{
		int			end;

		pos = cls_clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n; i++)
			if (cls_is_cell_word(&c, i) || cls_source_abbrev(&c, i, &end))
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
	if (blocks && ph->rule != RT_INTO_TISSUE && end < c->n && cls_phrase_link(c, end) && cls_win(c, end, blocks))
		return false;
	/* "without reaching the subarachnoid space" (a sham procedure) */
	if (cls_weq(c, i - 1, "without") || cls_weq(c, i - 2, "without"))
		return false;
	switch (ph->rule)
	{
		case RT_ABBREV:
			return abbrev_route_ok(c, i);
		case RT_LOWER_IV:
			/* "peripheral iv", "iv infusion" */
			if (c->w[i].nupper != 0 || c->w[i].glued || (end < c->n && c->w[end].glued))
				return false;
			return (cls_phrase_link(c, i) && (cls_weq(c, i - 1, "peripheral") || cls_weq(c, i - 1, "via") ||
										  cls_weq(c, i - 1, "by"))) ||
				(cls_phrase_link(c, end) && cls_win(c, end, (const char *const[]) {
					"infusion*", "injection*", "drip", "administration", "bolus", "boli", NULL}));
		case RT_ARTERY:
			/* intracoronary: "into the infarct-related artery" */
			for (int k = i; k < end; k++)
				if (cls_wprefix(c, k, "coronar") || cls_wprefix(c, k, "pulmonar") || cls_wprefix(c, k, "infarct"))
					return false;
			return true;
		case RT_INJECTED:
			/* "injecting 50x10^6 MSCs in the (target) knee" */
			for (int k = i - 1; k >= 0 && k >= i - 4; k--)
				if (cls_win(c, k, joint_place_words))
				{
					for (int j = k - 1; j >= 0 && j >= k - 6; j--)
						if (cls_win(c, j, injection_words))
							return true;
					return false;
				}
			return false;
		case RT_INTO:
			/* "into the injury site", "at the injured area" */
			for (int k = i - 1; k >= 0 && k >= i - 3; k--)
				if (cls_win(c, k, place_words))
					return true;
			return false;
		case RT_LUMBAR:
			for (int k = 0; k < c->n; k++)
				if (cls_wprefix(c, k, "cerebrospinal") || cls_wexact(c, k, "CSF") || cls_wprefix(c, k, "thecal"))
					return true;
			return false;
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

	bool		infusion = false;
	bool		cells = false;	/* a cell word seen (not every word is looked at) */
	size_t		inf_start = 0,
				inf_end = 0;

	if (s == NULL)
		return 0;
	/*
	 * The routes of a transplant record that names no cells are dropped at
	 * the end, after their mentions: an observer sees only a reading whose
	 * answer is not empty.
	 */
	if (trace && trace->mention && msc_classify_routes(s, len, out, NULL) == 0)
		return 0;
	while (pos < len)
	{
		int			drug = -1;	/* unknown until a route is found */

		pos = cls_clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n;)
		{
			int			end = i + 1;
			int			k = -1;
			int			code = 0;

			if (c.w[i].cls & WC_CELL)
				cells = true;
			/* an infusion of the cells: intravenous if no site is named */
			if (!infusion && c.w[i].first == 'i' && cls_wprefix(&c, i, "infus"))
			{
				if (drug < 0)
					drug = clause_has_drug(&c) && !clause_has_cells(&c);
				/* "islets infusion" (but "infusion of islets plus BM-MSCs" is the cells') */
				if (!drug && !route_of_drug(&c, i, i + 1) && !cls_win(&c, i - 1, infused_other) &&
					!cls_wprefix(&c, i - 1, "islet") &&
					!(cls_weq(&c, i + 1, "of") && cls_win(&c, i + 2, infused_other)))
				{
					infusion = true;
					inf_start = c.w[i].start;
					inf_end = c.w[i].end;
				}
			}

			/* s.c. */
			if (cls_wlen(&c, i) == 1 && ascii_lower((unsigned char) c.s[c.w[i].start]) == 's' &&
				i + 1 < c.n && cls_wlen(&c, i + 1) == 1 && c.w[i + 1].sep == SEP_DOT &&
				c.s[c.w[i].end] == '.' && ascii_lower((unsigned char) c.s[c.w[i + 1].start]) == 'c')
			{
				code = MSC_ROUTE_SUBCUTANEOUS;
				end = i + 2;
			}
			/* i.v., i.m., i.t. */
			else if (cls_wlen(&c, i) == 1 && ascii_lower((unsigned char) c.s[c.w[i].start]) == 'i' &&
				i + 1 < c.n && cls_wlen(&c, i + 1) == 1 && c.w[i + 1].sep == SEP_DOT &&
				c.s[c.w[i].end] == '.')
			{
				unsigned char r = ascii_lower((unsigned char) c.s[c.w[i + 1].start]);

				code = r == 'v' ? MSC_ROUTE_INTRAVENOUS : r == 'm' ? MSC_ROUTE_INTRAMUSCULAR :
					r == 't' ? MSC_ROUTE_INTRATHECAL : 0;
				end = i + 2;
			}
			if (code == 0)
			{
				k = cls_longest_phrase(&c, i, &cls_ct_route, &end);
				if (k >= 0 && route_phrase_ok(&c, i, end, &route_phrases[k]))
					code = route_phrases[k].value;
			}
			if (code != 0)
			{
				if (drug < 0)
					drug = clause_has_drug(&c) && !clause_has_cells(&c);
				if (!drug && !route_of_drug(&c, i, end))
				{
					cls_trace_mention(trace, MSC_EV_ROUTE, code, &c, i, end);
					cls_add_code(out, &n, code);
				}
			}
			i = (k >= 0 || code != 0) ? end : i + 1;
		}
	}
	/*
	 * A record about a haematopoietic transplant that names no cells
	 * ("Umbilical Cord Blood Transplant ... Given IV") states no route of
	 * an MSC product: its routes are the graft's and the drugs'.
	 */
	if ((n > 0 || infusion) && !cells && !names_cells(s, len) && text_is_hsct(s, len))
		return 0;
	if (n == 0 && infusion && !names_other_site(s, len))
	{
		if (trace && trace->mention)
			trace->mention(trace->arg, MSC_EV_ROUTE, MSC_ROUTE_INTRAVENOUS, inf_start, inf_end);
		cls_add_code(out, &n, MSC_ROUTE_INTRAVENOUS);
	}
	return n;
}

