/*
 * stat_moments.c — Welford's update and Chan's merge.
 */
#include "stat_moments.h"

#include <math.h>

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
	double		delta = x - s->mean;

	s->n++;
	s->mean += delta / (double) s->n;
	s->m2 += delta * (x - s->mean);
	if (x < s->min)
		s->min = x;
	if (x > s->max)
		s->max = x;
}

void
stat_moments_merge(stat_moments *a, const stat_moments *b)
{
	double		n,
				delta;

	if (b->n == 0)
		return;
	if (a->n == 0)
	{
		*a = *b;
		return;
	}
	n = (double) (a->n + b->n);
	delta = b->mean - a->mean;
	a->mean += delta * ((double) b->n / n);
	a->m2 += b->m2 + delta * delta * ((double) a->n * (double) b->n / n);
	a->n += b->n;
	if (b->min < a->min)
		a->min = b->min;
	if (b->max > a->max)
		a->max = b->max;
}

double
stat_moments_var(const stat_moments *s)
{
	return s->n < 2 ? NAN : s->m2 / (double) (s->n - 1);
}
