/*
 * stat_moments.c — Welford's update and Chan's merge.
 *
 * The sums run in units of 2^e, the power of two just above the largest
 * |x| seen (derived from min and max, so the state needs no extra field):
 * x - mean can reach 2 DBL_MAX and the sum of squares DBL_MAX^2, neither of
 * which a double holds, while in those units every term is at most 4.
 * Scaling by a power of two is exact, so for moderate data the numbers are
 * the same to the bit as an unscaled update.  m2 is kept in units of 2^2e.
 */
#include "stat_moments.h"

#include <math.h>

/* e with |x| < 2^e for every x seen (0 before the first) */
static int
scale_of(const stat_moments *s)
{
	int			e = 0;

	if (s->n > 0)
		(void) frexp(fmax(fabs(s->min), fabs(s->max)), &e);
	return e;
}

void
stat_moments_init(stat_moments *s)
{
	s->n = 0;
	s->mean = s->m2 = 0.0;
	s->min = INFINITY;
	s->max = -INFINITY;
}

void
stat_moments_add(stat_moments *s, double x)
{
	int			e0 = scale_of(s),
				e;
	double		xs,
				mean,
				delta;

	s->n++;
	if (x < s->min)
		s->min = x;
	if (x > s->max)
		s->max = x;
	e = scale_of(s);
	if (e != e0)
		s->m2 = ldexp(s->m2, 2 * (e0 - e));
	xs = ldexp(x, -e);
	mean = ldexp(s->mean, -e);
	delta = xs - mean;
	mean += delta / (double) s->n;
	s->m2 += delta * (xs - mean);
	s->mean = ldexp(mean, e);
}

void
stat_moments_merge(stat_moments *a, const stat_moments *b)
{
	double		n,
				delta,
				mean;
	int			ea,
				eb,
				e;

	if (b->n == 0)
		return;
	if (a->n == 0)
	{
		*a = *b;
		return;
	}
	ea = scale_of(a);
	eb = scale_of(b);
	e = ea > eb ? ea : eb;
	n = (double) (a->n + b->n);
	mean = ldexp(a->mean, -e);
	delta = ldexp(b->mean, -e) - mean;
	a->mean = ldexp(mean + delta * ((double) b->n / n), e);
	a->m2 = ldexp(a->m2, 2 * (ea - e)) + ldexp(b->m2, 2 * (eb - e)) +
		delta * delta * ((double) a->n * (double) b->n / n);
	a->n += b->n;
	if (b->min < a->min)
		a->min = b->min;
	if (b->max > a->max)
		a->max = b->max;
}

double
stat_moments_var(const stat_moments *s)
{
	return s->n < 2 ? NAN : ldexp(s->m2 / (double) (s->n - 1), 2 * scale_of(s));
}

double
stat_moments_sd(const stat_moments *s)
{
	return s->n < 2 ? NAN : ldexp(sqrt(s->m2 / (double) (s->n - 1)), scale_of(s));
}
