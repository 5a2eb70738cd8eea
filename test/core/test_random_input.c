/*
 * Random and mutated inputs against every core parser of a type's text
 * input (msc_source, msc_route, cell_dose, pain_score, trial_id), under
 * ASan and UBSan: a parser may accept or reject, but must not crash, read
 * out of bounds, leave an error without a message, or accept a value whose
 * output does not parse back to the same output.  Each parser must both
 * accept and reject some inputs, or the rounds proved little.
 * Deterministic (fixed seed) so a failure repeats.  (The free-text
 * classifiers have their own random rounds in test_classify.c.)
 */
#include "unit.h"
#include "cell_dose.h"
#include "msc_route.h"
#include "msc_source.h"
#include "pain_score.h"
#include "trial_id.h"

#include <stdint.h>
#include <stdlib.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
rng(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * 2685821657736338717ULL) >> 32);
}

static const char *const seeds[] = {
	"bone marrow", "BM-MSC", "hUC-MSC", "adipose tissue-derived", "SVF",
	"intra-articular injection", "i.v. infusion", "into the disc", "IT",
	"Wharton\xE2\x80\x99s jelly", "iPSC-derived MSC", "intravenously",
	"5e7", "2 x 10^6 cells/kg", "50 million", "1.5e6 cells/kg",
	"nrs:7", "vas:45.5", "womac_pain:12",
	"NCT01234567", "EudraCT 2004-000123-45", "isrctn 12345678",
};

/* Fill buf with a random string: random bytes, or a mutated seed. */
static size_t
random_input(char *buf, size_t cap)
{
	size_t		len;

	if (rng() % 2)
	{
		len = rng() % (cap < 160 ? cap : 160);
		for (size_t i = 0; i < len; i++)
			buf[i] = (char) (rng() % 4 ? 32 + rng() % 95 : rng() % 256);
	}
	else
	{
		const char *s = seeds[rng() % (sizeof(seeds) / sizeof(seeds[0]))];

		len = strlen(s);
		memcpy(buf, s, len);
		for (int m = rng() % 4; m > 0 && len > 0; m--)
		{
			size_t		at = rng() % len;

			switch (rng() % 3)
			{
				case 0:
					buf[at] = (char) (rng() % 256);
					break;
				case 1:
					memmove(buf + at, buf + at + 1, len - at - 1);
					len--;
					break;
				default:
					if (len + 1 < cap)
					{
						memmove(buf + at + 1, buf + at, len - at);
						buf[at] = (char) (32 + rng() % 95);
						len++;
					}
			}
		}
	}
	return len;
}

/* A parser that writes the canonical text of what it accepts into out. */
typedef bool (*text_parser) (const char *in, size_t len, char *out, size_t outlen, msc_error *err);

typedef struct parser
{
	const char *name;
	text_parser parse;
	long		accepted,
				rejected;
} parser;

static void
check_parser(parser *p, const char *in, size_t len)
{
	char		out[256],
				again[256];
	msc_error	err;
	/* an exactly sized heap copy, so ASan sees any read past the end */
	char	   *copy = malloc(len ? len : 1);

	memcpy(copy, in, len);
	if (p->parse(copy, len, out, sizeof(out), &err))
	{
		p->accepted++;
		CHECK(p->parse(out, strlen(out), again, sizeof(again), &err) && strcmp(out, again) == 0,
			  "%s: accepted value \"%s\" does not round-trip", p->name, out);
	}
	else
	{
		p->rejected++;
		CHECK(err.errclass != MSC_OK && err.message[0] != '\0',
			  "%s: rejection without a message", p->name);
	}
	free(copy);
}

static bool
source_text(const char *in, size_t len, char *out, size_t outlen, msc_error *err)
{
	uint8_t		code;

	if (!msc_source_parse(in, len, &code, err))
		return false;
	snprintf(out, outlen, "%s", msc_source_entry(code)->canonical);
	return true;
}

static bool
route_text(const char *in, size_t len, char *out, size_t outlen, msc_error *err)
{
	uint8_t		code;

	if (!msc_route_parse(in, len, &code, err))
		return false;
	snprintf(out, outlen, "%s", msc_route_info_of(code)->vocab.canonical);
	return true;
}

static bool
dose_text(const char *in, size_t len, char *out, size_t outlen, msc_error *err)
{
	msc_cell_dose d;

	return msc_cell_dose_parse(in, len, &d, err) && msc_cell_dose_format(&d, out, outlen) > 0;
}

static bool
pain_text(const char *in, size_t len, char *out, size_t outlen, msc_error *err)
{
	pain_score_t s;

	return pain_score_parse(in, len, &s, err) && pain_score_format(s, out, outlen) > 0;
}

static bool
trial_text(const char *in, size_t len, char *out, size_t outlen, msc_error *err)
{
	size_t		n;
	int			reg;

	(void) outlen;				/* out has room for TRIAL_ID_CANON_MAX */
	return trial_id_parse(in, len, out, &n, &reg, err);
}

int
main(void)
{
	static char buf[512];
	parser		parsers[] = {
		{"msc_source", source_text, 0, 0}, {"msc_route", route_text, 0, 0},
		{"cell_dose", dose_text, 0, 0}, {"pain_score", pain_text, 0, 0},
		{"trial_id", trial_text, 0, 0},
	};
	int			np = (int) (sizeof(parsers) / sizeof(parsers[0]));

	for (int i = 0; i < 200000; i++)
	{
		size_t		len = random_input(buf, sizeof(buf));

		for (int k = 0; k < np; k++)
			check_parser(&parsers[k], buf, len);
	}
	for (int k = 0; k < np; k++)
	{
		printf("random input: %s accepted %ld, rejected %ld\n", parsers[k].name,
			   parsers[k].accepted, parsers[k].rejected);
		CHECK(parsers[k].accepted > 0 && parsers[k].rejected > 0,
			  "%s: the random inputs did not exercise both outcomes", parsers[k].name);
	}
	return unit_report("random input (200000 per parser)");
}
