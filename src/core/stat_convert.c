/*
 * stat_convert.c — means and SDs from medians, quartiles and ranges; SDs
 * from t and p; the correlation implied by a change SD.
 *
 * Mean (Luo D, Wan X, Liu J, Tong T. Optimally estimating the sample mean
 * from the sample size, median, mid-range, and/or mid-quartile range.
 * Stat Methods Med Res 2018;27:1785-1805):
 *   range:     w = 4 / (4 + n^0.75);            mean = w (a + b)/2 + (1 - w) m
 *   quartiles: w = 0.7 + 0.39 / n;              mean = w (q1 + q3)/2 + (1 - w) m
 *   five:      w1 = 2.2 / (2.2 + n^0.75), w2 = 0.7 - 0.72 / n^0.55;
 *              mean = w1 (a + b)/2 + w2 (q1 + q3)/2 + (1 - w1 - w2) m
 * SD (Wan X, Wang W, Liu J, Tong T. BMC Med Res Methodol 2014;14:135, and
 * Shi J, Luo D, Weng H, et al. Res Synth Methods 2020;11:641-654):
 *   range:     sd = (b - a) / xi(n),   xi(n)  = 2 Phi^-1((n - 0.375)/(n + 0.25))
 *   quartiles: sd = (q3 - q1) / eta(n), eta(n) = 2 Phi^-1((0.75 n - 0.125)/(n + 0.25))
 *   five:      sd = (b - a) / ((2 + 0.14 n^0.6) Phi^-1((n - 0.375)/(n + 0.25)))
 *                 + (q3 - q1) / ((2 + 2/(0.07 n^0.6)) Phi^-1((0.75 n - 0.125)/(n + 0.25)))
 * Wan's closed forms are used for every n (Wan's tables of exact values for
 * small n are not).
 */
#include "stat_convert.h"

#include "stat_dist.h"

#include <math.h>

static const char order_hint[] =
	"Summaries are finite, in order (min <= q1 <= median <= q3 <= max), from n >= 2 participants.";

static bool
check_n(double n, msc_error *err)
{
	char		num[32];

	if (!(n >= 2) || !isfinite(n) || n != floor(n))
		return msc_fail(err, MSC_ERR_PARAM, NULL, order_hint,
						"sample size %s is not a whole number of at least 2", msc_num(num, sizeof(num), n));
	return true;
}

/* v[0] <= v[1] <= ... <= v[k-1], all finite, named by names[] */
static bool
check_order(const double *v, const char *const *names, int k, msc_error *err)
{
	char		x[32],
				y[32];

	for (int i = 0; i < k; i++)
		if (!isfinite(v[i]))
			return msc_fail(err, MSC_ERR_PARAM, NULL, order_hint, "%s %s is not a finite number",
							names[i], msc_num(x, sizeof(x), v[i]));
	for (int i = 0; i + 1 < k; i++)
		for (int j = i + 1; j < k; j++)
			if (v[i] > v[j])
				return msc_fail(err, MSC_ERR_PARAM, NULL, order_hint, "%s %s is larger than %s %s",
								names[i], msc_num(x, sizeof(x), v[i]), names[j], msc_num(y, sizeof(y), v[j]));
	return true;
}

/* Phi^-1 of Wan's plotting positions for the range and the quartiles */
static double
range_z(double n)
{
	return stat_qnorm((n - 0.375) / (n + 0.25), true);
}

static double
iqr_z(double n)
{
	return stat_qnorm((0.75 * n - 0.125) / (n + 0.25), true);
}

static bool
finite_result(mean_sd *out, msc_error *err)
{
	if (!isfinite(out->mean) || !isfinite(out->sd))
		return msc_fail(err, MSC_ERR_RANGE, NULL, order_hint,
						"the estimated mean or SD is out of range for these summaries");
	return true;
}

bool
stat_mean_sd_from_quartiles(double q1, double median, double q3, double n,
							mean_sd *out, msc_error *err)
{
	static const char *const names[] = {"first quartile", "median", "third quartile"};
	const double v[3] = {q1, median, q3};
	double		w;

	if (!check_n(n, err) || !check_order(v, names, 3, err))
		return false;
	w = 0.7 + 0.39 / n;
	out->mean = w * (q1 / 2 + q3 / 2) + (1 - w) * median;
	out->sd = (q3 - q1) / (2 * iqr_z(n));
	out->method = "mean: Luo et al. 2018 (quartiles); SD: Wan et al. 2014 (IQR / eta(n))";
	return finite_result(out, err);
}

bool
stat_mean_sd_from_range(double min, double median, double max, double n,
						mean_sd *out, msc_error *err)
{
	static const char *const names[] = {"minimum", "median", "maximum"};
	const double v[3] = {min, median, max};
	double		w;

	if (!check_n(n, err) || !check_order(v, names, 3, err))
		return false;
	w = 4 / (4 + pow(n, 0.75));
	out->mean = w * (min / 2 + max / 2) + (1 - w) * median;
	out->sd = (max - min) / (2 * range_z(n));
	out->method = "mean: Luo et al. 2018 (range); SD: Wan et al. 2014 (range / xi(n))";
	return finite_result(out, err);
}

bool
stat_mean_sd_from_fivenum(double min, double q1, double median, double q3,
						  double max, double n, mean_sd *out, msc_error *err)
{
	static const char *const names[] = {"minimum", "first quartile", "median", "third quartile", "maximum"};
	const double v[5] = {min, q1, median, q3, max};
	double		w1,
				w2,
				s;

	if (!check_n(n, err) || !check_order(v, names, 5, err))
		return false;
	w1 = 2.2 / (2.2 + pow(n, 0.75));
	w2 = 0.7 - 0.72 / pow(n, 0.55);
	out->mean = w1 * (min / 2 + max / 2) + w2 * (q1 / 2 + q3 / 2) + (1 - w1 - w2) * median;
	s = 0.07 * pow(n, 0.6);
	out->sd = (max - min) / ((2 + 2 * s) * range_z(n)) + (q3 - q1) / ((2 + 2 / s) * iqr_z(n));
	out->method = "mean: Luo et al. 2018 (five-number summary); SD: Shi et al. 2020 (five-number summary)";
	return finite_result(out, err);
}

static bool
check_groups(double n1, double n2, double md, msc_error *err)
{
	char		num[32];
	static const char hint[] = "Group sizes are whole numbers >= 1 with n1 + n2 >= 3; the mean difference is finite.";

	if (!(n1 >= 1) || n1 != floor(n1) || !isfinite(n1))
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint, "group size %s is not a whole number of at least 1",
						msc_num(num, sizeof(num), n1));
	if (!(n2 >= 1) || n2 != floor(n2) || !isfinite(n2))
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint, "group size %s is not a whole number of at least 1",
						msc_num(num, sizeof(num), n2));
	if (n1 + n2 < 3)
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint, "a t test needs n1 + n2 >= 3, got %s",
						msc_num(num, sizeof(num), n1 + n2));
	if (!isfinite(md))
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint, "mean difference %s is not a finite number",
						msc_num(num, sizeof(num), md));
	return true;
}

static bool
sd_of_se(double se, double n1, double n2, double *sd, msc_error *err)
{
	*sd = se / sqrt(1 / n1 + 1 / n2);
	if (!isfinite(*sd))
		return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "the standard deviation is out of range");
	return true;
}

bool
stat_sd_from_t(double t, double n1, double n2, double md, double *sd, msc_error *err)
{
	char		num[32];

	if (!check_groups(n1, n2, md, err))
		return false;
	if (!isfinite(t) || t == 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, "The t statistic is finite and not 0.",
						"t statistic %s gives no standard error", msc_num(num, sizeof(num), t));
	return sd_of_se(fabs(md / t), n1, n2, sd, err);
}

bool
stat_sd_from_p(double p, double n1, double n2, double md, double *sd, msc_error *err)
{
	char		num[32];

	if (!check_groups(n1, n2, md, err))
		return false;
	if (!(p > 0 && p < 1))
		return msc_fail(err, MSC_ERR_PARAM, NULL, "The two-sided p value lies strictly between 0 and 1.",
						"p value %s is outside (0, 1)", msc_num(num, sizeof(num), p));
	return sd_of_se(fabs(md / stat_qt(p / 2, n1 + n2 - 2, false)), n1, n2, sd, err);
}

bool
stat_r_from_sd_change(double sd_pre, double sd_post, double sd_change,
					  double *r, msc_error *err)
{
	char		num[32];
	const double v[3] = {sd_pre, sd_post, sd_change};
	static const char hint[] = "Standard deviations are finite and > 0 (the change SD may be 0).";

	for (int i = 0; i < 3; i++)
		if (!(v[i] >= 0) || !isfinite(v[i]) || (i < 2 && v[i] == 0))
			return msc_fail(err, MSC_ERR_PARAM, NULL, hint, "standard deviation %s is not a finite number > 0",
							msc_num(num, sizeof(num), v[i]));
	/* scaled by sd_pre, so no square overflows */
	{
		double		b = sd_post / sd_pre,
					c = sd_change / sd_pre;

		*r = (1 + b * b - c * c) / (2 * b);
	}
	/* |r| = 1 exactly (change SD = |sd_pre - sd_post| or their sum) may round past 1 */
	if (fabs(*r) > 1 && fabs(*r) <= 1 + 1e-12)
		*r = copysign(1, *r);
	if (!(*r >= -1 && *r <= 1))
		return msc_fail(err, MSC_ERR_RANGE, NULL,
						"The change SD must lie between |sd_pre - sd_post| and sd_pre + sd_post.",
						"change SD %s with SDs %g and %g implies a correlation %s outside [-1, 1]",
						msc_num(num, sizeof(num), sd_change), sd_pre, sd_post,
						msc_num((char[32]) {0}, 32, *r));
	return true;
}
