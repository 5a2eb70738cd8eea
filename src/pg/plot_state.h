/*
 * plot_state.h — the aggregate state shared by forest_plot and funnel_plot
 * (src/pg/forest_plot.c): the studies in the order the rows arrive, the
 * method, the axis title and how many rows had a NULL yi or vi.  Each
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
} ForestState;

Datum		plot_state_accum(FunctionCallInfo fcinfo, const char *what);
Datum		plot_state_combine(FunctionCallInfo fcinfo, const char *what);
Datum		plot_state_serialize(FunctionCallInfo fcinfo);
Datum		plot_state_deserialize(FunctionCallInfo fcinfo, const char *what);
const char **plot_state_labels(const ForestState *s);
/* a forest_buf allocator: palloc in the current context, up to a text's limit */
void	   *plot_palloc_grow(void *ptr, size_t size);

#endif
