/*
 * stat_chisq.c — regularised incomplete gamma by its power series (for
 * x < a + 1) and by Legendre's continued fraction evaluated with the
 * modified Lentz method (otherwise); each converges fast on its side, and
 * the other tail is taken as the complement only where that loses nothing.
 */
#include "stat_chisq.h"

#include <float.h>
#include <math.h>

#define MAX_TERMS 100000

/* x^a e^-x / Gamma(a), computed in logs */
static double
prefactor(double a, double x)
{
	return exp(a * log(x) - x - lgamma(a));
}

/* P(a, x) by the series sum x^n / (a (a+1) ... (a+n)) */
static double
gamma_p_series(double a, double x)
{
	double		term = 1.0 / a,
				sum = term;

	for (int n = 1; n < MAX_TERMS; n++)
	{
		term *= x / (a + n);
		sum += term;
		if (fabs(term) < fabs(sum) * DBL_EPSILON / 4)
			break;
	}
	return sum * prefactor(a, x);
}

/* Q(a, x) by the continued fraction 1/(x+1-a- 1(1-a)/(x+3-a- ...)) */
static double
gamma_q_fraction(double a, double x)
{
	const double tiny = DBL_MIN / DBL_EPSILON;
	double		b = x + 1 - a,
				c = 1 / tiny,
				d = 1 / b,
				h = d;

	for (int i = 1; i < MAX_TERMS; i++)
	{
		double		an = -i * (i - a);
		double		delta;

		b += 2;
		d = an * d + b;
		if (fabs(d) < tiny)
			d = tiny;
		c = b + an / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		delta = d * c;
		h *= delta;
		if (fabs(delta - 1) < DBL_EPSILON / 4)
			break;
	}
	return h * prefactor(a, x);
}

double
stat_gamma_p(double a, double x)
{
	if (isnan(a) || isnan(x) || a <= 0)
		return NAN;
	if (x <= 0)
		return 0;
	if (isinf(x))
		return 1;
	return x < a + 1 ? gamma_p_series(a, x) : 1 - gamma_q_fraction(a, x);
}

double
stat_gamma_q(double a, double x)
{
	if (isnan(a) || isnan(x) || a <= 0)
		return NAN;
	if (x <= 0)
		return 1;
	if (isinf(x))
		return 0;
	return x < a + 1 ? 1 - gamma_p_series(a, x) : gamma_q_fraction(a, x);
}

double
stat_pchisq_upper(double x, double df)
{
	return stat_gamma_q(df / 2, x / 2);
}
