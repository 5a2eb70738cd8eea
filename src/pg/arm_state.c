/*
 * arm_state.c — transition state and result rows of the aggregates of
 * single_arm.c.  Pooling needs every study at once (REML and PM iterate),
 * so the state keeps the rows; parallel workers' states are concatenated.
 */
#include "arm_state.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "../core/stat_confint.h"

#define ARM_STATE_FORMAT 1
#define ARM_FIRST_CAPACITY 16

static ArmState *
arm_state_new(MemoryContext cxt, int ncols)
{
	ArmState   *s = MemoryContextAllocZero(cxt, sizeof(ArmState));

	s->ncols = ncols;
	for (int i = 0; i < ARM_NOPT; i++)
		s->opt[i] = -1;
	for (int i = 0; i < ARM_NDOPT; i++)
		s->dopt[i] = NAN;
	return s;
}

ArmState *
arm_state_get(FunctionCallInfo fcinfo, int ncols, const char *name)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, name);

	if (!PG_ARGISNULL(0))
		return (ArmState *) PG_GETARG_POINTER(0);
	return arm_state_new(cxt, ncols);
}

/* Room for n more rows, in the state's own memory context. */
static void
arm_state_reserve(ArmState *s, int64 n)
{
	const int64 max_rows = (int64) (MaxAllocSize / sizeof(double));
	int64		need = (int64) s->k + n,
				capacity = s->capacity ? s->capacity : ARM_FIRST_CAPACITY;

	if (need > max_rows)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many studies in one meta-analysis group")));
	if (need <= s->capacity)
		return;
	while (capacity < need)
		capacity = Min(capacity * 2, max_rows);
	for (int c = 0; c < s->ncols; c++)
		s->col[c] = s->col[c] ? repalloc(s->col[c], sizeof(double) * capacity)
			: MemoryContextAlloc(GetMemoryChunkContext(s), sizeof(double) * capacity);
	s->capacity = (int32) capacity;
}

void
arm_state_add(ArmState *s, const double *row)
{
	arm_state_reserve(s, 1);
	for (int c = 0; c < s->ncols; c++)
		s->col[c][s->k] = row[c];
	s->k++;
}

static void
option_clash(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the %s of a meta-analysis must be the same for every row of a group", what),
			 errhint("Pass the %s as a constant.", what)));
}

void
arm_state_opt(ArmState *s, int slot, int value, const char *what)
{
	if (s->opt[slot] == -1)
		s->opt[slot] = value;
	else if (s->opt[slot] != value)
		option_clash(what);
}

void
arm_state_dopt(ArmState *s, int slot, double value, const char *what)
{
	if (isnan(s->dopt[slot]))
		s->dopt[slot] = value;
	else if (s->dopt[slot] != value)
		option_clash(what);
}

char *
arm_text_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

void
arm_level_arg(FunctionCallInfo fcinfo, ArmState *s, int argno)
{
	msc_error	err;
	double		level;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return;
	level = PG_GETARG_FLOAT8(argno);
	if (!stat_level_check(level, &err))
		msc_ereport(&err);
	arm_state_dopt(s, ARM_DOPT_LEVEL, level, "level");
}

double
arm_level(const ArmState *s)
{
	return (s == NULL || isnan(s->dopt[ARM_DOPT_LEVEL])) ? 95 : s->dopt[ARM_DOPT_LEVEL];
}

PG_FUNCTION_INFO_V1(arm_state_combine);
Datum
arm_state_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "arm_state_combine");
	ArmState   *s1 = PG_ARGISNULL(0) ? NULL : (ArmState *) PG_GETARG_POINTER(0);
	ArmState   *s2 = PG_ARGISNULL(1) ? NULL : (ArmState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
		s1 = arm_state_new(cxt, s2->ncols);
	for (int i = 0; i < ARM_NOPT; i++)
		if (s2->opt[i] != -1)
			arm_state_opt(s1, i, s2->opt[i], "option");
	for (int i = 0; i < ARM_NDOPT; i++)
		if (!isnan(s2->dopt[i]))
			arm_state_dopt(s1, i, s2->dopt[i], "option");
	arm_state_reserve(s1, s2->k);
	for (int c = 0; c < s1->ncols; c++)
		if (s2->k > 0)
			memcpy(s1->col[c] + s1->k, s2->col[c], sizeof(double) * s2->k);
	s1->k += s2->k;
	PG_RETURN_POINTER(s1);
}

PG_FUNCTION_INFO_V1(arm_state_serialize);
Datum
arm_state_serialize(PG_FUNCTION_ARGS)
{
	ArmState   *s = (ArmState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ARM_STATE_FORMAT);
	pq_sendint32(&buf, s->ncols);
	for (int i = 0; i < ARM_NOPT; i++)
		pq_sendint32(&buf, s->opt[i]);
	for (int i = 0; i < ARM_NDOPT; i++)
		pq_sendfloat8(&buf, s->dopt[i]);
	pq_sendint32(&buf, s->k);
	for (int c = 0; c < s->ncols; c++)
		for (int i = 0; i < s->k; i++)
			pq_sendfloat8(&buf, s->col[c][i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_state(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid single-arm meta-analysis state")));
}

PG_FUNCTION_INFO_V1(arm_state_deserialize);
Datum
arm_state_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext cxt = msc_aggregate_context(fcinfo, "arm_state_deserialize");
	StringInfoData buf;
	ArmState   *s;
	int			ncols,
				k;

	/* a read-only StringInfo over the bytea (initReadOnlyStringInfo in 17+) */
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != ARM_STATE_FORMAT)
		bad_state();
	ncols = pq_getmsgint(&buf, 4);
	if (ncols < 1 || ncols > ARM_MAX_COLS)
		bad_state();
	s = arm_state_new(cxt, ncols);
	for (int i = 0; i < ARM_NOPT; i++)
		s->opt[i] = pq_getmsgint(&buf, 4);
	for (int i = 0; i < ARM_NDOPT; i++)
		s->dopt[i] = pq_getmsgfloat8(&buf);
	k = pq_getmsgint(&buf, 4);
	if (k < 0 || (int64) k * ncols * 8 != buf.len - buf.cursor)
		bad_state();
	arm_state_reserve(s, k);
	for (int c = 0; c < ncols; c++)
		for (int i = 0; i < k; i++)
			s->col[c][i] = pq_getmsgfloat8(&buf);
	s->k = k;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

TupleDesc
arm_result_desc(FunctionCallInfo fcinfo)
{
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;

	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning a row called in a context that cannot accept one")));
		desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	return desc;
}

void
arm_double_field(double x, Datum *v, bool *n)
{
	*v = Float8GetDatum(x);
	*n = isnan(x);
}
