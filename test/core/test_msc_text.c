/*
 * msc_key_equals compares a key with a phrase normalised on the fly; it must
 * answer exactly as normalising the phrase with msc_normalize and comparing
 * the strings.  Checked on the vocabulary-like phrases below, each against
 * its own normal form and mutations of it, and on random byte strings.
 *
 * msc_source_parse and msc_route_parse take a canonical label by a fast
 * path; the vocabulary look-up must give the same entry for it (no earlier
 * entry may claim another entry's canonical label).
 */
#include "unit.h"
#include "msc_route.h"
#include "msc_source.h"
#include "msc_text.h"

#include <stdint.h>
#include <stdlib.h>

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

static uint32_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * 2685821657736338717ULL) >> 32);
}

static bool
reference_equals(const char *key, const char *phrase)
{
	char		norm[MSC_KEY_MAX];

	if (!msc_normalize(phrase, strlen(phrase), norm, sizeof(norm)))
		return false;
	return strcmp(key, norm) == 0;
}

static const char *const phrases[] = {
	"bone marrow", "BM-MSC", "hUC-MSC", "adipose tissue-derived", "SVF",
	"intra-articular injection", "i.v.", "into the disc", "IT", "  - lead/trail _ ",
	"Wharton\xE2\x80\x99s jelly", "Wharton's jelly", "patient\xE2\x80\x98s own", "\xE2\x80",
	"\xE2\x80\x98", "a.b.c", "", "-", "UC_MSC", "cord blood", "x\xE2\x80\x99", "iPSC-derived MSC",
};

int
main(void)
{
	char		key[MSC_KEY_MAX];
	char		phrase[300];
	int			n = (int) (sizeof(phrases) / sizeof(phrases[0]));
	static const char alphabet[] = "aAbB -_/.'\xE2\x80\x98\x99\tzZ";

	/* each phrase against every phrase's normal form */
	for (int i = 0; i < n; i++)
	{
		if (!msc_normalize(phrases[i], strlen(phrases[i]), key, sizeof(key)))
			continue;
		for (int j = 0; j < n; j++)
			CHECK(msc_key_equals(key, phrases[j]) == reference_equals(key, phrases[j]),
				  "key \"%s\", phrase \"%s\"", key, phrases[j]);
		CHECK(msc_key_equals(key, phrases[i]), "\"%s\" equals its own normal form", phrases[i]);
	}
	/* random strings over a small alphabet, against keys made the same way */
	for (int t = 0; t < 200000; t++)
	{
		size_t		len = rng() % 12;
		char		other[16];
		size_t		olen = rng() % 12;

		for (size_t i = 0; i < len; i++)
			phrase[i] = alphabet[rng() % (sizeof(alphabet) - 1)];
		phrase[len] = '\0';
		for (size_t i = 0; i < olen; i++)
			other[i] = alphabet[rng() % (sizeof(alphabet) - 1)];
		other[olen] = '\0';
		if (!msc_normalize(t % 2 ? phrase : other, t % 2 ? len : olen, key, sizeof(key)))
			continue;
		CHECK(msc_key_equals(key, phrase) == reference_equals(key, phrase),
			  "key \"%s\", phrase \"%s\"", key, phrase);
	}
	/* canonical labels: the slow look-up finds the entry itself */
	for (int c = MSC_SOURCE_INVALID + 1; c < MSC_SOURCE_COUNT; c++)
	{
		const msc_vocab_entry *e = msc_source_entry(c);

		CHECK(msc_normalize(e->canonical, strlen(e->canonical), key, sizeof(key)), "%s", e->canonical);
		CHECK(msc_vocab_find(msc_source_entry(MSC_SOURCE_INVALID + 1),
							 MSC_SOURCE_COUNT - MSC_SOURCE_INVALID - 1, key) == e,
			  "source %s is found as itself", e->canonical);
	}
	for (int c = MSC_ROUTE_INVALID + 1; c < MSC_ROUTE_COUNT; c++)
	{
		const msc_vocab_entry *e = &msc_route_info_of(c)->vocab;
		int			found = 0;

		CHECK(msc_normalize(e->canonical, strlen(e->canonical), key, sizeof(key)), "%s", e->canonical);
		for (int d = MSC_ROUTE_INVALID + 1; d < MSC_ROUTE_COUNT && !found; d++)
			if (msc_vocab_find(&msc_route_info_of(d)->vocab, 1, key))
				found = d;
		CHECK(found == c, "route %s is found as itself, not as code %d", e->canonical, found);
	}
	/* a phrase whose normal form is longer than any key */
	memset(phrase, 'a', 299);
	phrase[299] = '\0';
	memset(key, 'a', MSC_KEY_MAX - 1);
	key[MSC_KEY_MAX - 1] = '\0';
	CHECK(!msc_key_equals(key, phrase), "a 299-letter phrase is not a 255-letter key");
	return unit_report("msc_text");
}
