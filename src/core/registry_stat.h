/*
 * registry_stat.h — standard deviations from what trial reports give
 * instead of one: a standard error, or a confidence interval of a mean.
 * Plain C, no PostgreSQL headers.
 *
 * The formulas are those of the Cochrane Handbook (version 6.4, section
 * 6.5.2.2): SD = SE * sqrt(n); from a confidence interval of a group mean,
 * SD = sqrt(n) * (upper - lower) / (2 * t), where t is the (1 + level)/2
 * quantile of Student's t with n - 1 degrees of freedom (the interval a
 * t-test gives; for large n t tends to the normal quantile, 1.96 for 95%).
 */
#ifndef REGISTRY_STAT_H
#define REGISTRY_STAT_H

#include "msc_error.h"

/* SD of a group of n from the standard error of its mean. */
bool		registry_sd_from_se(double se, double n, double *sd, msc_error *err);

/* SD of a group of n from a two-sided level (0 < level < 1) confidence
 * interval [lower, upper] of its mean; n >= 2. */
bool		registry_sd_from_ci(double lower, double upper, double n, double level,
								double *sd, msc_error *err);

#endif
