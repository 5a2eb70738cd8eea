/* Unit tests of the trial_id recognisers, normaliser, scanner and URLs. */
#include "unit.h"
#include "shared_data.h"
#include "trial_id.h"

#include <stdlib.h>

static void
accepts(const char *in, const char *canon, int registry)
{
	char		out[TRIAL_ID_CANON_MAX];
	size_t		n = 0;
	int			reg = 0;
	msc_error	err;
	bool		ok = trial_id_parse(in, strlen(in), out, &n, &reg, &err);

	CHECK(ok && strcmp(out, canon) == 0 && n == strlen(canon) && reg == registry,
		  "\"%s\" -> ok=%d \"%s\" reg=%d (want \"%s\" reg=%d) %s / %s",
		  in, ok, ok ? out : "", reg, canon, registry, err.message, err.detail);
	if (ok)
	{
		/* the output re-parses to itself and is recognised as canonical */
		char		again[TRIAL_ID_CANON_MAX];
		size_t		n2 = 0;
		int			reg2 = 0;

		CHECK(trial_id_parse(out, n, again, &n2, &reg2, &err) && strcmp(again, out) == 0
			  && reg2 == reg, "\"%s\" does not round-trip", out);
		CHECK(trial_id_registry(out, n) == reg, "\"%s\" not canonical", out);
	}
}

/* Rejected with 22P02, a message and a hint; detail contains want (or none when want is NULL). */
static void
rejects_n(const char *in, size_t len, const char *want)
{
	char		out[TRIAL_ID_CANON_MAX] = "";
	size_t		n = 0;
	int			reg = 0;
	msc_error	err;
	bool		ok = trial_id_parse(in, len, out, &n, &reg, &err);

	CHECK(!ok && err.errclass == MSC_ERR_SYNTAX && err.message[0] && err.hint[0]
		  && strncmp(err.message, "invalid input syntax for type trial_id: ", 40) == 0,
		  "\"%.40s\" should be rejected (got \"%s\")", in ? in : "(null)", out);
	/* the hint is whole (MSC_ERRMSG_LEN would cut a longer one) */
	if (!ok)
		CHECK(strstr(err.hint, "trial_registries() lists the formats.") != NULL, "hint cut: \"%s\"", err.hint);
	if (!ok && want)
		CHECK(strstr(err.detail, want) != NULL, "\"%.40s\": detail \"%s\" lacks \"%s\"",
			  in, err.detail, want);
	if (!ok && want == NULL)
		CHECK(err.detail[0] == '\0', "\"%.40s\": unexpected detail \"%s\"", in, err.detail);
}

static void
rejects(const char *in, const char *want)
{
	rejects_n(in, strlen(in), want);
}

/* Not canonical: trial_id_registry says so even though it may parse. */
static void
not_canonical(const char *s)
{
	CHECK(trial_id_registry(s, strlen(s)) == TRIAL_REG_INVALID, "\"%s\" taken as canonical", s);
}

/* All identifiers of text, duplicates included, joined by "|". */
static void
scan_all(const char *text, size_t len, size_t slice, char *dst, size_t dstlen)
{
	size_t		pos = 0,
				o = 0,
				cl,
				st;
	char		canon[TRIAL_ID_CANON_MAX];
	int			reg;

	dst[0] = '\0';
	while (pos < len)
	{
		size_t		stop = slice ? pos + slice : len;

		if (stop > len)
			stop = len;
		while (trial_id_next(text, len, &pos, stop, canon, &cl, &reg, &st))
		{
			int			w = snprintf(dst + o, dstlen - o, "%s%s", o ? "|" : "", canon);

			CHECK(trial_id_registry(canon, cl) == reg && cl == strlen(canon),
				  "scanner result \"%s\" not canonical", canon);
			CHECK(st < pos, "start %zu not before end %zu", st, pos);
			if (w > 0 && o + (size_t) w < dstlen)
				o += (size_t) w;
		}
		CHECK(pos >= stop, "scanner stopped at %zu, before %zu", pos, stop);
	}
}

static void
scans(const char *text, const char *want)
{
	char		got[2048];

	scan_all(text, strlen(text), 0, got, sizeof(got));
	CHECK(strcmp(got, want) == 0, "scan \"%s\" -> \"%s\" (want \"%s\")", text, got, want);
	/* slicing the scan (stop < len) finds the same */
	for (size_t slice = 1; slice < 8; slice++)
	{
		char		sliced[2048];

		scan_all(text, strlen(text), slice, sliced, sizeof(sliced));
		CHECK(strcmp(sliced, got) == 0, "slice %zu of \"%s\" -> \"%s\"", slice, text, sliced);
	}
}

static void
url_is(const char *id, const char *want)
{
	char		url[TRIAL_ID_URL_MAX];
	bool		ok = trial_id_url(id, strlen(id), url, sizeof(url));

	if (want == NULL)
		CHECK(!ok, "\"%s\" should have no URL", id);
	else
		CHECK(ok && strcmp(url, want) == 0, "url of \"%s\" -> \"%s\"", id, ok ? url : "(none)");
}

/* Random bytes: no crash, and whatever parses is canonical and stable. */
static void
fuzz(void)
{
	static const char alphabet[] = "NCTISRNChiCTRjRCTDRKSU1111KCTUMINEudraCTPACTR0123456789--//  \t:Nabcxyz5";
	static const char *const valid[] = {"NCT01234567", "nct 01234567", "EudraCT 2004-000123-45",
	"2023-501234-12-00", "isrctn 12345678", "see NCT01234567 and ISRCTN12345678"};
	unsigned	seed = 12345;
	char		buf[80];
	long		accepted = 0,
				rejected = 0,
				scanned = 0;

	for (int round = 0; round < 200000; round++)
	{
		size_t		len;
		char		out[TRIAL_ID_CANON_MAX];
		size_t		n,
					pos = 0,
					st;
		int			reg;
		msc_error	err;

		seed = seed * 1103515245u + 12345u;
		if (round % 2)
		{
			len = (seed >> 16) % 40;
			for (size_t i = 0; i < len; i++)
			{
				seed = seed * 1103515245u + 12345u;
				buf[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
			}
		}
		else
		{
			/* a valid identifier, one byte replaced in three rounds of four */
			const char *v = valid[(seed >> 16) % (sizeof(valid) / sizeof(valid[0]))];

			len = strlen(v);
			memcpy(buf, v, len);
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 4)
				buf[(seed >> 8) % len] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		buf[len] = '\0';
		if (trial_id_parse(buf, len, out, &n, &reg, &err))
		{
			char		again[TRIAL_ID_CANON_MAX];
			size_t		n2;
			int			reg2;

			accepted++;
			if (trial_id_registry(out, n) != reg ||
				!trial_id_parse(out, n, again, &n2, &reg2, &err) || n2 != n ||
				memcmp(again, out, n) != 0 || reg2 != reg)
			{
				CHECK(false, "fuzz: \"%s\" -> \"%s\" not canonical or not stable", buf, out);
				return;
			}
		}
		else if (err.errclass != MSC_ERR_SYNTAX || err.message[0] == '\0')
		{
			CHECK(false, "fuzz: \"%s\" wrong error class or no message", buf);
			return;
		}
		else
			rejected++;
		while (trial_id_next(buf, len, &pos, len, out, &n, &reg, &st))
		{
			scanned++;
			if (trial_id_registry(out, n) != reg)
			{
				CHECK(false, "fuzz scan: \"%s\" -> \"%s\" not canonical", buf, out);
				return;
			}
		}
	}
	/* both outcomes must have been exercised, or the rounds proved little */
	CHECK(accepted > 0 && rejected > 0 && scanned > 0,
		  "fuzz: %ld accepted, %ld rejected, %ld found by the scanner", accepted, rejected, scanned);
}

/*
 * Real text: ClinicalTrials.gov records of MSC trials.  Every row's own
 * NCT number (column 1) parses, is the first identifier the scanner finds
 * in the row, and whatever else is found in the free text is canonical.
 */
static void
real_text(void)
{
	char		path[1200];
	FILE	   *f = shared_data_open("trial_id: the real-text test of ctgov_msc_interventions.tsv",
									 "ctgov_msc_interventions.tsv", path, sizeof(path));
	char	   *line = NULL;
	size_t		cap = 1 << 20;
	long		rows = 0,
				others = 0;
	int			by_reg[TRIAL_REG_COUNT] = {0};
	bool		saw_cited = false;

	if (f == NULL)
		return;
	line = malloc(cap);
	if (fgets(line, (int) cap, f) == NULL)	/* header */
	{
		CHECK(false, "empty data file");
		fclose(f);
		free(line);
		return;
	}
	while (fgets(line, (int) cap, f))
	{
		size_t		len = strlen(line),
					tab,
					pos = 0,
					st,
					n;
		char		out[TRIAL_ID_CANON_MAX];
		int			reg;
		msc_error	err;
		bool		first = true;

		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		rows++;
		tab = strcspn(line, "\t");
		CHECK(trial_id_parse(line, tab, out, &n, &reg, &err) && reg == TRIAL_REG_CTGOV
			  && n == tab && memcmp(out, line, tab) == 0,
			  "row %ld: nct column \"%.*s\" not a canonical NCT number", rows, (int) tab, line);
		while (trial_id_next(line, len, &pos, len, out, &n, &reg, &st))
		{
			CHECK(trial_id_registry(out, n) == reg, "row %ld: \"%s\" not canonical", rows, out);
			if (first)
				CHECK(st == 0 && n == tab && memcmp(out, line, tab) == 0,
					  "row %ld: first id \"%s\" is not the row's own", rows, out);
			else
			{
				others++;
				by_reg[reg]++;
				if (strcmp(out, "NCT02652130") == 0)
					saw_cited = true;
			}
			first = false;
		}
	}
	fclose(f);
	free(line);
	CHECK(rows > 1000, "only %ld rows read", rows);
	CHECK(saw_cited, "NCT02652130, cited in a description, not found");
	printf("trial_id: real text: %ld rows, %ld identifiers in free text besides each row's own",
		   rows, others);
	for (int r = 1; r < TRIAL_REG_COUNT; r++)
		if (by_reg[r])
			printf("; %s %d", trial_registry_entry(r)->name, by_reg[r]);
	printf("\n");
}

int
main(void)
{
	static char big[100001];

	/* every registry's example is canonical, parses to itself, and says its registry */
	for (int r = 1; r < TRIAL_REG_COUNT; r++)
	{
		const trial_registry_info *e = trial_registry_entry(r);

		CHECK(e != NULL && e->code == r, "entry %d", r);
		accepts(e->example, e->example, r);
		CHECK(strlen(e->example) < TRIAL_ID_CANON_MAX, "example too long");
	}
	CHECK(trial_registry_entry(0) == NULL && trial_registry_entry(TRIAL_REG_COUNT) == NULL,
		  "entries out of range");

	/* ClinicalTrials.gov */
	accepts("NCT01234567", "NCT01234567", TRIAL_REG_CTGOV);
	accepts("nct01234567", "NCT01234567", TRIAL_REG_CTGOV);
	accepts("NCT 01234567", "NCT01234567", TRIAL_REG_CTGOV);
	accepts("NCT-01234567", "NCT01234567", TRIAL_REG_CTGOV);
	accepts("  Nct 01234567\t\n", "NCT01234567", TRIAL_REG_CTGOV);
	accepts("NCT \t 01234567", "NCT01234567", TRIAL_REG_CTGOV);
	/* EudraCT and EU CT */
	accepts("2004-000123-45", "2004-000123-45", TRIAL_REG_EUDRACT);
	accepts("EudraCT 2004-000123-45", "2004-000123-45", TRIAL_REG_EUDRACT);
	accepts("EudraCT: 2004-000123-45", "2004-000123-45", TRIAL_REG_EUDRACT);
	accepts("eudract:2004-000123-45", "2004-000123-45", TRIAL_REG_EUDRACT);
	accepts("EudraCT-2004-000123-45", "2004-000123-45", TRIAL_REG_EUDRACT);
	accepts("EUDRACT #2004-000123-45", "2004-000123-45", TRIAL_REG_EUDRACT);
	accepts("EUCTR2015-003324-32", "2015-003324-32", TRIAL_REG_EUDRACT);
	accepts("2099-123456-00", "2099-123456-00", TRIAL_REG_EUDRACT);
	accepts("2023-501234-12-00", "2023-501234-12-00", TRIAL_REG_CTIS);
	accepts("2022-500024-30-00", "2022-500024-30-00", TRIAL_REG_CTIS);
	accepts("CTIS2022-500024-30-00", "2022-500024-30-00", TRIAL_REG_CTIS);
	accepts("EU CT 2023-501234-12-00", "2023-501234-12-00", TRIAL_REG_CTIS);
	accepts("EUCT: 2023-501234-12-00", "2023-501234-12-00", TRIAL_REG_CTIS);
	/* ISRCTN, ChiCTR, ANZCTR, CTRI */
	accepts("isrctn 12345678", "ISRCTN12345678", TRIAL_REG_ISRCTN);
	accepts("ISRCTN-12345678", "ISRCTN12345678", TRIAL_REG_ISRCTN);
	accepts("chictr2000012345", "ChiCTR2000012345", TRIAL_REG_CHICTR);
	accepts("ChiCTR 2000012345", "ChiCTR2000012345", TRIAL_REG_CHICTR);
	accepts("ChiCTR-2000012345", "ChiCTR2000012345", TRIAL_REG_CHICTR);
	accepts("ChiCTR-TRC-12001933", "ChiCTR-TRC-12001933", TRIAL_REG_CHICTR);
	accepts("chictr-ior-17011183", "ChiCTR-IOR-17011183", TRIAL_REG_CHICTR);
	accepts("ChiCTR-ONRC-12002505", "ChiCTR-ONRC-12002505", TRIAL_REG_CHICTR);
	accepts("ChiCTR-TTRCC-13003835", "ChiCTR-TTRCC-13003835", TRIAL_REG_CHICTR);
	accepts("actrn12615000123456", "ACTRN12615000123456", TRIAL_REG_ANZCTR);
	accepts("ACTRN 12615000123456", "ACTRN12615000123456", TRIAL_REG_ANZCTR);
	accepts("CTRI/2017/03/007983", "CTRI/2017/03/007983", TRIAL_REG_CTRI);
	accepts("ctri/2008/091/000007", "CTRI/2008/091/000007", TRIAL_REG_CTRI);
	/* jRCT, DRKS, UTN */
	accepts("jRCT2031200123", "jRCT2031200123", TRIAL_REG_JRCT);
	accepts("JRCTS031180001", "jRCTs031180001", TRIAL_REG_JRCT);
	accepts("jrctb030190001", "jRCTb030190001", TRIAL_REG_JRCT);
	accepts("JPRN-jRCTs031180001", "jRCTs031180001", TRIAL_REG_JRCT);
	accepts("jRCT 1031180001", "jRCT1031180001", TRIAL_REG_JRCT);
	accepts("drks00012345", "DRKS00012345", TRIAL_REG_DRKS);
	accepts("DRKS 00012345", "DRKS00012345", TRIAL_REG_DRKS);
	accepts("u1111-1131-4384", "U1111-1131-4384", TRIAL_REG_UTN);
	/* other WHO primary registries */
	accepts("KCT 0001234", "KCT0001234", TRIAL_REG_CRIS);
	accepts("irct20180123038465n2", "IRCT20180123038465N2", TRIAL_REG_IRCT);
	accepts("IRCT138706211241N1", "IRCT138706211241N1", TRIAL_REG_IRCT);
	accepts("IRCT20111224008505N47", "IRCT20111224008505N47", TRIAL_REG_IRCT);
	accepts("PACTR 2010020001429343", "PACTR2010020001429343", TRIAL_REG_PACTR);
	accepts("PACTR201509001234567", "PACTR201509001234567", TRIAL_REG_PACTR);
	accepts("tctr20110000022", "TCTR20110000022", TRIAL_REG_TCTR);
	accepts("UMIN000012345", "UMIN000012345", TRIAL_REG_UMIN);
	accepts("umin 000012345", "UMIN000012345", TRIAL_REG_UMIN);
	accepts("JPRN-UMIN000012345", "UMIN000012345", TRIAL_REG_UMIN);
	accepts("rpcec00000139", "RPCEC00000139", TRIAL_REG_RPCEC);
	accepts("slctr/2010/008", "SLCTR/2010/008", TRIAL_REG_SLCTR);
	accepts("LBCTR2019020191", "LBCTR2019020191", TRIAL_REG_LBCTR);

	/* malformed input */
	rejects("", NULL);
	rejects("   ", NULL);
	rejects("\t\n", NULL);
	rejects_n(NULL, 0, NULL);
	rejects("NCT\x01" "01234567", "control character 0x01");
	rejects_n("NCT01234567\0", 12, "control character 0x00");
	memset(big, 'N', sizeof(big) - 1);
	rejects_n(big, sizeof(big) - 1, "100000 bytes");
	rejects("NaN", NULL);
	rejects("Infinity", NULL);
	rejects("-1", NULL);
	rejects("0", NULL);
	rejects("NCT1234567", "ClinicalTrials.gov identifiers are NCT followed by 8 digits");
	rejects("NCT012345678", "NCT followed by 8 digits");
	rejects("NCT0123456A", "NCT followed by 8 digits");
	rejects("NCTABCDEFGH", "NCT followed by 8 digits");
	rejects("NCT", "NCT followed by 8 digits");
	rejects("NCT--01234567", "NCT followed by 8 digits");
	rejects("NCT01234567 NCT07654321", "holds 2 identifiers (NCT01234567, NCT07654321)");
	rejects("NCT01234567,ISRCTN12345678", "holds 2 identifiers (NCT01234567, ISRCTN12345678)");
	rejects("see NCT01234567", "holds the identifier NCT01234567 with other text");
	rejects("NCT01234567.", "holds the identifier NCT01234567");
	rejects("xNCT01234567", NULL);
	rejects("2003-000123-45", "2004 to 2099");
	rejects("2100-000123-45", "2004 to 2099");
	rejects("2004-00123-45", "EudraCT numbers are YYYY-NNNNNN-CC");
	rejects("2004-000123-4", "EudraCT numbers are YYYY-NNNNNN-CC");
	rejects("04-000123-45", NULL);
	rejects("2004/000123/45", NULL);
	rejects("2004-000123-45-01", "serial beginning with 5");
	rejects("2023-403456-12-00", "serial beginning with 5");
	rejects("2023-503456-12", "EU CT number, which has four parts");
	rejects("2021-503456-12-00", "2022 to 2099");
	rejects("2023-503456-12-0", "EudraCT numbers are YYYY-NNNNNN-CC");
	rejects("EudraCT", "EudraCT numbers are");
	rejects("EudraCT 2004", "EudraCT numbers are");
	rejects("ACTRN1261500012345", "ANZCTR identifiers are ACTRN followed by 14 digits");
	rejects("ISRCTN1234567", "ISRCTN followed by 8 digits");
	rejects("ISCRTN12345678", NULL);
	rejects("ChiCTR200001234", "ChiCTR followed by 10 digits");
	rejects("ChiCTR-TR-12001933", "ChiCTR");
	rejects("ChiCTR-TRCCCC-12001933", "ChiCTR");
	rejects("ChiCTR-TRC-1200193", "ChiCTR");
	rejects("CTRI/2006/091/000007", "the year (2007 to 2099)");
	rejects("CTRI/2017/3/007983", "CTRI");
	rejects("CTRI 2017/03/007983", "CTRI");
	rejects("jRCTs0311800012", "jRCT followed by 10 digits");
	rejects("jRCT203120012", "jRCT");
	rejects("jRCTss031180001", "jRCT");
	rejects("DRKS0001234", "DRKS followed by 8 digits");
	rejects("U1111-123-4567", "U1111-NNNN-NNNN");
	rejects("U2222-1234-5678", NULL);
	rejects("KCT000123", "KCT followed by 7 digits");
	rejects("IRCT20180123038465", "IRCT followed by");
	rejects("IRCT2018012303846511111N2", "IRCT followed by");
	rejects("IRCT20180123038465N", "IRCT followed by");
	rejects("PACTR20150900123456", "PACTR followed by 15 or 16 digits");
	rejects("TCTR2018032000", "TCTR followed by 11 digits");
	rejects("UMIN00012345", "UMIN followed by 9 digits");
	rejects("JPRN-C000000079", NULL);
	rejects("RPCEC0000012", "RPCEC");
	rejects("SLCTR/2018/12", "SLCTR");
	rejects("LBCTR201901234", "LBCTR");
	rejects("NCT０1234567", "NCT followed by 8 digits");
	rejects("\xe2\x80\x9cNCT01234567\xe2\x80\x9d", "holds the identifier NCT01234567");
	rejects("NCT 01234567 extra", "holds the identifier NCT01234567");

	/* only canonical text is canonical */
	not_canonical("nct01234567");
	not_canonical("NCT 01234567");
	not_canonical("EudraCT 2004-000123-45");
	not_canonical(" NCT01234567");
	not_canonical("JRCTs031180001");
	not_canonical("jRCTS031180001");
	not_canonical("ChiCTR-trc-12001933");
	not_canonical("CHICTR2000012345");
	not_canonical("JPRN-UMIN000012345");
	not_canonical("IRCT20180123038465n2");
	not_canonical("");
	CHECK(trial_id_registry(NULL, 0) == TRIAL_REG_INVALID, "NULL canonical");

	/* URLs */
	url_is("NCT01234567", "https://clinicaltrials.gov/study/NCT01234567");
	url_is("2004-000123-45", "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2004-000123-45");
	url_is("2023-501234-12-00", "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=2023-501234-12-00");
	url_is("ISRCTN12345678", "https://www.isrctn.com/ISRCTN12345678");
	url_is("ACTRN12615000123456", "https://www.anzctr.org.au/ACTRN12615000123456.aspx");
	url_is("DRKS00012345", "https://drks.de/search/en/trial/DRKS00012345");
	url_is("U1111-1234-5678", NULL);
	url_is("ChiCTR2000012345", "https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2000012345");
	url_is("CTRI/2017/03/007983", "https://trialsearch.who.int/Trial2.aspx?TrialID=CTRI/2017/03/007983");
	url_is("jRCTs031180001", "https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-jRCTs031180001");
	url_is("UMIN000012345", "https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-UMIN000012345");
	url_is("KCT0001234", "https://trialsearch.who.int/Trial2.aspx?TrialID=KCT0001234");
	url_is("nct01234567", NULL);
	url_is("PMID:31234567", "https://pubmed.ncbi.nlm.nih.gov/31234567/");
	url_is("LOCAL-SMITH2019", NULL);

	/* trials without registration: the PMID of the report, or a local id */
	accepts("PMID:31234567", "PMID:31234567", TRIAL_REG_PUBMED);
	accepts("pmid 31234567", "PMID:31234567", TRIAL_REG_PUBMED);
	accepts("PMID: 7", "PMID:7", TRIAL_REG_PUBMED);
	accepts("PMID-123456789", "PMID:123456789", TRIAL_REG_PUBMED);
	rejects("PMID:031234567", "PubMed identifiers are PMID:");
	rejects("PMID:1234567890", "PubMed identifiers are PMID:");
	rejects("PMID:", "PubMed identifiers are PMID:");
	rejects("PMID:12a", "PubMed identifiers are PMID:");
	not_canonical("PMID 31234567");
	not_canonical("PMID:031234567");
	accepts("LOCAL-SMITH2019", "LOCAL-SMITH2019", TRIAL_REG_LOCAL);
	accepts("local smith-2019-knee", "LOCAL-SMITH-2019-KNEE", TRIAL_REG_LOCAL);
	accepts("Local:Smith2019", "LOCAL-SMITH2019", TRIAL_REG_LOCAL);
	accepts("LOCAL-ABCDEFGHIJKLMNOPQRSTUVWX", "LOCAL-ABCDEFGHIJKLMNOPQRSTUVWX", TRIAL_REG_LOCAL);
	rejects("LOCAL-ABCDEFGHIJKLMNOPQRSTUVWXY", "local identifiers are LOCAL-");
	rejects("LOCAL-ABCDEFGHIJKL-NOPQRSTUVWXY", "local identifiers are LOCAL-");
	rejects("LOCAL-", "local identifiers are LOCAL-");
	rejects("LOCAL-SMITH--2019", "local identifiers are LOCAL-");
	rejects("LOCAL-SMITH-", "local identifiers are LOCAL-");
	rejects("LOCAL-SMITH 2019", "local identifiers are LOCAL-");
	rejects("LOCAL-SMITH_2019", "local identifiers are LOCAL-");
	not_canonical("LOCAL-smith2019");
	not_canonical("LOCAL:SMITH2019");
	/* a PMID or local id in free text is not a registration: not found */
	scans("Smith 2019 (PMID: 31234567), LOCAL-SMITH2019, NCT01234567", "NCT01234567");
	for (int r = 1; r < TRIAL_REG_COUNT; r++)
	{
		const trial_registry_info *e = trial_registry_entry(r);
		char		url[TRIAL_ID_URL_MAX];

		CHECK(trial_id_url(e->example, strlen(e->example), url, sizeof(url)) == (e->url_prefix != NULL),
			  "url of %s", e->example);
		CHECK(!trial_id_url(e->example, strlen(e->example), url, 10), "url into a small buffer");
	}

	/* free text */
	scans("", "");
	scans("no identifiers here", "");
	scans("NCT01234567", "NCT01234567");
	scans("Registered at ClinicalTrials.gov (NCT01234567) and ISRCTN (ISRCTN12345678).",
		  "NCT01234567|ISRCTN12345678");
	scans("NCT012345678", "");
	scans("xNCT01234567", "");
	scans("NCT01234567x", "");
	scans("1NCT01234567", "");
	scans("NCT01234567_2", "NCT01234567");
	scans("NCT01234567,NCT07654321;nct 01234567", "NCT01234567|NCT07654321|NCT01234567");
	scans("trial NCT 01234567, also nct-07654321.", "NCT01234567|NCT07654321");
	scans("2023-503456-12-00", "2023-503456-12-00");
	scans("EU CT 2023-503456-12-00 (formerly EudraCT 2019-001234-56)",
		  "2023-503456-12-00|2019-001234-56");
	scans("2023-503456-12", "");
	scans("2004-000123-45-01", "");
	scans("2004-000123-45-GB", "2004-000123-45");
	scans("EUCTR2004-000123-45-GB", "2004-000123-45");
	scans("CTIS2022-500024-30-00", "2022-500024-30-00");
	scans("EudraCT:2004-000123-45, EudraCT number 2005-000123-45",
		  "2004-000123-45|2005-000123-45");
	scans("12004-000123-45", "");
	scans("2004-000123-456", "");
	scans("JPRN-jRCTs031180001 and JPRN-UMIN000012345", "jRCTs031180001|UMIN000012345");
	scans("ChiCTR-TRC-12001933; ChiCTR2000029308", "ChiCTR-TRC-12001933|ChiCTR2000029308");
	scans("CTRI/2020/01/023001.", "CTRI/2020/01/023001");
	scans("UTN U1111-1131-4384", "U1111-1131-4384");
	scans("IRCT2016080318745N10 IRCT20181201041815N", "IRCT2016080318745N10");
	scans("PACTR202406532417953 and PACTR 2010020001429343", "PACTR202406532417953|PACTR2010020001429343");
	scans("\xe2\x80\x9cNCT01234567\xe2\x80\x9d \xe2\x80\x94 DRKS00012345", "NCT01234567|DRKS00012345");
	scans("ACTRN12615000123456p", "");
	scans("NCT 0123456789 NCT01234567", "NCT01234567");
	scans("see (KCT0001234), TCTR20180320001; SLCTR/2018/012, LBCTR2019012345 RPCEC00000123",
		  "KCT0001234|TCTR20180320001|SLCTR/2018/012|LBCTR2019012345|RPCEC00000123");

	fuzz();
	real_text();
	return unit_report("trial_id");
}
