/*
 * effect_size.c — SQL effect-size functions returning the composite
 * effect(yi, vi), and sd_change.
 */
#include "msc_pg.h"

#include "access/htup_details.h"
#include "funcapi.h"

#include "../core/stat_effect.h"

/* Build an effect(yi, vi) row; the result type comes from the function. */
static Datum
effect_datum(FunctionCallInfo fcinfo, const stat_effect *e)
{
	TupleDesc	desc;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("effect-size function called in a context that cannot accept a row")));
	desc = BlessTupleDesc(desc);
	values[0] = Float8GetDatum(e->yi);
	values[1] = Float8GetDatum(e->vi);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

typedef bool (*means_effect) (double, double, double, double, double, double,
							  stat_effect *, msc_error *);

static Datum
from_means(FunctionCallInfo fcinfo, means_effect fn)
{
	stat_effect e;
	msc_error	err;

	if (!fn(PG_GETARG_INT32(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
			PG_GETARG_INT32(3), PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5), &e, &err))
		msc_ereport(&err);
	return effect_datum(fcinfo, &e);
}

PG_FUNCTION_INFO_V1(msc_smd);
Datum
msc_smd(PG_FUNCTION_ARGS)
{
	return from_means(fcinfo, stat_smd);
}

PG_FUNCTION_INFO_V1(msc_md);
Datum
msc_md(PG_FUNCTION_ARGS)
{
	return from_means(fcinfo, stat_md);
}

PG_FUNCTION_INFO_V1(msc_rom);
Datum
msc_rom(PG_FUNCTION_ARGS)
{
	return from_means(fcinfo, stat_rom);
}

typedef bool (*counts_effect) (double, double, double, double, stat_effect *, msc_error *);

static Datum
from_counts(FunctionCallInfo fcinfo, counts_effect fn)
{
	stat_effect e;
	msc_error	err;

	if (!fn(PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2),
			PG_GETARG_INT32(3), &e, &err))
		msc_ereport(&err);
	return effect_datum(fcinfo, &e);
}

PG_FUNCTION_INFO_V1(msc_log_rr);
Datum
msc_log_rr(PG_FUNCTION_ARGS)
{
	return from_counts(fcinfo, stat_log_rr);
}

PG_FUNCTION_INFO_V1(msc_log_or);
Datum
msc_log_or(PG_FUNCTION_ARGS)
{
	return from_counts(fcinfo, stat_log_or);
}

PG_FUNCTION_INFO_V1(msc_rd);
Datum
msc_rd(PG_FUNCTION_ARGS)
{
	return from_counts(fcinfo, stat_rd);
}

PG_FUNCTION_INFO_V1(msc_sd_change);
Datum
msc_sd_change(PG_FUNCTION_ARGS)
{
	double		sd;
	msc_error	err;

	if (!stat_sd_change(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), &sd, &err))
		msc_ereport(&err);
	PG_RETURN_FLOAT8(sd);
}
