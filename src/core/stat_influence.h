/*
 * stat_influence.h — leave-one-out meta-analysis and the case diagnostics
 * of metafor 3.8-1's influence() for a random- or fixed-effects model
 * without moderators (z test), and the study weights of weights().
 */
#ifndef STAT_INFLUENCE_H
#define STAT_INFLUENCE_H

#include "msc_error.h"
#include "stat_meta.h"

#include <stdbool.h>

typedef struct influence_row
{
	meta_result loo;			/* the model without this study (leave1out) */
	double		rstudent;		/* externally standardised residual */
	double		dffits;
	double		cook_d;
	double		cov_r;
	double		tau2_del;		/* = loo.tau2 */
	double		qe_del;			/* = loo.q */
	double		hat;
	double		weight;			/* percent, as weights() */
	double		dfbetas;
	bool		influential;	/* metafor's rule: any of the four cut-offs */
} influence_row;

/*
 * Fit the k >= 2 studies with method and each set of k - 1, and fill
 * rows[0 .. k-1]; full receives the model of all k.  False with an error
 * when pooling fails, or 22003 when a diagnostic is not finite.
 */
bool		stat_influence(const double *yi, const double *vi, int k, meta_method method,
						   meta_result *full, influence_row *rows, msc_error *err);

#endif
