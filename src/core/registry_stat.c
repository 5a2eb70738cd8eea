/*
 * registry_stat.c — standard deviations from a standard error or from a
 * confidence interval of a mean (Cochrane Handbook 6.5.2.2).
 */
#include "registry_stat.h"

#include "stat_dist.h"

#include <math.h>

static const char *const se_hint =
	"Give the standard error of the mean (finite, >= 0) and the group size n (a whole number >= 1).";
static const char *const ci_hint =
	"Give the lower and upper limits of the interval (finite, lower <= upper), the group size n "
	"(a whole number >= 2) and the level of the interval (0.95 for a 95% interval).";

static bool
whole(double n)
{
	return isfinite(n) && n == floor(n);
}

bool
registry_sd_from_se(double se, double n, double *sd, msc_error *err)
{
	char		b[64],
				b2[64];

	if (!isfinite(se) || se < 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, se_hint,
						"standard error %s is not a finite number >= 0", msc_num(b, sizeof b, se));
	if (!whole(n) || n < 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL, se_hint,
						"group size %s is not a whole number >= 1", msc_num(b, sizeof b, n));
	*sd = se * sqrt(n);
	if (!isfinite(*sd))
		return msc_fail(err, MSC_ERR_RANGE, NULL, se_hint,
						"the SD from standard error %s and group size %s exceeds the range of float8",
						msc_num(b, sizeof b, se), msc_num(b2, sizeof b2, n));
	return true;
}

bool
registry_sd_from_ci(double lower, double upper, double n, double level,
					double *sd, msc_error *err)
{
	char		b1[64],
				b2[64];
	double		t;

	if (!isfinite(lower) || !isfinite(upper))
		return msc_fail(err, MSC_ERR_PARAM, NULL, ci_hint,
						"confidence limit %s is not a finite number",
						msc_num(b1, sizeof b1, isfinite(lower) ? upper : lower));
	if (lower > upper)
		return msc_fail(err, MSC_ERR_PARAM, NULL, ci_hint,
						"lower confidence limit %s is above the upper limit %s",
						msc_num(b1, sizeof b1, lower), msc_num(b2, sizeof b2, upper));
	if (!whole(n) || n < 2)
		return msc_fail(err, MSC_ERR_PARAM, NULL, ci_hint,
						"group size %s is not a whole number >= 2", msc_num(b1, sizeof b1, n));
	if (!(level > 0 && level < 1))
		return msc_fail(err, MSC_ERR_PARAM, NULL, ci_hint,
						"confidence level %s is not between 0 and 1", msc_num(b1, sizeof b1, level));
	/* the upper tail: (1 + level) / 2 rounds to 1 for a level within 1e-16 of 1 */
	t = stat_qt((1 - level) / 2, n - 1, false);
	/* upper - lower may exceed DBL_MAX; its half does not */
	*sd = isfinite(upper - lower) ? sqrt(n) * (upper - lower) / (2 * t)
		: sqrt(n) * (upper / 2 - lower / 2) / t;
	if (!isfinite(*sd))
		return msc_fail(err, MSC_ERR_RANGE, NULL, ci_hint,
						"the SD from the interval [%s, %s] with group size %g exceeds the range of float8",
						msc_num(b1, sizeof b1, lower), msc_num(b2, sizeof b2, upper), n);
	return true;
}
