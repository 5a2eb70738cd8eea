/* Unit tests of the msc_route parser and catalogue. */
#include "unit.h"
#include "msc_route.h"

static void
accepts(const char *in, int expected)
{
	uint8_t		code = 0;
	msc_error	err;
	bool		ok = msc_route_parse(in, strlen(in), &code, &err);

	CHECK(ok && code == expected, "\"%s\" -> ok=%d code=%d (want %d) %s",
		  in, ok, code, expected, err.message);
}

static void
rejects(const char *in, size_t len)
{
	uint8_t		code = 0;
	msc_error	err;
	bool		ok = msc_route_parse(in, len, &code, &err);

	CHECK(!ok && err.errclass == MSC_ERR_SYNTAX && err.message[0] && err.hint[0],
		  "\"%.40s\" should be rejected (got code %d)", in, code);
}

int
main(void)
{
	static char big[100001];
	int			systemic = 0;

	for (int c = 1; c < MSC_ROUTE_COUNT; c++)
	{
		const msc_route_info *r = msc_route_info_of(c);

		CHECK(r && r->vocab.code == c, "catalogue entry %d", c);
		CHECK(strlen(r->nci_code) == 6 && r->nci_code[0] == 'C', "NCIt code of %d", c);
		systemic += r->systemic;
		accepts(r->vocab.canonical, c);
		accepts(r->cdisc_term, c);
		for (const char *const *s = r->vocab.synonyms; *s; s++)
			accepts(*s, c);
	}
	CHECK(systemic == 2, "two systemic routes, got %d", systemic);
	CHECK(msc_route_info_of(0) == NULL && msc_route_info_of(MSC_ROUTE_COUNT) == NULL,
		  "out-of-range codes have no entry");
	accepts("intra-articular injection", MSC_ROUTE_INTRA_ARTICULAR);
	accepts("Single intra-articular injection", MSC_ROUTE_INTRA_ARTICULAR);
	accepts("intra-articularly", MSC_ROUTE_INTRA_ARTICULAR);
	accepts("i.v. infusion", MSC_ROUTE_INTRAVENOUS);
	accepts("I.V.", MSC_ROUTE_INTRAVENOUS);
	accepts("intravenously", MSC_ROUTE_INTRAVENOUS);
	accepts("via intravenous infusion", MSC_ROUTE_INTRAVENOUS);
	accepts("intradiscal injection", MSC_ROUTE_INTRADISCAL);
	accepts("into the disc", MSC_ROUTE_INTRADISCAL);
	accepts("IT", MSC_ROUTE_INTRATHECAL);
	accepts("intrathecally", MSC_ROUTE_INTRATHECAL);
	accepts("  SUBCUTANEOUS\n", MSC_ROUTE_SUBCUTANEOUS);
	accepts("soft_tissue", MSC_ROUTE_SOFT_TISSUE);
	accepts("intra_arterial", MSC_ROUTE_INTRA_ARTERIAL);

	rejects("", 0);
	rejects(" ", 1);
	rejects("injection", 9);
	rejects("infusion", 8);
	rejects("ID", 2);
	rejects("oral", 4);
	rejects("topical", 7);
	rejects("intra", 5);
	rejects("intravenous intrathecal", 23);
	rejects("IA IV", 5);
	rejects("ly", 2);
	rejects("intravenous\x02", 12);
	rejects("iv\0", 3);
	memset(big, 'i', sizeof(big) - 1);
	rejects(big, sizeof(big) - 1);
	return unit_report("msc_route");
}
