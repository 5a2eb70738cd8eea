/*
 * stat_outcome.h — participant-level outcome statistics on pain_score:
 * improvement and responder rules, the Wilson score interval for a
 * proportion, and time-course summaries (SPID, TOTPAR, area under the
 * pain curve).
 *
 * Plain C99, no PostgreSQL headers.  Errors are reported through msc_error
 * with class PARAM (22023) for a bad argument; the message names the value
 * and the hint says what is accepted.
 *
 * Exactness: scores are integers in thousandths, so differences and ratios
 * are computed from those integers with one rounding at the end.  A change
 * that is exactly on a threshold (nrs 10 -> 7 is exactly 30 %) is therefore
 * exactly on it, never a hair below.
 */
#ifndef STAT_OUTCOME_H
#define STAT_OUTCOME_H

#include "msc_error.h"
#include "pain_score.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Per participant ------------------------------------------------------- */

/*
 * Are a and b valid scores on the same instrument?  PARAM (22023) naming
 * both instruments otherwise; what ("improvement", ...) goes into the
 * message.
 */
bool		stat_outcome_same_instrument(pain_score_t a, pain_score_t b,
										 const char *what, msc_error *err);

/*
 * Improvement from baseline b to follow-up f in thousandths of the
 * instrument's unit, positive when f is better (b - f when higher is
 * worse, f - b otherwise).  b and f must be on the same instrument.
 */
int64_t		stat_improvement_thousandths(pain_score_t b, pain_score_t f);

/* The same in the instrument's unit. */
double		stat_improvement(pain_score_t b, pain_score_t f);

/*
 * Percent improvement 100 * (severity(b) - severity(f)) / severity(b);
 * false (undefined) when severity(b) is 0.
 */
bool		stat_pct_improvement(pain_score_t b, pain_score_t f, double *pct);

/*
 * Check the thresholds of is_responder: min_pct in [0, 100] and min_points
 * finite and >= 0.  PARAM (22023) otherwise.
 */
bool		stat_responder_check(double min_pct, double min_points, msc_error *err);

/*
 * Responder: pct_improvement >= min_pct and improvement >= min_points.
 * Returns false in *defined when the percent improvement is undefined
 * (severity(b) = 0).
 */
bool		stat_is_responder(pain_score_t b, pain_score_t f, double min_pct,
							  double min_points, bool *defined);

/*
 * Has the improvement reached the instrument's MCID?  *defined is false
 * when the instrument has no MCID in the catalogue.
 */
bool		stat_mcid_reached(pain_score_t b, pain_score_t f, bool *defined);

/*
 * Improvement of one domain on the 0-100 normalised scale (severity, 100
 * worst): points = severity(b) - severity(f); pct = 100 * points /
 * severity(b), or false in the return value when severity(b) is 0.
 */
bool		stat_normalised_change(pain_score_t b, pain_score_t f,
								   double *points, double *pct);

/*
 * OMERACT-OARSI responder (Pham et al., Osteoarthritis Cartilage 2004;
 * 12:389-399), on the 0-100 normalised scale: pain or function improves by
 * >= 50 % and >= 20 points; or at least two of pain, function and patient
 * global improve by >= 20 % and >= 10 points.  A domain whose baseline
 * severity is 0 cannot improve and counts as not improved.  Each pair must
 * be on one instrument (PARAM otherwise).
 */
bool		stat_oarsi_responder(pain_score_t pain_b, pain_score_t pain_f,
								 pain_score_t function_b, pain_score_t function_f,
								 pain_score_t global_b, pain_score_t global_f,
								 bool *responder, msc_error *err);

/* Proportions ------------------------------------------------------------ */

typedef struct stat_proportion
{
	int64_t		x;
	int64_t		n;
	double		p;
	double		ci_low;
	double		ci_high;
} stat_proportion;

/*
 * Wilson score interval for x successes in n trials at confidence level
 * (0 < level < 1), as R's prop.test(x, n, correct = FALSE), clamped to
 * [0, 1] (exactly 0 for x = 0 and exactly 1 for x = n).  PARAM (22023)
 * unless 0 <= x <= n, n >= 1 and 0 < level < 1.
 */
bool		stat_wilson(int64_t x, int64_t n, double level, stat_proportion *out,
						msc_error *err);

/* Time courses ----------------------------------------------------------- */

typedef enum stat_tc_method
{
	STAT_TC_TRAPEZOID = 0,		/* area under the curve from t_0 */
	STAT_TC_RECT				/* sum of value_i * (t_i - t_{i-1}), i >= 1 */
} stat_tc_method;

/* "rect" or "trapezoid", case-insensitive, blanks around ignored. */
bool		stat_tc_method_parse(const char *name, size_t len,
								 stat_tc_method *out, msc_error *err);
const char *stat_tc_method_name(stat_tc_method m);

/* One assessment of a time course: time and value (any unit). */
typedef struct stat_tc_point
{
	double		t;
	double		v;
} stat_tc_point;

/* A time t must be finite (PARAM otherwise); what names the aggregate. */
bool		stat_tc_check_time(double t, const char *what, msc_error *err);

/* A plain float8 value must be finite (PARAM otherwise). */
bool		stat_tc_check_value(double v, const char *what, msc_error *err);

/*
 * Sort points by t in place and check that no two share a time (PARAM
 * naming the time otherwise).
 */
bool		stat_tc_sort(stat_tc_point *pts, size_t n, const char *what,
						 msc_error *err);

/*
 * On points sorted by stat_tc_sort, with n >= 2 (the callers return NULL
 * for fewer):
 *
 * stat_tc_spid: summed pain intensity difference, PID_i = v_0 - v_i when
 * higher_is_worse, else v_i - v_0; rect = sum PID_i (t_i - t_{i-1}) for
 * i >= 1, trapezoid = the area under PID from t_0 with PID_0 = 0.
 *
 * stat_tc_area: rect = sum v_i (t_i - t_{i-1}) for i >= 1, trapezoid = the
 * area under v from t_0 (TOTPAR on relief scores; the area under the pain
 * curve with the trapezoid method).
 */
double		stat_tc_spid(const stat_tc_point *pts, size_t n, bool higher_is_worse,
						 stat_tc_method m);
double		stat_tc_area(const stat_tc_point *pts, size_t n, stat_tc_method m);

#endif
