/*
 * stat_outcome.c — responder rules, Wilson interval and time courses.
 */
#include "stat_outcome.h"
#include "stat_dist.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- per participant ---- */

static const char *
instrument_name(pain_score_t s)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(s));

	return in ? in->name : "?";
}

bool
stat_outcome_same_instrument(pain_score_t a, pain_score_t b, const char *what,
							 msc_error *err)
{
	msc_error_clear(err);
	if (!pain_score_valid(a) || !pain_score_valid(b))
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"invalid pain_score value given to %s", what);
	if (pain_score_code(a) != pain_score_code(b))
		return msc_fail(err, MSC_ERR_PARAM,
						"Baseline and follow-up must be scores on one instrument.",
						"Compare scores on the same instrument, rescale() nrs and vas to one of them, "
						"or compare severity() on the common 0-100 scale.",
						"%s needs two scores on the same instrument, not %s and %s",
						what, instrument_name(a), instrument_name(b));
	return true;
}

int64_t
stat_improvement_thousandths(pain_score_t b, pain_score_t f)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(b));
	int64_t		vb = pain_score_value(b);
	int64_t		vf = pain_score_value(f);

	return (in == NULL || in->higher_is_worse) ? vb - vf : vf - vb;
}

double
stat_improvement(pain_score_t b, pain_score_t f)
{
	return (double) stat_improvement_thousandths(b, f) / PAIN_SCALE;
}

/*
 * The distance of b from the best end of its scale in thousandths: the
 * denominator of the percent improvement (severity(b) is 100 times this
 * over the range).
 */
static int64_t
room_to_improve(pain_score_t b)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(b));
	int64_t		vb = pain_score_value(b);

	if (in == NULL)
		return 0;
	return in->higher_is_worse ? vb - (int64_t) in->min : (int64_t) in->max - vb;
}

bool
stat_pct_improvement(pain_score_t b, pain_score_t f, double *pct)
{
	int64_t		room = room_to_improve(b);

	if (room <= 0)
		return false;
	*pct = (double) (100 * stat_improvement_thousandths(b, f)) / (double) room;
	return true;
}

bool
stat_responder_check(double min_pct, double min_points, msc_error *err)
{
	char		num[64];

	msc_error_clear(err);
	if (!(min_pct >= 0 && min_pct <= 100))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"min_pct is a percentage between 0 and 100, e.g. 30 (moderate) or 50 (substantial, IMMPACT).",
						"min_pct %s is not between 0 and 100",
						msc_num(num, sizeof(num), min_pct));
	if (!(min_points >= 0 && isfinite(min_points)))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"min_points is an improvement in the instrument's unit, 0 or more, e.g. 2 on nrs.",
						"min_points %s is not a finite number of 0 or more",
						msc_num(num, sizeof(num), min_points));
	return true;
}

bool
stat_is_responder(pain_score_t b, pain_score_t f, double min_pct,
				  double min_points, bool *defined)
{
	double		pct;

	*defined = stat_pct_improvement(b, f, &pct);
	if (!*defined)
		return false;
	return pct >= min_pct && stat_improvement(b, f) >= min_points;
}

bool
stat_mcid_reached(pain_score_t b, pain_score_t f, bool *defined)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(b));

	*defined = (in != NULL && in->has_mcid);
	if (!*defined)
		return false;
	return stat_improvement_thousandths(b, f) >= (int64_t) in->mcid;
}

bool
stat_normalised_change(pain_score_t b, pain_score_t f, double *points, double *pct)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(b));
	int64_t		d = stat_improvement_thousandths(b, f);
	int64_t		range = in ? (int64_t) in->max - (int64_t) in->min : 0;

	*points = range > 0 ? (double) (100 * d) / (double) range : 0.0;
	return stat_pct_improvement(b, f, pct);
}

/* Does one domain improve by at least min_pct % and min_points points? */
static bool
domain_improves(pain_score_t b, pain_score_t f, double min_pct, double min_points)
{
	double		points,
				pct;

	if (!stat_normalised_change(b, f, &points, &pct))
		return false;
	return pct >= min_pct && points >= min_points;
}

bool
stat_oarsi_responder(pain_score_t pain_b, pain_score_t pain_f,
					 pain_score_t function_b, pain_score_t function_f,
					 pain_score_t global_b, pain_score_t global_f,
					 bool *responder, msc_error *err)
{
	int			moderate;

	if (!stat_outcome_same_instrument(pain_b, pain_f, "oarsi_responder (pain)", err) ||
		!stat_outcome_same_instrument(function_b, function_f, "oarsi_responder (function)", err) ||
		!stat_outcome_same_instrument(global_b, global_f, "oarsi_responder (patient global)", err))
		return false;
	if (domain_improves(pain_b, pain_f, 50, 20) ||
		domain_improves(function_b, function_f, 50, 20))
	{
		*responder = true;
		return true;
	}
	moderate = domain_improves(pain_b, pain_f, 20, 10) +
		domain_improves(function_b, function_f, 20, 10) +
		domain_improves(global_b, global_f, 20, 10);
	*responder = (moderate >= 2);
	return true;
}

/* ---- proportions ---- */

bool
stat_wilson(int64_t x, int64_t n, double level, stat_proportion *out, msc_error *err)
{
	char		num[64];
	double		z,
				p,
				z22n,
				denom,
				centre,
				half;

	msc_error_clear(err);
	if (n < 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"n is the number of trials, at least 1; x the number of successes, 0 to n.",
						"number of trials n = %lld must be at least 1", (long long) n);
	if (x < 0 || x > n)
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"x is the number of successes, 0 to n; n the number of trials.",
						"number of successes x = %lld is not between 0 and n = %lld",
						(long long) x, (long long) n);
	if (!(level > 0 && level < 1))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"level is a confidence level strictly between 0 and 1, e.g. 0.95.",
						"confidence level %s is not between 0 and 1",
						msc_num(num, sizeof(num), level));

	/* the formula of R's prop.test(x, n, correct = FALSE) */
	/* the upper tail: (1 + level) / 2 rounds to 1 for a level within 1e-16 of 1 */
	z = stat_qnorm((1 - level) / 2, false);
	p = (double) x / (double) n;
	z22n = z * z / (2 * (double) n);
	denom = 1 + 2 * z22n;
	centre = p + z22n;
	half = z * sqrt(p * (1 - p) / (double) n + z22n / (2 * (double) n));

	out->x = x;
	out->n = n;
	out->p = p;
	out->ci_low = (x == 0) ? 0.0 : (centre - half) / denom;
	out->ci_high = (x == n) ? 1.0 : (centre + half) / denom;
	if (out->ci_low < 0)
		out->ci_low = 0;
	if (out->ci_high > 1)
		out->ci_high = 1;
	return true;
}

/* ---- time courses ---- */

/* Does name[0..len) spell word (lower case), ignoring ASCII case? */
static bool
word_equals(const char *name, size_t len, const char *word)
{
	size_t		wlen = strlen(word);

	if (len != wlen)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		char		c = name[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

static const char method_hint[] =
"The method is 'trapezoid' (area under the curve, the default) or 'rect' "
"(each value times the interval before it).";

bool
stat_tc_method_parse(const char *name, size_t len, stat_tc_method *out, msc_error *err)
{
	size_t		start = 0,
				end = len;
	char		quoted[MSC_QUOTE_MAX * 4 + 8];

	msc_error_clear(err);
	while (start < end && (name[start] == ' ' || name[start] == '\t'))
		start++;
	while (end > start && (name[end - 1] == ' ' || name[end - 1] == '\t'))
		end--;
	if (word_equals(name + start, end - start, "trapezoid"))
	{
		*out = STAT_TC_TRAPEZOID;
		return true;
	}
	if (word_equals(name + start, end - start, "rect"))
	{
		*out = STAT_TC_RECT;
		return true;
	}
	msc_quote(quoted, sizeof(quoted), name, len);
	return msc_fail(err, MSC_ERR_PARAM, NULL, method_hint,
					"unknown time-course method \"%s\"", quoted);
}

const char *
stat_tc_method_name(stat_tc_method m)
{
	return m == STAT_TC_RECT ? "rect" : "trapezoid";
}

bool
stat_tc_check_time(double t, const char *what, msc_error *err)
{
	char		num[64];

	if (isfinite(t))
		return true;
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"Times are finite numbers in one unit (hours, days), e.g. 0, 0.5, 1, 2.",
					"time %s given to %s is not a finite number",
					msc_num(num, sizeof(num), t), what);
}

bool
stat_tc_check_value(double v, const char *what, msc_error *err)
{
	char		num[64];

	if (isfinite(v))
		return true;
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"Scores are finite numbers; leave a missing assessment out or NULL.",
					"score %s given to %s is not a finite number",
					msc_num(num, sizeof(num), v), what);
}

static int
point_cmp(const void *a, const void *b)
{
	double		x = ((const stat_tc_point *) a)->t;
	double		y = ((const stat_tc_point *) b)->t;

	return (x > y) - (x < y);
}

bool
stat_tc_sort(stat_tc_point *pts, size_t n, const char *what, msc_error *err)
{
	char		num[64];

	msc_error_clear(err);
	if (n > 1)
		qsort(pts, n, sizeof(stat_tc_point), point_cmp);
	for (size_t i = 1; i < n; i++)
		if (pts[i].t == pts[i - 1].t)
			return msc_fail(err, MSC_ERR_PARAM,
							"A time course holds one assessment per time.",
							"Aggregate one participant's time course per group (GROUP BY participant), "
							"and keep one assessment per time.",
							"%s got two assessments at time %s",
							what, msc_num(num, sizeof(num), pts[i].t));
	return true;
}

double
stat_tc_spid(const stat_tc_point *pts, size_t n, bool higher_is_worse, stat_tc_method m)
{
	double		v0 = pts[0].v;
	double		sum = 0;
	double		prev = 0;		/* PID_0 */

	for (size_t i = 1; i < n; i++)
	{
		double		pid = higher_is_worse ? v0 - pts[i].v : pts[i].v - v0;
		double		dt = pts[i].t - pts[i - 1].t;

		sum += (m == STAT_TC_RECT) ? pid * dt : (prev + pid) * dt / 2;
		prev = pid;
	}
	return sum;
}

double
stat_tc_area(const stat_tc_point *pts, size_t n, stat_tc_method m)
{
	double		sum = 0;

	for (size_t i = 1; i < n; i++)
	{
		double		dt = pts[i].t - pts[i - 1].t;

		sum += (m == STAT_TC_RECT) ? pts[i].v * dt : (pts[i - 1].v + pts[i].v) * dt / 2;
	}
	return sum;
}
