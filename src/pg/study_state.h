/*
 * study_state.h — the one transition state of the aggregates that need every
 * study of a group at once (meta_analysis and its level overloads, meta_mh,
 * meta_peto, meta_prop, the small-study tests of bias_tests.c): the studies
 * in up to four columns plus options that every row of a group must give
 * alike.  They share the SQL functions meta_state_combine,
 * meta_state_serialize and meta_state_deserialize (study_state.c), and the
 * argument and result helpers below (meta_regression.c uses those too);
 * result rows and serialized states use the helpers of outcome.h.
 */
#ifndef STUDY_STATE_H
#define STUDY_STATE_H

#include "msc_pg.h"

#include "access/tupdesc.h"

#include "../core/stat_meta.h"

#define STUDY_MAX_COLS 4
#define STUDY_NOPT 4			/* integer options: -1 while unset */
#define STUDY_NDOPT 2			/* double options: NaN while unset */

/*
 * The studies of one group, in columns (2 for yi/vi or x/n, 4 for a 2x2
 * table).  The first INLINE_STUDIES studies of every column live in the same
 * chunk as the header (one allocation per group); a bigger group moves its
 * columns to arrays of their own.  What each option slot holds is the
 * aggregate's business (its file names the slots).
 */
#define INLINE_STUDIES 12

typedef struct StudyState
{
	int32		k;
	int32		capacity;
	int32		ncols;
	int32		opt[STUDY_NOPT];
	double		dopt[STUDY_NDOPT];
	double	   *col[STUDY_MAX_COLS];
	double		inline_cols[FLEXIBLE_ARRAY_MEMBER];
} StudyState;

/* A state of ncols columns in cxt, no studies, options unset. */
StudyState *study_state_new(MemoryContext cxt, int ncols);

/* The state of argument 0, made in the aggregate's context when NULL. */
StudyState *study_state_get(FunctionCallInfo fcinfo, int ncols, const char *name);

/* Make room for n more studies. */
void		study_state_reserve(StudyState *s, int64 n);

/* Append one row of ncols values. */
void		study_state_add_row(StudyState *s, const double *row);

/* Check (as meta_analysis) and append one study of a 2-column state. */
void		study_state_add(StudyState *s, double yi, double vi);

/* Record an option; an error naming what (of a analysis) when a row gives another. */
void		study_option_set(int32 *slot, int value, const char *what, const char *analysis);
void		study_state_opt(StudyState *s, int slot, int value, const char *what);
void		study_state_dopt(StudyState *s, int slot, double value, const char *what);

/* The text of argument argno, or NULL when absent or NULL. */
char	   *study_text_arg(FunctionCallInfo fcinfo, int argno);

/*
 * The option text of argument argno parsed by parse, or -1 when absent or
 * NULL.  The texts are read once per query, not once per row: the last text
 * of each argument and what it parsed to are kept in fn_extra (so only for
 * transition functions, whose fn_extra is otherwise unused).
 */
typedef bool (*study_option_parser) (const char *s, int *value, msc_error *err);
int			study_option_arg(FunctionCallInfo fcinfo, int argno, study_option_parser parse);
bool		study_parse_method(const char *s, int *value, msc_error *err);
bool		study_parse_test(const char *s, int *value, msc_error *err);
bool		study_parse_measure(const char *s, int *value, msc_error *err);

/* The method of argument argno and the test of argno + 1 into those option slots. */
void		study_method_test_args(FunctionCallInfo fcinfo, StudyState *s, int argno,
								   int method_slot, int test_slot);

/* yi, vi of the effect of argument argno; false when it or either is NULL. */
bool		study_effect_arg(FunctionCallInfo fcinfo, int argno, double *yi, double *vi);

/* The level (percent) of argument argno into dopt slot STUDY_DOPT_LEVEL, checked. */
#define STUDY_DOPT_LEVEL 0
void		study_level_arg(FunctionCallInfo fcinfo, StudyState *s, int argno);
/* The state's level, 95 when unset. */
double		study_level(const StudyState *s);

/* An optional double: NULL for NaN. */
void		study_double_field(double x, Datum *v, bool *n);

/*
 * The 17 columns of a meta_result row: k, method, test, then the numbers
 * (NULL where undefined).  method and test are NULL when no row ever
 * reached the aggregate, so they are unknown.
 */
void		meta_result_values(const meta_result *r, const char *method, const char *test,
							   Datum *v, bool *n);

/* Report err (22023/22003) when ok is false. */
#define STUDY_CHECK(ok, err) do { if (!(ok)) msc_ereport(err); } while (0)

#endif
