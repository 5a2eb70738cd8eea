/*
 * forest_svg.c — the forest plot of a meta-analysis as SVG 1.1 (see
 * forest_svg.h for what is drawn and how text is made safe).
 *
 * Layout, left to right: margin, label column (as wide as the widest label
 * drawn), gap, the plot area (PLOT_W px), gap, "estimate [low, high]"
 * (right-aligned), gap, weight percent (right-aligned), margin.  Top to
 * bottom: column headers, one ROW_H row per study, the pooled row, the x
 * axis with its ticks and title, then the heterogeneity, overall-effect
 * and note lines.  Text widths are estimated from the advance widths of
 * DejaVu Sans (a wide sans-serif, so other fonts fit in the space given).
 */
#include "forest_svg.h"

#include "msc_interrupt.h"
#include "stat_dist.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN 20.0
#define GAP 24.0
#define PLOT_W 360.0
#define ROW_H 22.0
#define FS 13.0					/* table text */
#define FS_SMALL 12.0			/* ticks, axis title, summary lines */
#define SQUARE_MAX 14.0			/* side of the heaviest study's square */
#define SQUARE_MIN 3.0			/* no study is drawn smaller than this */
#define DIAMOND_H 7.0			/* half height of the pooled diamond */
#define SHOWN_MAX 160			/* longest text drawn in one piece */

#define INK "#222222"
#define STUDY_COLOUR "#1f3b57"
#define DIAMOND_COLOUR "#b03a2e"
#define RULE_COLOUR "#999999"
#define NULL_COLOUR "#777777"

/* ---- buffer ---- */

void
forest_buf_init(forest_buf *b, forest_realloc_fn grow)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->grow = grow ? grow : realloc;
	b->failed = false;
}

void
forest_buf_free(forest_buf *b)
{
	if (b->grow == realloc)
		free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* room for extra more bytes and the terminating NUL */
static bool
buf_reserve(forest_buf *b, size_t extra)
{
	size_t		need,
				cap;
	char	   *p;

	if (b->failed)
		return false;
	if (extra > SIZE_MAX - b->len - 1)
	{
		b->failed = true;
		return false;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	cap = b->cap ? b->cap : 1024;
	while (cap < need)
		cap = (cap > SIZE_MAX / 2) ? need : cap * 2;
	p = b->grow(b->data, cap);
	if (p == NULL)
	{
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

bool
forest_buf_append(forest_buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return false;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool
forest_buf_printf(forest_buf *b, const char *fmt,...)
{
	va_list		ap,
				ap2;
	int			n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !buf_reserve(b, (size_t) n))
	{
		va_end(ap2);
		b->failed = true;
		return false;
	}
	vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap2);
	va_end(ap2);
	b->len += (size_t) n;
	return true;
}

static void
put(forest_buf *b, const char *s)
{
	forest_buf_append(b, s, strlen(s));
}

/* ---- text ---- */

/* one code point of UTF-8; anything malformed is U+FFFD for one byte */
static uint32_t
decode_utf8(const unsigned char **pp, const unsigned char *end)
{
	const unsigned char *p = *pp;
	unsigned int c = p[0];
	uint32_t	cp,
				min;
	int			n;

	*pp = p + 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 1;
		cp = c & 0x1F;
		min = 0x80;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 2;
		cp = c & 0x0F;
		min = 0x800;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 3;
		cp = c & 0x07;
		min = 0x10000;
	}
	else
		return 0xFFFD;
	if (end - p <= n)
		return 0xFFFD;
	for (int i = 1; i <= n; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
			return 0xFFFD;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFD;
	*pp = p + n + 1;
	return cp;
}

/*
 * The characters drawn for a text: white space trimmed and runs of it
 * made one space; control characters, U+FFFE and U+FFFF (not XML
 * characters) and malformed UTF-8 become U+FFFD.
 */
typedef struct cp_iter
{
	const unsigned char *p;
	const unsigned char *end;
	bool		started;		/* a character other than space was seen */
	bool		space;			/* white space waits for the next character */
	bool		has_held;
	uint32_t	held;
} cp_iter;

static void
cp_iter_init(cp_iter *it, const char *s)
{
	it->p = (const unsigned char *) s;
	it->end = it->p + strlen(s);
	it->started = it->space = it->has_held = false;
	it->held = 0;
}

static bool
cp_next(cp_iter *it, uint32_t *out)
{
	if (it->has_held)
	{
		it->has_held = false;
		*out = it->held;
		return true;
	}
	while (it->p < it->end)
	{
		uint32_t	c = decode_utf8(&it->p, it->end);

		if (c == ' ' || (c >= 0x09 && c <= 0x0D))
		{
			if (it->started)
				it->space = true;
			continue;
		}
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF)
			c = 0xFFFD;
		it->started = true;
		if (it->space)
		{
			it->space = false;
			it->held = c;
			it->has_held = true;
			*out = ' ';
			return true;
		}
		*out = c;
		return true;
	}
	return false;
}

/* The first characters of a text as drawn, cut with an ellipsis. */
typedef struct shown
{
	uint32_t	cp[SHOWN_MAX];
	int			n;
	bool		cut;
} shown;

static void
shown_make(shown *s, const char *text, int maxchars)
{
	cp_iter		it;
	uint32_t	c;

	if (maxchars > SHOWN_MAX)
		maxchars = SHOWN_MAX;
	s->n = 0;
	s->cut = false;
	cp_iter_init(&it, text);
	while (cp_next(&it, &c))
	{
		if (s->n == maxchars)
		{
			s->cut = true;
			break;
		}
		s->cp[s->n++] = c;
	}
	if (s->cut)
	{
		s->n = maxchars - 1;
		while (s->n > 0 && s->cp[s->n - 1] == ' ')
			s->n--;
		s->cp[s->n++] = 0x2026;	/* horizontal ellipsis */
	}
}

/* one character as XML text or attribute content, in ASCII */
static void
put_cp(forest_buf *b, uint32_t c)
{
	char		ref[16];

	switch (c)
	{
		case '&':
			put(b, "&amp;");
			return;
		case '<':
			put(b, "&lt;");
			return;
		case '>':
			put(b, "&gt;");
			return;
		case '"':
			put(b, "&quot;");
			return;
		case '\'':
			put(b, "&apos;");
			return;
	}
	if (c >= 0x20 && c < 0x7F)
	{
		char		ch = (char) c;

		forest_buf_append(b, &ch, 1);
		return;
	}
	snprintf(ref, sizeof(ref), "&#x%X;", (unsigned int) c);
	put(b, ref);
}

static void
put_shown(forest_buf *b, const shown *s)
{
	for (int i = 0; i < s->n; i++)
		put_cp(b, s->cp[i]);
}

/* a whole text, escaped, uncut */
void
put_text_all(forest_buf *b, const char *text)
{
	cp_iter		it;
	uint32_t	c;
	size_t		n = 0;

	cp_iter_init(&it, text);
	while (cp_next(&it, &c))
	{
		/* a label can be megabytes long */
		if (++n % MSC_INTERRUPT_EVERY == 0)
			msc_check_interrupts();
		put_cp(b, c);
	}
}

/* a short text of our own (ASCII or UTF-8), escaped */
void
put_text(forest_buf *b, const char *text)
{
	shown		s;

	shown_make(&s, text, SHOWN_MAX);
	put_shown(b, &s);
}

/* DejaVu Sans advance widths of ' ' .. '~', in thousandths of an em */
static const unsigned short ascii_width[95] = {
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838
};

static double
cp_width(uint32_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return ascii_width[c - 0x20] / 1000.0;
	if (c >= 0x0300 && c <= 0x036F)
		return 0;				/* combining marks */
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
		(c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
		(c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
		(c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F300)
		return 1.0;				/* wide (CJK, emoji) */
	return 0.7;
}

static double
shown_width(const shown *s, double fs, bool bold)
{
	double		w = 0;

	for (int i = 0; i < s->n; i++)
		w += cp_width(s->cp[i]);
	return w * fs * (bold ? 1.1 : 1.0);
}

double
text_width(const char *text, double fs, bool bold)
{
	shown		s;

	shown_make(&s, text, SHOWN_MAX);
	return shown_width(&s, fs, bold);
}

/* ---- numbers ---- */

const char *
fmt_num(char *buf, size_t len, double v, const numfmt *f)
{
	if (f->sci)
		snprintf(buf, len, "%.3g", v);
	else
		snprintf(buf, len, "%.*f", f->dec, v);
	/* no "-0.00": a minus sign before nothing but zeros goes */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
	return buf;
}

/* three significant digits, for tau^2 */
static const char *
fmt_sig(char *buf, size_t len, double v)
{
	if (v == 0)
		snprintf(buf, len, "0");
	else if (fabs(v) >= 1e-3 && fabs(v) < 1e6)
	{
		int			dec = 2 - (int) floor(log10(fabs(v)));

		snprintf(buf, len, "%.*f", dec < 0 ? 0 : dec, v);
	}
	else
		snprintf(buf, len, "%.2e", v);
	return buf;
}

/* two decimals, or three significant digits where that would be a long
 * string of digits (Q and z of studies with tiny variances) */
static const char *
fmt_2f(char *buf, size_t len, double v)
{
	snprintf(buf, len, fabs(v) < 1e6 ? "%.2f" : "%.2e", v);
	return buf;
}

static const char *
fmt_p(char *buf, size_t len, double p)
{
	if (p < 0.001)
		snprintf(buf, len, "p < 0.001");
	else
		snprintf(buf, len, "p = %.3f", p);
	return buf;
}

/* ---- drawing ---- */

/* ticks for a step near raw (1, 2 or 5 times a power of 10) over [dmin, dmax] */
static bool
axis_try(axis *a, double dmin, double dmax, double raw)
{
	int			e = (int) floor(log10(raw));
	double		mag = pow(10, e),
				norm = raw / mag,
				lo_i,
				hi_i;

	if (norm < 1.5)
		a->step = 1 * mag;
	else if (norm < 3)
		a->step = 2 * mag;
	else if (norm < 7)
		a->step = 5 * mag;
	else
	{
		a->step = 10 * mag;
		e++;
	}
	if (!(a->step > 0) || !isfinite(a->step))
		return false;
	lo_i = floor(dmin / a->step);
	hi_i = ceil(dmax / a->step);
	if (hi_i == lo_i)
		hi_i = lo_i + 1;
	if (!(hi_i - lo_i <= 100) || fabs(lo_i) > 1e15)
		return false;
	a->first = (long) lo_i;
	a->nticks = (int) (hi_i - lo_i) + 1;
	a->lo = lo_i * a->step;
	a->hi = hi_i * a->step;
	if (!isfinite(a->lo) || !isfinite(a->hi) || !isfinite(a->hi - a->lo) || !(a->hi > a->lo))
		return false;
	a->tick.dec = e < 0 ? -e : 0;
	a->tick.sci = (a->tick.dec > 6 || fmax(fabs(a->lo), fabs(a->hi)) >= 1e7);
	return true;
}

/* do the tick labels fit side by side with some space between them? */
static bool
axis_labels_fit(const axis *a)
{
	char		num[64];
	double		widest = 0;

	for (int t = 0; t < a->nticks; t++)
		widest = fmax(widest, text_width(fmt_num(num, sizeof(num), (double) (a->first + t) * a->step, &a->tick),
										 FS_SMALL, false));
	return widest + 8 <= PLOT_W / (a->nticks - 1);
}

/*
 * 1-2-5 ticks over [dmin, dmax], about five intervals, fewer when the
 * labels would touch; false when the range cannot be scaled.  Values get
 * at least 2 decimals, as many as the ticks, and enough for the narrowest
 * half interval (min_half) to show a digit, up to 6; an exponent beyond
 * that or from 1e7 on.
 */
bool
axis_make(axis *a, double dmin, double dmax, double min_half)
{
	double		span = dmax - dmin;

	if (!isfinite(span))
		return false;
	if (!(span > 0))
		span = fabs(dmax) > 0 ? fabs(dmax) : 1;
	if (!axis_try(a, dmin, dmax, span / 5))
		return false;
	/* the next larger step (1 -> 2 -> 5 -> 10) until the labels fit */
	for (int tries = 0; tries < 8 && a->nticks > 2 && !axis_labels_fit(a); tries++)
		if (!axis_try(a, dmin, dmax, a->step * 1.5))
			return false;
	a->value.dec = a->tick.dec < 2 ? 2 : a->tick.dec;
	if (min_half > 0 && -floor(log10(min_half)) > a->value.dec)
		a->value.dec = (int) fmin(6, -floor(log10(min_half)));
	a->value.sci = a->tick.sci;
	return true;
}

static double
axis_x(const axis *a, double x0, double v)
{
	return x0 + (v - a->lo) / (a->hi - a->lo) * PLOT_W;
}

/* "estimate [low, high]" */
static const char *
fmt_interval(char *buf, size_t len, double est, double lo, double hi, const numfmt *f)
{
	char		e[48],
				l[48],
				h[48];

	snprintf(buf, len, "%s [%s, %s]", fmt_num(e, sizeof(e), est, f),
			 fmt_num(l, sizeof(l), lo, f), fmt_num(h, sizeof(h), hi, f));
	return buf;
}

static const char *
pooled_label(meta_method m)
{
	switch (m)
	{
		case META_FE:
			return "Fixed-effect model";
		case META_DL:
			return "Random-effects model (DL)";
		case META_REML:
			return "Random-effects model (REML)";
		case META_PM:
			return "Random-effects model (PM)";
		case META_MH:
			return "Mantel-Haenszel model";
	}
	return "Pooled";
}

void
svg_open(forest_buf *b, double w, double h)
{
	forest_buf_printf(b,
					  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					  "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
					  "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
					  "font-family=\"sans-serif\" font-size=\"%.0f\" fill=\"" INK "\">\n",
					  w, h, w, h, FS);
}

void
svg_background(forest_buf *b, double w, double h)
{
	forest_buf_printf(b, "<rect class=\"background\" x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
					  w, h);
}

void
put_note_text(char *buf, size_t len, long skipped)
{
	snprintf(buf, len, "%ld %s without an effect or a variance (NULL) %s not shown",
			 skipped, skipped == 1 ? "row" : "rows", skipped == 1 ? "is" : "are");
}

static bool
finish(forest_buf *out, msc_error *err)
{
	if (out->failed)
		return msc_fail(err, MSC_ERR_RANGE, NULL, "Draw fewer studies or shorter labels.",
						"out of memory while drawing the forest plot");
	return true;
}

void
svg_empty(forest_buf *out, const char *plot, long skipped)
{
	char		note[128];
	double		w = 360,
				h = skipped > 0 ? 84 : 64;

	put_note_text(note, sizeof(note), skipped);
	if (skipped > 0 && text_width(note, FS_SMALL, false) + 2 * MARGIN > w)
		w = ceil(text_width(note, FS_SMALL, false) + 2 * MARGIN);
	svg_open(out, w, h);
	forest_buf_printf(out, "<title>%s: no studies</title>\n", plot);
	svg_background(out, w, h);
	forest_buf_printf(out, "<text class=\"empty\" x=\"%.0f\" y=\"%.0f\">No studies to plot</text>\n",
					  MARGIN, MARGIN + 18);
	if (skipped > 0)
		forest_buf_printf(out, "<text class=\"note\" x=\"%.0f\" y=\"%.0f\" font-size=\"%.0f\">%s</text>\n",
						  MARGIN, MARGIN + 40, FS_SMALL, note);
	put(out, "</svg>\n");
}

/* the document for a group without studies */
static bool
write_empty(forest_buf *out, long skipped, msc_error *err)
{
	svg_empty(out, "Forest plot", skipped);
	return finish(out, err);
}

/* the label of a subgroup's pooled row: its heterogeneity */
static const char *
subtotal_label(char *buf, size_t len, const forest_group *g, meta_method method)
{
	char		t[32];

	if (g->k == 1)
		snprintf(buf, len, "Subtotal (one study)");
	else if (method == META_FE)
		snprintf(buf, len, "Subtotal: I\xC2\xB2 = %.1f%%", g->i2);
	else
		snprintf(buf, len, "Subtotal: \xCF\x84\xC2\xB2 = %s, I\xC2\xB2 = %.1f%%",
				 fmt_sig(t, sizeof(t), g->tau2), g->i2);
	return buf;
}

/* a pooled row's label, estimate and diamond (class "pooled" or "subtotal") */
static void
put_pooled_row(forest_buf *out, const char *cls, const char *label, double est,
			   double lo, double hi, double weight, const axis *ax, double plot_x0,
			   double est_right, double weight_right, double y)
{
	char		text[256];

	forest_buf_printf(out, "<g class=\"%s\" font-weight=\"bold\">"
					  "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">", cls, MARGIN, y + 4.5);
	put_text(out, label);
	forest_buf_printf(out, "</text><polygon class=\"diamond\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
					  "fill=\"" DIAMOND_COLOUR "\"/>",
					  axis_x(ax, plot_x0, lo), y, axis_x(ax, plot_x0, est), y - DIAMOND_H,
					  axis_x(ax, plot_x0, hi), y, axis_x(ax, plot_x0, est), y + DIAMOND_H);
	forest_buf_printf(out, "<text class=\"estimate\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
					  est_right, y + 4.5, fmt_interval(text, sizeof(text), est, lo, hi, &ax->value));
	forest_buf_printf(out, "<text class=\"percent\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.1f%%</text></g>\n",
					  weight_right, y + 4.5, weight);
}

/* one study's row */
static void
put_study_row(forest_buf *out, const char *l, double yi, double half, double rel,
			  double rel_sum, const axis *ax, double plot_x0, double est_right,
			  double weight_right, double y)
{
	double		side = fmax(SQUARE_MIN, SQUARE_MAX * sqrt(rel)),
				cx = axis_x(ax, plot_x0, yi);
	char		text[256];
	shown		s;

	put(out, "<g class=\"study\">");
	if (l)
	{
		shown_make(&s, l, FOREST_LABEL_MAX_CHARS);
		if (s.cut)
		{
			put(out, "<title>");
			put_text_all(out, l);
			put(out, "</title>");
		}
		forest_buf_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">", MARGIN, y + 4.5);
		put_shown(out, &s);
		put(out, "</text>");
	}
	else
		forest_buf_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" fill=\"#777777\" "
						  "font-style=\"italic\">(no label)</text>", MARGIN, y + 4.5);
	forest_buf_printf(out, "<line class=\"ci\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
					  "stroke=\"" INK "\" stroke-width=\"1.2\"/>",
					  axis_x(ax, plot_x0, yi - half), y, axis_x(ax, plot_x0, yi + half), y);
	forest_buf_printf(out, "<rect class=\"weight\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
					  "fill=\"" STUDY_COLOUR "\"/>",
					  cx - side / 2, y - side / 2, side, side);
	forest_buf_printf(out, "<text class=\"estimate\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
					  est_right, y + 4.5,
					  fmt_interval(text, sizeof(text), yi, yi - half, yi + half, &ax->value));
	forest_buf_printf(out, "<text class=\"percent\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.1f%%</text>",
					  weight_right, y + 4.5, 100 * rel / rel_sum);
	put(out, "</g>\n");
}

/* a summary line (class cls) at y */
static void
put_summary(forest_buf *out, const char *cls, const char *text, double y)
{
	forest_buf_printf(out, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\">", cls, MARGIN, y);
	put_text(out, text);
	put(out, "</text>");
}

#define RESCALE_HINT "Rescale the effect sizes (for example to other units) so that they and their variances are moderate numbers."
#define MAX_SUMMARY 5

/*
 * The drawing: studies (in subgroup blocks when sub is given), subgroup
 * and overall diamonds, the prediction interval when asked, the axis and
 * the summary lines.  m holds the numbers (forest_model_fit).
 */
static bool
draw(forest_buf *out, const char *const *labels, const double *yi, const double *vi,
	 int k, const forest_subgroups *sub, const forest_model *m, bool prediction,
	 const char *axis_title, long skipped, msc_error *err)
{
	const double crit = stat_qnorm(0.975, true);
	const meta_result *pooled = &m->overall;
	const bool	fixed = (pooled->method == META_FE || pooled->method == META_MH);
	const bool	knha = (pooled->test == META_KNHA);
	const int	ngroups = sub ? sub->ngroups : 0;
	const double tau2 = fixed ? 0 : pooled->tau2;
	double		dmin = 0,
				dmax = 0,
				den_min = INFINITY,
				min_half = INFINITY,
				rel_sum = 0,
				label_w,
				est_w,
				weight_w,
				plot_x0,
				est_right,
				weight_right,
				width,
				height,
				rule1,
				row_top,
				rows_end,
				pooled_c,
				axis_y,
				y,
				x_null;
	axis		ax;
	shown		s;
	char		text[256],
				num1[64],
				num3[16],		/* fmt_2f: at most "-1.80e+308" */
				summary[MAX_SUMMARY][256];
	const char *summary_class[MAX_SUMMARY];
	int			nsummary = 0,
				nrows = k + 2 * ngroups;
	char		plabel[96];

	/* "Random-effects model (REML)" becomes "... (REML, Knapp-Hartung)" */
	if (knha)
	{
		const char *base = pooled_label(pooled->method);
		size_t		n = strlen(base);

		if (base[n - 1] == ')')
			snprintf(plabel, sizeof(plabel), "%.*s, Knapp-Hartung)", (int) n - 1, base);
		else
			snprintf(plabel, sizeof(plabel), "%s (Knapp-Hartung)", base);
	}
	else
		snprintf(plabel, sizeof(plabel), "%s", pooled_label(pooled->method));

	/* the numbers: every study's interval, the pooled ones, and 0 */
	for (int i = 0; i < k; i++)
	{
		double		half = crit * sqrt(vi[i]);

		if (!stat_meta_check_study(yi[i], vi[i], err))
			return false;
		dmin = fmin(dmin, yi[i] - half);
		dmax = fmax(dmax, yi[i] + half);
		den_min = fmin(den_min, vi[i] + tau2);
		min_half = fmin(min_half, half);
	}
	if (!isfinite(pooled->estimate) || !isfinite(pooled->ci_low) ||
		!isfinite(pooled->ci_high) || !isfinite(tau2) || tau2 < 0 ||
		!isfinite(den_min) || !(den_min > 0) ||
		(prediction && (!pooled->has_pi || !isfinite(pooled->pi_low) || !isfinite(pooled->pi_high))))
		return msc_fail(err, MSC_ERR_RANGE, NULL, RESCALE_HINT,
						"the pooled estimate of these studies is not a finite number");
	dmin = fmin(dmin, pooled->ci_low);
	dmax = fmax(dmax, pooled->ci_high);
	min_half = fmin(min_half, (pooled->ci_high - pooled->ci_low) / 2);
	if (prediction)
	{
		dmin = fmin(dmin, pooled->pi_low);
		dmax = fmax(dmax, pooled->pi_high);
	}
	for (int g = 0; g < ngroups; g++)
	{
		const forest_group *fg = &m->groups[g];

		if (!isfinite(fg->estimate) || !isfinite(fg->ci_low) || !isfinite(fg->ci_high))
			return msc_fail(err, MSC_ERR_RANGE, NULL, RESCALE_HINT,
							"the pooled estimate of a subgroup is not a finite number");
		dmin = fmin(dmin, fg->ci_low);
		dmax = fmax(dmax, fg->ci_high);
		min_half = fmin(min_half, (fg->ci_high - fg->ci_low) / 2);
	}
	if (!axis_make(&ax, dmin, dmax, min_half))
		return msc_fail(err, MSC_ERR_RANGE, NULL, RESCALE_HINT,
						"the effect sizes span too wide a range to draw");
	/* weights relative to the heaviest study (1): no overflow for tiny variances */
	for (int i = 0; i < k; i++)
		rel_sum += den_min / (vi[i] + tau2);

	/* column widths */
	shown_make(&s, "Study", SHOWN_MAX);
	label_w = fmax(shown_width(&s, FS, true), text_width(plabel, FS, true));
	for (int i = 0; i < k; i++)
	{
		const char *l = (labels && labels[i]) ? labels[i] : "(no label)";

		shown_make(&s, l, FOREST_LABEL_MAX_CHARS);
		label_w = fmax(label_w, shown_width(&s, FS, false));
	}
	est_w = fmax(text_width("Estimate [95% CI]", FS, true),
				 text_width(fmt_interval(text, sizeof(text), pooled->estimate, pooled->ci_low,
										 pooled->ci_high, &ax.value), FS, true));
	for (int g = 0; g < ngroups; g++)
	{
		const forest_group *fg = &m->groups[g];

		shown_make(&s, sub->names[g], FOREST_LABEL_MAX_CHARS);
		label_w = fmax(label_w, shown_width(&s, FS, true));
		label_w = fmax(label_w, text_width(subtotal_label(text, sizeof(text), fg, pooled->method), FS, true));
		est_w = fmax(est_w, text_width(fmt_interval(text, sizeof(text), fg->estimate, fg->ci_low,
													fg->ci_high, &ax.value), FS, true));
	}
	for (int i = 0; i < k; i++)
	{
		double		half = crit * sqrt(vi[i]);

		fmt_interval(text, sizeof(text), yi[i], yi[i] - half, yi[i] + half, &ax.value);
		est_w = fmax(est_w, text_width(text, FS, false));
	}
	weight_w = fmax(text_width("Weight", FS, true), text_width("100.0%", FS, true));
	label_w = ceil(label_w);
	est_w = ceil(est_w);
	weight_w = ceil(weight_w);
	plot_x0 = MARGIN + label_w + GAP;
	est_right = plot_x0 + PLOT_W + GAP + est_w;
	weight_right = est_right + GAP + weight_w;
	width = weight_right + MARGIN;

	/* the summary lines (UTF-8: tau U+03C4, superscript two U+00B2) */
	summary_class[nsummary] = "heterogeneity";
	if (k == 1)
		snprintf(summary[nsummary], sizeof(summary[0]), "Heterogeneity: not estimable from one study");
	else
	{
		char		i2[32],
					q[64],
					p[32];

		snprintf(i2, sizeof(i2), "I\xC2\xB2 = %.1f%%", pooled->i2);
		snprintf(q, sizeof(q), "Q = %s (df = %d)", fmt_2f(num3, sizeof(num3), pooled->q), pooled->q_df);
		fmt_p(p, sizeof(p), pooled->q_pval);
		if (fixed)
			snprintf(summary[nsummary], sizeof(summary[0]), "Heterogeneity: %s, %s, %s", i2, q, p);
		else
			snprintf(summary[nsummary], sizeof(summary[0]), "Heterogeneity: \xCF\x84\xC2\xB2 = %s, %s, %s, %s",
					 fmt_sig(num1, sizeof(num1), pooled->tau2), i2, q, p);
	}
	nsummary++;
	summary_class[nsummary] = "overall";
	if (knha)
		snprintf(summary[nsummary], sizeof(summary[0]), "Test for overall effect: t = %s (df = %d), %s",
				 fmt_2f(num3, sizeof(num3), pooled->stat), pooled->k - 1,
				 fmt_p(num1, sizeof(num1), pooled->pval));
	else
		snprintf(summary[nsummary], sizeof(summary[0]), "Test for overall effect: z = %s, %s",
				 fmt_2f(num3, sizeof(num3), pooled->stat), fmt_p(num1, sizeof(num1), pooled->pval));
	nsummary++;
	if (ngroups > 0)
	{
		summary_class[nsummary] = "subgroups";
		if (ngroups == 1)
			snprintf(summary[nsummary], sizeof(summary[0]), "Test for subgroup differences: one subgroup, not tested");
		else
			snprintf(summary[nsummary], sizeof(summary[0]), "Test for subgroup differences: Q = %s (df = %d), %s",
					 fmt_2f(num3, sizeof(num3), m->q_between), m->df, fmt_p(num1, sizeof(num1), m->pval));
		nsummary++;
	}
	if (prediction)
	{
		summary_class[nsummary] = "prediction";
		snprintf(summary[nsummary], sizeof(summary[0]), "Prediction interval (95%%): [%s, %s]",
				 fmt_num(num1, sizeof(num1), pooled->pi_low, &ax.value),
				 fmt_num(text, sizeof(text), pooled->pi_high, &ax.value));
		nsummary++;
	}
	if (skipped > 0)
	{
		summary_class[nsummary] = "note";
		if (ngroups > 0)
			snprintf(summary[nsummary], sizeof(summary[0]),
					 "%ld %s without an effect, a variance or a subgroup (NULL) %s not shown",
					 skipped, skipped == 1 ? "row" : "rows", skipped == 1 ? "is" : "are");
		else
			put_note_text(summary[nsummary], sizeof(summary[0]), skipped);
		nsummary++;
	}
	for (int i = 0; i < nsummary; i++)
		width = fmax(width, ceil(text_width(summary[i], FS_SMALL, false) + 2 * MARGIN));

	/* rows */
	rule1 = MARGIN + 22;
	row_top = rule1 + 6;
	rows_end = row_top + nrows * ROW_H;
	pooled_c = rows_end + 8 + ROW_H / 2;
	axis_y = pooled_c + ROW_H / 2 + 6;
	height = axis_y + 62 + 18 * (nsummary - 1) + MARGIN;
	x_null = axis_x(&ax, plot_x0, 0);

	svg_open(out, width, height);
	forest_buf_printf(out, "<title>Forest plot: %d %s", k, k == 1 ? "study" : "studies");
	if (ngroups > 0)
		forest_buf_printf(out, " in %d %s", ngroups, ngroups == 1 ? "subgroup" : "subgroups");
	put(out, ", ");
	put_text(out, plabel);
	put(out, "</title>\n");
	forest_buf_printf(out, "<desc>Pooled estimate %s with 95%% confidence interval",
					  fmt_interval(text, sizeof(text), pooled->estimate, pooled->ci_low,
								   pooled->ci_high, &ax.value));
	if (prediction)
		forest_buf_printf(out, ", 95%% prediction interval [%s, %s]",
						  fmt_num(num1, sizeof(num1), pooled->pi_low, &ax.value),
						  fmt_num(text, sizeof(text), pooled->pi_high, &ax.value));
	put(out, ".</desc>\n");
	svg_background(out, width, height);

	/* headers and rules */
	forest_buf_printf(out, "<g class=\"header\" font-weight=\"bold\">"
					  "<text x=\"%.1f\" y=\"%.1f\">Study</text>"
					  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">Estimate [95%% CI]</text>"
					  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">Weight</text></g>\n",
					  MARGIN, MARGIN + 13, est_right, MARGIN + 13, weight_right, MARGIN + 13);
	forest_buf_printf(out, "<line class=\"rule\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" RULE_COLOUR "\"/>\n",
					  MARGIN, rule1, weight_right, rule1);
	forest_buf_printf(out, "<line class=\"rule\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" RULE_COLOUR "\"/>\n",
					  MARGIN, rows_end + 4, weight_right, rows_end + 4);
	forest_buf_printf(out, "<line class=\"null\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
					  "stroke=\"" NULL_COLOUR "\" stroke-dasharray=\"4 3\"/>\n",
					  x_null, rule1, x_null, axis_y);

	/* the studies, in subgroup blocks: a heading, its studies, its diamond */
	put(out, "<g class=\"studies\">\n");
	y = row_top + ROW_H / 2;
	for (int g = 0; g < (ngroups > 0 ? ngroups : 1); g++)
	{
		double		gweight = 0;

		if (ngroups > 0)
		{
			shown_make(&s, sub->names[g], FOREST_LABEL_MAX_CHARS);
			put(out, "<g class=\"subgroup\">");
			if (s.cut)
			{
				put(out, "<title>");
				put_text_all(out, sub->names[g]);
				put(out, "</title>");
			}
			forest_buf_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">",
							  MARGIN, y + 4.5);
			put_shown(out, &s);
			put(out, "</text></g>\n");
			y += ROW_H;
		}
		for (int i = 0; i < k; i++)
		{
			double		rel = den_min / (vi[i] + tau2);

			if (ngroups > 0 && sub->group[i] != g)
				continue;
			msc_check_interrupts();
			put_study_row(out, (labels && labels[i]) ? labels[i] : NULL, yi[i], crit * sqrt(vi[i]),
						  rel, rel_sum, &ax, plot_x0, est_right, weight_right, y);
			gweight += 100 * rel / rel_sum;
			y += ROW_H;
		}
		if (ngroups > 0)
		{
			const forest_group *fg = &m->groups[g];

			put_pooled_row(out, "subtotal", subtotal_label(text, sizeof(text), fg, pooled->method),
						   fg->estimate, fg->ci_low, fg->ci_high, gweight, &ax, plot_x0,
						   est_right, weight_right, y);
			y += ROW_H;
		}
	}
	put(out, "</g>\n");

	/* the prediction interval: a dotted line with end ticks under the overall diamond */
	if (prediction)
	{
		double		xl = axis_x(&ax, plot_x0, pooled->pi_low),
					xh = axis_x(&ax, plot_x0, pooled->pi_high);

		forest_buf_printf(out, "<g class=\"prediction\" stroke=\"" INK "\" stroke-width=\"1.2\">"
						  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-dasharray=\"2 2\"/>"
						  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
						  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>\n",
						  xl, pooled_c, xh, pooled_c,
						  xl, pooled_c - 4, xl, pooled_c + 4, xh, pooled_c - 4, xh, pooled_c + 4);
	}
	put_pooled_row(out, "pooled", plabel, pooled->estimate, pooled->ci_low, pooled->ci_high,
				   100.0, &ax, plot_x0, est_right, weight_right, pooled_c);

	/* the axis */
	forest_buf_printf(out, "<g class=\"axis\" font-size=\"%.0f\">"
					  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" INK "\"/>\n",
					  FS_SMALL, plot_x0, axis_y, plot_x0 + PLOT_W, axis_y);
	for (int t = 0; t < ax.nticks; t++)
	{
		double		v = (double) (ax.first + t) * ax.step,
					x = axis_x(&ax, plot_x0, v);

		forest_buf_printf(out, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" INK "\"/>"
						  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
						  x, axis_y, x, axis_y + 5, x, axis_y + 18,
						  fmt_num(num1, sizeof(num1), v, &ax.tick));
	}
	shown_make(&s, axis_title ? axis_title : "Effect size", FOREST_TITLE_MAX_CHARS);
	forest_buf_printf(out, "<text class=\"title\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
					  plot_x0 + PLOT_W / 2, axis_y + 36);
	put_shown(out, &s);
	put(out, "</text></g>\n");

	/* heterogeneity, overall effect, subgroup differences, prediction, note */
	forest_buf_printf(out, "<g class=\"summary\" font-size=\"%.0f\">", FS_SMALL);
	for (int i = 0; i < nsummary; i++)
	{
		if (i > 0)
			put(out, "\n");
		put_summary(out, summary_class[i], summary[i], axis_y + 62 + 18 * i);
	}
	put(out, "</g>\n</svg>\n");
	return finish(out, err);
}

bool
forest_svg_write(forest_buf *out, const char *const *labels,
				 const double *yi, const double *vi, int k,
				 const meta_result *pooled, const char *axis_title,
				 long skipped, msc_error *err)
{
	forest_model m;

	msc_error_clear(err);
	if (k < 1)
		return write_empty(out, skipped, err);
	m.overall = *pooled;
	m.ngroups = 0;
	m.groups = NULL;
	return draw(out, labels, yi, vi, k, NULL, &m, false, axis_title, skipped, err);
}

bool
forest_plot_svg_opts(forest_buf *out, const char *const *labels,
					 const double *yi, const double *vi, int k,
					 const forest_subgroups *sub, const forest_options *opt,
					 const char *axis_title, long skipped, msc_error *err)
{
	forest_model m;
	bool		ok;

	msc_error_clear(err);
	if (k < 1)
		return write_empty(out, skipped, err);
	if (k > FOREST_MAX_STUDIES)
		return msc_fail(err, MSC_ERR_LIMIT, NULL, FOREST_MAX_STUDIES_HINT,
						"a forest plot draws at most %d studies, not %d",
						FOREST_MAX_STUDIES, k);
	for (int i = 0; i < k; i++)
		if (!stat_meta_check_study(yi[i], vi[i], err))
			return false;
	if (sub != NULL)
		for (int i = 0; i < k; i++)
			if (sub->group[i] < 0 || sub->group[i] >= sub->ngroups)
				return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
								"study %d is in subgroup %d of %d", i + 1, sub->group[i], sub->ngroups);
	if (!forest_model_fit(yi, vi, sub ? sub->group : NULL, k, sub ? sub->ngroups : 0,
						  opt, &m, err))
		return false;
	ok = draw(out, labels, yi, vi, k, sub, &m, opt->prediction, axis_title, skipped, err);
	forest_model_free(&m);
	return ok;
}

bool
forest_plot_svg(forest_buf *out, const char *const *labels,
				const double *yi, const double *vi, int k,
				meta_method method, const char *axis_title,
				long skipped, msc_error *err)
{
	forest_options opt;

	forest_options_init(&opt);
	opt.method = method;
	return forest_plot_svg_opts(out, labels, yi, vi, k, NULL, &opt, axis_title, skipped, err);
}
