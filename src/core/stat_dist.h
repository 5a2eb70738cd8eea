/*
 * stat_dist.h — normal and Student t distribution functions and quantiles,
 * plain C, accurate to about 1e-12 relative against R's pnorm, qnorm, pt
 * and qt (far tails included; 1 to 1000+ degrees of freedom).
 */
#ifndef STAT_DIST_H
#define STAT_DIST_H

#include <stdbool.h>

/* P[Z <= x] (lower_tail) or P[Z > x] for the standard normal. */
double		stat_pnorm(double x, bool lower_tail);

/* The p-quantile of the standard normal (lower tail); p in [0, 1]. */
double		stat_qnorm(double p, bool lower_tail);

/* P[T <= t] (lower_tail) or P[T > t] for Student t with df > 0 degrees of freedom. */
double		stat_pt(double t, double df, bool lower_tail);

/* The p-quantile of Student t with df > 0 degrees of freedom. */
double		stat_qt(double p, double df, bool lower_tail);

#endif
