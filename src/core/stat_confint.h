/*
 * stat_confint.h — intervals at any level: the CI and prediction interval
 * of a pooled result at level (0, 100) with metafor's predict(pi.type = )
 * variants, and Q-profile confidence intervals for tau^2, I^2 and H^2 as
 * metafor's confint() for rma.uni (Viechtbauer 2007, Stat Med 26:37-52).
 */
#ifndef STAT_CONFINT_H
#define STAT_CONFINT_H

#include "stat_meta.h"

typedef enum pi_type
{
	PI_DEFAULT = 0,				/* the CI's critical value (z, or t on k - 1 df for knha) */
	PI_SIMPLE,					/* z, ignoring the estimate's uncertainty */
	PI_T,						/* t on k - 1 df */
	PI_RILEY					/* t on k - 2 df (Riley et al. 2011) */
} pi_type;

/* level in (0, 100), a percentage; 22023 otherwise. */
bool		stat_level_check(double level, msc_error *err);
/* "default", "simple", "t", "riley" (case-insensitive); 22023 otherwise. */
bool		stat_pi_type_parse(const char *s, pi_type *t, msc_error *err);
const char *stat_pi_type_name(pi_type t);

/*
 * Recompute r's CI (and prediction interval, where r has one) at level
 * percent, the prediction interval as pi_type, from r's estimate, se,
 * tau2, k and test (the p value does not depend on the level).
 */
void		stat_meta_relevel(meta_result *r, double level, pi_type pt);

typedef struct het_ci
{
	double		tau2_low,
				tau2_high,
				i2_low,
				i2_high,
				h2_low,
				h2_high;
} het_ci;

/*
 * Q-profile CI at level percent for tau^2 of k >= 2 studies, and the I^2
 * and H^2 intervals it implies (I^2 = 100 tau^2/(vt + tau^2),
 * H^2 = tau^2/vt + 1 with metafor's typical within-study variance vt).
 * A bound is 0 where the generalised Q at tau^2 = 0 is already below the
 * chi-square quantile, as metafor.
 */
bool		stat_tau2_confint(const double *yi, const double *vi, int k, double level,
							  het_ci *out, msc_error *err);

#endif
