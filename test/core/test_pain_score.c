/* Unit tests of the pain_score catalogue, parser, formatter and functions. */
#include "unit.h"
#include "pain_score.h"
#include "msc_text.h"

#include <math.h>

static const char *
fmt(pain_score_t s)
{
	static char buf[PAIN_SCORE_TEXT_MAX];

	pain_score_format(s, buf, sizeof(buf));
	return buf;
}

/* in parses, and its canonical text is want */
static void
accepts(const char *in, const char *want)
{
	pain_score_t s = -1;
	msc_error	err;
	bool		ok = pain_score_parse(in, strlen(in), &s, &err);

	CHECK(ok && strcmp(fmt(s), want) == 0, "\"%s\" -> ok=%d \"%s\" (want \"%s\") %s %s",
		  in, ok, ok ? fmt(s) : "", want, err.message, err.detail);
}

/* in fails with errclass; the message names the type or the instrument */
static void
rejects_len(const char *in, size_t len, msc_errclass errclass)
{
	pain_score_t s = -1;
	msc_error	err;
	bool		ok = pain_score_parse(in, len, &s, &err);

	CHECK(!ok && err.errclass == errclass && err.message[0] && err.hint[0],
		  "\"%.40s\" should fail with class %d (ok=%d class=%d \"%s\" %s)",
		  in ? in : "(null)", errclass, ok, err.errclass, ok ? fmt(s) : "", err.message);
}

static void
rejects(const char *in, msc_errclass errclass)
{
	rejects_len(in, strlen(in), errclass);
}

/* the detail of a rejected input contains fragment */
static void
rejects_saying(const char *in, const char *fragment)
{
	pain_score_t s;
	msc_error	err;
	bool		ok = pain_score_parse(in, strlen(in), &s, &err);

	CHECK(!ok && (strstr(err.detail, fragment) || strstr(err.message, fragment)),
		  "\"%s\": want \"%s\" in \"%s\" / \"%s\"", in, fragment, err.message, err.detail);
}

static void
makes(const char *inst, const char *num, const char *want)
{
	pain_score_t s = -1;
	msc_error	err;
	bool		ok = pain_score_make(inst, strlen(inst), num, strlen(num), &s, &err);

	CHECK(ok && strcmp(fmt(s), want) == 0, "make(%s, %s) -> ok=%d \"%s\" (want %s) %s",
		  inst, num, ok, ok ? fmt(s) : "", want, err.message);
}

static void
make_fails(const char *inst, const char *num, msc_errclass errclass)
{
	pain_score_t s = -1;
	msc_error	err;
	bool		ok = pain_score_make(inst, strlen(inst), num, strlen(num), &s, &err);

	CHECK(!ok && err.errclass == errclass && err.message[0],
		  "make(%s, %s) should fail with %d (ok=%d class=%d %s)", inst, num, errclass,
		  ok, err.errclass, err.message);
}

static pain_score_t
P(const char *in)
{
	pain_score_t s = -1;
	msc_error	err;

	if (!pain_score_parse(in, strlen(in), &s, &err))
		fprintf(stderr, "P(%s): %s\n", in, err.message);
	return s;
}

static void
rescales(const char *in, const char *to, const char *want)
{
	pain_score_t s = -1;
	msc_error	err;
	bool		ok = pain_score_rescale(P(in), to, strlen(to), &s, &err);

	CHECK(ok && strcmp(fmt(s), want) == 0, "rescale(%s, %s) -> ok=%d %s (want %s) %s",
		  in, to, ok, ok ? fmt(s) : "", want, err.message);
}

static void
rescale_fails(const char *in, const char *to, msc_errclass errclass)
{
	pain_score_t s = -1;
	msc_error	err;
	bool		ok = pain_score_rescale(P(in), to, strlen(to), &s, &err);

	CHECK(!ok && err.errclass == errclass && err.hint[0],
		  "rescale(%s, %s) should fail with %d (ok=%d class=%d %s)", in, to, errclass,
		  ok, err.errclass, err.message);
}

static void
severity_is(const char *in, double want)
{
	double		got = pain_score_severity(P(in));

	CHECK(fabs(got - want) < 1e-12, "severity(%s) = %.17g, want %.17g", in, got, want);
}

static void
test_catalogue(void)
{
	int			n = 0;

	for (int c = 1; c < PAIN_INSTRUMENT_COUNT; c++)
	{
		const pain_instrument *in = pain_instrument_by_code(c);
		char		hintname[64];

		CHECK(in != NULL && in->code == c, "code %d", c);
		CHECK(in->min == 0 && in->max > in->min, "%s range", in->name);
		CHECK(in->label[0] && in->unit_name[0], "%s label/unit", in->name);
		CHECK(in->has_mcid == (in->mcid_source != NULL), "%s mcid source", in->name);
		CHECK(pain_instrument_lookup(in->name, strlen(in->name)) == in, "lookup %s", in->name);
		for (const char *const *a = in->aliases; a && *a; a++)
			CHECK(pain_instrument_lookup(*a, strlen(*a)) == in, "alias %s of %s", *a, in->name);
		/* every alias names only its own instrument */
		for (int d = 1; d < PAIN_INSTRUMENT_COUNT; d++)
		{
			const pain_instrument *other = pain_instrument_by_code(d);
			char		key[MSC_KEY_MAX];

			if (d == c)
				continue;
			for (const char *const *a = in->aliases; a && *a; a++)
			{
				msc_normalize(*a, strlen(*a), key, sizeof(key));
				CHECK(!msc_key_equals(key, other->name), "alias %s of %s is the name %s",
					  *a, in->name, other->name);
				for (const char *const *b = other->aliases; b && *b; b++)
					CHECK(!msc_key_equals(key, *b), "alias %s of %s and %s", *a, in->name, other->name);
			}
		}
		/* the hint lists every instrument, in code order */
		snprintf(hintname, sizeof(hintname), c == 1 ? " %s," : c == PAIN_INSTRUMENT_COUNT - 1 ? " %s;" : " %s,", in->name);
		CHECK(strstr(pain_instruments_hint, hintname) != NULL, "hint lists %s", in->name);
		n++;
	}
	CHECK(n == 20, "20 instruments, got %d", n);
	CHECK(pain_instrument_by_code(0) == NULL && pain_instrument_by_code(21) == NULL &&
		  pain_instrument_by_code(-1) == NULL, "codes outside the catalogue");
	CHECK(pain_instrument_by_code(PAIN_NRS)->mcid == 2000, "nrs mcid");
	CHECK(pain_instrument_by_code(PAIN_WOMAC_FUNCTION)->mcid == 6188, "womac_function mcid");
	CHECK(!pain_instrument_by_code(PAIN_WOMAC_PAIN)->has_mcid, "womac_pain has no mcid");
	CHECK(pain_instrument_by_code(PAIN_ODI)->unit == PAIN_UNIT_PERCENT, "odi unit");
	CHECK(!pain_instrument_by_code(PAIN_KOOS_QOL)->higher_is_worse, "koos better");
	CHECK(pain_instrument_lookup("VAS pain", 8)->code == PAIN_VAS, "VAS pain");
	CHECK(pain_instrument_lookup("pain NRS", 8)->code == PAIN_NRS, "pain NRS");
	CHECK(pain_instrument_lookup("WOMAC pain subscale", 19)->code == PAIN_WOMAC_PAIN, "womac pain subscale");
	CHECK(pain_instrument_lookup("WOMAC pain score", 16)->code == PAIN_WOMAC_PAIN, "womac pain score");
	CHECK(pain_instrument_lookup("pain relief score", 17)->code == PAIN_PAIN_RELIEF, "pain relief score");
	CHECK(pain_instrument_lookup("BPI pain", 8) == NULL, "BPI pain is ambiguous");
	CHECK(pain_instrument_lookup("WOMAC", 5) == NULL, "WOMAC alone is ambiguous");
	CHECK(pain_instrument_lookup("pain", 4) == NULL, "pain alone");
	CHECK(pain_instrument_lookup("pain score", 10) == NULL, "pain score alone");
	CHECK(pain_instrument_lookup("KOOS", 4) == NULL, "KOOS alone");
	CHECK(pain_instrument_lookup("", 0) == NULL, "empty");
}

static void
test_accepts(void)
{
	accepts("nrs:7", "nrs:7");
	accepts("NRS:7", "nrs:7");
	accepts("  nrs : 7  ", "nrs:7");
	accepts("nrs = 7", "nrs:7");
	accepts("nrs=7", "nrs:7");
	accepts("NRS 7", "nrs:7");
	accepts("\tNRS\n7\n", "nrs:7");
	accepts("nrs:0", "nrs:0");
	accepts("nrs:10", "nrs:10");
	accepts("nrs:7.0000", "nrs:7");
	accepts("nrs:07", "nrs:7");
	accepts("nrs:7.", "nrs:7");
	accepts("nrs:.5", "nrs:0.5");
	accepts("nrs:7.125", "nrs:7.125");
	accepts("nrs:7.120", "nrs:7.12");
	accepts("nrs:7.1250000000000000000000", "nrs:7.125");
	accepts("nrs:0.001", "nrs:0.001");
	accepts("nrs:9.999", "nrs:9.999");
	accepts("nrs:10.000", "nrs:10");
	accepts("NRS 7/10", "nrs:7");
	accepts("NRS 7 / 10", "nrs:7");
	accepts("7/10 NRS", "nrs:7");
	accepts("7/10NRS", "nrs:7");
	accepts("7 / 10 nrs", "nrs:7");
	accepts("7 NRS", "nrs:7");
	accepts("7.5/10.0 NRS", "nrs:7.5");
	accepts("NRS 7 points", "nrs:7");
	accepts("nrs:7pts", "nrs:7");
	accepts("7 points NRS", "nrs:7");
	accepts("NPRS 4", "nrs:4");
	accepts("NPS: 4", "nrs:4");
	accepts("NRS-11 4", "nrs:4");
	accepts("nrs_11:4", "nrs:4");
	accepts("numeric rating scale 4", "nrs:4");
	accepts("Numerical Rating Scale: 4", "nrs:4");
	accepts("numeric pain rating scale 4", "nrs:4");
	accepts("pain NRS 6", "nrs:6");
	accepts("NRS pain 6", "nrs:6");
	accepts("nrs pain score: 6", "nrs:6");
	accepts("vas:45.5", "vas:45.5");
	accepts("vas:45.125", "vas:45.125");
	accepts("VAS 45 mm", "vas:45");
	accepts("VAS 45mm", "vas:45");
	accepts("vas:45 MM", "vas:45");
	accepts("VAS 4.5 cm", "vas:45");
	accepts("VAS 4.5cm", "vas:45");
	accepts("VAS 4.5555 cm", "vas:45.555");
	accepts("VAS 10 cm", "vas:100");
	accepts("VAS 45 millimetres", "vas:45");
	accepts("VAS 4.5 centimeters", "vas:45");
	accepts("45 mm VAS", "vas:45");
	accepts("4.5 cm VAS", "vas:45");
	accepts("45/100 VAS", "vas:45");
	accepts("VAS 45/100 mm", "vas:45");
	accepts("VAS 4.5/10 cm", "vas:45");
	accepts("visual analogue scale 45", "vas:45");
	accepts("Visual Analog Scale: 45", "vas:45");
	accepts("VAS pain 45", "vas:45");
	accepts("vas:0", "vas:0");
	accepts("vas:100", "vas:100");
	accepts("womac_pain:12", "womac_pain:12");
	accepts("WOMAC pain 12", "womac_pain:12");
	accepts("womac-pain:12", "womac_pain:12");
	accepts("WOMAC_Pain 12", "womac_pain:12");
	accepts("WOMAC pain subscale 12", "womac_pain:12");
	accepts("WOMAC stiffness 4", "womac_stiffness:4");
	accepts("WOMAC function 30", "womac_function:30");
	accepts("WOMAC physical function: 30.5", "womac_function:30.5");
	accepts("WOMAC total 48", "womac_total:48");
	accepts("womac_total:96", "womac_total:96");
	accepts("WOMAC pain VA 250", "womac_pain_va:250");
	accepts("womac_pain_va:500", "womac_pain_va:500");
	accepts("KOOS pain 75", "koos_pain:75");
	accepts("koos symptoms: 60", "koos_symptoms:60");
	accepts("KOOS ADL 80", "koos_adl:80");
	accepts("KOOS activities of daily living 80", "koos_adl:80");
	accepts("KOOS sport/rec 40", "koos_sport:40");
	accepts("KOOS sport and recreation: 40", "koos_sport:40");
	accepts("KOOS QoL 37.5", "koos_qol:37.5");
	accepts("KOOS quality of life 37.5 points", "koos_qol:37.5");
	accepts("ODI 38%", "odi:38");
	accepts("ODI 38 %", "odi:38");
	accepts("odi:38", "odi:38");
	accepts("38% ODI", "odi:38");
	accepts("ODI 38 percent", "odi:38");
	accepts("ODI 38 points", "odi:38");
	accepts("Oswestry 38", "odi:38");
	accepts("Oswestry Disability Index: 38%", "odi:38");
	accepts("RMDQ 12", "rmdq:12");
	accepts("RDQ 12", "rmdq:12");
	accepts("Roland-Morris 12", "rmdq:12");
	accepts("Roland Morris 12", "rmdq:12");
	accepts("roland_morris:12", "rmdq:12");
	accepts("Roland-Morris Disability Questionnaire 12", "rmdq:12");
	accepts("12/24 RMDQ", "rmdq:12");
	accepts("BPI severity 5.25", "bpi_severity:5.25");
	accepts("BPI pain severity: 5", "bpi_severity:5");
	accepts("BPI interference 3", "bpi_interference:3");
	accepts("bpi-interference:3", "bpi_interference:3");
	accepts("Lysholm 84", "lysholm:84");
	accepts("Lysholm knee score: 84", "lysholm:84");
	accepts("IKDC 62.1", "ikdc:62.1");
	accepts("IKDC subjective knee form 62.1", "ikdc:62.1");
	accepts("patient global 30", "patient_global:30");
	accepts("Patient's global assessment: 30", "patient_global:30");
	accepts("PtGA 30", "patient_global:30");
	accepts("pain relief 3", "pain_relief:3");
	accepts("pain_relief:4", "pain_relief:4");
	accepts("pain relief score 2", "pain_relief:2");
}

static void
test_rejects(void)
{
	static char big[100001];

	/* malformed: 22P02 */
	rejects("", MSC_ERR_SYNTAX);
	rejects("   ", MSC_ERR_SYNTAX);
	rejects("\t\n", MSC_ERR_SYNTAX);
	rejects("7", MSC_ERR_SYNTAX);
	rejects("7.5", MSC_ERR_SYNTAX);
	rejects("7/10", MSC_ERR_SYNTAX);
	rejects("45 mm", MSC_ERR_SYNTAX);
	rejects("nrs", MSC_ERR_SYNTAX);
	rejects("nrs:", MSC_ERR_SYNTAX);
	rejects(":7", MSC_ERR_SYNTAX);
	rejects("nrs::7", MSC_ERR_SYNTAX);
	rejects("nrs:7:8", MSC_ERR_SYNTAX);
	rejects("nrs:7 8", MSC_ERR_SYNTAX);
	rejects("nrs 7 8", MSC_ERR_SYNTAX);
	rejects("nrs:7, vas:40", MSC_ERR_SYNTAX);
	rejects("nrs:7 vas:40", MSC_ERR_SYNTAX);
	rejects("7 8 nrs", MSC_ERR_SYNTAX);
	rejects("foo:7", MSC_ERR_SYNTAX);
	rejects("pain:7", MSC_ERR_SYNTAX);
	rejects("womac:12", MSC_ERR_SYNTAX);
	rejects("koos:50", MSC_ERR_SYNTAX);
	rejects("BPI 5", MSC_ERR_SYNTAX);
	rejects("nrs:NaN", MSC_ERR_SYNTAX);
	rejects("nrs NaN", MSC_ERR_SYNTAX);
	rejects("nrs:Infinity", MSC_ERR_SYNTAX);
	rejects("nrs:-Infinity", MSC_ERR_SYNTAX);
	rejects("vas inf", MSC_ERR_SYNTAX);
	rejects("nrs:-1", MSC_ERR_SYNTAX);
	rejects("nrs:-0", MSC_ERR_SYNTAX);
	rejects("nrs -7", MSC_ERR_SYNTAX);
	rejects("-7 nrs", MSC_ERR_SYNTAX);
	rejects("nrs:+7", MSC_ERR_SYNTAX);
	rejects("nrs:7e0", MSC_ERR_SYNTAX);
	rejects("nrs:7E+0", MSC_ERR_SYNTAX);
	rejects("vas:4.5e1", MSC_ERR_SYNTAX);
	rejects("7e0 nrs", MSC_ERR_SYNTAX);
	rejects("nrs:0x7", MSC_ERR_SYNTAX);
	rejects("vas:1,000", MSC_ERR_SYNTAX);
	rejects("vas:45,5", MSC_ERR_SYNTAX);
	rejects("vas:45'5", MSC_ERR_SYNTAX);
	rejects("nrs:7.1234", MSC_ERR_SYNTAX);
	rejects("nrs:7.0001", MSC_ERR_SYNTAX);
	rejects("nrs:0.0005", MSC_ERR_SYNTAX);
	rejects("vas:45.5555", MSC_ERR_SYNTAX);
	rejects("VAS 4.55555 cm", MSC_ERR_SYNTAX);
	rejects("nrs:7.00000000000000000001", MSC_ERR_SYNTAX);
	rejects("nrs:.", MSC_ERR_SYNTAX);
	rejects("nrs:7..5", MSC_ERR_SYNTAX);
	rejects("nrs:7.5.1", MSC_ERR_SYNTAX);
	rejects("NRS 7 mm", MSC_ERR_SYNTAX);
	rejects("NRS 7 cm", MSC_ERR_SYNTAX);
	rejects("NRS 7%", MSC_ERR_SYNTAX);
	rejects("VAS 45 kg", MSC_ERR_SYNTAX);
	rejects("VAS 45 points", MSC_ERR_SYNTAX);
	rejects("VAS 45%", MSC_ERR_SYNTAX);
	rejects("ODI 38 mm", MSC_ERR_SYNTAX);
	rejects("KOOS pain 75%", MSC_ERR_SYNTAX);
	rejects("45 kg VAS", MSC_ERR_SYNTAX);
	rejects("7/100 NRS", MSC_ERR_SYNTAX);
	rejects("NRS 7/100", MSC_ERR_SYNTAX);
	rejects("NRS 7/", MSC_ERR_SYNTAX);
	rejects("NRS 7/-10", MSC_ERR_SYNTAX);
	rejects("45/10 VAS", MSC_ERR_SYNTAX);
	rejects("VAS 4.5/100 cm", MSC_ERR_SYNTAX);
	rejects("7/10/10 NRS", MSC_ERR_SYNTAX);
	rejects("nrs:seven", MSC_ERR_SYNTAX);
	rejects("nrs:(7)", MSC_ERR_SYNTAX);
	rejects("nrs:\"7\"", MSC_ERR_SYNTAX);
	rejects("nrs:7;", MSC_ERR_SYNTAX);
	rejects("nrs7", MSC_ERR_SYNTAX);
	rejects("nrs:\xC2\xBD", MSC_ERR_SYNTAX);	/* ½ */
	rejects("nrs:\xD9\xA7", MSC_ERR_SYNTAX);	/* Arabic-Indic seven */
	rejects("nrs:7\x01", MSC_ERR_SYNTAX);
	rejects("\x1b[31mnrs:7", MSC_ERR_SYNTAX);
	rejects_len("nrs:7\0", 6, MSC_ERR_SYNTAX);
	rejects_len(NULL, 0, MSC_ERR_SYNTAX);
	memset(big, '7', sizeof(big) - 1);
	memcpy(big, "nrs:", 4);
	rejects_len(big, sizeof(big) - 1, MSC_ERR_SYNTAX);

	/* out of range: 22003 */
	rejects("nrs:11", MSC_ERR_RANGE);
	rejects("nrs:10.001", MSC_ERR_RANGE);
	rejects("NRS 11/10", MSC_ERR_RANGE);
	rejects("vas:100.5", MSC_ERR_RANGE);
	rejects("VAS 10.5 cm", MSC_ERR_RANGE);
	rejects("VAS 45 cm", MSC_ERR_RANGE);
	rejects("womac_pain:21", MSC_ERR_RANGE);
	rejects("womac_stiffness:9", MSC_ERR_RANGE);
	rejects("womac_function:69", MSC_ERR_RANGE);
	rejects("womac_total:97", MSC_ERR_RANGE);
	rejects("womac_pain_va:501", MSC_ERR_RANGE);
	rejects("ODI 101%", MSC_ERR_RANGE);
	rejects("rmdq:25", MSC_ERR_RANGE);
	rejects("pain_relief:5", MSC_ERR_RANGE);
	rejects("nrs:99999999999999999999999", MSC_ERR_RANGE);
	rejects("nrs:4294967.296", MSC_ERR_RANGE);
	rejects("nrs:4294967296", MSC_ERR_RANGE);
	rejects("VAS 99999999999 cm", MSC_ERR_RANGE);

	/* what the details say */
	rejects_saying("7", "No instrument");
	rejects_saying("nrs", "No score value");
	rejects_saying("foo:7", "\"foo\" is not a known instrument");
	rejects_saying("nrs:NaN", "NaN and Infinity");
	rejects_saying("nrs:-1", "without a sign");
	rejects_saying("nrs:7e0", "Exponents");
	rejects_saying("nrs:0x7", "Hexadecimal");
	rejects_saying("vas:1,000", "thousands separators");
	rejects_saying("nrs:7.1234", "at most three decimals");
	rejects_saying("NRS 7 mm", "\"mm\" is not a unit of nrs, which is scored in points");
	rejects_saying("VAS 45 kg", "\"kg\" is not a unit of vas, which is scored in mm (or cm)");
	rejects_saying("ODI 38 mm", "scored in % (or points)");
	rejects_saying("7/100 NRS", "The denominator \"100\" is not the maximum of nrs: nrs runs from 0 to 10");
	rejects_saying("nrs:7 8", "Unexpected \"8\" after the score");
	rejects_saying("nrs:11", "value \"nrs:11\" is out of range for pain_score: nrs runs from 0 to 10");
	rejects_saying("VAS 12 cm", "vas runs from 0 to 100 mm");
	rejects_saying("ODI 120%", "odi runs from 0 to 100%");
	rejects_saying("nrs:7\x01", "control character 0x01");
	rejects_saying("WOMAC 12", "WOMAC has several subscales");
	rejects_saying("koos:50", "KOOS has several subscales");
	rejects_saying("BPI 5", "bpi_severity or bpi_interference");
	rejects_saying("nrs 7 vas", "Unexpected \"vas\"");
}

static void
test_format_roundtrip(void)
{
	char		buf[PAIN_SCORE_TEXT_MAX];
	static const uint32_t values[] = {0, 1, 10, 100, 999, 1000, 1001, 1010, 1100,
		4000, 7125, 45500, 45125, 68000, 99999, 100000, 500000};

	pain_format_thousandths(0, buf, sizeof(buf));
	CHECK(strcmp(buf, "0") == 0, "0 -> %s", buf);
	pain_format_thousandths(1, buf, sizeof(buf));
	CHECK(strcmp(buf, "0.001") == 0, "1 -> %s", buf);
	pain_format_thousandths(10, buf, sizeof(buf));
	CHECK(strcmp(buf, "0.01") == 0, "10 -> %s", buf);
	pain_format_thousandths(45500, buf, sizeof(buf));
	CHECK(strcmp(buf, "45.5") == 0, "45500 -> %s", buf);
	pain_format_thousandths(UINT32_MAX, buf, sizeof(buf));
	CHECK(strcmp(buf, "4294967.295") == 0, "max -> %s", buf);
	CHECK(pain_score_format(pain_score_pack(0, 1), buf, sizeof(buf)) == 0 && buf[0] == '\0', "invalid code formats empty");
	CHECK(pain_score_format(pain_score_pack(99, 1), buf, sizeof(buf)) == 0, "unknown code formats empty");

	/* every valid value of every instrument on a grid re-parses to itself */
	for (int c = 1; c < PAIN_INSTRUMENT_COUNT; c++)
	{
		const pain_instrument *in = pain_instrument_by_code(c);
		int			bad = 0;

		for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		{
			pain_score_t s = pain_score_pack(c, values[i]);
			pain_score_t back = -1;
			msc_error	err;

			if (values[i] > in->max)
			{
				CHECK(!pain_score_valid(s), "%s %u invalid", in->name, values[i]);
				continue;
			}
			CHECK(pain_score_valid(s), "%s %u valid", in->name, values[i]);
			pain_score_format(s, buf, sizeof(buf));
			if (!pain_score_parse(buf, strlen(buf), &back, &err) || back != s)
				bad++;
		}
		for (uint32_t v = in->min; v <= in->max; v += 37)
		{
			pain_score_t s = pain_score_pack(c, v);
			pain_score_t back = -1;
			msc_error	err;

			pain_score_format(s, buf, sizeof(buf));
			if (!pain_score_parse(buf, strlen(buf), &back, &err) || back != s)
				bad++;
		}
		CHECK(bad == 0, "%s: %d values do not round-trip", in->name, bad);
	}
	/* ordering: by instrument, then value */
	CHECK(P("nrs:10") < P("vas:0"), "nrs before vas");
	CHECK(P("vas:45.5") < P("vas:45.501"), "by value");
	CHECK(P("pain_relief:0") > P("patient_global:100"), "catalogue order");
	CHECK(P("nrs:7") == P("7/10 NRS"), "equal spellings");
	CHECK(!pain_score_valid(-1) && !pain_score_valid(pain_score_pack(1, 10001)), "invalid");
}

static void
test_make(void)
{
	makes("nrs", "7", "nrs:7");
	makes("NRS", "7.50", "nrs:7.5");
	makes("numeric rating scale", "7.000000", "nrs:7");
	makes("vas", "45.125", "vas:45.125");
	makes("vas", "0", "vas:0");
	makes("Oswestry", "38", "odi:38");
	makes("womac_function", "68", "womac_function:68");
	makes("nrs", "0.0010", "nrs:0.001");
	make_fails("foo", "7", MSC_ERR_PARAM);
	make_fails("", "7", MSC_ERR_PARAM);
	make_fails("nrs", "NaN", MSC_ERR_PARAM);
	make_fails("nrs", "7.1234", MSC_ERR_PARAM);
	make_fails("nrs", "0.0001", MSC_ERR_PARAM);
	make_fails("nrs", "11", MSC_ERR_RANGE);
	make_fails("nrs", "-1", MSC_ERR_RANGE);
	make_fails("nrs", "-0.5", MSC_ERR_RANGE);
	make_fails("nrs", "Infinity", MSC_ERR_RANGE);
	make_fails("nrs", "-Infinity", MSC_ERR_RANGE);
	make_fails("nrs", "100000000000000000000000000000", MSC_ERR_RANGE);
	make_fails("vas", "100.001", MSC_ERR_RANGE);
	make_fails("nrs", "7x", MSC_ERR_PARAM);
}

static void
test_functions(void)
{
	severity_is("nrs:0", 0);
	severity_is("nrs:7", 70);
	severity_is("nrs:10", 100);
	severity_is("nrs:3.3", 33);
	severity_is("vas:45.5", 45.5);
	severity_is("womac_pain:12", 60);
	severity_is("womac_function:17", 25);
	severity_is("womac_pain_va:125", 25);
	severity_is("koos_pain:75", 25);
	severity_is("koos_qol:0", 100);
	severity_is("odi:38", 38);
	severity_is("rmdq:6", 25);
	severity_is("lysholm:84", 16);
	severity_is("ikdc:100", 0);
	severity_is("pain_relief:1", 75);
	severity_is("pain_relief:4", 0);
	severity_is("patient_global:30", 30);

	rescales("nrs:7", "vas", "vas:70");
	rescales("nrs:7.125", "VAS", "vas:71.25");
	rescales("nrs:10", "visual analogue scale", "vas:100");
	rescales("vas:45", "nrs", "nrs:4.5");
	rescales("vas:45.55", "nrs", "nrs:4.555");
	rescales("vas:100", "NPRS", "nrs:10");
	rescales("vas:0", "nrs", "nrs:0");
	rescales("nrs:7", "nrs", "nrs:7");
	rescales("womac_pain:12", "womac_pain", "womac_pain:12");
	rescale_fails("vas:45.555", "nrs", MSC_ERR_RANGE);
	rescale_fails("vas:0.001", "nrs", MSC_ERR_RANGE);
	rescale_fails("nrs:7", "bpi_severity", MSC_ERR_PARAM);
	rescale_fails("womac_pain:12", "koos_pain", MSC_ERR_PARAM);
	rescale_fails("odi:40", "vas", MSC_ERR_PARAM);
	rescale_fails("nrs:7", "foo", MSC_ERR_PARAM);
	{
		pain_score_t s;
		msc_error	err;

		pain_score_rescale(P("vas:45.555"), "nrs", 3, &s, &err);
		CHECK(strstr(err.message, "gives 4.5555,") != NULL, "%s", err.message);
		pain_score_rescale(P("vas:0.001"), "nrs", 3, &s, &err);
		CHECK(strstr(err.message, "gives 0.0001,") != NULL, "%s", err.message);
		pain_score_rescale(P("odi:40"), "vas", 3, &s, &err);
		CHECK(strstr(err.hint, "only") || strstr(err.hint, "Only"), "%s", err.hint);
	}
}

static void
test_typmod(void)
{
	const char *one[] = {"nrs"};
	const char *alias[] = {"Oswestry"};
	const char *unknown[] = {"foo"};
	const char *two[] = {"nrs", "vas"};
	const char *empty[] = {""};
	int32_t		t = -1;
	msc_error	err;

	CHECK(pain_score_typmod_parse(one, 1, &t, &err) && t == PAIN_NRS, "nrs typmod %d", t);
	CHECK(pain_score_typmod_parse(alias, 1, &t, &err) && t == PAIN_ODI, "odi typmod %d", t);
	CHECK(!pain_score_typmod_parse(unknown, 1, &t, &err) && err.errclass == MSC_ERR_PARAM && err.hint[0], "unknown typmod");
	CHECK(!pain_score_typmod_parse(two, 2, &t, &err) && err.errclass == MSC_ERR_PARAM, "two typmods");
	CHECK(!pain_score_typmod_parse(one, 0, &t, &err) && err.errclass == MSC_ERR_PARAM, "no typmod");
	CHECK(!pain_score_typmod_parse(empty, 1, &t, &err) && err.errclass == MSC_ERR_PARAM, "empty typmod");

	CHECK(pain_score_check_typmod(P("nrs:7"), -1, &err), "no typmod");
	CHECK(pain_score_check_typmod(P("nrs:7"), PAIN_NRS, &err), "nrs fits nrs");
	CHECK(!pain_score_check_typmod(P("vas:45"), PAIN_NRS, &err) && err.errclass == MSC_ERR_PARAM &&
		  strcmp(err.message, "value \"vas:45\" does not fit pain_score(nrs)") == 0 &&
		  strstr(err.hint, "rescale") != NULL, "vas in nrs: %s", err.message);
	CHECK(!pain_score_check_typmod(P("odi:38"), PAIN_NRS, &err) && err.errclass == MSC_ERR_PARAM &&
		  err.hint[0], "odi in nrs: %s", err.message);
	CHECK(!pain_score_check_typmod(P("nrs:7"), 99, &err) && err.errclass == MSC_ERR_PARAM, "bad typmod");
}

/*
 * Random strings built from the pieces of the grammar: no crash, no
 * sanitizer report, and whatever parses formats to text that parses to the
 * same score.
 */
static void
test_random(void)
{
	static const char *const bits[] = {
		"nrs", "vas", "NRS", "VAS", "womac", "pain", "koos", "odi", "ODI",
		"Roland-Morris", "pain relief", ":", "=", " ", "  ", "\t", "/", "/10",
		"/100", "7", "45", "4.5", ".", "0", "10", "100", "1000", "0.001",
		"99999999999", "mm", "cm", "%", "points", "kg", "e", "E5", "x", ",",
		"-", "+", "NaN", "Infinity", "\xC2\xBD", "\xE2\x80\x99", "'",
	};
	uint32_t	seed = 12345;
	int			parsed = 0,
				bad = 0;

	for (int i = 0; i < 200000; i++)
	{
		char		in[PAIN_SCORE_MAX_INPUT + 64];
		size_t		n = 0;
		int			k;
		pain_score_t s,
					back;
		msc_error	err;

		seed = seed * 1103515245u + 12345u;
		k = 1 + (int) ((seed >> 16) % 6);
		in[0] = '\0';
		while (k-- > 0)
		{
			const char *b;

			seed = seed * 1103515245u + 12345u;
			b = bits[(seed >> 16) % (sizeof(bits) / sizeof(bits[0]))];
			if (n + strlen(b) >= sizeof(in))
				break;
			memcpy(in + n, b, strlen(b));
			n += strlen(b);
		}
		in[n] = '\0';
		if (pain_score_parse(in, n, &s, &err))
		{
			char		buf[PAIN_SCORE_TEXT_MAX];

			parsed++;
			pain_score_format(s, buf, sizeof(buf));
			if (!pain_score_valid(s) || !pain_score_parse(buf, strlen(buf), &back, &err) || back != s)
			{
				bad++;
				fprintf(stderr, "random: \"%s\" -> \"%s\" does not round-trip\n", in, buf);
			}
		}
		else if (err.errclass == MSC_OK || !err.message[0])
		{
			bad++;
			fprintf(stderr, "random: \"%s\" failed without a message\n", in);
		}
	}
	CHECK(bad == 0 && parsed > 1000, "random: %d parsed, %d bad", parsed, bad);
}

int
main(void)
{
	test_catalogue();
	test_accepts();
	test_rejects();
	test_format_roundtrip();
	test_make();
	test_functions();
	test_typmod();
	test_random();
	return unit_report("pain_score");
}
