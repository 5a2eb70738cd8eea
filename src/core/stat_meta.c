/*
 * stat_meta.c — fixed- and random-effects pooling and Mantel-Haenszel, as
 * metafor's rma() and rma.mh() define them (Viechtbauer 2010, J Stat Softw
 * 36(3); the formulas of metafor's documentation and the references it
 * cites).  REML and PM iterate to full double precision, not to metafor's
 * default stopping thresholds.
 */
#include "stat_meta.h"

#include "msc_alloc.h"
#include "msc_interrupt.h"
#include "stat_chisq.h"
#include "stat_dist.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITER 10000
#define CI_LEVEL 0.95

static bool
name_is(const char *s, const char *name)
{
	size_t		i;

	for (i = 0; s[i] && name[i]; i++)
		if (tolower((unsigned char) s[i]) != tolower((unsigned char) name[i]))
			return false;
	return s[i] == '\0' && name[i] == '\0';
}

/*
 * A name as a message shows it: control characters escaped, a long name
 * cut at a character boundary (never inside a UTF-8 sequence).
 */
static const char *
quote_name(char *dst, size_t dstlen, const char *s)
{
	msc_quote(dst, dstlen, s, strlen(s));
	return dst;
}

bool
stat_meta_method_parse(const char *s, meta_method *m, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];
	static const char *const names[] = {"FE", "DL", "REML", "PM"};

	for (int i = 0; i < 4; i++)
		if (name_is(s, names[i]))
		{
			*m = (meta_method) i;
			return true;
		}
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"Methods are FE (fixed effect), DL (DerSimonian-Laird), REML (the default) and PM (Paule-Mandel).",
					"unknown meta-analysis method \"%s\"", quote_name(q, sizeof(q), s));
}

bool
stat_meta_test_parse(const char *s, meta_test *t, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];

	if (name_is(s, "z"))
		*t = META_Z;
	else if (name_is(s, "knha") || name_is(s, "hksj"))
		*t = META_KNHA;
	else
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Tests are z (the default, normal) and knha (Knapp-Hartung, t on k - 1 degrees of freedom).",
						"unknown meta-analysis test \"%s\"", quote_name(q, sizeof(q), s));
	return true;
}

bool
stat_meta_measure_parse(const char *s, meta_measure *m, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];
	static const char *const names[] = {"OR", "RR", "RD"};

	for (int i = 0; i < 3; i++)
		if (name_is(s, names[i]))
		{
			*m = (meta_measure) i;
			return true;
		}
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"Mantel-Haenszel measures are OR (odds ratio), RR (risk ratio) and RD (risk difference).",
					"unknown Mantel-Haenszel measure \"%s\"", quote_name(q, sizeof(q), s));
}

const char *
stat_meta_method_name(meta_method m)
{
	static const char *const names[] = {"FE", "DL", "REML", "PM", "MH"};

	return names[m];
}

const char *
stat_meta_test_name(meta_test t)
{
	return t == META_KNHA ? "knha" : "z";
}

bool
stat_meta_check_study(double yi, double vi, msc_error *err)
{
	char		num[32];

	if (!isfinite(yi))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Each study needs a finite effect size; leave a study out or pass NULL to skip it.",
						"effect size %s is not a finite number", msc_num(num, sizeof(num), yi));
	if (!(vi > 0) || !isfinite(vi))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Each study needs a sampling variance > 0 (the square of its standard error).",
						"sampling variance %s is not a finite number > 0", msc_num(num, sizeof(num), vi));
	return true;
}

/*
 * Every sum below uses weights relative to the heaviest study,
 * u_i = (v_0 + t) / (v_i + t) in (0, 1] with v_0 the smallest variance (the
 * frame puts it first), so that no sum of w, w^2 or w^3 overflows for tiny
 * variances or underflows for a large tau2.  The true weight is w_i = u_i / m
 * with m = v_0 + t.
 */

/* Weighted mean of y at tau2 = t; also the sum of the relative weights. */
static double
weighted_mean(const double *y, const double *v, int k, double t, double *usum)
{
	double		m = v[0] + t,
				su = 0,
				suy = 0;

	for (int i = 0; i < k; i++)
	{
		double		u = m / (v[i] + t);

		su += u;
		suy += u * y[i];
	}
	*usum = su;
	return suy / su;
}

/* sum of u (y - mu)^2 about the weighted mean mu: Cochran's Q at t is this / (v_0 + t) */
static double
residual_s(const double *y, const double *v, int k, double t)
{
	double		su,
				m = v[0] + t,
				mu = weighted_mean(y, v, k, t, &su),
				s = 0;

	for (int i = 0; i < k; i++)
		s += (y[i] - mu) * (y[i] - mu) * (m / (v[i] + t));
	return s;
}

/*
 * tau2 enters every weight as v_i + tau2, so it is determined only to a few
 * ulps of that sum: iterations stop when a step is below 1e-13 of
 * tau2 + min(v_i), not of tau2 alone (a small tau2 beside large variances
 * would otherwise keep an iteration alternating between two neighbouring
 * doubles).
 */
static double
min_variance(const double *v, int k)
{
	double		vmin = v[0];

	for (int i = 1; i < k; i++)
		if (v[i] < vmin)
			vmin = v[i];
	return vmin;
}

/*
 * The two iterative estimators solve an equation f(tau2) = 0 whose left side
 * is positive just right of 0 when tau2 > 0 and negative for large tau2:
 *   REML: the restricted score Y'PPY - tr P, stepped by Fisher scoring
 *         (step = score / tr(PP));
 *   PM:   the generalised Q statistic minus its expectation k - 1, stepped
 *         by Newton's method.
 * f is kept multiplied by a positive power of m = v_0 + t (its sign is all
 * the solvers use), which is what the relative weights give without
 * overflow.
 */
typedef struct tau2_eval
{
	double		f;				/* the equation's value, times m or m^2 */
	double		step;			/* the proposed step from tau2 */
} tau2_eval;

/*
 * One pass gathers the sums of u, u y, u^2 and u^3, a second the residuals
 * about the weighted mean.  The weights of small groups are kept rather
 * than divided out twice.  With A = sum (u r)^2, B = su - su2/su and
 * C = su2 - 2 su3/su + (su2/su)^2: score = A/m^2 - B/m, tr(PP) = C/m^2.
 */
#define REML_KEEP_WEIGHTS 32

static tau2_eval
reml_eval(const double *y, const double *v, int k, double t)
{
	double		m = v[0] + t,
				su = 0,
				suy = 0,
				su2 = 0,
				su3 = 0,
				a = 0,
				mu,
				c;
	double		uk[REML_KEEP_WEIGHTS];
	bool		keep = (k <= REML_KEEP_WEIGHTS);
	tau2_eval	e;

	msc_check_interrupts();		/* REML iterates over these passes */
	for (int i = 0; i < k; i++)
	{
		double		u = m / (v[i] + t);

		if (keep)
			uk[i] = u;
		su += u;
		suy += u * y[i];
		su2 += u * u;
		su3 += u * u * u;
	}
	mu = suy / su;
	for (int i = 0; i < k; i++)
	{
		double		u = keep ? uk[i] : m / (v[i] + t);
		double		r = u * (y[i] - mu);

		a += r * r;
	}
	c = su2 - 2 * su3 / su + (su2 / su) * (su2 / su);
	e.f = a - m * (su - su2 / su);
	e.step = e.f / c;
	return e;
}

/* Q(t) - (k - 1) = S/m - (k - 1) with S = sum u r^2; its derivative -A/m^2 */
static tau2_eval
pm_eval(const double *y, const double *v, int k, double t)
{
	double		su,
				m = v[0] + t,
				mu = weighted_mean(y, v, k, t, &su),
				s = 0,
				a = 0;
	tau2_eval	e;

	msc_check_interrupts();		/* Paule-Mandel iterates over these passes */
	for (int i = 0; i < k; i++)
	{
		double		u = m / (v[i] + t);
		double		r = y[i] - mu;

		s += u * r * r;
		a += u * u * r * r;
	}
	e.f = s - (k - 1) * m;
	e.step = (a > 0) ? m * e.f / a : 0;
	return e;
}

typedef tau2_eval (*tau2_fn) (const double *, const double *, int, double);

static bool
converged(double vmin, double from, double to)
{
	return fabs(to - from) <= 1e-13 * (to + vmin);
}

/*
 * The root of fn in [lo, hi] (fn(lo) > 0 > fn(hi)) by steps kept inside a
 * bracket that shrinks with every evaluation, bisecting whenever a step
 * would leave it or fails to halve the step before last (the safeguard of
 * Numerical Recipes' rtsafe).
 */
static bool
solve_bracketed(tau2_fn fn, const double *y, const double *v, int k, double vmin,
				double lo, double hi, double start, double *tau2,
				int *iterations, const char *name, msc_error *err)
{
	double		t = (start > lo && start < hi) ? start : (lo + hi) / 2;
	double		dx = hi - lo,
				dxold = dx;

	for (int it = 1; it <= MAX_ITER; it++)
	{
		tau2_eval	e = fn(y, v, k, t);
		double		next;

		if (e.f > 0)
			lo = t;
		else
			hi = t;
		if (!(t + e.step > lo && t + e.step < hi) || fabs(2 * e.step) > fabs(dxold))
		{
			dxold = dx;
			dx = (hi - lo) / 2;
			next = lo + dx;
		}
		else
		{
			dxold = dx;
			dx = e.step;
			next = t + dx;
		}
		if (converged(vmin, t, next) || converged(vmin, lo, hi))
		{
			*tau2 = next;
			*iterations += it;
			return true;
		}
		t = next;
	}
	return msc_fail(err, MSC_ERR_PARAM, NULL, "Try method DL for these studies.",
					"%s did not converge in %d iterations", name, MAX_ITER);
}

/*
 * REML as metafor: Fisher scoring from max(0, Hedges' estimator), the step
 * halved while it would make tau2 negative.  The restricted likelihood may
 * have more than one maximum, and the start decides which is found, so the
 * path is metafor's.  Should the iterates oscillate instead of converging
 * (very unequal variances), the last two on either side of the root bracket
 * it for solve_bracketed.
 */
static bool
tau2_reml(const double *y, const double *v, int k, double *tau2,
		  int *iterations, msc_error *err)
{
	double		ybar = 0,
				rss = 0,
				vsum = 0,
				t;
	double		below = -1,
				above = -1;		/* latest iterates with f > 0, f < 0 */
	double		vmin = min_variance(v, k);

	for (int i = 0; i < k; i++)
		ybar += y[i] / k;
	for (int i = 0; i < k; i++)
	{
		rss += (y[i] - ybar) * (y[i] - ybar);
		vsum += v[i];
	}
	t = fmax(0, (rss - vsum * (k - 1) / k) / (k - 1));	/* Hedges (HE) */

	for (int it = 1; it <= 200; it++)
	{
		tau2_eval	e = reml_eval(y, v, k, t);
		double		adj = e.step,
					next;

		if (e.f > 0)
			below = t;
		else
			above = t;
		if (t == 0 && adj <= 0)
		{
			/* the restricted likelihood falls from the boundary: tau2 = 0 */
			*tau2 = 0;
			*iterations = it;
			return true;
		}
		if (!isfinite(adj))
			break;				/* tr(PP) vanished: bracket the root instead */
		while (t + adj < 0)
			adj /= 2;
		next = t + adj;
		if (converged(vmin, t, next))
		{
			/* halved steps towards the boundary stop a rounding error
			 * above it (9e-16): where the likelihood falls from 0, and the
			 * iterate is 0 within the tolerance, tau2 is exactly 0 */
			if (converged(vmin, 0, next) && reml_eval(y, v, k, 0).f <= 0)
				next = 0;
			*tau2 = next;
			*iterations = it;
			return true;
		}
		t = next;
	}
	*iterations = 200;
	if (above < 0)
	{
		/* creeping upwards: the root lies above the last iterate */
		above = fmax(2 * t, t + vmin);
		for (int i = 0; reml_eval(y, v, k, above).f > 0; i++)
		{
			if (i == 2000)
				return msc_fail(err, MSC_ERR_PARAM, NULL, "Try method DL or PM for these studies.",
								"REML found no upper bound for tau^2");
			below = above;
			above *= 2;
		}
		if (!isfinite(above))
			return msc_fail(err, MSC_ERR_RANGE, NULL, "Try method DL or PM for these studies.",
							"REML found no finite upper bound for tau^2");
	}
	if (below < 0 || below > above)
	{
		/* creeping downwards: the root lies below the last iterate, or there
		 * is none and the maximum is on the boundary */
		if (reml_eval(y, v, k, 0).f <= 0)
		{
			*tau2 = 0;
			return true;
		}
		below = 0;
	}
	return solve_bracketed(reml_eval, y, v, k, vmin, below, above, t, tau2,
						   iterations, "REML", err);
}

/* Paule-Mandel: Q(tau2) = k - 1 has one root (Q falls as tau2 grows), or
 * none above 0 when Q(0) <= k - 1. */
static bool
tau2_pm(const double *y, const double *v, int k, double start, double *tau2,
		int *iterations, msc_error *err)
{
	double		hi,
				vmin = min_variance(v, k);

	*iterations = 0;
	if (pm_eval(y, v, k, 0).f <= 0)
	{
		*tau2 = 0;
		return true;
	}
	hi = fmax(start, vmin);
	for (int i = 0; pm_eval(y, v, k, hi).f > 0; i++)
	{
		if (i == 2000)
			return msc_fail(err, MSC_ERR_PARAM, NULL, "Try method DL for these studies.",
							"Paule-Mandel found no upper bound for tau^2");
		hi *= 2;
	}
	if (!isfinite(hi))
		return msc_fail(err, MSC_ERR_RANGE, NULL, "Try method DL for these studies.",
						"Paule-Mandel found no finite upper bound for tau^2");
	return solve_bracketed(pm_eval, y, v, k, vmin, 0, hi, start, tau2, iterations,
						   "Paule-Mandel", err);
}

/* the normal quantile of the CI, computed on first use */
static double
normal_crit(void)
{
	static double crit = 0;

	if (crit == 0)
		crit = stat_qnorm((1 + CI_LEVEL) / 2, true);
	return crit;
}

/* estimate, se, test, CI and prediction interval, given tau2 and se */
static void
finish_inference(meta_result *r, double est, double se, int k, bool knha, bool with_pi)
{
	double		crit;

	r->estimate = est;
	r->se = se;
	r->stat = est / se;
	if (knha)
	{
		crit = stat_qt((1 + CI_LEVEL) / 2, k - 1, true);
		r->pval = 2 * stat_pt(fabs(r->stat), k - 1, false);
	}
	else
	{
		crit = normal_crit();
		r->pval = 2 * stat_pnorm(fabs(r->stat), false);
	}
	if (r->pval > 1)
		r->pval = 1;
	r->ci_low = est - crit * se;
	r->ci_high = est + crit * se;
	r->has_pi = with_pi;
	if (with_pi)
	{
		/* sqrt(se^2 + tau2) without squaring se */
		double		spred = hypot(se, sqrt(r->tau2));

		r->pi_low = est - crit * spred;
		r->pi_high = est + crit * spred;
	}
	else
		r->pi_low = r->pi_high = NAN;
}

/*
 * The studies in a frame where the numbers are moderate.  The model does
 * not change under y -> (y - c) 2^-e, v -> v 2^-2e: tau2 scales as v, the
 * estimate and se as y, and Q, I^2 and H^2 stay the same.  c is the middle
 * of the effects and 2^e at least their half range, so |y'| <= 1; when the
 * variances are larger than the squared range, 2^2e is near the smallest
 * variance instead.  Scaling by powers of 2 is exact.
 */
typedef struct frame
{
	double		c;				/* centre of the effects */
	int			e;				/* y' = (y - c) 2^-e, v' = v 2^-2e */
	int			eh;				/* yh = (y - c) 2^-eh, 2^eh >= half range */
	double	   *y;
	double	   *yh;				/* for the estimate: never underflows */
	double	   *v;				/* smallest first */
	double		ymin,
				ymax,
				vmin,
				vmax;
} frame;

static const char range_hint[] =
"Rescale the effect sizes (for example to other units) so that they and their variances are moderate numbers.";

/* the studies' range, for an error's detail */
static const char *
frame_detail(char *buf, size_t len, const frame *f)
{
	char		a[32],
				b[32],
				c[32],
				d[32];

	snprintf(buf, len, "Effect sizes range from %s to %s, sampling variances from %s to %s.",
			 msc_num(a, sizeof(a), f->ymin), msc_num(b, sizeof(b), f->ymax),
			 msc_num(c, sizeof(c), f->vmin), msc_num(d, sizeof(d), f->vmax));
	return buf;
}

/* floor(x / 2) for a negative x too */
static int
half_floor(int x)
{
	return x >= 0 ? x / 2 : -((1 - x) / 2);
}

static bool
frame_make(const double *yi, const double *vi, int k, frame *f, msc_error *err)
{
	char		detail[MSC_ERRMSG_LEN];
	double		h;
	int			imin = 0,
				ev;

	f->ymin = f->ymax = yi[0];
	f->vmin = f->vmax = vi[0];
	for (int i = 1; i < k; i++)
	{
		f->ymin = fmin(f->ymin, yi[i]);
		f->ymax = fmax(f->ymax, yi[i]);
		f->vmax = fmax(f->vmax, vi[i]);
		if (vi[i] < f->vmin)
			f->vmin = vi[imin = i];
	}
	/* halves first: ymax - ymin may exceed DBL_MAX, its half never does */
	f->c = (f->ymin == f->ymax) ? f->ymin : f->ymin / 2 + f->ymax / 2;
	h = fmax(f->ymax - f->c, f->c - f->ymin);
	(void) frexp(f->vmin, &ev);
	f->e = half_floor(ev);
	f->eh = f->e;
	if (h > 0)
	{
		(void) frexp(h, &f->eh);
		if (f->eh > f->e)
			f->e = f->eh;
	}
	/* down to 8 bits below the normal range: v'_0 keeps 44 significant bits */
	if (ldexp(f->vmin, -2 * f->e) < ldexp(DBL_MIN, -8))
		return msc_fail(err, MSC_ERR_RANGE, frame_detail(detail, sizeof(detail), f), range_hint,
						"effect sizes from %g to %g are too far apart for sampling variance %g: "
						"their squared difference over it exceeds the range of float8",
						f->ymin, f->ymax, f->vmin);
	f->y = msc_malloc(sizeof(double) * 3 * (size_t) k);
	if (f->y == NULL)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "out of memory");
	f->yh = f->y + k;
	f->v = f->yh + k;
	for (int i = 0; i < k; i++)
	{
		/* the smallest variance first: it is the unit of the relative weights */
		int			j = (i == 0) ? imin : (i == imin) ? 0 : i;

		f->y[i] = ldexp(yi[j] - f->c, -f->e);
		f->yh[i] = ldexp(yi[j] - f->c, -f->eh);
		f->v[i] = ldexp(vi[j], -2 * f->e);
	}
	return true;
}

/*
 * Every number of the result is finite, or a 22003 error naming it (and,
 * given the studies' frame f, their range: formatted only on failure, as it
 * costs more than the pooling of a few studies).
 */
static bool
check_result(const meta_result *r, const frame *f, msc_error *err)
{
	char		detail[MSC_ERRMSG_LEN];

	const struct
	{
		const char *what;
		double		v;
	}			n[] = {
		{"the pooled estimate", r->estimate}, {"its standard error", r->se},
		{"the confidence interval", r->ci_low}, {"the confidence interval", r->ci_high},
		/* se = 0 (Knapp-Hartung on identical studies) gives metafor's infinite statistic */
		{"the test statistic", r->se == 0 ? 0 : r->stat}, {"tau^2", r->tau2}, {"I^2", r->i2}, {"H^2", r->h2},
		{"Cochran's Q", r->q}, {"the prediction interval", r->has_pi ? r->pi_low : 0},
		{"the prediction interval", r->has_pi ? r->pi_high : 0}
	};

	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		if (!isfinite(n[i].v))
			return msc_fail(err, MSC_ERR_RANGE,
							f ? frame_detail(detail, sizeof(detail), f) : NULL, range_hint,
							"%s of this meta-analysis exceeds the range of float8", n[i].what);
	return true;
}

/* stat_meta_pool on the studies of frame f */
static bool
pool_frame(const frame *f, int k, meta_method method, bool knha,
		   meta_result *out, msc_error *err)
{
	const double *y = f->y,
			   *v = f->v;
	double		su,
				su2 = 0,
				s0,
				b0,
				tau2 = 0,
				est,
				m,
				se;

	/* at tau2 = 0: Q = s0 / v_0, and c = sw - sw2/sw = b0 / v_0 */
	(void) weighted_mean(y, v, k, 0, &su);
	for (int i = 0; i < k; i++)
		su2 += (v[0] / v[i]) * (v[0] / v[i]);
	s0 = residual_s(y, v, k, 0);
	b0 = su - su2 / su;			/* zero only for k = 1 */
	out->q = s0 / v[0];
	out->q_df = k - 1;
	out->q_pval = (k > 1) ? stat_pchisq_upper(out->q, k - 1) : 1;

	switch (method)
	{
		case META_FE:
		case META_MH:
			tau2 = 0;
			break;
		case META_DL:
			tau2 = (k > 1) ? fmax(0, (s0 - (k - 1) * v[0]) / b0) : 0;
			break;
		case META_REML:
			if (k > 1 && !tau2_reml(y, v, k, &tau2, &out->iterations, err))
				return false;
			break;
		case META_PM:
			if (k > 1)
			{
				double		dl = fmax(0, (s0 - (k - 1) * v[0]) / b0);

				if (!tau2_pm(y, v, k, dl, &tau2, &out->iterations, err))
					return false;
			}
			break;
	}
	out->tau2 = ldexp(tau2, 2 * f->e);

	/* heterogeneity as metafor reports it */
	if (k == 1)
	{
		out->i2 = 0;
		out->h2 = 1;
	}
	else if (method == META_FE)
	{
		double		q = out->q;

		out->i2 = (q > 0) ? 100 * fmax(0, (q - (k - 1)) / q) : 0;
		out->h2 = q / (k - 1);
	}
	else
	{
		double		vt = (k - 1) * v[0] / b0;	/* "typical" within-study variance */

		out->i2 = 100 * tau2 / (vt + tau2);
		out->h2 = (vt + tau2) / vt;
	}

	/* the weights at tau2 applied to yh, which keeps the estimate's precision */
	est = f->c + ldexp(weighted_mean(f->yh, v, k, tau2, &su), f->eh);
	m = v[0] + tau2;
	se = sqrt(m / su);
	if (knha)
		se *= sqrt(residual_s(y, v, k, tau2) / m / (k - 1));
	finish_inference(out, est, ldexp(se, f->e), k, knha, method != META_FE);
	return true;
}

bool
stat_meta_pool(const double *yi, const double *vi, int k,
			   meta_method method, meta_test test,
			   meta_result *out, msc_error *err)
{
	bool		knha = (test == META_KNHA && k > 1);
	bool		ok;
	frame		f = {0};

	memset(out, 0, sizeof(*out));
	out->k = k;
	out->method = method;
	out->test = knha ? META_KNHA : META_Z;
	if (k < 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "a meta-analysis needs at least one study");
	if (!frame_make(yi, vi, k, &f, err))
		return false;
	ok = pool_frame(&f, k, method, knha, out, err) &&
		check_result(out, &f, err);
	msc_free(f.y);
	return ok;
}

bool
stat_meta_mh(const double *a, const double *b, const double *c,
			 const double *d, int k, meta_measure measure,
			 meta_result *out, msc_error *err)
{
	double		est,
				var,
				sr = 0,
				ss = 0;
	double	   *yi,
			   *vi;
	int			kq = 0;

	memset(out, 0, sizeof(*out));
	out->method = META_MH;
	out->test = META_Z;

	for (int i = 0; i < k; i++)
		if (!(a[i] >= 0 && b[i] >= 0 && c[i] >= 0 && d[i] >= 0) ||
			a[i] + b[i] == 0 || c[i] + d[i] == 0 ||
			!isfinite(a[i] + b[i] + c[i] + d[i]))
			return msc_fail(err, MSC_ERR_PARAM, NULL,
							"Each table holds counts >= 0 with both groups non-empty.",
							"invalid 2x2 table (%g, %g, %g, %g)", a[i], b[i], c[i], d[i]);

	switch (measure)
	{
		case META_OR:
			{
				double		spr = 0,
							sps_qr = 0,
							sqs = 0;

				for (int i = 0; i < k; i++)
				{
					double		n = a[i] + b[i] + c[i] + d[i];
					double		p = (a[i] + d[i]) / n,
								qq = (b[i] + c[i]) / n,
								r = a[i] * d[i] / n,
								s = b[i] * c[i] / n;

					sr += r;
					ss += s;
					spr += p * r;
					sps_qr += p * s + qq * r;
					sqs += qq * s;
				}
				est = log(sr / ss);
				/* Robins, Breslow and Greenland (1986) */
				var = spr / (2 * sr * sr) + sps_qr / (2 * sr * ss) + sqs / (2 * ss * ss);
				break;
			}
		case META_RR:
			{
				double		sp = 0;

				for (int i = 0; i < k; i++)
				{
					double		n1 = a[i] + b[i],
								n2 = c[i] + d[i],
								n = n1 + n2;

					sr += a[i] * n2 / n;
					ss += c[i] * n1 / n;
					sp += (n1 * n2 * (a[i] + c[i]) - a[i] * c[i] * n) / (n * n);
				}
				est = log(sr / ss);
				/* Greenland and Robins (1985) */
				var = sp / (sr * ss);
				break;
			}
		case META_RD:
		default:
			{
				double		sw = 0,
							sp = 0,
							sq = 0;

				for (int i = 0; i < k; i++)
				{
					double		n1 = a[i] + b[i],
								n2 = c[i] + d[i],
								n = n1 + n2;

					sr += (a[i] * n2 - c[i] * n1) / n;
					sw += n1 * n2 / n;
					sp += (n1 * n1 * c[i] - n2 * n2 * a[i] + n1 * n2 * (n2 - n1) / 2) / (n * n);
					sq += (a[i] * d[i] + c[i] * b[i]) / (2 * n);
				}
				est = sr / sw;
				/* Sato, Greenland and Robins (1989) */
				var = (est * sp + sq) / (sw * sw);
				break;
			}
	}
	if (!isfinite(est) || !(var > 0) || !isfinite(var))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Mantel-Haenszel needs events in at least one table of each group.",
						"the Mantel-Haenszel estimate is undefined for these tables");

	/* Cochran's Q around the MH estimate, from the studies' escalc effects */
	yi = msc_malloc(sizeof(double) * (size_t) (k > 0 ? k : 1));
	vi = msc_malloc(sizeof(double) * (size_t) (k > 0 ? k : 1));
	if (yi == NULL || vi == NULL)
	{
		msc_free(yi);
		msc_free(vi);
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "out of memory");
	}
	for (int i = 0; i < k; i++)
	{
		double		t[4] = {a[i], b[i], c[i], d[i]};

		/* metafor drops tables without events, or without non-events, in both groups */
		if ((a[i] == 0 && c[i] == 0) || (b[i] == 0 && d[i] == 0))
			continue;
		if (t[0] == 0 || t[1] == 0 || t[2] == 0 || t[3] == 0)
			for (int j = 0; j < 4; j++)
				t[j] += 0.5;
		if (measure == META_OR)
		{
			yi[kq] = log(t[0] * t[3] / (t[1] * t[2]));
			vi[kq] = 1 / t[0] + 1 / t[1] + 1 / t[2] + 1 / t[3];
		}
		else if (measure == META_RR)
		{
			double		n1 = t[0] + t[1],
						n2 = t[2] + t[3];

			yi[kq] = log((t[0] / n1) / (t[2] / n2));
			vi[kq] = 1 / t[0] - 1 / n1 + 1 / t[2] - 1 / n2;
		}
		else
		{
			double		n1 = t[0] + t[1],
						n2 = t[2] + t[3],
						p1 = t[0] / n1,
						p2 = t[2] / n2;

			yi[kq] = p1 - p2;
			vi[kq] = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
		}
		kq++;
	}
	out->q = 0;
	for (int i = 0; i < kq; i++)
		out->q += (yi[i] - est) * (yi[i] - est) / vi[i];
	msc_free(yi);
	msc_free(vi);
	out->k = k;					/* every table counts; Q only the informative ones */
	out->q_df = kq - 1;
	out->q_pval = (kq > 1) ? stat_pchisq_upper(out->q, kq - 1) : 1;
	out->i2 = (kq > 1 && out->q > 0) ? 100 * fmax(0, (out->q - (kq - 1)) / out->q) : 0;
	out->h2 = (kq > 1) ? out->q / (kq - 1) : 1;
	out->tau2 = 0;
	finish_inference(out, est, sqrt(var), kq, false, false);
	return check_result(out, NULL, err);
}
