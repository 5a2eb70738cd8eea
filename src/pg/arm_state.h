/*
 * arm_state.h — the transition state of the single-arm and rare-event
 * aggregates (meta_prop, meta_peto, and the level/correction overloads of
 * meta_analysis and meta_mh): the rows in up to four columns plus the
 * options, which every row of a group must give alike.  Combine, serialize
 * and deserialize are the SQL functions arm_state_combine/_serialize/
 * _deserialize.
 */
#ifndef ARM_STATE_H
#define ARM_STATE_H

#include "msc_pg.h"

#include "study_state.h"			/* meta_result_values: the 17 meta_result columns */
#include "../core/stat_meta.h"

#define ARM_MAX_COLS 4
#define ARM_NOPT 4				/* integer options: -1 while unset */
#define ARM_NDOPT 2				/* double options: NaN while unset */

typedef struct ArmState
{
	int32		k;
	int32		capacity;
	int32		ncols;
	int32		opt[ARM_NOPT];
	double		dopt[ARM_NDOPT];
	double	   *col[ARM_MAX_COLS];
} ArmState;

/* The state of argument 0, made in the aggregate's context when NULL. */
ArmState   *arm_state_get(FunctionCallInfo fcinfo, int ncols, const char *name);

/* Append one row of ncols values. */
void		arm_state_add(ArmState *s, const double *row);

/* Record option slot; an error when a row gives another value. */
void		arm_state_opt(ArmState *s, int slot, int value, const char *what);
void		arm_state_dopt(ArmState *s, int slot, double value, const char *what);

/* The text of argument argno, or NULL when absent or NULL. */
char	   *arm_text_arg(FunctionCallInfo fcinfo, int argno);

/* The composite result type of the final function, blessed, cached per query. */
TupleDesc	arm_result_desc(FunctionCallInfo fcinfo);

/* An optional double: NULL for NaN. */
void		arm_double_field(double x, Datum *v, bool *n);

/* The level (percent) of argument argno into dopt slot ARM_DOPT_LEVEL, checked. */
#define ARM_DOPT_LEVEL 0
void		arm_level_arg(FunctionCallInfo fcinfo, ArmState *s, int argno);
/* The state's level, 95 when unset. */
double		arm_level(const ArmState *s);

/* Report err (22023/22003) when ok is false. */
#define ARM_CHECK(ok, err) do { if (!(ok)) msc_ereport(err); } while (0)

#endif
