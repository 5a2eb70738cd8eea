/*
 * stat_chisq.h — upper tail of the chi-square distribution, through the
 * regularised incomplete gamma function (for the p-value of Cochran's Q).
 */
#ifndef STAT_CHISQ_H
#define STAT_CHISQ_H

/* P[X > x] for X ~ chi-square with df > 0 degrees of freedom; 1 for x <= 0. */
double		stat_pchisq_upper(double x, double df);

/* Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x). */
double		stat_gamma_p(double a, double x);
double		stat_gamma_q(double a, double x);

#endif
