/*
 * stat_metareg.h — meta-regression (mixed-effects models with moderators)
 * exactly as metafor's rma.uni(yi, vi, mods = ~ x, method, test) and
 * predict.rma(): an intercept plus m moderators; FE, DL,
 * REML or PM; z tests or Knapp-Hartung (t tests, F for the omnibus QM);
 * redundant moderators dropped as lm() drops them; metafor's pseudo-R^2.
 * Subgroup analysis: stat_subgroup.h.
 */
#ifndef STAT_METAREG_H
#define STAT_METAREG_H

#include "msc_error.h"
#include "stat_meta.h"

#include <stdbool.h>

/* intercept plus at most 63 moderators */
#define METAREG_MAX_COEF 64

typedef struct metareg_result
{
	int			k;				/* studies */
	int			ncoef;			/* 1 + moderators given */
	int			p;				/* coefficients estimated (redundant ones dropped) */
	meta_method method;
	meta_test	test;
	bool		dropped[METAREG_MAX_COEF];	/* [0] is the intercept, never dropped */
	/* per coefficient (intercept first); NaN where dropped */
	double		coef[METAREG_MAX_COEF];
	double		se[METAREG_MAX_COEF];
	double		stat[METAREG_MAX_COEF];
	double		pval[METAREG_MAX_COEF];
	double		ci_low[METAREG_MAX_COEF];
	double		ci_high[METAREG_MAX_COEF];
	/* ncoef x ncoef, row-major; NaN in the rows and columns of dropped ones */
	double		vcov[METAREG_MAX_COEF * METAREG_MAX_COEF];
	double		qm;				/* omnibus test of the moderators (of the intercept if none) */
	int			qm_df;
	int			qm_df2;			/* knha: denominator df k - p of the F test; 0 for z */
	double		qm_pval;
	double		qe;				/* test for residual heterogeneity */
	int			qe_df;
	double		qe_pval;
	double		tau2;
	double		i2;				/* percent */
	double		h2;
	double		r2;				/* percent; NaN when undefined (no moderator, or k = p) */
	int			iterations;
} metareg_result;

/*
 * Fit yi ~ 1 + x, x row-major k x m (study i's moderators at x[i*m ..]).
 * yi, vi must have passed stat_meta_check_study; x must be finite.  False
 * with a 22023 error for a model that cannot be fitted (too few studies,
 * model matrix not of full rank, m too large), 22003 when the numbers
 * overflow.
 */
bool		stat_metareg_fit(const double *yi, const double *vi, const double *x,
							 int k, int m, meta_method method, meta_test test,
							 metareg_result *out, msc_error *err);

typedef struct metareg_prediction
{
	double		pred;
	double		se;
	double		ci_low;
	double		ci_high;
	double		pi_low;
	double		pi_high;
} metareg_prediction;

/*
 * predict.rma at moderator values x (m = ncoef - 1 of them, the dropped
 * ones ignored), from the fit's coefficients, covariance matrix, tau^2,
 * test and residual df k - p.
 */
bool		stat_metareg_predict(const double *coef, const double *vcov, int ncoef,
								 double tau2, meta_test test, int df_resid,
								 const double *x, int m,
								 metareg_prediction *out, msc_error *err);

#endif
