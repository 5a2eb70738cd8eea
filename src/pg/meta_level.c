/*
 * meta_level.c — meta_analysis(yi, vi, method, test, level [, pi_type]):
 * rma() at another confidence level, with predict()'s prediction-interval
 * variants and confint()'s Q-profile intervals for tau^2, I^2 and H^2.
 */
#include "arm_state.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "../core/stat_confint.h"

#define OPT_METHOD 1
#define OPT_TEST 2
#define OPT_PI_TYPE 3

PG_FUNCTION_INFO_V1(meta_level_accum);
Datum
meta_level_accum(PG_FUNCTION_ARGS)
{
	ArmState   *s = arm_state_get(fcinfo, 2, "meta_level_accum");
	char	   *m = arm_text_arg(fcinfo, 3),
			   *t = arm_text_arg(fcinfo, 4),
			   *p = arm_text_arg(fcinfo, 6);
	msc_error	err;

	if (m != NULL)
	{
		meta_method method;

		ARM_CHECK(stat_meta_method_parse(m, &method, &err), &err);
		arm_state_opt(s, OPT_METHOD, (int) method, "method");
	}
	if (t != NULL)
	{
		meta_test	test;

		ARM_CHECK(stat_meta_test_parse(t, &test, &err), &err);
		arm_state_opt(s, OPT_TEST, (int) test, "test");
	}
	if (p != NULL)
	{
		pi_type		pt;

		ARM_CHECK(stat_pi_type_parse(p, &pt, &err), &err);
		arm_state_opt(s, OPT_PI_TYPE, (int) pt, "prediction interval type");
	}
	arm_level_arg(fcinfo, s, 5);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		double		row[2] = {PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2)};

		ARM_CHECK(stat_meta_check_study(row[0], row[1], &err), &err);
		arm_state_add(s, row);
	}
	PG_RETURN_POINTER(s);
}

#define LEVEL_FIELDS 25

PG_FUNCTION_INFO_V1(meta_level_final);
Datum
meta_level_final(PG_FUNCTION_ARGS)
{
	ArmState   *s = PG_ARGISNULL(0) ? NULL : (ArmState *) PG_GETARG_POINTER(0);
	meta_method method = (s && s->opt[OPT_METHOD] >= 0) ? (meta_method) s->opt[OPT_METHOD] : META_REML;
	meta_test	test = (s && s->opt[OPT_TEST] >= 0) ? (meta_test) s->opt[OPT_TEST] : META_Z;
	pi_type		pt = (s && s->opt[OPT_PI_TYPE] >= 0) ? (pi_type) s->opt[OPT_PI_TYPE] : PI_DEFAULT;
	double		level = arm_level(s);
	meta_result r;
	het_ci		h = {NAN, NAN, NAN, NAN, NAN, NAN};
	msc_error	err;
	Datum		v[LEVEL_FIELDS];
	bool		n[LEVEL_FIELDS];

	memset(&r, 0, sizeof(r));
	r.test = test;
	if (s != NULL && s->k > 0)
	{
		ARM_CHECK(stat_meta_pool(s->col[0], s->col[1], s->k, method, test, &r, &err), &err);
		stat_meta_relevel(&r, level, pt);
		/* confint() has no heterogeneity intervals for a fixed-effect fit */
		if (method != META_FE && s->k >= 2)
			ARM_CHECK(stat_tau2_confint(s->col[0], s->col[1], s->k, level, &h, &err), &err);
	}
	meta_result_values(&r, s ? stat_meta_method_name(method) : NULL,
					s ? stat_meta_test_name(r.test) : NULL, v, n);
	arm_double_field(s ? level : NAN, &v[17], &n[17]);
	v[18] = s ? CStringGetTextDatum(stat_pi_type_name(pt)) : (Datum) 0;
	n[18] = (s == NULL);
	{
		const double hv[6] = {h.tau2_low, h.tau2_high, h.i2_low, h.i2_high, h.h2_low, h.h2_high};

		for (int i = 0; i < 6; i++)
			arm_double_field(hv[i], &v[19 + i], &n[19 + i]);
	}
	return HeapTupleGetDatum(heap_form_tuple(arm_result_desc(fcinfo), v, n));
}
