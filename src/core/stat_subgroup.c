/*
 * stat_subgroup.c — subgroup analysis and the test for subgroup
 * differences: rma() within each subgroup and the fixed-effect Q of their
 * estimates (RevMan, R meta), or one tau^2 and the QM of metafor's
 * rma(yi, vi, mods = ~ factor(subgroup)) (a meta-regression,
 * stat_metareg.c).
 */
#include "stat_subgroup.h"
#include "msc_alloc.h"

#include "stat_chisq.h"
#include "stat_dist.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#define CI_LEVEL	0.95

static bool
out_of_memory(msc_error *err)
{
	return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory for the subgroup analysis");
}

static bool
fail_overflow(msc_error *err)
{
	return msc_fail(err, MSC_ERR_RANGE, NULL,
					"Rescale the effect sizes or variances to moderate magnitudes.",
					"the subgroup analysis overflowed with these effect sizes or variances");
}

bool
stat_subgroup_tau2_parse(const char *s, subgroup_tau2 *t, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];
	static const char *const names[] = {"separate", "common"};

	for (int i = 0; i < 2; i++)
	{
		size_t		j;

		for (j = 0; s[j] && names[i][j]; j++)
			if (tolower((unsigned char) s[j]) != names[i][j])
				break;
		if (s[j] == '\0' && names[i][j] == '\0')
		{
			*t = (subgroup_tau2) i;
			return true;
		}
	}
	msc_quote(q, sizeof(q), s, strlen(s));
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"tau2 is separate (each subgroup its own tau^2, the default) or common (one tau^2 for all).",
					"unknown subgroup tau^2 mode \"%s\"", q);
}

const char *
stat_subgroup_tau2_name(subgroup_tau2 t)
{
	return t == SUBGROUP_COMMON ? "common" : "separate";
}

bool
stat_subgroup_pool(const double *yi, const double *vi, const int *group, int k, int g,
				   meta_method method, meta_test test, double *y, double *v,
				   meta_result *r, msc_error *err)
{
	int			n = 0;

	for (int i = 0; i < k; i++)
		if (group[i] == g)
		{
			y[n] = yi[i];
			v[n++] = vi[i];
		}
	return stat_meta_pool(y, v, n, method, test, r, err);
}

static bool
subgroup_separate(const double *yi, const double *vi, const int *group, int k,
				  int ngroups, meta_method method, subgroup_result *out,
				  msc_error *err)
{
	double	   *y = msc_malloc(sizeof(double) * (size_t) k),
			   *v = msc_malloc(sizeof(double) * (size_t) k);
	double		sw = 0,
				swy = 0;

	if (y == NULL || v == NULL)
	{
		msc_free(y);
		msc_free(v);
		return out_of_memory(err);
	}
	for (int g = 0; g < ngroups; g++)
	{
		meta_result r;

		if (!stat_subgroup_pool(yi, vi, group, k, g, method, META_Z, y, v, &r, err))
		{
			msc_free(y);
			msc_free(v);
			return false;
		}
		out->k[g] = r.k;
		out->estimate[g] = r.estimate;
		out->se[g] = r.se;
		out->ci_low[g] = r.ci_low;
		out->ci_high[g] = r.ci_high;
		out->tau2[g] = r.tau2;
		out->i2[g] = r.i2;
	}
	msc_free(y);
	msc_free(v);
	/* the fixed-effect Q of the subgroup estimates */
	for (int g = 0; g < ngroups; g++)
	{
		double		w = 1 / (out->se[g] * out->se[g]);

		sw += w;
		swy += w * out->estimate[g];
	}
	out->q_between = 0;
	for (int g = 0; g < ngroups; g++)
	{
		double		d = out->estimate[g] - swy / sw;

		out->q_between += d * d / (out->se[g] * out->se[g]);
	}
	out->df = ngroups - 1;
	out->pval = (ngroups > 1) ? stat_pchisq_upper(out->q_between, ngroups - 1) : NAN;
	return isfinite(out->q_between) || fail_overflow(err);
}

static bool
subgroup_common(const double *yi, const double *vi, const int *group, int k,
				int ngroups, meta_method method, subgroup_result *out,
				msc_error *err)
{
	int			m = ngroups - 1;
	double	   *x;
	metareg_result *r;
	double		crit = stat_qnorm((1 + CI_LEVEL) / 2, true);
	bool		ok;

	if (ngroups > METAREG_MAX_COEF)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "Use tau2 separate for this many subgroups.",
						"a common tau^2 takes at most %d subgroups, not %d", METAREG_MAX_COEF, ngroups);
	x = msc_calloc((size_t) k * (m > 0 ? m : 1), sizeof(double));
	r = msc_malloc(sizeof(metareg_result));
	if (x == NULL || r == NULL)
	{
		msc_free(x);
		msc_free(r);
		return out_of_memory(err);
	}
	/* dummies for every subgroup but the first (factor()'s treatment coding) */
	for (int i = 0; i < k; i++)
		if (group[i] > 0)
			x[(size_t) i * m + group[i] - 1] = 1;
	ok = stat_metareg_fit(yi, vi, x, k, m, method, META_Z, r, err);
	msc_free(x);
	if (ok)
	{
		for (int g = 0; g < ngroups; g++)
		{
			double		sw = 0,
						swy = 0;

			out->k[g] = 0;
			for (int i = 0; i < k; i++)
				if (group[i] == g)
				{
					double		w = 1 / (vi[i] + r->tau2);

					sw += w;
					swy += w * yi[i];
					out->k[g]++;
				}
			out->estimate[g] = swy / sw;
			out->se[g] = sqrt(1 / sw);
			out->ci_low[g] = out->estimate[g] - crit * out->se[g];
			out->ci_high[g] = out->estimate[g] + crit * out->se[g];
			out->tau2[g] = r->tau2;
			out->i2[g] = r->i2;
		}
		out->q_between = (m > 0) ? r->qm : 0;
		out->df = m;
		out->pval = (m > 0) ? r->qm_pval : NAN;
	}
	msc_free(r);
	return ok;
}

bool
stat_meta_subgroup(const double *yi, const double *vi, const int *group,
				   int k, int ngroups, meta_method method,
				   subgroup_tau2 tau2_mode, subgroup_result *out,
				   msc_error *err)
{
	if (ngroups < 1 || k < 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "a subgroup analysis needs at least one study");
	if (tau2_mode == SUBGROUP_COMMON)
		return subgroup_common(yi, vi, group, k, ngroups, method, out, err);
	return subgroup_separate(yi, vi, group, k, ngroups, method, out, err);
}
