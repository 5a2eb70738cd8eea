/*
 * stat_convert.h — a mean and SD from what a report gives instead: the
 * median with quartiles, range or both (Luo et al. 2018 for the mean; Wan
 * et al. 2014 and Shi et al. 2020 for the SD, normal data assumed); an SD
 * from a t statistic or p value of a two-group comparison, and the
 * pre-post correlation implied by a reported SD of change (Cochrane
 * Handbook 6.5.2.3 and 6.5.2.8).
 */
#ifndef STAT_CONVERT_H
#define STAT_CONVERT_H

#include "msc_error.h"

typedef struct mean_sd
{
	double		mean;
	double		sd;
	const char *method;			/* the estimators used, with their equations */
} mean_sd;

/* n >= 2 participants; q1 <= median <= q3 (22023 otherwise). */
bool		stat_mean_sd_from_quartiles(double q1, double median, double q3, double n,
										mean_sd *out, msc_error *err);
/* min <= median <= max. */
bool		stat_mean_sd_from_range(double min, double median, double max, double n,
									mean_sd *out, msc_error *err);
/* min <= q1 <= median <= q3 <= max. */
bool		stat_mean_sd_from_fivenum(double min, double q1, double median, double q3,
									  double max, double n, mean_sd *out, msc_error *err);

/*
 * The SD common to two groups of n1 and n2 whose mean difference md gave
 * the two-sided t statistic t (or p value p, on n1 + n2 - 2 degrees of
 * freedom): SE = |md / t|, SD = SE / sqrt(1/n1 + 1/n2).
 */
bool		stat_sd_from_t(double t, double n1, double n2, double md, double *sd, msc_error *err);
bool		stat_sd_from_p(double p, double n1, double n2, double md, double *sd, msc_error *err);

/*
 * The correlation implied by baseline, follow-up and change SDs:
 * r = (sd_pre^2 + sd_post^2 - sd_change^2) / (2 sd_pre sd_post); 22003 when
 * the SDs are inconsistent (|r| > 1).
 */
bool		stat_r_from_sd_change(double sd_pre, double sd_post, double sd_change,
								  double *r, msc_error *err);

#endif
