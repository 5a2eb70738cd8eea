/*
 * convert.c — SQL glue of the conversions of src/core/stat_convert.c:
 * mean and SD from quartiles, range or five numbers; SD from t or p; the
 * correlation implied by a change SD.
 */
#include "outcome.h"
#include "study_state.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "../core/stat_convert.h"

static Datum
mean_sd_row(FunctionCallInfo fcinfo, const mean_sd *m)
{
	Datum		v[3] = {Float8GetDatum(m->mean), Float8GetDatum(m->sd), CStringGetTextDatum(m->method)};
	bool		n[3] = {false, false, false};

	return HeapTupleGetDatum(heap_form_tuple(outcome_result_desc(fcinfo), v, n));
}

PG_FUNCTION_INFO_V1(msc_mean_sd_from_quartiles);
Datum
msc_mean_sd_from_quartiles(PG_FUNCTION_ARGS)
{
	mean_sd		m;
	msc_error	err;

	STUDY_CHECK(stat_mean_sd_from_quartiles(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
										  PG_GETARG_INT32(3), &m, &err), &err);
	return mean_sd_row(fcinfo, &m);
}

PG_FUNCTION_INFO_V1(msc_mean_sd_from_range);
Datum
msc_mean_sd_from_range(PG_FUNCTION_ARGS)
{
	mean_sd		m;
	msc_error	err;

	STUDY_CHECK(stat_mean_sd_from_range(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
									  PG_GETARG_INT32(3), &m, &err), &err);
	return mean_sd_row(fcinfo, &m);
}

PG_FUNCTION_INFO_V1(msc_mean_sd_from_fivenum);
Datum
msc_mean_sd_from_fivenum(PG_FUNCTION_ARGS)
{
	mean_sd		m;
	msc_error	err;

	STUDY_CHECK(stat_mean_sd_from_fivenum(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
										PG_GETARG_FLOAT8(3), PG_GETARG_FLOAT8(4), PG_GETARG_INT32(5),
										&m, &err), &err);
	return mean_sd_row(fcinfo, &m);
}

typedef bool (*sd_from_stat) (double, double, double, double, double *, msc_error *);

static Datum
sd_from(FunctionCallInfo fcinfo, sd_from_stat fn)
{
	double		sd;
	msc_error	err;

	STUDY_CHECK(fn(PG_GETARG_FLOAT8(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2), PG_GETARG_FLOAT8(3),
				 &sd, &err), &err);
	PG_RETURN_FLOAT8(sd);
}

PG_FUNCTION_INFO_V1(msc_sd_from_t);
Datum
msc_sd_from_t(PG_FUNCTION_ARGS)
{
	return sd_from(fcinfo, stat_sd_from_t);
}

PG_FUNCTION_INFO_V1(msc_sd_from_p);
Datum
msc_sd_from_p(PG_FUNCTION_ARGS)
{
	return sd_from(fcinfo, stat_sd_from_p);
}

PG_FUNCTION_INFO_V1(msc_r_from_sd_change);
Datum
msc_r_from_sd_change(PG_FUNCTION_ARGS)
{
	double		r;
	msc_error	err;

	STUDY_CHECK(stat_r_from_sd_change(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
									&r, &err), &err);
	PG_RETURN_FLOAT8(r);
}
