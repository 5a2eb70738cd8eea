/*
 * stat_dist.c — normal and Student t distribution functions and quantiles.
 *
 * Plain C99 with <math.h> only; no global state (lgamma, which writes the
 * global signgam, is deliberately not used), deterministic, and written for
 * about 1e-15 relative accuracy (the target is 1e-12 against R).
 *
 * Algorithms and references:
 *
 *  stat_pnorm  W. J. Cody, "Rational Chebyshev approximations for the error
 *              function", Math. Comp. 23 (1969) 631-637, in the form of his
 *              ANORM routine (SPECFUN, ACM TOMS Algorithm 715, 1993): three
 *              rational approximations on |x| <= 0.66291, <= sqrt(32) and
 *              beyond, with exp(-x^2/2) evaluated as exp(-xs^2/2) *
 *              exp(-(x-xs)(x+xs)/2), xs = x rounded down to 1/16, so that the
 *              exponential loses no accuracy.  Here the factor exp(-xs^2/2) is
 *              further split in two halves so that values in the subnormal
 *              range (x < -37.5) are rounded only once.
 *
 *  stat_qnorm  M. J. Wichura, "Algorithm AS 241: The percentage points of
 *              the normal distribution", Applied Statistics 37 (1988)
 *              477-484 (PPND16, about 1e-16 relative).  Where
 *              sqrt(-log p) > 26 (p < 4e-294, the end of the published range
 *              p >= 1e-300) Newton steps on log P[Z > x], computed from Cody's
 *              tail form without underflow, polish the result.
 *
 *  stat_pt     P[|T| > t] = I_x(n/2, 1/2) with x = n/(n + t^2), the
 *              regularised incomplete beta function (Abramowitz & Stegun
 *              26.7.1), evaluated by its classical continued fraction
 *              (A&S 26.5.8), contracted to its odd part (every other
 *              approximant; Lorentzen & Waadeland, Continued Fractions with
 *              Applications, 1992) with each 1 + d(2k+1) formed in closed
 *              form, and summed forwards by the modified Lentz algorithm
 *              (Lentz 1976; Thompson & Barnett, J. Comput. Phys. 64 (1986)
 *              490-509).  The fraction is applied to whichever of
 *              I_x(n/2, 1/2) and I_{1-x}(1/2, n/2) lies on its fast side, so
 *              that the smaller of P[T > |t|] and P[0 < T <= |t|] is never
 *              obtained by subtraction; x, 1-x and log x come from t^2/n or
 *              n/t^2 without cancellation.  log B(n/2, 1/2) comes from the
 *              Stirling series of log Gamma (A&S 6.1.41) applied to the ratio
 *              Gamma(a+1/2)/Gamma(a), after an upward recurrence for small a,
 *              with the large 1/2 log a parts cancelled analytically against
 *              the prefactor, so that large n (up to 1e20) keeps full
 *              accuracy where differences of lgamma would not.  n = 1
 *              (Cauchy) and n = 2 use closed forms; n > 1e20 (and +Inf) use
 *              the normal, which differs by about t^4/(4n) relative: below
 *              1e-14 wherever the result is representable; n < 1e-300 gives
 *              exactly 1/2 (the true value is within 1e-297 of it).
 *
 *  stat_qt     G. W. Hill, "Algorithm 396: Student's t-quantiles", Comm. ACM
 *              13 (1970) 619-620, as a starting value (for n >= 1; the tail
 *              asymptote P[T > q] ~ n^(n/2-1) q^-n / B(n/2, 1/2) for n < 1),
 *              then safeguarded (bracketed) Newton iterations on the pieces
 *              of stat_pt: on log P[T > q] against log q in the tails and on
 *              P[0 < T <= q] near the centre, until converged to full
 *              precision.  n = 1 and n = 2 use closed forms.
 */
#include "stat_dist.h"

#include <float.h>
#include <math.h>

#define PI_D			3.14159265358979323846264338327950288
#define LN2_D			0.693147180559945309417232121458176568
#define LN_SQRT_PI		0.572364942924700087071713675676529356	/* log(sqrt(pi)) */
#define INV_SQRT_2PI	0.398942280401432677939946059934381868	/* 1/sqrt(2 pi) */
#define LN_SQRT_2PI		0.918938533204672741780329736405617640	/* log sqrt(2 pi) */
#define SQRT2_D			1.41421356237309504880168872420969808

/* Beyond this many degrees of freedom Student t is treated as normal. */
#define T_NORMAL_DF		1e20

/*
 * Below this many degrees of freedom P[0 < T <= t] < n log(t) / 2 < 1e-297
 * for every finite t: P[T <= t] rounds to exactly 1/2 for t != 0 and every
 * quantile other than the median lies beyond DBL_MAX.
 */
#define T_TINY_DF		1e-300

/* ---- normal distribution ---- */

/* Cody's ANORM coefficients (SPECFUN, TOMS 715). */
static const double cody_a[5] = {
	2.2352520354606839287e00, 1.6102823106855587881e02,
	1.0676894854603709582e03, 1.8154981253343561249e04,
	6.5682337918207449113e-2
};
static const double cody_b[4] = {
	4.7202581904688241870e01, 9.7609855173777669322e02,
	1.0260932208618978205e04, 4.5507789335026729956e04
};
static const double cody_c[9] = {
	3.9894151208813466764e-1, 8.8831497943883759412e00,
	9.3506656132177855979e01, 5.9727027639480026226e02,
	2.4945375852903726711e03, 6.8481904505362823326e03,
	1.1602651437647350124e04, 9.8427148383839780218e03,
	1.0765576773720192317e-8
};
static const double cody_d[8] = {
	2.2266688044328115691e01, 2.3538790178262499861e02,
	1.5193775994075548050e03, 6.4855582982667607550e03,
	1.8615571640885098091e04, 3.4900952721145977266e04,
	3.8912003286093271411e04, 1.9685429676859990727e04
};
static const double cody_p[6] = {
	2.1589853405795699e-1, 1.274011611602473639e-1,
	2.2235277870649807e-2, 1.421619193227893466e-3,
	2.9112874951168792e-5, 2.307344176494017303e-2
};
static const double cody_q[5] = {
	1.28426009614491121e00, 4.68238212480865118e-1,
	6.59881378689285515e-2, 3.78239633202758244e-3,
	7.29751555083966205e-5
};

#define CODY_THRSH		0.66291
#define CODY_ROOT32		5.656854248
/* P[Z > 40] is below the smallest subnormal double. */
#define NORM_TAIL_ZERO	40.0

/*
 * x * R(x^2) such that P[Z <= x] = 1/2 + x R(x^2), for |x| <= CODY_THRSH.
 */
static double
norm_centre(double x)
{
	double		xsq = x * x;
	double		num = cody_a[4] * xsq;
	double		den = xsq;
	int			i;

	for (i = 0; i < 3; i++)
	{
		num = (num + cody_a[i]) * xsq;
		den = (den + cody_b[i]) * xsq;
	}
	return x * (num + cody_a[3]) / (den + cody_b[3]);
}

/*
 * For y >= CODY_THRSH: the rational factor r(y) with
 * P[Z > y] = exp(-y^2/2) r(y).
 */
static double
norm_tail_factor(double y)
{
	double		num, den;
	int			i;

	if (y <= CODY_ROOT32)
	{
		num = cody_c[8] * y;
		den = y;
		for (i = 0; i < 7; i++)
		{
			num = (num + cody_c[i]) * y;
			den = (den + cody_d[i]) * y;
		}
		return (num + cody_c[7]) / (den + cody_d[7]);
	}
	else
	{
		double		z = 1.0 / (y * y);

		num = cody_p[5] * z;
		den = z;
		for (i = 0; i < 4; i++)
		{
			num = (num + cody_p[i]) * z;
			den = (den + cody_q[i]) * z;
		}
		return (INV_SQRT_2PI - z * (num + cody_p[4]) / (den + cody_q[4])) / y;
	}
}

/* P[Z > y] for y >= CODY_THRSH (finite or +Inf). */
static double
norm_tail(double y)
{
	double		ys, del, half;

	if (y >= NORM_TAIL_ZERO)
		return 0.0;
	ys = trunc(y * 16.0) / 16.0;
	del = (y - ys) * (y + ys);
	/* ys = k/16 with k < 640: ys*ys/4 is exact, and both halves are normal */
	half = exp(-ys * ys * 0.25);
	return (half * norm_tail_factor(y) * exp(-del * 0.5)) * half;
}

/* log P[Z > y] for CODY_THRSH <= y < Inf, without underflow. */
static double
norm_log_tail(double y)
{
	double		ys = trunc(y * 16.0) / 16.0;
	double		del = (y - ys) * (y + ys);

	return log(norm_tail_factor(y)) - ys * ys * 0.5 - del * 0.5;
}

double
stat_pnorm(double x, bool lower_tail)
{
	double		tail;

	if (isnan(x))
		return x;
	if (fabs(x) <= CODY_THRSH)
	{
		double		c = norm_centre(x);

		return lower_tail ? 0.5 + c : 0.5 - c;
	}
	tail = norm_tail(fabs(x));
	/* tail is P[Z <= x] for x < 0 and P[Z > x] for x > 0 */
	if ((x < 0) == lower_tail)
		return tail;
	return 1.0 - tail;
}

/* Wichura's AS 241 (PPND16) coefficients. */
static const double as241_a[8] = {
	3.3871328727963666080e0, 1.3314166789178437745e+2,
	1.9715909503065514427e+3, 1.3731693765509461125e+4,
	4.5921953931549871457e+4, 6.7265770927008700853e+4,
	3.3430575583588128105e+4, 2.5090809287301226727e+3
};
static const double as241_b[8] = {
	1.0, 4.2313330701600911252e+1,
	6.8718700749205790830e+2, 5.3941960214247511077e+3,
	2.1213794301586595867e+4, 3.9307895800092710610e+4,
	2.8729085735721942674e+4, 5.2264952788528545610e+3
};
static const double as241_c[8] = {
	1.42343711074968357734e0, 4.63033784615654529590e0,
	5.76949722146069140550e0, 3.64784832476320460504e0,
	1.27045825245236838258e0, 2.41780725177450611770e-1,
	2.27238449892691845833e-2, 7.74545014278341407640e-4
};
static const double as241_d[8] = {
	1.0, 2.05319162663775882187e0,
	1.67638483018380384940e0, 6.89767334985100004550e-1,
	1.48103976427480074590e-1, 1.51986665636164571966e-2,
	5.47593808499534494600e-4, 1.05075007164441684324e-9
};
static const double as241_e[8] = {
	6.65790464350110377720e0, 5.46378491116411436990e0,
	1.78482653991729133580e0, 2.96560571828504891230e-1,
	2.65321895265761230930e-2, 1.24266094738807843860e-3,
	2.71155556874348757815e-5, 2.01033439929228813265e-7
};
static const double as241_f[8] = {
	1.0, 5.99832206555887937690e-1,
	1.36929880922735805310e-1, 1.48753612908506148525e-2,
	7.86869131145613259100e-4, 1.84631831751005468180e-5,
	1.42151175831644588870e-7, 2.04426310338993978564e-15
};

/* c[0] + c[1] r + ... + c[7] r^7 */
static double
poly7(const double *c, double r)
{
	double		s = c[7];
	int			i;

	for (i = 6; i >= 0; i--)
		s = s * r + c[i];
	return s;
}

/*
 * The y > 0 with P[Z > y] = p, for 0 < p < 0.5 (AS 241's tail branches).
 */
static double
norm_upper_quantile(double p)
{
	double		r = sqrt(-log(p));
	double		y;

	if (r <= 5.0)
	{
		r -= 1.6;
		y = poly7(as241_c, r) / poly7(as241_d, r);
	}
	else
	{
		double		s = r - 5.0;
		double		lp;
		int			i;

		y = poly7(as241_e, s) / poly7(as241_f, s);
		/*
		 * AS 241 is published for p >= 1e-300 (r <= 26.3); further out
		 * Newton on log P[Z > y] (its derivative is -phi(y)/P[Z > y] =
		 * -INV_SQRT_2PI / r(y)) restores full accuracy.
		 */
		if (r > 26.0)
		{
			lp = log(p);
			for (i = 0; i < 8; i++)
			{
				double		step = (norm_log_tail(y) - lp) *
					norm_tail_factor(y) / INV_SQRT_2PI;

				y += step;
				if (fabs(step) <= 1e-15 * y)
					break;
			}
		}
	}
	return y;
}

double
stat_qnorm(double p, bool lower_tail)
{
	double		q;

	if (isnan(p) || p < 0.0 || p > 1.0)
		return NAN;
	if (!lower_tail)
	{
		/* the upper-tail p-quantile is minus the lower-tail one */
		q = stat_qnorm(p, true);
		return q == 0.0 ? 0.0 : -q;
	}
	if (p == 0.0)
		return -INFINITY;
	if (p == 1.0)
		return INFINITY;
	q = p - 0.5;				/* exact for p >= 0.25 */
	if (fabs(q) <= 0.425)
	{
		double		r = 0.180625 - q * q;

		return q * poly7(as241_a, r) / poly7(as241_b, r);
	}
	if (q < 0)
		return -norm_upper_quantile(p);
	return norm_upper_quantile(1.0 - p);	/* 1 - p is exact here */
}

/* ---- Student t distribution ---- */

/*
 * Stirling's correction: log Gamma(z) - ((z - 1/2) log z - z + log sqrt(2 pi))
 * by its asymptotic series (A&S 6.1.41), for z >= 10 (truncation error below
 * 2e-18 there).
 */
static double
stirling_corr(double z)
{
	double		w = 1.0 / (z * z);

	return (1.0 / 12.0 +
			w * (-1.0 / 360.0 +
				 w * (1.0 / 1260.0 +
					  w * (-1.0 / 1680.0 +
						   w * (1.0 / 1188.0 +
								w * (-691.0 / 360360.0 +
									 w * (1.0 / 156.0 +
										  w * (-3617.0 / 122400.0)))))))) / z;
}

/* S(z) = log(Gamma(z + 1/2) / Gamma(z)) - 1/2 log z for z >= 10 (Stirling) */
static double
stirling_half_ratio_rem(double z)
{
	return (z * log1p(0.5 / z) - 0.5) +
		(stirling_corr(z + 0.5) - stirling_corr(z));
}

/*
 * L(z) = log(Gamma(z + 1/2) / Gamma(z)) for z > 0: for z >= 10 from
 * Stirling's formula, L(z) = 1/2 log z + S(z); smaller z are first raised
 * by the recurrence Gamma(z + 1) = z Gamma(z):
 *   Gamma(z+1/2)/Gamma(z) = (z/(z+1/2)) Gamma(z+3/2)/Gamma(z+1).
 */
static double
log_gamma_half_ratio(double z)
{
	double		first, prod;

	if (z >= 10.0)
		return 0.5 * log(z) + stirling_half_ratio_rem(z);
	/* the first factor may be tiny (z itself subnormal): keep it as a log */
	first = log(z) - log(z + 0.5);
	prod = 1.0;
	for (z += 1.0; z < 10.0; z += 1.0)
		prod *= z / (z + 0.5);	/* each factor in [2/3, 1) */
	return first + log(prod) + 0.5 * log(z) + stirling_half_ratio_rem(z);
}

/*
 * R(a) = L(a) - 1/2 log a, small for large a (about -1/(8a)), so that
 * log B(a, 1/2) = log sqrt(pi) - 1/2 log a - R(a) lets callers cancel the
 * 1/2 log a analytically.
 */
static double
log_gamma_half_rem(double a)
{
	if (a >= 10.0)
		return stirling_half_ratio_rem(a);
	return log_gamma_half_ratio(a) - 0.5 * log(a);
}

/* log B(a, 1/2) = log Gamma(a) + log Gamma(1/2) - log Gamma(a + 1/2) */
static double
log_beta_half(double a)
{
	return LN_SQRT_PI - log_gamma_half_ratio(a);
}

/*
 * The continued fraction of the regularised incomplete beta function
 * (A&S 26.5.8):
 *   I_x(a, b) = x^a y^b / (a B(a, b)) / F,   y = 1 - x,
 *   F = 1 + d1/(1 + d2/(1 + d3/(1 + ...))),
 *   d(2k+1) = -(a+k)(a+b+k) x / ((a+2k)(a+2k+1)),
 *   d(2k)   = k(b-k) x / ((a+2k-1)(a+2k)),
 * which converges quickly for x < (a+1)/(a+b+2).  For large a and x near 1
 * the partial numerators d(2k+1) are close to -1 and the plain fraction
 * loses digits in 1 + d(2k+1); its odd part (the contraction to every
 * other approximant) carries 1 + d(2k+1) as a term of its own,
 *   F = (1 + d1) - d1 d2/((1 + d3) + d2 - d3 d4/((1 + d5) + d4 - ...)),
 * and 1 + d(2k+1) = (P - Q x)/P with P = (a+2k)(a+2k+1), Q = (a+k)(a+b+k)
 * is formed as (P - Q + Q y)/P, P - Q = a(2k+1-b) + k(3k+2-b), whenever
 * P - Q >= 0 (then a sum of non-negative terms).  The fraction is evaluated
 * forwards by the modified Lentz method (Thompson & Barnett 1986).
 */
#define CF_TINY		1e-300
#define CF_EPS		3e-16
#define CF_MAXIT	100000

/* 1 + d(2k+1) */
static double
cf_one_plus_odd(double a, double b, double x, double y, int k)
{
	double		p = (a + 2.0 * k) * (a + 2.0 * k + 1.0);
	double		q = (a + k) * (a + b + k);
	double		pq = a * (2.0 * k + 1.0 - b) + k * (3.0 * k + 2.0 - b);

	if (pq >= 0.0)
		return (pq + q * y) / p;
	return (p - q * x) / p;
}

static double
cf_odd(double a, double b, double x, int k)
{
	return -(a + k) * (a + b + k) * x / ((a + 2.0 * k) * (a + 2.0 * k + 1.0));
}

static double
cf_even(double a, double b, double x, int k)
{
	return k * (b - k) * x / ((a + 2.0 * k - 1.0) * (a + 2.0 * k));
}

/*
 * F / (1 + d1) with F as above, for 0 <= x < (a+1)/(a+b+2), i.e.
 * y > (b+1)/(a+b+2); y = 1 - x given accurately.  (1 + d1, which is about
 * y for large a, is left to the caller so that its logarithm can be
 * combined with the prefactor's.)
 */
static double
beta_cf_ratio(double a, double b, double x, double y)
{
	double		e1 = cf_one_plus_odd(a, b, x, y, 0);
	double		f = 1.0;
	double		c, d;
	int			k;

	if (fabs(e1) < CF_TINY)
		e1 = CF_TINY;
	c = e1;
	d = 0.0;
	for (k = 1; k <= CF_MAXIT; k++)
	{
		/* partial numerator -d(2k-1) d(2k), denominator (1 + d(2k+1)) + d(2k) */
		double		num = -cf_odd(a, b, x, k - 1) * cf_even(a, b, x, k);
		double		den = cf_one_plus_odd(a, b, x, y, k) + cf_even(a, b, x, k);
		double		delta;

		d = den + num * d;
		if (fabs(d) < CF_TINY)
			d = CF_TINY;
		c = den + num / c;
		if (fabs(c) < CF_TINY)
			c = CF_TINY;
		d = 1.0 / d;
		delta = c * d;
		f *= delta;
		if (fabs(delta - 1.0) < CF_EPS)
			break;
	}
	return f;
}

/*
 * Student t pieces for t >= 0 and T_TINY_DF <= n <= T_NORMAL_DF:
 *   tail    = P[T > t]
 *   mid     = P[0 < T <= t]         (tail + mid = 1/2)
 *   logtail = log P[T > t]          (finite even where tail underflows)
 *   logdens = log of the density at t
 * Each of tail and mid is computed so as to be accurate relative to itself.
 */
typedef struct
{
	double		tail;
	double		mid;
	double		logtail;
	double		logdens;
} t_parts;

static t_parts
student_parts(double t, double n)
{
	t_parts		r;
	double		a = 0.5 * n;
	double		rem = log_gamma_half_rem(a);
	double		x, y, lx;

	/*
	 * With log B(a, 1/2) = log sqrt(pi) - 1/2 log a - rem, the density is
	 * f(t) = x^(a+1/2) / (sqrt(n) B(a, 1/2)), x = n/(n+t^2), and
	 * log f = (a + 1/2) log x - log sqrt(2 pi) + rem.
	 */
	if (t == 0.0)
	{
		r.tail = 0.5;
		r.mid = 0.0;
		r.logtail = -LN2_D;
		r.logdens = rem - LN_SQRT_2PI;
		return r;
	}
	if (isinf(t))
	{
		r.tail = 0.0;
		r.mid = 0.5;
		r.logtail = -INFINITY;
		r.logdens = -INFINITY;
		return r;
	}

	/*
	 * x = n/(n+t^2), y = t^2/(n+t^2) = 1 - x and log x, from whichever of
	 * t^2/n and n/t^2 is at most 1.
	 */
	if (t <= sqrt(n))
	{
		double		u = t * (t / n);	/* t^2/n <= 1 */

		x = 1.0 / (1.0 + u);
		y = u / (1.0 + u);
		lx = -log1p(u);
	}
	else
	{
		double		v = (n / t) / t;	/* n/t^2 < 1, may underflow */

		x = v / (1.0 + v);
		y = 1.0 / (1.0 + v);
		if (v > 1e-300)
			lx = log(v) - log1p(v);
		else
			lx = log(n) - 2.0 * log(t) - log1p(v);
	}
	r.logdens = (a + 0.5) * lx - LN_SQRT_2PI + rem;

	if (n == 1.0)
	{
		/* Cauchy: P[T > t] = atan(1/t)/pi */
		r.tail = atan2(1.0, t) / PI_D;
		r.mid = atan(t) / PI_D;
		r.logtail = log(r.tail);
	}
	else if (n == 2.0)
	{
		/* P[T > t] = 1/2 - t/(2s) = 1/(s(s+t)), s = sqrt(2+t^2) */
		double		s = hypot(SQRT2_D, t);

		r.tail = (1.0 / s) / (s + t);
		r.mid = 0.5 * (t / s);
		r.logtail = -log(s) - log(s + t);
	}
	else if (y > 1.5 / (a + 2.5))
	{
		/*
		 * tail = I_x(a, 1/2) / 2 = x^a y^(1/2) / (2 a B(a, 1/2) F), where the
		 * fraction F = e1 * ratio, e1 = (1/2 + (a+1/2) y)/(a+1), is about y
		 * for large a.  Gathering the logarithms so that every term stays of
		 * moderate size:  for a >= 1 (log B(a, 1/2) as above)
		 *   log(2 tail) = a log x + 1/2 log(a y) + log(1 + 1/a) + rem
		 *                 - log sqrt(pi) - log(1/2 + (a+1/2) y) - log(ratio),
		 * and for a < 1, with a B(a, 1/2) = sqrt(pi) Gamma(a+1)/Gamma(a+1/2)
		 * = sqrt(pi) exp(L(a + 1/2)) (about 1 for small a),
		 *   log(2 tail) = a log x + 1/2 log y + log(1 + a) - L(a + 1/2)
		 *                 - log sqrt(pi) - log(1/2 + (a+1/2) y) - log(ratio).
		 */
		double		li = -LN_SQRT_PI - LN2_D - log(0.5 + (a + 0.5) * y) -
			log(beta_cf_ratio(a, 0.5, x, y));

		if (a >= 1.0)
			li += 0.5 * log(a * y) + log1p(1.0 / a) + rem;
		else
			li += 0.5 * log(y) + log1p(a) - log_gamma_half_ratio(a + 0.5);
		/* the possibly large a log x last: one rounding at its magnitude */
		r.logtail = a * lx + li;
		r.tail = fmin(exp(r.logtail), 0.5);
		r.mid = 0.5 - r.tail;
	}
	else
	{
		/*
		 * mid = I_y(1/2, a) / 2 = y^(1/2) x^a / B(a, 1/2) / F (here tail > 0.04),
		 *   log mid = 1/2 log(a y) + rem + a log x - log sqrt(pi) - log F,
		 * with 1/2 log(a y) + rem written as 1/2 log y + L(a) for a < 1.
		 */
		double		lj = -LN_SQRT_PI -
			log(cf_one_plus_odd(0.5, a, y, x, 0) * beta_cf_ratio(0.5, a, y, x));

		if (a >= 1.0)
			lj += 0.5 * log(a * y) + rem;
		else
			lj += 0.5 * log(y) + log_gamma_half_ratio(a);
		r.mid = fmin(exp(a * lx + lj), 0.5);
		r.tail = 0.5 - r.mid;
		r.logtail = log(r.tail);
	}
	return r;
}

double
stat_pt(double t, double df, bool lower_tail)
{
	t_parts		r;

	if (isnan(t) || isnan(df) || !(df > 0.0))
		return NAN;
	if (df > T_NORMAL_DF)
		return stat_pnorm(t, lower_tail);
	if (df < T_TINY_DF && !isinf(t))
		return 0.5;
	r = student_parts(fabs(t), df);
	/* r.tail is P[T <= t] for t < 0 and P[T > t] for t > 0 */
	if ((t < 0) == lower_tail)
		return r.tail;
	return 0.5 + r.mid;
}

/*
 * Hill's (1970) approximation to the q > 0 with P[T > q] = p,
 * 0 < p < 0.5, n >= 1 (ACM Algorithm 396, written for the two-sided
 * probability P = 2p).
 */
static double
hill_start(double p, double n)
{
	double		P = 2.0 * p;
	double		a = 1.0 / (n - 0.5);
	double		b = 48.0 / (a * a);
	double		c = ((20700.0 * a / b - 98.0) * a - 16.0) * a + 96.36;
	double		d = ((94.5 / (b + c) - 3.0) / b + 1.0) * sqrt(a * PI_D / 2.0) * n;
	double		y = pow(d * P, 2.0 / n);

	if (!(y > 0.0))
		return 0.0;				/* underflow: no estimate, the caller has another */
	if (y > 0.05 + a)
	{
		/* asymptotic inverse expansion about the normal */
		double		x = stat_qnorm(0.5 * P, true);

		y = x * x;
		if (n < 5.0)
			c += 0.3 * (n - 4.5) * (x + 0.6);
		c = (((0.05 * d * x - 5.0) * x - 7.0) * x - 2.0) * x + b + c;
		y = (((((0.4 * y + 6.3) * y + 36.0) * y + 94.5) / c - y - 3.0) / b + 1.0) * x;
		y = expm1(a * y * y);
	}
	else
	{
		y = ((1.0 / (((n + 6.0) / (n * y) - 0.089 * d - 0.822) * (n + 2.0) * 3.0) +
			  0.5 / (n + 4.0)) * y - 1.0) * (n + 1.0) / (n + 2.0) + 1.0 / y;
	}
	return sqrt(n * y);
}

/*
 * The q > 0 with P[T > q] = p, for 0 < p < 0.5, T_TINY_DF <= n <= T_NORMAL_DF,
 * n not 1 or 2.
 */
#define QT_MAXIT	200

static double
student_upper_quantile(double p, double n)
{
	double		lo = 0.0;
	double		hi = INFINITY;
	double		q;
	double		lq;
	int			it;

	/*
	 * Tail asymptote P[T > q] ~ n^(n/2-1) q^-n / B(n/2, 1/2), relative
	 * error O(1/q^2): a starting value for n < 1, and the test for a
	 * quantile beyond DBL_MAX (where the asymptote is exact in double).
	 */
	lq = ((0.5 * n - 1.0) * log(n) - log_beta_half(0.5 * n) - log(p)) / n;
	if (lq > log(DBL_MAX))
		return INFINITY;
	if (n >= 1.0)
		q = hill_start(p, n);
	else
		q = exp(lq);
	if (!(q > 0.0) || !isfinite(q))
		q = exp(lq);

	if (p >= 0.25)
	{
		/*
		 * Centre: Newton on M(q) = P[0 < T <= q] = 1/2 - p (an exact target);
		 * M is increasing and concave.  The bracket [lo, hi] guards the steps.
		 */
		double		target = 0.5 - p;
		double		prev = INFINITY;

		for (it = 0; it < QT_MAXIT; it++)
		{
			t_parts		r = student_parts(q, n);
			double		qn;

			if (r.mid < target)
				lo = q;
			else if (r.mid > target)
				hi = q;
			else
				break;
			qn = q + (target - r.mid) / exp(r.logdens);
			if (fabs(qn - q) <= 1e-15 * q ||
				(fabs(qn - q) < 1e-11 * q && fabs(qn - q) > 0.5 * prev))
			{
				q = qn;			/* converged, or stalled at rounding noise */
				break;
			}
			prev = fabs(qn - q);
			if (!(qn > lo && qn < hi))
				qn = isinf(hi) ? 2.0 * q : lo + 0.5 * (hi - lo);
			q = qn;
		}
	}
	else
	{
		/*
		 * Tails: Newton on G(u) = log P[T > e^u] - log p in u = log q; G is
		 * decreasing and concave with slope -q f(q) / P[T > q].  The step in
		 * u is applied to q multiplicatively (no rounding of q through u).
		 */
		double		lp = log(p);
		double		prev = INFINITY;

		for (it = 0; it < QT_MAXIT; it++)
		{
			t_parts		r = student_parts(q, n);
			double		g = r.logtail - lp;
			double		du, qn;

			if (g > 0)
				lo = q;
			else if (g < 0)
				hi = q;
			else
				break;
			du = g / exp(log(q) + r.logdens - r.logtail);
			if (!isfinite(du))
				du = g > 0 ? 1.0 : -1.0;
			du = fmax(-10.0, fmin(10.0, du));
			qn = fabs(du) < 0.5 ? q + q * expm1(du) : q * exp(du);
			if (fabs(du) <= 1e-15 ||
				(fabs(du) < 1e-11 && fabs(du) > 0.5 * prev))
			{
				q = qn;			/* converged, or stalled at rounding noise */
				break;
			}
			prev = fabs(du);
			if (!(qn <= DBL_MAX))
				qn = DBL_MAX;
			if (!(qn > lo && qn < hi))
				qn = isinf(hi) ? fmin(2.0 * q, DBL_MAX) : lo + 0.5 * (hi - lo);
			q = qn;
		}
	}
	return q;
}

double
stat_qt(double p, double df, bool lower_tail)
{
	double		tail, q;

	if (isnan(p) || isnan(df) || !(df > 0.0) || p < 0.0 || p > 1.0)
		return NAN;
	if (!lower_tail)
	{
		/* the upper-tail p-quantile is minus the lower-tail one */
		q = stat_qt(p, df, true);
		return q == 0.0 ? 0.0 : -q;
	}
	if (p == 0.0)
		return -INFINITY;
	if (p == 1.0)
		return INFINITY;
	if (p == 0.5)
		return 0.0;
	if (df > T_NORMAL_DF)
		return stat_qnorm(p, true);
	if (df < T_TINY_DF)
		return p < 0.5 ? -INFINITY : INFINITY;

	tail = p < 0.5 ? p : 1.0 - p;	/* 1 - p is exact for p >= 0.5 */
	if (df == 1.0)
	{
		/* Cauchy: q = cot(pi tail) = tan(pi (1/2 - tail)) */
		if (tail < 0.25)
			q = 1.0 / tan(PI_D * tail);
		else
			q = tan(PI_D * (0.5 - tail));	/* 0.5 - tail exact */
	}
	else if (df == 2.0)
	{
		/* P[T > q] = tail  <=>  q = (1 - 2 tail) / sqrt(2 tail (1 - tail)) */
		q = (1.0 - 2.0 * tail) / (sqrt(2.0 * tail) * sqrt(1.0 - tail));
	}
	else
		q = student_upper_quantile(tail, df);
	return p < 0.5 ? -q : q;
}
