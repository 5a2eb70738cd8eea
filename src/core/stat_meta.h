/*
 * stat_meta.h — pooling effect sizes across studies exactly as metafor's
 * rma() (fixed effect; random effects by DerSimonian-Laird, REML by Fisher
 * scoring, Paule-Mandel; z or Knapp-Hartung tests; I^2, H^2, Cochran's Q,
 * prediction interval) and rma.mh() (Mantel-Haenszel for 2x2 tables).
 */
#ifndef STAT_META_H
#define STAT_META_H

#include "msc_error.h"

#include <stdbool.h>

typedef enum meta_method
{
	META_FE = 0,
	META_DL,
	META_REML,
	META_PM,
	META_MH						/* only from stat_meta_mh */
} meta_method;

typedef enum meta_test
{
	META_Z = 0,
	META_KNHA
} meta_test;

typedef enum meta_measure
{
	META_OR = 0,
	META_RR,
	META_RD
} meta_measure;

typedef struct meta_result
{
	int			k;				/* number of studies pooled */
	meta_method method;
	meta_test	test;			/* the test used (knha falls back to z for k = 1, as metafor) */
	double		estimate;
	double		se;
	double		ci_low;
	double		ci_high;
	double		stat;			/* z or t statistic */
	double		pval;
	double		tau2;
	double		i2;				/* percent */
	double		h2;
	double		q;				/* Cochran's Q */
	int			q_df;
	double		q_pval;
	bool		has_pi;			/* no prediction interval for FE and MH */
	double		pi_low;
	double		pi_high;
	int			iterations;		/* REML and PM: iterations used */
} meta_result;

/* Names as in SQL: "FE", "DL", "REML", "PM"; "z", "knha"; "OR", "RR", "RD"
 * (case-insensitive).  False with a 22023 error for anything else. */
bool		stat_meta_method_parse(const char *s, meta_method *m, msc_error *err);
bool		stat_meta_test_parse(const char *s, meta_test *t, msc_error *err);
bool		stat_meta_measure_parse(const char *s, meta_measure *m, msc_error *err);
const char *stat_meta_method_name(meta_method m);
const char *stat_meta_test_name(meta_test t);

/*
 * Check one study's effect and variance: finite, variance > 0.  False with
 * a 22023 error naming the value otherwise.
 */
bool		stat_meta_check_study(double yi, double vi, msc_error *err);

/*
 * Pool k >= 1 studies at confidence level 0.95.  yi and vi must already
 * have passed stat_meta_check_study.  False with an error only when an
 * iteration fails to converge.
 */
bool		stat_meta_pool(const double *yi, const double *vi, int k,
						   meta_method method, meta_test test,
						   meta_result *out, msc_error *err);

/*
 * Mantel-Haenszel pooling of k 2x2 tables (events a of a+b against c of
 * c+d) for OR, RR or RD, with Cochran's Q, I^2 and H^2 from the studies'
 * escalc effects as metafor's rma.mh reports them.
 */
bool		stat_meta_mh(const double *a, const double *b, const double *c,
						 const double *d, int k, meta_measure measure,
						 meta_result *out, msc_error *err);

#endif
