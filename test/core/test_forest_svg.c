/*
 * The forest plot SVG writer: well-formed output for any label, every
 * element present, numbers formatted, edge cases (k = 0, k = 1, identical
 * studies, 200 studies), hostile labels, errors and allocation failure.
 *
 * Well-formedness is checked by a small XML checker below (tags nest and
 * close, attributes are quoted, text holds no raw < or & other than the
 * five predefined entities and hexadecimal character references, and
 * every byte is printable ASCII or a newline); the full check with xmllint
 * and rsvg-convert is test/forest_plot.sh.
 */
#include "unit.h"
#include "forest_svg.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* ------------------------------------------------------- XML checker */

static bool
check_reference(const char **pp)
{
	const char *p = *pp;		/* at '&' */
	static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};

	for (int i = 0; i < 5; i++)
		if (strncmp(p, named[i], strlen(named[i])) == 0)
		{
			*pp = p + strlen(named[i]);
			return true;
		}
	if (strncmp(p, "&#x", 3) == 0)
	{
		unsigned long v = 0;
		const char *q = p + 3;

		if (!isxdigit((unsigned char) *q))
			return false;
		while (isxdigit((unsigned char) *q))
		{
			v = v * 16 + (unsigned long) (isdigit((unsigned char) *q) ? *q - '0' : (tolower((unsigned char) *q) - 'a' + 10));
			if (v > 0x10FFFF)
				return false;
			q++;
		}
		if (*q != ';')
			return false;
		/* an XML Char */
		if (!(v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
			  (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000))
			return false;
		*pp = q + 1;
		return true;
	}
	return false;
}

static bool
is_name_char(char c)
{
	return isalnum((unsigned char) c) || c == '-' || c == '_' || c == ':' || c == '.';
}

/* well-formed (for the subset of XML the writer uses); why in *why */
static bool
xml_ok(const char *doc, const char **why)
{
	const char *p = doc;
	const char *stack[64];
	size_t		stack_len[64];
	int			depth = 0;
	bool		root_seen = false;

	for (const char *q = doc; *q; q++)
		if (!((*q >= 0x20 && *q < 0x7F) || *q == '\n'))
			return (*why = "a byte that is not printable ASCII"), false;
	if (strncmp(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) != 0)
		return (*why = "no XML declaration"), false;
	p += 39;
	while (*p)
	{
		if (*p == '<')
		{
			bool		closing = (p[1] == '/');
			const char *name = p + 1 + closing;
			size_t		nlen = 0;

			while (is_name_char(name[nlen]))
				nlen++;
			if (nlen == 0)
				return (*why = "a tag without a name"), false;
			p = name + nlen;
			if (closing)
			{
				if (depth == 0 || stack_len[depth - 1] != nlen || strncmp(stack[depth - 1], name, nlen) != 0)
					return (*why = "a closing tag that does not match"), false;
				depth--;
				if (*p != '>')
					return (*why = "a malformed closing tag"), false;
				p++;
				continue;
			}
			if (depth == 0 && root_seen)
				return (*why = "a second root element"), false;
			root_seen = true;
			/* attributes */
			for (;;)
			{
				while (*p == ' ')
					p++;
				if (*p == '>' || (p[0] == '/' && p[1] == '>'))
					break;
				if (!is_name_char(*p))
					return (*why = "a malformed attribute"), false;
				while (is_name_char(*p))
					p++;
				if (p[0] != '=' || p[1] != '"')
					return (*why = "an unquoted attribute"), false;
				p += 2;
				while (*p != '"')
				{
					if (*p == '\0' || *p == '<')
						return (*why = "a < or the end in an attribute"), false;
					if (*p == '&')
					{
						if (!check_reference(&p))
							return (*why = "a bad reference in an attribute"), false;
					}
					else
						p++;
				}
				p++;
			}
			if (*p == '>')
			{
				if (depth == 64)
					return (*why = "too deep"), false;
				stack[depth] = name;
				stack_len[depth] = nlen;
				depth++;
				p++;
			}
			else
				p += 2;			/* empty element */
		}
		else if (*p == '&')
		{
			if (!check_reference(&p))
				return (*why = "a bad reference in text"), false;
		}
		else if (*p == '>' && p > doc + 1 && p[-1] == ']' && p[-2] == ']')
			return (*why = "]]> in text"), false;
		else
		{
			if (depth == 0 && *p != '\n' && *p != ' ')
				return (*why = "text outside the root"), false;
			p++;
		}
	}
	if (depth != 0 || !root_seen)
		return (*why = "unclosed elements"), false;
	return true;
}

/* ------------------------------------------------------------ helpers */

static int
count(const char *hay, const char *needle)
{
	int			n = 0;
	size_t		len = strlen(needle);

	for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
		n++;
	return n;
}

static char *
plot(const char *const *labels, const double *yi, const double *vi, int k,
	 meta_method m, const char *title, long skipped)
{
	forest_buf b;
	msc_error	err;
	char	   *out;

	forest_buf_init(&b, NULL);
	if (!forest_plot_svg(&b, labels, yi, vi, k, m, title, skipped, &err))
	{
		fprintf(stderr, "forest_plot_svg failed: %s\n", err.message);
		forest_buf_free(&b);
		return NULL;
	}
	out = b.data;				/* the caller frees */
	return out;
}

static void
expect_well_formed(const char *svg, const char *what)
{
	const char *why = "";

	CHECK(svg != NULL, "%s: no output", what);
	if (svg)
		CHECK(xml_ok(svg, &why), "%s: not well-formed: %s", what, why);
}

/* invented knee OA studies (SMD in pain) */
static const char *const knee_label[] = {
	"Aster 2016 (BM-MSC, n = 30)", "Borealis 2017 (AD-MSC, n = 24)",
	"Corvin 2018 (UC-MSC, n = 60)", "Delacroix 2019 (BM-MSC, n = 18)",
	"Eskola 2020 (AD-MSC, n = 80)", "Ferreira 2021 (UC-MSC, n = 42)"
};
static const double knee_yi[] = {-0.95, 0.05, -0.48, -1.10, -0.12, -0.71};
static const double knee_vi[] = {0.138, 0.168, 0.069, 0.245, 0.050, 0.101};

/* -------------------------------------------------------------- tests */

static void
test_checker(void)
{
	const char *why;

	/* the checker itself rejects what it should */
	CHECK(xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a b=\"1\"><c/>x &amp; y</a>\n", &why), "valid");
	CHECK(!xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>x & y</a>\n", &why), "raw &");
	CHECK(!xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b></a>\n", &why), "mismatch");
	CHECK(!xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a b=\"<\"></a>\n", &why), "< in attribute");
	CHECK(!xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>&#x1;</a>\n", &why), "control reference");
	CHECK(!xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\x01</a>\n", &why), "control byte");
	CHECK(!xml_ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>]]></a>\n", &why), "]]>");
}

static void
test_elements(void)
{
	char	   *svg = plot(knee_label, knee_yi, knee_vi, 6, META_REML,
						   "SMD in pain (< 0 favours MSC)", 0);

	expect_well_formed(svg, "knee");
	if (!svg)
		return;
	CHECK(count(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"") == 1, "svg root");
	CHECK(count(svg, "viewBox=\"0 0 ") == 1, "viewBox");
	CHECK(count(svg, "font-family=\"sans-serif\"") == 1, "font");
	CHECK(count(svg, "<title>Forest plot: 6 studies, Random-effects model (REML)</title>") == 1, "title");
	CHECK(count(svg, "<g class=\"study\">") == 6, "6 study rows");
	CHECK(count(svg, "<line class=\"ci\"") == 6, "6 CI lines");
	CHECK(count(svg, "<rect class=\"weight\"") == 6, "6 squares");
	CHECK(count(svg, "class=\"percent\"") == 7, "7 weights");
	CHECK(count(svg, "<polygon class=\"diamond\"") == 1, "diamond");
	CHECK(count(svg, "<line class=\"null\"") == 1, "null line");
	CHECK(count(svg, "stroke-dasharray") == 1, "dashed null line");
	CHECK(count(svg, "<line class=\"tick\"") >= 3, "ticks");
	CHECK(count(svg, "class=\"heterogeneity\"") == 1, "heterogeneity");
	CHECK(count(svg, "class=\"overall\"") == 1, "overall");
	CHECK(count(svg, "class=\"note\"") == 0, "no note without skipped rows");
	CHECK(count(svg, ">SMD in pain (&lt; 0 favours MSC)</text>") == 1, "axis title");
	CHECK(count(svg, ">Random-effects model (REML)</text>") == 1, "pooled label");
	/* only plain SVG 1.1 elements */
	{
		const char *allowed[] = {"svg", "title", "desc", "rect", "line", "polygon", "text", "g"};
		int			bad = 0;

		for (const char *p = strchr(svg, '<'); p; p = strchr(p + 1, '<'))
		{
			const char *n = p + 1 + (p[1] == '/');
			bool		ok = (*n == '?');

			for (int i = 0; i < 8 && !ok; i++)
			{
				size_t		l = strlen(allowed[i]);

				ok = strncmp(n, allowed[i], l) == 0 && (n[l] == ' ' || n[l] == '>' || n[l] == '/');
			}
			bad += !ok;
		}
		CHECK(bad == 0, "%d elements outside the allowed set", bad);
	}
	free(svg);
}

static void
test_numbers(void)
{
	char	   *svg = plot(knee_label, knee_yi, knee_vi, 6, META_REML, NULL, 0);
	meta_result r;
	msc_error	err;
	char		want[128];

	if (!svg)
		return;
	CHECK(stat_meta_pool(knee_yi, knee_vi, 6, META_REML, META_Z, &r, &err), "pool");
	/* per study: yi +- 1.96 sqrt(vi), 2 decimals */
	CHECK(count(svg, ">-0.48 [-0.99, 0.03]</text>") == 1, "Corvin interval");
	CHECK(count(svg, ">-1.10 [-2.07, -0.13]</text>") == 1, "Delacroix interval");
	/* the pooled row is meta_analysis's */
	snprintf(want, sizeof(want), "%.2f [%.2f, %.2f]", r.estimate, r.ci_low, r.ci_high);
	CHECK(count(svg, want) == 2, "pooled interval %s (row and desc)", want);
	CHECK(count(svg, ">100.0%</text>") == 1, "pooled weight");
	CHECK(count(svg, "Heterogeneity: &#x3C4;&#xB2; = ") == 1, "tau^2 as character references");
	snprintf(want, sizeof(want), "I&#xB2; = %.1f%%, Q = %.2f (df = 5), p = %.3f", r.i2, r.q, r.q_pval);
	CHECK(count(svg, want) == 1, "heterogeneity %s", want);
	CHECK(r.tau2 > 0.01 && r.tau2 < 0.1, "tau2 %g: 3 significant digits are 4 decimals", r.tau2);
	snprintf(want, sizeof(want), "&#x3C4;&#xB2; = %.4f, ", r.tau2);
	CHECK(count(svg, want) == 1, "tau2 %s", want);
	if (r.pval < 0.001)
		snprintf(want, sizeof(want), "z = %.2f, p &lt; 0.001<", r.stat);
	else
		snprintf(want, sizeof(want), "z = %.2f, p = %.3f<", r.stat, r.pval);
	CHECK(count(svg, want) == 1, "overall %s", want);
	CHECK(count(svg, "Test for overall effect: z = ") == 1, "overall");
	CHECK(count(svg, ">Effect size</text>") == 1, "default axis title");
	/* 1-2-5 ticks: the data span -2.07 .. 0.65 gives steps of 0.5 */
	CHECK(count(svg, "text-anchor=\"middle\">-2.5</text>") == 1, "tick -2.5");
	CHECK(count(svg, "text-anchor=\"middle\">0.0</text>") == 1, "tick 0.0");
	CHECK(count(svg, "text-anchor=\"middle\">1.0</text>") == 1, "tick 1.0");
	CHECK(count(svg, "-0.00") == 0, "no negative zero");
	free(svg);

	/* FE: weights 1/vi; no tau^2 */
	svg = plot(knee_label, knee_yi, knee_vi, 6, META_FE, NULL, 0);
	if (svg)
	{
		double		sw = 0;

		for (int i = 0; i < 6; i++)
			sw += 1 / knee_vi[i];
		snprintf(want, sizeof(want), ">%.1f%%</text>", 100 / knee_vi[4] / sw);
		CHECK(count(svg, want) == 1, "FE weight of Eskola %s", want);
		CHECK(count(svg, "&#x3C4;") == 0, "FE: no tau^2");
		CHECK(count(svg, ">Fixed-effect model</text>") == 1, "FE label");
		free(svg);
	}
	/* strong effect: p < 0.001 */
	{
		const double yi[] = {-1.0, -1.2, -0.9}, vi[] = {0.01, 0.01, 0.01};

		svg = plot(NULL, yi, vi, 3, META_DL, NULL, 0);
		if (svg)
		{
			CHECK(count(svg, "p &lt; 0.001") == 1, "p < 0.001 escaped");
			CHECK(count(svg, ">(no label)</text>") == 3, "labels array NULL");
			free(svg);
		}
	}
	/* a tiny interval gets enough decimals to show it */
	{
		const double yi[] = {1.2, 1.25}, vi[] = {1e-6, 1e-6};

		svg = plot(NULL, yi, vi, 2, META_FE, NULL, 0);
		if (svg)
		{
			CHECK(count(svg, ">1.200 [1.198, 1.202]</text>") == 1, "3 decimals");
			free(svg);
		}
	}
	/* large and tiny values use exponents */
	{
		const double yi[] = {1.1e9, 1.2e9, 1.3e9}, vi[] = {1e14, 1e14, 1e14};
		const double yt[] = {1e-9, 1.1e-9}, vt[] = {1e-20, 1e-20};

		svg = plot(NULL, yi, vi, 3, META_FE, NULL, 0);
		expect_well_formed(svg, "large");
		if (svg)
		{
			/* 0, 2e+08, .. 1.4e+09 would touch: the step grows to 5e+08 */
			CHECK(count(svg, "<line class=\"tick\"") == 4 && count(svg, ">5e+08</text>") == 1 &&
				  count(svg, ">1.5e+09</text>") == 1, "ticks with exponents, spaced");
			free(svg);
		}
		svg = plot(NULL, yt, vt, 2, META_FE, NULL, 0);
		expect_well_formed(svg, "tiny");
		if (svg)
		{
			CHECK(count(svg, "e-10<") >= 1, "tiny ticks with exponents");
			free(svg);
		}
	}
}

static void
test_edge_cases(void)
{
	char	   *svg;

	/* k = 0 */
	svg = plot(NULL, NULL, NULL, 0, META_REML, NULL, 0);
	expect_well_formed(svg, "k = 0");
	if (svg)
	{
		CHECK(count(svg, ">No studies to plot</text>") == 1, "no studies");
		CHECK(count(svg, "class=\"note\"") == 0, "no note");
		free(svg);
	}
	svg = plot(NULL, NULL, NULL, 0, META_REML, NULL, 3);
	expect_well_formed(svg, "k = 0, skipped");
	if (svg)
	{
		CHECK(count(svg, ">3 rows without an effect or a variance (NULL) are not shown</text>") == 1, "note");
		free(svg);
	}
	/* k = 1 */
	{
		const char *l[] = {"only"};
		const double yi[] = {0.4}, vi[] = {0.04};

		svg = plot(l, yi, vi, 1, META_REML, NULL, 1);
		expect_well_formed(svg, "k = 1");
		if (svg)
		{
			CHECK(count(svg, "<g class=\"study\">") == 1, "one row");
			CHECK(count(svg, "0.40 [0.01, 0.79]") == 3, "study, pooled, desc");
			CHECK(count(svg, "not estimable from one study") == 1, "no heterogeneity");
			CHECK(count(svg, ">1 row without an effect or a variance (NULL) is not shown</text>") == 1, "singular note");
			free(svg);
		}
	}
	/* identical studies */
	{
		const char *l[] = {"a", "b", "c", "d"};
		const double yi[] = {0.5, 0.5, 0.5, 0.5}, vi[] = {0.04, 0.04, 0.04, 0.04};

		svg = plot(l, yi, vi, 4, META_REML, NULL, 0);
		expect_well_formed(svg, "identical");
		if (svg)
		{
			CHECK(count(svg, ">25.0%</text>") == 4, "equal weights");
			CHECK(count(svg, "&#x3C4;&#xB2; = 0, I&#xB2; = 0.0%, Q = 0.00 (df = 3), p = 1.000") == 1, "no heterogeneity");
			CHECK(count(svg, "width=\"14.0\" height=\"14.0\"") == 4, "equal squares");
			free(svg);
		}
	}
	/* 200 studies, deterministic */
	{
		const char *l[200];
		char		names[200][24];
		double		yi[200],
					vi[200];
		char	   *again;

		for (int i = 0; i < 200; i++)
		{
			snprintf(names[i], sizeof(names[i]), "study %d", i + 1);
			l[i] = names[i];
			yi[i] = sin(i + 1.0);
			vi[i] = 0.01 + (i % 9) * 0.01;
		}
		svg = plot(l, yi, vi, 200, META_REML, NULL, 0);
		again = plot(l, yi, vi, 200, META_REML, NULL, 0);
		expect_well_formed(svg, "200 studies");
		if (svg && again)
		{
			CHECK(count(svg, "<g class=\"study\">") == 200, "200 rows");
			CHECK(count(svg, ">study 200</text>") == 1, "last row");
			CHECK(strcmp(svg, again) == 0, "deterministic");
		}
		free(svg);
		free(again);
	}
	/* very uneven weights: the lightest square is still drawn */
	{
		const double yi[] = {0.1, 0.2}, vi[] = {1e-4, 100};

		svg = plot(NULL, yi, vi, 2, META_FE, NULL, 0);
		if (svg)
		{
			CHECK(count(svg, "width=\"3.0\" height=\"3.0\"") == 1, "minimum square");
			free(svg);
		}
	}
}

static void
test_hostile_labels(void)
{
	char		big[10241];
	const char *l[] = {
		"<script>alert(\"x\")</script>",
		"Tom & Jerry's <b>trial</b>",
		"bell\aand\x1b" "escape\x7f",
		"  tab\tnew\nline\r\n  ",
		"M\xC3\xBCller 2019 \xE2\x80\x93 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80",
		"bad \xFF \xC0\x80 \xED\xA0\x80 \xE2\x82 end",
		"]]><!-- --><![CDATA[ &amp; &#0;",
		"\xC2\x85\xEF\xBF\xBE",
		big,
		"",
	};
	const double yi[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
	const double vi[] = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05};
	char	   *svg;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "BEGIN", 5);
	memcpy(big + sizeof(big) - 4, "END", 3);
	svg = plot(l, yi, vi, 10, META_DL, "<axis> & \"title\"\x01", 0);
	expect_well_formed(svg, "hostile");
	if (!svg)
		return;
	CHECK(count(svg, "<script") == 0, "no script element");
	CHECK(count(svg, ">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</text>") == 1, "script escaped");
	CHECK(count(svg, ">Tom &amp; Jerry&apos;s &lt;b&gt;trial&lt;/b&gt;</text>") == 1, "& ' < > escaped");
	CHECK(count(svg, ">bell&#xFFFD;and&#xFFFD;escape&#xFFFD;</text>") == 1, "controls as U+FFFD");
	CHECK(count(svg, ">tab new line</text>") == 1, "white space collapsed and trimmed");
	CHECK(count(svg, ">M&#xFC;ller 2019 &#x2013; &#x6771;&#x4EAC; &#x1F600;</text>") == 1, "non-ASCII as references");
	CHECK(count(svg, ">bad &#xFFFD; &#xFFFD;&#xFFFD; &#xFFFD;&#xFFFD;&#xFFFD; &#xFFFD;&#xFFFD; end</text>") == 1,
		  "malformed UTF-8 as U+FFFD");
	CHECK(count(svg, ">]]&gt;&lt;!-- --&gt;&lt;![CDATA[ &amp;amp; &amp;#0;</text>") == 1, "markup escaped");
	CHECK(count(svg, ">&#xFFFD;&#xFFFD;</text>") == 1, "C1 control and U+FFFE");
	CHECK(count(svg, ">BEGINxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx&#x2026;</text>") == 1, "long label cut to 48");
	CHECK(count(svg, "<title>BEGIN") == 1 && count(svg, "xxxEND</title>") == 1, "whole long label in the tooltip");
	CHECK(count(svg, "<title>") == 2, "tooltips only for cut labels (and the document)");
	CHECK(count(svg, ">&lt;axis&gt; &amp; &quot;title&quot;&#xFFFD;</text>") == 1, "axis title escaped");
	CHECK(count(svg, "<g class=\"study\">") == 10, "every study drawn");
	CHECK(strlen(svg) < 40000, "compact: %zu bytes", strlen(svg));
	free(svg);

	/* a long axis title is cut too */
	{
		char		title[300];
		const double y1[] = {0.1}, v1[] = {0.05};

		memset(title, 'y', sizeof(title) - 1);
		title[sizeof(title) - 1] = '\0';
		svg = plot(NULL, y1, v1, 1, META_FE, title, 0);
		if (svg)
		{
			CHECK(count(svg, "yyy&#x2026;</text>") == 1, "axis title cut");
			const char *p = strchr(strstr(svg, "class=\"title\""), '>') + 1;

			CHECK(strchr(p, '&') - p == FOREST_TITLE_MAX_CHARS - 1, "79 characters and the ellipsis");
			free(svg);
		}
	}
}

static void
test_errors(void)
{
	forest_buf b;
	msc_error	err;
	const double y2[] = {0.1, 0.2};

	forest_buf_init(&b, NULL);
	{
		/* more studies than a plot draws: refused before anything is written */
		static double ym[FOREST_MAX_STUDIES + 1],
					vm[FOREST_MAX_STUDIES + 1];

		for (int i = 0; i <= FOREST_MAX_STUDIES; i++)
			vm[i] = 1;
		CHECK(!forest_plot_svg(&b, NULL, ym, vm, FOREST_MAX_STUDIES + 1, META_FE, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_LIMIT && b.len == 0 &&
			  strcmp(err.message, "a forest plot draws at most 2000 studies, not 2001") == 0,
			  "too many studies: %s", err.message);
		CHECK(forest_plot_svg(&b, NULL, ym, vm, FOREST_MAX_STUDIES, META_FE, NULL, 0, &err),
			  "the most studies: %s", err.message);
		forest_buf_free(&b);
	}
	{
		const double v2[] = {0.05, 0};

		CHECK(!forest_plot_svg(&b, NULL, y2, v2, 2, META_REML, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_PARAM &&
			  strcmp(err.message, "sampling variance 0 is not a finite number > 0") == 0,
			  "variance 0: %s", err.message);
	}
	{
		const double yn[] = {NAN, 0.2}, v2[] = {0.05, 0.05};

		CHECK(!forest_plot_svg(&b, NULL, yn, v2, 2, META_REML, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_PARAM, "NaN effect");
	}
	{
		const double v2[] = {0.05, INFINITY};

		CHECK(!forest_plot_svg(&b, NULL, y2, v2, 2, META_REML, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_PARAM, "infinite variance");
	}
	{
		const double yh[] = {1.7e308, -1.7e308}, v2[] = {1, 1};

		CHECK(!forest_plot_svg(&b, NULL, yh, v2, 2, META_FE, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_RANGE, "range too wide: %s", err.message);
	}
	{
		const double yh[] = {1e200, 1e200}, v2[] = {1e-300, 1e-300};

		CHECK(!forest_plot_svg(&b, NULL, yh, v2, 2, META_FE, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_RANGE, "pooled not finite: %s", err.message);
	}
	/* a pooled result that is not a number */
	{
		const double v2[] = {0.05, 0.05};
		meta_result r;

		memset(&r, 0, sizeof(r));
		r.k = 2;
		r.method = META_REML;
		r.estimate = NAN;
		CHECK(!forest_svg_write(&b, NULL, y2, v2, 2, &r, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_RANGE, "NaN pooled");
		r.estimate = 0.15;
		r.ci_low = 0.1;
		r.ci_high = 0.2;
		r.tau2 = -1;
		CHECK(!forest_svg_write(&b, NULL, y2, v2, 2, &r, NULL, 0, &err) &&
			  err.errclass == MSC_ERR_RANGE, "negative tau2");
		/* NaN heterogeneity numbers still give a well-formed document */
		r.tau2 = 0;
		r.i2 = r.q = r.q_pval = r.stat = r.pval = NAN;
		CHECK(forest_svg_write(&b, NULL, y2, v2, 2, &r, NULL, 0, &err), "NaN statistics");
		expect_well_formed(b.data, "NaN statistics");
	}
	CHECK(b.len == 0 || !b.failed, "buffer state");
	forest_buf_free(&b);
}

/* an allocator that fails beyond a limit */
static size_t alloc_limit;

static void *
limited_realloc(void *ptr, size_t size)
{
	return size > alloc_limit ? NULL : realloc(ptr, size);
}

static void
test_buffer(void)
{
	forest_buf b;
	msc_error	err;
	char		piece[5000];

	forest_buf_init(&b, NULL);
	memset(piece, 'a', sizeof(piece) - 1);
	piece[sizeof(piece) - 1] = '\0';
	for (int i = 0; i < 10; i++)
		CHECK(forest_buf_printf(&b, "%s%d", piece, i), "printf grows");
	CHECK(b.len == 10 * 5000 && strlen(b.data) == b.len, "length %zu", b.len);
	CHECK(forest_buf_append(&b, "xyz", 3) && strcmp(b.data + b.len - 3, "xyz") == 0, "append");
	forest_buf_free(&b);

	/* out of memory part-way: false with an error, nothing leaked */
	forest_buf_init(&b, limited_realloc);
	alloc_limit = 4096;
	CHECK(!forest_plot_svg(&b, knee_label, knee_yi, knee_vi, 6, META_REML, NULL, 0, &err) &&
		  err.errclass == MSC_ERR_RANGE && b.failed, "allocation failure: %s", err.message);
	free(b.data);
	forest_buf_init(&b, limited_realloc);
	alloc_limit = 1 << 20;
	CHECK(forest_plot_svg(&b, knee_label, knee_yi, knee_vi, 6, META_REML, NULL, 0, &err), "within the limit");
	free(b.data);
}

int
main(void)
{
	test_checker();
	test_elements();
	test_numbers();
	test_edge_cases();
	test_hostile_labels();
	test_errors();
	test_buffer();
	return unit_report("forest_svg");
}
