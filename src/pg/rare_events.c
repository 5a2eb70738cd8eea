/*
 * rare_events.c — SQL glue of the continuity-correction options
 * (log_or, log_rr, rd with add, to, drop00; meta_mh with them) and of the
 * aggregate meta_peto.
 */
#include "arm_state.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "../core/stat_confint.h"
#include "../core/stat_prop.h"

/* option slots of ArmState */
#define OPT_MEASURE 0
#define OPT_TO 1
#define OPT_DROP00 2
#define DOPT_ADD 1

/* add, to, drop00 from arguments first .. first + 2 (to, drop00 optional) */
static cc_opts
cc_args(FunctionCallInfo fcinfo, int first)
{
	cc_opts		cc = {0.5, CC_ONLY0, false};
	char	   *to = arm_text_arg(fcinfo, first + 1);
	msc_error	err;

	cc.add = PG_GETARG_FLOAT8(first);
	if (to != NULL)
		ARM_CHECK(stat_cc_to_parse(to, &cc.to, &err), &err);
	if (PG_NARGS() > first + 2)
		cc.drop00 = PG_GETARG_BOOL(first + 2);
	ARM_CHECK(stat_cc_check(&cc, &err), &err);
	return cc;
}

/* the effect of one table under add/to/drop00; NULL when drop00 drops it */
static Datum
table_effect(FunctionCallInfo fcinfo, meta_measure m, bool events_of_n)
{
	double		a = PG_GETARG_INT32(0),
				b = PG_GETARG_INT32(1),
				c = PG_GETARG_INT32(2),
				d = PG_GETARG_INT32(3);
	cc_opts		cc = cc_args(fcinfo, 4);
	stat_effect e;
	bool		defined;
	msc_error	err;
	Datum		v[2];
	bool		n[2] = {false, false};

	if (events_of_n)
	{
		/* (a, n1, c, n2): refuse more events than participants, naming them */
		if (a > b || c > d)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("more events than participants: %g of %g, %g of %g", a, b, c, d),
					 errhint("Counts are whole numbers, 0 <= events <= group size, group size >= 1.")));
		b -= a;
		d -= c;
	}
	ARM_CHECK(stat_effect_cc(m, a, b, c, d, &cc, &e, &defined, &err), &err);
	if (!defined)
		PG_RETURN_NULL();
	v[0] = Float8GetDatum(e.yi);
	v[1] = Float8GetDatum(e.vi);
	return HeapTupleGetDatum(heap_form_tuple(arm_result_desc(fcinfo), v, n));
}

PG_FUNCTION_INFO_V1(msc_log_or_cc);
Datum
msc_log_or_cc(PG_FUNCTION_ARGS)
{
	return table_effect(fcinfo, META_OR, false);
}

PG_FUNCTION_INFO_V1(msc_log_rr_cc);
Datum
msc_log_rr_cc(PG_FUNCTION_ARGS)
{
	return table_effect(fcinfo, META_RR, true);
}

PG_FUNCTION_INFO_V1(msc_rd_cc);
Datum
msc_rd_cc(PG_FUNCTION_ARGS)
{
	return table_effect(fcinfo, META_RD, true);
}

/* one table of arguments 1..4 into the state (NULLs skipped), checked */
static void
add_table(FunctionCallInfo fcinfo, ArmState *s)
{
	double		row[4];
	cc_opts		cc = {0.5, CC_ONLY0, false};
	stat_effect e;
	bool		defined;
	msc_error	err;

	for (int c = 0; c < 4; c++)
	{
		if (PG_ARGISNULL(c + 1))
			return;
		row[c] = PG_GETARG_INT32(c + 1);
	}
	ARM_CHECK(stat_table_cc(META_RD, row[0], row[1], row[2], row[3], &cc, false, &e, &defined, &err), &err);
	arm_state_add(s, row);
}

/* meta_peto(a, b, c, d) transition */
PG_FUNCTION_INFO_V1(meta_peto_accum);
Datum
meta_peto_accum(PG_FUNCTION_ARGS)
{
	ArmState   *s = arm_state_get(fcinfo, 4, "meta_peto_accum");

	arm_level_arg(fcinfo, s, 5);
	add_table(fcinfo, s);
	PG_RETURN_POINTER(s);
}

static Datum
meta_row(FunctionCallInfo fcinfo, const meta_result *r, const char *method, const char *test)
{
	Datum		v[17];
	bool		n[17];

	meta_result_values(r, method, test, v, n);
	return HeapTupleGetDatum(heap_form_tuple(arm_result_desc(fcinfo), v, n));
}

PG_FUNCTION_INFO_V1(meta_peto_final);
Datum
meta_peto_final(PG_FUNCTION_ARGS)
{
	ArmState   *s = PG_ARGISNULL(0) ? NULL : (ArmState *) PG_GETARG_POINTER(0);
	meta_result r;
	msc_error	err;

	memset(&r, 0, sizeof(r));
	if (s != NULL && s->k > 0)
	{
		ARM_CHECK(stat_meta_peto(s->col[0], s->col[1], s->col[2], s->col[3], s->k, &r, &err), &err);
		stat_meta_relevel(&r, arm_level(s), PI_DEFAULT);
		r.tau2 = NAN;			/* Peto's method estimates no tau^2 */
	}
	return meta_row(fcinfo, &r, "PETO", s ? "z" : NULL);
}

/* meta_mh(a, b, c, d, measure, add, to, drop00) and
 * meta_mh(a, b, c, d, measure, level) transition */
PG_FUNCTION_INFO_V1(meta_mh_cc_accum);
Datum
meta_mh_cc_accum(PG_FUNCTION_ARGS)
{
	ArmState   *s = arm_state_get(fcinfo, 4, "meta_mh_cc_accum");
	msc_error	err;

	if (!PG_ARGISNULL(5))
	{
		meta_measure m;

		ARM_CHECK(stat_meta_measure_parse(arm_text_arg(fcinfo, 5), &m, &err), &err);
		arm_state_opt(s, OPT_MEASURE, (int) m, "measure");
	}
	if (PG_NARGS() == 7)
		arm_level_arg(fcinfo, s, 6);
	else if (!PG_ARGISNULL(6) && !PG_ARGISNULL(7) && !PG_ARGISNULL(8))
	{
		cc_opts		cc = cc_args(fcinfo, 6);

		arm_state_dopt(s, DOPT_ADD, cc.add, "continuity correction");
		arm_state_opt(s, OPT_TO, (int) cc.to, "continuity correction");
		arm_state_opt(s, OPT_DROP00, (int) cc.drop00, "drop00");
	}
	add_table(fcinfo, s);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(meta_mh_cc_final);
Datum
meta_mh_cc_final(PG_FUNCTION_ARGS)
{
	ArmState   *s = PG_ARGISNULL(0) ? NULL : (ArmState *) PG_GETARG_POINTER(0);
	meta_result r;
	msc_error	err;

	memset(&r, 0, sizeof(r));
	if (s != NULL && s->k > 0)
	{
		meta_measure m = s->opt[OPT_MEASURE] >= 0 ? (meta_measure) s->opt[OPT_MEASURE] : META_OR;
		cc_opts		cc = {isnan(s->dopt[DOPT_ADD]) ? 0.5 : s->dopt[DOPT_ADD],
			s->opt[OPT_TO] >= 0 ? (cc_to) s->opt[OPT_TO] : CC_ONLY0, s->opt[OPT_DROP00] != 0};	/* rma.mh: drop00 = TRUE */

		/* without correction options, exactly the five-argument meta_mh */
		if (s->opt[OPT_TO] < 0)
			ARM_CHECK(stat_meta_mh(s->col[0], s->col[1], s->col[2], s->col[3], s->k, m, &r, &err), &err);
		else
			ARM_CHECK(stat_meta_mh_cc(s->col[0], s->col[1], s->col[2], s->col[3], s->k, m, &cc, &r, &err), &err);
		stat_meta_relevel(&r, arm_level(s), PI_DEFAULT);
		r.tau2 = NAN;			/* Mantel-Haenszel estimates no tau^2 */
	}
	return meta_row(fcinfo, &r, "MH", s ? "z" : NULL);
}
