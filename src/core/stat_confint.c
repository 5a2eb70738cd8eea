/*
 * stat_confint.c — intervals at any level and Q-profile intervals for the
 * heterogeneity, as metafor 3.8-1's predict.rma() and confint.rma.uni().
 */
#include "stat_confint.h"

#include "stat_chisq.h"
#include "stat_dist.h"
#include "msc_interrupt.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

bool
stat_level_check(double level, msc_error *err)
{
	char		num[32];

	if (!(level > 0 && level < 100))
		return msc_fail(err, MSC_ERR_PARAM, NULL, "The level is a percentage strictly between 0 and 100 (95 by default).",
						"confidence level %s is outside (0, 100)", msc_num(num, sizeof(num), level));
	return true;
}

static const char *const pi_names[] = {"default", "simple", "t", "riley"};

bool
stat_pi_type_parse(const char *s, pi_type *t, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];

	for (int i = 0; i < 4; i++)
	{
		size_t		j;

		for (j = 0; s[j] && pi_names[i][j]; j++)
			if (tolower((unsigned char) s[j]) != pi_names[i][j])
				break;
		if (s[j] == '\0' && pi_names[i][j] == '\0')
		{
			*t = (pi_type) i;
			return true;
		}
	}
	msc_quote(q, sizeof(q), s, strlen(s));
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"Prediction intervals are default (as the CI), simple (z, tau^2 only), t (k - 1 df) or riley (k - 2 df).",
					"unknown prediction interval type \"%s\"", q);
}

const char *
stat_pi_type_name(pi_type t)
{
	return pi_names[t];
}

/* the two-sided critical value at level percent: z, or t on df degrees of freedom */
static double
crit_of(double level, double df)
{
	double		p = (1 + level / 100) / 2;

	return df > 0 ? stat_qt(p, df, true) : stat_qnorm(p, true);
}

void
stat_meta_relevel(meta_result *r, double level, pi_type pt)
{
	bool		knha = (r->test == META_KNHA);
	double		crit = crit_of(level, knha ? r->k - 1 : 0),
				vpred = r->se * r->se;

	r->ci_low = r->estimate - crit * r->se;
	r->ci_high = r->estimate + crit * r->se;
	if (!r->has_pi)
		return;
	switch (pt)
	{
		case PI_DEFAULT:
			break;
		case PI_SIMPLE:
			crit = crit_of(level, 0);
			vpred = 0;
			break;
		case PI_T:
			crit = crit_of(level, fmax(1, r->k - 1));
			break;
		case PI_RILEY:
			crit = crit_of(level, fmax(1, r->k - 2));
			break;
	}
	r->pi_low = r->estimate - crit * sqrt(vpred + r->tau2);
	r->pi_high = r->estimate + crit * sqrt(vpred + r->tau2);
}

/* the generalised Q statistic: sum w (y - mu_w)^2, w = 1/(v + tau2) */
static double
gen_q(const double *y, const double *v, int k, double tau2)
{
	double		sw = 0,
				swy = 0,
				q = 0,
				mu;

	for (int i = 0; i < k; i++)
	{
		sw += 1 / (v[i] + tau2);
		swy += y[i] / (v[i] + tau2);
	}
	mu = swy / sw;
	for (int i = 0; i < k; i++)
		q += (y[i] - mu) * (y[i] - mu) / (v[i] + tau2);
	return q;
}

/*
 * The tau2 where gen_q falls to target (gen_q decreases in tau2), given
 * gen_q(0) > target: bracket by doubling, then bisect to the last bit.
 */
static bool
q_root(const double *y, const double *v, int k, double target, double *root, msc_error *err)
{
	double		lo = 0,
				hi = 1;

	for (int i = 0; gen_q(y, v, k, hi) > target; i++)
	{
		msc_check_interrupts();	/* each pass is over all k studies */
		if (i == 2000)
			return msc_fail(err, MSC_ERR_RANGE, NULL, NULL,
							"the Q-profile interval for tau^2 has no upper bound for these studies");
		lo = hi;
		hi *= 2;
	}
	for (int i = 0; i < 2000; i++)
	{
		double		mid = lo + (hi - lo) / 2;

		msc_check_interrupts();
		if (mid <= lo || mid >= hi)
			break;
		if (gen_q(y, v, k, mid) > target)
			lo = mid;
		else
			hi = mid;
	}
	*root = lo + (hi - lo) / 2;
	return true;
}

bool
stat_tau2_confint(const double *yi, const double *vi, int k, double level,
				  het_ci *out, msc_error *err)
{
	double		alpha = 1 - level / 100,
				crit_u,
				crit_l,
				q0,
				sw = 0,
				sw2 = 0,
				vt;

	if (!stat_level_check(level, err))
		return false;
	if (k < 2)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "a confidence interval for tau^2 needs at least 2 studies");
	/* the chi-square quantiles on k - 1 df, by bisection of the upper tail */
	{
		double		targets[2] = {alpha / 2, 1 - alpha / 2},
					res[2];

		for (int t = 0; t < 2; t++)
		{
			double		lo = 0,
						hi = k + 10.0;

			while (stat_pchisq_upper(hi, k - 1) > targets[t])
				hi *= 2;
			for (int i = 0; i < 2000; i++)
			{
				double		mid = lo + (hi - lo) / 2;

				if (mid <= lo || mid >= hi)
					break;
				if (stat_pchisq_upper(mid, k - 1) > targets[t])
					lo = mid;
				else
					hi = mid;
			}
			res[t] = lo + (hi - lo) / 2;
		}
		crit_u = res[0];		/* upper alpha/2 quantile */
		crit_l = res[1];		/* lower alpha/2 quantile */
	}
	q0 = gen_q(yi, vi, k, 0);
	out->tau2_low = out->tau2_high = 0;
	if (q0 >= crit_l && !q_root(yi, vi, k, crit_l, &out->tau2_high, err))
		return false;
	if (q0 >= crit_u && !q_root(yi, vi, k, crit_u, &out->tau2_low, err))
		return false;
	for (int i = 0; i < k; i++)
	{
		sw += 1 / vi[i];
		sw2 += 1 / (vi[i] * vi[i]);
	}
	vt = (k - 1) / (sw - sw2 / sw);
	out->i2_low = 100 * out->tau2_low / (vt + out->tau2_low);
	out->i2_high = 100 * out->tau2_high / (vt + out->tau2_high);
	out->h2_low = out->tau2_low / vt + 1;
	out->h2_high = out->tau2_high / vt + 1;
	return true;
}
