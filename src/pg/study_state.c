/*
 * study_state.c — the transition state of study_state.h, its combine,
 * serialize and deserialize functions (meta_state_*), and the argument and
 * result helpers of the aggregates that use it.
 *
 * Pooling needs every study at once (REML and PM iterate over them), so the
 * state keeps the rows; partial states from parallel workers are
 * concatenated by the combine function and travel between processes
 * through serialize/deserialize.
 */
#include "study_state.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "../core/stat_confint.h"
#include "outcome.h"

#define STATE_FORMAT_VERSION 2

StudyState *
study_state_new(MemoryContext cxt, int ncols)
{
	StudyState *s = MemoryContextAlloc(cxt, offsetof(StudyState, inline_cols) +
									   sizeof(double) * INLINE_STUDIES * ncols);

	s->k = 0;
	s->ncols = ncols;
	s->capacity = INLINE_STUDIES;
	for (int i = 0; i < STUDY_NOPT; i++)
		s->opt[i] = -1;
	for (int i = 0; i < STUDY_NDOPT; i++)
		s->dopt[i] = NAN;
	for (int c = 0; c < STUDY_MAX_COLS; c++)
		s->col[c] = c < ncols ? s->inline_cols + c * INLINE_STUDIES : NULL;
	return s;
}

StudyState *
study_state_get(FunctionCallInfo fcinfo, int ncols, const char *name)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, name);

	if (!PG_ARGISNULL(0))
		return (StudyState *) PG_GETARG_POINTER(0);
	return study_state_new(cxt, ncols);
}

/* Make room for n more studies, in the state's own memory context. */
void
study_state_reserve(StudyState *s, int64 n)
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

void
study_state_add_row(StudyState *s, const double *row)
{
	study_state_reserve(s, 1);
	for (int c = 0; c < s->ncols; c++)
		s->col[c][s->k] = row[c];
	s->k++;
}

void
study_state_add(StudyState *s, double yi, double vi)
{
	const double row[2] = {yi, vi};
	msc_error	err;

	STUDY_CHECK(stat_meta_check_study(yi, vi, &err), &err);
	study_state_add_row(s, row);
}

static void
option_clash(const char *what, const char *analysis)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the %s of a %s must be the same for every row of a group", what, analysis),
			 errhint("Pass the %s as a constant.", what)));
}

void
study_option_set(int32 *slot, int value, const char *what, const char *analysis)
{
	if (*slot == -1)
		*slot = value;
	else if (*slot != value)
		option_clash(what, analysis);
}

void
study_state_opt(StudyState *s, int slot, int value, const char *what)
{
	study_option_set(&s->opt[slot], value, what, "meta-analysis");
}

void
study_state_dopt(StudyState *s, int slot, double value, const char *what)
{
	if (isnan(s->dopt[slot]))
		s->dopt[slot] = value;
	else if (s->dopt[slot] != value)
		option_clash(what, "meta-analysis");
}

char *
study_text_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

/* ---- option texts, parsed once per query ------------------------------ */

#define CACHED_ARGS 10

typedef struct OptionCache
{
	int			value[CACHED_ARGS];
	int			len[CACHED_ARGS];	/* -1: nothing cached */
	char		text[CACHED_ARGS][16];
} OptionCache;

int
study_option_arg(FunctionCallInfo fcinfo, int argno, study_option_parser parse)
{
	OptionCache *cache = (OptionCache *) fcinfo->flinfo->fn_extra;
	text	   *t;
	int			len;
	msc_error	err;
	int			value;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return -1;
	t = PG_GETARG_TEXT_PP(argno);
	len = VARSIZE_ANY_EXHDR(t);
	if (cache == NULL)
	{
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(OptionCache));
		for (int i = 0; i < CACHED_ARGS; i++)
			cache->len[i] = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	if (argno < CACHED_ARGS && cache->len[argno] == len &&
		memcmp(cache->text[argno], VARDATA_ANY(t), len) == 0)
		return cache->value[argno];
	if (!parse(text_to_cstring(t), &value, &err))
		msc_ereport(&err);
	if (argno < CACHED_ARGS && len <= (int) sizeof(cache->text[argno]))
	{
		memcpy(cache->text[argno], VARDATA_ANY(t), len);
		cache->len[argno] = len;
		cache->value[argno] = value;
	}
	return value;
}

bool
study_parse_method(const char *s, int *value, msc_error *err)
{
	meta_method m;

	if (!stat_meta_method_parse(s, &m, err))
		return false;
	*value = (int) m;
	return true;
}

bool
study_parse_test(const char *s, int *value, msc_error *err)
{
	meta_test	t;

	if (!stat_meta_test_parse(s, &t, err))
		return false;
	*value = (int) t;
	return true;
}

bool
study_parse_measure(const char *s, int *value, msc_error *err)
{
	meta_measure m;

	if (!stat_meta_measure_parse(s, &m, err))
		return false;
	*value = (int) m;
	return true;
}

void
study_method_test_args(FunctionCallInfo fcinfo, StudyState *s, int argno, int method_slot, int test_slot)
{
	int			method = study_option_arg(fcinfo, argno, study_parse_method),
				test;

	if (method >= 0)
		study_state_opt(s, method_slot, method, "method");
	test = study_option_arg(fcinfo, argno + 1, study_parse_test);
	if (test >= 0)
		study_state_opt(s, test_slot, test, "test");
}

bool
study_effect_arg(FunctionCallInfo fcinfo, int argno, double *yi, double *vi)
{
	HeapTupleHeader row;
	bool		yi_null,
				vi_null;
	Datum		y,
				v;

	if (PG_ARGISNULL(argno))
		return false;
	row = PG_GETARG_HEAPTUPLEHEADER(argno);
	y = GetAttributeByNum(row, 1, &yi_null);
	v = GetAttributeByNum(row, 2, &vi_null);
	if (yi_null || vi_null)
		return false;
	*yi = DatumGetFloat8(y);
	*vi = DatumGetFloat8(v);
	return true;
}

void
study_level_arg(FunctionCallInfo fcinfo, StudyState *s, int argno)
{
	msc_error	err;
	double		level;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return;
	level = PG_GETARG_FLOAT8(argno);
	STUDY_CHECK(stat_level_check(level, &err), &err);
	study_state_dopt(s, STUDY_DOPT_LEVEL, level, "level");
}

double
study_level(const StudyState *s)
{
	return (s == NULL || isnan(s->dopt[STUDY_DOPT_LEVEL])) ? 95 : s->dopt[STUDY_DOPT_LEVEL];
}

/* ---- combine, serialize, deserialize --------------------------------- */

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
	for (int i = 0; i < STUDY_NOPT; i++)
		if (s2->opt[i] != -1)
			study_state_opt(s1, i, s2->opt[i], "options");
	for (int i = 0; i < STUDY_NDOPT; i++)
		if (!isnan(s2->dopt[i]))
			study_state_dopt(s1, i, s2->dopt[i], "options");
	study_state_reserve(s1, s2->k);
	for (int c = 0; c < s1->ncols; c++)
		if (s2->k > 0)
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
	for (int i = 0; i < STUDY_NOPT; i++)
		pq_sendint32(&buf, s->opt[i]);
	for (int i = 0; i < STUDY_NDOPT; i++)
		pq_sendfloat8(&buf, s->dopt[i]);
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
	MemoryContext cxt = msc_aggregate_context(fcinfo, "meta_state_deserialize");
	StringInfoData buf;
	StudyState *s;
	int			ncols,
				k;

	outcome_read_bytea(&buf, PG_GETARG_BYTEA_PP(0));
	if (pq_getmsgbyte(&buf) != STATE_FORMAT_VERSION)
		outcome_bad_state("meta-analysis");
	ncols = pq_getmsgint(&buf, 4);
	if (ncols < 1 || ncols > STUDY_MAX_COLS)
		outcome_bad_state("meta-analysis");
	s = study_state_new(cxt, ncols);
	for (int i = 0; i < STUDY_NOPT; i++)
		s->opt[i] = pq_getmsgint(&buf, 4);
	for (int i = 0; i < STUDY_NDOPT; i++)
		s->dopt[i] = pq_getmsgfloat8(&buf);
	k = pq_getmsgint(&buf, 4);
	if (k < 0 || (int64) k * ncols * 8 != buf.len - buf.cursor)
		outcome_bad_state("meta-analysis");
	study_state_reserve(s, k);
	for (int c = 0; c < ncols; c++)
		for (int i = 0; i < k; i++)
			s->col[c][i] = pq_getmsgfloat8(&buf);
	s->k = k;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* ---- result rows ----------------------------------------------------- */

void
study_double_field(double x, Datum *v, bool *n)
{
	*v = Float8GetDatum(x);
	*n = isnan(x);
}

void
meta_result_values(const meta_result *r, const char *method, const char *test,
				   Datum *v, bool *n)
{
	double		num[10] = {r->estimate, r->se, r->ci_low, r->ci_high, r->stat, r->pval,
	r->tau2, r->i2, r->h2, r->q};

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
