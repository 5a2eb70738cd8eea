/*
 * forest_model.c — the numbers of a forest plot (forest_model.h): the
 * overall rma(), and with subgroups meta_subgroup's rows and test.
 */
#include "forest_model.h"

#include "msc_alloc.h"

#include <math.h>
#include <stdlib.h>

void
forest_options_init(forest_options *o)
{
	o->method = META_REML;
	o->test = META_Z;
	o->prediction = false;
	o->tau2 = SUBGROUP_SEPARATE;
}

void
forest_model_free(forest_model *m)
{
	msc_free(m->groups);
	m->groups = NULL;
	m->ngroups = 0;
}

static bool
out_of_memory(msc_error *err)
{
	return msc_fail(err, MSC_ERR_RANGE, NULL, "Draw fewer studies.",
					"out of memory while pooling the forest plot");
}

static bool
fit_groups(const double *yi, const double *vi, const int *group, int k,
		   int ngroups, const forest_options *opt, forest_model *m, msc_error *err)
{
	int		   *gk = msc_malloc(sizeof(int) * (size_t) ngroups);
	double	   *a = msc_malloc(sizeof(double) * (size_t) ngroups * 6);
	double	   *y = NULL,
			   *v = NULL;
	subgroup_result sr;
	bool		ok = false;

	m->groups = msc_calloc((size_t) ngroups, sizeof(forest_group));
	if (opt->test == META_KNHA)
	{
		y = msc_malloc(sizeof(double) * (size_t) k);
		v = msc_malloc(sizeof(double) * (size_t) k);
	}
	if (gk == NULL || a == NULL || m->groups == NULL ||
		(opt->test == META_KNHA && (y == NULL || v == NULL)))
	{
		ok = out_of_memory(err);
		goto done;
	}
	m->ngroups = ngroups;
	sr.k = gk;
	sr.estimate = a;
	sr.se = a + ngroups;
	sr.ci_low = a + 2 * ngroups;
	sr.ci_high = a + 3 * ngroups;
	sr.tau2 = a + 4 * ngroups;
	sr.i2 = a + 5 * ngroups;
	if (!stat_meta_subgroup(yi, vi, group, k, ngroups, opt->method, opt->tau2, &sr, err))
		goto done;
	for (int g = 0; g < ngroups; g++)
	{
		forest_group *fg = &m->groups[g];

		fg->k = sr.k[g];
		fg->estimate = sr.estimate[g];
		fg->ci_low = sr.ci_low[g];
		fg->ci_high = sr.ci_high[g];
		fg->tau2 = sr.tau2[g];
		fg->i2 = sr.i2[g];
		fg->test = META_Z;
		if (opt->test == META_KNHA)
		{
			meta_result r;

			if (!stat_subgroup_pool(yi, vi, group, k, g, opt->method, META_KNHA, y, v, &r, err))
				goto done;
			fg->ci_low = r.ci_low;
			fg->ci_high = r.ci_high;
			fg->test = r.test;
		}
	}
	m->q_between = sr.q_between;
	m->df = sr.df;
	m->pval = sr.pval;
	ok = true;
done:
	msc_free(gk);
	msc_free(a);
	msc_free(y);
	msc_free(v);
	return ok;
}

bool
forest_model_fit(const double *yi, const double *vi, const int *group,
				 int k, int ngroups, const forest_options *opt,
				 forest_model *m, msc_error *err)
{
	m->ngroups = 0;
	m->groups = NULL;
	m->q_between = m->pval = NAN;
	m->df = 0;
	msc_error_clear(err);
	if (opt->prediction && opt->method == META_FE)
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Use method DL, REML or PM for a prediction interval, or leave prediction false.",
						"a fixed-effect model (method FE) has no prediction interval");
	if (group != NULL && opt->test == META_KNHA && opt->tau2 == SUBGROUP_COMMON)
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Use tau2 separate with test knha, or test z with tau2 common.",
						"a forest plot does not draw Knapp-Hartung intervals with a common tau^2 (tau2 common)");
	if (!stat_meta_pool(yi, vi, k, opt->method, opt->test, &m->overall, err))
		return false;
	if (group == NULL || ngroups < 1)
		return true;
	if (!fit_groups(yi, vi, group, k, ngroups, opt, m, err))
	{
		forest_model_free(m);
		return false;
	}
	return true;
}
