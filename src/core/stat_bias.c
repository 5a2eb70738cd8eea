/*
 * stat_bias.c — Egger's regression test, Begg and Mazumdar's rank test and
 * trim and fill, as metafor 3.8-1's regtest(), ranktest() and trimfill()
 * compute them (see stat_bias.h).
 *
 * The regressions here have one predictor, so they are written with
 * weighted centred sums rather than matrices: b1 = Sxy / Sxx,
 * b0 = ybar - b1 xbar, and (X'WX)^-1 in closed form.
 */
#include "stat_bias.h"
#include "msc_alloc.h"
#include "msc_interrupt.h"

#include "stat_chisq.h"
#include "stat_dist.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define REG_MAX_ITER 1000
#define TF_MAX_ITER 100			/* metafor's maxiter */
#define RANK_EXACT_MAX 1000		/* beyond: the normal approximation (O(k^3) work) */

/* ------------------------------------------------------------- names */

static bool
name_matches(const char *s, const char *name)
{
	size_t		i;

	for (i = 0; s[i] && name[i]; i++)
		if (tolower((unsigned char) s[i]) != tolower((unsigned char) name[i]))
			return false;
	return s[i] == '\0' && name[i] == '\0';
}

/* index of s in names (case-insensitive), or a 22023 error naming s */
static bool
parse_choice(const char *s, const char *const *names, int n, int *out,
			 const char *what, const char *hint, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];

	for (int i = 0; i < n; i++)
		if (name_matches(s, names[i]))
		{
			*out = i;
			return true;
		}
	msc_quote(q, sizeof(q), s, strlen(s));
	return msc_fail(err, MSC_ERR_PARAM, NULL, hint, "unknown %s \"%s\"", what, q);
}

bool
stat_egger_model_parse(const char *s, egger_model *m, msc_error *err)
{
	static const char *const names[] = {"rma", "lm"};
	int			i;

	if (!parse_choice(s, names, 2, &i, "Egger test model",
					  "Models are rma (the default: random-effects meta-regression on the standard errors, z test) and lm (the classic weighted regression, t test).",
					  err))
		return false;
	*m = (egger_model) i;
	return true;
}

bool
stat_tf_estimator_parse(const char *s, tf_estimator *e, msc_error *err)
{
	static const char *const names[] = {"L0", "R0"};
	int			i;

	if (!parse_choice(s, names, 2, &i, "trim-and-fill estimator",
					  "Estimators are L0 (the default) and R0.", err))
		return false;
	*e = (tf_estimator) i;
	return true;
}

bool
stat_tf_side_parse(const char *s, tf_side *side, msc_error *err)
{
	static const char *const names[] = {"auto", "left", "right"};
	int			i;

	if (!parse_choice(s, names, 3, &i, "trim-and-fill side",
					  "Sides are left, right, or auto (NULL: chosen from the sign of Egger's regression slope, as metafor).",
					  err))
		return false;
	*side = (tf_side) i;
	return true;
}

const char *
stat_egger_model_name(egger_model m)
{
	return m == EGGER_LM ? "lm" : "rma";
}

/* ------------------------------------------------ one-predictor regression */

/* Weighted least squares of y on (1, x) with weights 1/(v + tau2). */
typedef struct wls_fit
{
	double		sw;				/* sum of weights */
	double		xbar;
	double		sxx;			/* sum w (x - xbar)^2 */
	double		b0;
	double		b1;
	double		rss;			/* sum w e^2 */
	double		a00;			/* (X'WX)^-1 */
	double		a01;
	double		a11;
} wls_fit;

static bool
wls(const double *y, const double *v, const double *x, int k, double tau2,
	wls_fit *f, msc_error *err)
{
	double		sw = 0,
				swx = 0,
				swy = 0,
				sxx = 0,
				sxy = 0,
				sxx_raw = 0,
				ybar;

	for (int i = 0; i < k; i++)
	{
		double		w = 1 / (v[i] + tau2);

		sw += w;
		swx += w * x[i];
		swy += w * y[i];
	}
	f->sw = sw;
	f->xbar = swx / sw;
	ybar = swy / sw;
	for (int i = 0; i < k; i++)
	{
		double		w = 1 / (v[i] + tau2),
					dx = x[i] - f->xbar;

		sxx += w * dx * dx;
		sxy += w * dx * (y[i] - ybar);
		sxx_raw += w * x[i] * x[i];
	}
	/* R's lm() drops a column its QR finds collinear (tolerance 1e-7) */
	if (!(sxx > 1e-12 * sxx_raw))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"The regression on the standard errors needs studies of different precision.",
						"all %d studies have the same standard error, so it cannot predict the effect", k);
	f->sxx = sxx;
	f->b1 = sxy / sxx;
	f->b0 = ybar - f->b1 * f->xbar;
	f->rss = 0;
	for (int i = 0; i < k; i++)
	{
		double		e = y[i] - f->b0 - f->b1 * x[i];

		f->rss += e * e / (v[i] + tau2);
	}
	f->a00 = 1 / sw + f->xbar * f->xbar / sxx;
	f->a01 = -f->xbar / sxx;
	f->a11 = 1 / sxx;
	return true;
}

/*
 * The REML score Y'PPY - tr(P) and the Fisher scoring step score / tr(PP),
 * P = W - WX(X'WX)^-1X'W, from sums of w, w^2 and w^3 times 1, x, x^2.
 */
static bool
reml_step(const double *y, const double *v, const double *x, int k, double tau2,
		  double *score, double *step, msc_error *err)
{
	wls_fit		f;
	double		b[3] = {0, 0, 0},
				c[3] = {0, 0, 0},
				ypy = 0,
				trp,
				trpp,
				m00,
				m01,
				m10,
				m11;

	if (!wls(y, v, x, k, tau2, &f, err))
		return false;
	for (int i = 0; i < k; i++)
	{
		double		w = 1 / (v[i] + tau2),
					w2 = w * w,
					e = y[i] - f.b0 - f.b1 * x[i];

		ypy += (w * e) * (w * e);
		b[0] += w2;
		b[1] += w2 * x[i];
		b[2] += w2 * x[i] * x[i];
		c[0] += w2 * w;
		c[1] += w2 * w * x[i];
		c[2] += w2 * w * x[i] * x[i];
	}
	trp = f.sw - (f.a00 * b[0] + 2 * f.a01 * b[1] + f.a11 * b[2]);
	m00 = f.a00 * b[0] + f.a01 * b[1];
	m01 = f.a00 * b[1] + f.a01 * b[2];
	m10 = f.a01 * b[0] + f.a11 * b[1];
	m11 = f.a01 * b[1] + f.a11 * b[2];
	trpp = b[0] - 2 * (f.a00 * c[0] + 2 * f.a01 * c[1] + f.a11 * c[2]) +
		m00 * m00 + 2 * m01 * m10 + m11 * m11;
	*score = ypy - trp;
	*step = *score / trpp;
	return true;
}

static double
min_of(const double *v, int k)
{
	double		m = v[0];

	for (int i = 1; i < k; i++)
		if (v[i] < m)
			m = v[i];
	return m;
}

/*
 * REML as metafor: Fisher scoring from the Hedges (HE) estimator of the
 * model, a step halved while it would make tau2 negative; stopped when a
 * step is below 1e-13 of tau2 + min(v), as stat_meta stops its own.
 */
static bool
tau2_reml1(const double *y, const double *v, const double *x, int k,
		   double *tau2, msc_error *err)
{
	double		sx = 0,
				sy = 0,
				sxx = 0,
				sxy = 0,
				sxxv = 0,
				sv = 0,
				rss = 0,
				xbar,
				ybar,
				b1,
				trpv,
				t,
				vmin = min_of(v, k);

	/* HE: (RSS of OLS - tr(P V)) / (k - 2), P the OLS residual projector */
	for (int i = 0; i < k; i++)
	{
		sx += x[i];
		sy += y[i];
	}
	xbar = sx / k;
	ybar = sy / k;
	for (int i = 0; i < k; i++)
	{
		double		dx = x[i] - xbar;

		sxx += dx * dx;
		sxy += dx * (y[i] - ybar);
	}
	b1 = sxy / sxx;
	for (int i = 0; i < k; i++)
	{
		double		e = y[i] - ybar - b1 * (x[i] - xbar),
					dx = x[i] - xbar;

		rss += e * e;
		sv += v[i];
		sxxv += dx * dx * v[i];
	}
	/* tr((X'X)^-1 X'VX) in centred coordinates: sum v / k + sum dx^2 v / Sxx */
	trpv = sv - (sv / k + sxxv / sxx);
	t = fmax(0, (rss - trpv) / (k - 2));

	for (int it = 0; it < REG_MAX_ITER; it++)
	{
		double		score,
					adj,
					next;

		msc_check_interrupts();
		if (!reml_step(y, v, x, k, t, &score, &adj, err))
			return false;
		if (!isfinite(adj))		/* halving an infinite step would never end */
			break;
		while (t + adj < 0)
			adj /= 2;
		next = t + adj;
		if (fabs(next - t) <= 1e-13 * (next + vmin) || (t == 0 && next == 0))
		{
			*tau2 = next;
			return true;
		}
		t = next;
	}
	return msc_fail(err, MSC_ERR_PARAM, NULL, "Use model lm for these studies.",
					"REML for the regression on the standard errors did not converge in %d iterations",
					REG_MAX_ITER);
}

/* Paule-Mandel: the residual Q of the model equals k - 2; Q falls with tau2 */
static bool
tau2_pm1(const double *y, const double *v, const double *x, int k,
		 double *tau2, msc_error *err)
{
	wls_fit		f;
	double		lo = 0,
				hi = fmax(min_of(v, k), 1e-300);

	if (!wls(y, v, x, k, 0, &f, err))
		return false;
	if (f.rss <= k - 2)
	{
		*tau2 = 0;
		return true;
	}
	for (int i = 0;; i++)
	{
		if (!wls(y, v, x, k, hi, &f, err))
			return false;
		if (f.rss <= k - 2)
			break;
		if (i == 2000)
			return msc_fail(err, MSC_ERR_PARAM, NULL, "Try method DL for these studies.",
							"Paule-Mandel found no upper bound for tau^2");
		lo = hi;
		hi *= 2;
	}
	/* bisection to the last representable split */
	for (int i = 0; i < 2000; i++)
	{
		double		mid = lo + (hi - lo) / 2;

		if (mid <= lo || mid >= hi)
			break;
		if (!wls(y, v, x, k, mid, &f, err))
			return false;
		if (f.rss > k - 2)
			lo = mid;
		else
			hi = mid;
	}
	*tau2 = lo + (hi - lo) / 2;
	return true;
}

bool
stat_metareg1(const double *yi, const double *vi, const double *x, int k,
			  meta_method method, metareg1 *out, msc_error *err)
{
	wls_fit		f;
	double		tau2 = 0;

	if (k < 3)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "Pass at least 3 studies.",
						"a regression on one predictor needs at least 3 studies, not %d", k);
	switch (method)
	{
		case META_FE:
		case META_MH:
			break;
		case META_DL:
			{
				double		b[3] = {0, 0, 0},
							trp;

				if (!wls(yi, vi, x, k, 0, &f, err))
					return false;
				for (int i = 0; i < k; i++)
				{
					double		w2 = 1 / (vi[i] * vi[i]);

					b[0] += w2;
					b[1] += w2 * x[i];
					b[2] += w2 * x[i] * x[i];
				}
				trp = f.sw - (f.a00 * b[0] + 2 * f.a01 * b[1] + f.a11 * b[2]);
				tau2 = fmax(0, (f.rss - (k - 2)) / trp);
				break;
			}
		case META_REML:
			if (!tau2_reml1(yi, vi, x, k, &tau2, err))
				return false;
			break;
		case META_PM:
			if (!tau2_pm1(yi, vi, x, k, &tau2, err))
				return false;
			break;
	}
	if (!wls(yi, vi, x, k, tau2, &f, err))
		return false;
	out->b0 = f.b0;
	out->b1 = f.b1;
	out->v00 = f.a00;
	out->v01 = f.a01;
	out->v11 = f.a11;
	out->tau2 = tau2;
	if (!isfinite(f.b0) || !isfinite(f.b1) || !isfinite(f.a00) || !isfinite(f.a11))
		return msc_fail(err, MSC_ERR_RANGE, NULL,
						"Rescale the effect sizes so that they and their variances are moderate numbers.",
						"the regression on the standard errors is not finite for these studies");
	return true;
}

/* ------------------------------------------------------------------ Egger */

bool
stat_egger(const double *yi, const double *vi, int k, egger_model model,
		   egger_result *out, msc_error *err)
{
	double	   *sei;
	double		se0,
				se1,
				crit;
	bool		ok;

	memset(out, 0, sizeof(*out));
	out->k = k;
	out->model = model;
	if (k < 3)
		return true;			/* two coefficients and no residual: undefined */
	sei = msc_malloc(sizeof(double) * (size_t) k);
	if (sei == NULL)
		return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
	for (int i = 0; i < k; i++)
		sei[i] = sqrt(vi[i]);
	if (model == EGGER_RMA)
	{
		metareg1	r;

		ok = stat_metareg1(yi, vi, sei, k, META_REML, &r, err);
		if (ok)
		{
			se0 = sqrt(r.v00);
			se1 = sqrt(r.v11);
			out->stat = r.b1 / se1;
			out->pval = 2 * stat_pnorm(fabs(out->stat), false);
			crit = stat_qnorm(0.975, true);
			out->limit_estimate = r.b0;
			out->limit_ci_low = r.b0 - crit * se0;
			out->limit_ci_high = r.b0 + crit * se0;
			out->tau2 = r.tau2;
		}
	}
	else
	{
		wls_fit		f;

		ok = wls(yi, vi, sei, k, 0, &f, err);
		if (ok)
		{
			double		s2 = f.rss / (k - 2);

			se0 = sqrt(s2 * f.a00);
			se1 = sqrt(s2 * f.a11);
			out->df = k - 2;
			out->stat = f.b1 / se1;
			out->pval = 2 * stat_pt(fabs(out->stat), k - 2, false);
			crit = stat_qt(0.975, k - 2, true);
			out->limit_estimate = f.b0;
			out->limit_ci_low = f.b0 - crit * se0;
			out->limit_ci_high = f.b0 + crit * se0;
		}
	}
	msc_free(sei);
	if (!ok)
		return false;
	if (!isfinite(out->stat) || !isfinite(out->limit_ci_low) || !isfinite(out->limit_ci_high))
		return msc_fail(err, MSC_ERR_RANGE, NULL,
						"The studies lie exactly on a line, or their numbers are too large: the test is undefined.",
						"Egger's test statistic is not finite for these %d studies", k);
	if (out->pval > 1)
		out->pval = 1;
	out->defined = true;
	return true;
}

/* ------------------------------------------------------------- rank test */

/*
 * P(S <= q) for the number of concordant pairs S of n untied pairs: the
 * share of the permutations of n with at most q inversions (R's pkendall).
 * R keeps the counts themselves, which overflow from n = 171 on (its p is
 * then NaN); the shares are kept here instead (each step divides by m), the
 * same numbers for smaller n up to rounding.  Element m adds 0 .. m - 1
 * inversions, so a running window sums the previous row.
 */
static double
pkendall(double q, int n)
{
	int			max = n * (n - 1) / 2;
	double	   *cur,
			   *prev,
				sum = 0;

	if (q < 0)
		return 0;
	if (q >= max)
		return 1;
	cur = msc_calloc((size_t) max + 1, sizeof(double));
	prev = msc_calloc((size_t) max + 1, sizeof(double));
	if (cur == NULL || prev == NULL)
	{
		msc_free(cur);
		msc_free(prev);
		return NAN;
	}
	cur[0] = 1;
	for (int m = 2; m <= n; m++)
	{
		int			top = m * (m - 1) / 2,
					ptop = (m - 1) * (m - 2) / 2;
		double		window = 0,
				   *t = prev;

		prev = cur;
		cur = t;
		for (int j = 0; j <= top; j++)
		{
			if (j <= ptop)
				window += prev[j];
			if (j - m >= 0 && j - m <= ptop)
				window -= prev[j - m];
			cur[j] = window / m;
		}
	}
	for (int j = 0; j <= (int) q; j++)
		sum += cur[j];
	msc_free(cur);
	msc_free(prev);
	return fmin(sum, 1);
}

static int
sgn(double d)
{
	return (d > 0) - (d < 0);
}

/* sums over groups of tied values: t(t-1), t(t-1)(2t+5), t(t-1)(t-2) */
typedef struct tie_sums
{
	double		s1;
	double		s2;
	double		s3;
} tie_sums;

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static bool
ties_of(const double *x, int n, tie_sums *t)
{
	double	   *s = msc_malloc(sizeof(double) * (size_t) n);

	t->s1 = t->s2 = t->s3 = 0;
	if (s == NULL)
		return false;
	memcpy(s, x, sizeof(double) * (size_t) n);
	qsort(s, (size_t) n, sizeof(double), cmp_double);
	for (int i = 0; i < n;)
	{
		int			j = i;

		while (j < n && s[j] == s[i])
			j++;
		if (j - i > 1)
		{
			double		c = j - i;

			t->s1 += c * (c - 1);
			t->s2 += c * (c - 1) * (2 * c + 5);
			t->s3 += c * (c - 1) * (c - 2);
		}
		i = j;
	}
	msc_free(s);
	return true;
}

bool
stat_rank_test(const double *yi, const double *vi, int k,
			   rank_result *out, msc_error *err)
{
	double	   *ys;
	double		sw = 0,
				swy = 0,
				theta,
				vb,
				sc = 0,
				t0 = (double) k * (k - 1) / 2;
	tie_sums	tx,
				ty;
	bool		ok;

	memset(out, 0, sizeof(*out));
	out->k = k;
	if (k < 2)
		return true;
	ys = msc_malloc(sizeof(double) * (size_t) k);
	if (ys == NULL)
		return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
	/* standardised deviates from the fixed-effect estimate, relative weights */
	{
		double		vmin = min_of(vi, k);

		for (int i = 0; i < k; i++)
		{
			sw += vmin / vi[i];
			swy += vmin / vi[i] * yi[i];
		}
		theta = swy / sw;
		vb = vmin / sw;
	}
	for (int i = 0; i < k; i++)
	{
		double		vs = vi[i] - vb;

		/* vi - vb is 0 only for one study, where R's NaN makes tau NA */
		ys[i] = (yi[i] - theta) / sqrt(vs);
	}
	for (int i = 0; i < k; i++)
		for (int j = i + 1; j < k; j++)
			sc += sgn(ys[i] - ys[j]) * sgn(vi[i] - vi[j]);
	ok = ties_of(ys, k, &tx) && ties_of(vi, k, &ty);
	if (!ok)
	{
		msc_free(ys);
		return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
	}
	out->tau = sc / sqrt((t0 - tx.s1 / 2) * (t0 - ty.s1 / 2));
	if (k <= RANK_EXACT_MAX && tx.s1 == 0 && ty.s1 == 0)
	{
		/* exact without ties, as cor.test(method = "kendall", exact = TRUE) */
		double		q = nearbyint((out->tau + 1) * k * (k - 1) / 4),
					p;

		if (q > (double) k * (k - 1) / 4)
			p = 1 - pkendall(q - 1, k);
		else
			p = pkendall(q, k);
		out->pval = fmin(2 * p, 1);
	}
	else
	{
		double		n = k,
					v0 = n * (n - 1) * (2 * n + 5),
					var_s = (v0 - tx.s2 - ty.s2) / 18 +
			tx.s1 * ty.s1 / (2 * n * (n - 1)) +
			tx.s3 * ty.s3 / (9 * n * (n - 1) * (n - 2)),
					z = sc / sqrt(var_s);

		out->pval = 2 * fmin(stat_pnorm(z, true), stat_pnorm(z, false));
	}
	msc_free(ys);
	if (!isfinite(out->tau) || !isfinite(out->pval))
		return msc_fail(err, MSC_ERR_RANGE, NULL,
						"The rank test needs studies that differ in effect and in variance.",
						"the rank correlation of these %d studies is undefined", k);
	out->defined = true;
	return true;
}

/* --------------------------------------------------------- trim and fill */

typedef struct keyed
{
	double		key;
	int			pos;
} keyed;

/* ascending by key, ties in their original order (R's order(), rank(ties = "first")) */
static int
cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a,
			   *y = b;

	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	return (x->pos > y->pos) - (x->pos < y->pos);
}

bool
stat_trim_fill(const double *yi, const double *vi, int k,
			   meta_method method, tf_estimator estimator, tf_side side,
			   tf_result *out, double *fill_yi, double *fill_vi,
			   msc_error *err)
{
	keyed	   *order = NULL;
	double	   *ys = NULL,
			   *vs = NULL,
			   *all_y = NULL,
			   *all_v = NULL;
	double		sgnf,
				beta = 0;
	int			k0 = 0,
				k0_prev = -1,
				iter = 0;
	bool		ok = false;

	memset(out, 0, sizeof(*out));
	if (k < 2)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "Pass at least 2 studies.",
						"trim and fill needs at least 2 studies, not %d", k);
	if (side == TF_AUTO)
	{
		double	   *sei = msc_malloc(sizeof(double) * (size_t) k);
		metareg1	r;

		if (sei == NULL)
			return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
		for (int i = 0; i < k; i++)
			sei[i] = sqrt(vi[i]);
		ok = stat_metareg1(yi, vi, sei, k, method, &r, err);
		msc_free(sei);
		if (!ok)
			return false;
		side = (r.b1 < 0) ? TF_RIGHT : TF_LEFT;
	}
	out->right = (side == TF_RIGHT);
	sgnf = out->right ? -1 : 1;

	order = msc_malloc(sizeof(keyed) * (size_t) k);
	ys = msc_malloc(sizeof(double) * (size_t) k);
	vs = msc_malloc(sizeof(double) * (size_t) k);
	all_y = msc_malloc(sizeof(double) * (size_t) k * 2);
	all_v = msc_malloc(sizeof(double) * (size_t) k * 2);
	ok = false;
	if (!order || !ys || !vs || !all_y || !all_v)
	{
		msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
		goto done;
	}
	/* the studies sorted by effect, on the side that is trimmed */
	for (int i = 0; i < k; i++)
	{
		order[i].key = sgnf * yi[i];
		order[i].pos = i;
	}
	qsort(order, (size_t) k, sizeof(keyed), cmp_keyed);
	for (int i = 0; i < k; i++)
	{
		ys[i] = sgnf * yi[order[i].pos];
		vs[i] = vi[order[i].pos];
	}

	while (k0 != k0_prev)
	{
		meta_result r;

		k0_prev = k0;
		msc_check_interrupts();
		if (++iter > TF_MAX_ITER)
		{
			msc_fail(err, MSC_ERR_PARAM, NULL, "Try the other estimator.",
					 "trim and fill did not settle in %d iterations", TF_MAX_ITER);
			goto done;
		}
		if (!stat_meta_pool(ys, vs, k - k0, method, META_Z, &r, err))
			goto done;
		beta = r.estimate;
		/* signed ranks of |y - beta| */
		for (int i = 0; i < k; i++)
		{
			order[i].key = fabs(ys[i] - beta);
			order[i].pos = i;
		}
		qsort(order, (size_t) k, sizeof(keyed), cmp_keyed);
		if (estimator == TF_L0)
		{
			double		sr = 0,
						est;

			for (int j = 0; j < k; j++)
				if (ys[order[j].pos] - beta > 0)
					sr += j + 1;
			est = (4 * sr - (double) k * (k + 1)) / (2.0 * k - 1);
			k0 = (int) fmax(0, nearbyint(est));
		}
		else
		{
			int			maxneg = 0;

			for (int j = 0; j < k; j++)
				if (ys[order[j].pos] - beta < 0)
					maxneg = j + 1;
			if (maxneg == 0)
			{
				msc_fail(err, MSC_ERR_PARAM, NULL, "Try the estimator L0.",
						 "R0 is undefined: no study lies below the trimmed estimate");
				goto done;
			}
			k0 = k - maxneg - 1;
			if (k0 < 0)
				k0 = 0;
		}
		if (k0 > k - 1)
			k0 = k - 1;
	}
	out->k0 = k0;
	/* the k0 most extreme studies mirrored about the trimmed estimate */
	for (int j = 0; j < k0; j++)
	{
		int			i = k - k0 + j;

		fill_yi[j] = sgnf * (2 * beta - ys[i]);
		fill_vi[j] = vs[i];
	}
	memcpy(all_y, yi, sizeof(double) * (size_t) k);
	memcpy(all_v, vi, sizeof(double) * (size_t) k);
	memcpy(all_y + k, fill_yi, sizeof(double) * (size_t) k0);
	memcpy(all_v + k, fill_vi, sizeof(double) * (size_t) k0);
	for (int j = 0; j < k0; j++)
		if (!stat_meta_check_study(fill_yi[j], fill_vi[j], err))
			goto done;
	ok = stat_meta_pool(all_y, all_v, k + k0, method, META_Z, &out->model, err);
done:
	msc_free(order);
	msc_free(ys);
	msc_free(vs);
	msc_free(all_y);
	msc_free(all_v);
	return ok;
}
