/*
 * fuzz_forest_svg — forest_plot_svg with hostile labels and axis titles,
 * forest_plot_svg_opts (subgroup blocks named by hostile labels,
 * Knapp-Hartung, prediction interval, tau^2 mode), and the parsers of the
 * statistics functions' option names (stat_meta_method_parse,
 * stat_meta_test_parse, stat_meta_measure_parse, stat_tc_method_parse;
 * every option line is also read as a subgroup tau^2 mode, an egger_test
 * model and a trim_fill estimator and side: meta_regression, meta_subgroup,
 * egger_test, trim_fill, forest_plot and funnel_plot take these).
 *
 * The input is read as lines: method name, test name, measure name,
 * time-course method name, axis title, then one study label per line
 * (at most 40 studies); each study's effect and variance are taken from
 * its label's bytes.
 *
 * Invariants:
 *  - a name is accepted as documented or refused with PARAM (22023) and
 *    a message without raw control characters; an accepted name's
 *    canonical spelling is accepted as the same value;
 *  - the plain plot is produced (the numbers are always valid); the plot
 *    with options and subgroups is produced or refused with PARAM (an
 *    option it cannot draw, a common tau^2 with too few studies); a
 *    plot is pure
 *    printable ASCII plus line ends, and is well-formed XML: one root
 *    <svg> element, tags balanced, every & an entity or character
 *    reference, attribute values quoted and free of < and raw &.
 */
#include "forest_svg.h"
#include "fuzz_common.h"
#include "stat_bias.h"
#include "stat_meta.h"
#include "stat_subgroup.h"
#include "stat_outcome.h"

#include <ctype.h>

static bool
name_char(unsigned char c, bool first)
{
	return isalpha(c) || c == '_' || c == ':' || (!first && (isdigit(c) || c == '-' || c == '.'));
}

/* A reference at p (after '&'): "amp;", "#123;", "#x1F;" ...; its length. */
static size_t
reference(const char *p, const char *end)
{
	const char *q = p;

	if (q < end && *q == '#')
	{
		q++;
		if (q < end && *q == 'x')
		{
			q++;
			while (q < end && isxdigit((unsigned char) *q))
				q++;
			if (q == p + 2)
				return 0;
		}
		else
		{
			while (q < end && isdigit((unsigned char) *q))
				q++;
			if (q == p + 1)
				return 0;
		}
	}
	else
	{
		while (q < end && isalpha((unsigned char) *q))
			q++;
		if (!((q - p == 3 && memcmp(p, "amp", 3) == 0) || (q - p == 2 && memcmp(p, "lt", 2) == 0) ||
			  (q - p == 2 && memcmp(p, "gt", 2) == 0) || (q - p == 4 && memcmp(p, "quot", 4) == 0) ||
			  (q - p == 4 && memcmp(p, "apos", 4) == 0)))
			return 0;
	}
	return (q < end && *q == ';') ? (size_t) (q - p + 1) : 0;
}

/* A small well-formedness check of the document (no DTD, no CDATA). */
static void
check_xml(const char *doc, size_t len)
{
	const char *p = doc,
			   *end = doc + len;
	const char *stack[256];
	size_t		stack_len[256];
	int			depth = 0,
				roots = 0;

	for (size_t i = 0; i < len; i++)
		FUZZ_ASSERT((doc[i] >= 0x20 && doc[i] < 0x7F) || doc[i] == '\n', "byte 0x%02X at %zu", (unsigned char) doc[i], i);
	while (p < end)
	{
		if (*p == '&')
		{
			size_t		r = reference(p + 1, end);

			FUZZ_ASSERT(r > 0, "a raw & in text at %zu", (size_t) (p - doc));
			p += 1 + r;
		}
		else if (*p != '<')
		{
			FUZZ_ASSERT(depth > 0 || *p == ' ' || *p == '\n', "text outside the root at %zu", (size_t) (p - doc));
			p++;
		}
		else if (end - p >= 2 && p[1] == '?')
		{
			const char *q = strstr(p, "?>");

			FUZZ_ASSERT(q != NULL && depth == 0 && roots == 0, "bad processing instruction");
			p = q + 2;
		}
		else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
		{
			const char *q = strstr(p + 4, "-->");

			FUZZ_ASSERT(q != NULL, "unterminated comment");
			p = q + 3;
		}
		else if (end - p >= 2 && p[1] == '/')
		{
			const char *n = p + 2,
					   *q = n;

			while (q < end && name_char((unsigned char) *q, q == n))
				q++;
			FUZZ_ASSERT(depth > 0 && (size_t) (q - n) == stack_len[depth - 1] &&
						memcmp(n, stack[depth - 1], q - n) == 0 && q < end && *q == '>',
						"mismatched end tag at %zu", (size_t) (p - doc));
			depth--;
			p = q + 1;
		}
		else
		{
			const char *n = p + 1,
					   *q = n;

			while (q < end && name_char((unsigned char) *q, q == n))
				q++;
			FUZZ_ASSERT(q > n, "a < that starts no tag at %zu", (size_t) (p - doc));
			if (depth == 0)
			{
				roots++;
				FUZZ_ASSERT(roots == 1 && q - n == 3 && memcmp(n, "svg", 3) == 0, "root element is not one svg");
			}
			FUZZ_ASSERT(depth < 256, "nesting too deep");
			stack[depth] = n;
			stack_len[depth] = q - n;
			depth++;
			for (;;)
			{
				while (q < end && (*q == ' ' || *q == '\n'))
					q++;
				FUZZ_ASSERT(q < end, "unterminated tag");
				if (*q == '>')
				{
					q++;
					break;
				}
				if (*q == '/' && q + 1 < end && q[1] == '>')
				{
					q += 2;
					depth--;
					break;
				}
				{
					const char *a = q;

					while (q < end && name_char((unsigned char) *q, q == a))
						q++;
					FUZZ_ASSERT(q > a && q + 1 < end && *q == '=' && (q[1] == '"' || q[1] == '\''),
								"bad attribute at %zu", (size_t) (q - doc));
				}
				{
					char		quote = q[1];

					q += 2;
					while (q < end && *q != quote)
					{
						FUZZ_ASSERT(*q != '<', "< in an attribute value");
						if (*q == '&')
						{
							size_t		r = reference(q + 1, end);

							FUZZ_ASSERT(r > 0, "a raw & in an attribute at %zu", (size_t) (q - doc));
							q += r;
						}
						q++;
					}
					FUZZ_ASSERT(q < end, "unterminated attribute value");
					q++;
				}
			}
			if (depth == 0)
				FUZZ_ASSERT(roots == 1, "empty root");
			p = q;
		}
	}
	FUZZ_ASSERT(depth == 0 && roots == 1, "document ends inside %d elements (%d roots)", depth, roots);
}

#define MAX_LINES 45

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *buf = fuzz_cstring(data, size);
	char	   *lines[MAX_LINES];
	size_t		lens[MAX_LINES];
	int			nl = 0;
	char	   *p = buf;
	msc_error	err;
	meta_method method = META_REML;
	meta_test	test;
	meta_measure measure;
	stat_tc_method tc;
	const char *labels[MAX_LINES];
	double		yi[MAX_LINES],
				vi[MAX_LINES];
	int			k = 0,
				group_of[MAX_LINES];
	subgroup_tau2 tau2 = SUBGROUP_SEPARATE;
	forest_buf	out;

	/* lines (a NUL inside a line ends that line's C string, as text_to_cstring would not see it) */
	while (nl < MAX_LINES)
	{
		char	   *e = memchr(p, '\n', size - (size_t) (p - buf));

		lines[nl] = p;
		lens[nl] = e ? (size_t) (e - p) : size - (size_t) (p - buf);
		nl++;
		if (e == NULL)
			break;
		*e = '\0';
		p = e + 1;
	}

	if (nl > 0)
	{
		if (stat_meta_method_parse(lines[0], &method, &err))
		{
			meta_method again;

			FUZZ_ASSERT(stat_meta_method_parse(stat_meta_method_name(method), &again, &err) && again == method,
						"method name does not round-trip");
		}
		else
		{
			fuzz_check_error(&err, FUZZ_PARAM, "unknown meta-analysis method", "method");
			method = (meta_method) (size % 4);
		}
	}
	if (nl > 1)
	{
		if (stat_meta_test_parse(lines[1], &test, &err))
		{
			meta_test	again;

			FUZZ_ASSERT(stat_meta_test_parse(stat_meta_test_name(test), &again, &err) && again == test,
						"test name does not round-trip");
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM, "unknown meta-analysis test", "test");
	}
	if (nl > 2 && !stat_meta_measure_parse(lines[2], &measure, &err))
		fuzz_check_error(&err, FUZZ_PARAM, NULL, "measure");
	if (nl > 3)
	{
		if (stat_tc_method_parse(lines[3], lens[3], &tc, &err))
		{
			const char *name = stat_tc_method_name(tc);
			stat_tc_method again;

			FUZZ_ASSERT(stat_tc_method_parse(name, strlen(name), &again, &err) && again == tc,
						"time-course method name does not round-trip");
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM, "unknown time-course method", "tc method");
	}

	/* every option line through the other option parsers */
	for (int i = 0; i < nl && i < 5; i++)
	{
		egger_model em;
		tf_estimator te;
		tf_side		ts;
		subgroup_tau2 st;

		if (stat_subgroup_tau2_parse(lines[i], &st, &err))
		{
			subgroup_tau2 again;

			FUZZ_ASSERT(stat_subgroup_tau2_parse(stat_subgroup_tau2_name(st), &again, &err) && again == st,
						"tau2 mode does not round-trip");
			tau2 = st;
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM, "unknown subgroup tau^2 mode", "tau2");
		if (stat_egger_model_parse(lines[i], &em, &err))
		{
			egger_model again;

			FUZZ_ASSERT(stat_egger_model_parse(stat_egger_model_name(em), &again, &err) && again == em,
						"egger model does not round-trip");
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM, NULL, "egger model");
		if (!stat_tf_estimator_parse(lines[i], &te, &err))
			fuzz_check_error(&err, FUZZ_PARAM, NULL, "trim-fill estimator");
		if (!stat_tf_side_parse(lines[i], &ts, &err))
			fuzz_check_error(&err, FUZZ_PARAM, NULL, "trim-fill side");
	}

	for (int i = 5; i < nl; i++)
	{
		unsigned	h = 2166136261u;

		for (size_t j = 0; j < lens[i]; j++)
			h = (h ^ (unsigned char) lines[i][j]) * 16777619u;
		/* an empty line is a study without a label */
		labels[k] = lens[i] ? lines[i] : NULL;
		yi[k] = ((double) (h % 2001) - 1000.0) / 250.0;
		vi[k] = 0.001 + (double) ((h >> 11) % 1000) / 200.0;
		group_of[k] = (int) ((h >> 21) % 4);
		k++;
	}

	forest_buf_init(&out, NULL);
	FUZZ_ASSERT(forest_plot_svg(&out, k ? labels : NULL, yi, vi, k, method,
								nl > 4 && lens[4] ? lines[4] : NULL, (long) (size % 3), &err),
				"forest plot of %d studies fails: %s", k, err.message);
	FUZZ_ASSERT(!out.failed && out.data != NULL && strlen(out.data) == out.len, "output buffer inconsistent");
	check_xml(out.data, out.len);
	forest_buf_free(&out);

	/* subgroups (up to four, named by their first study's label) and the options */
	{
		forest_options opt;
		forest_subgroups sub;
		const char *names[4];
		int			map[4] = {-1, -1, -1, -1},
					group[MAX_LINES],
					ng = 0;

		for (int i = 0; i < k; i++)
		{
			if (map[group_of[i]] < 0)
			{
				map[group_of[i]] = ng;
				names[ng++] = labels[i] ? labels[i] : "";
			}
			group[i] = map[group_of[i]];
		}
		sub.group = group;
		sub.names = names;
		sub.ngroups = ng;
		forest_options_init(&opt);
		opt.method = method;
		opt.test = (nl > 1 && stat_meta_test_parse(lines[1], &test, &err)) ? test : (meta_test) ((size >> 2) % 2);
		opt.prediction = (size >> 3) % 2;
		opt.tau2 = tau2;
		forest_buf_init(&out, NULL);
		if (forest_plot_svg_opts(&out, k ? labels : NULL, yi, vi, k, (size >> 4) % 2 ? NULL : &sub, &opt,
								 nl > 4 && lens[4] ? lines[4] : NULL, (long) (size % 3), &err))
		{
			FUZZ_ASSERT(!out.failed && out.data != NULL && strlen(out.data) == out.len, "output buffer inconsistent");
			check_xml(out.data, out.len);
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM, NULL, "forest plot with options");
		forest_buf_free(&out);
	}
	free(buf);
	return 0;
}
