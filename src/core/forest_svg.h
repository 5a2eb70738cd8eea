/*
 * forest_svg.h — a forest plot of a meta-analysis as an SVG 1.1 document.
 *
 * One row per study (label, 95% CI line, a square whose area is
 * proportional to the study's weight, "estimate [low, high]" and weight
 * percent), optionally in subgroup blocks each closed by its own diamond,
 * the pooled diamond (z or Knapp-Hartung interval, optionally with the
 * prediction interval as a dotted bar), an x axis with 1-2-5 ticks and a dashed
 * null line at 0, and the heterogeneity and overall-effect lines.  Studies
 * are drawn top to bottom in the order given.  Effects are drawn on the
 * scale they are given in (log RR and log OR on the log scale).
 *
 * The document is pure ASCII: every character outside printable ASCII is
 * written as a numeric character reference, so the text is the same in any
 * database encoding.  Labels are read as UTF-8; invalid bytes and control
 * characters other than white space are drawn as U+FFFD, white space runs
 * become one space, and & < > " ' are escaped, so the output is always
 * well-formed XML.  A label longer than FOREST_LABEL_MAX_CHARS characters
 * is drawn cut with an ellipsis, and the whole label is kept in a <title>
 * (the tooltip) of that row: the drawing is shortened, the data is not.
 */
#ifndef FOREST_SVG_H
#define FOREST_SVG_H

#include "forest_model.h"
#include "msc_error.h"
#include "stat_meta.h"

#include <stdbool.h>
#include <stddef.h>

/* longest label and axis title drawn in full (characters) */
#define FOREST_LABEL_MAX_CHARS 48
#define FOREST_TITLE_MAX_CHARS 80

/*
 * Most studies one plot draws.  2,000 rows are a figure 44,000 px tall,
 * already far past what a reader can take in; beyond that a plot is a
 * mistake (a missing GROUP BY or WHERE), and a million rows would build
 * half a gigabyte of SVG.  More is a 54000 error before anything is drawn.
 */
#define FOREST_MAX_STUDIES 2000
#define FOREST_MAX_STUDIES_HINT \
	"Plot fewer studies (a WHERE clause, or one plot per subgroup with GROUP BY); " \
	"meta_analysis() pools any number of studies."

/*
 * A growable, always NUL-terminated string.  grow behaves as realloc
 * (NULL ptr: a new block) and returns NULL on failure; NULL selects
 * realloc itself.  A caller with its own allocator frees data itself;
 * forest_buf_free is for the realloc default.
 */
typedef void *(*forest_realloc_fn) (void *ptr, size_t size);

typedef struct forest_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	forest_realloc_fn grow;
	bool		failed;			/* an allocation failed; data is incomplete */
} forest_buf;

void		forest_buf_init(forest_buf *b, forest_realloc_fn grow);
void		forest_buf_free(forest_buf *b);
bool		forest_buf_append(forest_buf *b, const char *s, size_t n);
bool		forest_buf_printf(forest_buf *b, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 2, 3)))
#endif
			;

/*
 * Check the k studies (labels[i] NULL for a study without a label; labels
 * may be NULL altogether), pool them with method and a z test
 * (stat_meta_pool), and append the SVG to out.  k = 0 gives a small
 * document saying there are no studies.  axis_title NULL gives "Effect
 * size"; skipped > 0 adds a note that many rows were left out (NULL effect
 * or variance).  False with an error: 22023 for a bad effect or variance
 * (as meta_analysis), 22003 when the numbers are too large to draw, or
 * when out could not grow; 54000 for more than FOREST_MAX_STUDIES studies.
 */
bool		forest_plot_svg(forest_buf *out, const char *const *labels,
							const double *yi, const double *vi, int k,
							meta_method method, const char *axis_title,
							long skipped, msc_error *err);

/* subgroups of a forest plot: study i in group[i] (0 .. ngroups - 1), named names[g] (UTF-8) */
typedef struct forest_subgroups
{
	const int  *group;
	const char *const *names;
	int			ngroups;
} forest_subgroups;

/*
 * forest_plot_svg with options (forest_model.h: method, test, prediction
 * interval, subgroup tau^2) and, when sub is not NULL, subgroup blocks:
 * each subgroup's name, its studies in the order given and its diamond,
 * then the overall diamond and the test for subgroup differences.  The
 * errors of forest_plot_svg, and 22023 for options forest_model_fit
 * refuses.
 */
bool		forest_plot_svg_opts(forest_buf *out, const char *const *labels,
								 const double *yi, const double *vi, int k,
								 const forest_subgroups *sub, const forest_options *opt,
								 const char *axis_title, long skipped, msc_error *err);

/* The drawing alone, for a pooled result already computed (k >= 1). */
bool		forest_svg_write(forest_buf *out, const char *const *labels,
							 const double *yi, const double *vi, int k,
							 const meta_result *pooled, const char *axis_title,
							 long skipped, msc_error *err);

/*
 * Drawing helpers shared with the other plots (funnel_svg.c).
 */

/* fixed decimals, or 3 significant digits with an exponent (sci) */
typedef struct numfmt
{
	bool		sci;
	int			dec;
} numfmt;

/* a linear axis with 1-2-5 ticks: first * step .. (first + nticks - 1) * step */
typedef struct axis
{
	double		lo;
	double		hi;
	double		step;
	long		first;			/* lo = first * step */
	int			nticks;
	numfmt		tick;
	numfmt		value;			/* estimates and intervals */
} axis;

/* a text escaped for XML, in ASCII: whole (put_text_all) or cut at 160 characters */
void		put_text_all(forest_buf *b, const char *text);
void		put_text(forest_buf *b, const char *text);
/* its drawn width in px at font size fs (estimated for DejaVu Sans) */
double		text_width(const char *text, double fs, bool bold);
/* v with f's decimals or exponent, never "-0.00"; returns buf */
const char *fmt_num(char *buf, size_t len, double v, const numfmt *f);
/* about five 1-2-5 ticks over [dmin, dmax] whose labels fit 360 px; false when unscalable */
bool		axis_make(axis *a, double dmin, double dmax, double min_half);
/* the <svg> start tag (font size 13) and a white background */
void		svg_open(forest_buf *b, double w, double h);
void		svg_background(forest_buf *b, double w, double h);
/* the small document of a plot ("Forest plot", ...) without studies, with the note on skipped rows */
void		svg_empty(forest_buf *b, const char *plot, long skipped);
/* "N rows without an effect or a variance (NULL) are not shown" */
void		put_note_text(char *buf, size_t len, long skipped);

#endif
