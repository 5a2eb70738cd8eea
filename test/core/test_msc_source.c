/* Unit tests of the msc_source parser. */
#include "unit.h"
#include "msc_source.h"

static void
accepts(const char *in, int expected)
{
	uint8_t		code = 0;
	msc_error	err;
	bool		ok = msc_source_parse(in, strlen(in), &code, &err);

	CHECK(ok && code == expected, "\"%s\" -> ok=%d code=%d (want %d) %s",
		  in, ok, code, expected, err.message);
}

static void
rejects(const char *in, size_t len)
{
	uint8_t		code = 0;
	msc_error	err;
	bool		ok = msc_source_parse(in, len, &code, &err);

	CHECK(!ok && err.errclass == MSC_ERR_SYNTAX && err.message[0] && err.hint[0],
		  "\"%.40s\" should be rejected (got code %d)", in, code);
}

int
main(void)
{
	static char big[100001];

	for (int c = 1; c < MSC_SOURCE_COUNT; c++)
	{
		const msc_vocab_entry *e = msc_source_entry(c);

		accepts(e->canonical, c);
		for (const char *const *s = e->synonyms; *s; s++)
			accepts(*s, c);
	}
	accepts("  Bone Marrow ", MSC_SOURCE_BONE_MARROW);
	accepts("BM-MSC", MSC_SOURCE_BONE_MARROW);
	accepts("hBM-MSCs", MSC_SOURCE_BONE_MARROW);
	accepts("bone marrow-derived", MSC_SOURCE_BONE_MARROW);
	accepts("bone marrow-derived mesenchymal stem cells", MSC_SOURCE_BONE_MARROW);
	accepts("AD-MSC", MSC_SOURCE_ADIPOSE);
	accepts("adipose tissue-derived", MSC_SOURCE_ADIPOSE);
	accepts("Adipose-derived mesenchymal stromal cells", MSC_SOURCE_ADIPOSE);
	accepts("UC-MSC", MSC_SOURCE_UMBILICAL_CORD);
	accepts("hUC-MSC", MSC_SOURCE_UMBILICAL_CORD);
	accepts("WJ-MSC", MSC_SOURCE_UMBILICAL_CORD);
	accepts("Wharton\xE2\x80\x99s jelly", MSC_SOURCE_UMBILICAL_CORD);
	accepts("UCB-MSC", MSC_SOURCE_CORD_BLOOD);
	accepts("PD-MSC", MSC_SOURCE_PLACENTA);
	accepts("DPSC", MSC_SOURCE_DENTAL_PULP);
	accepts("SHED", MSC_SOURCE_DENTAL_PULP);
	accepts("iPSC-derived MSC", MSC_SOURCE_IPSC_DERIVED);
	accepts("\tsynovial\n", MSC_SOURCE_SYNOVIAL);

	rejects("", 0);
	rejects("   ", 3);
	rejects("bone", 4);
	rejects("cord", 4);
	rejects("msc", 3);
	rejects("mesenchymal stem cells", 22);
	rejects("bone marrow adipose", 19);
	rejects("bone\x01marrow", 12);
	rejects("bone marrow\0", 12);
	rejects("h", 1);
	memset(big, 'a', sizeof(big) - 1);
	rejects(big, sizeof(big) - 1);
	rejects(NULL, 0);
	return unit_report("msc_source");
}
