/*
 * stat_subgroup.h — subgroup analysis and the test for subgroup
 * differences (meta_subgroup, the subgroup blocks of forest_plot).
 */
#ifndef STAT_SUBGROUP_H
#define STAT_SUBGROUP_H

#include "stat_metareg.h"

/* "separate" (each subgroup its own tau^2) or "common" (one tau^2). */
typedef enum subgroup_tau2
{
	SUBGROUP_SEPARATE = 0,
	SUBGROUP_COMMON
} subgroup_tau2;

bool		stat_subgroup_tau2_parse(const char *s, subgroup_tau2 *t, msc_error *err);
const char *stat_subgroup_tau2_name(subgroup_tau2 t);

typedef struct subgroup_result
{
	/* per subgroup, length ngroups, allocated by the caller */
	int		   *k;
	double	   *estimate;
	double	   *se;
	double	   *ci_low;
	double	   *ci_high;
	double	   *tau2;
	double	   *i2;
	/* the test for subgroup differences */
	double		q_between;
	int			df;
	double		pval;			/* NaN for a single subgroup */
} subgroup_result;

/*
 * Subgroup analysis of k studies, group[i] in 0 .. ngroups - 1, every group
 * non-empty.  separate: rma() in each subgroup, then the fixed-effect Q of
 * the subgroup estimates (RevMan, R meta); common: rma() with
 * mods = ~ factor(group), its QM, and the subgroup means under the common
 * tau^2 (I^2 then the model's).
 */
bool		stat_meta_subgroup(const double *yi, const double *vi, const int *group,
							   int k, int ngroups, meta_method method,
							   subgroup_tau2 tau2_mode, subgroup_result *out,
							   msc_error *err);

/*
 * rma(method, test) of subgroup g's studies (at least one), copied to the
 * caller's scratch arrays y and v of k elements.
 */
bool		stat_subgroup_pool(const double *yi, const double *vi, const int *group,
							   int k, int g, meta_method method, meta_test test,
							   double *y, double *v, meta_result *r, msc_error *err);

#endif
