/*
 * meta_analysis.c — the aggregates meta_analysis(yi, vi [, method [, test]]),
 * meta_analysis(effect [, method [, test]]) and meta_mh(a, b, c, d, measure).
 * The studies are collected in the StudyState of study_state.h, which also
 * gives the combine, serialize and deserialize functions.
 */
#include "outcome.h"
#include "study_state.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

/* option slots of the state */
#define OPT_METHOD 0			/* or, for meta_mh, the measure */
#define OPT_TEST 1

/* meta_analysis(yi, vi [, method [, test]]) transition */
PG_FUNCTION_INFO_V1(meta_analysis_accum);
Datum
meta_analysis_accum(PG_FUNCTION_ARGS)
{
	StudyState *s = study_state_get(fcinfo, 2, "meta_analysis_accum");

	/* option text is read in the per-row context; the arrays live in the state's */
	study_method_test_args(fcinfo, s, 3, OPT_METHOD, OPT_TEST);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
		study_state_add(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2));
	PG_RETURN_POINTER(s);
}

/* meta_analysis(effect [, method [, test]]) transition */
PG_FUNCTION_INFO_V1(meta_analysis_effect_accum);
Datum
meta_analysis_effect_accum(PG_FUNCTION_ARGS)
{
	StudyState *s = study_state_get(fcinfo, 2, "meta_analysis_effect_accum");
	double		yi,
				vi;

	study_method_test_args(fcinfo, s, 2, OPT_METHOD, OPT_TEST);
	if (study_effect_arg(fcinfo, 1, &yi, &vi))
		study_state_add(s, yi, vi);
	PG_RETURN_POINTER(s);
}

/* meta_mh(a, b, c, d, measure) transition */
PG_FUNCTION_INFO_V1(meta_mh_accum);
Datum
meta_mh_accum(PG_FUNCTION_ARGS)
{
	StudyState *s = study_state_get(fcinfo, 4, "meta_mh_accum");
	int			measure = study_option_arg(fcinfo, 5, study_parse_measure);

	if (measure >= 0)
		study_state_opt(s, OPT_METHOD, measure, "measure");
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3) && !PG_ARGISNULL(4))
	{
		int32		cell[4];
		double		row[4];

		for (int c = 0; c < 4; c++)
		{
			cell[c] = PG_GETARG_INT32(c + 1);
			if (cell[c] < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("2x2 table cell %d is negative", cell[c]),
						 errhint("Cells are counts: a and b are events and non-events of the first group, c and d of the second.")));
			row[c] = cell[c];
		}
		if (cell[0] + (int64) cell[1] == 0 || cell[2] + (int64) cell[3] == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("2x2 table (%d, %d, %d, %d) has an empty group",
							cell[0], cell[1], cell[2], cell[3])));
		study_state_add_row(s, row);
	}
	PG_RETURN_POINTER(s);
}

static Datum
result_datum(FunctionCallInfo fcinfo, const meta_result *r, const char *method, const char *test)
{
	Datum		v[17];
	bool		n[17];

	meta_result_values(r, method, test, v, n);
	return HeapTupleGetDatum(heap_form_tuple(outcome_result_desc(fcinfo), v, n));
}

PG_FUNCTION_INFO_V1(meta_analysis_final);
Datum
meta_analysis_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	meta_method method = (s && s->opt[OPT_METHOD] >= 0) ? (meta_method) s->opt[OPT_METHOD] : META_REML;
	meta_test	test = (s && s->opt[OPT_TEST] >= 0) ? (meta_test) s->opt[OPT_TEST] : META_Z;
	meta_result r;
	msc_error	err;

	memset(&r, 0, sizeof(r));
	r.test = test;
	if (s != NULL && s->k > 0)
		STUDY_CHECK(stat_meta_pool(s->col[0], s->col[1], s->k, method, test, &r, &err), &err);
	if (s == NULL)
		return result_datum(fcinfo, &r, NULL, NULL);
	return result_datum(fcinfo, &r, stat_meta_method_name(method), stat_meta_test_name(r.test));
}

PG_FUNCTION_INFO_V1(meta_mh_final);
Datum
meta_mh_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	meta_measure measure = (s && s->opt[OPT_METHOD] >= 0) ? (meta_measure) s->opt[OPT_METHOD] : META_OR;
	meta_result r;
	msc_error	err;

	memset(&r, 0, sizeof(r));
	if (s != NULL && s->k > 0)
	{
		STUDY_CHECK(stat_meta_mh(s->col[0], s->col[1], s->col[2], s->col[3], s->k, measure, &r, &err), &err);
		r.tau2 = NAN;			/* Mantel-Haenszel estimates no tau^2 */
	}
	return result_datum(fcinfo, &r, "MH", s ? "z" : NULL);
}
