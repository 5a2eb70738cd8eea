/*
 * Single-arm statistics against metafor 3.8-1: every row of
 * test/fixtures/metafor_prop_escalc.csv and metafor_prop.csv (written by
 * test/r/prop_refs.R), to 1e-9 relative (1e-12 absolute where metafor's
 * value is zero); and the bad inputs each function refuses.
 */
#include "fixture_named.h"
#include "stat_prop.h"

#define MAX_ARMS 64

static void
check_prop_escalc(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_prop_escalc.csv", &hdr);

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		prop_measure m;
		stat_effect e = {NAN, NAN};
		msc_error	err;
		char		what[96];

		snprintf(what, sizeof(what), "%s %s arm %s", str(&r, "dataset"), str(&r, "measure"), str(&r, "study"));
		CHECK(stat_prop_measure_parse(str(&r, "measure"), &m, &err), "%s", what);
		CHECK(stat_prop(num(&r, "x"), num(&r, "n"), m, &e, &err), "%s: %s", what, err.message);
		compare(what, "yi", e.yi, num(&r, "yi"));
		compare(what, "vi", e.vi, num(&r, "vi"));
	}
	fclose(f);
}

/* the arms of one dataset, from the escalc fixture */
static int
arms_of(const char *dataset, double *x, double *n)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_prop_escalc.csv", &h);
	int			k = 0;

	fixture_next(f, &h);
	while (fixture_next(f, &r) && k < MAX_ARMS)
		if (strcmp(r.field[fixture_col(&h, "dataset")], dataset) == 0 &&
			strcmp(r.field[fixture_col(&h, "measure")], "PR") == 0)
		{
			x[k] = fixture_num(&r, fixture_col(&h, "x"));
			n[k] = fixture_num(&r, fixture_col(&h, "n"));
			k++;
		}
	fclose(f);
	return k;
}

static void
check_meta_prop(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_prop.csv", &hdr);
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		double		x[MAX_ARMS],
					n[MAX_ARMS];
		int			k = arms_of(str(&r, "dataset"), x, n);
		prop_measure m;
		meta_method method;
		meta_test	test;
		prop_result p;
		msc_error	err;
		char		what[96];
		bool		ok;

		snprintf(what, sizeof(what), "%s %s %s %s", str(&r, "dataset"), str(&r, "measure"),
				 str(&r, "method"), str(&r, "test"));
		ok = stat_prop_measure_parse(str(&r, "measure"), &m, &err) &&
			stat_meta_method_parse(str(&r, "method"), &method, &err) &&
			stat_meta_test_parse(str(&r, "test"), &test, &err) &&
			stat_meta_prop(x, n, k, m, method, test, 95, &p, &err);
		CHECK(ok, "%s: %s", what, err.message);
		if (!ok)
			continue;
		rows++;
		CHECK(p.meta.k == (int) num(&r, "k"), "%s k %d", what, p.meta.k);
		compare(what, "estimate", p.meta.estimate, num(&r, "estimate"));
		compare(what, "se", p.meta.se, num(&r, "se"));
		compare(what, "ci_lb", p.meta.ci_low, num(&r, "ci_lb"));
		compare(what, "ci_ub", p.meta.ci_high, num(&r, "ci_ub"));
		compare(what, "tau2", p.meta.tau2, num(&r, "tau2"));
		compare(what, "i2", p.meta.i2, num(&r, "i2"));
		compare(what, "q", p.meta.q, num(&r, "q"));
		compare(what, "pi_lb", p.meta.has_pi ? p.meta.pi_low : NAN, num(&r, "pi_lb"));
		compare(what, "pi_ub", p.meta.has_pi ? p.meta.pi_high : NAN, num(&r, "pi_ub"));
		compare(what, "prop", p.prop, num(&r, "prop"));
		compare(what, "prop_ci_lb", p.prop_ci_low, num(&r, "prop_ci_lb"));
		compare(what, "prop_ci_ub", p.prop_ci_high, num(&r, "prop_ci_ub"));
		compare(what, "prop_pi_lb", p.prop_pi_low, num(&r, "prop_pi_lb"));
		compare(what, "prop_pi_ub", p.prop_pi_high, num(&r, "prop_pi_ub"));
	}
	fclose(f);
	CHECK(rows >= 3 * 4 * 8, "only %d pooled rows", rows);
}

static void
check_prop_errors(void)
{
	stat_effect e;
	prop_measure m;
	msc_error	err;
	double		x[2] = {3, 11},
				n[2] = {10, 10};
	prop_result p;

	CHECK(!stat_prop(11, 10, PROP_PLO, &e, &err) && err.errclass == MSC_ERR_PARAM &&
		  strstr(err.message, "11"), "x > n: %s", err.message);
	CHECK(!stat_prop(-1, 10, PROP_PR, &e, &err) && strstr(err.message, "-1"), "x < 0: %s", err.message);
	CHECK(!stat_prop(0, 0, PROP_PFT, &e, &err) && strstr(err.message, "arm size 0"), "n = 0: %s", err.message);
	CHECK(!stat_prop(1.5, 10, PROP_PAS, &e, &err), "fractional count");
	CHECK(!stat_prop_measure_parse("PLN", &m, &err) && strstr(err.message, "PLN"), "PLN: %s", err.message);
	CHECK(stat_prop_measure_parse("pft", &m, &err) && m == PROP_PFT, "case");
	CHECK(!stat_meta_prop(x, n, 2, PROP_PLO, META_REML, META_Z, 95, &p, &err) &&
		  strstr(err.message, "11"), "pool x > n: %s", err.message);
	/* back-transformations stay in [0, 1] (metafor clips PAS and PFT) */
	CHECK(stat_prop_back(PROP_PLO, -800, 10) == 0 && stat_prop_back(PROP_PLO, 800, 10) == 1, "ilogit tails");
	CHECK(stat_prop_back(PROP_PAS, -0.1, 10) == 0 && stat_prop_back(PROP_PAS, 2, 10) == 1, "iarcsin clip");
	CHECK(stat_prop_back(PROP_PFT, -0.1, 10) == 0 && stat_prop_back(PROP_PFT, 1.6, 10) == 1, "ipft clip");
}

static void
check_change(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_change.csv", &hdr);
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		stat_effect e = {NAN, NAN};
		msc_error	err;
		char		what[64];
		bool		ok;

		snprintf(what, sizeof(what), "%s arm %s", str(&r, "dataset"), str(&r, "study"));
		CHECK(stat_mean_change(num(&r, "n"), num(&r, "m_pre"), num(&r, "sd_pre"), num(&r, "m_post"),
							   num(&r, "sd_post"), num(&r, "r"), &e, &err), "%s MC: %s", what, err.message);
		compare(what, "MC yi", e.yi, num(&r, "mc_yi"));
		compare(what, "MC vi", e.vi, num(&r, "mc_vi"));
		ok = stat_smcr(num(&r, "n"), num(&r, "m_pre"), num(&r, "sd_pre"), num(&r, "m_post"),
					   num(&r, "r"), &e, &err);
		if (isnan(num(&r, "smcr_yi")))
		{
			CHECK(!ok && err.errclass == MSC_ERR_PARAM, "%s SMCR: metafor NA, we gave %g", what, e.yi);
			continue;
		}
		CHECK(ok, "%s SMCR: %s", what, err.message);
		compare(what, "SMCR yi", e.yi, num(&r, "smcr_yi"));
		compare(what, "SMCR vi", e.vi, num(&r, "smcr_vi"));
		rows++;
	}
	fclose(f);
	CHECK(rows >= 12, "only %d change rows", rows);
}

static void
check_change_errors(void)
{
	stat_effect e;
	msc_error	err;

	CHECK(!stat_mean_change(10, 5, 1, 4, 1, 1.5, &e, &err) && strstr(err.message, "1.5"), "r > 1: %s", err.message);
	CHECK(!stat_mean_change(10, 5, 1, 4, 1, -1.01, &e, &err) && strstr(err.message, "-1.01"), "r < -1");
	CHECK(!stat_mean_change(0, 5, 1, 4, 1, 0.5, &e, &err) && strstr(err.message, "arm size 0"), "n = 0");
	CHECK(!stat_mean_change(10, 5, -1, 4, 1, 0.5, &e, &err) && strstr(err.message, "-1"), "sd < 0");
	CHECK(!stat_smcr(10, 5, 0, 4, 0.5, &e, &err) && strstr(err.message, "0"), "sd_pre = 0");
	CHECK(!stat_smcr(2, 5, 1, 4, 0.5, &e, &err) && strstr(err.message, "n >= 3, got 2"), "n = 2: %s", err.message);
	CHECK(!stat_mean_change(10, -1e308, 1, 1e308, 1, 0.5, &e, &err) && err.errclass == MSC_ERR_RANGE,
		  "overflow is 22003");
	/* less pain is negative */
	CHECK(stat_mean_change(10, 7, 1, 4, 1, 0.5, &e, &err) && e.yi == -3, "sign");
}

int
main(void)
{
	check_change();
	check_change_errors();
	check_prop_escalc();
	check_meta_prop();
	check_prop_errors();
	return unit_report("stat_prop");
}
