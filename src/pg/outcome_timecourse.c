/*
 * outcome_timecourse.c — time courses of one participant as aggregates:
 * spid(t, score [, method]), totpar(t, relief [, method]) and
 * pain_auc(t, score), on pain_score and (spid, pain_auc) on float8.
 *
 * The transition collects (t, value) pairs in any order; the final
 * function sorts a copy by t (so the state is left untouched and may be
 * shared), rejects two assessments at one time, and integrates.  Fewer
 * than two assessments give NULL: there is no interval to sum over.
 */
#include "outcome.h"

#include <math.h>

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "../core/stat_outcome.h"

/* code of a state holding float8 values (higher is worse, unit as given) */
#define TC_FLOAT8 (-1)

typedef struct TcState
{
	int32		code;			/* 0 before the first point, TC_FLOAT8, or an instrument */
	int32		method;			/* stat_tc_method, -1 while unset */
	int64		k;
	int64		capacity;
	stat_tc_point *pts;			/* values in thousandths for pain_score */
} TcState;

static const char mix_tc_hint[] =
"A time course is on one instrument: filter one instrument(score), or GROUP BY it.";

static TcState *
tc_new(FunctionCallInfo fcinfo, const char *what, int64 capacity)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, what);
	TcState    *s = MemoryContextAlloc(cxt, sizeof(TcState));

	s->code = 0;
	s->method = -1;
	s->k = 0;
	s->capacity = capacity < 8 ? 8 : capacity;
	s->pts = MemoryContextAlloc(cxt, sizeof(stat_tc_point) * s->capacity);
	return s;
}

/* Room for n more points (the array lives in the aggregate context). */
static void
tc_reserve(TcState *s, int64 n)
{
	const int64 max_points = (int64) (MaxAllocSize / sizeof(stat_tc_point));
	int64		need = s->k + n;

	if (need > max_points)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many assessments in one time course (at most %lld)",
						(long long) max_points)));
	if (need <= s->capacity)
		return;
	while (s->capacity < need)
		s->capacity = s->capacity > max_points / 2 ? max_points : s->capacity * 2;
	s->pts = repalloc(s->pts, sizeof(stat_tc_point) * s->capacity);
}

/* Record the method of a row; every row of a group must give the same. */
static void
tc_set_method(TcState *s, int method, const char *what)
{
	if (s->method == -1)
		s->method = method;
	else if (s->method != method)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the method of %s must be the same for every row of a group", what),
				 errhint("Pass the method as a constant: 'trapezoid' or 'rect'.")));
}

static void
tc_read_method(FunctionCallInfo fcinfo, TcState *s, int argno, const char *what)
{
	if (PG_NARGS() > argno && !PG_ARGISNULL(argno))
	{
		text	   *t = PG_GETARG_TEXT_PP(argno);
		stat_tc_method m;
		msc_error	err;

		if (!stat_tc_method_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &m, &err))
			msc_ereport(&err);
		tc_set_method(s, m, what);
	}
}

static void
tc_add(TcState *s, double t, double v)
{
	tc_reserve(s, 1);
	s->pts[s->k].t = t;
	s->pts[s->k].v = v;
	s->k++;
}

static void
check_time(double t, const char *what)
{
	msc_error	err;

	if (!stat_tc_check_time(t, what, &err))
		msc_ereport(&err);
}

/*
 * Transition on pain_score: (state, t, score [, method]).  relief_only
 * restricts the scores to pain_relief (totpar).
 */
static Datum
tc_accum_score(FunctionCallInfo fcinfo, const char *what, bool relief_only)
{
	TcState    *s = PG_ARGISNULL(0) ? tc_new(fcinfo, what, 8) : (TcState *) PG_GETARG_POINTER(0);

	tc_read_method(fcinfo, s, 3, what);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		double		t = PG_GETARG_FLOAT8(1);
		pain_score_t v = PG_GETARG_PAIN_SCORE(2);
		int			code = pain_score_code(v);

		check_time(t, what);
		if (code != s->code)
		{
			const pain_instrument *in = outcome_instrument(v);

			if (relief_only && code != PAIN_PAIN_RELIEF)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s needs pain_relief scores, not %s", what, in->name),
						 errhint("TOTPAR sums pain relief (pain_relief:0 to pain_relief:4); "
								 "for pain intensity use spid() or pain_auc().")));
			if (s->code != 0)
				outcome_mixed_instruments(what, s->code, code, mix_tc_hint);
			s->code = code;
		}
		tc_add(s, t, (double) pain_score_value(v));
	}
	PG_RETURN_POINTER(s);
}

/* Transition on float8 values: (state, t, value [, method]). */
static Datum
tc_accum_float8(FunctionCallInfo fcinfo, const char *what)
{
	TcState    *s = PG_ARGISNULL(0) ? tc_new(fcinfo, what, 8) : (TcState *) PG_GETARG_POINTER(0);

	tc_read_method(fcinfo, s, 3, what);
	s->code = TC_FLOAT8;
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		double		t = PG_GETARG_FLOAT8(1);
		double		v = PG_GETARG_FLOAT8(2);
		msc_error	err;

		check_time(t, what);
		if (!stat_tc_check_value(v, what, &err))
			msc_ereport(&err);
		tc_add(s, t, v);
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(spid_accum);
Datum
spid_accum(PG_FUNCTION_ARGS)
{
	return tc_accum_score(fcinfo, "spid", false);
}

PG_FUNCTION_INFO_V1(totpar_accum);
Datum
totpar_accum(PG_FUNCTION_ARGS)
{
	return tc_accum_score(fcinfo, "totpar", true);
}

PG_FUNCTION_INFO_V1(pain_auc_accum);
Datum
pain_auc_accum(PG_FUNCTION_ARGS)
{
	return tc_accum_score(fcinfo, "pain_auc", false);
}

PG_FUNCTION_INFO_V1(spid_float8_accum);
Datum
spid_float8_accum(PG_FUNCTION_ARGS)
{
	return tc_accum_float8(fcinfo, "spid");
}

PG_FUNCTION_INFO_V1(pain_auc_float8_accum);
Datum
pain_auc_float8_accum(PG_FUNCTION_ARGS)
{
	return tc_accum_float8(fcinfo, "pain_auc");
}

/* Combine: append state2's points to state1 (copied when state1 is NULL). */
PG_FUNCTION_INFO_V1(timecourse_combine);
Datum
timecourse_combine(PG_FUNCTION_ARGS)
{
	TcState    *s1 = PG_ARGISNULL(0) ? NULL : (TcState *) PG_GETARG_POINTER(0);
	TcState    *s2 = PG_ARGISNULL(1) ? NULL : (TcState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
		s1 = tc_new(fcinfo, "time course", s2->k);
	if (s2->method != -1)
		tc_set_method(s1, s2->method, "a time course");
	if (s2->code != 0)
	{
		if (s1->code != 0 && s1->code != s2->code)
			outcome_mixed_instruments("a time course", s1->code, s2->code, mix_tc_hint);
		s1->code = s2->code;
	}
	tc_reserve(s1, s2->k);
	memcpy(s1->pts + s1->k, s2->pts, sizeof(stat_tc_point) * s2->k);
	s1->k += s2->k;
	PG_RETURN_POINTER(s1);
}

PG_FUNCTION_INFO_V1(timecourse_serialize);
Datum
timecourse_serialize(PG_FUNCTION_ARGS)
{
	TcState    *s = (TcState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, OUTCOME_STATE_VERSION);
	pq_sendint32(&buf, s->code);
	pq_sendint32(&buf, s->method);
	pq_sendint64(&buf, s->k);
	for (int64 i = 0; i < s->k; i++)
	{
		pq_sendfloat8(&buf, s->pts[i].t);
		pq_sendfloat8(&buf, s->pts[i].v);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(timecourse_deserialize);
Datum
timecourse_deserialize(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	TcState    *s;
	int32		code,
				method;
	int64		k;

	outcome_read_bytea(&buf, PG_GETARG_BYTEA_PP(0));
	if (pq_getmsgbyte(&buf) != OUTCOME_STATE_VERSION)
		outcome_bad_state("time course");
	code = pq_getmsgint(&buf, 4);
	method = pq_getmsgint(&buf, 4);
	k = pq_getmsgint64(&buf);
	if ((code != 0 && code != TC_FLOAT8 && pain_instrument_by_code(code) == NULL) ||
		(method != -1 && method != STAT_TC_TRAPEZOID && method != STAT_TC_RECT) ||
		k < 0 || k > (int64) (MaxAllocSize / sizeof(stat_tc_point)) ||
		k * 16 != (int64) (buf.len - buf.cursor))
		outcome_bad_state("time course");
	s = tc_new(fcinfo, "time course", k);
	s->code = code;
	s->method = method;
	for (int64 i = 0; i < k; i++)
	{
		s->pts[i].t = pq_getmsgfloat8(&buf);
		s->pts[i].v = pq_getmsgfloat8(&buf);
		if (!isfinite(s->pts[i].t) || !isfinite(s->pts[i].v))
			outcome_bad_state("time course");
	}
	s->k = k;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/*
 * A sorted copy of the state's points in the current memory context, or
 * NULL when there are fewer than two.
 */
static stat_tc_point *
tc_sorted(TcState *s, const char *what)
{
	stat_tc_point *pts;
	msc_error	err;

	if (s == NULL || s->k < 2)
		return NULL;
	pts = palloc(sizeof(stat_tc_point) * s->k);
	memcpy(pts, s->pts, sizeof(stat_tc_point) * s->k);
	if (!stat_tc_sort(pts, (size_t) s->k, what, &err))
		msc_ereport(&err);
	return pts;
}

/* The divisor that turns stored values into the instrument's unit. */
static double
tc_unit(const TcState *s)
{
	return s->code > 0 ? (double) PAIN_SCALE : 1.0;
}

static stat_tc_method
tc_method(const TcState *s)
{
	return s->method == STAT_TC_RECT ? STAT_TC_RECT : STAT_TC_TRAPEZOID;
}

PG_FUNCTION_INFO_V1(spid_final);
Datum
spid_final(PG_FUNCTION_ARGS)
{
	TcState    *s = PG_ARGISNULL(0) ? NULL : (TcState *) PG_GETARG_POINTER(0);
	stat_tc_point *pts = tc_sorted(s, "spid");
	bool		higher_is_worse = true;

	if (pts == NULL)
		PG_RETURN_NULL();
	if (s->code > 0)
		higher_is_worse = pain_instrument_by_code(s->code)->higher_is_worse;
	PG_RETURN_FLOAT8(stat_tc_spid(pts, (size_t) s->k, higher_is_worse, tc_method(s)) / tc_unit(s));
}

PG_FUNCTION_INFO_V1(totpar_final);
Datum
totpar_final(PG_FUNCTION_ARGS)
{
	TcState    *s = PG_ARGISNULL(0) ? NULL : (TcState *) PG_GETARG_POINTER(0);
	stat_tc_point *pts = tc_sorted(s, "totpar");

	if (pts == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(stat_tc_area(pts, (size_t) s->k, tc_method(s)) / tc_unit(s));
}

PG_FUNCTION_INFO_V1(pain_auc_final);
Datum
pain_auc_final(PG_FUNCTION_ARGS)
{
	TcState    *s = PG_ARGISNULL(0) ? NULL : (TcState *) PG_GETARG_POINTER(0);
	stat_tc_point *pts = tc_sorted(s, "pain_auc");

	if (pts == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(stat_tc_area(pts, (size_t) s->k, STAT_TC_TRAPEZOID) / tc_unit(s));
}
