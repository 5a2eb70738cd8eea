/*
 * bias_tests.c — the aggregates egger_test(yi, vi [, model]),
 * rank_test(yi, vi) and trim_fill(yi, vi [, method [, estimator [, side]]]),
 * and the set-returning meta_influence(yi[], vi[] [, method]) (leave-one-out
 * fits, influence diagnostics and weights).  The aggregates collect the
 * studies in the StudyState of meta_analysis (study_state.h) and share its
 * combine, serialize and deserialize functions.
 */
#include "msc_pg.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "../core/stat_bias.h"
#include "../core/stat_influence.h"
#include "../core/stat_meta.h"
#include "outcome.h"
#include "study_state.h"

/* the text of option argument argno, parsed; NULL leaves the default */
static bool
option_text(FunctionCallInfo fcinfo, int argno, char **out)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return false;
	*out = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	return true;
}

static StudyState *
collect(FunctionCallInfo fcinfo, const char *name)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, name);
	StudyState *s = PG_ARGISNULL(0) ? study_state_new(cxt, 2) : (StudyState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
		study_state_add(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2));
	return s;
}

/* egger_test(yi, vi [, model]) transition: option1 is the model */
PG_FUNCTION_INFO_V1(egger_test_accum);
Datum
egger_test_accum(PG_FUNCTION_ARGS)
{
	StudyState *s = collect(fcinfo, "egger_test_accum");
	char	   *opt;
	msc_error	err;

	if (option_text(fcinfo, 3, &opt))
	{
		egger_model m;

		if (!stat_egger_model_parse(opt, &m, &err))
			msc_ereport(&err);
		study_state_set_option(&s->option1, (int) m, "model");
	}
	PG_RETURN_POINTER(s);
}

/* trim_fill(yi, vi [, method [, estimator [, side]]]) transition:
 * option1 the method, option2 estimator * 3 + side */
PG_FUNCTION_INFO_V1(trim_fill_accum);
Datum
trim_fill_accum(PG_FUNCTION_ARGS)
{
	StudyState *s = collect(fcinfo, "trim_fill_accum");
	char	   *opt;
	msc_error	err;
	tf_estimator e = TF_L0;
	tf_side		side = TF_AUTO;

	if (option_text(fcinfo, 3, &opt))
	{
		meta_method m;

		if (!stat_meta_method_parse(opt, &m, &err))
			msc_ereport(&err);
		study_state_set_option(&s->option1, (int) m, "method");
	}
	if (PG_NARGS() > 4)
	{
		if (option_text(fcinfo, 4, &opt) && !stat_tf_estimator_parse(opt, &e, &err))
			msc_ereport(&err);
		if (option_text(fcinfo, 5, &opt) && !stat_tf_side_parse(opt, &side, &err))
			msc_ereport(&err);
		study_state_set_option(&s->option2, (int) e * 3 + (int) side, "estimator and side");
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(egger_test_final);
Datum
egger_test_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	egger_model model = (s && s->option1 >= 0) ? (egger_model) s->option1 : EGGER_RMA;
	egger_result r;
	msc_error	err;
	Datum		v[8];
	bool		n[8];
	double		num[5];

	if (!stat_egger(s ? s->col[0] : NULL, s ? s->col[1] : NULL, s ? s->k : 0, model, &r, &err))
		msc_ereport(&err);
	num[0] = r.stat;
	num[1] = r.pval;
	num[2] = r.limit_estimate;
	num[3] = r.limit_ci_low;
	num[4] = r.limit_ci_high;
	memset(n, 0, sizeof(n));
	v[0] = Int32GetDatum(r.k);
	v[1] = CStringGetTextDatum(stat_egger_model_name(model));
	v[2] = Float8GetDatum(num[0]);
	n[2] = !r.defined;
	v[3] = Int32GetDatum(r.df);
	n[3] = !r.defined || model != EGGER_LM;
	for (int i = 1; i < 5; i++)
	{
		v[3 + i] = Float8GetDatum(num[i]);
		n[3 + i] = !r.defined;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(outcome_result_desc(fcinfo), v, n)));
}

PG_FUNCTION_INFO_V1(rank_test_final);
Datum
rank_test_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	rank_result r;
	msc_error	err;
	Datum		v[3];
	bool		n[3] = {false, false, false};

	if (!stat_rank_test(s ? s->col[0] : NULL, s ? s->col[1] : NULL, s ? s->k : 0, &r, &err))
		msc_ereport(&err);
	v[0] = Int32GetDatum(r.k);
	v[1] = Float8GetDatum(r.tau);
	v[2] = Float8GetDatum(r.pval);
	n[1] = n[2] = !r.defined;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(outcome_result_desc(fcinfo), v, n)));
}

PG_FUNCTION_INFO_V1(trim_fill_final);
Datum
trim_fill_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	meta_method method = (s && s->option1 >= 0) ? (meta_method) s->option1 : META_REML;
	int			opt2 = (s && s->option2 >= 0) ? s->option2 : 0;
	tf_result	r;
	msc_error	err;
	Datum		v[19];
	bool		n[19];
	int			k = s ? s->k : 0;

	memset(&r, 0, sizeof(r));
	if (k >= 2)
	{
		double	   *fy = palloc(sizeof(double) * k),
				   *fv = palloc(sizeof(double) * k);

		if (!stat_trim_fill(s->col[0], s->col[1], k, method, (tf_estimator) (opt2 / 3),
							(tf_side) (opt2 % 3), &r, fy, fv, &err))
			msc_ereport(&err);
	}
	else if (k == 1 && !stat_meta_pool(s->col[0], s->col[1], 1, method, META_Z, &r.model, &err))
		msc_ereport(&err);
	v[0] = Int32GetDatum(r.k0);
	n[0] = (k < 2);
	v[1] = CStringGetTextDatum(r.right ? "right" : "left");
	n[1] = (k < 2);
	meta_result_values(&r.model, s ? stat_meta_method_name(method) : NULL, s ? "z" : NULL,
					   v + 2, n + 2);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(outcome_result_desc(fcinfo), v, n)));
}

/*
 * The studies of two float8 arrays of the same length; an element NULL in
 * either is skipped.  pos[j] is the 1-based position of study j.
 */
static int
read_arrays(ArrayType *ya, ArrayType *va, double **yi, double **vi, int **pos)
{
	Datum	   *yd,
			   *vd;
	bool	   *yn,
			   *vn;
	int			ny,
				nv,
				k = 0;
	msc_error	err;

	if (ARR_NDIM(ya) > 1 || ARR_NDIM(va) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("yi and vi must be one-dimensional arrays")));
	deconstruct_array(ya, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &yd, &yn, &ny);
	deconstruct_array(va, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &vd, &vn, &nv);
	if (ny != nv)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("yi has %d elements and vi %d", ny, nv),
				 errhint("Pass one effect and one variance per study, in the same order.")));
	*yi = palloc(sizeof(double) * (ny + 1));
	*vi = palloc(sizeof(double) * (ny + 1));
	*pos = palloc(sizeof(int) * (ny + 1));
	for (int i = 0; i < ny; i++)
	{
		if (yn[i] || vn[i])
			continue;
		(*yi)[k] = DatumGetFloat8(yd[i]);
		(*vi)[k] = DatumGetFloat8(vd[i]);
		if (!stat_meta_check_study((*yi)[k], (*vi)[k], &err))
			msc_ereport(&err);
		(*pos)[k++] = i + 1;
	}
	return k;
}

/* meta_influence(yi[], vi[] [, method]): one row per study */
PG_FUNCTION_INFO_V1(meta_influence);
Datum
meta_influence(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	meta_method method = META_REML;
	double	   *yi,
			   *vi;
	int		   *pos;
	int			k;
	char	   *opt;
	msc_error	err;
	meta_result full;
	influence_row *rows;

	if (option_text(fcinfo, 2, &opt) && !stat_meta_method_parse(opt, &method, &err))
		msc_ereport(&err);
	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	k = read_arrays(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), &yi, &vi, &pos);
	if (k == 0)
		return (Datum) 0;
	rows = palloc(sizeof(influence_row) * k);
	if (!stat_influence(yi, vi, k, method, &full, rows, &err))
		msc_ereport(&err);
	for (int i = 0; i < k; i++)
	{
		const influence_row *r = &rows[i];
		double		num[18] = {r->loo.estimate, r->loo.se, r->loo.stat, r->loo.pval,
			r->loo.ci_low, r->loo.ci_high, r->loo.q_pval, r->loo.i2, r->loo.h2,
			r->tau2_del, r->qe_del, r->rstudent, r->dffits, r->cook_d, r->cov_r,
		r->dfbetas, r->hat, r->weight};
		Datum		v[20];
		bool		n[20];

		memset(n, 0, sizeof(n));
		v[0] = Int32GetDatum(pos[i]);
		for (int j = 0; j < 18; j++)
			v[1 + j] = Float8GetDatum(num[j]);
		v[19] = BoolGetDatum(r->influential);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}
