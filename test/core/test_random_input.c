/*
 * Random and mutated inputs against every core text parser, under ASan and
 * UBSan: a parser may accept or reject, but must not crash, read out of
 * bounds, leave an error without a message, or accept a value whose output
 * does not parse back.  Deterministic (fixed seed) so a failure repeats.
 */
#include "unit.h"
#include "msc_route.h"
#include "msc_source.h"

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

typedef bool (*byte_parser) (const char *, size_t, uint8_t *, msc_error *);

static void
check_byte_parser(const char *name, byte_parser parse,
				  const char *(*canonical) (int), const char *in, size_t len)
{
	uint8_t		code = 0;
	msc_error	err;
	/* an exactly sized heap copy, so ASan sees any read past the end */
	char	   *copy = malloc(len ? len : 1);

	memcpy(copy, in, len);
	if (parse(copy, len, &code, &err))
	{
		const char *out = canonical(code);
		uint8_t		again = 0;

		CHECK(out != NULL && parse(out, strlen(out), &again, &err) && again == code,
			  "%s: accepted value does not round-trip", name);
	}
	else
		CHECK(err.errclass != MSC_OK && err.message[0] != '\0',
			  "%s: rejection without a message", name);
	free(copy);
}

static const char *
source_canonical(int code)
{
	const msc_vocab_entry *e = msc_source_entry(code);

	return e ? e->canonical : NULL;
}

static const char *
route_canonical(int code)
{
	const msc_route_info *r = msc_route_info_of(code);

	return r ? r->vocab.canonical : NULL;
}

int
main(void)
{
	static char buf[512];

	for (int i = 0; i < 200000; i++)
	{
		size_t		len = random_input(buf, sizeof(buf));

		check_byte_parser("msc_source", msc_source_parse, source_canonical, buf, len);
		check_byte_parser("msc_route", msc_route_parse, route_canonical, buf, len);
	}
	return unit_report("random input (200000 per parser)");
}
