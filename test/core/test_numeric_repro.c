/*
 * Extreme but finite inputs (issue 17, part 2): each case once gave
 * Infinity, NaN or a silently wrong number.  A statistic must now be right
 * or fail with MSC_ERR_RANGE (22003).  Expected values come from closed
 * forms that hold for these inputs (equal variances), not from the code.
 */
#include "unit.h"
#include "forest_svg.h"
#include "stat_effect.h"
#include "stat_meta.h"
#include "stat_moments.h"
#include "stat_outcome.h"
#include "registry_stat.h"

#include <math.h>
#include <stdlib.h>

static bool
near(double got, double want, double rel)
{
	return isfinite(got) && fabs(got - want) <= rel * fabs(want);
}

/* y = 0.1, 0.2, 0.5 with one tiny variance v: tau2 = rss/(k-1) - v =
 * 0.0433..., se = sqrt((v + tau2)/3), H^2 = rss/((k-1) v) for every method */
static void
tiny_variances(void)
{
	const double y[] = {0.1, 0.2, 0.5};
	const double vs[] = {1e-150, 1e-155, 1e-200, 1e-300, 1e-310, 5e-324};
	const meta_method ms[] = {META_DL, META_REML, META_PM};
	double		rss = 0.08666666666666667;

	for (size_t j = 0; j < sizeof(vs) / sizeof(vs[0]); j++)
		for (int m = 0; m < 3; m++)
		{
			double		v[3] = {vs[j], vs[j], vs[j]};
			double		tau2 = rss / 2 - vs[j];
			meta_result r;
			msc_error	err;
			bool		ok = stat_meta_pool(y, v, 3, ms[m], META_Z, &r, &err);

			if (vs[j] < 1e-300)
			{
				/* H^2 = 4e306 / v exceeds float8: an error, never Infinity */
				CHECK(ok ? near(r.h2, rss / 2 / vs[j], 1e-9) : err.errclass == MSC_ERR_RANGE,
					  "v %g %s: %s", vs[j], stat_meta_method_name(ms[m]), ok ? "ok" : err.message);
				if (!ok)
					continue;
			}
			CHECK(ok, "v %g %s: %s", vs[j], stat_meta_method_name(ms[m]), err.message);
			if (!ok)
				continue;
			CHECK(near(r.tau2, tau2, 1e-9), "v %g %s: tau2 %.17g", vs[j], stat_meta_method_name(ms[m]), r.tau2);
			CHECK(near(r.se, sqrt((vs[j] + tau2) / 3), 1e-9), "v %g %s: se %.17g", vs[j], stat_meta_method_name(ms[m]), r.se);
			CHECK(near(r.estimate, 0.8 / 3, 1e-12), "v %g: estimate %.17g", vs[j], r.estimate);
			CHECK(near(r.h2, rss / 2 / vs[j], 1e-9), "v %g %s: h2 %.17g", vs[j], stat_meta_method_name(ms[m]), r.h2);
			CHECK(near(r.i2, 100, 1e-12), "v %g: i2 %.17g", vs[j], r.i2);
			CHECK(isfinite(r.pi_low) && isfinite(r.pi_high), "v %g: PI", vs[j]);
		}
}

/* two identical studies: tau2 = 0 whatever the variance */
static void
identical_studies(void)
{
	const double vs[] = {1e-155, 1e-200, 1e-310, 1e300};
	const double y[] = {0.3, 0.3};

	for (size_t j = 0; j < sizeof(vs) / sizeof(vs[0]); j++)
		for (int m = META_DL; m <= META_PM; m++)
		{
			double		v[2] = {vs[j], vs[j]};
			meta_result r;
			msc_error	err;
			bool		ok = stat_meta_pool(y, v, 2, (meta_method) m, META_Z, &r, &err);

			CHECK(ok && r.tau2 == 0 && r.estimate == 0.3 && near(r.se, sqrt(vs[j] / 2), 1e-12) &&
				  r.q == 0 && r.i2 == 0 && r.h2 == 1,
				  "identical, v %g, %s: %s tau2 %g se %g", vs[j], stat_meta_method_name((meta_method) m),
				  ok ? "" : err.message, r.tau2, r.se);
		}
}

/* huge effects: identical ones pool exactly; far-apart ones are an error */
static void
huge_effects(void)
{
	const double same[] = {1e308, 1e308, 1e308}, v[] = {1, 1, 1};
	const double apart[] = {1e308, -1e308};

	for (int m = META_FE; m <= META_PM; m++)
	{
		meta_result r;
		msc_error	err;
		bool		ok = stat_meta_pool(same, v, 3, (meta_method) m, META_Z, &r, &err);

		CHECK(ok && r.estimate == 1e308 && near(r.se, sqrt(1.0 / 3), 1e-12) && r.tau2 == 0 &&
			  isfinite(r.stat) && r.ci_high == 1e308 && r.q == 0,
			  "1e308 x3 %s: %s est %g", stat_meta_method_name((meta_method) m), ok ? "" : err.message, r.estimate);
		ok = stat_meta_pool(apart, v, 2, (meta_method) m, META_Z, &r, &err);
		CHECK(!ok && err.errclass == MSC_ERR_RANGE,
			  "+-1e308 %s: %s tau2 %g", stat_meta_method_name((meta_method) m), ok ? "no error" : err.message, r.tau2);
	}
	/* far apart but with variances to match: Q = 2, tau2 (DL) = 1e308 */
	{
		const double y[] = {1e154, -1e154}, vv[] = {1e308, 1e308};
		meta_result r;
		msc_error	err;
		bool		ok = stat_meta_pool(y, vv, 2, META_DL, META_Z, &r, &err);

		CHECK(ok && near(r.q, 2, 1e-12) && near(r.tau2, 1e308, 1e-12) && fabs(r.estimate) < 1e140,
			  "1e154 / 1e308: %s q %g tau2 %g", ok ? "" : err.message, r.q, r.tau2);
	}
}

static void
effect_sizes(void)
{
	double		sd;
	stat_effect e;
	msc_error	err;

	CHECK(stat_sd_change(1e200, 1e200, 0.5, &sd, &err) && sd == 1e200, "sd_change 1e200: %g", sd);
	CHECK(stat_sd_change(1e-200, 1e-200, 0.5, &sd, &err) && near(sd, 1e-200, 1e-15), "sd_change 1e-200: %g", sd);
	CHECK(stat_sd_change(1e308, 1e308, -1, &sd, &err) == false && err.errclass == MSC_ERR_RANGE,
		  "sd_change 2e308 is out of range");
	/* the mean difference 2e308 overflows: an error naming the means */
	CHECK(!stat_smd(10, 1e308, 1, 10, -1e308, 1, &e, &err) && err.errclass == MSC_ERR_RANGE,
		  "smd 2e308: yi %g", e.yi);
	/* with SDs of the same order g is moderate */
	CHECK(stat_smd(10, 1e308, 1e308, 10, -1e308, 1e308, &e, &err) &&
		  near(e.yi, 2 * 0.9576464270237166, 1e-9) && isfinite(e.vi),
		  "smd 1e308 / sd 1e308: %s yi %.17g", err.message, e.yi);
	CHECK(stat_smd(10, 1e-300, 1e-300, 10, -1e-300, 1e-300, &e, &err) &&
		  near(e.yi, 2 * 0.9576464270237166, 1e-9), "smd 1e-300: yi %.17g", e.yi);
	CHECK(!stat_md(10, 1, 1e200, 10, 2, 1e200, &e, &err) && err.errclass == MSC_ERR_RANGE,
		  "md vi 2e399: vi %g", e.vi);
	CHECK(stat_md(4, 1e308, 1e150, 4, 1e308, 1e150, &e, &err) && e.yi == 0 && near(e.vi, 5e299, 1e-15),
		  "md sd 1e150: vi %g", e.vi);
	CHECK(stat_rom(10, 1e300, 1, 10, 1e-300, 1e-301, &e, &err) && near(e.yi, 600 * log(10.0), 1e-12),
		  "rom 1e300/1e-300: %s yi %g", err.message, e.yi);
}

static void
moments(void)
{
	const double x[] = {1e308, 1e308, -1e308};
	stat_moments s,
				a,
				b;
	double		sd_true = 1e308 * sqrt(4.0 / 3);

	stat_moments_init(&s);
	for (int i = 0; i < 3; i++)
		stat_moments_add(&s, x[i]);
	CHECK(near(s.mean, 1e308 / 3, 1e-15), "mean %g", s.mean);
	CHECK(near(stat_moments_sd(&s), sd_true, 1e-15), "sd %g", stat_moments_sd(&s));

	/* the same through a parallel merge */
	stat_moments_init(&a);
	stat_moments_init(&b);
	stat_moments_add(&a, x[0]);
	stat_moments_add(&b, x[1]);
	stat_moments_add(&b, x[2]);
	stat_moments_merge(&a, &b);
	CHECK(near(a.mean, 1e308 / 3, 1e-15) && near(stat_moments_sd(&a), sd_true, 1e-15),
		  "merged mean %g sd %g", a.mean, stat_moments_sd(&a));

	/* tiny values: squares underflow */
	stat_moments_init(&s);
	stat_moments_add(&s, 1e-300);
	stat_moments_add(&s, 3e-300);
	CHECK(near(stat_moments_sd(&s), sqrt(2.0) * 1e-300, 1e-15), "tiny sd %g", stat_moments_sd(&s));
}

static void
intervals(void)
{
	stat_proportion p;
	msc_error	err;
	double		sd;

	/* mpmath at 50 digits: z = 8.2923610758135955 */
	CHECK(stat_wilson(1, 3, 1 - 1e-16, &p, &err) && near(p.ci_low, 0.0047332632553552256, 1e-12) &&
		  near(p.ci_high, 0.98133202825274892, 1e-12),
		  "wilson 1 - 1e-16: [%.17g, %.17g]", p.ci_low, p.ci_high);
	CHECK(registry_sd_from_ci(0, 1, 10, 1 - 1e-16, &sd, &err) && isfinite(sd) && sd > 0,
		  "sd_from_ci level 1 - 1e-16: %g", sd);
	CHECK(!registry_sd_from_ci(-1e308, 1e308, 10, 0.95, &sd, &err) ? err.errclass == MSC_ERR_RANGE
		  : near(sd, sqrt(10.0) * 1e308 / 2.2621571627982, 1e-9), "sd_from_ci 2e308: %g", sd);
	CHECK(!registry_sd_from_se(1e300, 1e20, &sd, &err) && err.errclass == MSC_ERR_RANGE,
		  "sd_from_se overflow: %g", sd);
}

static void
forest(void)
{
	const double y[] = {0.1, 0.2, 0.5}, v[] = {1e-200, 1e-200, 1e-200};
	forest_buf	b;
	msc_error	err;
	bool		ok;

	forest_buf_init(&b, NULL);
	ok = forest_plot_svg(&b, NULL, y, v, 3, META_DL, NULL, 0, &err);
	CHECK(ok, "forest tiny vi: %s", err.message);
	if (ok)
		CHECK(strstr(b.data, "nan") == NULL && strstr(b.data, "inf") == NULL &&
			  strstr(b.data, "I&#xB2; = 100.0%") != NULL &&
			  strstr(b.data, "Q = 8.67e+198 (df = 2)") != NULL, "forest prints I^2 = 100.0%%, Q = 8.67e+198");
	forest_buf_free(&b);
}

int
main(void)
{
	tiny_variances();
	identical_studies();
	huge_effects();
	effect_sizes();
	moments();
	intervals();
	forest();
	return unit_report("numeric_repro");
}
