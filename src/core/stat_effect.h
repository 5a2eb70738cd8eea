/*
 * stat_effect.h — effect sizes and their sampling variances, computed as
 * metafor's escalc() computes them with its defaults (vtype "LS"; for 2x2
 * tables 1/2 added to every cell of a table that has a zero cell).
 */
#ifndef STAT_EFFECT_H
#define STAT_EFFECT_H

#include "msc_error.h"

typedef struct stat_effect
{
	double		yi;				/* the effect size */
	double		vi;				/* its sampling variance */
} stat_effect;

/* Hedges' g: standardised mean difference with the exact gamma-function
 * bias correction J(n1 + n2 - 2); vi = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2)). */
bool		stat_smd(double n1, double m1, double sd1, double n2, double m2, double sd2,
					 stat_effect *out, msc_error *err);
/* Raw mean difference m1 - m2; vi = sd1^2/n1 + sd2^2/n2. */
bool		stat_md(double n1, double m1, double sd1, double n2, double m2, double sd2,
					stat_effect *out, msc_error *err);
/* Log ratio of means log(m1/m2); vi = sd1^2/(n1 m1^2) + sd2^2/(n2 m2^2). */
bool		stat_rom(double n1, double m1, double sd1, double n2, double m2, double sd2,
					 stat_effect *out, msc_error *err);
/* Log risk ratio of a events in n1 against c events in n2. */
bool		stat_log_rr(double a, double n1, double c, double n2, stat_effect *out, msc_error *err);
/* Log odds ratio of the table [a b; c d]. */
bool		stat_log_or(double a, double b, double c, double d, stat_effect *out, msc_error *err);
/* Risk difference a/n1 - c/n2. */
bool		stat_rd(double a, double n1, double c, double n2, stat_effect *out, msc_error *err);
/* SD of change scores from the pre and post SDs and their correlation r:
 * sqrt(sd_pre^2 + sd_post^2 - 2 r sd_pre sd_post). */
bool		stat_sd_change(double sd_pre, double sd_post, double r, double *out, msc_error *err);

#endif
