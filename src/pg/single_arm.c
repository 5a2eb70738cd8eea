/*
 * single_arm.c — SQL glue of the single-arm statistics: prop() and the
 * aggregate meta_prop().
 */
#include "arm_state.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "../core/stat_prop.h"

/* option slots of ArmState */
#define OPT_MEASURE 0
#define OPT_METHOD 1
#define OPT_TEST 2

static Datum
effect_row(FunctionCallInfo fcinfo, const stat_effect *e)
{
	TupleDesc	desc = arm_result_desc(fcinfo);
	Datum		v[2] = {Float8GetDatum(e->yi), Float8GetDatum(e->vi)};
	bool		n[2] = {false, false};

	return HeapTupleGetDatum(heap_form_tuple(desc, v, n));
}

static prop_measure
measure_arg(FunctionCallInfo fcinfo, int argno)
{
	char	   *s = arm_text_arg(fcinfo, argno);
	prop_measure m = PROP_PLO;
	msc_error	err;

	if (s != NULL && !stat_prop_measure_parse(s, &m, &err))
		msc_ereport(&err);
	return m;
}

/* prop(x, n [, measure]) */
PG_FUNCTION_INFO_V1(msc_prop);
Datum
msc_prop(PG_FUNCTION_ARGS)
{
	stat_effect e;
	msc_error	err;

	ARM_CHECK(stat_prop(PG_GETARG_INT32(0), PG_GETARG_INT32(1), measure_arg(fcinfo, 2), &e, &err), &err);
	return effect_row(fcinfo, &e);
}

/* the method and test options of argument first and first + 1 */
static void
read_method_test(FunctionCallInfo fcinfo, ArmState *s, int first)
{
	char	   *m = arm_text_arg(fcinfo, first),
			   *t = arm_text_arg(fcinfo, first + 1);
	meta_method method;
	meta_test	test;
	msc_error	err;

	if (m != NULL)
	{
		ARM_CHECK(stat_meta_method_parse(m, &method, &err), &err);
		arm_state_opt(s, OPT_METHOD, (int) method, "method");
	}
	if (t != NULL)
	{
		ARM_CHECK(stat_meta_test_parse(t, &test, &err), &err);
		arm_state_opt(s, OPT_TEST, (int) test, "test");
	}
}

/* meta_prop(x, n [, measure [, method [, test [, level]]]]) transition */
PG_FUNCTION_INFO_V1(meta_prop_accum);
Datum
meta_prop_accum(PG_FUNCTION_ARGS)
{
	ArmState   *s = arm_state_get(fcinfo, 2, "meta_prop_accum");

	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		arm_state_opt(s, OPT_MEASURE, (int) measure_arg(fcinfo, 3), "measure");
	read_method_test(fcinfo, s, 4);
	arm_level_arg(fcinfo, s, 6);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		double		row[2] = {PG_GETARG_INT32(1), PG_GETARG_INT32(2)};
		stat_effect e;
		msc_error	err;

		/* refuse a bad arm on its own row (x > n, n = 0, negative counts) */
		ARM_CHECK(stat_prop(row[0], row[1], PROP_PR, &e, &err), &err);
		arm_state_add(s, row);
	}
	PG_RETURN_POINTER(s);
}

#define PROP_FIELDS 23

PG_FUNCTION_INFO_V1(meta_prop_final);
Datum
meta_prop_final(PG_FUNCTION_ARGS)
{
	ArmState   *s = PG_ARGISNULL(0) ? NULL : (ArmState *) PG_GETARG_POINTER(0);
	prop_measure m = (s && s->opt[OPT_MEASURE] >= 0) ? (prop_measure) s->opt[OPT_MEASURE] : PROP_PLO;
	meta_method method = (s && s->opt[OPT_METHOD] >= 0) ? (meta_method) s->opt[OPT_METHOD] : META_REML;
	meta_test	test = (s && s->opt[OPT_TEST] >= 0) ? (meta_test) s->opt[OPT_TEST] : META_Z;
	prop_result p;
	msc_error	err;
	Datum		v[PROP_FIELDS];
	bool		n[PROP_FIELDS];
	TupleDesc	desc = arm_result_desc(fcinfo);

	memset(&p, 0, sizeof(p));
	p.meta.test = test;
	if (s != NULL && s->k > 0)
		ARM_CHECK(stat_meta_prop(s->col[0], s->col[1], s->k, m, method, test, arm_level(s), &p, &err), &err);
	meta_result_values(&p.meta, s ? stat_meta_method_name(method) : NULL,
					s ? stat_meta_test_name(p.meta.test) : NULL, v, n);
	v[17] = s ? CStringGetTextDatum(stat_prop_measure_name(m)) : (Datum) 0;
	n[17] = (s == NULL);
	arm_double_field(p.meta.k ? p.prop : NAN, &v[18], &n[18]);
	arm_double_field(p.meta.k ? p.prop_ci_low : NAN, &v[19], &n[19]);
	arm_double_field(p.meta.k ? p.prop_ci_high : NAN, &v[20], &n[20]);
	arm_double_field(p.meta.k ? p.prop_pi_low : NAN, &v[21], &n[21]);
	arm_double_field(p.meta.k ? p.prop_pi_high : NAN, &v[22], &n[22]);
	return HeapTupleGetDatum(heap_form_tuple(desc, v, n));
}

/* mean_change(n, m_pre, sd_pre, m_post, sd_post, r) */
PG_FUNCTION_INFO_V1(msc_mean_change);
Datum
msc_mean_change(PG_FUNCTION_ARGS)
{
	stat_effect e;
	msc_error	err;

	ARM_CHECK(stat_mean_change(PG_GETARG_INT32(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
							   PG_GETARG_FLOAT8(3), PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5),
							   &e, &err), &err);
	return effect_row(fcinfo, &e);
}

/* smcr(n, m_pre, sd_pre, m_post, r) */
PG_FUNCTION_INFO_V1(msc_smcr);
Datum
msc_smcr(PG_FUNCTION_ARGS)
{
	stat_effect e;
	msc_error	err;

	ARM_CHECK(stat_smcr(PG_GETARG_INT32(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
						PG_GETARG_FLOAT8(3), PG_GETARG_FLOAT8(4), &e, &err), &err);
	return effect_row(fcinfo, &e);
}
