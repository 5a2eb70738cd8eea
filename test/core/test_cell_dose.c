/* Unit tests of the cell_dose parser, formatter and comparison. */
#include "unit.h"
#include "cell_dose.h"

#include <stdlib.h>

static msc_cell_dose
make(long long mantissa, int exponent, bool per_kg)
{
	msc_cell_dose d;

	memset(&d, 0, sizeof(d));
	d.mantissa = mantissa;
	d.exponent = (int16_t) exponent;
	d.flags = per_kg ? MSC_CELL_DOSE_PER_KG : 0;
	return d;
}

/* in parses to mantissa × 10^exponent, and formats as text. */
static void
accepts(const char *in, long long mantissa, int exponent, bool per_kg, const char *text)
{
	msc_cell_dose d;
	msc_cell_dose again;
	msc_error	err;
	char		buf[MSC_CELL_DOSE_TEXT_MAX];
	bool		ok = msc_cell_dose_parse(in, strlen(in), &d, &err);

	CHECK(ok && d.mantissa == mantissa && d.exponent == exponent &&
		  msc_cell_dose_is_per_kg(&d) == per_kg,
		  "\"%s\" -> ok=%d %llde%d kg=%d (want %llde%d kg=%d) %s %s", in, ok,
		  ok ? (long long) d.mantissa : 0, ok ? d.exponent : 0,
		  ok ? msc_cell_dose_is_per_kg(&d) : 0, mantissa, exponent, per_kg,
		  err.message, err.detail);
	if (!ok)
		return;
	CHECK(msc_cell_dose_check(&d, &err), "\"%s\" parsed to an invalid value: %s", in, err.message);
	msc_cell_dose_format(&d, buf, sizeof(buf));
	CHECK(strcmp(buf, text) == 0, "\"%s\" formats as \"%s\" (want \"%s\")", in, buf, text);
	/* the output re-parses to the same bytes */
	ok = msc_cell_dose_parse(buf, strlen(buf), &again, &err);
	CHECK(ok && memcmp(&d, &again, sizeof(d)) == 0 && msc_cell_dose_cmp(&d, &again) == 0,
		  "\"%s\" does not round-trip through \"%s\"", in, buf);
}

static void
rejects(const char *in, size_t len, msc_errclass cls)
{
	msc_cell_dose d;
	msc_error	err;
	bool		ok = msc_cell_dose_parse(in, len, &d, &err);

	CHECK(!ok && err.errclass == cls && err.message[0] && err.hint[0],
		  "\"%.60s\" should be rejected with class %d (got ok=%d class %d: %s)",
		  in ? in : "(null)", cls, ok, err.errclass, err.message);
}

static void
rejects_s(const char *in, msc_errclass cls)
{
	rejects(in, strlen(in), cls);
}

static void
from_decimal(const char *in, bool per_kg, bool ok_expected, long long mantissa,
			 int exponent, msc_errclass cls)
{
	msc_cell_dose d;
	msc_error	err;
	bool		ok = msc_cell_dose_from_decimal(in, strlen(in), per_kg, &d, &err);

	if (ok_expected)
		CHECK(ok && d.mantissa == mantissa && d.exponent == exponent &&
			  msc_cell_dose_is_per_kg(&d) == per_kg,
			  "from_decimal(\"%s\") -> ok=%d %s", in, ok, err.message);
	else
		CHECK(!ok && err.errclass == cls && err.message[0],
			  "from_decimal(\"%s\") should fail with class %d (got ok=%d class %d)",
			  in, cls, ok, err.errclass);
}

static void
check_rejects(msc_cell_dose d, const char *what)
{
	msc_error	err;

	CHECK(!msc_cell_dose_check(&d, &err) && err.message[0], "check accepts %s", what);
}

static int
cmp_text(const char *a, const char *b)
{
	msc_cell_dose x;
	msc_cell_dose y;
	msc_error	err;

	if (!msc_cell_dose_parse(a, strlen(a), &x, &err) ||
		!msc_cell_dose_parse(b, strlen(b), &y, &err))
	{
		fprintf(stderr, "cmp_text: cannot parse %s or %s\n", a, b);
		return 99;
	}
	return msc_cell_dose_cmp(&x, &y);
}

int
main(void)
{
	static char big[100001];
	char		buf[MSC_CELL_DOSE_TEXT_MAX];
	msc_cell_dose d;
	msc_error	err;

	CHECK(sizeof(msc_cell_dose) == 16, "sizeof(msc_cell_dose) = %zu", sizeof(msc_cell_dose));

	/* scientific notation */
	accepts("5e7", 5, 7, false, "5e7 cells");
	accepts("5E+07", 5, 7, false, "5e7 cells");
	accepts("5e+7", 5, 7, false, "5e7 cells");
	accepts("50e6", 5, 7, false, "5e7 cells");
	accepts("0.5e8", 5, 7, false, "5e7 cells");
	accepts(".5e8", 5, 7, false, "5e7 cells");
	accepts("5.e7", 5, 7, false, "5e7 cells");
	accepts("500000000e-1", 5, 7, false, "5e7 cells");
	accepts("+5e7", 5, 7, false, "5e7 cells");
	accepts("1.5e6", 15, 5, false, "1.5e6 cells");
	accepts("1.50000e6", 15, 5, false, "1.5e6 cells");
	accepts("10e8", 1, 9, false, "1e9 cells");
	accepts("5e7cells", 5, 7, false, "5e7 cells");
	/* times ten to the power */
	accepts("5x10^7 cells", 5, 7, false, "5e7 cells");
	accepts("5 x 10^7", 5, 7, false, "5e7 cells");
	accepts("5 X 10 ^ 7", 5, 7, false, "5e7 cells");
	accepts("5 \xC3\x97 10^7", 5, 7, false, "5e7 cells");
	accepts("5\xC3\x97" "10^7", 5, 7, false, "5e7 cells");
	accepts("5*10^7", 5, 7, false, "5e7 cells");
	accepts("5\xC2\xB7" "10^7", 5, 7, false, "5e7 cells");
	accepts("5 \xE2\x8B\x85 10^7", 5, 7, false, "5e7 cells");
	accepts("5\xE2\x88\x97" "10^7", 5, 7, false, "5e7 cells");	/* ∗ U+2217 */
	accepts("5x10^+7", 5, 7, false, "5e7 cells");
	accepts("500 x 10^5", 5, 7, false, "5e7 cells");
	accepts("5000 x 10^-2", 5, 1, false, "5e1 cells");
	accepts("5000 x 10^\xE2\x88\x92" "2", 5, 1, false, "5e1 cells");
	accepts("5 \xC3\x97 10\xE2\x81\xB7", 5, 7, false, "5e7 cells");	/* 10⁷ */
	accepts("1.2\xC3\x97" "10\xC2\xB9\xC2\xB2", 12, 11, false, "1.2e12 cells");	/* 10¹² */
	accepts("5000\xC3\x97" "10\xE2\x81\xBB\xC2\xB2", 5, 1, false, "5e1 cells");	/* 10⁻² */
	accepts("2 \xC3\x97 10\xE2\x81\xBA\xE2\x81\xB6", 2, 6, false, "2e6 cells");	/* 10⁺⁶ */
	accepts("10^8", 1, 8, false, "1e8 cells");
	accepts("10 ^ 8 cells", 1, 8, false, "1e8 cells");
	accepts("10\xE2\x81\xB8", 1, 8, false, "1e8 cells");
	accepts("10^0", 1, 0, false, "1e0 cells");
	accepts("10^15", 1, 15, false, "1e15 cells");
	/* words and letters */
	accepts("50 million", 5, 7, false, "5e7 cells");
	accepts("50 Million cells", 5, 7, false, "5e7 cells");
	accepts("50M", 5, 7, false, "5e7 cells");
	accepts("50m", 5, 7, false, "5e7 cells");
	accepts("50 M cells", 5, 7, false, "5e7 cells");
	accepts("1.5 billion", 15, 8, false, "1.5e9 cells");
	accepts("1.5B", 15, 8, false, "1.5e9 cells");
	accepts("1.5 bn", 15, 8, false, "1.5e9 cells");
	accepts("2.5 thousand", 25, 2, false, "2.5e3 cells");
	accepts("2.5k", 25, 2, false, "2.5e3 cells");
	accepts("1 trillion", 1, 12, false, "1e12 cells");
	accepts("0.5 million", 5, 5, false, "5e5 cells");
	accepts("5 millions", 5, 6, false, "5e6 cells");
	accepts("1.5 billions", 15, 8, false, "1.5e9 cells");
	accepts("50 mln", 5, 7, false, "5e7 cells");
	accepts("50 mln. cells", 5, 7, false, "5e7 cells");
	accepts("50 Mio", 5, 7, false, "5e7 cells");
	accepts("50 Mio. MSCs", 5, 7, false, "5e7 cells");
	/* plain and grouped integers */
	accepts("100000000", 1, 8, false, "1e8 cells");
	accepts("100,000,000", 1, 8, false, "1e8 cells");
	accepts("1,000", 1, 3, false, "1e3 cells");
	accepts("12,345,678 cells", 12345678, 0, false, "1.2345678e7 cells");
	accepts("1,500 million", 15, 8, false, "1.5e9 cells");
	accepts("1,000,000.0", 1, 6, false, "1e6 cells");
	accepts("1", 1, 0, false, "1e0 cells");
	accepts("007", 7, 0, false, "7e0 cells");
	/* units */
	accepts("5e7 cell", 5, 7, false, "5e7 cells");
	accepts("5e7 MSCs", 5, 7, false, "5e7 cells");
	accepts("5e7 msc", 5, 7, false, "5e7 cells");
	accepts("5e7 viable cells", 5, 7, false, "5e7 cells");
	accepts("50 million viable MSCs", 5, 7, false, "5e7 cells");
	accepts("  5e7\tcells \n", 5, 7, false, "5e7 cells");
	accepts("\xC2\xA0" "5\xE2\x80\xAF\xC3\x97\xE2\x80\x89" "10^7", 5, 7, false, "5e7 cells");
	/* per kilogram */
	accepts("1.5e6 cells/kg", 15, 5, true, "1.5e6 cells/kg");
	accepts("2 million cells/kg", 2, 6, true, "2e6 cells/kg");
	accepts("2 x 10^6/kg", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 cells per kg", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 cells/kg body weight", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 cells / kg", 2, 6, true, "2e6 cells/kg");
	accepts("2E6 CELLS/KG", 2, 6, true, "2e6 cells/kg");
	accepts("2e6/kg", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 per kilogram", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 MSCs/kg bw", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 cells/kg bodyweight", 2, 6, true, "2e6 cells/kg");
	accepts("2e6 cells per kg of body weight", 2, 6, true, "2e6 cells/kg");
	accepts("1.5 cells/kg", 15, -1, true, "1.5e0 cells/kg");
	accepts("1 cells/kg", 1, 0, true, "1e0 cells/kg");
	accepts("1e13/kg", 1, 13, true, "1e13 cells/kg");
	accepts("1.00000000000000001 cells/kg", 100000000000000001LL, -17, true,
			"1.00000000000000001e0 cells/kg");
	/* limits of the mantissa */
	accepts("123456789012345678e-5/kg", 123456789012345678LL, -5, true,
			"1.23456789012345678e12 cells/kg");
	accepts("999999999999999", 999999999999999LL, 0, false, "9.99999999999999e14 cells");
	accepts("1e15", 1, 15, false, "1e15 cells");
	accepts("1000000000000000", 1, 15, false, "1e15 cells");
	accepts("0.000000000000000000000000001e27", 1, 0, false, "1e0 cells");
	accepts("1.000000000000000000000000000000000000", 1, 0, false, "1e0 cells");

	/* malformed: 22P02 */
	rejects(NULL, 0, MSC_ERR_SYNTAX);
	rejects_s("", MSC_ERR_SYNTAX);
	rejects_s("   ", MSC_ERR_SYNTAX);
	rejects_s("\t\n", MSC_ERR_SYNTAX);
	rejects("5e7\0", 4, MSC_ERR_SYNTAX);
	rejects_s("5e7\x01", MSC_ERR_SYNTAX);
	rejects_s("\x1b[1m5e7", MSC_ERR_SYNTAX);
	memset(big, '5', sizeof(big) - 1);
	rejects(big, sizeof(big) - 1, MSC_ERR_SYNTAX);
	rejects_s("NaN", MSC_ERR_SYNTAX);
	rejects_s("Infinity", MSC_ERR_SYNTAX);
	rejects_s("-Infinity", MSC_ERR_SYNTAX);
	rejects_s("inf", MSC_ERR_SYNTAX);
	rejects_s("5e7 mL", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells/g", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells/knee", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells per", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells/", MSC_ERR_SYNTAX);
	rejects_s("5 x 10^", MSC_ERR_SYNTAX);
	rejects_s("5 x 10", MSC_ERR_SYNTAX);
	rejects_s("5 x 10 cells", MSC_ERR_SYNTAX);
	rejects_s("5 x 100^7", MSC_ERR_SYNTAX);
	rejects_s("5 x 10.0^7", MSC_ERR_SYNTAX);
	rejects_s("5 x 10^7.5", MSC_ERR_SYNTAX);
	rejects_s("5 x 10^ - 7", MSC_ERR_SYNTAX);
	rejects_s("5 x ^7", MSC_ERR_SYNTAX);
	rejects_s("5 x", MSC_ERR_SYNTAX);
	rejects_s("5x10e7", MSC_ERR_SYNTAX);
	rejects_s("5 x 10E7", MSC_ERR_SYNTAX);
	rejects_s("x10^7", MSC_ERR_SYNTAX);
	rejects_s("10^", MSC_ERR_SYNTAX);
	rejects_s("2^10", MSC_ERR_SYNTAX);
	rejects_s("100^4", MSC_ERR_SYNTAX);
	rejects_s("5e", MSC_ERR_SYNTAX);
	rejects_s("5e+", MSC_ERR_SYNTAX);
	rejects_s("5 e7", MSC_ERR_SYNTAX);
	rejects_s("5e 7", MSC_ERR_SYNTAX);
	rejects_s("5e7.5", MSC_ERR_SYNTAX);
	rejects_s("5e7 5e7", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells 5e7 cells", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells/kg/kg", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells/kg cells", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells cells", MSC_ERR_SYNTAX);
	rejects_s("two million", MSC_ERR_SYNTAX);
	rejects_s("million", MSC_ERR_SYNTAX);
	rejects_s("cells", MSC_ERR_SYNTAX);
	rejects_s("5 million million", MSC_ERR_SYNTAX);
	rejects_s("5e7 million", MSC_ERR_SYNTAX);
	rejects_s("5 x 10^7 million", MSC_ERR_SYNTAX);
	rejects_s("5 mln mln", MSC_ERR_SYNTAX);
	rejects_s("5 mln..", MSC_ERR_SYNTAX);
	rejects_s("5 million.", MSC_ERR_SYNTAX);
	rejects_s("50Mcells", MSC_ERR_SYNTAX);
	rejects_s("0x1A", MSC_ERR_SYNTAX);
	rejects_s("0x10", MSC_ERR_SYNTAX);
	rejects_s("--5e7", MSC_ERR_SYNTAX);
	rejects_s("+-5e7", MSC_ERR_SYNTAX);
	rejects_s("- 5e7", MSC_ERR_SYNTAX);
	rejects_s("5e7%", MSC_ERR_SYNTAX);
	rejects_s("~5e7", MSC_ERR_SYNTAX);
	rejects_s("5e7 \xC2\xB1 1e6", MSC_ERR_SYNTAX);
	rejects_s("5-10 million", MSC_ERR_SYNTAX);
	rejects_s("1,5 million", MSC_ERR_SYNTAX);
	rejects_s("1,50,00,000", MSC_ERR_SYNTAX);
	rejects_s("1000,000", MSC_ERR_SYNTAX);
	rejects_s("0,500", MSC_ERR_SYNTAX);
	rejects_s("1,0000", MSC_ERR_SYNTAX);
	rejects_s("1,000.5,5", MSC_ERR_SYNTAX);
	rejects_s("1.000.000", MSC_ERR_SYNTAX);
	rejects_s("100 000 000", MSC_ERR_SYNTAX);
	rejects_s(",000", MSC_ERR_SYNTAX);
	rejects_s(".", MSC_ERR_SYNTAX);
	rejects_s(".e7", MSC_ERR_SYNTAX);
	rejects_s("viable", MSC_ERR_SYNTAX);
	rejects_s("5e7 viable", MSC_ERR_SYNTAX);
	rejects_s("5e7 viablecells", MSC_ERR_SYNTAX);
	rejects_s("5e7 per kgbw", MSC_ERR_SYNTAX);
	rejects_s("5e7 cells/kg body", MSC_ERR_SYNTAX);
	rejects_s("\xEF\xBC\x95" "e7", MSC_ERR_SYNTAX);	/* fullwidth 5 */
	/* too many significant digits: never rounded */
	rejects_s("123456789.0123456789/kg", MSC_ERR_SYNTAX);
	rejects_s("1234567890123456789", MSC_ERR_RANGE);
	rejects_s("1.234567890123456789e10 cells/kg", MSC_ERR_SYNTAX);
	rejects_s("1.000000000000000001 cells/kg", MSC_ERR_SYNTAX);

	/* out of range: 22003 */
	rejects_s("0", MSC_ERR_RANGE);
	rejects_s("0e7", MSC_ERR_RANGE);
	rejects_s("0 cells/kg", MSC_ERR_RANGE);
	rejects_s("0.000", MSC_ERR_RANGE);
	rejects_s("-0", MSC_ERR_RANGE);
	rejects_s("-5e7", MSC_ERR_RANGE);
	rejects_s("\xE2\x88\x92" "5e7", MSC_ERR_RANGE);
	rejects_s("-1.5e6 cells/kg", MSC_ERR_RANGE);
	rejects_s("0.5", MSC_ERR_RANGE);
	rejects_s("0.5 cells/kg", MSC_ERR_RANGE);
	rejects_s("5 x 10^-1", MSC_ERR_RANGE);
	rejects_s("1.5 cells", MSC_ERR_RANGE);
	rejects_s("1.2345e3", MSC_ERR_RANGE);
	rejects_s("1.2345k", MSC_ERR_RANGE);
	rejects_s("1.0000001e6", MSC_ERR_RANGE);
	rejects_s("1.0000000000000001e15", MSC_ERR_RANGE);
	rejects_s("1.1e15", MSC_ERR_RANGE);
	rejects_s("2e15", MSC_ERR_RANGE);
	rejects_s("1e16", MSC_ERR_RANGE);
	rejects_s("1.1e13 cells/kg", MSC_ERR_RANGE);
	rejects_s("1e14/kg", MSC_ERR_RANGE);
	rejects_s("5e400", MSC_ERR_RANGE);
	rejects_s("5e-400", MSC_ERR_RANGE);
	rejects_s("5e99999999999999999999999", MSC_ERR_RANGE);
	rejects_s("5e-99999999999999999999999", MSC_ERR_RANGE);
	rejects_s("5 x 10^99999999999999999999", MSC_ERR_RANGE);
	rejects_s("10^16", MSC_ERR_RANGE);
	rejects_s("1000 trillion trillion", MSC_ERR_SYNTAX);
	rejects_s("123456789012345678901234567890", MSC_ERR_RANGE);

	/* the detail of the ambiguous 10e7 names it */
	CHECK(!msc_cell_dose_parse("5x10e7", 6, &d, &err) && strstr(err.detail, "ambiguous"),
		  "5x10e7 detail: %s", err.detail);
	CHECK(!msc_cell_dose_parse("0", 1, &d, &err) && strstr(err.hint, "NULL"),
		  "zero hint: %s", err.hint);
	CHECK(!msc_cell_dose_parse("5e7 mL", 6, &d, &err) && strstr(err.detail, "\"mL\""),
		  "5e7 mL detail: %s", err.detail);

	/* formatting of stored values */
	d = make(5, 7, false);
	msc_cell_dose_format(&d, buf, sizeof(buf));
	CHECK(strcmp(buf, "5e7 cells") == 0, "format %s", buf);
	d = make(123456789012345678LL, -17, true);
	msc_cell_dose_format(&d, buf, sizeof(buf));
	CHECK(strcmp(buf, "1.23456789012345678e0 cells/kg") == 0, "format %s", buf);
	msc_cell_dose_number_text(&d, buf, sizeof(buf));
	CHECK(strcmp(buf, "123456789012345678e-17") == 0, "number text %s", buf);
	d = make(15, 5, true);
	msc_cell_dose_number_text(&d, buf, sizeof(buf));
	CHECK(strcmp(buf, "15e5") == 0, "number text %s", buf);

	/* ordering: absolute before per kg, then exact value */
	CHECK(cmp_text("5e7", "50 million") == 0, "5e7 = 50 million");
	CHECK(cmp_text("5e7", "5e7/kg") < 0, "absolute < per kg");
	CHECK(cmp_text("1e15", "1/kg") < 0, "largest absolute < smallest per kg");
	CHECK(cmp_text("5e7", "6e7") < 0, "5e7 < 6e7");
	CHECK(cmp_text("9e7", "1e8") < 0, "9e7 < 1e8");
	CHECK(cmp_text("99999999", "1e8") < 0, "99999999 < 1e8");
	CHECK(cmp_text("1e8", "99999999") > 0, "1e8 > 99999999");
	CHECK(cmp_text("1.5e6", "1.05e6") > 0, "1.5e6 > 1.05e6");
	CHECK(cmp_text("1.05e6", "1.5e6") < 0, "1.05e6 < 1.5e6");
	CHECK(cmp_text("15e5", "1500001") < 0, "15e5 < 1500001");
	CHECK(cmp_text("1.00000000000000001/kg", "1/kg") > 0, "just above 1/kg");
	CHECK(cmp_text("123456789012345678e-5/kg", "123456789012345679e-5/kg") < 0, "last digit");
	CHECK(cmp_text("1e0", "1e15") < 0, "1 < 1e15");
	CHECK(cmp_text("2e6/kg", "2e6/kg") == 0, "equal per kg");

	/* a stored value is checked: canonical form, flags, padding, range */
	d = make(5, 7, false);
	CHECK(msc_cell_dose_check(&d, &err), "5e7 valid: %s", err.message);
	d = make(1, 15, false);
	CHECK(msc_cell_dose_check(&d, &err), "1e15 valid: %s", err.message);
	d = make(1, 13, true);
	CHECK(msc_cell_dose_check(&d, &err), "1e13/kg valid: %s", err.message);
	d = make(15, -1, true);
	CHECK(msc_cell_dose_check(&d, &err), "1.5/kg valid: %s", err.message);
	check_rejects(make(50, 6, false), "trailing zero");
	check_rejects(make(0, 0, false), "zero");
	check_rejects(make(-5, 7, false), "negative");
	check_rejects(make(15, -1, false), "fractional absolute");
	check_rejects(make(5, -1, true), "below one per kg");
	check_rejects(make(11, 14, false), "above 1e15");
	check_rejects(make(2, 15, false), "2e15");
	check_rejects(make(1, 16, false), "1e16");
	check_rejects(make(11, 12, true), "above 1e13/kg");
	check_rejects(make(1234567890123456789LL, -10, true), "19 digits");
	check_rejects(make(INT64_MAX, 0, true), "INT64_MAX");
	check_rejects(make(INT64_MIN, 0, true), "INT64_MIN");
	check_rejects(make(5, INT16_MAX, false), "huge exponent");
	check_rejects(make(5, INT16_MIN, true), "tiny exponent");
	d = make(5, 7, false);
	d.flags = 2;
	check_rejects(d, "unknown flag");
	d = make(5, 7, false);
	d.pad[4] = 1;
	check_rejects(d, "padding");

	/* comparison never overflows on garbage */
	{
		msc_cell_dose a = make(INT64_MAX, INT16_MAX, false);
		msc_cell_dose b = make(INT64_MIN, INT16_MIN, false);

		CHECK(msc_cell_dose_cmp(&a, &b) != 0, "garbage compares");
		CHECK(msc_cell_dose_cmp(&a, &a) == 0, "garbage equals itself");
	}

	/* from a numeric's text */
	from_decimal("50000000", false, true, 5, 7, MSC_OK);
	from_decimal("1.50", true, true, 15, -1, MSC_OK);
	from_decimal("1500000.000", true, true, 15, 5, MSC_OK);
	from_decimal("1", false, true, 1, 0, MSC_OK);
	from_decimal("1000000000000000", false, true, 1, 15, MSC_OK);
	from_decimal("NaN", false, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("Infinity", false, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("-Infinity", false, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("", false, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("1,000", false, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("5e7 cells", false, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("1.0000000000000000001", true, false, 0, 0, MSC_ERR_PARAM);
	from_decimal("0", false, false, 0, 0, MSC_ERR_RANGE);
	from_decimal("0.000", true, false, 0, 0, MSC_ERR_RANGE);
	from_decimal("-50000000", false, false, 0, 0, MSC_ERR_RANGE);
	from_decimal("0.5", true, false, 0, 0, MSC_ERR_RANGE);
	from_decimal("1.5", false, false, 0, 0, MSC_ERR_RANGE);
	from_decimal("10000000000000", true, true, 1, 13, MSC_OK);
	from_decimal("10000000000001", true, false, 0, 0, MSC_ERR_RANGE);
	from_decimal("1000000000000001", false, false, 0, 0, MSC_ERR_RANGE);
	{
		/* a numeric of 2000 digits is read without a buffer and refused */
		char	   *longnum = malloc(2002);

		memset(longnum, '9', 2001);
		longnum[2001] = '\0';
		from_decimal(longnum, false, false, 0, 0, MSC_ERR_RANGE);
		longnum[0] = '0';
		longnum[1] = '.';
		from_decimal(longnum, true, false, 0, 0, MSC_ERR_RANGE);
		free(longnum);
	}

	/*
	 * Random token soup: whatever is accepted is a valid stored value that
	 * formats and re-parses to the same bytes; nothing crashes (ASan/UBSan).
	 */
	{
		static const char *const tokens[] = {
			"0", "1", "5", "9", "10", "000", ".", ",", "e", "E", "-", "+", " ",
			"x", "*", "^", "\xC3\x97", "\xE2\x81\xB7", "\xE2\x81\xBB", "\xC2\xB9",
			"cells", "MSCs", "viable", "/", "kg", "per", "body weight", "bw",
			"million", "M", "k", "billion", "\xC2\xA0", "\xE2\x88\x92", "\xC3", "%"
		};
		const int	ntok = (int) (sizeof(tokens) / sizeof(tokens[0]));
		unsigned long seed = 12345;
		int			accepted = 0;
		int			bad = 0;

		for (int iter = 0; iter < 200000; iter++)
		{
			char		in[MSC_CELL_DOSE_MAX_INPUT + 1];
			size_t		len = 0;
			int			ntoks;
			msc_cell_dose again;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			ntoks = 1 + (int) ((seed >> 33) % 8);
			for (int t = 0; t < ntoks; t++)
			{
				const char *tok;

				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				tok = tokens[(seed >> 33) % (unsigned long) ntok];
				if (len + strlen(tok) >= sizeof(in))
					break;
				memcpy(in + len, tok, strlen(tok));
				len += strlen(tok);
			}
			if (!msc_cell_dose_parse(in, len, &d, &err))
			{
				if (!err.message[0] || err.errclass == MSC_OK)
					bad++;
				continue;
			}
			accepted++;
			msc_cell_dose_format(&d, buf, sizeof(buf));
			if (!msc_cell_dose_check(&d, &err) ||
				!msc_cell_dose_parse(buf, strlen(buf), &again, &err) ||
				memcmp(&d, &again, sizeof(d)) != 0)
			{
				bad++;
				fprintf(stderr, "soup: \"%.*s\" -> %s\n", (int) len, in, buf);
			}
		}
		CHECK(bad == 0 && accepted > 100, "token soup: %d accepted, %d bad", accepted, bad);
	}

	/*
	 * The comparison agrees with an independent one: the value written
	 * with fixed decimal places (16 integer and 17 fraction digits) and
	 * compared as a string, after the per-kg flag.
	 */
	{
		unsigned long seed = 777;
		int			disagree = 0;

		for (int iter = 0; iter < 100000; iter++)
		{
			msc_cell_dose v[2];
			char		fixed[2][40];

			for (int k = 0; k < 2; k++)
			{
				char		in[64];

				do
				{
					int			ndig;
					char		digits[24];

					seed = seed * 6364136223846793005UL + 1442695040888963407UL;
					ndig = 1 + (int) ((seed >> 33) % 18);
					for (int i = 0; i < ndig; i++)
					{
						seed = seed * 6364136223846793005UL + 1442695040888963407UL;
						/* few distinct digits, so that ties happen */
						digits[i] = (char) ('0' + (seed >> 33) % 3);
					}
					digits[ndig] = '\0';
					seed = seed * 6364136223846793005UL + 1442695040888963407UL;
					snprintf(in, sizeof(in), "%se%d%s", digits, (int) ((seed >> 33) % 34) - 18,
							 ((seed >> 40) & 1) ? "/kg" : "");
				} while (!msc_cell_dose_parse(in, strlen(in), &v[k], &err));
				memset(fixed[k], '0', 33);
				fixed[k][33] = '\0';
				{
					char		m[24];
					int			n = snprintf(m, sizeof(m), "%lld", (long long) v[k].mantissa);
					int			last = 15 - v[k].exponent;

					memcpy(fixed[k] + last - n + 1, m, (size_t) n);
				}
			}
			{
				int			want = msc_cell_dose_is_per_kg(&v[0]) != msc_cell_dose_is_per_kg(&v[1])
					? (msc_cell_dose_is_per_kg(&v[0]) ? 1 : -1)
					: strcmp(fixed[0], fixed[1]);
				int			got = msc_cell_dose_cmp(&v[0], &v[1]);

				want = (want > 0) - (want < 0);
				if (got != want || msc_cell_dose_cmp(&v[1], &v[0]) != -want ||
					(got == 0) != (memcmp(&v[0], &v[1], sizeof(v[0])) == 0))
					disagree++;
			}
		}
		CHECK(disagree == 0, "comparison disagrees %d times", disagree);
	}

	return unit_report("cell_dose");
}
