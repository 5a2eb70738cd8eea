/*
 * stat_fdist.c — the regularised incomplete beta function by its continued
 * fraction (A&S 26.5.8, modified Lentz), and the F upper tail from it:
 *   P[F > f] = I_y(df2/2, df1/2),  y = df2 / (df2 + df1 f).
 * The prefactor x^a y^b / (a B(a, b)) is formed from logarithms so that
 * neither power underflows on its own.
 */
#include "stat_fdist.h"

#include <math.h>

#define CF_TINY		1e-300
#define CF_EPS		1e-16
#define CF_MAXIT	100000

/* the continued fraction of I_x(a, b), converging for x < (a+1)/(a+b+2) */
static double
beta_cf(double x, double a, double b)
{
	double		c = 1,
				d = 1 - (a + b) * x / (a + 1),
				h;

	if (fabs(d) < CF_TINY)
		d = CF_TINY;
	d = 1 / d;
	h = d;
	for (int m = 1; m <= CF_MAXIT; m++)
	{
		double		m2 = 2.0 * m,
					num = m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
					delta;

		/* even step */
		d = 1 + num * d;
		c = 1 + num / c;
		d = 1 / (fabs(d) < CF_TINY ? CF_TINY : d);
		if (fabs(c) < CF_TINY)
			c = CF_TINY;
		h *= d * c;
		/* odd step */
		num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
		d = 1 + num * d;
		c = 1 + num / c;
		d = 1 / (fabs(d) < CF_TINY ? CF_TINY : d);
		if (fabs(c) < CF_TINY)
			c = CF_TINY;
		delta = d * c;
		h *= delta;
		if (fabs(delta - 1) < CF_EPS)
			break;
	}
	return h;
}

/* x^a (1-x)^b / (a B(a, b)), with 1 - x given as y for accuracy */
static double
beta_prefactor(double x, double y, double a, double b)
{
	double		lb = lgamma(a) + lgamma(b) - lgamma(a + b);

	return exp(a * log(x) + b * log(y) - lb) / a;
}

static double
beta_inc2(double x, double y, double a, double b)
{
	if (x <= 0)
		return 0;
	if (y <= 0)
		return 1;
	if (x < (a + 1) / (a + b + 2))
		return beta_prefactor(x, y, a, b) * beta_cf(x, a, b);
	return 1 - beta_prefactor(y, x, b, a) * beta_cf(y, b, a);
}

double
stat_beta_inc(double x, double a, double b)
{
	if (isnan(x) || !(a > 0) || !(b > 0))
		return NAN;
	return beta_inc2(x, 1 - x, a, b);
}

double
stat_pf_upper(double f, double df1, double df2)
{
	double		s,
				x,
				y;

	if (isnan(f) || !(df1 > 0) || !(df2 > 0))
		return NAN;
	if (f <= 0)
		return 1;
	if (isinf(f))
		return 0;
	/* y = df2/(df2 + df1 f) and x = 1 - y, each without cancellation */
	s = df2 + df1 * f;
	y = df2 / s;
	x = df1 * f / s;
	/* P[F > f] = I_y(df2/2, df1/2) = 1 - I_x(df1/2, df2/2): the smaller of
	 * the two forms, so a small tail keeps its relative accuracy */
	if (y < (df2 / 2 + 1) / ((df1 + df2) / 2 + 2))
		return beta_prefactor(y, x, df2 / 2, df1 / 2) * beta_cf(y, df2 / 2, df1 / 2);
	return 1 - beta_prefactor(x, y, df1 / 2, df2 / 2) * beta_cf(x, df1 / 2, df2 / 2);
}
