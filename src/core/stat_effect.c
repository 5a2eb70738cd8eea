/*
 * stat_effect.c — effect sizes as metafor's escalc() defines them.
 */
#include "stat_effect.h"

#include <float.h>
#include <math.h>

static const char count_hint[] = "Counts are whole numbers, 0 <= events <= group size, group size >= 1.";
static const char mean_hint[] = "Group sizes are whole numbers >= 1, means finite, standard deviations finite and >= 0.";

/* fmt has one %s for the offending value */
static bool
bad(msc_error *err, const char *hint, const char *fmt, double v)
{
	char		num[32];

	return msc_fail(err, MSC_ERR_PARAM, NULL, hint, fmt, msc_num(num, sizeof(num), v));
}

/*
 * Extreme but finite inputs: every function below gives the right number
 * or a 22003 error naming the inputs, never Infinity, NaN or a square that
 * silently overflowed or underflowed.  The formulas are metafor's, in the
 * same order of operations wherever that order over- or underflows nothing,
 * so ordinary results keep their last bit.
 */
static const char range_hint[] =
"Rescale the means and standard deviations (for example to other units) so that they are moderate numbers.";

/* an effect of two groups out of float8's range: a 22003 error naming them */
static bool
out_of_range(msc_error *err, const char *what, double m1, double sd1, double m2, double sd2)
{
	char		a[32],
				b[32],
				c[32],
				d[32];

	return msc_fail(err, MSC_ERR_RANGE, NULL, range_hint,
					"%s of means %s and %s with standard deviations %s and %s exceeds the range of float8",
					what, msc_num(a, sizeof(a), m1), msc_num(b, sizeof(b), m2),
					msc_num(c, sizeof(c), sd1), msc_num(d, sizeof(d), sd2));
}

/* a^2 / (n b^2), as (a/b)^2 / n when a square alone would over- or underflow */
static double
sq_ratio(double a, double b, double n)
{
	double		num = a * a,
				den = n * b * b,
				q;

	if (isfinite(num) && isfinite(den) && (a == 0 || num >= DBL_MIN) && den >= DBL_MIN)
		return num / den;
	q = a / b;
	return q * (q / n);
}

/* sqrt((w1 s1^2 + w2 s2^2 + 2 c s1 s2) / d) in units of a power of two near
 * max(s1, s2): exact scaling, so the same bits when nothing overflows */
static double
root_sum_sq(double w1, double s1, double w2, double s2, double c, double d)
{
	int			e;
	double		v;

	(void) frexp(fmax(s1, s2), &e);
	s1 = ldexp(s1, -e);
	s2 = ldexp(s2, -e);
	v = (w1 * s1 * s1 + w2 * s2 * s2 + c * s1 * s2) / d;
	return ldexp(sqrt(v > 0 ? v : 0), e);
}

static bool
check_group(double n, double m, double sd, msc_error *err)
{
	if (!(n >= 1) || n != floor(n) || !isfinite(n))
		return bad(err, mean_hint, "group size %s is not a whole number of at least 1", n);
	if (!isfinite(m))
		return bad(err, mean_hint, "mean %s is not a finite number", m);
	if (!(sd >= 0) || !isfinite(sd))
		return bad(err, mean_hint, "standard deviation %s is not a finite number >= 0", sd);
	return true;
}

static bool
check_count(double x, const char *what, msc_error *err)
{
	char		num[32];

	if (!(x >= 0) || x != floor(x) || !isfinite(x))
		return msc_fail(err, MSC_ERR_PARAM, NULL, count_hint,
						"%s %s is not a whole number >= 0", what, msc_num(num, sizeof(num), x));
	return true;
}

bool
stat_smd(double n1, double m1, double sd1, double n2, double m2, double sd2,
		 stat_effect *out, msc_error *err)
{
	double		df,
				sp,
				j,
				g;

	if (!check_group(n1, m1, sd1, err) || !check_group(n2, m2, sd2, err))
		return false;
	df = n1 + n2 - 2;
	if (df < 2)
		return bad(err, mean_hint, "a standardised mean difference needs n1 + n2 >= 4, got %s", n1 + n2);
	sp = root_sum_sq(n1 - 1, sd1, n2 - 1, sd2, 0, df);
	if (!(sp > 0))
		return msc_fail(err, MSC_ERR_PARAM, NULL, mean_hint,
						"the pooled standard deviation is zero, so the standardised mean difference is undefined");
	/* exact small-sample correction J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)) */
	j = exp(lgamma(df / 2) - 0.5 * log(df / 2) - lgamma((df - 1) / 2));
	g = isfinite(m1 - m2) ? j * (m1 - m2) / sp : j * ((m1 / 2 - m2 / 2) / sp) * 2;
	out->yi = g;
	out->vi = 1 / n1 + 1 / n2 + sq_ratio(g, 1, 2 * (n1 + n2));
	if (!isfinite(out->yi) || !isfinite(out->vi))
		return out_of_range(err, "the standardised mean difference", m1, sd1, m2, sd2);
	return true;
}

bool
stat_md(double n1, double m1, double sd1, double n2, double m2, double sd2,
		stat_effect *out, msc_error *err)
{
	if (!check_group(n1, m1, sd1, err) || !check_group(n2, m2, sd2, err))
		return false;
	out->yi = m1 - m2;
	out->vi = sq_ratio(sd1, 1, n1) + sq_ratio(sd2, 1, n2);
	if (!isfinite(out->yi) || !isfinite(out->vi) || (out->vi < DBL_MIN && (sd1 > 0 || sd2 > 0)))
		return out_of_range(err, "the mean difference", m1, sd1, m2, sd2);
	return true;
}

bool
stat_rom(double n1, double m1, double sd1, double n2, double m2, double sd2,
		 stat_effect *out, msc_error *err)
{
	if (!check_group(n1, m1, sd1, err) || !check_group(n2, m2, sd2, err))
		return false;
	if (!(m1 > 0) || !(m2 > 0))
		return bad(err, "The ratio of means needs both means > 0, as on a ratio scale.",
				   "mean %s is not positive, so the log ratio of means is undefined",
				   m1 > 0 ? m2 : m1);
	out->yi = log(m1 / m2);
	if (!isfinite(out->yi) || !(fabs(m1 / m2) >= DBL_MIN))
		out->yi = log(m1) - log(m2);	/* the quotient over- or underflowed */
	out->vi = sq_ratio(sd1, m1, n1) + sq_ratio(sd2, m2, n2);
	if (!isfinite(out->vi) || (out->vi < DBL_MIN && (sd1 > 0 || sd2 > 0)))
		return out_of_range(err, "the log ratio of means", m1, sd1, m2, sd2);
	return true;
}

/*
 * Check a 2x2 table of events/non-events and apply escalc's default
 * correction: 1/2 added to all four cells when any cell is zero.
 */
static bool
table_2x2(double a, double b, double c, double d, double cell[4], msc_error *err)
{
	if (!check_count(a, "cell a", err) || !check_count(b, "cell b", err) ||
		!check_count(c, "cell c", err) || !check_count(d, "cell d", err))
		return false;
	if (a + b == 0 || c + d == 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, count_hint,
						"a group of size zero has no risk: %g + %g and %g + %g", a, b, c, d);
	cell[0] = a, cell[1] = b, cell[2] = c, cell[3] = d;
	if (a == 0 || b == 0 || c == 0 || d == 0)
		for (int i = 0; i < 4; i++)
			cell[i] += 0.5;
	return true;
}

static bool
events_of(double a, double n1, double c, double n2, double cell[4], msc_error *err)
{
	if (!check_count(n1, "group size n1", err) || !check_count(n2, "group size n2", err))
		return false;
	if (a > n1 || c > n2)
		return msc_fail(err, MSC_ERR_PARAM, NULL, count_hint,
						"more events than participants: %g of %g, %g of %g", a, n1, c, n2);
	return table_2x2(a, n1 - a, c, n2 - c, cell, err);
}

bool
stat_log_rr(double a, double n1, double c, double n2, stat_effect *out, msc_error *err)
{
	double		t[4];

	if (!events_of(a, n1, c, n2, t, err))
		return false;
	n1 = t[0] + t[1];
	n2 = t[2] + t[3];
	out->yi = log((t[0] / n1) / (t[2] / n2));
	out->vi = 1 / t[0] - 1 / n1 + 1 / t[2] - 1 / n2;
	return true;
}

bool
stat_log_or(double a, double b, double c, double d, stat_effect *out, msc_error *err)
{
	double		t[4];

	if (!table_2x2(a, b, c, d, t, err))
		return false;
	out->yi = log((t[0] * t[3]) / (t[1] * t[2]));
	out->vi = 1 / t[0] + 1 / t[1] + 1 / t[2] + 1 / t[3];
	return true;
}

bool
stat_rd(double a, double n1, double c, double n2, stat_effect *out, msc_error *err)
{
	double		t[4],
				p1,
				p2;

	if (!events_of(a, n1, c, n2, t, err))
		return false;
	n1 = t[0] + t[1];
	n2 = t[2] + t[3];
	p1 = t[0] / n1;
	p2 = t[2] / n2;
	out->yi = p1 - p2;
	out->vi = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
	return true;
}

bool
stat_sd_change(double sd_pre, double sd_post, double r, double *out, msc_error *err)
{
	if (!(sd_pre >= 0) || !isfinite(sd_pre) || !(sd_post >= 0) || !isfinite(sd_post))
		return bad(err, mean_hint, "standard deviation %s is not a finite number >= 0",
				   (sd_pre >= 0 && isfinite(sd_pre)) ? sd_post : sd_pre);
	if (!(r >= -1 && r <= 1))
		return bad(err, "The pre-post correlation r lies in [-1, 1]; 0.5 is a common assumption.",
				   "correlation %s is outside [-1, 1]", r);
	*out = root_sum_sq(1, sd_pre, 1, sd_post, -2 * r, 1);
	if (!isfinite(*out))
		return msc_fail(err, MSC_ERR_RANGE, NULL, range_hint,
						"the SD of change from standard deviations %g and %g exceeds the range of float8",
						sd_pre, sd_post);
	return true;
}
