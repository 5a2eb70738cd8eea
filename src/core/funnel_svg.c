/*
 * funnel_svg.c — the contour-enhanced funnel plot as SVG 1.1 (see
 * funnel_svg.h for what is drawn).  Text, numbers, axes and the document
 * frame come from forest_svg.c.
 *
 * Layout: the title line; the plot area (PLOT_W x PLOT_H) with the
 * standard-error axis on its left (0 at the top) and the effect axis below
 * it; the legend of the shades; a note on rows left out.  The shaded
 * triangles and the lines are clipped to the plot area.
 */
#include "funnel_svg.h"

#include "msc_interrupt.h"
#include "stat_dist.h"

#include <math.h>
#include <stdio.h>

#define MARGIN 20.0
#define PLOT_W 360.0			/* as forest_svg.c's axis_make expects */
#define PLOT_H 280.0
#define FS_SMALL 12.0
#define POINT_R 4.0

#define INK "#222222"
#define STUDY_COLOUR "#1f3b57"
#define POOLED_COLOUR "#b03a2e"
#define ZERO_COLOUR "#777777"

/* the contours: two-sided levels of a z test against 0, widest first */
static const struct
{
	double		p;				/* p below this outside the triangle */
	const char *fill;			/* shade of p < this level */
	const char *legend;
}			contours[3] = {
	{0.01, "#a6a6a6", "p < 0.01"},
	{0.05, "#c8c8c8", "0.01 < p < 0.05"},
	{0.10, "#e6e6e6", "0.05 < p < 0.10"},
};

static bool
fail_draw(msc_error *err, const char *what)
{
	return msc_fail(err, MSC_ERR_RANGE, NULL,
					"Rescale the effect sizes (for example to other units) so that they and their variances are moderate numbers.",
					"%s", what);
}

static bool
finish(forest_buf *out, msc_error *err)
{
	if (out->failed)
		return msc_fail(err, MSC_ERR_RANGE, NULL, "Draw fewer studies or shorter labels.",
						"out of memory while drawing the funnel plot");
	return true;
}

static bool
write_empty(forest_buf *out, long skipped, msc_error *err)
{
	svg_empty(out, "Funnel plot", skipped);
	return finish(out, err);
}

typedef struct frame
{
	axis		ax;				/* effect */
	axis		ay;				/* standard error, ay.lo = 0 */
	double		x0;				/* left of the plot area */
	double		y0;				/* top of the plot area */
} frame;

static double
px(const frame *f, double v)
{
	return f->x0 + (v - f->ax.lo) / (f->ax.hi - f->ax.lo) * PLOT_W;
}

static double
py(const frame *f, double se)
{
	return f->y0 + (se - f->ay.lo) / (f->ay.hi - f->ay.lo) * PLOT_H;
}

/* a triangle with its apex at (centre, se 0) and its base at the bottom of the plot */
static void
put_triangle(forest_buf *out, const frame *f, double centre, double z, const char *attrs)
{
	double		bottom = f->ay.hi;

	forest_buf_printf(out, "<polygon points=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f\" %s/>\n",
					  px(f, centre - z * bottom), py(f, bottom), px(f, centre), py(f, 0),
					  px(f, centre + z * bottom), py(f, bottom), attrs);
}

bool
funnel_plot_svg(forest_buf *out, const char *const *labels,
				const double *yi, const double *vi, int k,
				meta_method method, long skipped, msc_error *err)
{
	const double crit = stat_qnorm(0.975, true);
	meta_result r;
	frame		f;
	double		se_max = 0,
				dmin = 0,
				dmax = 0,
				ytick_w = 0,
				width,
				height,
				y_bottom,
				lx;
	char		num[64],
				title[192],
				note[128];

	msc_error_clear(err);
	if (k < 1)
		return write_empty(out, skipped, err);
	if (k > FOREST_MAX_STUDIES)
		return msc_fail(err, MSC_ERR_LIMIT, NULL, FOREST_MAX_STUDIES_HINT,
						"a funnel plot draws at most %d studies, not %d",
						FOREST_MAX_STUDIES, k);
	for (int i = 0; i < k; i++)
	{
		msc_check_interrupts();
		if (!stat_meta_check_study(yi[i], vi[i], err))
			return false;
		se_max = fmax(se_max, sqrt(vi[i]));
		dmin = fmin(dmin, yi[i]);
		dmax = fmax(dmax, yi[i]);
	}
	if (!stat_meta_pool(yi, vi, k, method, META_Z, &r, err))
		return false;
	if (!isfinite(r.estimate))
		return fail_draw(err, "the pooled estimate of these studies is not a finite number");

	/* the axes: se from 0; effects, 0 and both funnels at the widest se */
	if (!axis_make(&f.ay, 0, se_max, 0))
		return fail_draw(err, "the standard errors span too wide a range to draw");
	dmin = fmin(dmin, fmin(-crit * f.ay.hi, r.estimate - crit * f.ay.hi));
	dmax = fmax(dmax, fmax(crit * f.ay.hi, r.estimate + crit * f.ay.hi));
	if (!isfinite(dmin) || !isfinite(dmax) || !axis_make(&f.ax, dmin, dmax, 0))
		return fail_draw(err, "the effect sizes span too wide a range to draw");
	for (int t = 0; t < f.ay.nticks; t++)
		ytick_w = fmax(ytick_w, text_width(fmt_num(num, sizeof(num), (double) (f.ay.first + t) * f.ay.step,
												   &f.ay.tick), FS_SMALL, false));
	f.x0 = MARGIN + 18 + ceil(ytick_w) + 8;
	f.y0 = MARGIN + 28;
	y_bottom = f.y0 + PLOT_H;
	width = f.x0 + PLOT_W + MARGIN;
	snprintf(title, sizeof(title), "Funnel plot: k = %d, pooled estimate %s (%s)", k,
			 fmt_num(num, sizeof(num), r.estimate, &f.ax.value), stat_meta_method_name(method));
	width = fmax(width, ceil(text_width(title, 13, true) + 2 * MARGIN));
	put_note_text(note, sizeof(note), skipped);
	if (skipped > 0)
		width = fmax(width, ceil(text_width(note, FS_SMALL, false) + 2 * MARGIN));
	height = y_bottom + 64 + (skipped > 0 ? 18 : 0) + MARGIN;

	svg_open(out, width, height);
	forest_buf_printf(out, "<title>Funnel plot: %d %s, %s</title>\n", k, k == 1 ? "study" : "studies",
					  stat_meta_method_name(method));
	forest_buf_printf(out, "<desc>Effect against standard error (0 at the top); the shaded regions are where a study's z test against 0 gives p &lt; 0.10, 0.05 and 0.01.</desc>\n");
	svg_background(out, width, height);
	forest_buf_printf(out, "<text class=\"title\" x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">", MARGIN, MARGIN + 13);
	put_text(out, title);
	forest_buf_printf(out, "</text>\n<defs><clipPath id=\"funnel-area\"><rect x=\"%.1f\" y=\"%.1f\" "
					  "width=\"%.1f\" height=\"%.1f\"/></clipPath></defs>\n", f.x0, f.y0, PLOT_W, PLOT_H);

	/* the contours: darkest (p < 0.01) everywhere, lighter inside each triangle */
	forest_buf_printf(out, "<g class=\"contours\" clip-path=\"url(#funnel-area)\">\n"
					  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
					  f.x0, f.y0, PLOT_W, PLOT_H, contours[0].fill);
	for (int c = 0; c < 3; c++)
	{
		char		attrs[64];

		snprintf(attrs, sizeof(attrs), "fill=\"%s\"", c < 2 ? contours[c + 1].fill : "#ffffff");
		put_triangle(out, &f, 0, stat_qnorm(1 - contours[c].p / 2, true), attrs);
	}
	forest_buf_printf(out, "</g>\n");

	/* zero, the pooled estimate and its pseudo 95% region */
	forest_buf_printf(out, "<g class=\"lines\" clip-path=\"url(#funnel-area)\" fill=\"none\">\n"
					  "<line class=\"zero\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" ZERO_COLOUR "\" stroke-dasharray=\"2 2\"/>\n",
					  px(&f, 0), f.y0, px(&f, 0), y_bottom);
	forest_buf_printf(out, "<line class=\"pooled\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" POOLED_COLOUR "\" stroke-width=\"1.5\"/>\n",
					  px(&f, r.estimate), f.y0, px(&f, r.estimate), y_bottom);
	put_triangle(out, &f, r.estimate, crit,
				 "class=\"pseudo-ci\" stroke=\"" INK "\" stroke-dasharray=\"5 3\"");
	forest_buf_printf(out, "</g>\n<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
					  "fill=\"none\" stroke=\"" INK "\"/>\n", f.x0, f.y0, PLOT_W, PLOT_H);

	/* the studies, with their label, effect and standard error as a tooltip */
	forest_buf_printf(out, "<g class=\"studies\" fill=\"" STUDY_COLOUR "\" stroke=\"#ffffff\" stroke-width=\"0.8\">\n");
	for (int i = 0; i < k; i++)
	{
		const char *l = (labels && labels[i]) ? labels[i] : "(no label)";
		double		se = sqrt(vi[i]);

		msc_check_interrupts();
		forest_buf_printf(out, "<g class=\"study\"><title>");
		put_text_all(out, l);
		forest_buf_printf(out, ": %s, SE %s</title>", fmt_num(num, sizeof(num), yi[i], &f.ax.value),
						  fmt_num(title, sizeof(title), se, &f.ay.value));
		forest_buf_printf(out, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\"/></g>\n",
						  px(&f, yi[i]), py(&f, se), POINT_R);
	}
	forest_buf_printf(out, "</g>\n");

	/* the axes */
	forest_buf_printf(out, "<g class=\"axis\" font-size=\"%.0f\">\n", FS_SMALL);
	for (int t = 0; t < f.ax.nticks; t++)
	{
		double		v = (double) (f.ax.first + t) * f.ax.step;

		forest_buf_printf(out, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"" INK "\"/>"
						  "<text class=\"xtick\" x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
						  px(&f, v), y_bottom, px(&f, v), y_bottom + 5, px(&f, v), y_bottom + 18,
						  fmt_num(num, sizeof(num), v, &f.ax.tick));
	}
	for (int t = 0; t < f.ay.nticks; t++)
	{
		double		v = (double) (f.ay.first + t) * f.ay.step;

		forest_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.2f\" x2=\"%.1f\" y2=\"%.2f\" stroke=\"" INK "\"/>"
						  "<text class=\"ytick\" x=\"%.1f\" y=\"%.2f\" text-anchor=\"end\">%s</text>\n",
						  f.x0 - 5, py(&f, v), f.x0, py(&f, v), f.x0 - 7, py(&f, v) + 4,
						  fmt_num(num, sizeof(num), v, &f.ay.tick));
	}
	forest_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">Effect size</text>\n"
					  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">Standard error</text>\n</g>\n",
					  f.x0 + PLOT_W / 2, y_bottom + 36, MARGIN + 8, f.y0 + PLOT_H / 2, MARGIN + 8, f.y0 + PLOT_H / 2);

	/* the legend: the shades, the estimate and its region */
	forest_buf_printf(out, "<g class=\"legend\" font-size=\"%.0f\">\n", FS_SMALL);
	lx = f.x0;
	for (int c = 2; c >= 0; c--)
	{
		forest_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"" INK "\" stroke-width=\"0.5\"/>"
						  "<text x=\"%.1f\" y=\"%.1f\">",
						  lx, y_bottom + 50, contours[c].fill, lx + 16, y_bottom + 60);
		put_text(out, contours[c].legend);
		forest_buf_printf(out, "</text>\n");
		lx += 16 + ceil(text_width(contours[c].legend, FS_SMALL, false)) + 14;
	}
	forest_buf_printf(out, "</g>\n");
	if (skipped > 0)
	{
		forest_buf_printf(out, "<text class=\"note\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\">", MARGIN, y_bottom + 80, FS_SMALL);
		put_text(out, note);
		forest_buf_printf(out, "</text>\n");
	}
	forest_buf_printf(out, "</svg>\n");
	return finish(out, err);
}
