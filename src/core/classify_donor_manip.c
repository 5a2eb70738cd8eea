/*
 * classify_donor_manip.c — the donor (autologous, allogeneic) and the
 * manipulation (culture-expanded, minimally manipulated) a record states:
 * the phrase tables and the rules that read them.
 *
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
 */
#include "classify_engine.h"

#include <stddef.h>

/* ---- donor ---- */

enum
{
	DN_ADJECTIVE,				/* autologous, allogeneic: check what follows */
	DN_OWN,						/* "patient's own ..." */
	DN_HEALTHY,					/* healthy/third-party donors: cells near */
	DN_DONOR,					/* "donor" alone: an MSC word right after */
	DN_GRAFT,					/* "autograft MSC", "MSCs of autograft" */
	DN_PLAIN
};

static const phrase donor_phrases[] = {
	{"autolog*|auotolog*|autogenous|autogenic|autogeneic|autogenously", MSC_DONOR_AUTOLOGOUS, DN_ADJECTIVE},
	{"allogen*|allogenous|allogenically", MSC_DONOR_ALLOGENEIC, DN_ADJECTIVE},
	{"patient|patients|their|his|her|subject|subjects|participant|participants|recipient|recipients|from own|owns", MSC_DONOR_AUTOLOGOUS, DN_OWN},
	{"marrow|tissue|fat of ?the|each|enrolled ?# patient|patients|subject|subjects", MSC_DONOR_AUTOLOGOUS, DN_PLAIN},
	{"patient|patients iliac crest|crests", MSC_DONOR_AUTOLOGOUS, DN_PLAIN},
	{"third party ?donor|donors", MSC_DONOR_ALLOGENEIC, DN_HEALTHY},
	{"healthy ?adult|volunteer|young|human ?volunteer donor|donors", MSC_DONOR_ALLOGENEIC, DN_HEALTHY},
	{"healthy volunteer|volunteers", MSC_DONOR_ALLOGENEIC, DN_HEALTHY},
	{"from ?a|an|the|one related|unrelated|haploidentical|matched donor|donors", MSC_DONOR_ALLOGENEIC, DN_HEALTHY},
	{"from a|an|one|the|single donor", MSC_DONOR_ALLOGENEIC, DN_PLAIN},
	{"donor derived", MSC_DONOR_ALLOGENEIC, DN_PLAIN},
	{"donor|donors", MSC_DONOR_ALLOGENEIC, DN_DONOR},
	{"autograft", MSC_DONOR_AUTOLOGOUS, DN_GRAFT},
};
static cpat cp_donor[NELEM(donor_phrases)];
ctable cls_ct_donor = {donor_phrases, NELEM(donor_phrases), cp_donor, NULL, 0, {0}};

/* What an autologous/allogeneic product is when it is not the cells. */
static const char *const donor_blocks[] = {
	"hsct", "hct", "bmt", "sct", "hsc", "hscs", "pbsc*", "hematopoietic",
	"haematopoietic", "hemopoietic", "haemopoietic", "plasma", "serum",
	"sera", "platelet*", "prp", "prf", "chondrocyte*", "keratinocyte*",
	"fibroblast*", "tenocyte*", "melanocyte*", "lymphocyte*", "dli", "islet*",
	"kidney", "liver", "organ", "cortical", "cartilage", "conditioned",
	"thrombin", "fibrin", "dendritic", "t", "nk", "car", "cd34*", "cd133*",
	"tcell*", "erythrocyte*", "red", "transfusion", "graft", "grafts", "chondron*",
	"grafting", "bone", "blood", "collagen", NULL
};


/*
 * Does the donor adjective at word i speak of the cells?  Look at the
 * next five words: an excluded head (PRP, serum, bone graft, a
 * haematopoietic transplant) before any MSC word says no.
 */
static bool
donor_adjective_ok(const clause *c, int i)
{
	int			end;

	/* "does not use allogenic tissues", "non-autologous" */
	for (int k = i - 1; k >= 0 && k >= i - 3; k--)
		if (cls_weq(c, k, "not") || cls_weq(c, k, "no") || cls_weq(c, k, "without") ||
			(cls_weq(c, k, "non") && k == i - 1))
			return false;
	for (int k = i + 1; k < c->n && k <= i + 6; k++)
	{
		if (cls_is_conjunction(c, k))
		{
			/* "allogeneic or xenogeneic bone": the head comes later */
			if ((cls_weq(c, k, "or") || cls_weq(c, k, "and")) &&
				(cls_wprefix(c, k + 1, "xeno") || cls_wprefix(c, k + 1, "syngen")))
			{
				k++;
				continue;
			}
			return true;
		}
		if (cls_wprefix(c, k, "transplant"))
		{
			/* "autologous transplantation of MSCs" */
			if (cls_weq(c, k + 1, "of"))
				continue;
			/* "... stem cell transplantation into the lesion": a local graft is no HSCT */
			if (cls_weq(c, k + 1, "into"))
				return true;
			/* "allogeneic stem cell transplantation" is HSCT; "MSC transplantation" is not */
			for (int j = i + 1; j < k; j++)
				if (cls_is_msc_word(c, j) || cls_weq(c, j, "svf") || cls_weq(c, j, "adipose"))
					return true;
			return false;
		}
		if (cls_weq(c, k, "bone") && cls_weq(c, k + 1, "marrow"))
			continue;
		/* "cord blood-derived MSC", "cord blood (hUCB)-derived MSC" */
		if (cls_weq(c, k, "blood") && (cls_win(c, k + 1, (const char *const[]) {
			"derived", "mononuclear", "mesenchymal*", "msc*", NULL}) ||
									  (cls_source_abbrev(c, k + 1, &end) && cls_weq(c, k + 2, "derived"))))
			continue;
		if (cls_win(c, k, donor_blocks))
			return false;
		if (cls_is_msc_word(c, k) || cls_weq(c, k, "svf") || cls_weq(c, k, "adipose") ||
			cls_weq(c, k, "fat") || cls_wprefix(c, k, "exosome") || cls_wprefix(c, k, "lipoaspirat"))
			return true;
	}
	return true;
}

static bool
msc_or_tissue_word(const clause *c, int i)
{
	int			end;

	return cls_is_msc_word(c, i) || cls_source_abbrev(c, i, &end) != NULL ||
		cls_weq(c, i, "marrow") || cls_weq(c, i, "marrows") || cls_weq(c, i, "adipose");
}

static bool
donor_phrase_ok(const clause *c, int i, int end, const phrase *ph)
{
	int			first,
				last;

	switch (ph->rule)
	{
		case DN_ADJECTIVE:
			cls_compound_of(c, i, &first, &last);
			if (cls_is_product_code(c, first, last))
				return false;
			return donor_adjective_ok(c, end - 1);
		case DN_OWN:
			/* patient's own cells / their own adipose tissue */
			if (!cls_phrase_link(c, end))
				return false;
			return cls_win(c, end, (const char *const[]) {
				"bone", "marrow", "adipose", "fat", "cell", "cells", "stem",
				"mesenchymal*", "stromal", "tissue", "abdominal", "msc*", "mscs",
				"svf", "lipoaspirate", NULL}) || msc_or_tissue_word(c, end);
		case DN_HEALTHY:
			/* "healthy donor criteria" of a plasma donor is not about cells */
			return cls_ahead(c, end - 1, 4, msc_or_tissue_word) ||
				cls_behind(c, i, 6, msc_or_tissue_word);
		case DN_GRAFT:
			if (cls_weq(c, i - 1, "of") && cls_is_msc_word(c, i - 2))
				return true;
			/* FALLTHROUGH */
		case DN_DONOR:
			/* "donor mesenchymal stem cells", "donor ex-vivo expanded MSC", "autograft MSC" */
			return cls_ahead(c, end - 1, 4, cls_is_msc_word);
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

	if (!(cls_weq(c, i, "allo") || cls_weq(c, i, "auto")) || i + 1 >= c->n || !c->w[i + 1].glued)
		return 0;
	cls_compound_of(c, i, &first, &last);
	if (first != i || cls_is_product_code(c, first, last))
		return 0;
	if (!(cls_is_msc_word(c, i + 1) || cls_source_abbrev(c, i + 1, &end)))
		return 0;
	return cls_weq(c, i, "allo") ? MSC_DONOR_ALLOGENEIC : MSC_DONOR_AUTOLOGOUS;
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
		pos = cls_clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n;)
		{
			int			end;
			int			k;
			int			v = donor_prefix(&c, i);

			if (v)
			{
				cls_trace_mention(trace, MSC_EV_DONOR, v, &c, i, i + 2);
				seen[v] = true;
				i += 2;
				continue;
			}
			k = cls_longest_phrase(&c, i, &cls_ct_donor, &end);
			if (k >= 0 && donor_phrase_ok(&c, i, end, &donor_phrases[k]))
			{
				v = donor_phrases[k].value;
				if (donor_phrases[k].rule == DN_OWN)
					end++;
				cls_trace_mention(trace, MSC_EV_DONOR, v, &c, i, end);
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

/* ---- manipulation ---- */

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
	{"expanded|cultured|cultivated ex|in vivo|vitro", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"expanded in culture", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"in vitro expanded|cultured|expansion", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"more than minimally manipulated", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"passaged", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"propagated|propagation ex|in vivo|vitro", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
	{"ex vivo propagated|propagation", MSC_MANIP_CULTURE_EXPANDED, MN_PLAIN},
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
	{"stromal vascular fraction*|factor", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF},
	{"concentrate|concentrated|concentrating ?the|its ?nucleated|mononuclear cells", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"microfragmented|micro fragmented", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"lipogems|nanofat|microfat|celution", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"adipose ?tissue derived regenerative", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"regenerative cells of adipose", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"mononuclear cell|cells|fraction", MSC_MANIP_MINIMALLY_MANIPULATED, MN_MONONUCLEAR},
	{"uncultured|uncultivated|unexpanded", MSC_MANIP_MINIMALLY_MANIPULATED, MN_NEGATED},
	{"non cultured|expanded|cultivated", MSC_MANIP_MINIMALLY_MANIPULATED, MN_NEGATED},
	{"not expanded|cultured", MSC_MANIP_MINIMALLY_MANIPULATED, MN_NEGATED},
	{"without ?ex ?vivo ?in ?vitro expansion|culture|culturing|cultivation|expanded|cultured", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
	{"point of care", MSC_MANIP_MINIMALLY_MANIPULATED, MN_PLAIN},
};
static cpat cp_manip[NELEM(manip_phrases)];
ctable cls_ct_manip = {manip_phrases, NELEM(manip_phrases), cp_manip, NULL, 0, {0}};

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

	return cls_is_cell_word(c, i) || cls_source_abbrev(c, i, &end) != NULL || cls_weq(c, i, "svf");
}

static bool
culture_blocked(const clause *c, int i)
{
	return cls_win(c, i, culture_blocks);
}

/* A cell word within span words after i, before any non-MSC cell type. */
static bool
cells_ahead(const clause *c, int i, int span)
{
	for (int k = i + 1; k < c->n && k <= i + span; k++)
	{
		if (c->w[k].sep == SEP_OTHER || c->w[k].sep == SEP_DOT || cls_is_conjunction(c, k))
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
			if (cls_phrase_link(c, end) && cls_win(c, end, expanded_blocks))
				return false;
			if (cls_phrase_link(c, i) && cls_weq(c, i - 1, "cord"))
				return false;
			return cells_ahead(c, end - 1, 6) || cells_behind(c, i, 8) ||
				(cls_phrase_link(c, end) && cls_weq(c, end, "to") && end + 1 < c->n && c->w[end + 1].digit);
		case MN_CULTURE_OF:
			/* "stem cell isolation, expansion and preparation" */
			for (int k = i - 1; k >= 0 && k >= i - 2; k--)
				if (cls_wprefix(c, k, "isolat"))
					return true;
			if (!cls_weq(c, end, "of") || !cls_phrase_link(c, end))
				return false;
			return cells_ahead(c, end, 4);
		case MN_PASSAGE:
			if (end < c->n && c->w[end].digit)
				return true;
			/* "after the third passage" */
			if (cls_phrase_link(c, i) && cls_win(c, i - 1, (const char *const[]) {"second", "third",
				"fourth", "fifth", "sixth", "seventh", "eighth", "2nd", "3rd", "4th", "5th",
				"6th", "7th", "8th", "early", "low", "late", NULL}))
				return true;
			if (cls_win(c, end, (const char *const[]) {"two", "three", "four", "five",
				"six", "seven", "eight", "ten", "p1", "p2", "p3", "p4", "p5", "p6",
				"i", "ii", "iii", "iv", "v", "vi", "vii", "of", NULL}))
				/* "the passage of cells and growth factors" is no culture */
				return cls_behind(c, i, 6, culture_target) || !cls_weq(c, end, "of");
			return false;
		case MN_SVF:
			/* "SVF-derived MSC", "SVF-MSC", "SVF will be cultured", "culture of SVF" */
			if (cls_phrase_link(c, end) && (cls_is_msc_word(c, end) || cls_weq(c, end, "derived")))
				return false;
			for (int k = end; k < c->n && k < end + 5; k++)
			{
				if (cls_is_conjunction(c, k))
					break;
				if (cls_wprefix(c, k, "cultur") || cls_wprefix(c, k, "expan") || cls_wprefix(c, k, "passag"))
					return false;
			}
			for (int k = i - 1; k >= 0 && k >= i - 4; k--)
			{
				if (cls_is_conjunction(c, k))
					break;
				if (cls_wprefix(c, k, "cultur") || cls_wprefix(c, k, "expan") || cls_wprefix(c, k, "passag"))
					return false;
			}
			return true;
		case MN_MONONUCLEAR:
			/* peripheral or cord blood mononuclear cells are not an MSC product */
			if (cls_weq(c, i - 1, "blood") && (cls_weq(c, i - 2, "peripheral") || cls_weq(c, i - 2, "cord")))
				return false;
			/* "MSC are collected from ... mononuclear cells", "hypoxic-cultured bone marrow mononuclear cells" */
			for (int k = i - 1; k >= 0 && k >= i - 4; k--)
				if (cls_weq(c, k, "from") || cls_wprefix(c, k, "cultur") || cls_wprefix(c, k, "expand"))
					return false;
			return true;
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
		pos = cls_clause_next(s, len, pos, &c);
		for (int i = 0; i < c.n;)
		{
			int			end;
			int			k;
			const abbrev *a;

			if ((a = cls_source_abbrev(&c, i, &end)) != NULL && a->manip != 0)
			{
				static const phrase svf = {"", MSC_MANIP_MINIMALLY_MANIPULATED, MN_SVF};

				if (a->manip == MSC_MANIP_CULTURE_EXPANDED ||
					manip_phrase_ok(&c, i, end, &svf))
				{
					cls_trace_mention(trace, MSC_EV_MANIPULATION, a->manip, &c, i, end);
					seen[a->manip] = true;
				}
				i = end;
				continue;
			}
			k = cls_longest_phrase(&c, i, &cls_ct_manip, &end);
			if (k >= 0)
			{
				if (manip_phrase_ok(&c, i, end, &manip_phrases[k]))
				{
					cls_trace_mention(trace, MSC_EV_MANIPULATION, manip_phrases[k].value, &c, i, end);
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

/* ---- labels ---- */

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
