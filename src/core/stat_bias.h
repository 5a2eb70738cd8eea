/*
 * stat_bias.h — small-study effects as metafor 3.8-1 tests and corrects
 * them: regtest() (Egger's regression test, as a random-effects
 * meta-regression on the standard errors or as the classic weighted
 * regression), ranktest() (Begg and Mazumdar's rank correlation) and
 * trimfill() (Duval and Tweedie's trim and fill, estimators L0 and R0).
 *
 * Every function takes studies that have passed stat_meta_check_study.
 */
#ifndef STAT_BIAS_H
#define STAT_BIAS_H

#include "msc_error.h"
#include "stat_meta.h"

#include <stdbool.h>

typedef enum egger_model
{
	EGGER_RMA = 0,				/* REML meta-regression on sei, z test (regtest's default) */
	EGGER_LM					/* weighted least squares, t test on k - 2 df */
} egger_model;

typedef enum tf_estimator
{
	TF_L0 = 0,
	TF_R0
} tf_estimator;

typedef enum tf_side
{
	TF_AUTO = 0,				/* as metafor: from the sign of Egger's slope */
	TF_LEFT,
	TF_RIGHT
} tf_side;

/* "rma", "lm"; "L0", "R0"; "left", "right" (case-insensitive); 22023 else */
bool		stat_egger_model_parse(const char *s, egger_model *m, msc_error *err);
bool		stat_tf_estimator_parse(const char *s, tf_estimator *e, msc_error *err);
bool		stat_tf_side_parse(const char *s, tf_side *side, msc_error *err);
const char *stat_egger_model_name(egger_model m);

typedef struct egger_result
{
	int			k;
	egger_model model;
	bool		defined;		/* false for k < 3: nothing is estimable */
	double		stat;			/* z (rma) or t (lm) of the slope on sei */
	int			df;				/* lm: k - 2; rma: 0 (a z test has none) */
	double		pval;
	double		limit_estimate; /* the intercept: the effect as sei -> 0 */
	double		limit_ci_low;
	double		limit_ci_high;
	double		tau2;			/* rma: residual heterogeneity */
} egger_result;

/*
 * Egger's test.  False with 22023 when all standard errors are equal (the
 * regression is undefined), 22003 when the fit is not finite.
 */
bool		stat_egger(const double *yi, const double *vi, int k, egger_model model,
					   egger_result *out, msc_error *err);

typedef struct rank_result
{
	int			k;
	bool		defined;		/* false for k < 2 */
	double		tau;			/* Kendall's tau-b */
	double		pval;			/* without ties: exact (R: NaN from k = 171, we
								 * compute it to k = 1000, then the normal
								 * approximation); with ties: normal, as R */
} rank_result;

bool		stat_rank_test(const double *yi, const double *vi, int k,
						   rank_result *out, msc_error *err);

typedef struct tf_result
{
	int			k0;				/* studies filled */
	bool		right;			/* filled on the right (side "right") */
	meta_result model;			/* the model of the k + k0 studies */
} tf_result;

/*
 * Trim and fill with pooling method (z test).  fill_yi and fill_vi (room
 * for k values each) receive the k0 filled studies in metafor's order.
 * False with an error when an iteration fails (as metafor, after 100
 * rounds) or pooling fails.
 */
bool		stat_trim_fill(const double *yi, const double *vi, int k,
						   meta_method method, tf_estimator estimator, tf_side side,
						   tf_result *out, double *fill_yi, double *fill_vi,
						   msc_error *err);

#endif
