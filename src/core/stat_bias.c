/*
 * stat_bias.c — Egger's regression test, Begg and Mazumdar's rank test and
 * trim and fill, as metafor 3.8-1's regtest(), ranktest() and trimfill()
 * compute them (see stat_bias.h).
 *
 * Egger's regressions are stat_metareg_fit's (stat_metareg.c).
 */
#include "stat_bias.h"
#include "msc_alloc.h"
#include "msc_interrupt.h"

#include "stat_chisq.h"
#include "stat_dist.h"
#include "stat_metareg.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
 * rma(yi, vi, mods = ~ sqrt(vi), method): the regression of the effects on
 * their standard errors of Egger's test and trim and fill's side.
 */
static bool
regress_on_sei(const double *yi, const double *vi, int k, meta_method method,
			   metareg_result *r, msc_error *err)
{
	double	   *sei;
	bool		ok;

	if (k < 3)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "Pass at least 3 studies.",
						"a regression on one predictor needs at least 3 studies, not %d", k);
	sei = msc_malloc(sizeof(double) * (size_t) k);
	if (sei == NULL)
		return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
	for (int i = 0; i < k; i++)
		sei[i] = sqrt(vi[i]);
	ok = stat_metareg_fit(yi, vi, sei, k, 1, method, META_Z, r, err);
	msc_free(sei);
	/* sei dropped as redundant (constant): no slope */
	if (ok && r->p != 2)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "The regression on the standard errors needs studies of different precision.",
						"all %d studies have the same standard error, so it cannot predict the effect", k);
	return ok;
}

/* ------------------------------------------------------------------ Egger */

bool
stat_egger(const double *yi, const double *vi, int k, egger_model model,
		   egger_result *out, msc_error *err)
{
	metareg_result *r;
	double		se0,
				se1,
				crit;
	bool		ok;

	memset(out, 0, sizeof(*out));
	out->k = k;
	out->model = model;
	if (k < 3)
		return true;			/* two coefficients and no residual: undefined */
	/* rma(yi, vi, mods = ~ sei): REML; lm(yi ~ sei, weights = 1/vi): FE with se scaled by the residual variance */
	r = msc_malloc(sizeof(metareg_result));
	ok = (r != NULL) ? regress_on_sei(yi, vi, k, model == EGGER_RMA ? META_REML : META_FE, r, err)
		: msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
	if (ok)
	{
		double		s = (model == EGGER_RMA) ? 1 : sqrt(r->qe / (k - 2));

		crit = (model == EGGER_RMA) ? stat_qnorm(0.975, true) : stat_qt(0.975, k - 2, true);
		se0 = s * r->se[0];
		se1 = s * r->se[1];
		out->df = (model == EGGER_RMA) ? 0 : k - 2;
		out->stat = r->coef[1] / se1;
		out->pval = (model == EGGER_RMA) ? 2 * stat_pnorm(fabs(out->stat), false)
			: 2 * stat_pt(fabs(out->stat), k - 2, false);
		out->limit_estimate = r->coef[0];
		out->limit_ci_low = r->coef[0] - crit * se0;
		out->limit_ci_high = r->coef[0] + crit * se0;
		out->tau2 = (model == EGGER_RMA) ? r->tau2 : 0;
	}
	msc_free(r);
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
		metareg_result *r = msc_malloc(sizeof(metareg_result));

		if (r == NULL)
			return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
		ok = regress_on_sei(yi, vi, k, method, r, err);
		side = (ok && r->coef[1] < 0) ? TF_RIGHT : TF_LEFT;
		msc_free(r);
		if (!ok)
			return false;
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
