/*
 * Unit tests of the normal and Student t distribution functions against R.
 *
 * The reference values come from test/fixtures/dist_refs.csv, written by
 * test/r/dist_refs.R (R's pnorm, qnorm, pt and qt, printed with %.17g).  The
 * test runs from the repository root (as `make coretest` does) and fails if
 * the fixture cannot be read.
 *
 * Criterion: every value agrees with R to REL_TOL = 1e-12 relative, with
 * these exceptions, each checked in its own way and reported:
 *
 *  - |R value| < 1e-300, zeros included: compared on the absolute scale
 *    REL_TOL * 1e-300 = 1e-312 instead.  Subnormal doubles (below 2.2e-308)
 *    carry fewer significant bits, and R flushes pnorm to 0 beyond
 *    |x| = 37.5193 where stat_pnorm returns the subnormal value (pnorm(-38)
 *    = 2.885e-316); relative error is meaningless there.
 *  - Quantiles at p = 0.5 are exactly 0 by symmetry: stat_qnorm and stat_qt
 *    must return exactly 0; R's value must be within 1e-15 of 0 (R's
 *    qt(0.5, 0.5) is 2.6e-16, a rounding artefact of its algorithm).
 *  - A few rows where R itself is inaccurate (listed in r_deviations below,
 *    with the evidence): there stat_qt is checked at REL_TOL against a
 *    50-digit value computed independently (mpmath 1.3, regularised
 *    incomplete beta, root-finding), and R's error is printed.
 */
#include "unit.h"
#include "stat_dist.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#define FIXTURE		"test/fixtures/dist_refs.csv"
#define REL_TOL		1e-12
#define TINY		1e-300

enum
{
	F_PNORM, F_QNORM, F_PT, F_QT, F_COUNT
};
static const char *const fn_names[F_COUNT] = {"pnorm", "qnorm", "pt", "qt"};

/* The worst relative error against R, per function. */
typedef struct
{
	double		err;
	double		x;
	double		df;
	int			lower;
	int			rows;
} worst_err;

static worst_err worst[F_COUNT];

/*
 * Rows where R's own value is wrong by more than REL_TOL.  R 4.2.2's qt for
 * df < 1 with lower.tail = FALSE is off by up to 1e-4 relative: R's own
 * round trip pt(qt(1e-12, 0.5, lower.tail = FALSE), 0.5, lower.tail = FALSE)
 * gives 9.9995e-13, while its lower-tail qt(1e-12, 0.5) = -1.0284911563163568e23
 * agrees with the true value to 2e-15.  The true values, from mpmath at 50
 * digits (solving I_x(1/4, 1/2)/2 = p for x = 0.5/(0.5 + q^2)):
 */
typedef struct
{
	int			fn;
	double		x;
	double		df;
	int			lower;
	double		truth;
} r_deviation;

static const r_deviation r_deviations[] = {
	{F_QT, 1e-12, 0.5, 0, 1.02849115631634005321825e23},
	{F_QT, 1e-8, 0.5, 0, 1.028491156316339968808103e15},
	{F_QT, 1e-5, 0.5, 0, 1.02849115631633984343216e9},
};

static double
rel_err(double got, double want)
{
	if (got == want)
		return 0.0;
	return fabs(got - want) / fabs(want);
}

static double
eval(int fn, double x, double df, bool lower)
{
	switch (fn)
	{
		case F_PNORM:
			return stat_pnorm(x, lower);
		case F_QNORM:
			return stat_qnorm(x, lower);
		case F_PT:
			return stat_pt(x, df, lower);
		default:
			return stat_qt(x, df, lower);
	}
}

static const r_deviation *
find_deviation(int fn, double x, double df, int lower)
{
	size_t		i;

	for (i = 0; i < sizeof(r_deviations) / sizeof(r_deviations[0]); i++)
	{
		const r_deviation *d = &r_deviations[i];

		if (d->fn == fn && d->x == x && d->df == df && d->lower == lower)
			return d;
	}
	return NULL;
}

static void
check_row(int fn, double x, double df, int lower, double want, int line)
{
	double		got = eval(fn, x, df, lower != 0);
	const r_deviation *dev = find_deviation(fn, x, df, lower);
	double		err;

	if (dev && rel_err(want, dev->truth) > REL_TOL)
	{
		err = rel_err(got, dev->truth);
		CHECK(err <= REL_TOL, "line %d: %s(%.17g, df=%.17g, lower=%d) = %.17g, "
			  "true value %.17g (rel err %.3g)",
			  line, fn_names[fn], x, df, lower, got, dev->truth, err);
		printf("stat_dist: R is inaccurate at %s(%.17g, df=%g, lower=%d): "
			   "R %.17g, true %.17g (R off by %.2g); ours %.17g (off by %.2g)\n",
			   fn_names[fn], x, df, lower, want, dev->truth,
			   rel_err(want, dev->truth), got, err);
		return;
	}
	if ((fn == F_QNORM || fn == F_QT) && x == 0.5)
	{
		CHECK(got == 0.0 && fabs(want) <= 1e-15,
			  "line %d: %s(0.5, df=%.17g, lower=%d) = %.17g (R %.17g), want exactly 0",
			  line, fn_names[fn], df, lower, got, want);
		return;
	}
	if (isinf(want) || isnan(want))
	{
		CHECK(got == want || (isnan(got) && isnan(want)),
			  "line %d: %s(%.17g, df=%.17g, lower=%d) = %.17g, R %.17g",
			  line, fn_names[fn], x, df, lower, got, want);
		return;
	}
	if (fabs(want) < TINY)
	{
		CHECK(fabs(got - want) <= REL_TOL * TINY,
			  "line %d: %s(%.17g, df=%.17g, lower=%d) = %.17g, R %.17g (absolute)",
			  line, fn_names[fn], x, df, lower, got, want);
		return;
	}
	err = rel_err(got, want);
	CHECK(err <= REL_TOL,
		  "line %d: %s(%.17g, df=%.17g, lower=%d) = %.17g, R %.17g (rel err %.3g)",
		  line, fn_names[fn], x, df, lower, got, want, err);
	worst[fn].rows++;
	if (worst[fn].rows == 1 || err > worst[fn].err)
	{
		worst[fn].err = err;
		worst[fn].x = x;
		worst[fn].df = df;
		worst[fn].lower = lower;
	}
}

static double
parse_num(const char *s, bool *ok)
{
	char	   *end;
	double		v;

	if (strcmp(s, "NA") == 0)
		return NAN;
	v = strtod(s, &end);
	if (end == s || *end != '\0')
		*ok = false;
	return v;
}

/* Checks every row of the fixture; returns the number of rows read. */
static int
check_fixture(void)
{
	FILE	   *f = fopen(FIXTURE, "r");
	char		buf[512];
	int			line = 0;
	int			rows = 0;
	int			per_fn[F_COUNT] = {0};
	int			i;

	if (!f)
	{
		fprintf(stderr, "test_stat_dist: cannot open %s: run from the repository "
				"root; regenerate it with `Rscript test/r/dist_refs.R`\n", FIXTURE);
		CHECK(f != NULL, "missing fixture %s", FIXTURE);
		return 0;
	}
	while (fgets(buf, sizeof(buf), f))
	{
		char	   *field[5];
		char	   *p = buf;
		int			nf = 0;
		int			fn = -1;
		bool		ok = true;
		double		x = 0, df = 0, lower = -1, want = 0;

		line++;
		buf[strcspn(buf, "\r\n")] = '\0';
		if (buf[0] == '#' || buf[0] == '\0' || strncmp(buf, "fn,", 3) == 0)
			continue;
		while (nf < 5)
		{
			field[nf++] = p;
			p = strchr(p, ',');
			if (!p)
				break;
			*p++ = '\0';
		}
		for (i = 0; i < F_COUNT; i++)
			if (nf == 5 && strcmp(field[0], fn_names[i]) == 0)
				fn = i;
		if (fn >= 0)
		{
			x = parse_num(field[1], &ok);
			df = parse_num(field[2], &ok);
			lower = parse_num(field[3], &ok);
			want = parse_num(field[4], &ok);
		}
		CHECK(fn >= 0 && ok && !p && (lower == 0 || lower == 1),
			  "%s line %d is malformed", FIXTURE, line);
		if (fn < 0 || !ok || p || !(lower == 0 || lower == 1))
			continue;
		check_row(fn, x, df, (int) lower, want, line);
		rows++;
		per_fn[fn]++;
	}
	fclose(f);
	for (i = 0; i < F_COUNT; i++)
		CHECK(per_fn[i] >= 20, "%s has only %d rows for %s", FIXTURE, per_fn[i],
			  fn_names[i]);
	return rows;
}

static const double dfs[] = {0.5, 1, 1.5, 2, 2.5, 3, 4, 7, 10, 30, 100, 1000, 1e5, 1e8};
#define NDFS (sizeof(dfs) / sizeof(dfs[0]))

static void
special_cases(void)
{
	const double bad_df[] = {0.0, -0.0, -1.0, -INFINITY, NAN};
	const double any_df[] = {0.5, 1, 2, 2.5, 30, 1e5, 1e30, INFINITY};
	size_t		i;
	int			lower;

	/* NaN in, NaN out; probabilities outside [0, 1]; df <= 0 */
	for (lower = 0; lower <= 1; lower++)
	{
		CHECK(isnan(stat_pnorm(NAN, lower)), "pnorm(NaN)");
		CHECK(isnan(stat_qnorm(NAN, lower)), "qnorm(NaN)");
		CHECK(isnan(stat_qnorm(-0.1, lower)), "qnorm(-0.1)");
		CHECK(isnan(stat_qnorm(1.1, lower)), "qnorm(1.1)");
		CHECK(isnan(stat_pt(NAN, 3, lower)), "pt(NaN, 3)");
		CHECK(isnan(stat_qt(NAN, 3, lower)), "qt(NaN, 3)");
		CHECK(isnan(stat_qt(-0.1, 3, lower)), "qt(-0.1, 3)");
		CHECK(isnan(stat_qt(1.1, 3, lower)), "qt(1.1, 3)");
		for (i = 0; i < sizeof(bad_df) / sizeof(bad_df[0]); i++)
		{
			CHECK(isnan(stat_pt(1.0, bad_df[i], lower)), "pt(1, df=%g)", bad_df[i]);
			CHECK(isnan(stat_pt(0.0, bad_df[i], lower)), "pt(0, df=%g)", bad_df[i]);
			CHECK(isnan(stat_qt(0.3, bad_df[i], lower)), "qt(0.3, df=%g)", bad_df[i]);
			CHECK(isnan(stat_qt(0.0, bad_df[i], lower)), "qt(0, df=%g)", bad_df[i]);
		}
	}

	/* p = 0 and 1; infinite arguments */
	CHECK(stat_qnorm(0, true) == -INFINITY && stat_qnorm(1, true) == INFINITY,
		  "qnorm(0), qnorm(1)");
	CHECK(stat_qnorm(0, false) == INFINITY && stat_qnorm(1, false) == -INFINITY,
		  "qnorm(0, upper), qnorm(1, upper)");
	CHECK(stat_pnorm(-INFINITY, true) == 0 && stat_pnorm(INFINITY, true) == 1 &&
		  stat_pnorm(INFINITY, false) == 0 && stat_pnorm(-INFINITY, false) == 1,
		  "pnorm(+-Inf)");
	for (i = 0; i < sizeof(any_df) / sizeof(any_df[0]); i++)
	{
		double		df = any_df[i];

		CHECK(stat_qt(0, df, true) == -INFINITY && stat_qt(1, df, true) == INFINITY,
			  "qt(0|1, %g)", df);
		CHECK(stat_qt(0, df, false) == INFINITY && stat_qt(1, df, false) == -INFINITY,
			  "qt(0|1, %g, upper)", df);
		CHECK(stat_pt(-INFINITY, df, true) == 0 && stat_pt(INFINITY, df, true) == 1 &&
			  stat_pt(INFINITY, df, false) == 0 && stat_pt(-INFINITY, df, false) == 1,
			  "pt(+-Inf, %g)", df);
		CHECK(stat_pt(0, df, true) == 0.5 && stat_pt(-0.0, df, false) == 0.5,
			  "pt(0, %g)", df);
		CHECK(stat_qt(0.5, df, true) == 0 && stat_qt(0.5, df, false) == 0,
			  "qt(0.5, %g)", df);
	}

	/* the subnormal far tail (true value 2.8854283510039...e-316) */
	CHECK(fabs(stat_pnorm(-38, true) - 2.8854283510039e-316) <= 1e-7 * 2.8854283510039e-316,
		  "pnorm(-38) = %.17g", stat_pnorm(-38, true));
	CHECK(stat_pnorm(38, false) == stat_pnorm(-38, true), "pnorm(38, upper)");
	CHECK(stat_pnorm(-40, true) == 0 && stat_pnorm(40, true) == 1, "pnorm(-+40)");
	CHECK(stat_pnorm(-1e300, true) == 0 && stat_pnorm(1e300, false) == 0,
		  "pnorm(-1e300)");

	/* infinite and astronomically large df: the normal */
	{
		const double ts[] = {-37, -8, -2, -0.3, 0, 0.3, 2, 8, 37};
		const double ps[] = {1e-300, 1e-10, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-10};

		for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
		{
			CHECK(stat_pt(ts[i], INFINITY, true) == stat_pnorm(ts[i], true) &&
				  stat_pt(ts[i], 1e30, false) == stat_pnorm(ts[i], false),
				  "pt(%g, Inf)", ts[i]);
			/* still the beta form at 1e19 df: t^4/(4 df) is below 1e-13 here */
			if (fabs(ts[i]) <= 8)
				CHECK(rel_err(stat_pt(ts[i], 1e19, true), stat_pnorm(ts[i], true)) <= 1e-13,
					  "pt(%g, 1e19) = %.17g vs pnorm %.17g", ts[i],
					  stat_pt(ts[i], 1e19, true), stat_pnorm(ts[i], true));
		}
		for (i = 0; i < sizeof(ps) / sizeof(ps[0]); i++)
		{
			CHECK(stat_qt(ps[i], INFINITY, true) == stat_qnorm(ps[i], true),
				  "qt(%g, Inf)", ps[i]);
			if (ps[i] >= 1e-10 && ps[i] <= 1 - 1e-10)
				CHECK(fabs(stat_qt(ps[i], 1e19, true) - stat_qnorm(ps[i], true)) <=
					  1e-13 * fmax(1.0, fabs(stat_qnorm(ps[i], true))),
					  "qt(%g, 1e19) = %.17g vs qnorm %.17g", ps[i],
					  stat_qt(ps[i], 1e19, true), stat_qnorm(ps[i], true));
		}
	}

	/* closed forms: Cauchy and two degrees of freedom */
	{
		const double ts[] = {-1e300, -1e5, -7, -1, -0.25, 1e-8, 0.25, 1, 7, 1e5};
		const double pi = 3.14159265358979323846;

		for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
		{
			double		t = ts[i];
			double		cauchy = t < 0 ? atan(-1.0 / t) / pi : 0.5 + atan(t) / pi;
			double		two = t < 0 ? 0.5 - 0.5 * (-t / sqrt(2 + t * t)) : 0.5 + 0.5 * t / sqrt(2 + t * t);

			CHECK(rel_err(stat_pt(t, 1, true), cauchy) <= 1e-15,
				  "pt(%g, 1) = %.17g, want %.17g", t, stat_pt(t, 1, true), cauchy);
			if (fabs(t) <= 1)	/* the plain formula cancels further out */
				CHECK(rel_err(stat_pt(t, 2, true), two) <= 1e-15,
					  "pt(%g, 2) = %.17g, want %.17g", t, stat_pt(t, 2, true), two);
		}
		CHECK(rel_err(stat_pt(-1e5, 2, true), 1 / (sqrt(2 + 1e10) * (sqrt(2 + 1e10) + 1e5))) <= 1e-15,
			  "pt(-1e5, 2)");
		CHECK(rel_err(stat_qt(0.75, 1, true), 1.0) <= 2e-16, "qt(0.75, 1) = %.17g",
			  stat_qt(0.75, 1, true));
		CHECK(rel_err(stat_qt(0.25, 1, false), 1.0) <= 2e-16, "qt(0.25, 1, upper)");
		CHECK(rel_err(stat_qt(1e-300, 1, true), -1 / (pi * 1e-300)) <= 1e-15,
			  "qt(1e-300, 1) = %.17g", stat_qt(1e-300, 1, true));
		CHECK(rel_err(stat_qt(0.9, 2, true), 0.8 / sqrt(2 * 0.9 * 0.1)) <= 1e-15,
			  "qt(0.9, 2) = %.17g", stat_qt(0.9, 2, true));
		CHECK(rel_err(stat_qt(0.75, 2, true), sqrt(2.0 / 3.0)) <= 1e-15,
			  "qt(0.75, 2) = %.17g", stat_qt(0.75, 2, true));
	}
}

static void
identities(void)
{
	const double xs[] = {-38, -37.5, -20, -8.3, -5.66, -3, -1, -0.66291, -0.4,
	-1e-10, 0, 1e-10, 0.4, 0.66291, 1, 3, 5.66, 8.3, 20, 37.5, 38};
	const double ts[] = {-1e200, -1e5, -100, -37, -10, -3, -1.73, -1, -0.3, -1e-8,
	0, 1e-8, 0.3, 1, 1.73, 3, 10, 37, 100, 1e5, 1e200};
	const double ps[] = {1e-300, 1e-100, 1e-20, 1e-12, 1e-5, 0.001, 0.025, 0.1,
	0.25, 0.3, 0.4, 0.49, 0.4999999};
	double		worst_rt = 0;
	size_t		i, j, k;

	for (i = 0; i < sizeof(xs) / sizeof(xs[0]); i++)
	{
		double		lo = stat_pnorm(xs[i], true), up = stat_pnorm(xs[i], false);

		CHECK(lo == stat_pnorm(-xs[i], false), "pnorm(%g) symmetry", xs[i]);
		CHECK(fabs(lo + up - 1) <= 2.3e-16, "pnorm(%g) + upper = 1 + %.3g", xs[i], lo + up - 1);
	}
	for (j = 0; j < NDFS; j++)
		for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
		{
			double		lo = stat_pt(ts[i], dfs[j], true), up = stat_pt(ts[i], dfs[j], false);

			CHECK(lo == stat_pt(-ts[i], dfs[j], false), "pt(%g, %g) symmetry", ts[i], dfs[j]);
			CHECK(fabs(lo + up - 1) <= 2.3e-16, "pt(%g, %g) + upper = 1 + %.3g",
				  ts[i], dfs[j], lo + up - 1);
			CHECK(lo >= 0 && lo <= 1, "pt(%g, %g) = %g", ts[i], dfs[j], lo);
		}

	/* quantiles: symmetry, p <-> 1-p, and round trips */
	for (i = 0; i < sizeof(ps) / sizeof(ps[0]); i++)
	{
		double		p = ps[i];
		double		z = stat_qnorm(p, true);

		CHECK(z == -stat_qnorm(p, false), "qnorm(%g) symmetry", p);
		/* relative condition number of pnorm at z is about 1 + z^2 */
		CHECK(rel_err(stat_pnorm(z, true), p) <= 1e-15 * (1 + z * z),
			  "pnorm(qnorm(%g)) = %.17g", p, stat_pnorm(z, true));
		if (1 - (1 - p) == p)	/* 1 - p exact: the same computation mirrored */
			CHECK(stat_qnorm(1 - p, true) == -z, "qnorm(1 - %g)", p);
		for (j = 0; j < NDFS; j++)
		{
			double		q = stat_qt(p, dfs[j], true);
			double		back;

			CHECK(q == -stat_qt(p, dfs[j], false), "qt(%g, %g) symmetry", p, dfs[j]);
			if (1 - (1 - p) == p)
				CHECK(stat_qt(1 - p, dfs[j], true) == -q, "qt(1 - %g, %g)", p, dfs[j]);
			if (isinf(q))
			{
				/* only where the quantile exceeds DBL_MAX */
				CHECK(dfs[j] < 1 && p < 1e-100, "qt(%g, %g) = %g", p, dfs[j], q);
				continue;
			}
			back = stat_pt(q, dfs[j], true);
			if (rel_err(back, p) > worst_rt)
				worst_rt = rel_err(back, p);
			CHECK(rel_err(back, p) <= 1e-12, "pt(qt(%g, %g)) = %.17g", p, dfs[j], back);
		}
	}
	printf("stat_dist: worst round trip |pt(qt(p)) - p| / p = %.2g\n", worst_rt);

	/* monotone in t, including across the branch points of the algorithms */
	for (j = 0; j < NDFS; j++)
	{
		double		prev = 0;
		bool		mono = true;

		for (k = 0; k <= 4000; k++)
		{
			double		t = -20 + 0.01 * (double) k;
			double		v = stat_pt(t, dfs[j], true);

			if (v < prev)
				mono = false;
			prev = v;
		}
		CHECK(mono, "pt(t, %g) not monotone in t", dfs[j]);
	}
	{
		double		prev = 0;
		bool		mono = true;

		for (k = 0; k <= 8000; k++)
		{
			double		v = stat_pnorm(-40 + 0.01 * (double) k, true);

			if (v < prev)
				mono = false;
			prev = v;
		}
		CHECK(mono, "pnorm not monotone");
	}
}

int
main(void)
{
	int			rows = check_fixture();
	int			fn;

	special_cases();
	identities();
	for (fn = 0; fn < F_COUNT; fn++)
	{
		printf("stat_dist: %-5s worst relative error vs R %.2g over %d rows (at x=%.17g",
			   fn_names[fn], worst[fn].err, worst[fn].rows, worst[fn].x);
		if (fn == F_PT || fn == F_QT)
			printf(", df=%.17g", worst[fn].df);
		printf(", lower=%d)\n", worst[fn].lower);
	}
	CHECK(rows >= 1000, "only %d rows read from %s", rows, FIXTURE);
	return unit_report("stat_dist");
}
