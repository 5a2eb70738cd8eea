/*
 * forest_model.h — the numbers a forest plot draws: the overall model
 * (metafor rma(yi, vi, method, test)), its prediction interval
 * (predict.rma, metafor forest(..., addpred = TRUE)), and with subgroups
 * a pooled estimate per subgroup and the test for subgroup differences
 * (the numbers of meta_subgroup, stat_subgroup.h).
 */
#ifndef FOREST_MODEL_H
#define FOREST_MODEL_H

#include "msc_error.h"
#include "stat_meta.h"
#include "stat_subgroup.h"

#include <stdbool.h>

typedef struct forest_options
{
	meta_method method;
	meta_test	test;			/* z, or knha: Knapp-Hartung intervals */
	bool		prediction;		/* draw the 95% prediction interval */
	subgroup_tau2 tau2;			/* with subgroups: separate or common */
} forest_options;

/* defaults: REML, z, no prediction interval, separate tau^2 */
void		forest_options_init(forest_options *o);

/* one subgroup's pooled row */
typedef struct forest_group
{
	int			k;
	double		estimate;
	double		ci_low;
	double		ci_high;
	double		tau2;
	double		i2;
	meta_test	test;			/* knha falls back to z for one study, as metafor */
} forest_group;

typedef struct forest_model
{
	meta_result overall;
	int			ngroups;		/* 0: no subgroups */
	forest_group *groups;		/* ngroups of them, from msc_malloc */
	double		q_between;		/* the test for subgroup differences */
	int			df;
	double		pval;			/* NaN for one subgroup */
} forest_model;

/*
 * Pool the k checked studies as opt says; with group != NULL (group[i] in
 * 0 .. ngroups - 1, every group non-empty) also each subgroup and the test
 * for subgroup differences.  Each subgroup's row is meta_subgroup's with
 * test z; with knha and separate tau^2 it is rma(..., test = "knha") of
 * that subgroup (the test for subgroup differences stays meta_subgroup's).
 * False with 22023 for an option the plot cannot draw (a prediction
 * interval of a fixed-effect model, knha with a common tau^2), or an
 * error of the pooling.  Free with forest_model_free.
 */
bool		forest_model_fit(const double *yi, const double *vi, const int *group,
							 int k, int ngroups, const forest_options *opt,
							 forest_model *m, msc_error *err);
void		forest_model_free(forest_model *m);

#endif
