/*
 * meta_analysis.c — the aggregates meta_analysis(yi, vi [, method [, test]]),
 * meta_analysis(effect [, method [, test]]) and meta_mh(a, b, c, d, measure).
 *
 * Pooling needs every study at once (REML and PM iterate over them), so the
 * transition state collects the studies; partial states from parallel
 * workers are concatenated by the combine function and travel between
 * processes through serialize/deserialize.
 */
#include "msc_pg.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "../core/stat_meta.h"
#include "study_state.h"

#define STATE_FORMAT_VERSION 1

StudyState *
study_state_new(MemoryContext cxt, int ncols)
{
	StudyState *s = MemoryContextAlloc(cxt, offsetof(StudyState, inline_cols) +
									   sizeof(double) * INLINE_STUDIES * ncols);

	s->k = 0;
	s->ncols = ncols;
	s->capacity = INLINE_STUDIES;
	s->option1 = s->option2 = -1;
	for (int c = 0; c < 4; c++)
		s->col[c] = c < ncols ? s->inline_cols + c * INLINE_STUDIES : NULL;
	return s;
}

/* Make room for n more studies, in the state's own memory context. */
void
study_state_reserve(StudyState *s, int n)
{
	const int64 max_studies = (int64) (MaxAllocSize / sizeof(double));
	int64		need = (int64) s->k + n;
	int32		capacity = s->capacity;

	if (need > max_studies)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many studies in one meta-analysis group")));
	if (likely(need <= capacity))
		return;
	while (capacity < need)
		capacity = (capacity > max_studies / 2) ? (int32) max_studies : capacity * 2;
	for (int c = 0; c < s->ncols; c++)
	{
		if (s->capacity == INLINE_STUDIES)
		{
			double	   *a = MemoryContextAlloc(GetMemoryChunkContext(s),
											   sizeof(double) * capacity);

			memcpy(a, s->col[c], sizeof(double) * s->k);
			s->col[c] = a;
		}
		else
			s->col[c] = repalloc(s->col[c], sizeof(double) * capacity);
	}
	s->capacity = capacity;
}

/* Record an option (method, test, measure); every row must agree. */
void
study_state_set_option(int32 *slot, int value, const char *what)
{
	if (*slot == -1)
		*slot = value;
	else if (*slot != value)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s of a meta-analysis must be the same for every row of a group", what),
				 errhint("Pass the %s as a constant.", what)));
}

/*
 * The option texts are read once per query, not once per row: the last text
 * seen in each option argument and what it parsed to are kept in fn_extra.
 */
typedef struct OptionCache
{
	int			value[2];
	int			len[2];			/* -1: nothing cached */
	char		text[2][16];
} OptionCache;

typedef bool (*option_parser) (const char *s, int *value, msc_error *err);

static bool
parse_method(const char *s, int *value, msc_error *err)
{
	meta_method m;

	if (!stat_meta_method_parse(s, &m, err))
		return false;
	*value = (int) m;
	return true;
}

static bool
parse_test(const char *s, int *value, msc_error *err)
{
	meta_test	t;

	if (!stat_meta_test_parse(s, &t, err))
		return false;
	*value = (int) t;
	return true;
}

static bool
parse_measure(const char *s, int *value, msc_error *err)
{
	meta_measure m;

	if (!stat_meta_measure_parse(s, &m, err))
		return false;
	*value = (int) m;
	return true;
}

static int
option_value(FunctionCallInfo fcinfo, int argno, int slot, option_parser parse)
{
	OptionCache *cache = (OptionCache *) fcinfo->flinfo->fn_extra;
	text	   *t = PG_GETARG_TEXT_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(t);
	msc_error	err;
	int			value;

	if (cache == NULL)
	{
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(OptionCache));
		cache->len[0] = cache->len[1] = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	if (cache->len[slot] == len && memcmp(cache->text[slot], VARDATA_ANY(t), len) == 0)
		return cache->value[slot];
	if (!parse(text_to_cstring(t), &value, &err))
		msc_ereport(&err);
	if (len <= (int) sizeof(cache->text[slot]))
	{
		memcpy(cache->text[slot], VARDATA_ANY(t), len);
		cache->len[slot] = len;
		cache->value[slot] = value;
	}
	return value;
}

static void
read_options(FunctionCallInfo fcinfo, StudyState *s, int first)
{
	if (PG_NARGS() > first && !PG_ARGISNULL(first))
		study_state_set_option(&s->option1, option_value(fcinfo, first, 0, parse_method), "method");
	if (PG_NARGS() > first + 1 && !PG_ARGISNULL(first + 1))
		study_state_set_option(&s->option2, option_value(fcinfo, first + 1, 1, parse_test), "test");
}

void
study_state_add(StudyState *s, double yi, double vi)
{
	msc_error	err;

	if (!stat_meta_check_study(yi, vi, &err))
		msc_ereport(&err);
	study_state_reserve(s, 1);
	s->col[0][s->k] = yi;
	s->col[1][s->k] = vi;
	s->k++;
}

/* meta_analysis(yi, vi [, method [, test]]) transition */
PG_FUNCTION_INFO_V1(meta_analysis_accum);
Datum
meta_analysis_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_analysis_accum");
	StudyState *s = PG_ARGISNULL(0) ? study_state_new(cxt, 2) : (StudyState *) PG_GETARG_POINTER(0);

	/* option text is read in the per-row context; the arrays live in cxt */
	read_options(fcinfo, s, 3);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
		study_state_add(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2));
	PG_RETURN_POINTER(s);
}

/* meta_analysis(effect [, method [, test]]) transition */
PG_FUNCTION_INFO_V1(meta_analysis_effect_accum);
Datum
meta_analysis_effect_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_analysis_effect_accum");
	StudyState *s = PG_ARGISNULL(0) ? study_state_new(cxt, 2) : (StudyState *) PG_GETARG_POINTER(0);

	read_options(fcinfo, s, 2);
	if (!PG_ARGISNULL(1))
	{
		HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(1);
		bool		yi_null,
					vi_null;
		Datum		yi = GetAttributeByNum(row, 1, &yi_null);
		Datum		vi = GetAttributeByNum(row, 2, &vi_null);

		if (!yi_null && !vi_null)
			study_state_add(s, DatumGetFloat8(yi), DatumGetFloat8(vi));
	}
	PG_RETURN_POINTER(s);
}

/* meta_mh(a, b, c, d, measure) transition */
PG_FUNCTION_INFO_V1(meta_mh_accum);
Datum
meta_mh_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_mh_accum");
	StudyState *s = PG_ARGISNULL(0) ? study_state_new(cxt, 4) : (StudyState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(5))
		study_state_set_option(&s->option1, option_value(fcinfo, 5, 0, parse_measure), "measure");
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3) && !PG_ARGISNULL(4))
	{
		int32		cell[4];

		for (int c = 0; c < 4; c++)
		{
			cell[c] = PG_GETARG_INT32(c + 1);
			if (cell[c] < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("2x2 table cell %d is negative", cell[c]),
						 errhint("Cells are counts: a and b are events and non-events of the first group, c and d of the second.")));
		}
		if (cell[0] + (int64) cell[1] == 0 || cell[2] + (int64) cell[3] == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("2x2 table (%d, %d, %d, %d) has an empty group",
							cell[0], cell[1], cell[2], cell[3])));
		study_state_reserve(s, 1);
		for (int c = 0; c < 4; c++)
			s->col[c][s->k] = cell[c];
		s->k++;
	}
	PG_RETURN_POINTER(s);
}

/* Combine: append state2's studies to state1 (copied when state1 is NULL). */
PG_FUNCTION_INFO_V1(meta_state_combine);
Datum
meta_state_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_state_combine");
	StudyState *s1 = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	StudyState *s2 = PG_ARGISNULL(1) ? NULL : (StudyState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
		s1 = study_state_new(cxt, s2->ncols);
	if (s2->option1 != -1)
		study_state_set_option(&s1->option1, s2->option1, s1->ncols == 4 ? "measure" : "method");
	if (s2->option2 != -1)
		study_state_set_option(&s1->option2, s2->option2, "test");
	study_state_reserve(s1, s2->k);
	for (int c = 0; c < s1->ncols; c++)
		memcpy(s1->col[c] + s1->k, s2->col[c], sizeof(double) * s2->k);
	s1->k += s2->k;
	PG_RETURN_POINTER(s1);
}

PG_FUNCTION_INFO_V1(meta_state_serialize);
Datum
meta_state_serialize(PG_FUNCTION_ARGS)
{
	StudyState *s = (StudyState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendint32(&buf, s->ncols);
	pq_sendint32(&buf, s->option1);
	pq_sendint32(&buf, s->option2);
	pq_sendint32(&buf, s->k);
	for (int c = 0; c < s->ncols; c++)
		for (int i = 0; i < s->k; i++)
			pq_sendfloat8(&buf, s->col[c][i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(meta_state_deserialize);
Datum
meta_state_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_state_deserialize");
	StringInfoData buf;
	StudyState *s;
	int			ncols,
				k;

	/* a read-only StringInfo over the bytea (initReadOnlyStringInfo in 17+) */
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != STATE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unknown meta-analysis state format")));
	ncols = pq_getmsgint(&buf, 4);
	if (ncols != 2 && ncols != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid meta-analysis state")));
	s = study_state_new(cxt, ncols);
	s->option1 = pq_getmsgint(&buf, 4);
	s->option2 = pq_getmsgint(&buf, 4);
	k = pq_getmsgint(&buf, 4);
	if (k < 0 || (int64) k * ncols * 8 != buf.len - buf.cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid meta-analysis state")));
	study_state_reserve(s, k);
	for (int c = 0; c < ncols; c++)
		for (int i = 0; i < k; i++)
			s->col[c][i] = pq_getmsgfloat8(&buf);
	s->k = k;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

void
meta_result_values(const meta_result *r, const char *method, const char *test,
				   Datum *v, bool *n)
{
	double		num[13] = {r->estimate, r->se, r->ci_low, r->ci_high, r->stat, r->pval,
	r->tau2, r->i2, r->h2, r->q, 0, r->q_pval, 0};

	memset(n, 0, sizeof(bool) * 17);
	v[0] = Int32GetDatum(r->k);
	v[1] = method ? CStringGetTextDatum(method) : (Datum) 0;
	v[2] = test ? CStringGetTextDatum(test) : (Datum) 0;
	n[1] = (method == NULL);
	n[2] = (test == NULL);
	/* estimate .. q: columns 3..12 */
	for (int i = 0; i < 10; i++)
	{
		v[3 + i] = Float8GetDatum(num[i]);
		n[3 + i] = (r->k == 0) || isnan(num[i]);
	}
	v[13] = Int32GetDatum(r->q_df);
	n[13] = (r->k == 0);
	v[14] = Float8GetDatum(r->q_pval);
	n[14] = (r->k == 0);
	v[15] = Float8GetDatum(r->pi_low);
	v[16] = Float8GetDatum(r->pi_high);
	n[15] = n[16] = (r->k == 0) || !r->has_pi;
}

static Datum
result_datum(FunctionCallInfo fcinfo, const meta_result *r, const char *method, const char *test)
{
	TupleDesc	desc;
	Datum		v[17];
	bool		n[17];

	/* the row type is looked up once per query and kept in fn_extra */
	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("meta-analysis result called in a context that cannot accept a row")));
		desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	meta_result_values(r, method, test, v, n);
	return HeapTupleGetDatum(heap_form_tuple(desc, v, n));
}

PG_FUNCTION_INFO_V1(meta_analysis_final);
Datum
meta_analysis_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	meta_method method = (s && s->option1 >= 0) ? (meta_method) s->option1 : META_REML;
	meta_test	test = (s && s->option2 >= 0) ? (meta_test) s->option2 : META_Z;
	meta_result r;
	msc_error	err;

	memset(&r, 0, sizeof(r));
	r.test = test;
	if (s != NULL && s->k > 0 &&
		!stat_meta_pool(s->col[0], s->col[1], s->k, method, test, &r, &err))
		msc_ereport(&err);
	if (s == NULL)
		return result_datum(fcinfo, &r, NULL, NULL);
	return result_datum(fcinfo, &r, stat_meta_method_name(method), stat_meta_test_name(r.test));
}

PG_FUNCTION_INFO_V1(meta_mh_final);
Datum
meta_mh_final(PG_FUNCTION_ARGS)
{
	StudyState *s = PG_ARGISNULL(0) ? NULL : (StudyState *) PG_GETARG_POINTER(0);
	meta_measure measure = (s && s->option1 >= 0) ? (meta_measure) s->option1 : META_OR;
	meta_result r;
	msc_error	err;

	memset(&r, 0, sizeof(r));
	if (s != NULL && s->k > 0)
	{
		if (!stat_meta_mh(s->col[0], s->col[1], s->col[2], s->col[3], s->k, measure, &r, &err))
			msc_ereport(&err);
		r.tau2 = NAN;			/* Mantel-Haenszel estimates no tau^2 */
	}
	return result_datum(fcinfo, &r, "MH", s ? "z" : NULL);
}
