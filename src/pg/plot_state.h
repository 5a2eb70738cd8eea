/*
 * plot_state.h — the aggregate state shared by forest_plot and funnel_plot
 * (src/pg/forest_plot.c): the studies in the order the rows arrive, the
 * method, the axis title, forest_plot's options and subgroups, and how
 * many rows had a NULL yi or vi (or subgroup).  Each
 * aggregate's entry points call these with its name for messages.
 */
#ifndef PLOT_STATE_H
#define PLOT_STATE_H

#include "postgres.h"
#include "fmgr.h"

typedef struct ForestState
{
	const char *what;			/* "forest plot", "funnel plot": for messages */
	int32		k;
	int32		capacity;
	int32		method;			/* meta_method; -1 while unset */
	int64		skipped;		/* rows with a NULL yi or vi */
	double	   *yi;
	double	   *vi;
	int64	   *label;			/* offset into labels, -1 for a NULL label */
	char	   *labels;
	Size		labels_len;
	Size		labels_cap;
	char	   *axis_title;		/* NULL while unset */
	/* forest_plot's options and subgroups (plot_state_accum_opts) */
	int32		test;			/* meta_test; -1 while unset */
	int32		prediction;		/* 0, 1; -1 while unset */
	int32		tau2;			/* subgroup_tau2; -1 while unset */
	bool		subgroups;		/* drawn in subgroup blocks */
	int64	   *group;			/* offset of the subgroup's name into labels */
} ForestState;

Datum		plot_state_accum(FunctionCallInfo fcinfo, const char *what);
/* forest_plot(label, [subgroup,] yi, vi, method, axis_title [, test, prediction [, tau2]]) */
Datum		plot_state_accum_opts(FunctionCallInfo fcinfo, const char *what, bool subgroups);
Datum		plot_state_combine(FunctionCallInfo fcinfo, const char *what);
Datum		plot_state_serialize(FunctionCallInfo fcinfo);
Datum		plot_state_deserialize(FunctionCallInfo fcinfo, const char *what);
const char **plot_state_labels(const ForestState *s);
/* a forest_buf allocator: palloc in the current context, up to a text's limit */
void	   *plot_palloc_grow(void *ptr, size_t size);

#endif
