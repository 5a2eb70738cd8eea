/*
 * Means and SDs from medians, quartiles and ranges, SDs from t and p, and
 * the correlation implied by a change SD: every row of
 * test/fixtures/convert_refs.csv (computed independently in R from the
 * papers' formulas by test/r/convert_refs.R) to 1e-9 relative; the bad
 * inputs refused.
 */
#include "fixture_named.h"
#include "stat_convert.h"

static void
check_refs(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/convert_refs.csv", &hdr);
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		const char *fn = str(&r, "fn");
		double		a = num(&r, "a"),
					b = num(&r, "b"),
					c = num(&r, "c"),
					d = num(&r, "d"),
					e = num(&r, "e"),
					n = num(&r, "n");
		mean_sd		ms = {NAN, NAN, NULL};
		double		x = NAN;
		msc_error	err;
		bool		ok;
		char		what[96];

		snprintf(what, sizeof(what), "%s(%g, %g, %g, %g, %g, n %g)", fn, a, b, c, d, e, n);
		if (strcmp(fn, "quartiles") == 0)
			ok = stat_mean_sd_from_quartiles(a, b, c, n, &ms, &err);
		else if (strcmp(fn, "range") == 0)
			ok = stat_mean_sd_from_range(a, b, c, n, &ms, &err);
		else if (strcmp(fn, "fivenum") == 0)
			ok = stat_mean_sd_from_fivenum(a, b, c, d, e, n, &ms, &err);
		else if (strcmp(fn, "sd_from_t") == 0)
			ok = stat_sd_from_t(a, b, c, d, &x, &err);
		else if (strcmp(fn, "sd_from_p") == 0)
			ok = stat_sd_from_p(a, b, c, d, &x, &err);
		else
			ok = stat_r_from_sd_change(a, b, c, &x, &err);
		CHECK(ok, "%s: %s", what, err.message);
		if (!ok)
			continue;
		rows++;
		if (ms.method != NULL)
		{
			compare(what, "mean", ms.mean, num(&r, "mean"));
			compare(what, "sd", ms.sd, num(&r, "sd"));
		}
		else
			compare(what, "value", x, num(&r, "sd"));
	}
	fclose(f);
	CHECK(rows >= 180, "only %d rows", rows);
}

static void
check_errors(void)
{
	mean_sd		ms;
	msc_error	err;
	double		x;

	CHECK(!stat_mean_sd_from_quartiles(20, 15, 30, 10, &ms, &err) &&
		  strstr(err.message, "first quartile 20 is larger than median 15"), "q1 > median: %s", err.message);
	CHECK(!stat_mean_sd_from_range(9, 5, 3, 10, &ms, &err) && strstr(err.message, "minimum 9"), "min > max: %s", err.message);
	CHECK(!stat_mean_sd_from_fivenum(0, 5, 4, 6, 9, 10, &ms, &err) && strstr(err.message, "5"), "q1 > median");
	CHECK(!stat_mean_sd_from_fivenum(0, 2, 4, 6, 5, 10, &ms, &err) && strstr(err.message, "third quartile 6"), "q3 > max");
	CHECK(!stat_mean_sd_from_range(1, 2, 3, 1, &ms, &err) && strstr(err.message, "sample size 1"), "n = 1");
	CHECK(!stat_mean_sd_from_range(1, 2, NAN, 10, &ms, &err), "NaN");
	CHECK(!stat_mean_sd_from_quartiles(-1e308, 0, 1e308, 10, &ms, &err) && err.errclass == MSC_ERR_RANGE, "overflow");
	CHECK(!stat_sd_from_t(0, 10, 10, 5, &x, &err), "t = 0");
	CHECK(!stat_sd_from_p(1, 10, 10, 5, &x, &err) && strstr(err.message, "p value 1"), "p = 1");
	CHECK(!stat_sd_from_p(0.05, 1, 1, 5, &x, &err) && strstr(err.message, "n1 + n2 >= 3"), "df 0");
	CHECK(!stat_r_from_sd_change(3, 5, 9, &x, &err) && err.errclass == MSC_ERR_RANGE &&
		  strstr(err.message, "change SD 9"), "inconsistent: %s", err.message);
	CHECK(!stat_r_from_sd_change(0, 5, 5, &x, &err) && err.errclass == MSC_ERR_PARAM, "sd_pre 0");
	/* equal quartiles: a degenerate spread, SD 0 */
	CHECK(stat_mean_sd_from_quartiles(4, 4, 4, 10, &ms, &err) && ms.sd == 0 && ms.mean == 4, "equal");
}

int
main(void)
{
	check_refs();
	check_errors();
	return unit_report("stat_convert");
}
