/*
 * msc_route.c — catalogue and parser of routes of administration.
 *
 * CDISC terms and NCI Thesaurus codes are those of DESIGN.md's table (the
 * FDA/CDISC route-of-administration codelist).  Synonyms are matched whole
 * after normalisation, and again after dropping words that name the act
 * rather than the route ("injection", "infusion", "via", "single") and an
 * adverb's "-ly" ("intravenously").  Ambiguous abbreviations are left out:
 * "ID" (intradermal or intradiscal), "IA" is intra-articular only, as in
 * the orthopaedic literature this registry serves.
 */
#include "msc_route.h"

#include <string.h>

static const char *const intra_articular_syn[] = {
	"intra-articular", "intraarticular", "IA", "into the joint",
	"into the knee", "into the knee joint", "intra-articular knee", NULL
};
static const char *const intradiscal_syn[] = {
	"intradiscal", "intra-discal", "into the disc", "into the disk",
	"into the intervertebral disc", "into the nucleus pulposus", NULL
};
static const char *const intravenous_syn[] = {
	"intravenous", "intra-venous", "IV", "into a vein", "intravenous drip", NULL
};
static const char *const intrathecal_syn[] = {
	"intrathecal", "intra-thecal", "IT", NULL
};
static const char *const subarachnoid_syn[] = {
	"subarachnoid", "sub-arachnoid", NULL
};
static const char *const epidural_syn[] = {
	"epidural", "peridural", "extradural", "into the epidural space", NULL
};
static const char *const intralesional_syn[] = {
	"intralesional", "intra-lesional", "into the lesion", NULL
};
static const char *const intratendinous_syn[] = {
	"intratendinous", "intra-tendinous", "intratendon", "into the tendon", NULL
};
static const char *const periarticular_syn[] = {
	"periarticular", "peri-articular", "around the joint", NULL
};
static const char *const perineural_syn[] = {
	"perineural", "peri-neural", "around the nerve", NULL
};
static const char *const intramuscular_syn[] = {
	"intramuscular", "intra-muscular", "IM", "into the muscle", NULL
};
static const char *const subcutaneous_syn[] = {
	"subcutaneous", "sub-cutaneous", "SC", "SQ", "subQ", "s.c.", NULL
};
static const char *const intradermal_syn[] = {
	"intradermal", "intra-dermal", "intracutaneous", NULL
};
static const char *const intra_arterial_syn[] = {
	"intra-arterial", "intraarterial", "into an artery", NULL
};
static const char *const soft_tissue_syn[] = {
	"soft tissue", "into soft tissue", "into the soft tissue", NULL
};

/* Indexed by code - 1. */
static const msc_route_info route_catalogue[] = {
	{{MSC_ROUTE_INTRA_ARTICULAR, "intra_articular", "Intra-articular", intra_articular_syn}, "INTRA-ARTICULAR", "C38223", false},
	{{MSC_ROUTE_INTRADISCAL, "intradiscal", "Intradiscal", intradiscal_syn}, "INTRADISCAL", "C38239", false},
	{{MSC_ROUTE_INTRAVENOUS, "intravenous", "Intravenous", intravenous_syn}, "INTRAVENOUS", "C38276", true},
	{{MSC_ROUTE_INTRATHECAL, "intrathecal", "Intrathecal", intrathecal_syn}, "INTRATHECAL", "C38267", false},
	{{MSC_ROUTE_SUBARACHNOID, "subarachnoid", "Subarachnoid", subarachnoid_syn}, "SUBARACHNOID", "C38297", false},
	{{MSC_ROUTE_EPIDURAL, "epidural", "Epidural", epidural_syn}, "EPIDURAL", "C38210", false},
	{{MSC_ROUTE_INTRALESIONAL, "intralesional", "Intralesional", intralesional_syn}, "INTRALESIONAL", "C38250", false},
	{{MSC_ROUTE_INTRATENDINOUS, "intratendinous", "Intratendinous", intratendinous_syn}, "INTRATENDINOUS", "C38265", false},
	{{MSC_ROUTE_PERIARTICULAR, "periarticular", "Periarticular", periarticular_syn}, "PERIARTICULAR", "C38292", false},
	{{MSC_ROUTE_PERINEURAL, "perineural", "Perineural", perineural_syn}, "PERINEURAL", "C38293", false},
	{{MSC_ROUTE_INTRAMUSCULAR, "intramuscular", "Intramuscular", intramuscular_syn}, "INTRAMUSCULAR", "C28161", false},
	{{MSC_ROUTE_SUBCUTANEOUS, "subcutaneous", "Subcutaneous", subcutaneous_syn}, "SUBCUTANEOUS", "C38299", false},
	{{MSC_ROUTE_INTRADERMAL, "intradermal", "Intradermal", intradermal_syn}, "INTRADERMAL", "C38238", false},
	{{MSC_ROUTE_INTRA_ARTERIAL, "intra_arterial", "Intra-arterial", intra_arterial_syn}, "INTRA-ARTERIAL", "C38222", true},
	{{MSC_ROUTE_SOFT_TISSUE, "soft_tissue", "Soft tissue", soft_tissue_syn}, "SOFT TISSUE", "C38198", false},
};

#define N_ROUTES (sizeof(route_catalogue) / sizeof(route_catalogue[0]))

/* Words that describe the act of giving, not where it goes. */
static const char *const leading_noise[] = {"via", "by", "single", "repeated", "a", "an", NULL};
static const char *const trailing_noise[] = {
	"injection", "injections", "infusion", "infusions", "administration",
	"route", "delivery", "use", "injected", "infused", "bolus", NULL
};

static const char route_hint[] =
"Use one of intra_articular, intradiscal, intravenous, intrathecal, "
"subarachnoid, epidural, intralesional, intratendinous, periarticular, "
"perineural, intramuscular, subcutaneous, intradermal, intra_arterial, "
"soft_tissue, or a synonym listed by msc_routes(), such as IA, IV, IT, "
"\"intra-articular injection\" or \"into the disc\".";

bool
msc_route_valid(int code)
{
	return code > MSC_ROUTE_INVALID && code < MSC_ROUTE_COUNT;
}

const msc_route_info *
msc_route_info_of(int code)
{
	return msc_route_valid(code) ? &route_catalogue[code - 1] : NULL;
}

static const msc_route_info *
find_route(const char *key)
{
	for (size_t i = 0; i < N_ROUTES; i++)
	{
		const msc_vocab_entry *v = &route_catalogue[i].vocab;

		if (msc_vocab_find(v, 1, key))
			return &route_catalogue[i];
	}
	return NULL;
}

bool
msc_route_parse(const char *src, size_t len, uint8_t *code, msc_error *err)
{
	char		key[MSC_KEY_MAX];
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	const msc_route_info *r = NULL;

	if (!msc_check_input(src, len, MSC_ROUTE_MAX_INPUT, "msc_route",
						 route_hint, err))
		return false;
	/* the canonical label, as the output function writes it (COPY, dumps):
	 * find_route would return the same route (test_msc_text checks) */
	for (size_t i = 0; i < N_ROUTES; i++)
		if (strncmp(src, route_catalogue[i].vocab.canonical, len) == 0 &&
			route_catalogue[i].vocab.canonical[len] == '\0')
		{
			*code = (uint8_t) route_catalogue[i].vocab.code;
			return true;
		}
	if (msc_normalize(src, len, key, sizeof(key)) && key[0] != '\0')
	{
		r = find_route(key);
		if (r == NULL && msc_strip_words(key, leading_noise, trailing_noise))
			r = find_route(key);
		if (r == NULL)
		{
			/* an adverb: "intravenously", "intra-articularly" */
			size_t		kl = strlen(key);

			if (kl > 4 && strcmp(key + kl - 2, "ly") == 0)
			{
				key[kl - 2] = '\0';
				r = find_route(key);
			}
		}
	}
	if (r != NULL)
	{
		*code = (uint8_t) r->vocab.code;
		return true;
	}
	msc_quote(quoted, sizeof(quoted), src, len);
	return msc_fail(err, MSC_ERR_SYNTAX, NULL, route_hint,
					"invalid input syntax for type msc_route: \"%s\"", quoted);
}
