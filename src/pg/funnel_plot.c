/*
 * funnel_plot.c — the aggregates funnel_plot(label, yi, vi) and
 * funnel_plot(label, yi, vi, method) returning a contour-enhanced funnel
 * plot as an SVG document (drawn by src/core/funnel_svg.c).
 *
 * The state is forest_plot's (plot_state.h): the studies in the order the
 * rows arrive, concatenated across parallel workers.  Rows with a NULL yi
 * or vi are counted, not drawn, and the plot says how many there were; a
 * NULL method is REML, as in meta_analysis.
 */
#include "msc_pg.h"

#include "utils/builtins.h"

#include "../core/funnel_svg.h"
#include "plot_state.h"

#define WHAT "funnel plot"

PG_FUNCTION_INFO_V1(funnel_plot_accum);
Datum
funnel_plot_accum(PG_FUNCTION_ARGS)
{
	return plot_state_accum(fcinfo, WHAT);
}

PG_FUNCTION_INFO_V1(funnel_plot_combine);
Datum
funnel_plot_combine(PG_FUNCTION_ARGS)
{
	return plot_state_combine(fcinfo, WHAT);
}

PG_FUNCTION_INFO_V1(funnel_plot_serialize);
Datum
funnel_plot_serialize(PG_FUNCTION_ARGS)
{
	return plot_state_serialize(fcinfo);
}

PG_FUNCTION_INFO_V1(funnel_plot_deserialize);
Datum
funnel_plot_deserialize(PG_FUNCTION_ARGS)
{
	return plot_state_deserialize(fcinfo, WHAT);
}

PG_FUNCTION_INFO_V1(funnel_plot_final);
Datum
funnel_plot_final(PG_FUNCTION_ARGS)
{
	ForestState *s = PG_ARGISNULL(0) ? NULL : (ForestState *) PG_GETARG_POINTER(0);
	meta_method method = (s && s->method >= 0) ? (meta_method) s->method : META_REML;
	forest_buf out;
	msc_error	err;
	bool		ok;

	forest_buf_init(&out, plot_palloc_grow);
	if (s == NULL)
		ok = funnel_plot_svg(&out, NULL, NULL, NULL, 0, method, 0, &err);
	else
		ok = funnel_plot_svg(&out, plot_state_labels(s), s->yi, s->vi, s->k, method,
							 (long) s->skipped, &err);
	if (!ok)
		msc_ereport(&err);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}
