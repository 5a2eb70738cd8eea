/*
 * stat_meta.c — fixed- and random-effects pooling and Mantel-Haenszel, as
 * metafor's rma() and rma.mh() define them (Viechtbauer 2010, J Stat Softw
 * 36(3); the formulas of metafor's documentation and the references it
 * cites).  REML and PM iterate to full double precision, not to metafor's
 * default stopping thresholds.
 */
#include "stat_meta.h"

#include "stat_chisq.h"
#include "stat_dist.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
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

/* Weighted mean of y with weights 1/(v + tau2); also the sum of weights. */
static double
weighted_mean(const double *y, const double *v, int k, double tau2, double *wsum)
{
	double		sw = 0,
				swy = 0;

	for (int i = 0; i < k; i++)
	{
		double		w = 1 / (v[i] + tau2);

		sw += w;
		swy += w * y[i];
	}
	*wsum = sw;
	return swy / sw;
}

/* sum of w (y - mu)^2 with w = 1/(v + tau2) and its weighted mean mu */
static double
residual_q(const double *y, const double *v, int k, double tau2)
{
	double		sw,
				mu = weighted_mean(y, v, k, tau2, &sw),
				q = 0;

	for (int i = 0; i < k; i++)
		q += (y[i] - mu) * (y[i] - mu) / (v[i] + tau2);
	return q;
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
 */
typedef struct tau2_eval
{
	double		f;				/* the equation's value */
	double		step;			/* the proposed step from tau2 */
} tau2_eval;

/*
 * One pass gathers the sums of w, w y, w^2 and w^3, a second the residuals
 * about the weighted mean (each sum accumulates in the same order as a
 * separate loop would, so the result is the same to the bit).  The weights
 * of small groups are kept rather than divided out twice.
 */
#define REML_KEEP_WEIGHTS 32

static tau2_eval
reml_eval(const double *y, const double *v, int k, double t)
{
	double		sw = 0,
				swy = 0,
				sw2 = 0,
				sw3 = 0,
				ypy = 0,
				mu,
				trpp;
	double		wk[REML_KEEP_WEIGHTS];
	bool		keep = (k <= REML_KEEP_WEIGHTS);
	tau2_eval	e;

	for (int i = 0; i < k; i++)
	{
		double		w = 1 / (v[i] + t);

		if (keep)
			wk[i] = w;
		sw += w;
		swy += w * y[i];
		sw2 += w * w;
		sw3 += w * w * w;
	}
	mu = swy / sw;
	for (int i = 0; i < k; i++)
	{
		double		w = keep ? wk[i] : 1 / (v[i] + t);
		double		r = w * (y[i] - mu);

		ypy += r * r;
	}
	trpp = sw2 - 2 * sw3 / sw + (sw2 / sw) * (sw2 / sw);
	e.f = ypy - (sw - sw2 / sw);
	e.step = e.f / trpp;
	return e;
}

static tau2_eval
pm_eval(const double *y, const double *v, int k, double t)
{
	double		sw,
				mu = weighted_mean(y, v, k, t, &sw),
				df = 0;
	tau2_eval	e;

	e.f = -(k - 1);
	for (int i = 0; i < k; i++)
	{
		double		w = 1 / (v[i] + t);
		double		r = y[i] - mu;

		e.f += w * r * r;
		df -= w * w * r * r;
	}
	e.step = (df < 0) ? -e.f / df : 0;
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
		double		spred = sqrt(se * se + r->tau2);

		r->pi_low = est - crit * spred;
		r->pi_high = est + crit * spred;
	}
	else
		r->pi_low = r->pi_high = NAN;
}

bool
stat_meta_pool(const double *yi, const double *vi, int k,
			   meta_method method, meta_test test,
			   meta_result *out, msc_error *err)
{
	double		sw = 0,
				sw2 = 0,
				fe,
				q,
				c,
				tau2 = 0,
				est,
				wsum,
				se;
	bool		knha = (test == META_KNHA && k > 1);

	memset(out, 0, sizeof(*out));
	out->k = k;
	out->method = method;
	out->test = knha ? META_KNHA : META_Z;

	fe = weighted_mean(yi, vi, k, 0, &sw);
	for (int i = 0; i < k; i++)
		sw2 += 1 / (vi[i] * vi[i]);
	q = residual_q(yi, vi, k, 0);
	c = sw - sw2 / sw;			/* zero only for k = 1 */
	out->q = q;
	out->q_df = k - 1;
	out->q_pval = (k > 1) ? stat_pchisq_upper(q, k - 1) : 1;

	switch (method)
	{
		case META_FE:
		case META_MH:
			tau2 = 0;
			break;
		case META_DL:
			tau2 = (k > 1) ? fmax(0, (q - (k - 1)) / c) : 0;
			break;
		case META_REML:
			if (k > 1 && !tau2_reml(yi, vi, k, &tau2, &out->iterations, err))
				return false;
			break;
		case META_PM:
			if (k > 1)
			{
				double		dl = fmax(0, (q - (k - 1)) / c);

				if (!tau2_pm(yi, vi, k, dl, &tau2, &out->iterations, err))
					return false;
			}
			break;
	}
	out->tau2 = tau2;

	/* heterogeneity as metafor reports it */
	if (k == 1)
	{
		out->i2 = 0;
		out->h2 = 1;
	}
	else if (method == META_FE)
	{
		out->i2 = (q > 0) ? 100 * fmax(0, (q - (k - 1)) / q) : 0;
		out->h2 = q / (k - 1);
	}
	else
	{
		double		vt = (k - 1) / c;	/* "typical" within-study variance */

		out->i2 = 100 * tau2 / (vt + tau2);
		out->h2 = (vt + tau2) / vt;
	}

	est = (method == META_FE) ? fe : weighted_mean(yi, vi, k, tau2, &wsum);
	if (method == META_FE)
		wsum = sw;
	se = sqrt(1 / wsum);
	if (knha)
		se *= sqrt(residual_q(yi, vi, k, tau2) / (k - 1));
	finish_inference(out, est, se, k, knha, method != META_FE);
	return true;
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
	yi = malloc(sizeof(double) * (size_t) (k > 0 ? k : 1));
	vi = malloc(sizeof(double) * (size_t) (k > 0 ? k : 1));
	if (yi == NULL || vi == NULL)
	{
		free(yi);
		free(vi);
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
	free(yi);
	free(vi);
	out->k = k;					/* every table counts; Q only the informative ones */
	out->q_df = kq - 1;
	out->q_pval = (kq > 1) ? stat_pchisq_upper(out->q, kq - 1) : 1;
	out->i2 = (kq > 1 && out->q > 0) ? 100 * fmax(0, (out->q - (kq - 1)) / out->q) : 0;
	out->h2 = (kq > 1) ? out->q / (kq - 1) : 1;
	out->tau2 = 0;
	finish_inference(out, est, sqrt(var), kq, false, false);
	return true;
}
