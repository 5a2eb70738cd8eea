/*
 * outcome.c — outcome statistics on pain_score: the per-participant rules
 * (improvement, pct_improvement, is_responder, mcid_reached,
 * oarsi_responder), the aggregates score_summary and change_summary, and
 * proportions (wilson_ci, proportion_ci).  The time courses are in
 * outcome_timecourse.c.
 *
 * Every aggregate keeps a small fixed-size state allocated once in the
 * aggregate context; combine merges two states (Chan's formulas for the
 * moments), serialize/deserialize carry a state between processes.
 */
#include "outcome.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "../core/stat_moments.h"
#include "../core/stat_outcome.h"

/* ---- shared helpers ---- */

TupleDesc
outcome_result_desc(FunctionCallInfo fcinfo)
{
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;

	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning a row called in a context that cannot accept one")));
		desc = BlessTupleDesc(CreateTupleDescCopy(desc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	return desc;
}

void
outcome_read_bytea(StringInfo buf, bytea *b)
{
	buf->data = VARDATA_ANY(b);
	buf->len = VARSIZE_ANY_EXHDR(b);
	buf->maxlen = buf->len;
	buf->cursor = 0;
}

void
outcome_bad_state(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid serialised %s state", what)));
	pg_unreachable();
}

static const char *
code_name(int code)
{
	const pain_instrument *in = pain_instrument_by_code(code);

	return in ? in->name : "?";
}

void
outcome_mixed_instruments(const char *what, int code1, int code2, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s cannot mix instruments %s and %s in one group",
					what, code_name(code1), code_name(code2)),
			 errhint("%s", hint)));
	pg_unreachable();
}

const pain_instrument *
outcome_instrument(pain_score_t s)
{
	if (!pain_score_valid(s))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid pain_score value %lld", (long long) s)));
	return pain_instrument_by_code(pain_score_code(s));
}

/* Are b and f on one instrument?  22023 naming both otherwise. */
static void
check_pair(pain_score_t b, pain_score_t f, const char *what)
{
	msc_error	err;

	outcome_instrument(b);
	outcome_instrument(f);
	if (!stat_outcome_same_instrument(b, f, what, &err))
		msc_ereport(&err);
}

/* ---- per participant ---- */

PG_FUNCTION_INFO_V1(outcome_improvement);
Datum
outcome_improvement(PG_FUNCTION_ARGS)
{
	pain_score_t b = PG_GETARG_PAIN_SCORE(0);
	pain_score_t f = PG_GETARG_PAIN_SCORE(1);

	check_pair(b, f, "improvement");
	PG_RETURN_FLOAT8(stat_improvement(b, f));
}

PG_FUNCTION_INFO_V1(outcome_pct_improvement);
Datum
outcome_pct_improvement(PG_FUNCTION_ARGS)
{
	pain_score_t b = PG_GETARG_PAIN_SCORE(0);
	pain_score_t f = PG_GETARG_PAIN_SCORE(1);
	double		pct;

	check_pair(b, f, "pct_improvement");
	if (!stat_pct_improvement(b, f, &pct))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(pct);
}

PG_FUNCTION_INFO_V1(outcome_is_responder);
Datum
outcome_is_responder(PG_FUNCTION_ARGS)
{
	pain_score_t b = PG_GETARG_PAIN_SCORE(0);
	pain_score_t f = PG_GETARG_PAIN_SCORE(1);
	double		min_pct = PG_GETARG_FLOAT8(2);
	double		min_points = PG_GETARG_FLOAT8(3);
	msc_error	err;
	bool		defined,
				r;

	check_pair(b, f, "is_responder");
	if (!stat_responder_check(min_pct, min_points, &err))
		msc_ereport(&err);
	r = stat_is_responder(b, f, min_pct, min_points, &defined);
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r);
}

PG_FUNCTION_INFO_V1(outcome_mcid_reached);
Datum
outcome_mcid_reached(PG_FUNCTION_ARGS)
{
	pain_score_t b = PG_GETARG_PAIN_SCORE(0);
	pain_score_t f = PG_GETARG_PAIN_SCORE(1);
	bool		defined,
				r;

	check_pair(b, f, "mcid_reached");
	r = stat_mcid_reached(b, f, &defined);
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r);
}

PG_FUNCTION_INFO_V1(outcome_oarsi_responder);
Datum
outcome_oarsi_responder(PG_FUNCTION_ARGS)
{
	pain_score_t s[6];
	msc_error	err;
	bool		r;

	for (int i = 0; i < 6; i++)
	{
		s[i] = PG_GETARG_PAIN_SCORE(i);
		outcome_instrument(s[i]);
	}
	if (!stat_oarsi_responder(s[0], s[1], s[2], s[3], s[4], s[5], &r, &err))
		msc_ereport(&err);
	PG_RETURN_BOOL(r);
}

/* ---- score_summary ---- */

static const char mix_summary_hint[] =
"GROUP BY instrument(score) to summarise each instrument, or aggregate "
"severity(score) to summarise on the common 0-100 scale (100 worst).";

/*
 * code is 0 until the first score (and always for the float8 form); the
 * moments are of the stored thousandths for pain_score, scaled in the
 * final function.
 */
typedef struct SummaryState
{
	int32		code;
	stat_moments m;
} SummaryState;

static SummaryState *
summary_new(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "score_summary");
	SummaryState *s = MemoryContextAlloc(cxt, sizeof(SummaryState));

	s->code = 0;
	stat_moments_init(&s->m);
	return s;
}

/* score_summary(pain_score) transition: lean, no allocation per row. */
PG_FUNCTION_INFO_V1(score_summary_accum);
Datum
score_summary_accum(PG_FUNCTION_ARGS)
{
	SummaryState *s = PG_ARGISNULL(0) ? summary_new(fcinfo) : (SummaryState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		pain_score_t v = PG_GETARG_PAIN_SCORE(1);
		int			code = pain_score_code(v);

		if (unlikely(code != s->code))
		{
			outcome_instrument(v);
			if (s->code != 0)
				outcome_mixed_instruments("score_summary", s->code, code, mix_summary_hint);
			s->code = code;
		}
		stat_moments_add(&s->m, (double) pain_score_value(v));
	}
	PG_RETURN_POINTER(s);
}

/* score_summary(float8) transition */
PG_FUNCTION_INFO_V1(score_summary_float8_accum);
Datum
score_summary_float8_accum(PG_FUNCTION_ARGS)
{
	SummaryState *s = PG_ARGISNULL(0) ? summary_new(fcinfo) : (SummaryState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		double		x = PG_GETARG_FLOAT8(1);

		if (unlikely(!isfinite(x)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("score_summary cannot summarise the value %s", float8out_internal(x)),
					 errhint("Scores are finite numbers; leave a missing score NULL.")));
		stat_moments_add(&s->m, x);
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(score_summary_combine);
Datum
score_summary_combine(PG_FUNCTION_ARGS)
{
	SummaryState *s1 = PG_ARGISNULL(0) ? NULL : (SummaryState *) PG_GETARG_POINTER(0);
	SummaryState *s2 = PG_ARGISNULL(1) ? NULL : (SummaryState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
	{
		s1 = summary_new(fcinfo);
		*s1 = *s2;
		PG_RETURN_POINTER(s1);
	}
	if (s2->code != 0)
	{
		if (s1->code != 0 && s1->code != s2->code)
			outcome_mixed_instruments("score_summary", s1->code, s2->code, mix_summary_hint);
		s1->code = s2->code;
	}
	stat_moments_merge(&s1->m, &s2->m);
	PG_RETURN_POINTER(s1);
}

static void
send_moments(StringInfo buf, const stat_moments *m)
{
	pq_sendint64(buf, m->n);
	pq_sendfloat8(buf, m->mean);
	pq_sendfloat8(buf, m->m2);
	pq_sendfloat8(buf, m->min);
	pq_sendfloat8(buf, m->max);
}

static void
get_moments(StringInfo buf, stat_moments *m, const char *what)
{
	m->n = pq_getmsgint64(buf);
	m->mean = pq_getmsgfloat8(buf);
	m->m2 = pq_getmsgfloat8(buf);
	m->min = pq_getmsgfloat8(buf);
	m->max = pq_getmsgfloat8(buf);
	if (m->n < 0 || isnan(m->m2) || m->m2 < 0)
		outcome_bad_state(what);
}

/* An instrument code read from a state: 0 (none yet) or a valid code. */
static int32
get_code(StringInfo buf, const char *what)
{
	int32		code = pq_getmsgint(buf, 4);

	if (code != 0 && pain_instrument_by_code(code) == NULL)
		outcome_bad_state(what);
	return code;
}

static void
check_version(StringInfo buf, const char *what)
{
	if (pq_getmsgbyte(buf) != OUTCOME_STATE_VERSION)
		outcome_bad_state(what);
}

PG_FUNCTION_INFO_V1(score_summary_serialize);
Datum
score_summary_serialize(PG_FUNCTION_ARGS)
{
	SummaryState *s = (SummaryState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, OUTCOME_STATE_VERSION);
	pq_sendint32(&buf, s->code);
	send_moments(&buf, &s->m);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(score_summary_deserialize);
Datum
score_summary_deserialize(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	SummaryState *s = summary_new(fcinfo);

	outcome_read_bytea(&buf, PG_GETARG_BYTEA_PP(0));
	check_version(&buf, "score_summary");
	s->code = get_code(&buf, "score_summary");
	get_moments(&buf, &s->m, "score_summary");
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/*
 * score_summary_result (instrument, n, mean, sd, se, min, max): NULL
 * instrument for the float8 form and for no rows; NULL numbers for no
 * rows, NULL sd and se for one.
 */
PG_FUNCTION_INFO_V1(score_summary_final);
Datum
score_summary_final(PG_FUNCTION_ARGS)
{
	SummaryState *s = PG_ARGISNULL(0) ? NULL : (SummaryState *) PG_GETARG_POINTER(0);
	TupleDesc	desc = outcome_result_desc(fcinfo);
	Datum		v[7];
	bool		isnull[7];
	int64		n = s ? s->m.n : 0;

	memset(isnull, true, sizeof(isnull));
	v[1] = Int64GetDatum(n);
	isnull[1] = false;
	if (n > 0)
	{
		double		unit = s->code > 0 ? (double) PAIN_SCALE : 1.0;

		if (s->code > 0)
		{
			v[0] = CStringGetTextDatum(pain_instrument_by_code(s->code)->name);
			isnull[0] = false;
		}
		v[2] = Float8GetDatum(s->m.mean / unit);
		isnull[2] = false;
		if (n > 1)
		{
			double		sd = stat_moments_sd(&s->m) / unit;

			if (!isfinite(sd))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("the standard deviation of values from %s to %s exceeds the range of float8",
								float8out_internal(s->m.min), float8out_internal(s->m.max)),
						 errhint("Rescale the values (for example to other units) before summarising them.")));
			v[3] = Float8GetDatum(sd);
			v[4] = Float8GetDatum(sd / sqrt((double) n));
			isnull[3] = isnull[4] = false;
		}
		v[5] = Float8GetDatum(s->m.min / unit);
		v[6] = Float8GetDatum(s->m.max / unit);
		isnull[5] = isnull[6] = false;
	}
	return HeapTupleGetDatum(heap_form_tuple(desc, v, isnull));
}

/* ---- change_summary ---- */

static const char mix_change_hint[] =
"GROUP BY instrument(baseline) to summarise each instrument, or rescale() "
"nrs and vas to one of them.";

/* Moments in thousandths (baseline, follow-up, improvement) and percent. */
typedef struct ChangeState
{
	int32		code;
	stat_moments base;
	stat_moments follow;
	stat_moments change;
	stat_moments pct;			/* over pairs with a defined percentage */
	int64		resp30;
	int64		resp50;
} ChangeState;

static ChangeState *
change_new(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "change_summary");
	ChangeState *s = MemoryContextAlloc(cxt, sizeof(ChangeState));

	s->code = 0;
	stat_moments_init(&s->base);
	stat_moments_init(&s->follow);
	stat_moments_init(&s->change);
	stat_moments_init(&s->pct);
	s->resp30 = s->resp50 = 0;
	return s;
}

PG_FUNCTION_INFO_V1(change_summary_accum);
Datum
change_summary_accum(PG_FUNCTION_ARGS)
{
	ChangeState *s = PG_ARGISNULL(0) ? change_new(fcinfo) : (ChangeState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		pain_score_t b = PG_GETARG_PAIN_SCORE(1);
		pain_score_t f = PG_GETARG_PAIN_SCORE(2);
		double		pct;

		if (unlikely(pain_score_code(b) != s->code || pain_score_code(f) != s->code))
		{
			check_pair(b, f, "change_summary");
			if (s->code != 0)
				outcome_mixed_instruments("change_summary", s->code, pain_score_code(b),
										  mix_change_hint);
			s->code = pain_score_code(b);
		}
		stat_moments_add(&s->base, (double) pain_score_value(b));
		stat_moments_add(&s->follow, (double) pain_score_value(f));
		stat_moments_add(&s->change, (double) stat_improvement_thousandths(b, f));
		if (stat_pct_improvement(b, f, &pct))
		{
			stat_moments_add(&s->pct, pct);
			/* is_responder(b, f, 30) and (b, f, 50): pct >= x and improvement >= 0 */
			if (pct >= 30)
				s->resp30++;
			if (pct >= 50)
				s->resp50++;
		}
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(change_summary_combine);
Datum
change_summary_combine(PG_FUNCTION_ARGS)
{
	ChangeState *s1 = PG_ARGISNULL(0) ? NULL : (ChangeState *) PG_GETARG_POINTER(0);
	ChangeState *s2 = PG_ARGISNULL(1) ? NULL : (ChangeState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
	{
		s1 = change_new(fcinfo);
		*s1 = *s2;
		PG_RETURN_POINTER(s1);
	}
	if (s2->code != 0)
	{
		if (s1->code != 0 && s1->code != s2->code)
			outcome_mixed_instruments("change_summary", s1->code, s2->code, mix_change_hint);
		s1->code = s2->code;
	}
	stat_moments_merge(&s1->base, &s2->base);
	stat_moments_merge(&s1->follow, &s2->follow);
	stat_moments_merge(&s1->change, &s2->change);
	stat_moments_merge(&s1->pct, &s2->pct);
	s1->resp30 += s2->resp30;
	s1->resp50 += s2->resp50;
	PG_RETURN_POINTER(s1);
}

PG_FUNCTION_INFO_V1(change_summary_serialize);
Datum
change_summary_serialize(PG_FUNCTION_ARGS)
{
	ChangeState *s = (ChangeState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, OUTCOME_STATE_VERSION);
	pq_sendint32(&buf, s->code);
	send_moments(&buf, &s->base);
	send_moments(&buf, &s->follow);
	send_moments(&buf, &s->change);
	send_moments(&buf, &s->pct);
	pq_sendint64(&buf, s->resp30);
	pq_sendint64(&buf, s->resp50);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(change_summary_deserialize);
Datum
change_summary_deserialize(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	ChangeState *s = change_new(fcinfo);

	outcome_read_bytea(&buf, PG_GETARG_BYTEA_PP(0));
	check_version(&buf, "change_summary");
	s->code = get_code(&buf, "change_summary");
	get_moments(&buf, &s->base, "change_summary");
	get_moments(&buf, &s->follow, "change_summary");
	get_moments(&buf, &s->change, "change_summary");
	get_moments(&buf, &s->pct, "change_summary");
	s->resp30 = pq_getmsgint64(&buf);
	s->resp50 = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	if (s->follow.n != s->base.n || s->change.n != s->base.n || s->pct.n > s->base.n ||
		s->resp50 < 0 || s->resp50 > s->resp30 || s->resp30 > s->pct.n)
		outcome_bad_state("change_summary");
	PG_RETURN_POINTER(s);
}

/*
 * change_summary_result (n, mean_baseline, mean_followup, mean_improvement,
 * sd_improvement, mean_pct_improvement, responders_30, responders_50).
 */
PG_FUNCTION_INFO_V1(change_summary_final);
Datum
change_summary_final(PG_FUNCTION_ARGS)
{
	ChangeState *s = PG_ARGISNULL(0) ? NULL : (ChangeState *) PG_GETARG_POINTER(0);
	TupleDesc	desc = outcome_result_desc(fcinfo);
	Datum		v[8];
	bool		isnull[8];
	int64		n = s ? s->base.n : 0;

	memset(isnull, true, sizeof(isnull));
	v[0] = Int64GetDatum(n);
	v[6] = Int64GetDatum(s ? s->resp30 : 0);
	v[7] = Int64GetDatum(s ? s->resp50 : 0);
	isnull[0] = isnull[6] = isnull[7] = false;
	if (n > 0)
	{
		v[1] = Float8GetDatum(s->base.mean / PAIN_SCALE);
		v[2] = Float8GetDatum(s->follow.mean / PAIN_SCALE);
		v[3] = Float8GetDatum(s->change.mean / PAIN_SCALE);
		isnull[1] = isnull[2] = isnull[3] = false;
		if (n > 1)
		{
			v[4] = Float8GetDatum(stat_moments_sd(&s->change) / PAIN_SCALE);
			isnull[4] = false;
		}
		if (s->pct.n > 0)
		{
			v[5] = Float8GetDatum(s->pct.mean);
			isnull[5] = false;
		}
	}
	return HeapTupleGetDatum(heap_form_tuple(desc, v, isnull));
}

/* ---- proportions ---- */

static Datum
proportion_datum(FunctionCallInfo fcinfo, int64 x, int64 n, const stat_proportion *p)
{
	TupleDesc	desc = outcome_result_desc(fcinfo);
	Datum		v[5];
	bool		isnull[5] = {false, false, true, true, true};

	v[0] = Int64GetDatum(x);
	v[1] = Int64GetDatum(n);
	if (p != NULL)
	{
		v[2] = Float8GetDatum(p->p);
		v[3] = Float8GetDatum(p->ci_low);
		v[4] = Float8GetDatum(p->ci_high);
		isnull[2] = isnull[3] = isnull[4] = false;
	}
	return HeapTupleGetDatum(heap_form_tuple(desc, v, isnull));
}

PG_FUNCTION_INFO_V1(outcome_wilson_ci);
Datum
outcome_wilson_ci(PG_FUNCTION_ARGS)
{
	int64		x = PG_GETARG_INT64(0);
	int64		n = PG_GETARG_INT64(1);
	double		level = PG_GETARG_FLOAT8(2);
	stat_proportion p;
	msc_error	err;

	if (!stat_wilson(x, n, level, &p, &err))
		msc_ereport(&err);
	return proportion_datum(fcinfo, x, n, &p);
}

typedef struct ProportionState
{
	int64		x;
	int64		n;
} ProportionState;

static ProportionState *
proportion_new(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "proportion_ci");

	return MemoryContextAllocZero(cxt, sizeof(ProportionState));
}

PG_FUNCTION_INFO_V1(proportion_ci_accum);
Datum
proportion_ci_accum(PG_FUNCTION_ARGS)
{
	ProportionState *s = PG_ARGISNULL(0) ? proportion_new(fcinfo) : (ProportionState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		s->n++;
		s->x += PG_GETARG_BOOL(1) ? 1 : 0;
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(proportion_ci_combine);
Datum
proportion_ci_combine(PG_FUNCTION_ARGS)
{
	ProportionState *s1 = PG_ARGISNULL(0) ? NULL : (ProportionState *) PG_GETARG_POINTER(0);
	ProportionState *s2 = PG_ARGISNULL(1) ? NULL : (ProportionState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
		s1 = proportion_new(fcinfo);
	s1->x += s2->x;
	s1->n += s2->n;
	PG_RETURN_POINTER(s1);
}

PG_FUNCTION_INFO_V1(proportion_ci_serialize);
Datum
proportion_ci_serialize(PG_FUNCTION_ARGS)
{
	ProportionState *s = (ProportionState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, OUTCOME_STATE_VERSION);
	pq_sendint64(&buf, s->x);
	pq_sendint64(&buf, s->n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(proportion_ci_deserialize);
Datum
proportion_ci_deserialize(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	ProportionState *s = proportion_new(fcinfo);

	outcome_read_bytea(&buf, PG_GETARG_BYTEA_PP(0));
	check_version(&buf, "proportion_ci");
	s->x = pq_getmsgint64(&buf);
	s->n = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	if (s->x < 0 || s->n < s->x)
		outcome_bad_state("proportion_ci");
	PG_RETURN_POINTER(s);
}

/* proportion_result at 95 %; x = n = 0 and NULL p and CI for no rows. */
PG_FUNCTION_INFO_V1(proportion_ci_final);
Datum
proportion_ci_final(PG_FUNCTION_ARGS)
{
	ProportionState *s = PG_ARGISNULL(0) ? NULL : (ProportionState *) PG_GETARG_POINTER(0);
	stat_proportion p;
	msc_error	err;

	if (s == NULL || s->n == 0)
		return proportion_datum(fcinfo, 0, 0, NULL);
	if (!stat_wilson(s->x, s->n, 0.95, &p, &err))
		msc_ereport(&err);
	return proportion_datum(fcinfo, s->x, s->n, &p);
}
