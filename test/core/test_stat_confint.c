/*
 * Intervals at other levels against metafor 3.8-1: every row of
 * test/fixtures/metafor_level.csv (rma + predict(level, pi.type) +
 * confint Q-profile) and metafor_level_2x2.csv (rma.mh, rma.peto), written
 * by test/r/confint_refs.R; the riley rows of the shared metafor refs
 * (MSC_SHARED_DATA or ../shared/data); and the bad levels refused.
 */
#include "fixture_named.h"
#include "stat_confint.h"
#include "stat_prop.h"

#define MAX_STUDIES 64

static int
studies_of(const char *dataset, double *yi, double *vi)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_level_studies.csv", &h);
	int			k = 0;

	fixture_next(f, &h);
	while (fixture_next(f, &r) && k < MAX_STUDIES)
		if (strcmp(r.field[fixture_col(&h, "dataset")], dataset) == 0)
		{
			yi[k] = fixture_num(&r, fixture_col(&h, "yi"));
			vi[k] = fixture_num(&r, fixture_col(&h, "vi"));
			k++;
		}
	fclose(f);
	return k;
}

static void
check_level(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_level.csv", &hdr);
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		double		yi[MAX_STUDIES],
					vi[MAX_STUDIES];
		int			k = studies_of(str(&r, "dataset"), yi, vi);
		meta_method method;
		meta_test	test;
		pi_type		pt;
		meta_result res;
		het_ci		h;
		msc_error	err;
		char		what[128];
		bool		ok;

		snprintf(what, sizeof(what), "%s %s %s level %s pi %s", str(&r, "dataset"), str(&r, "method"),
				 str(&r, "test"), str(&r, "level"), str(&r, "pi_type"));
		ok = stat_meta_method_parse(str(&r, "method"), &method, &err) &&
			stat_meta_test_parse(str(&r, "test"), &test, &err) &&
			stat_pi_type_parse(str(&r, "pi_type"), &pt, &err) &&
			stat_meta_pool(yi, vi, k, method, test, &res, &err) &&
			stat_tau2_confint(yi, vi, k, num(&r, "level"), &h, &err);
		CHECK(ok, "%s: %s", what, err.message);
		if (!ok)
			continue;
		stat_meta_relevel(&res, num(&r, "level"), pt);
		compare(what, "estimate", res.estimate, num(&r, "estimate"));
		compare(what, "ci_lb", res.ci_low, num(&r, "ci_lb"));
		compare(what, "ci_ub", res.ci_high, num(&r, "ci_ub"));
		compare(what, "pi_lb", res.pi_low, num(&r, "pi_lb"));
		compare(what, "pi_ub", res.pi_high, num(&r, "pi_ub"));
		compare(what, "tau2_lb", h.tau2_low, num(&r, "tau2_lb"));
		compare(what, "tau2_ub", h.tau2_high, num(&r, "tau2_ub"));
		compare(what, "i2_lb", h.i2_low, num(&r, "i2_lb"));
		compare(what, "i2_ub", h.i2_high, num(&r, "i2_ub"));
		compare(what, "h2_lb", h.h2_low, num(&r, "h2_lb"));
		compare(what, "h2_ub", h.h2_high, num(&r, "h2_ub"));
		rows++;
	}
	fclose(f);
	CHECK(rows >= 288, "only %d rows", rows);
}

static void
check_level_2x2(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_level_2x2.csv", &hdr);
	fixture_row th,
				tr;
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		double		a[MAX_STUDIES],
					b[MAX_STUDIES],
					c[MAX_STUDIES],
					d[MAX_STUDIES];
		int			k = 0;
		FILE	   *t = fixture_open("test/fixtures/metafor_tables.csv", &th);
		meta_result res;
		meta_measure m;
		msc_error	err;
		char		what[96];
		bool		ok;

		fixture_next(t, &th);
		while (fixture_next(t, &tr) && k < MAX_STUDIES)
			if (strcmp(tr.field[fixture_col(&th, "dataset")], str(&r, "dataset")) == 0)
			{
				a[k] = fixture_num(&tr, fixture_col(&th, "ai"));
				b[k] = fixture_num(&tr, fixture_col(&th, "bi"));
				c[k] = fixture_num(&tr, fixture_col(&th, "ci"));
				d[k] = fixture_num(&tr, fixture_col(&th, "di"));
				k++;
			}
		fclose(t);
		snprintf(what, sizeof(what), "%s %s level %s", str(&r, "dataset"), str(&r, "measure"), str(&r, "level"));
		CHECK(k > 0, "%s: no tables", what);
		if (strcmp(str(&r, "measure"), "PETO") == 0)
			ok = stat_meta_peto(a, b, c, d, k, &res, &err);
		else
			ok = stat_meta_measure_parse(str(&r, "measure"), &m, &err) &&
				stat_meta_mh(a, b, c, d, k, m, &res, &err);
		CHECK(ok, "%s: %s", what, err.message);
		if (!ok)
			continue;
		stat_meta_relevel(&res, num(&r, "level"), PI_DEFAULT);
		compare(what, "estimate", res.estimate, num(&r, "estimate"));
		compare(what, "ci_lb", res.ci_low, num(&r, "ci_lb"));
		compare(what, "ci_ub", res.ci_high, num(&r, "ci_ub"));
		rows++;
	}
	fclose(f);
	CHECK(rows >= 24, "only %d rows", rows);
}

static void
check_errors(void)
{
	msc_error	err;
	pi_type		pt;
	het_ci		h;
	double		y[1] = {0.5},
				v[1] = {0.1};

	CHECK(!stat_level_check(100, &err) && strstr(err.message, "100"), "100");
	CHECK(!stat_level_check(0, &err), "0");
	CHECK(!stat_level_check(-5, &err) && strstr(err.message, "-5"), "-5");
	CHECK(!stat_level_check(NAN, &err), "NaN");
	CHECK(stat_level_check(99.9, &err), "99.9");
	CHECK(!stat_pi_type_parse("hksj", &pt, &err) && strstr(err.message, "hksj"), "pi type");
	CHECK(!stat_tau2_confint(y, v, 1, 95, &h, &err), "k = 1");
}

int
main(void)
{
	check_level();
	check_level_2x2();
	check_errors();
	return unit_report("stat_confint");
}
