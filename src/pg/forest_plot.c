/*
 * forest_plot.c — the aggregates forest_plot(label, yi, vi, method
 * [, axis_title [, test, prediction]]) and forest_plot(label, subgroup, yi,
 * vi, method, axis_title [, test, prediction, tau2]) returning an SVG
 * document as text (drawn by src/core/forest_svg.c).
 *
 * The transition state collects the studies in the order the rows arrive
 * (labels as UTF-8, NUL-terminated, in one growing buffer); parallel
 * partial states are concatenated by the combine function.  Rows with a
 * NULL yi or vi are counted, not drawn, and the plot says how many there
 * were.  A NULL label draws "(no label)"; a NULL method is REML, as in
 * meta_analysis; a NULL axis title is "Effect size"; a NULL test is z, a
 * NULL prediction false, a NULL tau2 separate.  A row with a NULL
 * subgroup is counted with those without numbers.  funnel_plot
 * (funnel_plot.c) keeps the same state (plot_state.h).
 */
#include "msc_pg.h"

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "../core/forest_svg.h"
#include "../core/stat_meta.h"
#include "../core/stat_subgroup.h"
#include "plot_state.h"

#define FOREST_STATE_VERSION 2

static ForestState *
forest_state_new(MemoryContext cxt, const char *what)
{
	ForestState *s = MemoryContextAllocZero(cxt, sizeof(ForestState));

	s->what = what;
	s->method = -1;
	s->test = -1;
	s->prediction = -1;
	s->tau2 = -1;
	s->capacity = 16;
	s->yi = MemoryContextAlloc(cxt, sizeof(double) * s->capacity);
	s->vi = MemoryContextAlloc(cxt, sizeof(double) * s->capacity);
	s->label = MemoryContextAlloc(cxt, sizeof(int64) * s->capacity);
	s->group = MemoryContextAlloc(cxt, sizeof(int64) * s->capacity);
	s->labels_cap = 1024;
	s->labels = MemoryContextAlloc(cxt, s->labels_cap);
	return s;
}

/* room for n more studies and label_bytes more label bytes (repalloc keeps the context) */
static void
forest_state_reserve(ForestState *s, int64 n, Size label_bytes)
{
	int64		need = (int64) s->k + n;

	/* refused as the first study too many arrives, before it is stored */
	if (need > FOREST_MAX_STUDIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a %s draws at most %d studies, and this group has more",
						s->what, FOREST_MAX_STUDIES),
				 errhint(FOREST_MAX_STUDIES_HINT)));
	if (need > s->capacity)
	{
		while (s->capacity < need)
			s->capacity = Min(s->capacity * 2, FOREST_MAX_STUDIES);
		s->yi = repalloc(s->yi, sizeof(double) * s->capacity);
		s->vi = repalloc(s->vi, sizeof(double) * s->capacity);
		s->label = repalloc(s->label, sizeof(int64) * s->capacity);
		s->group = repalloc(s->group, sizeof(int64) * s->capacity);
	}
	if (label_bytes > MaxAllocSize - s->labels_len)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the labels of one %s exceed 1 GB", s->what)));
	if (s->labels_len + label_bytes > s->labels_cap)
	{
		Size		cap = s->labels_cap;

		while (cap < s->labels_len + label_bytes)
			cap = (cap > MaxAllocSize / 2) ? MaxAllocSize : cap * 2;
		s->labels = repalloc(s->labels, cap);
		s->labels_cap = cap;
	}
}

/* a string into the labels buffer (room reserved); its offset */
static int64
put_label(ForestState *s, const char *str, Size len)
{
	int64		off = (int64) s->labels_len;

	memcpy(s->labels + s->labels_len, str, len);
	s->labels[s->labels_len + len] = '\0';
	s->labels_len += len + 1;
	return off;
}

/* append a study; label (UTF-8, len bytes, no NUL) may be NULL; so may group (no subgroups) */
static void
forest_state_add(ForestState *s, const char *label, Size len, const char *group, Size glen,
				 double yi, double vi)
{
	forest_state_reserve(s, 1, (label ? len + 1 : 0) + (group ? glen + 1 : 0));
	s->yi[s->k] = yi;
	s->vi[s->k] = vi;
	s->label[s->k] = label ? put_label(s, label, len) : -1;
	s->group[s->k] = group ? put_label(s, group, glen) : -1;
	s->k++;
}

/* an option that must be the same for every row of a group */
static void
set_option(ForestState *s, int32 *field, int32 value, const char *name)
{
	if (*field == -1)
		*field = value;
	else if (*field != value)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s of a %s must be the same for every row of a group", name, s->what),
				 errhint("Pass the %s as a constant.", name)));
}

static void
set_axis_title(ForestState *s, MemoryContext cxt, const char *title)
{
	if (s->axis_title == NULL)
		s->axis_title = MemoryContextStrdup(cxt, title);
	else if (strcmp(s->axis_title, title) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the axis title of a %s must be the same for every row of a group", s->what),
				 errhint("Pass the axis title as a constant.")));
}

/* text in the database encoding as UTF-8 (SQL_ASCII bytes are passed as they are) */
static char *
text_to_utf8(text *t, Size *len)
{
	const char *src = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);
	char	   *conv;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		*len = n;
		return (char *) src;
	}
	conv = pg_server_to_any(src, n, PG_UTF8);
	*len = (conv == src) ? (Size) n : strlen(conv);
	return conv;
}

/* where a transition's arguments are (-1: not given) */
typedef struct accum_args
{
	int			label,
				subgroup,
				yi,
				vi,
				method,
				title,
				test,
				prediction,
				tau2;
} accum_args;

static Datum
accum(FunctionCallInfo fcinfo, const char *what, const accum_args *a)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, what);
	ForestState *s = PG_ARGISNULL(0) ? forest_state_new(cxt, what) : (ForestState *) PG_GETARG_POINTER(0);
	msc_error	err;

	/* option text is read in the per-row context; the state lives in cxt */
	if (a->method >= 0 && !PG_ARGISNULL(a->method))
	{
		meta_method m;

		if (!stat_meta_method_parse(text_to_cstring(PG_GETARG_TEXT_PP(a->method)), &m, &err))
			msc_ereport(&err);
		set_option(s, &s->method, m, "method");
	}
	if (a->title >= 0 && !PG_ARGISNULL(a->title))
	{
		Size		len;
		char	   *title = text_to_utf8(PG_GETARG_TEXT_PP(a->title), &len);

		set_axis_title(s, cxt, pnstrdup(title, len));
	}
	if (a->test >= 0 && !PG_ARGISNULL(a->test))
	{
		meta_test	t;

		if (!stat_meta_test_parse(text_to_cstring(PG_GETARG_TEXT_PP(a->test)), &t, &err))
			msc_ereport(&err);
		set_option(s, &s->test, t, "test");
	}
	if (a->prediction >= 0 && !PG_ARGISNULL(a->prediction))
		set_option(s, &s->prediction, PG_GETARG_BOOL(a->prediction) ? 1 : 0, "prediction");
	if (a->tau2 >= 0 && !PG_ARGISNULL(a->tau2))
	{
		subgroup_tau2 t;

		if (!stat_subgroup_tau2_parse(text_to_cstring(PG_GETARG_TEXT_PP(a->tau2)), &t, &err))
			msc_ereport(&err);
		set_option(s, &s->tau2, t, "tau2");
	}
	s->subgroups = (a->subgroup >= 0);
	if (PG_ARGISNULL(a->yi) || PG_ARGISNULL(a->vi) ||
		(a->subgroup >= 0 && PG_ARGISNULL(a->subgroup)))
		s->skipped++;
	else
	{
		double		yi = PG_GETARG_FLOAT8(a->yi),
					vi = PG_GETARG_FLOAT8(a->vi);
		Size		len = 0,
					glen = 0;
		char	   *label = NULL,
				   *group = NULL;

		/* a bad study is an error at once, as in meta_analysis */
		if (!stat_meta_check_study(yi, vi, &err))
			msc_ereport(&err);
		if (!PG_ARGISNULL(a->label))
			label = text_to_utf8(PG_GETARG_TEXT_PP(a->label), &len);
		if (a->subgroup >= 0)
			group = text_to_utf8(PG_GETARG_TEXT_PP(a->subgroup), &glen);
		forest_state_add(s, label, len, group, glen, yi, vi);
	}
	PG_RETURN_POINTER(s);
}

/* forest_plot(label, yi, vi, method [, axis_title]) and funnel_plot(label, yi, vi [, method]) */
Datum
plot_state_accum(FunctionCallInfo fcinfo, const char *what)
{
	accum_args	a = {1, -1, 2, 3, PG_NARGS() > 4 ? 4 : -1, PG_NARGS() > 5 ? 5 : -1, -1, -1, -1};

	return accum(fcinfo, what, &a);
}

/* forest_plot(label, [subgroup,] yi, vi, method, axis_title [, test, prediction [, tau2]]) */
Datum
plot_state_accum_opts(FunctionCallInfo fcinfo, const char *what, bool subgroups)
{
	accum_args	a;

	if (subgroups)
		a = (accum_args) {1, 2, 3, 4, 5, 6, PG_NARGS() > 7 ? 7 : -1,
			PG_NARGS() > 8 ? 8 : -1, PG_NARGS() > 9 ? 9 : -1};
	else
		a = (accum_args) {1, -1, 2, 3, 4, 5, 6, 7, -1};
	return accum(fcinfo, what, &a);
}

/* Combine: append state2's studies to state1 (copied when state1 is NULL). */
Datum
plot_state_combine(FunctionCallInfo fcinfo, const char *what)
{
	MemoryContext cxt = msc_aggregate_context(fcinfo, what);
	ForestState *s1 = PG_ARGISNULL(0) ? NULL : (ForestState *) PG_GETARG_POINTER(0);
	ForestState *s2 = PG_ARGISNULL(1) ? NULL : (ForestState *) PG_GETARG_POINTER(1);

	if (s2 == NULL)
		PG_RETURN_POINTER(s1);
	if (s1 == NULL)
		s1 = forest_state_new(cxt, what);
	if (s2->method != -1)
		set_option(s1, &s1->method, s2->method, "method");
	if (s2->test != -1)
		set_option(s1, &s1->test, s2->test, "test");
	if (s2->prediction != -1)
		set_option(s1, &s1->prediction, s2->prediction, "prediction");
	if (s2->tau2 != -1)
		set_option(s1, &s1->tau2, s2->tau2, "tau2");
	s1->subgroups = s2->subgroups;
	if (s2->axis_title != NULL)
		set_axis_title(s1, cxt, s2->axis_title);
	s1->skipped += s2->skipped;
	for (int i = 0; i < s2->k; i++)
	{
		const char *l = s2->label[i] < 0 ? NULL : s2->labels + s2->label[i];
		const char *g = s2->group[i] < 0 ? NULL : s2->labels + s2->group[i];

		forest_state_add(s1, l, l ? strlen(l) : 0, g, g ? strlen(g) : 0, s2->yi[i], s2->vi[i]);
	}
	PG_RETURN_POINTER(s1);
}

/* a label or subgroup name: its length and bytes, -1 for NULL */
static void
send_label(StringInfo buf, const ForestState *s, int64 off)
{
	if (off < 0)
		pq_sendint32(buf, -1);
	else
	{
		const char *l = s->labels + off;
		int			len = strlen(l);

		pq_sendint32(buf, len);
		pq_sendbytes(buf, l, len);
	}
}

Datum
plot_state_serialize(FunctionCallInfo fcinfo)
{
	ForestState *s = (ForestState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FOREST_STATE_VERSION);
	pq_sendint32(&buf, s->method);
	pq_sendint32(&buf, s->test);
	pq_sendint32(&buf, s->prediction);
	pq_sendint32(&buf, s->tau2);
	pq_sendbyte(&buf, s->subgroups ? 1 : 0);
	pq_sendint64(&buf, s->skipped);
	if (s->axis_title)
	{
		int			len = strlen(s->axis_title);

		pq_sendbyte(&buf, 1);
		pq_sendint32(&buf, len);
		pq_sendbytes(&buf, s->axis_title, len);
	}
	else
		pq_sendbyte(&buf, 0);
	pq_sendint32(&buf, s->k);
	for (int i = 0; i < s->k; i++)
	{
		pq_sendfloat8(&buf, s->yi[i]);
		pq_sendfloat8(&buf, s->vi[i]);
		send_label(&buf, s, s->label[i]);
		if (s->subgroups)
			send_label(&buf, s, s->group[i]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_state(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid forest plot state")));
}

/* a counted string of the state: its length checked against what is left, no NUL inside */
static const char *
read_counted(StringInfo buf, int len)
{
	const char *p;

	if (len < 0 || len > buf->len - buf->cursor)
		bad_state();
	p = pq_getmsgbytes(buf, len);
	if (memchr(p, '\0', len) != NULL)
		bad_state();
	return p;
}

Datum
plot_state_deserialize(FunctionCallInfo fcinfo, const char *what)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext cxt = msc_aggregate_context(fcinfo, what);
	StringInfoData buf;
	ForestState *s;
	int			k;

	/* a read-only StringInfo over the bytea (initReadOnlyStringInfo in 17+) */
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != FOREST_STATE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unknown forest plot state format")));
	s = forest_state_new(cxt, what);
	s->method = pq_getmsgint(&buf, 4);
	s->test = pq_getmsgint(&buf, 4);
	s->prediction = pq_getmsgint(&buf, 4);
	s->tau2 = pq_getmsgint(&buf, 4);
	s->subgroups = pq_getmsgbyte(&buf) != 0;
	if (s->method < -1 || s->method > META_PM || s->test < -1 || s->test > META_KNHA ||
		s->prediction < -1 || s->prediction > 1 || s->tau2 < -1 || s->tau2 > SUBGROUP_COMMON)
		bad_state();
	s->skipped = pq_getmsgint64(&buf);
	if (s->skipped < 0)
		bad_state();
	if (pq_getmsgbyte(&buf) != 0)
	{
		int			len = pq_getmsgint(&buf, 4);
		const char *t = read_counted(&buf, len);

		s->axis_title = MemoryContextAlloc(cxt, len + 1);
		memcpy(s->axis_title, t, len);
		s->axis_title[len] = '\0';
	}
	k = pq_getmsgint(&buf, 4);
	/* every study takes at least 20 bytes */
	if (k < 0 || (int64) k * 20 > buf.len - buf.cursor)
		bad_state();
	for (int i = 0; i < k; i++)
	{
		double		yi = pq_getmsgfloat8(&buf),
					vi = pq_getmsgfloat8(&buf);
		int			len = pq_getmsgint(&buf, 4),
					glen = 0;
		const char *l = (len == -1) ? NULL : read_counted(&buf, len),
				   *g = NULL;
		msc_error	err;

		if (!stat_meta_check_study(yi, vi, &err))
			bad_state();
		if (s->subgroups)
		{
			/* every study of a subgroup plot has its subgroup */
			glen = pq_getmsgint(&buf, 4);
			g = read_counted(&buf, glen);
		}
		forest_state_add(s, l, l ? len : 0, g, glen, yi, vi);
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* the labels of the studies, NULL where a label is NULL (NULL for no studies) */
const char **
plot_state_labels(const ForestState *s)
{
	const char **labels = NULL;

	if (s->k > 0)
	{
		labels = palloc(sizeof(char *) * s->k);
		for (int i = 0; i < s->k; i++)
			labels[i] = s->label[i] < 0 ? NULL : s->labels + s->label[i];
	}
	return labels;
}

/* the output buffer grows in the current memory context, up to a text's limit */
void *
plot_palloc_grow(void *ptr, size_t size)
{
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the plot would be larger than 1 GB")));
	return ptr ? repalloc(ptr, size) : palloc(size);
}

/* subgroups in the order of their first study; group[i] is study i's */
static forest_subgroups *
state_subgroups(const ForestState *s)
{
	forest_subgroups *sub = palloc(sizeof(forest_subgroups));
	int		   *group = palloc(sizeof(int) * Max(s->k, 1));
	const char **names = palloc(sizeof(char *) * Max(s->k, 1));
	int			n = 0;

	for (int i = 0; i < s->k; i++)
	{
		const char *g = s->labels + s->group[i];
		int			j;

		CHECK_FOR_INTERRUPTS();
		for (j = 0; j < n; j++)
			if (strcmp(names[j], g) == 0)
				break;
		if (j == n)
			names[n++] = g;
		group[i] = j;
	}
	sub->group = group;
	sub->names = names;
	sub->ngroups = n;
	return sub;
}

PG_FUNCTION_INFO_V1(forest_plot_final);
Datum
forest_plot_final(PG_FUNCTION_ARGS)
{
	ForestState *s = PG_ARGISNULL(0) ? NULL : (ForestState *) PG_GETARG_POINTER(0);
	forest_options opt;
	forest_buf	out;
	msc_error	err;
	bool		ok;

	forest_options_init(&opt);
	forest_buf_init(&out, plot_palloc_grow);
	if (s == NULL)
		ok = forest_plot_svg_opts(&out, NULL, NULL, NULL, 0, NULL, &opt, NULL, 0, &err);
	else
	{
		if (s->method >= 0)
			opt.method = (meta_method) s->method;
		if (s->test >= 0)
			opt.test = (meta_test) s->test;
		if (s->prediction >= 0)
			opt.prediction = (s->prediction == 1);
		if (s->tau2 >= 0)
			opt.tau2 = (subgroup_tau2) s->tau2;
		ok = forest_plot_svg_opts(&out, plot_state_labels(s), s->yi, s->vi, s->k,
								  (s->subgroups && s->k > 0) ? state_subgroups(s) : NULL,
								  &opt, s->axis_title, (long) s->skipped, &err);
	}
	if (!ok)
		msc_ereport(&err);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

/* the forest plot's entry points */
PG_FUNCTION_INFO_V1(forest_plot_accum);
Datum
forest_plot_accum(PG_FUNCTION_ARGS)
{
	return plot_state_accum(fcinfo, "forest plot");
}

PG_FUNCTION_INFO_V1(forest_plot_opts_accum);
Datum
forest_plot_opts_accum(PG_FUNCTION_ARGS)
{
	return plot_state_accum_opts(fcinfo, "forest plot", false);
}

PG_FUNCTION_INFO_V1(forest_plot_subgroup_accum);
Datum
forest_plot_subgroup_accum(PG_FUNCTION_ARGS)
{
	return plot_state_accum_opts(fcinfo, "forest plot", true);
}

PG_FUNCTION_INFO_V1(forest_plot_combine);
Datum
forest_plot_combine(PG_FUNCTION_ARGS)
{
	return plot_state_combine(fcinfo, "forest plot");
}

PG_FUNCTION_INFO_V1(forest_plot_serialize);
Datum
forest_plot_serialize(PG_FUNCTION_ARGS)
{
	return plot_state_serialize(fcinfo);
}

PG_FUNCTION_INFO_V1(forest_plot_deserialize);
Datum
forest_plot_deserialize(PG_FUNCTION_ARGS)
{
	return plot_state_deserialize(fcinfo, "forest plot");
}
