/*
 * meta_regression.c — the aggregates meta_regression(yi, vi, x [, method
 * [, test]]) (and over effect), meta_subgroup(yi, vi, subgroup [, method
 * [, tau2]]), and meta_predict(meta_regression_result, x).
 *
 * As meta_analysis, the transition state collects the studies (here with
 * their moderators, or their subgroup's name); parallel partial states are
 * concatenated by the combine function.
 */
#include "msc_pg.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "../core/stat_metareg.h"
#include "../core/stat_subgroup.h"
#include "outcome.h"
#include "study_state.h"

#define STATE_FORMAT_VERSION 1

typedef struct RegState
{
	int32		k;
	int32		capacity;
	int32		m;				/* moderators per study; -1 until the first study */
	int32		method;			/* -1 while unset */
	int32		option2;		/* test (meta_regression) or tau2 mode (meta_subgroup) */
	bool		subgroup;
	double	   *yi;
	double	   *vi;
	double	   *x;				/* k x m */
	/* meta_subgroup: the names, back to back; study i's is names[off[i] .. off[i+1]) */
	char	   *names;
	int32	   *off;			/* capacity + 1 */
	int32		names_cap;
} RegState;

static RegState *
state_new(MemoryContext cxt, bool subgroup)
{
	RegState   *s = MemoryContextAllocZero(cxt, sizeof(RegState));

	s->capacity = 8;
	s->m = subgroup ? 0 : -1;
	s->method = s->option2 = -1;
	s->subgroup = subgroup;
	s->yi = MemoryContextAlloc(cxt, sizeof(double) * s->capacity);
	s->vi = MemoryContextAlloc(cxt, sizeof(double) * s->capacity);
	if (subgroup)
	{
		s->names_cap = 64;
		s->names = MemoryContextAlloc(cxt, s->names_cap);
		s->off = MemoryContextAllocZero(cxt, sizeof(int32) * (s->capacity + 1));
	}
	return s;
}

/* room for n more studies (and nbytes more of names) */
static void
state_reserve(RegState *s, int n, int64 nbytes)
{
	int64		need = (int64) s->k + n;

	if (need > (int64) (MaxAllocSize / sizeof(double) / (s->m > 0 ? s->m : 1)) - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many studies in one meta-regression group")));
	if (need > s->capacity)
	{
		int32		cap = s->capacity;

		while (cap < need)
			cap = (int32) Min((int64) cap * 2, need + (int64) (MaxAllocSize / sizeof(double) / 4));
		s->yi = repalloc(s->yi, sizeof(double) * cap);
		s->vi = repalloc(s->vi, sizeof(double) * cap);
		if (s->m > 0)
			s->x = s->x ? repalloc(s->x, sizeof(double) * cap * s->m)
				: MemoryContextAlloc(GetMemoryChunkContext(s), sizeof(double) * cap * s->m);
		if (s->subgroup)
			s->off = repalloc(s->off, sizeof(int32) * (cap + 1));
		s->capacity = cap;
	}
	if (s->m > 0 && s->x == NULL)
		s->x = MemoryContextAlloc(GetMemoryChunkContext(s), sizeof(double) * s->capacity * s->m);
	if (s->subgroup)
	{
		int64		used = s->off[s->k];

		if (used + nbytes > (int64) MaxAllocSize - 1)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("subgroup names of one meta_subgroup group exceed 1 GB")));
		if (used + nbytes > s->names_cap)
		{
			int64		cap = s->names_cap;

			while (cap < used + nbytes)
				cap = Min(cap * 2, (int64) MaxAllocSize - 1);
			s->names = repalloc(s->names, cap);
			s->names_cap = (int32) cap;
		}
	}
}

static void
set_option(int32 *slot, int value, const char *what)
{
	study_option_set(slot, value, what, "meta-regression");
}

static bool
parse_tau2_mode(const char *t, int *value, msc_error *err)
{
	subgroup_tau2 mode;

	if (!stat_subgroup_tau2_parse(t, &mode, err))
		return false;
	*value = (int) mode;
	return true;
}

static void
read_options(FunctionCallInfo fcinfo, RegState *s, int first)
{
	int			method = study_option_arg(fcinfo, first, study_parse_method),
				v;

	if (method >= 0)
		set_option(&s->method, method, "method");
	v = study_option_arg(fcinfo, first + 1, s->subgroup ? parse_tau2_mode : study_parse_test);
	if (v >= 0)
		set_option(&s->option2, v, s->subgroup ? "tau2 mode" : "test");
}

/* one study with its moderators; false (skipped) when x has a NULL */
static void
add_regression_study(RegState *s, double yi, double vi, ArrayType *xa)
{
	msc_error	err;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	char		num[32];

	if (ARR_NDIM(xa) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("moderators must be a one-dimensional array, not %d-dimensional", ARR_NDIM(xa)),
				 errhint("Build it as ARRAY[x1, x2, ...].")));
	deconstruct_array(xa, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &n);
	for (int j = 0; j < n; j++)
		if (nulls[j])
			return;				/* a missing moderator: the study is left out, as metafor */
	if (!stat_meta_check_study(yi, vi, &err))
		msc_ereport(&err);
	if (n > METAREG_MAX_COEF - 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a meta-regression takes at most %d moderators, not %d", METAREG_MAX_COEF - 1, n)));
	if (s->m == -1)
		s->m = n;
	else if (s->m != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("moderator array has %d values, but an earlier study of the group had %d", n, s->m),
				 errhint("Every study needs the same moderators, in the same order.")));
	for (int j = 0; j < n; j++)
		if (!isfinite(DatumGetFloat8(elems[j])))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("moderator value %s is not a finite number",
							msc_num(num, sizeof(num), DatumGetFloat8(elems[j]))),
					 errhint("Leave the study out, or pass NULL to skip it.")));
	state_reserve(s, 1, 0);
	s->yi[s->k] = yi;
	s->vi[s->k] = vi;
	for (int j = 0; j < n; j++)
		s->x[(size_t) s->k * n + j] = DatumGetFloat8(elems[j]);
	s->k++;
}

/* meta_regression(yi, vi, x [, method [, test]]) transition */
PG_FUNCTION_INFO_V1(meta_regression_accum);
Datum
meta_regression_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_regression_accum");
	RegState   *s = PG_ARGISNULL(0) ? state_new(cxt, false) : (RegState *) PG_GETARG_POINTER(0);

	read_options(fcinfo, s, 4);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3))
		add_regression_study(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), PG_GETARG_ARRAYTYPE_P(3));
	PG_RETURN_POINTER(s);
}

/* meta_regression(effect, x [, method [, test]]) transition */
PG_FUNCTION_INFO_V1(meta_regression_effect_accum);
Datum
meta_regression_effect_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_regression_effect_accum");
	RegState   *s = PG_ARGISNULL(0) ? state_new(cxt, false) : (RegState *) PG_GETARG_POINTER(0);

	double		yi,
				vi;

	read_options(fcinfo, s, 3);
	if (!PG_ARGISNULL(2) && study_effect_arg(fcinfo, 1, &yi, &vi))
		add_regression_study(s, yi, vi, PG_GETARG_ARRAYTYPE_P(2));
	PG_RETURN_POINTER(s);
}

/* meta_subgroup(yi, vi, subgroup [, method [, tau2]]) transition */
PG_FUNCTION_INFO_V1(meta_subgroup_accum);
Datum
meta_subgroup_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_subgroup_accum");
	RegState   *s = PG_ARGISNULL(0) ? state_new(cxt, true) : (RegState *) PG_GETARG_POINTER(0);

	read_options(fcinfo, s, 4);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3))
	{
		text	   *g = PG_GETARG_TEXT_PP(3);
		int			len = VARSIZE_ANY_EXHDR(g);
		msc_error	err;

		if (!stat_meta_check_study(PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), &err))
			msc_ereport(&err);
		state_reserve(s, 1, len);
		s->yi[s->k] = PG_GETARG_FLOAT8(1);
		s->vi[s->k] = PG_GETARG_FLOAT8(2);
		memcpy(s->names + s->off[s->k], VARDATA_ANY(g), len);
		s->off[s->k + 1] = s->off[s->k] + len;
		s->k++;
	}
	PG_RETURN_POINTER(s);
}

static void
append_state(RegState *s1, const RegState *s2)
{
	int64		nbytes = s2->subgroup ? s2->off[s2->k] : 0;

	if (s2->method != -1)
		set_option(&s1->method, s2->method, "method");
	if (s2->option2 != -1)
		set_option(&s1->option2, s2->option2, s1->subgroup ? "tau2 mode" : "test");
	if (s2->k == 0)
		return;
	if (s1->m == -1)
		s1->m = s2->m;
	else if (s1->m != s2->m)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("moderator array has %d values, but an earlier study of the group had %d", s2->m, s1->m)));
	state_reserve(s1, s2->k, nbytes);
	memcpy(s1->yi + s1->k, s2->yi, sizeof(double) * s2->k);
	memcpy(s1->vi + s1->k, s2->vi, sizeof(double) * s2->k);
	if (s1->m > 0)
		memcpy(s1->x + (size_t) s1->k * s1->m, s2->x, sizeof(double) * s2->k * s1->m);
	if (s1->subgroup)
	{
		int32		base = s1->off[s1->k];

		memcpy(s1->names + base, s2->names, nbytes);
		for (int i = 1; i <= s2->k; i++)
			s1->off[s1->k + i] = base + s2->off[i];
	}
	s1->k += s2->k;
}

PG_FUNCTION_INFO_V1(meta_regression_combine);
Datum
meta_regression_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_regression_combine");
	RegState   *s1 = PG_ARGISNULL(0) ? NULL : (RegState *) PG_GETARG_POINTER(0);
	RegState   *s2 = PG_ARGISNULL(1) ? NULL : (RegState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
		s1 = state_new(cxt, s2->subgroup);
	append_state(s1, s2);
	PG_RETURN_POINTER(s1);
}

PG_FUNCTION_INFO_V1(meta_regression_serialize);
Datum
meta_regression_serialize(PG_FUNCTION_ARGS)
{
	RegState   *s = (RegState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendbyte(&buf, s->subgroup ? 1 : 0);
	pq_sendint32(&buf, s->m);
	pq_sendint32(&buf, s->method);
	pq_sendint32(&buf, s->option2);
	pq_sendint32(&buf, s->k);
	for (int i = 0; i < s->k; i++)
	{
		pq_sendfloat8(&buf, s->yi[i]);
		pq_sendfloat8(&buf, s->vi[i]);
		for (int j = 0; j < s->m; j++)
			pq_sendfloat8(&buf, s->x[(size_t) i * s->m + j]);
		if (s->subgroup)
		{
			pq_sendint32(&buf, s->off[i + 1] - s->off[i]);
			pq_sendbytes(&buf, s->names + s->off[i], s->off[i + 1] - s->off[i]);
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(meta_regression_deserialize);
Datum
meta_regression_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_regression_deserialize");
	StringInfoData buf;
	RegState   *s;
	int			k,
				m;

	outcome_read_bytea(&buf, b);
	if (pq_getmsgbyte(&buf) != STATE_FORMAT_VERSION)
		outcome_bad_state("meta-regression");
	s = state_new(cxt, pq_getmsgbyte(&buf) == 1);
	m = pq_getmsgint(&buf, 4);
	s->method = pq_getmsgint(&buf, 4);
	s->option2 = pq_getmsgint(&buf, 4);
	k = pq_getmsgint(&buf, 4);
	if (m < -1 || m > METAREG_MAX_COEF - 1 || (s->subgroup && m != 0) || k < 0 ||
		(int64) k * (2 + Max(m, 0)) * 8 > buf.len - buf.cursor)
		outcome_bad_state("meta-regression");
	s->m = m;
	for (int i = 0; i < k; i++)
	{
		int			len = 0;

		state_reserve(s, 1, 0);
		s->yi[i] = pq_getmsgfloat8(&buf);
		s->vi[i] = pq_getmsgfloat8(&buf);
		for (int j = 0; j < m; j++)
			s->x[(size_t) i * m + j] = pq_getmsgfloat8(&buf);
		if (s->subgroup)
		{
			len = pq_getmsgint(&buf, 4);
			if (len < 0 || len > buf.len - buf.cursor)
				outcome_bad_state("meta-regression");
			state_reserve(s, 1, len);
			memcpy(s->names + s->off[i], pq_getmsgbytes(&buf, len), len);
			s->off[i + 1] = s->off[i] + len;
		}
		s->k++;
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* ---- results -------------------------------------------------------- */

/* a float8[] of n values (NaN as NULL), dims 1 or 2 (n = d0 x d0) */
static Datum
float8_array(const double *v, int n, int ndims, int d0)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));
	bool	   *nulls = palloc(sizeof(bool) * Max(n, 1));
	int			dims[2] = {ndims == 2 ? d0 : n, d0},
				lbs[2] = {1, 1};

	for (int i = 0; i < n; i++)
	{
		d[i] = Float8GetDatum(v[i]);
		nulls[i] = isnan(v[i]);
	}
	return PointerGetDatum(construct_md_array(d, nulls, ndims, dims, lbs, FLOAT8OID, 8,
											  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

PG_FUNCTION_INFO_V1(meta_regression_final);
Datum
meta_regression_final(PG_FUNCTION_ARGS)
{
	RegState   *s = PG_ARGISNULL(0) ? NULL : (RegState *) PG_GETARG_POINTER(0);
	TupleDesc	desc = outcome_result_desc(fcinfo);
	meta_method method = (s && s->method >= 0) ? (meta_method) s->method : META_REML;
	meta_test	test = (s && s->option2 >= 0) ? (meta_test) s->option2 : META_Z;
	Datum		v[22];
	bool		n[22];
	metareg_result *r;
	msc_error	err;

	memset(n, true, sizeof(n));
	v[0] = Int32GetDatum(s ? s->k : 0);
	n[0] = false;
	if (s != NULL)
	{
		v[2] = CStringGetTextDatum(stat_meta_method_name(method));
		v[3] = CStringGetTextDatum(stat_meta_test_name(test));
		n[2] = n[3] = false;
	}
	if (s == NULL || s->k == 0)
		return HeapTupleGetDatum(heap_form_tuple(desc, v, n));

	r = palloc(sizeof(metareg_result));
	if (!stat_metareg_fit(s->yi, s->vi, s->x, s->k, s->m, method, test, r, &err))
		msc_ereport(&err);
	for (int c = 1; c < r->ncoef; c++)
		if (r->dropped[c])
			ereport(NOTICE,
					(errmsg("redundant moderator x[%d] dropped from the meta-regression", c),
					 errdetail("It is a linear combination of the intercept and the moderators before it (as metafor, its coefficient is NULL).")));
	v[1] = Int32GetDatum(r->p);
	n[1] = false;
	{
		const double *arrays[] = {r->coef, r->se, r->stat, r->pval, r->ci_low, r->ci_high};

		for (int i = 0; i < 6; i++)
		{
			v[4 + i] = float8_array(arrays[i], r->ncoef, 1, r->ncoef);
			n[4 + i] = false;
		}
	}
	study_double_field(r->qm, &v[10], &n[10]);
	v[11] = Int32GetDatum(r->qm_df);
	n[11] = false;
	v[12] = Int32GetDatum(r->qm_df2);
	n[12] = (r->qm_df2 == 0);
	study_double_field(r->qm_pval, &v[13], &n[13]);
	study_double_field(r->qe, &v[14], &n[14]);
	v[15] = Int32GetDatum(r->qe_df);
	n[15] = false;
	study_double_field(r->qe_pval, &v[16], &n[16]);
	study_double_field(r->tau2, &v[17], &n[17]);
	study_double_field(r->i2, &v[18], &n[18]);
	study_double_field(r->h2, &v[19], &n[19]);
	study_double_field(r->r2, &v[20], &n[20]);
	v[21] = float8_array(r->vcov, r->ncoef * r->ncoef, 2, r->ncoef);
	n[21] = false;
	return HeapTupleGetDatum(heap_form_tuple(desc, v, n));
}

/* a float8[] field of the result row as doubles (NULL elements as NaN) */
static double *
row_float8_array(HeapTupleHeader row, const char *name, int *count)
{
	bool		isnull;
	Datum		d = GetAttributeByName(row, name, &isnull);
	ArrayType  *a;
	Datum	   *elems;
	bool	   *nulls;
	double	   *out;
	int			n;

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("meta-regression result has no %s", name),
				 errhint("Pass the result of meta_regression over at least one study.")));
	a = DatumGetArrayTypeP(d);
	deconstruct_array(a, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &n);
	out = palloc(sizeof(double) * Max(n, 1));
	for (int i = 0; i < n; i++)
		out[i] = nulls[i] ? NAN : DatumGetFloat8(elems[i]);
	*count = n;
	return out;
}

static Datum
row_field(HeapTupleHeader row, const char *name)
{
	bool		isnull;
	Datum		d = GetAttributeByName(row, name, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("meta-regression result has no %s", name),
				 errhint("Pass the result of meta_regression over at least one study.")));
	return d;
}

/* meta_predict(meta_regression_result, x float8[]) */
PG_FUNCTION_INFO_V1(meta_predict);
Datum
meta_predict(PG_FUNCTION_ARGS)
{
	HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(0);
	ArrayType  *xa = PG_GETARG_ARRAYTYPE_P(1);
	TupleDesc	desc = outcome_result_desc(fcinfo);
	int			ncoef,
				nv,
				nx;
	double	   *coef = row_float8_array(row, "coef", &ncoef),
			   *vcov = row_float8_array(row, "vcov", &nv),
			   *x;
	Datum	   *elems;
	bool	   *nulls;
	meta_method method;
	meta_test	test;
	metareg_prediction pr;
	msc_error	err;
	Datum		v[6];
	bool		n[6] = {false, false, false, false, false, false};

	if (!stat_meta_method_parse(TextDatumGetCString(row_field(row, "method")), &method, &err) ||
		!stat_meta_test_parse(TextDatumGetCString(row_field(row, "test")), &test, &err))
		msc_ereport(&err);
	if (nv != ncoef * ncoef)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("meta-regression result has %d coefficients but a covariance matrix of %d values", ncoef, nv)));
	if (ARR_NDIM(xa) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("moderators must be a one-dimensional array, not %d-dimensional", ARR_NDIM(xa))));
	deconstruct_array(xa, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &nx);
	x = palloc(sizeof(double) * Max(nx, 1));
	for (int j = 0; j < nx; j++)
	{
		if (nulls[j])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("moderator value %d of the prediction is NULL", j + 1)));
		x[j] = DatumGetFloat8(elems[j]);
	}
	if (!stat_metareg_predict(coef, vcov, ncoef,
							  DatumGetFloat8(row_field(row, "tau2")), test,
							  DatumGetInt32(row_field(row, "k")) - DatumGetInt32(row_field(row, "p")),
							  x, nx, &pr, &err))
		msc_ereport(&err);
	v[0] = Float8GetDatum(pr.pred);
	v[1] = Float8GetDatum(pr.se);
	v[2] = Float8GetDatum(pr.ci_low);
	v[3] = Float8GetDatum(pr.ci_high);
	v[4] = Float8GetDatum(pr.pi_low);
	v[5] = Float8GetDatum(pr.pi_high);
	n[4] = n[5] = (method == META_FE);	/* as predict.rma: no interval for FE */
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, n)));
}

/* ---- subgroups -------------------------------------------------------- */

static RegState *sort_state;	/* qsort has no context argument */

static int
cmp_study_name(const void *a, const void *b)
{
	int			i = *(const int *) a,
				j = *(const int *) b;
	int			li = sort_state->off[i + 1] - sort_state->off[i],
				lj = sort_state->off[j + 1] - sort_state->off[j];
	int			c = memcmp(sort_state->names + sort_state->off[i],
						   sort_state->names + sort_state->off[j], Min(li, lj));

	if (c != 0)
		return c;
	if (li != lj)
		return li < lj ? -1 : 1;
	return i < j ? -1 : (i > j);
}

static bool
same_name(const RegState *s, int i, int j)
{
	int			len = s->off[i + 1] - s->off[i];

	return len == s->off[j + 1] - s->off[j] &&
		memcmp(s->names + s->off[i], s->names + s->off[j], len) == 0;
}

static Datum
int4_array(const int *v, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));

	for (int i = 0; i < n; i++)
		d[i] = Int32GetDatum(v[i]);
	return PointerGetDatum(construct_array(d, n, INT4OID, 4, true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(meta_subgroup_final);
Datum
meta_subgroup_final(PG_FUNCTION_ARGS)
{
	RegState   *s = PG_ARGISNULL(0) ? NULL : (RegState *) PG_GETARG_POINTER(0);
	TupleDesc	desc = outcome_result_desc(fcinfo);
	meta_method method = (s && s->method >= 0) ? (meta_method) s->method : META_REML;
	subgroup_tau2 mode = (s && s->option2 >= 0) ? (subgroup_tau2) s->option2 : SUBGROUP_SEPARATE;
	Datum		v[13];
	bool		n[13];
	int		   *order,
			   *group,
				ngroups = 0;
	Datum	   *names;
	double	   *a[6];
	int		   *kk;
	subgroup_result out;
	msc_error	err;

	memset(n, true, sizeof(n));
	if (s != NULL)
	{
		v[0] = CStringGetTextDatum(stat_meta_method_name(method));
		v[1] = CStringGetTextDatum(stat_subgroup_tau2_name(mode));
		n[0] = n[1] = false;
	}
	if (s == NULL || s->k == 0)
		return HeapTupleGetDatum(heap_form_tuple(desc, v, n));

	/* subgroups in byte order of their names */
	order = palloc(sizeof(int) * s->k);
	group = palloc(sizeof(int) * s->k);
	names = palloc(sizeof(Datum) * s->k);
	for (int i = 0; i < s->k; i++)
		order[i] = i;
	sort_state = s;
	qsort(order, s->k, sizeof(int), cmp_study_name);
	for (int r = 0; r < s->k; r++)
	{
		int			i = order[r];

		if (r == 0 || !same_name(s, order[r - 1], i))
			names[ngroups++] = PointerGetDatum(cstring_to_text_with_len(s->names + s->off[i],
																		 s->off[i + 1] - s->off[i]));
		group[i] = ngroups - 1;
	}
	kk = palloc(sizeof(int) * ngroups);
	for (int i = 0; i < 6; i++)
		a[i] = palloc(sizeof(double) * ngroups);
	out.k = kk;
	out.estimate = a[0];
	out.se = a[1];
	out.ci_low = a[2];
	out.ci_high = a[3];
	out.tau2 = a[4];
	out.i2 = a[5];
	if (!stat_meta_subgroup(s->yi, s->vi, group, s->k, ngroups, method, mode, &out, &err))
		msc_ereport(&err);
	v[2] = PointerGetDatum(construct_array(names, ngroups, TEXTOID, -1, false, TYPALIGN_INT));
	v[3] = int4_array(kk, ngroups);
	n[2] = n[3] = false;
	for (int i = 0; i < 6; i++)
	{
		v[4 + i] = float8_array(a[i], ngroups, 1, ngroups);
		n[4 + i] = false;
	}
	study_double_field(out.q_between, &v[10], &n[10]);
	v[11] = Int32GetDatum(out.df);
	n[11] = false;
	study_double_field(out.pval, &v[12], &n[12]);
	return HeapTupleGetDatum(heap_form_tuple(desc, v, n));
}
