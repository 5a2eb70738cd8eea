/*
 * stat_fdist.h — the F distribution's upper tail, for the Knapp-Hartung
 * omnibus test of a meta-regression (metafor's pf(QM, m, k - p,
 * lower.tail = FALSE)).
 */
#ifndef STAT_FDIST_H
#define STAT_FDIST_H

/* P[F > f] for F ~ F(df1, df2), df1, df2 > 0; 1 for f <= 0, NaN for bad df. */
double		stat_pf_upper(double f, double df1, double df2);

/* The regularised incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1. */
double		stat_beta_inc(double x, double a, double b);

#endif
