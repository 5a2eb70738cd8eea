/*
 * stat_influence.c — leave-one-out fits and metafor's influence()
 * diagnostics (Viechtbauer and Cheung 2010, Res Synth Methods 1:112) for
 * the intercept-only model: with one coefficient the hat matrix, Cook's
 * distance and the covariance ratio reduce to scalars.
 */
#include "stat_influence.h"
#include "msc_alloc.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* qchisq(0.5, 1): pchisq(cook_d, 1) > 0.5 is cook_d above the median */
#define CHISQ1_MEDIAN 0.45493642311957283

bool
stat_influence(const double *yi, const double *vi, int k, meta_method method,
			   meta_result *full, influence_row *rows, msc_error *err)
{
	double	   *y,
			   *v;
	double		tau2,
				vb,
				rsum = 0,
				cut_dffits;
	bool		ok = true;

	if (k < 2)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "Pass at least 2 studies.",
						"influence diagnostics need at least 2 studies, not %d", k);
	if (!stat_meta_pool(yi, vi, k, method, META_Z, full, err))
		return false;
	tau2 = full->tau2;
	vb = full->se * full->se;
	/* weights relative to the heaviest study: no overflow for tiny variances */
	{
		double		den_min = vi[0] + tau2;

		for (int i = 1; i < k; i++)
			den_min = fmin(den_min, vi[i] + tau2);
		for (int i = 0; i < k; i++)
			rsum += den_min / (vi[i] + tau2);
		for (int i = 0; i < k; i++)
		{
			rows[i].hat = den_min / (vi[i] + tau2) / rsum;
			rows[i].weight = 100 * rows[i].hat;
		}
	}

	y = msc_malloc(sizeof(double) * (size_t) k);
	v = msc_malloc(sizeof(double) * (size_t) k);
	if (y == NULL || v == NULL)
	{
		msc_free(y);
		msc_free(v);
		return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory");
	}
	cut_dffits = 3 * sqrt(1.0 / (k - 1));
	for (int i = 0; i < k && ok; i++)
	{
		influence_row *r = &rows[i];
		meta_result *d = &r->loo;
		double		diff,
					resid,
					vb_del_all,
					rel = 0,
					dmin;

		/* the other k - 1 studies, in their order */
		memcpy(y, yi, sizeof(double) * (size_t) i);
		memcpy(v, vi, sizeof(double) * (size_t) i);
		memcpy(y + i, yi + i + 1, sizeof(double) * (size_t) (k - i - 1));
		memcpy(v + i, vi + i + 1, sizeof(double) * (size_t) (k - i - 1));
		if (!stat_meta_pool(y, v, k - 1, method, META_Z, d, err))
		{
			ok = false;
			break;
		}
		r->tau2_del = d->tau2;
		r->qe_del = d->q;
		diff = full->estimate - d->estimate;
		r->dffits = diff / sqrt(r->hat * (r->tau2_del + vi[i]));
		/* var of the full-data estimate with tau2 of the deleted fit */
		dmin = vi[0] + r->tau2_del;
		for (int j = 1; j < k; j++)
			dmin = fmin(dmin, vi[j] + r->tau2_del);
		for (int j = 0; j < k; j++)
			rel += dmin / (vi[j] + r->tau2_del);
		vb_del_all = dmin / rel;
		r->dfbetas = diff / sqrt(vb_del_all);
		r->cook_d = diff * diff / vb;
		r->cov_r = d->se * d->se / vb;
		resid = yi[i] - d->estimate;
		if (fabs(resid) < 100 * DBL_EPSILON)
			resid = 0;
		r->rstudent = resid / sqrt(vi[i] + d->se * d->se + r->tau2_del);
		r->influential = fabs(r->dffits) > cut_dffits || r->cook_d > CHISQ1_MEDIAN ||
			r->hat > 3.0 / k || fabs(r->dfbetas) > 1;
		if (!isfinite(r->rstudent) || !isfinite(r->dffits) || !isfinite(r->cook_d) ||
			!isfinite(r->cov_r) || !isfinite(r->dfbetas))
			ok = msc_fail(err, MSC_ERR_RANGE, NULL,
						  "Rescale the effect sizes so that they and their variances are moderate numbers.",
						  "the influence diagnostics of study %d are not finite", i + 1);
	}
	msc_free(y);
	msc_free(v);
	return ok;
}
