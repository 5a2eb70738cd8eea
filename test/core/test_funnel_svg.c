/*
 * The funnel plot SVG writer: well-formed output for any label, every part
 * drawn, points, the pooled line and the contours where the axes say,
 * labels escaped, the study limit and errors.
 */
#include "unit.h"
#include "funnel_svg.h"
#include "xml_check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const knee_label[] = {"Aster 2016", "Borealis 2017", "Corvin 2018", NULL, "Eskola 2020"};
static const double knee_yi[] = {-1.32, 0.05, -0.48, -0.30, -0.90};
static const double knee_vi[] = {0.138, 0.168, 0.069, 0.090, 0.200};

static char *
plot(const char *const *labels, const double *yi, const double *vi, int k, meta_method m, long skipped)
{
	forest_buf b;
	msc_error	err;

	forest_buf_init(&b, NULL);
	if (!funnel_plot_svg(&b, labels, yi, vi, k, m, skipped, &err))
	{
		fprintf(stderr, "funnel_plot_svg failed: %s\n", err.message);
		forest_buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* the n-th number after the n-th occurrence of key (e.g. 'class="xtick" x="') */
static double
attr_after(const char *svg, const char *key, int n)
{
	const char *p = svg;

	for (int i = 0; i <= n; i++)
	{
		p = strstr(p, key);
		if (p == NULL)
			return NAN;
		p += strlen(key);
	}
	return strtod(p, NULL);
}

/* the value of the n-th tick of a class: its position (attribute) and label */
static bool
tick(const char *svg, const char *cls, const char *coord, int n, double *pos, double *val)
{
	char		key[64],
				attr[8];
	const char *p;

	snprintf(key, sizeof(key), "class=\"%s\"", cls);
	snprintf(attr, sizeof(attr), " %s=\"", coord);
	p = svg;
	for (int i = 0; i <= n; i++)
	{
		p = strstr(p, key);
		if (p == NULL)
			return false;
		p += strlen(key);
	}
	p = strstr(p, attr);
	if (p == NULL)
		return false;
	*pos = strtod(p + strlen(attr), NULL);
	p = strchr(p, '>');
	*val = p ? strtod(p + 1, NULL) : NAN;
	return p != NULL;
}

/* a pixel position read back on an axis from its first two ticks */
static double
read_axis(const char *svg, const char *cls, const char *coord, double px, double offset)
{
	double		p0,
				v0,
				p1,
				v1;

	if (!tick(svg, cls, coord, 0, &p0, &v0) || !tick(svg, cls, coord, 1, &p1, &v1))
		return NAN;
	return v0 + (px + offset - p0) / (p1 - p0) * (v1 - v0);
}

static void
test_structure(void)
{
	char	   *svg = plot(knee_label, knee_yi, knee_vi, 5, META_REML, 0);

	expect_well_formed(svg, "knee");
	if (!svg)
		return;
	CHECK(count(svg, "<g class=\"study\">") == 5, "5 points");
	CHECK(count(svg, "<circle ") == 5, "5 circles");
	CHECK(count(svg, "<polygon ") == 4, "3 contours and the pseudo 95%% region");
	CHECK(count(svg, "class=\"pooled\"") == 1 && count(svg, "class=\"zero\"") == 1, "the lines");
	CHECK(count(svg, "class=\"xtick\"") >= 3 && count(svg, "class=\"ytick\"") >= 3, "ticks");
	CHECK(strstr(svg, ">Funnel plot: k = 5, pooled estimate ") != NULL, "title line");
	CHECK(strstr(svg, "(no label): -0.30, SE 0.30</title>") != NULL, "a NULL label's tooltip");
	CHECK(strstr(svg, "class=\"note\"") == NULL, "no note without skipped rows");
	free(svg);
	svg = plot(knee_label, knee_yi, knee_vi, 5, META_FE, 3);
	expect_well_formed(svg, "skipped");
	CHECK(svg && strstr(svg, ">3 rows without an effect or a variance (NULL) are not shown<"), "note");
	free(svg);
}

static void
test_geometry(void)
{
	const double crit = 1.959963984540054;
	char	   *svg = plot(knee_label, knee_yi, knee_vi, 5, META_DL, 0);
	meta_result r;
	msc_error	err;
	double		x1,
				y1,
				x2,
				y2,
				x3,
				y3;
	const char *p;

	if (!svg)
		return;
	/* every point where its effect and standard error are on the axes */
	for (int i = 0; i < 5; i++)
	{
		double		cx = attr_after(svg, "<circle cx=\"", i),
					cy = attr_after(svg, "\" cy=\"", i),
					x = read_axis(svg, "xtick", "x", cx, 0),
					/* a y tick's text sits 4 px below its tick */
					se = read_axis(svg, "ytick", "y", cy, 4);

		CHECK(fabs(x - knee_yi[i]) < 0.005, "point %d: x reads %g, effect %g", i, x, knee_yi[i]);
		CHECK(fabs(se - sqrt(knee_vi[i])) < 0.005, "point %d: y reads %g, SE %g", i, se, sqrt(knee_vi[i]));
	}
	/* the pooled line at the estimate of stat_meta_pool */
	CHECK(stat_meta_pool(knee_yi, knee_vi, 5, META_DL, META_Z, &r, &err), "pool");
	x1 = read_axis(svg, "xtick", "x", attr_after(svg, "class=\"pooled\" x1=\"", 0), 0);
	CHECK(fabs(x1 - r.estimate) < 0.005, "pooled line reads %g, estimate %g", x1, r.estimate);
	/* contours: apex at (0, se 0), base half-widths z * se for p = 0.01, 0.05, 0.10 */
	p = strstr(svg, "<g class=\"contours\"");
	for (int c = 0; c < 3 && p; c++)
	{
		const double z[] = {2.5758293035489, crit, 1.6448536269514722};

		p = strstr(p + 1, "<polygon points=\"");
		if (!p || sscanf(p, "<polygon points=\"%lf,%lf %lf,%lf %lf,%lf", &x1, &y1, &x2, &y2, &x3, &y3) != 6)
		{
			CHECK(false, "contour %d not found", c);
			break;
		}
		CHECK(fabs(read_axis(svg, "xtick", "x", x2, 0)) < 0.005 &&
			  fabs(read_axis(svg, "ytick", "y", y2, 4)) < 0.005, "contour %d apex at 0", c);
		CHECK(fabs(read_axis(svg, "xtick", "x", x3, 0) / read_axis(svg, "ytick", "y", y3, 4) - z[c]) < 0.01 &&
			  fabs(read_axis(svg, "xtick", "x", x1, 0) / read_axis(svg, "ytick", "y", y1, 4) + z[c]) < 0.01,
			  "contour %d: z %g", c, z[c]);
	}
	/* the pseudo 95% region around the estimate */
	p = strstr(svg, "<polygon points=\"");
	for (int c = 0; c < 3 && p; c++)
		p = strstr(p + 1, "<polygon points=\"");
	if (p && sscanf(p, "<polygon points=\"%lf,%lf %lf,%lf %lf,%lf", &x1, &y1, &x2, &y2, &x3, &y3) == 6)
		CHECK(strstr(p, "class=\"pseudo-ci\"") < strchr(p, '>') &&
			  fabs(read_axis(svg, "xtick", "x", x2, 0) - r.estimate) < 0.005 &&
			  fabs((read_axis(svg, "xtick", "x", x3, 0) - r.estimate) / read_axis(svg, "ytick", "y", y3, 4) - crit) < 0.01,
			  "pseudo 95%% region");
	else
		CHECK(false, "pseudo 95%% region not found");
	free(svg);
}

static void
test_labels(void)
{
	const char *const hostile[] = {"a<b&\"c'", "]]><!-- -->", "bell\x07 \xff byte", "M\xC3\xBCller \xE6\x9D\xB1"};
	const double y[] = {0.1, 0.2, 0.3, 0.4},
				v[] = {0.05, 0.05, 0.05, 0.05};
	char	   *svg = plot(hostile, y, v, 4, META_FE, 0);

	expect_well_formed(svg, "hostile labels");
	CHECK(svg && strstr(svg, "<title>a&lt;b&amp;&quot;c&apos;: 0.10, SE ") != NULL, "escaped");
	CHECK(svg && strstr(svg, "<title>]]&gt;&lt;!-- --&gt;: ") != NULL, "CDATA end escaped");
	CHECK(svg && strstr(svg, "<title>bell&#xFFFD; &#xFFFD; byte: ") != NULL, "control and bad bytes");
	CHECK(svg && strstr(svg, "<title>M&#xFC;ller &#x6771;: ") != NULL, "non-ASCII as references");
	free(svg);
}

static void
test_edges(void)
{
	const double one_y[] = {0.4},
				one_v[] = {0.04},
				same_y[] = {0.5, 0.5, 0.5},
				same_v[] = {0.04, 0.04, 0.04},
				tiny_y[] = {1e-9, 1.2e-9},
				tiny_v[] = {1e-20, 2e-20};
	char	   *svg;

	svg = plot(NULL, NULL, NULL, 0, META_REML, 0);
	expect_well_formed(svg, "no studies");
	CHECK(svg && strstr(svg, ">No studies to plot<") && !strstr(svg, "class=\"note\""), "empty");
	free(svg);
	svg = plot(NULL, NULL, NULL, 0, META_REML, 1);
	expect_well_formed(svg, "no studies, one skipped");
	CHECK(svg && strstr(svg, ">1 row without an effect or a variance (NULL) is not shown<"), "empty note");
	free(svg);
	svg = plot(NULL, one_y, one_v, 1, META_REML, 0);
	expect_well_formed(svg, "one study");
	CHECK(svg && strstr(svg, "k = 1, pooled estimate 0.40 (REML)"), "one study title");
	free(svg);
	svg = plot(NULL, same_y, same_v, 3, META_PM, 0);
	expect_well_formed(svg, "identical");
	free(svg);
	svg = plot(NULL, tiny_y, tiny_v, 2, META_FE, 0);
	expect_well_formed(svg, "tiny");
	free(svg);
}

static void
test_errors(void)
{
	static double ym[FOREST_MAX_STUDIES + 1],
				vm[FOREST_MAX_STUDIES + 1];
	const double y2[] = {0.1, 0.2},
				v0[] = {0.05, 0},
				huge_y[] = {1.7e308, -1.7e308},
				one_v[] = {1, 1};
	forest_buf	b;
	msc_error	err;

	for (int i = 0; i <= FOREST_MAX_STUDIES; i++)
		vm[i] = 1;
	forest_buf_init(&b, NULL);
	CHECK(!funnel_plot_svg(&b, NULL, ym, vm, FOREST_MAX_STUDIES + 1, META_FE, 0, &err) &&
		  err.errclass == MSC_ERR_LIMIT && b.len == 0 &&
		  strcmp(err.message, "a funnel plot draws at most 2000 studies, not 2001") == 0,
		  "too many studies: %s", err.message);
	CHECK(funnel_plot_svg(&b, NULL, ym, vm, FOREST_MAX_STUDIES, META_FE, 0, &err) &&
		  count(b.data, "<g class=\"study\">") == FOREST_MAX_STUDIES, "the most studies: %s", err.message);
	forest_buf_free(&b);
	CHECK(!funnel_plot_svg(&b, NULL, y2, v0, 2, META_REML, 0, &err) && err.errclass == MSC_ERR_PARAM &&
		  strcmp(err.message, "sampling variance 0 is not a finite number > 0") == 0,
		  "variance 0: %s", err.message);
	CHECK(!funnel_plot_svg(&b, NULL, huge_y, one_v, 2, META_FE, 0, &err) && err.errclass == MSC_ERR_RANGE,
		  "too wide: %s", err.message);
	forest_buf_free(&b);
}

int
main(void)
{
	test_structure();
	test_geometry();
	test_labels();
	test_edges();
	test_errors();
	return unit_report("funnel_svg");
}
