/*
 * funnel_svg.h — a contour-enhanced funnel plot of a meta-analysis as an
 * SVG 1.1 document.
 *
 * Each study is a point at its effect (x) and standard error (y, 0 at the
 * top, as metafor's funnel()).  The pooled estimate is a vertical line with
 * its pseudo 95% region (estimate +- 1.96 se, a dashed triangle); behind
 * them the regions where a study's own z test against 0 has p < 0.10,
 * < 0.05 and < 0.01 are shaded darker in turn (metafor's funnel(...,
 * level = c(90, 95, 99), refline = 0, shade = ...)), so asymmetry can be
 * told from studies missing where they would not be significant.  A title
 * line gives k and the estimate; a legend names the shades.  Text is made
 * safe as in forest_svg.h (labels are the points' tooltips).
 */
#ifndef FUNNEL_SVG_H
#define FUNNEL_SVG_H

#include "forest_svg.h"

/*
 * Check the k studies (labels[i] NULL for a study without a label; labels
 * may be NULL altogether), pool them with method (stat_meta_pool, z test)
 * and append the SVG to out.  k = 0 gives a small document saying there
 * are no studies; skipped > 0 adds a note on the rows left out (NULL
 * effect or variance).  False with an error: 22023 for a bad effect or
 * variance, 22003 when the numbers are too large to draw or out could not
 * grow, 54000 for more than FOREST_MAX_STUDIES studies.
 */
bool		funnel_plot_svg(forest_buf *out, const char *const *labels,
							const double *yi, const double *vi, int k,
							meta_method method, long skipped, msc_error *err);

#endif
