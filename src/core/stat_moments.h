/*
 * stat_moments.h — count, mean, variance, min and max in one pass
 * (Welford), mergeable across partial aggregates (Chan et al. 1979).
 */
#ifndef STAT_MOMENTS_H
#define STAT_MOMENTS_H

#include <stdint.h>

typedef struct stat_moments
{
	int64_t		n;
	double		mean;
	double		m2;				/* sum of squared deviations from the mean, in
								 * units of 2^2e (see stat_moments.c) */
	double		min;
	double		max;
} stat_moments;

void		stat_moments_init(stat_moments *s);
void		stat_moments_add(stat_moments *s, double x);
/* Fold b into a (Chan's parallel update). */
void		stat_moments_merge(stat_moments *a, const stat_moments *b);
/* Sample variance (n - 1 denominator); NaN when n < 2; Infinity when it
 * exceeds float8 (use stat_moments_sd). */
double		stat_moments_var(const stat_moments *s);
/* Sample standard deviation without squaring the data: NaN when n < 2,
 * Infinity only when the SD itself exceeds float8. */
double		stat_moments_sd(const stat_moments *s);

#endif
