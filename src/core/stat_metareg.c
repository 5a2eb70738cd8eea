/*
 * stat_metareg.c — meta-regression as metafor 3.8-1's rma.uni() with
 * moderators and predict.rma() (subgroup analysis: stat_subgroup.c).
 *
 * Every weighted least-squares fit is a Householder QR of W^(1/2) X (as
 * metafor's .invcalc uses qr.solve), never the normal equations, so that
 * an uncentred moderator such as a year costs no digits.  With the thin
 * factor Q (rows q_i = R^-T W^(1/2) x_i) and residuals e = y - X b:
 *   RSS   = y'Py    = sum w e^2
 *   tr P            = sum w (1 - q_i'q_i)
 *   y'PPy           = sum (w e)^2
 *   tr PP           = sum w^2 - 2 sum w^2 q_i'q_i + ||sum w q_i q_i'||_F^2
 * which are all that the DL, PM and REML estimators need, in O(k p^2).
 */
#include "stat_metareg.h"
#include "msc_alloc.h"
#include "msc_interrupt.h"

#include "stat_chisq.h"
#include "stat_dist.h"
#include "stat_fdist.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXC		METAREG_MAX_COEF
#define CI_LEVEL	0.95
#define RANK_TOL	1e-7		/* lm()'s tolerance, which decides what metafor drops */
#define EV_TOL		1e-7		/* metafor's evtol: smallest eigenvalue of X'X allowed */
#define LL_TOL		1.220703125e-4	/* metafor's tol, .Machine$double.eps^0.25 */
#define SCORING_ITER 200
#define MAX_ITER	10000

typedef struct model
{
	int			k;
	int			p;
	const double *y;
	const double *v;
	double		vmin;
	double	   *X;				/* k x p, row-major: the kept columns */
	double	   *A;				/* k x (p + 1), column-major: W^(1/2) [X y], then its QR */
	double	   *w;				/* weights of the current fit */
} model;

typedef struct wls_fit
{
	double		beta[MAXC];
	double		R[MAXC * MAXC]; /* upper triangle, row-major p x p */
	double		rss;			/* sum w e^2 */
	double		trp;			/* tr P */
	double		trpp;			/* tr PP */
	double		ypppy;			/* y'PPy */
	double		logdet;			/* log det X'WX */
} wls_fit;

static bool
fail_overflow(msc_error *err)
{
	return msc_fail(err, MSC_ERR_RANGE, NULL,
					"Rescale the effect sizes, variances or moderators to moderate magnitudes.",
					"meta-regression overflowed with these effect sizes, variances or moderators");
}

/*
 * sqrt(sum a_i^2) without overflow or underflow in the squares: the plain
 * sum where it is safely inside the range of doubles (the common case, one
 * pass and no divisions), else the sum of squares scaled by the largest.
 */
static double
scaled_norm(const double *a, int n)
{
	double		scale = 0,
				s = 0;

	for (int i = 0; i < n; i++)
		s += a[i] * a[i];
	if (s > 1e-280 && s < 1e280)
		return sqrt(s);
	s = 0;
	for (int i = 0; i < n; i++)
		if (fabs(a[i]) > scale)
			scale = fabs(a[i]);
	if (scale == 0 || !isfinite(scale))
		return scale;
	for (int i = 0; i < n; i++)
		s += (a[i] / scale) * (a[i] / scale);
	return scale * sqrt(s);
}

/*
 * Householder step on column cj of the k-row column-major matrix A with nc
 * columns, from row j: zero its rows below j and apply the reflection to
 * columns cj+1 .. nc-1.
 * Returns the new diagonal element; 0 leaves everything as it was.
 */
static double
householder(double *A, int k, int nc, int cj, int j)
{
	double	   *col = A + (size_t) cj * k;
	double		norm = scaled_norm(col + j, k - j),
				alpha,
				u,
				vtv;

	if (norm == 0)
		return 0;
	alpha = (col[j] > 0) ? -norm : norm;
	u = col[j] - alpha;
	vtv = norm * (norm + fabs(col[j])) * 2;
	col[j] = u;
	for (int c = cj + 1; c < nc; c++)
	{
		double	   *a = A + (size_t) c * k,
					s = 0;

		for (int i = j; i < k; i++)
			s += col[i] * a[i];
		s = 2 * s / vtv;
		for (int i = j; i < k; i++)
			a[i] -= s * col[i];
	}
	col[j] = alpha;
	for (int i = j + 1; i < k; i++)
		col[i] = 0;
	return alpha;
}

/*
 * The weighted fit for weights w (m->w): coefficients, R, RSS and log det
 * X'WX; with traces also tr P, tr PP and y'PPy.  False if the weighted
 * model matrix is singular or a number overflows.
 */
static bool
wls(const model *m, bool traces, wls_fit *f)
{
	int			k = m->k,
				p = m->p;
	double	   *A = m->A;
	double		g[MAXC * MAXC],
				rinv[MAXC];

	for (int i = 0; i < k; i++)
	{
		double		sw = sqrt(m->w[i]);

		for (int j = 0; j < p; j++)
			A[(size_t) j * k + i] = sw * m->X[(size_t) i * p + j];
		A[(size_t) p * k + i] = sw * m->y[i];
	}
	f->logdet = 0;
	for (int j = 0; j < p; j++)
	{
		double		d = householder(A, k, p + 1, j, j);

		if (d == 0 || !isfinite(d))
			return false;
		f->logdet += 2 * log(fabs(d));
		for (int c = j; c < p; c++)
			f->R[j * p + c] = A[(size_t) c * k + j];
	}
	for (int j = p - 1; j >= 0; j--)
	{
		double		s = A[(size_t) p * k + j];

		for (int c = j + 1; c < p; c++)
			s -= f->R[j * p + c] * f->beta[c];
		f->beta[j] = s / f->R[j * p + j];
	}
	f->rss = f->trp = f->trpp = f->ypppy = 0;
	if (traces)
	{
		memset(g, 0, sizeof(double) * p * p);
		for (int j = 0; j < p; j++)
			rinv[j] = 1 / f->R[j * p + j];
	}
	{
		double		sw2 = 0,
					sw2h = 0;

		for (int i = 0; i < k; i++)
		{
			const double *xi = m->X + (size_t) i * p;
			double		w = m->w[i],
						sw,
						e = m->y[i],
						q[MAXC],
						h = 0;

			for (int j = 0; j < p; j++)
				e -= xi[j] * f->beta[j];
			f->rss += w * e * e;
			if (!traces)
				continue;
			f->ypppy += (w * e) * (w * e);
			/* q = R^-T W^(1/2) x_i */
			sw = sqrt(w);
			for (int j = 0; j < p; j++)
			{
				double		s = sw * xi[j];

				for (int l = 0; l < j; l++)
					s -= f->R[l * p + j] * q[l];
				q[j] = s * rinv[j];
				h += q[j] * q[j];
			}
			f->trp += w * (1 - h);
			sw2 += w * w;
			sw2h += w * w * h;
			/* sum w q q' is symmetric: its upper triangle is enough */
			for (int a = 0; a < p; a++)
			{
				double		wqa = w * q[a];

				for (int b = a; b < p; b++)
					g[a * p + b] += wqa * q[b];
			}
		}
		if (traces)
		{
			double		gf = 0;

			for (int a = 0; a < p; a++)
			{
				gf += g[a * p + a] * g[a * p + a];
				for (int b = a + 1; b < p; b++)
					gf += 2 * g[a * p + b] * g[a * p + b];
			}
			f->trpp = sw2 - 2 * sw2h + gf;
		}
	}
	return isfinite(f->rss) && isfinite(f->logdet) &&
		(!traces || (isfinite(f->trpp) && isfinite(f->ypppy)));
}

static bool
wls_at(const model *m, double tau2, bool traces, wls_fit *f)
{
	for (int i = 0; i < m->k; i++)
		m->w[i] = 1 / (m->v[i] + tau2);
	return wls(m, traces, f);
}

/* ---- tau^2 ---------------------------------------------------------- */

/* an estimating equation f(tau2) = 0, f falling through its root, and the
 * step proposed from tau2 */
typedef struct tau2_eval
{
	double		f;
	double		step;
} tau2_eval;

typedef bool (*tau2_fn) (const model *m, double t, tau2_eval *e);

/* REML: the restricted score y'PPy - tr P; Fisher scoring step / tr PP */
static bool
reml_eval(const model *m, double t, tau2_eval *e)
{
	wls_fit		f;

	if (!wls_at(m, t, true, &f))
		return false;
	e->f = f.ypppy - f.trp;
	e->step = e->f / f.trpp;
	return isfinite(e->step);
}

/* PM: the generalised Q minus k - p; Newton step (dQ/dtau2 = -y'PPy) */
static bool
pm_eval(const model *m, double t, tau2_eval *e)
{
	wls_fit		f;

	if (!wls_at(m, t, true, &f))
		return false;
	e->f = f.rss - (m->k - m->p);
	e->step = (f.ypppy > 0) ? e->f / f.ypppy : 0;
	return isfinite(e->f);
}

/* tau2 enters only through v_i + tau2: steps are judged against that sum */
static bool
converged(const model *m, double from, double to)
{
	return fabs(to - from) <= 1e-14 * (fabs(to) + m->vmin);
}

static bool
no_convergence(msc_error *err, const char *name)
{
	return msc_fail(err, MSC_ERR_PARAM, NULL, "Try method DL for these studies.",
					"%s did not converge in %d iterations", name, MAX_ITER);
}

/*
 * The root of fn in [lo, hi] (f(lo) > 0 > f(hi)), from start, by the
 * proposed steps kept inside a shrinking bracket, bisecting whenever a step
 * would leave it or fails to halve the step before last (rtsafe).
 */
static bool
solve_bracketed(const model *m, tau2_fn fn, double lo, double hi, double start,
				double *tau2, int *iterations, const char *name, msc_error *err)
{
	double		t = (start > lo && start < hi) ? start : (lo + hi) / 2;
	double		dx = hi - lo,
				dxold = dx;

	for (int it = 1; it <= MAX_ITER; it++)
	{
		tau2_eval	e;
		double		next;

		msc_check_interrupts();

		if (!fn(m, t, &e))
			return fail_overflow(err);
		if (e.f > 0)
			lo = t;
		else
			hi = t;
		dxold = dx;
		if (!(t + e.step > lo && t + e.step < hi) || fabs(2 * e.step) > fabs(dxold))
		{
			dx = (hi - lo) / 2;
			next = lo + dx;
		}
		else
		{
			dx = e.step;
			next = t + dx;
		}
		*iterations += 1;
		if (converged(m, t, next) || converged(m, lo, hi))
		{
			*tau2 = next;
			return true;
		}
		t = next;
	}
	return no_convergence(err, name);
}

/* an upper end of the bracket: f(hi) <= 0, doubling from start */
static bool
bracket_above(const model *m, tau2_fn fn, double start, double *lo, double *hi,
			  const char *name, msc_error *err)
{
	double		t = fmax(start, m->vmin);

	for (int i = 0; i < 2000; i++)
	{
		tau2_eval	e;

		msc_check_interrupts();

		if (!fn(m, t, &e))
			return fail_overflow(err);
		if (e.f <= 0)
		{
			*hi = t;
			return true;
		}
		*lo = t;
		t *= 2;
	}
	return msc_fail(err, MSC_ERR_PARAM, NULL, "Try method DL for these studies.",
					"%s found no upper bound for tau^2", name);
}

/* the restricted log-likelihood at tau2 (metafor's ll.REML without constants
 * shared by every tau2) */
static bool
reml_loglik(const model *m, double t, double *ll)
{
	wls_fit		f;
	double		slv = 0;

	if (!wls_at(m, t, false, &f))
		return false;
	for (int i = 0; i < m->k; i++)
		slv += log(m->v[i] + t);
	*ll = -0.5 * slv - 0.5 * f.logdet - 0.5 * f.rss;
	return isfinite(*ll);
}

/*
 * REML as metafor: Fisher scoring from max(0, Hedges' estimator), the step
 * halved while it would make tau2 negative, then metafor's check that the
 * likelihood at tau2 = 0 is not higher.  Iterates that fail to settle are
 * handed to solve_bracketed.
 */
static bool
tau2_reml(const model *m, double start, double *tau2, int *iterations, msc_error *err)
{
	double		t = fmax(0, start),
				below = -1,
				above = -1,
				t_prev = -1,
				f_prev = 0,
				ll0,
				ll;
	bool		done = false;

	for (int it = 1; it <= SCORING_ITER && !done; it++)
	{
		tau2_eval	e;
		double		adj;

		msc_check_interrupts();
		if (!reml_eval(m, t, &e))
			return fail_overflow(err);
		*iterations = it;
		if (e.f > 0)
			below = t;
		else
			above = t;
		adj = e.step;
		if (t == 0 && adj <= 0)
		{
			*tau2 = 0;
			return true;
		}
		while (t + adj < 0)
			adj /= 2;
		/*
		 * Fisher scoring converges only linearly.  Once two scoring steps
		 * have been taken, a secant step on the score that goes the same
		 * way as the scoring step, not past the root bracket and not much
		 * further, reaches the same root in far fewer evaluations.
		 */
		if (it > 2 && t_prev >= 0 && e.f != f_prev)
		{
			double		sc = (t - t_prev) / (e.f - f_prev) * e.f;

			if (isfinite(sc) && sc * adj < 0 && fabs(sc) <= 4 * fabs(adj) && t - sc >= 0 &&
				(below < 0 || t - sc >= below) && (above < 0 || t - sc <= above))
				adj = -sc;
		}
		t_prev = t;
		f_prev = e.f;
		done = converged(m, t, t + adj);
		t += adj;
	}
	if (!done)
	{
		if (above < 0 && !bracket_above(m, reml_eval, t, &below, &above, "REML", err))
			return false;
		if (below < 0 || below > above)
		{
			tau2_eval	e0;

			if (!reml_eval(m, 0, &e0))
				return fail_overflow(err);
			if (e0.f <= 0)
			{
				*tau2 = 0;
				return true;
			}
			below = 0;
		}
		if (!solve_bracketed(m, reml_eval, below, above, t, &t, iterations, "REML", err))
			return false;
	}
	/*
	 * Iterates creeping down to the boundary (each step halved to stay
	 * >= 0) stop a few ulps of v_i above it: where the score at 0 is not
	 * positive too, the maximum is tau2 = 0 itself.
	 */
	if (t > 0 && t <= 1e-12 * m->vmin)
	{
		tau2_eval	e0;

		if (!reml_eval(m, 0, &e0))
			return fail_overflow(err);
		if (e0.f <= 0)
			t = 0;
	}
	if (!reml_loglik(m, 0, &ll0) || !reml_loglik(m, t, &ll))
		return fail_overflow(err);
	*tau2 = (ll0 - ll > LL_TOL && t > 0) ? 0 : t;
	return true;
}

/* Paule-Mandel: the generalised Q falls as tau2 grows; no root above 0 when
 * Q(0) < k - p */
static bool
tau2_pm(const model *m, double start, double *tau2, int *iterations, msc_error *err)
{
	tau2_eval	e;
	double		lo = 0,
				hi = 0;

	if (!pm_eval(m, 0, &e))
		return fail_overflow(err);
	if (e.f < 0)
	{
		*tau2 = 0;
		return true;
	}
	if (!bracket_above(m, pm_eval, start, &lo, &hi, "Paule-Mandel", err))
		return false;
	return solve_bracketed(m, pm_eval, lo, hi, start, tau2, iterations, "Paule-Mandel", err);
}

/* Hedges' estimator (metafor's REML start): OLS residuals and tr((I-H)V) */
static bool
tau2_he(const model *m, double *tau2)
{
	wls_fit		f;
	double		trpv = 0;

	for (int i = 0; i < m->k; i++)
		m->w[i] = 1;
	if (!wls(m, false, &f))
		return false;
	for (int i = 0; i < m->k; i++)
	{
		const double *xi = m->X + (size_t) i * m->p;
		double		q[MAXC],
					h = 0;

		for (int j = 0; j < m->p; j++)
		{
			double		s = xi[j];

			for (int l = 0; l < j; l++)
				s -= f.R[l * m->p + j] * q[l];
			q[j] = s / f.R[j * m->p + j];
			h += q[j] * q[j];
		}
		trpv += m->v[i] * (1 - h);
	}
	*tau2 = (f.rss - trpv) / (m->k - m->p);
	return isfinite(*tau2);
}

static bool
estimate_tau2(const model *m, meta_method method, double *tau2, int *iterations,
			  msc_error *err)
{
	wls_fit		fe;
	double		dl,
				he;

	*tau2 = 0;
	*iterations = 0;
	if (method == META_FE || m->k == 1)
		return true;
	if (!wls_at(m, 0, true, &fe))
		return fail_overflow(err);
	dl = fmax(0, (fe.rss - (m->k - m->p)) / fe.trp);
	switch (method)
	{
		case META_DL:
			*tau2 = dl;
			return true;
		case META_PM:
			return tau2_pm(m, dl, tau2, iterations, err);
		case META_REML:
			if (!tau2_he(m, &he))
				return fail_overflow(err);
			return tau2_reml(m, he, tau2, iterations, err);
		default:
			return true;
	}
}

/* ---- the model matrix ----------------------------------------------- */

/*
 * Which columns of [1 x] lm() keeps (LINPACK dqrdc2, as lm(yi ~ X - 1) in
 * rma.uni): taken left to right, a column is redundant when its part
 * orthogonal to the columns kept before it has a norm below 1e-7 of its
 * own; once k columns are kept the rest are redundant.
 */
static bool
find_redundant(const double *x, int k, int m, bool *dropped)
{
	int			nc = m + 1,
				kept = 0;
	double	   *A = msc_malloc(sizeof(double) * (size_t) k * nc);

	if (A == NULL)
		return false;
	for (int i = 0; i < k; i++)
	{
		A[i] = 1;
		for (int j = 0; j < m; j++)
			A[(size_t) (j + 1) * k + i] = x[(size_t) i * m + j];
	}
	for (int c = 0; c < nc; c++)
	{
		double	   *col = A + (size_t) c * k;
		double		orig = scaled_norm(col, k);

		/* the rows above "kept" hold the parts along the kept columns */
		dropped[c] = (kept == k) ||
			scaled_norm(col + kept, k - kept) < RANK_TOL * (orig == 0 ? 1 : orig);
		if (dropped[c])
			continue;
		householder(A, k, nc, c, kept);
		kept++;
	}
	msc_free(A);
	return true;
}

/*
 * metafor refuses a model matrix whose X'X has an eigenvalue <= 1e-7: that
 * is, X'X - 1e-7 I is not positive definite (its Cholesky factorisation
 * fails).  False also when X'X overflows (*finite cleared).
 */
static bool
full_rank(const model *m, bool *finite)
{
	int			p = m->p;
	double		S[MAXC * MAXC];

	*finite = true;
	for (int a = 0; a < p; a++)
		for (int b = 0; b <= a; b++)
		{
			double		s = 0;

			for (int i = 0; i < m->k; i++)
				s += m->X[(size_t) i * p + a] * m->X[(size_t) i * p + b];
			S[a * p + b] = s;
		}
	for (int a = 0; a < p; a++)
		S[a * p + a] -= EV_TOL;
	for (int j = 0; j < p; j++)
	{
		double		d = S[j * p + j];

		for (int l = 0; l < j; l++)
			d -= S[j * p + l] * S[j * p + l];
		if (!isfinite(d))
		{
			*finite = false;
			return false;
		}
		if (!(d > 0))
			return false;
		d = sqrt(d);
		S[j * p + j] = d;
		for (int i = j + 1; i < p; i++)
		{
			double		s = S[i * p + j];

			for (int l = 0; l < j; l++)
				s -= S[i * p + l] * S[j * p + l];
			S[i * p + j] = s / d;
		}
	}
	return true;
}

static void
model_free(model *m)
{
	msc_free(m->X);
	msc_free(m->A);
	msc_free(m->w);
	m->X = m->A = m->w = NULL;
}

/* a model with the kept columns of [1 x] (all of them when dropped is NULL) */
static bool
model_init(model *md, const double *yi, const double *vi, const double *x,
		   int k, int m, const bool *dropped)
{
	int			p = 0;

	for (int c = 0; c <= m; c++)
		p += (dropped == NULL || !dropped[c]);
	md->k = k;
	md->p = p;
	md->y = yi;
	md->v = vi;
	md->vmin = vi[0];
	for (int i = 1; i < k; i++)
		md->vmin = fmin(md->vmin, vi[i]);
	md->X = msc_malloc(sizeof(double) * (size_t) k * p);
	md->A = msc_malloc(sizeof(double) * (size_t) k * (p + 1));
	md->w = msc_malloc(sizeof(double) * (size_t) k);
	if (md->X == NULL || md->A == NULL || md->w == NULL)
	{
		model_free(md);
		return false;
	}
	for (int i = 0; i < k; i++)
	{
		int			j = 0;

		for (int c = 0; c <= m; c++)
			if (dropped == NULL || !dropped[c])
				md->X[(size_t) i * p + j++] = (c == 0) ? 1 : x[(size_t) i * m + c - 1];
	}
	return true;
}

static bool
out_of_memory(msc_error *err)
{
	return msc_fail(err, MSC_ERR_RANGE, NULL, NULL, "out of memory for the meta-regression");
}

/* the weights must stay finite: v_i + tau2 may not underflow to 0 */
static bool
weights_finite(const model *m, double tau2, msc_error *err)
{
	char		num[32];

	for (int i = 0; i < m->k; i++)
		if (!isfinite(1 / (m->v[i] + tau2)))
			return msc_fail(err, MSC_ERR_RANGE, NULL,
							"Rescale the effect sizes so that no sampling variance is this small.",
							"sampling variance %s is too small for inverse-variance weights",
							msc_num(num, sizeof(num), m->v[i]));
	return true;
}

/* R^2: metafor's pseudo-R^2 for the random-effects methods, the adjusted
 * R^2 of the weighted lm() for FE; NaN when undefined */
static bool
pseudo_r2(const model *md, meta_method method, const wls_fit *fit, double tau2,
		  double *r2)
{
	double		tau2_0;

	*r2 = NAN;
	if (md->p == 1)
		return true;
	if (method == META_FE)
	{
		double		fbar = 0,
					sw = 0,
					mss = 0,
					r;
		bool		constant = true;

		for (int i = 1; i < md->k; i++)
			constant &= (md->y[i] == md->y[0]);
		if (constant)
		{
			*r2 = 0;
			return true;
		}
		if (md->k == md->p)
			return true;
		/* as summary.lm: mss from the fitted values about their weighted mean */
		for (int i = 0; i < md->k; i++)
		{
			double		f = 0;

			for (int j = 0; j < md->p; j++)
				f += md->X[(size_t) i * md->p + j] * fit->beta[j];
			fbar += md->w[i] * f;
			sw += md->w[i];
		}
		fbar /= sw;
		for (int i = 0; i < md->k; i++)
		{
			double		f = 0;

			for (int j = 0; j < md->p; j++)
				f += md->X[(size_t) i * md->p + j] * fit->beta[j];
			mss += md->w[i] * (f - fbar) * (f - fbar);
		}
		r = mss / (mss + fit->rss);
		*r2 = fmax(0, 100 * (1 - (1 - r) * ((double) (md->k - 1) / (md->k - md->p))));
		return true;
	}
	/*
	 * The intercept-only model with the same method: meta_analysis's own
	 * pooling, whose tau^2 estimators need O(k) per iteration instead of a
	 * QR factorisation.
	 */
	{
		meta_result r0;
		msc_error	err0;

		msc_error_clear(&err0);
		if (!stat_meta_pool(md->y, md->v, md->k, method, META_Z, &r0, &err0))
			return true;		/* as metafor: R^2 NA when that model fails */
		tau2_0 = r0.tau2;
	}
	*r2 = (tau2_0 == 0) ? 0 : fmax(0, 100 * (tau2_0 - tau2) / tau2_0);
	return true;
}

static double
crit_value(meta_test test, int df)
{
	return (test == META_KNHA) ? stat_qt((1 + CI_LEVEL) / 2, df, true)
		: stat_qnorm((1 + CI_LEVEL) / 2, true);
}

static double
two_sided_p(meta_test test, int df, double stat)
{
	double		pv = (test == META_KNHA) ? 2 * stat_pt(fabs(stat), df, false)
		: 2 * stat_pnorm(fabs(stat), false);

	return fmin(pv, 1);
}

/* coefficients, covariance and tests at the final tau2 */
static bool
inference(const model *md, const wls_fit *fit, metareg_result *out, msc_error *err)
{
	int			p = md->p,
				df = md->k - p,
				idx[MAXC];
	double		rinv[MAXC * MAXC],
				s2w = 1,
				crit,
				qm = 0;

	for (int c = 0, j = 0; c < out->ncoef; c++)
		if (!out->dropped[c])
			idx[j++] = c;
	if (out->test == META_KNHA)
	{
		if (df < 1)
			return msc_fail(err, MSC_ERR_PARAM, NULL,
							"Use test z, or more studies than coefficients.",
							"the Knapp-Hartung test needs more studies (%d) than coefficients (%d)",
							md->k, p);
		if (fit->rss <= DBL_EPSILON)
			return msc_fail(err, MSC_ERR_PARAM, NULL, "Use test z for these studies.",
							"the Knapp-Hartung test is undefined: the model fits every study exactly");
		s2w = fit->rss / df;
	}
	/* R^-1 (upper triangular), then vb = s2w R^-1 R^-T */
	memset(rinv, 0, sizeof(double) * p * p);
	for (int j = p - 1; j >= 0; j--)
	{
		rinv[j * p + j] = 1 / fit->R[j * p + j];
		for (int c = j + 1; c < p; c++)
		{
			double		s = 0;

			for (int l = j + 1; l <= c; l++)
				s += fit->R[j * p + l] * rinv[l * p + c];
			rinv[j * p + c] = -s / fit->R[j * p + j];
		}
	}
	for (int a = 0; a < out->ncoef * out->ncoef; a++)
		out->vcov[a] = NAN;
	for (int a = 0; a < p; a++)
		for (int b = 0; b < p; b++)
		{
			double		s = 0;

			for (int l = (a > b ? a : b); l < p; l++)
				s += rinv[a * p + l] * rinv[b * p + l];
			out->vcov[idx[a] * out->ncoef + idx[b]] = s2w * s;
		}
	crit = crit_value(out->test, df);
	for (int c = 0; c < out->ncoef; c++)
		out->coef[c] = out->se[c] = out->stat[c] = out->pval[c] =
			out->ci_low[c] = out->ci_high[c] = NAN;
	for (int j = 0; j < p; j++)
	{
		int			c = idx[j];

		out->coef[c] = fit->beta[j];
		out->se[c] = sqrt(out->vcov[c * out->ncoef + c]);
		out->stat[c] = out->coef[c] / out->se[c];
		out->pval[c] = two_sided_p(out->test, df, out->stat[c]);
		out->ci_low[c] = out->coef[c] - crit * out->se[c];
		out->ci_high[c] = out->coef[c] + crit * out->se[c];
	}

	/*
	 * QM = b' vb^-1 b over the moderators (the intercept when there are
	 * none): the inverse of that block of (X'WX)^-1 is R22'R22, so
	 * QM = ||R22 b2||^2 / s2w with no inversion.
	 */
	{
		int			first = (p == 1) ? 0 : 1;

		for (int r = first; r < p; r++)
		{
			double		s = 0;

			for (int c = r; c < p; c++)
				s += fit->R[r * p + c] * fit->beta[c];
			qm += s * s;
		}
		qm /= s2w;
		out->qm_df = p - first;
	}
	if (out->test == META_KNHA)
	{
		out->qm = qm / out->qm_df;
		out->qm_df2 = df;
		out->qm_pval = stat_pf_upper(out->qm, out->qm_df, df);
	}
	else
	{
		out->qm = qm;
		out->qm_df2 = 0;
		out->qm_pval = stat_pchisq_upper(qm, out->qm_df);
	}
	return true;
}

static bool
all_finite(const metareg_result *r)
{
	double		s[] = {r->qm, r->qm_pval, r->qe, r->qe_pval, r->tau2, r->i2, r->h2};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		if (!isfinite(s[i]))
			return false;
	for (int c = 0; c < r->ncoef; c++)
		if (!r->dropped[c] &&
			!(isfinite(r->coef[c]) && isfinite(r->se[c]) && isfinite(r->stat[c]) &&
			  isfinite(r->pval[c]) && isfinite(r->ci_low[c]) && isfinite(r->ci_high[c])))
			return false;
	return isnan(r->r2) || isfinite(r->r2);
}

bool
stat_metareg_fit(const double *yi, const double *vi, const double *x,
				 int k, int m, meta_method method, meta_test test,
				 metareg_result *out, msc_error *err)
{
	model		md;
	wls_fit		fit,
				fe;
	bool		finite;
	double		tau2;
	bool		ok = false;

	memset(out, 0, offsetof(metareg_result, vcov));
	out->k = k;
	out->ncoef = m + 1;
	out->method = method;
	out->test = test;
	if (m < 0 || m + 1 > MAXC)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"a meta-regression takes at most %d moderators, not %d", MAXC - 1, m);
	if (k < 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL, "a meta-regression needs at least one study");
	if (!find_redundant(x, k, m, out->dropped))
		return out_of_memory(err);
	if (!model_init(&md, yi, vi, x, k, m, out->dropped))
		return out_of_memory(err);
	out->p = md.p;
	if (!full_rank(&md, &finite))
	{
		if (!finite)
			fail_overflow(err);
		else
			msc_fail(err, MSC_ERR_PARAM, NULL,
					 "Rescale the moderators (a moderator with tiny values, such as a dose in units, makes X'X nearly singular) or drop one.",
					 "the model matrix is not of full rank: X'X has an eigenvalue <= %g", EV_TOL);
		goto done;
	}
	if (!(md.p == 1 && k == 1) && (method == META_FE ? md.p > k : md.p + 1 > k))
	{
		msc_fail(err, MSC_ERR_PARAM, NULL,
				 method == META_FE ? "Fixed effect needs at least as many studies as coefficients."
				 : "Random effects need more studies than coefficients, as metafor.",
				 "%d coefficients cannot be estimated from %d studies with method %s",
				 md.p, k, stat_meta_method_name(method));
		goto done;
	}
	if (!weights_finite(&md, 0, err) ||
		!estimate_tau2(&md, method, &tau2, &out->iterations, err))
		goto done;
	out->tau2 = tau2;
	if (!weights_finite(&md, tau2, err))
		goto done;

	/* residual heterogeneity from the fixed-effect fit */
	if (k > md.p)
	{
		double		vt;

		if (!wls_at(&md, 0, true, &fe))
		{
			fail_overflow(err);
			goto done;
		}
		out->qe = fmax(0, fe.rss);
		out->qe_df = k - md.p;
		out->qe_pval = stat_pchisq_upper(out->qe, out->qe_df);
		vt = (k - md.p) / fe.trp;
		if (method == META_FE)
		{
			out->i2 = (out->qe > 0) ? fmax(0, 100 * (out->qe - (k - md.p)) / out->qe) : 0;
			out->h2 = out->qe / (k - md.p);
		}
		else
		{
			out->i2 = 100 * tau2 / (vt + tau2);
			out->h2 = tau2 / vt + 1;
		}
	}
	else
	{
		out->qe = 0;
		out->qe_df = 0;
		out->qe_pval = 1;
		out->i2 = 0;
		out->h2 = 1;
	}

	if (!wls_at(&md, tau2, false, &fit))
	{
		fail_overflow(err);
		goto done;
	}
	if (!inference(&md, &fit, out, err) ||
		!pseudo_r2(&md, method, &fit, tau2, &out->r2))
		goto done;
	if (!all_finite(out))
	{
		fail_overflow(err);
		goto done;
	}
	ok = true;
done:
	model_free(&md);
	return ok;
}

bool
stat_metareg_predict(const double *coef, const double *vcov, int ncoef,
					 double tau2, meta_test test, int df_resid,
					 const double *x, int m, metareg_prediction *out,
					 msc_error *err)
{
	double		xx[MAXC],
				pred = 0,
				vpred = 0,
				crit;
	char		num[32];

	if (ncoef < 1 || ncoef > MAXC || m != ncoef - 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"Give one value for every moderator of the meta-regression, in its order.",
						"the meta-regression has %d moderators but %d values were given",
						ncoef - 1, m);
	if (test == META_KNHA && df_resid < 1)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"a Knapp-Hartung prediction needs residual degrees of freedom, not %d", df_resid);
	if (!(tau2 >= 0) || !isfinite(tau2))
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"tau^2 %s of the meta-regression is not a finite number >= 0",
						msc_num(num, sizeof(num), tau2));
	xx[0] = 1;
	for (int j = 0; j < m; j++)
	{
		if (!isfinite(x[j]))
			return msc_fail(err, MSC_ERR_PARAM, NULL, "Moderator values must be finite numbers.",
							"moderator value %s is not a finite number", msc_num(num, sizeof(num), x[j]));
		xx[j + 1] = x[j];
	}
	/* dropped coefficients (NaN) take no part */
	for (int a = 0; a < ncoef; a++)
	{
		if (isnan(coef[a]))
			continue;
		pred += coef[a] * xx[a];
		for (int b = 0; b < ncoef; b++)
			if (!isnan(coef[b]))
				vpred += xx[a] * vcov[a * ncoef + b] * xx[b];
	}
	if (!isfinite(pred) || !isfinite(vpred) || vpred < 0)
		return msc_fail(err, MSC_ERR_RANGE, NULL, "Use moderator values of moderate magnitude.",
						"the prediction overflowed at these moderator values");
	crit = crit_value(test, df_resid);
	out->pred = pred;
	out->se = sqrt(vpred);
	out->ci_low = pred - crit * out->se;
	out->ci_high = pred + crit * out->se;
	out->pi_low = pred - crit * sqrt(vpred + tau2);
	out->pi_high = pred + crit * sqrt(vpred + tau2);
	return true;
}
