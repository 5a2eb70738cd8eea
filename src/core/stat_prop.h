/*
 * stat_prop.h — single-arm and rare-event statistics as metafor 3.8-1
 * computes them: proportions (escalc PR, PLO, PAS, PFT) and their pooling
 * with back-transformation (rma + predict(transf = ...)); Peto's method
 * (rma.peto); change from baseline within one arm (escalc MC, SMCR).
 */
#ifndef STAT_PROP_H
#define STAT_PROP_H

#include "stat_effect.h"
#include "stat_meta.h"

typedef enum prop_measure
{
	PROP_PR = 0,				/* raw proportion */
	PROP_PLO,					/* logit (the default) */
	PROP_PAS,					/* arcsine square root */
	PROP_PFT					/* Freeman-Tukey double arcsine */
} prop_measure;

/* "PR", "PLO", "PAS", "PFT" (case-insensitive); 22023 otherwise. */
bool		stat_prop_measure_parse(const char *s, prop_measure *m, msc_error *err);
const char *stat_prop_measure_name(prop_measure m);

/*
 * x events of n (whole numbers, 0 <= x <= n, n >= 1).  As escalc with its
 * defaults: PR and PLO add 1/2 to events and non-events of an arm with
 * none of either; PAS and PFT need no correction and get none.
 */
bool		stat_prop(double x, double n, prop_measure m, stat_effect *out, msc_error *err);

/*
 * A value y on the measure's scale back on the proportion scale: PR as is,
 * PLO by the inverse logit, PAS by metafor's transf.iarcsin, PFT by
 * transf.ipft with n the harmonic mean of the arms' sizes (transf.ipft.hm);
 * the last two clip to [0, 1] as metafor does.
 */
double		stat_prop_back(prop_measure m, double y, double n_harmonic);

typedef struct prop_result
{
	meta_result meta;			/* on the measure's scale */
	prop_measure measure;
	double		prop;			/* estimate, CI, PI back-transformed */
	double		prop_ci_low;
	double		prop_ci_high;
	double		prop_pi_low;	/* NaN without a prediction interval */
	double		prop_pi_high;
} prop_result;

/* Pool k >= 1 arms of x[i] events of n[i] as rma(escalc(measure, ...)),
 * with CI and prediction interval at level percent. */
bool		stat_meta_prop(const double *x, const double *n, int k, prop_measure m,
						   meta_method method, meta_test test, double level,
						   prop_result *out, msc_error *err);

#endif

/*
 * Change from baseline within one arm of n participants, with the
 * correlation r in [-1, 1] between baseline and follow-up.  The sign is
 * follow-up minus baseline, so on a pain scale a negative change is less
 * pain.  mean_change is escalc("MC", m1i = m_post, m2i = m_pre,
 * sd1i = sd_post, sd2i = sd_pre, ni = n, ri = r):
 *     yi = m_post - m_pre,  vi = (sd_pre^2 + sd_post^2 - 2 r sd_pre sd_post) / n.
 * smcr is escalc("SMCR", ...): standardised by the baseline SD with the
 * exact correction J(n - 1) (n >= 3), vi = 2 (1 - r)/n + yi^2/(2n).
 */
bool		stat_mean_change(double n, double m_pre, double sd_pre, double m_post,
							 double sd_post, double r, stat_effect *out, msc_error *err);
bool		stat_smcr(double n, double m_pre, double sd_pre, double m_post, double r,
					  stat_effect *out, msc_error *err);

/*
 * Continuity correction of 2x2 tables as escalc's add, to and drop00:
 * to "only0" (the default) adds `add` to the four cells of a table with a
 * zero cell, "all" to every table, "if0all" to every table when any table
 * of the set has a zero cell, "none" to no table; drop00 leaves out a table
 * with no events, or only events, in both groups (metafor's NA).
 */
typedef enum cc_to
{
	CC_ONLY0 = 0,
	CC_ALL,
	CC_IF0ALL,
	CC_NONE
} cc_to;

typedef struct cc_opts
{
	double		add;
	cc_to		to;
	bool		drop00;
} cc_opts;

bool		stat_cc_to_parse(const char *s, cc_to *to, msc_error *err);
const char *stat_cc_to_name(cc_to to);
/* add finite and >= 0; 22023 otherwise */
bool		stat_cc_check(const cc_opts *cc, msc_error *err);

/*
 * The OR, RR or RD effect of table [a b; c d] (events, non-events of each
 * group) under cc; set_has_zero says whether another table of the set has
 * a zero cell (for "if0all").  *defined is false when drop00 drops the
 * table.  yi or vi may be infinite (a log of a zero cell without
 * correction): metafor's NA.
 */
bool		stat_table_cc(meta_measure m, double a, double b, double c, double d,
						  const cc_opts *cc, bool set_has_zero, stat_effect *out,
						  bool *defined, msc_error *err);

/*
 * The same for one table, as log_or/log_rr/rd with add/to/drop00: false
 * with 22003 where the effect is infinite; *defined false (SQL NULL) when
 * drop00 drops it.  For one table "if0all" is "only0".
 */
bool		stat_effect_cc(meta_measure m, double a, double b, double c, double d,
						   const cc_opts *cc, stat_effect *out, bool *defined,
						   msc_error *err);

/*
 * Mantel-Haenszel as stat_meta_mh (the estimate from the tables as they
 * are), with Cochran's Q, I^2 and H^2 from the studies' effects under cc,
 * as rma.mh(add = , to = , drop00 = ).
 */
bool		stat_meta_mh_cc(const double *a, const double *b, const double *c,
							const double *d, int k, meta_measure measure,
							const cc_opts *cc, meta_result *out, msc_error *err);

/*
 * Peto's one-step log odds ratio of k tables, as rma.peto() with its
 * defaults: estimate sum(a - E)/sum(V) from the tables as they are, Q over
 * the tables with V > 0, its degrees of freedom the tables other than
 * those with no events or only events in both groups.
 */
bool		stat_meta_peto(const double *a, const double *b, const double *c,
						   const double *d, int k, meta_result *out, msc_error *err);
