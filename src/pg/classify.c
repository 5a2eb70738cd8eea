/*
 * classify.c — SQL glue of the free-text classifiers: msc_sources_in,
 * msc_routes_in, msc_donor_in, msc_manipulation_in, cell_dose_in(text) and
 * cell_doses_in(text).
 *
 * Each reads a text of at most MSC_CLASSIFY_MAX_INPUT bytes (1 MB; longer
 * text is refused with 22023 before it is detoasted) and returns what it
 * states: an array (empty when nothing is stated) or a value (NULL when
 * nothing, or a contradiction, is stated).  The scanners are plain C in
 * src/core/classify_*.c, linear in the text and without allocation.
 */
#include "msc_pg.h"

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "../core/classify.h"

/* Per-call-site cache: the result (element) type and the enum values. */
typedef struct classify_cache
{
	Oid			type;			/* element type of an array result, or the enum */
	Datum		enum_value[3];	/* by MSC_DONOR_* / MSC_MANIP_* */
} classify_cache;

static classify_cache *
get_cache(FunctionCallInfo fcinfo, bool array, const char *const *labels)
{
	classify_cache *c = (classify_cache *) fcinfo->flinfo->fn_extra;
	Oid			rettype;

	if (c != NULL)
		return c;
	rettype = get_func_rettype(fcinfo->flinfo->fn_oid);
	c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(classify_cache));
	c->type = array ? get_element_type(rettype) : rettype;
	if (!OidIsValid(c->type))
		elog(ERROR, "classifier function declared with a wrong result type");
	for (int i = 1; labels && i < 3; i++)
		c->enum_value[i] = DirectFunctionCall2(enum_in, CStringGetDatum(labels[i]),
											   ObjectIdGetDatum(c->type));
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/*
 * The text argument, refused when longer than the classifiers read; the
 * length is checked before the value is detoasted.
 */
static text *
classify_arg(FunctionCallInfo fcinfo, const char *function_name)
{
	Datum		d = PG_GETARG_DATUM(0);
	size_t		raw = toast_raw_datum_size(d) - VARHDRSZ;
	msc_error	err;

	if (!msc_classify_check_length(raw, function_name, &err))
		msc_ereport(&err);
	return PG_GETARG_TEXT_PP(0);
}

static Datum
code_array(FunctionCallInfo fcinfo, const uint8_t *codes, int n)
{
	classify_cache *c = get_cache(fcinfo, true, NULL);
	Datum		elems[32];

	if (n == 0)
		return PointerGetDatum(construct_empty_array(c->type));
	Assert(n <= (int) lengthof(elems));
	for (int i = 0; i < n; i++)
		elems[i] = UInt8GetDatum(codes[i]);
	return PointerGetDatum(construct_array(elems, n, c->type, 1, true, TYPALIGN_CHAR));
}

/* msc_sources_in(text) -> msc_source[] */
PG_FUNCTION_INFO_V1(msc_sources_in_text);
Datum
msc_sources_in_text(PG_FUNCTION_ARGS)
{
	text	   *t = classify_arg(fcinfo, "msc_sources_in");
	uint8_t		codes[MSC_SOURCE_COUNT];
	int			n = msc_classify_sources(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), codes, NULL);

	PG_RETURN_DATUM(code_array(fcinfo, codes, n));
}

/* msc_routes_in(text) -> msc_route[] */
PG_FUNCTION_INFO_V1(msc_routes_in_text);
Datum
msc_routes_in_text(PG_FUNCTION_ARGS)
{
	text	   *t = classify_arg(fcinfo, "msc_routes_in");
	uint8_t		codes[MSC_ROUTE_COUNT];
	int			n = msc_classify_routes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), codes, NULL);

	PG_RETURN_DATUM(code_array(fcinfo, codes, n));
}

/* msc_donor_in(text) -> msc_donor */
PG_FUNCTION_INFO_V1(msc_donor_in_text);
Datum
msc_donor_in_text(PG_FUNCTION_ARGS)
{
	static const char *const labels[3] = {NULL, "autologous", "allogeneic"};
	text	   *t = classify_arg(fcinfo, "msc_donor_in");
	int			v = msc_classify_donor(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL);

	if (v == MSC_DONOR_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(get_cache(fcinfo, false, labels)->enum_value[v]);
}

/* msc_manipulation_in(text) -> msc_manipulation */
PG_FUNCTION_INFO_V1(msc_manipulation_in_text);
Datum
msc_manipulation_in_text(PG_FUNCTION_ARGS)
{
	static const char *const labels[3] = {NULL, "culture_expanded", "minimally_manipulated"};
	text	   *t = classify_arg(fcinfo, "msc_manipulation_in");
	int			v = msc_classify_manipulation(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL);

	if (v == MSC_MANIP_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(get_cache(fcinfo, false, labels)->enum_value[v]);
}

/* cell_dose_in(text) -> cell_dose: the first dose stated */
PG_FUNCTION_INFO_V1(cell_dose_in_text);
Datum
cell_dose_in_text(PG_FUNCTION_ARGS)
{
	text	   *t = classify_arg(fcinfo, "cell_dose_in");
	msc_cell_dose *d = palloc0(sizeof(msc_cell_dose));

	if (!msc_classify_dose(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), d, NULL))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(d);
}

/* Doses as found, in order, with room to grow (cell_doses_in). */
typedef struct dose_list
{
	msc_cell_dose *v;
	int			n;
	int			cap;
} dose_list;

static void
collect_dose(void *arg, const msc_cell_dose *d)
{
	dose_list  *l = arg;

	if (l->n == l->cap)
	{
		l->cap *= 2;
		l->v = repalloc(l->v, sizeof(msc_cell_dose) * l->cap);
	}
	l->v[l->n++] = *d;
}

/* Sort order of found doses (arg): by value, then by position of mention. */
static int
cmp_by_value(const void *a, const void *b, void *arg)
{
	const msc_cell_dose *v = arg;
	int			i = *(const int *) a,
				j = *(const int *) b;
	int			c = msc_cell_dose_cmp(&v[i], &v[j]);

	return c != 0 ? c : (i > j) - (i < j);
}

/*
 * cell_doses_in(text) -> cell_dose[]: every dose stated, each value once,
 * in order of first mention.  Repeats are dropped by sorting (value,
 * position), so a text of many doses costs n log n, not n^2.
 */
PG_FUNCTION_INFO_V1(cell_doses_in_text);
Datum
cell_doses_in_text(PG_FUNCTION_ARGS)
{
	text	   *t = classify_arg(fcinfo, "cell_doses_in");
	classify_cache *c = get_cache(fcinfo, true, NULL);
	dose_list	l = {palloc(sizeof(msc_cell_dose) * 8), 0, 8};
	int		   *order;
	bool	   *first;
	Datum	   *elems;
	int			n = 0;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	msc_classify_each_dose(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), collect_dose, &l, NULL);
	if (l.n == 0)
		PG_RETURN_DATUM(PointerGetDatum(construct_empty_array(c->type)));
	order = palloc(sizeof(int) * l.n);
	first = palloc0(sizeof(bool) * l.n);
	for (int i = 0; i < l.n; i++)
		order[i] = i;
	qsort_arg(order, l.n, sizeof(int), cmp_by_value, l.v);
	for (int i = 0; i < l.n; i++)
		if (i == 0 || msc_cell_dose_cmp(&l.v[order[i - 1]], &l.v[order[i]]) != 0)
			first[order[i]] = true;
	elems = palloc(sizeof(Datum) * l.n);
	for (int i = 0; i < l.n; i++)
		if (first[i])
		{
			msc_cell_dose *d = palloc(sizeof(msc_cell_dose));

			*d = l.v[i];
			elems[n++] = PointerGetDatum(d);
		}
	get_typlenbyvalalign(c->type, &typlen, &typbyval, &typalign);
	PG_RETURN_DATUM(PointerGetDatum(construct_array(elems, n, c->type, typlen, typbyval, typalign)));
}
