/*
 * stat_prop.c — proportions of single arms, Peto's method and change from
 * baseline, as metafor 3.8-1's escalc(), rma(), rma.peto() and predict()
 * define them (formulas of metafor's documentation and source).
 */
#include "stat_prop.h"

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
			   meta_method method, meta_test test, prop_result *out,
			   msc_error *err)
{
	double	   *yi = malloc(sizeof(double) * (size_t) (k > 0 ? 2 * k : 2));
	double	   *vi = yi + (k > 0 ? k : 1);
	double		inv_n = 0,
				nhm;
	bool		ok = true;

	memset(out, 0, sizeof(*out));
	out->measure = m;
	if (yi == NULL)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "out of memory");
	for (int i = 0; ok && i < k; i++)
	{
		stat_effect e;

		ok = stat_prop(x[i], n[i], m, &e, err);
		yi[i] = e.yi;
		vi[i] = e.vi;
		inv_n += 1 / n[i];
	}
	ok = ok && stat_meta_pool(yi, vi, k, method, test, &out->meta, err);
	free(yi);
	if (!ok)
		return false;
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
