/*
 * Property tests for extreme but finite inputs (issue 17): random inputs
 * whose magnitudes span 1e-300 to 1e300, each result compared with the same
 * formula evaluated in long double (x86-64: 15-bit exponent, so no square of
 * a double over- or underflows there).  A result must agree, or — only when
 * the long double value lies outside float8 — be a 22003 error.
 */
#include "unit.h"
#include "stat_effect.h"
#include "stat_meta.h"
#include "stat_moments.h"

#include <float.h>
#include <math.h>

#define TRIALS 3000

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static double
unif(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double) (rng >> 11) / 9007199254740992.0;
}

/* 10^u, u uniform in [lo, hi] */
static double
mag(double lo, double hi)
{
	return pow(10, lo + (hi - lo) * unif());
}

static double
sign(void)
{
	return unif() < 0.5 ? -1 : 1;
}

static bool
in_range(long double x)
{
	return fabsl(x) <= DBL_MAX;
}

/* |got - want| <= rel * scale */
static bool
close_to(double got, long double want, double rel, long double scale)
{
	return isfinite(got) && fabsl((long double) got - want) <= rel * fabsl(scale);
}

static void
meta_fe_dl(void)
{
	int			errors = 0,
				agreed = 0;

	for (int t = 0; t < TRIALS; t++)
	{
		int			k = 2 + (int) (unif() * 7);
		double		y[9],
					v[9],
					centre = sign() * mag(-300, 300),
					spread = mag(-300, 300),
					vscale = mag(-300, 300);
		long double sw = 0,
					swy = 0,
					sw2 = 0,
					fe,
					q = 0,
					c,
					tau2,
					rw = 0,
					rwy = 0,
					est,
					se,
					vt;
		meta_method m = (t % 2) ? META_DL : META_FE;
		meta_result r;
		msc_error	err;
		bool		ok,
					representable;

		for (int i = 0; i < k; i++)
		{
			y[i] = centre + spread * (2 * unif() - 1);
			v[i] = vscale * mag(0, 6);	/* variances within a factor 1e6 */
		}
		if (!isfinite(y[0] + 0 * y[k - 1]))
			continue;
		for (int i = 0; i < k; i++)
		{
			long double w = 1.0L / v[i];

			sw += w;
			swy += w * ((long double) y[i] - y[0]);	/* about y[0]: no cancellation */
			sw2 += w * w;
		}
		fe = swy / sw;
		for (int i = 0; i < k; i++)
			q += ((long double) y[i] - y[0] - fe) * ((long double) y[i] - y[0] - fe) / v[i];
		c = sw - sw2 / sw;
		tau2 = (m == META_DL) ? fmaxl(0, (q - (k - 1)) / c) : 0;
		for (int i = 0; i < k; i++)
		{
			rw += 1.0L / (v[i] + tau2);
			rwy += ((long double) y[i] - y[0]) / (v[i] + tau2);
		}
		est = y[0] + rwy / rw;
		se = sqrtl(1 / rw);
		vt = (k - 1) / c;
		representable = in_range(q) && in_range(tau2) && in_range(est / se) &&
			in_range(fabsl(est) + 2 * sqrtl(se * se + tau2)) && in_range((vt + tau2) / vt);
		ok = stat_meta_pool(y, v, k, m, META_Z, &r, &err);
		if (!ok)
		{
			errors++;
			CHECK(!representable && err.errclass == MSC_ERR_RANGE,
				  "trial %d (%s, k %d, centre %g spread %g v %g): %s", t, stat_meta_method_name(m),
				  k, centre, spread, vscale, err.message);
			continue;
		}
		agreed++;
		CHECK(close_to(r.estimate, est, 1e-9, fabsl(est) + se), "trial %d est %.17g vs %.17Lg", t, r.estimate, est);
		CHECK(close_to(r.se, se, 1e-9, se), "trial %d se %.17g vs %.17Lg", t, r.se, se);
		CHECK(close_to(r.q, q, 1e-9, q + k), "trial %d q %.17g vs %.17Lg", t, r.q, q);
		CHECK(close_to(r.tau2, tau2, 1e-9, tau2 + vscale), "trial %d tau2 %.17g vs %.17Lg", t, r.tau2, tau2);
		if (m == META_DL)
			CHECK(close_to(r.h2, (vt + tau2) / vt, 1e-9, (vt + tau2) / vt), "trial %d h2 %.17g", t, r.h2);
		CHECK(isfinite(r.ci_low) && isfinite(r.ci_high) && isfinite(r.pval) && isfinite(r.i2),
			  "trial %d: finite", t);
	}
	printf("meta FE/DL: %d agreed with long double, %d out of float8's range (22003)\n", agreed, errors);
	CHECK(agreed > TRIALS / 4, "too few comparable trials: %d", agreed);
}

/*
 * REML and PM: the model is unchanged by y -> a y + b, v -> a^2 v, so a
 * result at an extreme scale must be the moderate-scale result (checked
 * against metafor elsewhere) transformed; a = 10^j is not a power of two.
 */
static void
meta_scaling(void)
{
	for (int t = 0; t < TRIALS / 3; t++)
	{
		int			k = 2 + (int) (unif() * 7);
		double		y[9],
					v[9],
					ys[9],
					vs[9],
					a = pow(10, floor(-150 + 300 * unif())),
					b = sign() * a * mag(-3, 3);
		meta_method m = (t % 2) ? META_PM : META_REML;
		meta_result r0,
					r1;
		msc_error	err;

		for (int i = 0; i < k; i++)
		{
			y[i] = 2 * unif() - 1;
			v[i] = mag(-2, 0);
			ys[i] = a * y[i] + b;
			vs[i] = a * a * v[i];
		}
		if (!stat_meta_pool(y, v, k, m, META_Z, &r0, &err))
		{
			CHECK(0, "moderate trial %d: %s", t, err.message);
			continue;
		}
		if (!stat_meta_pool(ys, vs, k, m, META_Z, &r1, &err))
		{
			CHECK(0, "scaled trial %d (a %g): %s", t, a, err.message);
			continue;
		}
		CHECK(close_to(r1.estimate, (long double) a * r0.estimate + b, 1e-9, a * (fabs(r0.estimate) + r0.se) + fabs(b)),
			  "trial %d a %g est %.17g vs %.17g", t, a, r1.estimate, a * r0.estimate + b);
		CHECK(close_to(r1.se, (long double) a * r0.se, 1e-9, (long double) a * r0.se), "trial %d a %g se", t, a);
		CHECK(close_to(r1.tau2, (long double) a * a * r0.tau2, 1e-8, (long double) a * a * (r0.tau2 + v[0])),
			  "trial %d a %g tau2 %.17g vs %.17Lg", t, a, r1.tau2, (long double) a * a * r0.tau2);
		CHECK(close_to(r1.q, r0.q, 1e-9, r0.q + 1), "trial %d q", t);
		CHECK(close_to(r1.i2, r0.i2, 1e-7, 100), "trial %d i2 %.17g vs %.17g", t, r1.i2, r0.i2);
		CHECK(close_to(r1.h2, r0.h2, 1e-7, r0.h2), "trial %d h2", t);
	}
}

static void
moments(void)
{
	for (int t = 0; t < TRIALS; t++)
	{
		int			n = 2 + (int) (unif() * 20),
					split = 1 + (int) (unif() * (n - 1));
		double		x[22],
					scale = mag(-300, 300);
		long double mean = 0,
					ss = 0,
					sd;
		stat_moments s,
					a,
					b;

		stat_moments_init(&s);
		stat_moments_init(&a);
		stat_moments_init(&b);
		for (int i = 0; i < n; i++)
		{
			x[i] = sign() * scale * mag(-20, 0);
			mean += x[i];
			stat_moments_add(&s, x[i]);
			stat_moments_add(i < split ? &a : &b, x[i]);
		}
		mean /= n;
		for (int i = 0; i < n; i++)
			ss += (x[i] - mean) * (x[i] - mean);
		sd = sqrtl(ss / (n - 1));
		stat_moments_merge(&a, &b);
		CHECK(close_to(s.mean, mean, 1e-13, scale), "trial %d mean %.17g vs %.17Lg", t, s.mean, mean);
		CHECK(close_to(a.mean, mean, 1e-13, scale), "trial %d merged mean", t);
		if (in_range(sd))
		{
			CHECK(close_to(stat_moments_sd(&s), sd, 1e-12, sd), "trial %d sd %.17g vs %.17Lg", t, stat_moments_sd(&s), sd);
			CHECK(close_to(stat_moments_sd(&a), sd, 1e-12, sd), "trial %d merged sd", t);
		}
		else
			CHECK(isinf(stat_moments_sd(&s)), "trial %d: sd beyond float8 is reported as such", t);
	}
}

typedef bool (*two_groups) (double, double, double, double, double, double, stat_effect *, msc_error *);

static void
effects(void)
{
	for (int t = 0; t < TRIALS; t++)
	{
		double		scale = mag(-300, 300),
					n1 = 2 + floor(unif() * 50),
					n2 = 2 + floor(unif() * 50),
					m1 = sign() * scale * mag(-3, 0),
					m2 = sign() * scale * mag(-3, 0),
					sd1 = scale * mag(-3, 0),
					sd2 = scale * mag(-3, 0),
					r = 2 * unif() - 1,
					got;
		long double df = n1 + n2 - 2,
					sp = sqrtl(((n1 - 1) * (long double) sd1 * sd1 + (n2 - 1) * (long double) sd2 * sd2) / df),
					j = expl(lgammal(df / 2) - 0.5L * logl(df / 2) - lgammal((df - 1) / 2)),
					g = j * ((long double) m1 - m2) / sp,
					want[3][2] = {
			{g, 1.0L / n1 + 1.0L / n2 + g * g / (2 * (n1 + n2))},
			{(long double) m1 - m2, (long double) sd1 * sd1 / n1 + (long double) sd2 * sd2 / n2},
			{logl(fabsl((long double) m1 / m2)),
			(long double) sd1 * sd1 / (n1 * (long double) m1 * m1) + (long double) sd2 * sd2 / (n2 * (long double) m2 * m2)}
		},
					sdc = sqrtl((long double) sd1 * sd1 + (long double) sd2 * sd2 - 2 * r * (long double) sd1 * sd2);
		two_groups fn[3] = {stat_smd, stat_md, stat_rom};
		msc_error	err;

		for (int f = 0; f < 3; f++)
		{
			stat_effect e;
			double		a1 = (f == 2) ? fabs(m1) : m1,
						a2 = (f == 2) ? fabs(m2) : m2;
			bool		ok = fn[f] (n1, a1, sd1, n2, a2, sd2, &e, &err),
						representable = in_range(want[f][0]) && in_range(want[f][1]) && want[f][1] >= DBL_MIN;

			if (!ok)
			{
				CHECK(!representable && err.errclass == MSC_ERR_RANGE, "effect %d trial %d: %s", f, t, err.message);
				continue;
			}
			CHECK(representable, "effect %d trial %d: out of range yet %g, %g", f, t, e.yi, e.vi);
			CHECK(close_to(e.yi, want[f][0], 1e-12, fabsl(want[f][0]) + (f == 1 ? scale : 1)),
				  "effect %d trial %d yi %.17g vs %.17Lg", f, t, e.yi, want[f][0]);
			CHECK(close_to(e.vi, want[f][1], 1e-12, want[f][1]), "effect %d trial %d vi %.17g vs %.17Lg", f, t, e.vi, want[f][1]);
		}
		if (stat_sd_change(sd1, sd2, r, &got, &err))
			CHECK(close_to(got, sdc, 1e-12, fmax(sd1, sd2)), "sd_change trial %d %.17g vs %.17Lg", t, got, sdc);
		else
			CHECK(!in_range(sdc) && err.errclass == MSC_ERR_RANGE, "sd_change trial %d: %s", t, err.message);
	}
}

int
main(void)
{
	CHECK(LDBL_MAX_EXP >= 16384, "long double has no wider exponent here: the references would overflow");
	meta_fe_dl();
	meta_scaling();
	moments();
	effects();
	return unit_report("numeric_props");
}
