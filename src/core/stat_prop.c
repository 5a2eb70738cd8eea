/*
 * stat_prop.c — proportions of single arms, Peto's method and change from
 * baseline, as metafor 3.8-1's escalc(), rma(), rma.peto() and predict()
 * define them (formulas of metafor's documentation and source).
 */
#include "stat_prop.h"

#include "stat_chisq.h"
#include "stat_confint.h"
#include "stat_dist.h"
#include "msc_alloc.h"
#include "msc_interrupt.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char count_hint[] = "Counts are whole numbers, 0 <= events <= arm size, arm size >= 1.";

/* The index of s in names (case-insensitive), or -1. */
static int
name_index(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
	{
		size_t		j;

		for (j = 0; s[j] && names[i][j]; j++)
			if (tolower((unsigned char) s[j]) != tolower((unsigned char) names[i][j]))
				break;
		if (s[j] == '\0' && names[i][j] == '\0')
			return i;
	}
	return -1;
}

static const char *const prop_names[] = {"PR", "PLO", "PAS", "PFT"};

bool
stat_prop_measure_parse(const char *s, prop_measure *m, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];
	int			i = name_index(s, prop_names, 4);

	if (i < 0)
	{
		msc_quote(q, sizeof(q), s, strlen(s));
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Proportion measures are PR (raw), PLO (logit, the default), PAS (arcsine) and PFT (Freeman-Tukey).",
						"unknown proportion measure \"%s\"", q);
	}
	*m = (prop_measure) i;
	return true;
}

const char *
stat_prop_measure_name(prop_measure m)
{
	return prop_names[m];
}

static bool
check_arm(double x, double n, msc_error *err)
{
	char		a[32],
				b[32];

	if (!(n >= 1) || n != floor(n) || !isfinite(n))
		return msc_fail(err, MSC_ERR_PARAM, NULL, count_hint,
						"arm size %s is not a whole number of at least 1", msc_num(a, sizeof(a), n));
	if (!(x >= 0) || x != floor(x) || !isfinite(x))
		return msc_fail(err, MSC_ERR_PARAM, NULL, count_hint,
						"event count %s is not a whole number >= 0", msc_num(a, sizeof(a), x));
	if (x > n)
		return msc_fail(err, MSC_ERR_PARAM, NULL, count_hint,
						"event count %s is larger than the arm size %s",
						msc_num(a, sizeof(a), x), msc_num(b, sizeof(b), n));
	return true;
}

/* Freeman-Tukey double arcsine of x events of n (metafor's transf.pft) */
static double
pft(double x, double n)
{
	return (asin(sqrt(x / (n + 1))) + asin(sqrt((x + 1) / (n + 1)))) / 2;
}

bool
stat_prop(double x, double n, prop_measure m, stat_effect *out, msc_error *err)
{
	double		xs,
				ns,
				p;

	if (!check_arm(x, n, err))
		return false;
	xs = x;
	ns = n;
	/* escalc's default add = 1/2, to = "only0"; add = 0 for PAS and PFT */
	if ((m == PROP_PR || m == PROP_PLO) && (x == 0 || x == n))
	{
		xs += 0.5;
		ns += 1;
	}
	p = xs / ns;
	switch (m)
	{
		case PROP_PR:
			out->yi = p;
			out->vi = p * (1 - p) / ns;
			break;
		case PROP_PLO:
			out->yi = log(p / (1 - p));
			out->vi = 1 / xs + 1 / (ns - xs);
			break;
		case PROP_PAS:
			out->yi = asin(sqrt(p));
			out->vi = 1 / (4 * ns);
			break;
		case PROP_PFT:
			out->yi = pft(xs, ns);
			out->vi = 1 / (4 * ns + 2);
			break;
	}
	return true;
}

double
stat_prop_back(prop_measure m, double y, double nhm)
{
	switch (m)
	{
		case PROP_PR:
			return y;
		case PROP_PLO:
			/* the inverse logit without overflow for large |y| */
			return y >= 0 ? 1 / (1 + exp(-y)) : exp(y) / (1 + exp(y));
		case PROP_PAS:
			if (y < 0)
				return 0;
			if (y > asin(1.0))
				return 1;
			return sin(y) * sin(y);
		case PROP_PFT:
		default:
			{
				double		s = sin(2 * y),
							c = cos(2 * y),
							t;

				if (y > pft(nhm, nhm))
					return 1;
				if (y < pft(0, nhm))
					return 0;
				t = s + (s - 1 / s) / nhm;
				/* sign(cos 2y), 0 at cos 2y = 0 as R's sign() */
				return (1 - ((c > 0) - (c < 0)) * sqrt(1 - t * t)) / 2;
			}
	}
}

/* swap so that lo <= hi, as predict.rma does after a transformation */
static void
ordered(double *lo, double *hi)
{
	if (*lo > *hi)
	{
		double		t = *lo;

		*lo = *hi;
		*hi = t;
	}
}

bool
stat_meta_prop(const double *x, const double *n, int k, prop_measure m,
			   meta_method method, meta_test test, double level,
			   prop_result *out, msc_error *err)
{
	double	   *yi = msc_malloc(sizeof(double) * (size_t) (k > 0 ? 2 * k : 2));
	double	   *vi = yi + (k > 0 ? k : 1);
	double		inv_n = 0,
				nhm;
	bool		ok = true;

	memset(out, 0, sizeof(*out));
	out->measure = m;
	if (yi == NULL)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "out of memory");
	if (!stat_level_check(level, err))
	{
		msc_free(yi);
		return false;
	}
	for (int i = 0; ok && i < k; i++)
	{
		stat_effect e;

		if (i % MSC_INTERRUPT_EVERY == 0)
			msc_check_interrupts();

		ok = stat_prop(x[i], n[i], m, &e, err);
		yi[i] = e.yi;
		vi[i] = e.vi;
		inv_n += 1 / n[i];
	}
	ok = ok && stat_meta_pool(yi, vi, k, method, test, &out->meta, err);
	msc_free(yi);
	if (!ok)
		return false;
	if (level != 95)
		stat_meta_relevel(&out->meta, level, PI_DEFAULT);
	nhm = k / inv_n;			/* the harmonic mean of the arm sizes */
	out->prop = stat_prop_back(m, out->meta.estimate, nhm);
	out->prop_ci_low = stat_prop_back(m, out->meta.ci_low, nhm);
	out->prop_ci_high = stat_prop_back(m, out->meta.ci_high, nhm);
	ordered(&out->prop_ci_low, &out->prop_ci_high);
	if (out->meta.has_pi)
	{
		out->prop_pi_low = stat_prop_back(m, out->meta.pi_low, nhm);
		out->prop_pi_high = stat_prop_back(m, out->meta.pi_high, nhm);
		ordered(&out->prop_pi_low, &out->prop_pi_high);
	}
	else
		out->prop_pi_low = out->prop_pi_high = NAN;
	return true;
}

static const char change_hint[] =
	"Arm sizes are whole numbers >= 1, means finite, SDs finite and >= 0, the correlation r in [-1, 1].";

static bool
bad_change(msc_error *err, const char *fmt, double v)
{
	char		num[32];

	return msc_fail(err, MSC_ERR_PARAM, NULL, change_hint, fmt, msc_num(num, sizeof(num), v));
}

static bool
check_change(double n, double m_pre, double sd_pre, double m_post, double sd_post,
			 double r, msc_error *err)
{
	if (!(n >= 1) || n != floor(n) || !isfinite(n))
		return bad_change(err, "arm size %s is not a whole number of at least 1", n);
	if (!isfinite(m_pre) || !isfinite(m_post))
		return bad_change(err, "mean %s is not a finite number", isfinite(m_pre) ? m_post : m_pre);
	if (!(sd_pre >= 0) || !isfinite(sd_pre))
		return bad_change(err, "baseline standard deviation %s is not a finite number >= 0", sd_pre);
	if (!(sd_post >= 0) || !isfinite(sd_post))
		return bad_change(err, "follow-up standard deviation %s is not a finite number >= 0", sd_post);
	if (!(r >= -1 && r <= 1))
		return bad_change(err, "correlation %s is outside [-1, 1]", r);
	return true;
}

bool
stat_mean_change(double n, double m_pre, double sd_pre, double m_post,
				 double sd_post, double r, stat_effect *out, msc_error *err)
{
	double		v;

	if (!check_change(n, m_pre, sd_pre, m_post, sd_post, r, err))
		return false;
	v = sd_pre * sd_pre + sd_post * sd_post - 2 * r * sd_pre * sd_post;
	out->yi = m_post - m_pre;
	out->vi = (v > 0 ? v : 0) / n;
	if (!isfinite(out->yi) || !isfinite(out->vi))
		return msc_fail(err, MSC_ERR_RANGE, NULL, change_hint,
						"the mean change of %g and %g is out of range", m_pre, m_post);
	return true;
}

bool
stat_smcr(double n, double m_pre, double sd_pre, double m_post, double r,
		  stat_effect *out, msc_error *err)
{
	double		m,
				j;

	if (!check_change(n, m_pre, sd_pre, m_post, 0, r, err))
		return false;
	if (n < 3)
		return bad_change(err, "a standardised mean change needs n >= 3, got %s", n);
	if (!(sd_pre > 0))
		return bad_change(err, "baseline standard deviation %s is not > 0, so the standardised change is undefined",
						  sd_pre);
	/* metafor's .cmicalc(n - 1): Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) */
	m = n - 1;
	j = exp(lgamma(m / 2) - 0.5 * log(m / 2) - lgamma((m - 1) / 2));
	out->yi = j * ((m_post - m_pre) / sd_pre);
	out->vi = 2 * (1 - r) / n + out->yi * out->yi / (2 * n);
	if (!isfinite(out->yi) || !isfinite(out->vi))
		return msc_fail(err, MSC_ERR_RANGE, NULL, change_hint,
						"the standardised mean change of %g and %g with baseline SD %g is out of range",
						m_pre, m_post, sd_pre);
	return true;
}

/* ---- continuity corrections and rare events ---- */

static const char table_hint[] = "Each table holds whole counts >= 0 with both groups non-empty.";
static const char *const cc_names[] = {"only0", "all", "if0all", "none"};

bool
stat_cc_to_parse(const char *s, cc_to *to, msc_error *err)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];
	int			i = name_index(s, cc_names, 4);

	if (i < 0)
	{
		msc_quote(q, sizeof(q), s, strlen(s));
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"to is only0 (the default: tables with a zero cell), all, if0all (all tables when any has a zero cell) or none.",
						"unknown continuity correction \"%s\"", q);
	}
	*to = (cc_to) i;
	return true;
}

const char *
stat_cc_to_name(cc_to to)
{
	return cc_names[to];
}

bool
stat_cc_check(const cc_opts *cc, msc_error *err)
{
	char		num[32];

	if (!(cc->add >= 0) || !isfinite(cc->add))
		return msc_fail(err, MSC_ERR_PARAM, NULL, "The continuity correction add is a finite number >= 0 (1/2 by default).",
						"continuity correction %s is not a finite number >= 0",
						msc_num(num, sizeof(num), cc->add));
	return true;
}

static bool
check_table(double a, double b, double c, double d, msc_error *err)
{
	const double t[4] = {a, b, c, d};
	char		num[32];

	for (int i = 0; i < 4; i++)
		if (!(t[i] >= 0) || t[i] != floor(t[i]) || !isfinite(t[i]))
			return msc_fail(err, MSC_ERR_PARAM, NULL, table_hint, "table cell %c = %s is not a whole number >= 0",
							'a' + i, msc_num(num, sizeof(num), t[i]));
	if (a + b == 0 || c + d == 0)
		return msc_fail(err, MSC_ERR_PARAM, NULL, table_hint,
						"table (%g, %g, %g, %g) has an empty group", a, b, c, d);
	return true;
}

static bool
has_zero(double a, double b, double c, double d)
{
	return a == 0 || b == 0 || c == 0 || d == 0;
}

static bool
is_00(double a, double b, double c, double d)
{
	return (a == 0 && c == 0) || (b == 0 && d == 0);
}

bool
stat_table_cc(meta_measure m, double a, double b, double c, double d,
			  const cc_opts *cc, bool set_has_zero, stat_effect *out,
			  bool *defined, msc_error *err)
{
	double		add = 0,
				n1,
				n2,
				p1,
				p2;

	if (!check_table(a, b, c, d, err) || !stat_cc_check(cc, err))
		return false;
	*defined = !(cc->drop00 && is_00(a, b, c, d));
	if (!*defined)
		return true;
	if (cc->to == CC_ALL || (cc->to == CC_ONLY0 && has_zero(a, b, c, d)) ||
		(cc->to == CC_IF0ALL && (set_has_zero || has_zero(a, b, c, d))))
		add = cc->add;
	a += add, b += add, c += add, d += add;
	n1 = a + b;
	n2 = c + d;
	p1 = a / n1;
	p2 = c / n2;
	switch (m)
	{
		case META_OR:
			out->yi = log(p1 / (1 - p1)) - log(p2 / (1 - p2));
			out->vi = 1 / a + 1 / b + 1 / c + 1 / d;
			break;
		case META_RR:
			out->yi = log(p1) - log(p2);
			out->vi = 1 / a - 1 / n1 + 1 / c - 1 / n2;
			break;
		case META_RD:
		default:
			out->yi = p1 - p2;
			out->vi = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
			break;
	}
	return true;
}

bool
stat_effect_cc(meta_measure m, double a, double b, double c, double d,
			   const cc_opts *cc, stat_effect *out, bool *defined, msc_error *err)
{
	if (!stat_table_cc(m, a, b, c, d, cc, false, out, defined, err))
		return false;
	if (*defined && (!isfinite(out->yi) || !isfinite(out->vi)))
		return msc_fail(err, MSC_ERR_RANGE, NULL,
						"A log ratio of a table with a zero cell needs a continuity correction (to only0, all or if0all, add > 0).",
						"the effect of table (%g, %g, %g, %g) is infinite without a continuity correction",
						a, b, c, d);
	return true;
}

/* Cochran's Q, I^2, H^2 around r->estimate from n effects, as rma.mh/rma.peto */
static void
heterogeneity(meta_result *r, double q, int kq, bool informative)
{
	r->q = q;
	r->q_df = kq - 1;
	if (informative && kq > 1)
	{
		r->q_pval = stat_pchisq_upper(q, kq - 1);
		r->i2 = (q > 0) ? fmax(0, 100 * (q - (kq - 1)) / q) : 0;
		r->h2 = q / (kq - 1);
	}
	else
	{
		r->q_pval = 1;
		r->i2 = 0;
		r->h2 = 1;
	}
}

bool
stat_meta_mh_cc(const double *a, const double *b, const double *c,
				const double *d, int k, meta_measure measure,
				const cc_opts *cc, meta_result *out, msc_error *err)
{
	bool		set_zero = false;
	double		q = 0;
	int			kq = 0;

	if (!stat_cc_check(cc, err) || !stat_meta_mh(a, b, c, d, k, measure, out, err))
		return false;
	for (int i = 0; i < k; i++)
		if (!(cc->drop00 && is_00(a[i], b[i], c[i], d[i])) && has_zero(a[i], b[i], c[i], d[i]))
			set_zero = true;
	for (int i = 0; i < k; i++)
	{
		stat_effect e;
		bool		defined;

		if (i % MSC_INTERRUPT_EVERY == 0)
			msc_check_interrupts();
		if (!stat_table_cc(measure, a[i], b[i], c[i], d[i], cc, set_zero, &e, &defined, err))
			return false;
		/* metafor recodes an infinite effect to NA and leaves it out */
		if (!defined || !isfinite(e.yi) || !isfinite(e.vi))
			continue;
		if (!(e.vi > 0))
			return msc_fail(err, MSC_ERR_RANGE, NULL,
							"Use a continuity correction (to only0, all or if0all) or drop00 for such tables.",
							"table (%g, %g, %g, %g) has sampling variance 0, so Cochran's Q is infinite",
							a[i], b[i], c[i], d[i]);
		q += (e.yi - out->estimate) * (e.yi - out->estimate) / e.vi;
		kq++;
	}
	heterogeneity(out, kq > 1 ? q : 0, kq, true);
	return true;
}

bool
stat_meta_peto(const double *a, const double *b, const double *c,
			   const double *d, int k, meta_result *out, msc_error *err)
{
	double		so = 0,
				sv = 0,
				sq = 0,
				crit = stat_qnorm(0.975, true);
	int			kpos = 0,
				kyi = 0;

	memset(out, 0, sizeof(*out));
	out->k = k;
	out->method = META_FE;
	out->test = META_Z;
	for (int i = 0; i < k; i++)
	{
		double		n1 = a[i] + b[i],
					n2 = c[i] + d[i],
					n = n1 + n2,
					xt = a[i] + c[i],
					e,
					v;

		if (i % MSC_INTERRUPT_EVERY == 0)
			msc_check_interrupts();
		if (!check_table(a[i], b[i], c[i], d[i], err))
			return false;
		/* scaled by n before multiplying: no overflow for large tables */
		e = xt * (n1 / n);
		v = xt * ((b[i] + d[i]) / (n - 1)) * (n1 / n) * (n2 / n);
		so += a[i] - e;
		sv += v;
		if (v > 0)
		{
			sq += (a[i] - e) * (a[i] - e) / v;
			kpos++;
		}
		if (!is_00(a[i], b[i], c[i], d[i]))
			kyi++;
	}
	if (!(sv > 0))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Peto's method needs both an event and a non-event somewhere in the tables.",
						"one of the two outcomes never occurred in any of the %d tables", k);
	out->estimate = so / sv;
	out->se = sqrt(1 / sv);
	out->stat = out->estimate / out->se;
	out->pval = fmin(1, 2 * stat_pnorm(fabs(out->stat), false));
	out->ci_low = out->estimate - crit * out->se;
	out->ci_high = out->estimate + crit * out->se;
	out->tau2 = 0;
	out->has_pi = false;
	out->pi_low = out->pi_high = NAN;
	heterogeneity(out, fmax(0, sq - so * so / sv), kyi, kpos > 1);
	return true;
}
