/*
 * stat_moments: the one-pass update and the merge of partial aggregates
 * (what a parallel aggregate does) against hand values and a plain
 * two-pass computation of the same data, split every way into groups
 * whose means differ (so a merge that drops the between-group term is off).
 */
#include "unit.h"
#include "stat_moments.h"

#include <math.h>

#define N 40

static int
near(double got, double want)
{
	return fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want));
}

int
main(void)
{
	double		x[N],
				mean = 0,
				ss = 0;
	stat_moments one;

	/* hand values: 1..10 has mean 5.5 and sample variance 55/6 */
	stat_moments_init(&one);
	for (int i = 1; i <= 10; i++)
		stat_moments_add(&one, i);
	CHECK(one.n == 10 && near(one.mean, 5.5) && near(stat_moments_var(&one), 55.0 / 6.0)
		  && one.min == 1 && one.max == 10, "1..10: n %lld mean %.17g var %.17g",
		  (long long) one.n, one.mean, stat_moments_var(&one));

	/* three levels: 0..14, then about 110, then about -55 */
	for (int i = 0; i < N; i++)
		x[i] = (i < 15 ? i : i < 30 ? 100 + 0.5 * i : -50 - 0.25 * i);
	for (int i = 0; i < N; i++)
		mean += x[i] / N;
	for (int i = 0; i < N; i++)
		ss += (x[i] - mean) * (x[i] - mean);

	/* splits into three groups (some empty), merged in both orders */
	for (int a = 0; a <= N; a++)
		for (int b = a; b <= N; b += 7)
		{
			stat_moments p[3],
						m,
						r;
			int			cut[4] = {0, a, b, N};

			for (int g = 0; g < 3; g++)
			{
				stat_moments_init(&p[g]);
				for (int i = cut[g]; i < cut[g + 1]; i++)
					stat_moments_add(&p[g], x[i]);
			}
			stat_moments_init(&m);
			for (int g = 0; g < 3; g++)
				stat_moments_merge(&m, &p[g]);
			stat_moments_init(&r);
			for (int g = 2; g >= 0; g--)
				stat_moments_merge(&r, &p[g]);
			/* (m2 is kept in units of a power of two: compare the variance) */
			CHECK(m.n == N && near(m.mean, mean) && near(stat_moments_var(&m), ss / (N - 1))
				  && m.min == -59.75 && m.max == 114.5,
				  "split %d/%d: n %lld mean %.17g (want %.17g) variance %.17g (want %.17g)",
				  a, b, (long long) m.n, m.mean, mean, stat_moments_var(&m), ss / (N - 1));
			CHECK(r.n == N && near(r.mean, mean) && near(stat_moments_var(&r), ss / (N - 1)),
				  "split %d/%d reversed: mean %.17g variance %.17g", a, b, r.mean, stat_moments_var(&r));
		}

	/* fewer than two values: no variance */
	stat_moments_init(&one);
	stat_moments_add(&one, 3);
	CHECK(isnan(stat_moments_var(&one)), "one value has no sample variance");
	return unit_report("stat_moments");
}
