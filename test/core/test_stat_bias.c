/*
 * Egger's test, the rank test, trim and fill, leave-one-out and the
 * influence diagnostics against metafor 3.8-1: every row of
 * test/fixtures/metafor_bias.csv (written by test/r/bias_refs.R), to 1e-9
 * relative (absolute 1e-12 where the reference is zero); then bad input.
 */
#include "unit.h"
#include "fixture.h"
#include "stat_bias.h"
#include "stat_influence.h"

#define REL 1e-9
#define ABS 1e-12
#define MAX_K 128
#define MAX_ROWS 20000

typedef struct ref_row
{
	char		dataset[24];
	char		what[12];
	char		variant[20];
	int			i;
	char		name[20];
	double		value;
} ref_row;

static ref_row refs[MAX_ROWS];
static int	nrefs;
static double worst;
static char worst_where[160];

static void
load_refs(void)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_bias.csv", &h);

	fixture_next(f, &h);
	while (fixture_next(f, &r) && nrefs < MAX_ROWS)
	{
		ref_row    *x = &refs[nrefs++];

		snprintf(x->dataset, sizeof(x->dataset), "%s", r.field[fixture_col(&h, "dataset")]);
		snprintf(x->what, sizeof(x->what), "%s", r.field[fixture_col(&h, "what")]);
		snprintf(x->variant, sizeof(x->variant), "%s", r.field[fixture_col(&h, "variant")]);
		x->i = atoi(r.field[fixture_col(&h, "i")]);
		snprintf(x->name, sizeof(x->name), "%s", r.field[fixture_col(&h, "name")]);
		x->value = fixture_num(&r, fixture_col(&h, "value"));
	}
	fclose(f);
	CHECK(nrefs > 15000, "bias fixture rows: %d", nrefs);
}

static void
compare(const ref_row *x, double got)
{
	double		rel;

	CHECK(close_to(got, x->value, REL, ABS), "%s %s %s %d %s: %.17g, metafor %.17g",
		  x->dataset, x->what, x->variant, x->i, x->name, got, x->value);
	rel = (isnan(x->value) || x->value == got || fabs(x->value) < 1e-12) ? 0
		: fabs(got - x->value) / fabs(x->value);
	if (rel > worst)
	{
		worst = rel;
		snprintf(worst_where, sizeof(worst_where), "%s %s %s %d %s", x->dataset, x->what,
				 x->variant, x->i, x->name);
	}
}

/* a meta_result field by the fixture's name; NAN when not one */
static double
model_field(const meta_result *m, const char *name)
{
	if (!strcmp(name, "k"))
		return m->k;
	if (!strcmp(name, "estimate"))
		return m->estimate;
	if (!strcmp(name, "se"))
		return m->se;
	if (!strcmp(name, "stat"))
		return m->stat;
	if (!strcmp(name, "pval"))
		return m->pval;
	if (!strcmp(name, "ci_low"))
		return m->ci_low;
	if (!strcmp(name, "ci_high"))
		return m->ci_high;
	if (!strcmp(name, "tau2"))
		return m->tau2;
	if (!strcmp(name, "i2"))
		return m->i2;
	if (!strcmp(name, "h2"))
		return m->h2;
	if (!strcmp(name, "q"))
		return m->q;
	if (!strcmp(name, "q_pval"))
		return m->q_pval;
	if (!strcmp(name, "pi_low"))
		return m->has_pi ? m->pi_low : NAN;
	if (!strcmp(name, "pi_high"))
		return m->has_pi ? m->pi_high : NAN;
	return NAN;
}

static double
egger_field(const egger_result *e, const char *name)
{
	if (!strcmp(name, "k"))
		return e->k;
	if (!strcmp(name, "stat"))
		return e->stat;
	if (!strcmp(name, "df"))
		return e->model == EGGER_LM ? e->df : NAN;
	if (!strcmp(name, "pval"))
		return e->pval;
	if (!strcmp(name, "limit_estimate"))
		return e->limit_estimate;
	if (!strcmp(name, "limit_ci_low"))
		return e->limit_ci_low;
	if (!strcmp(name, "limit_ci_high"))
		return e->limit_ci_high;
	return -999;
}

static double
influence_field(const influence_row *r, const char *name)
{
	static const char *const loo = "loo_";

	if (!strncmp(name, loo, 4))
		return model_field(&r->loo, name + 4);
	if (!strcmp(name, "rstudent"))
		return r->rstudent;
	if (!strcmp(name, "dffits"))
		return r->dffits;
	if (!strcmp(name, "cook_d"))
		return r->cook_d;
	if (!strcmp(name, "cov_r"))
		return r->cov_r;
	if (!strcmp(name, "tau2_del"))
		return r->tau2_del;
	if (!strcmp(name, "qe_del"))
		return r->qe_del;
	if (!strcmp(name, "hat"))
		return r->hat;
	if (!strcmp(name, "weight") || !strcmp(name, "weights_fn"))
		return r->weight;
	if (!strcmp(name, "dfbetas"))
		return r->dfbetas;
	if (!strcmp(name, "influential"))
		return r->influential;
	return -999;
}

/* every fixture row of one dataset */
static int
check_dataset(const char *ds)
{
	double		yi[MAX_K],
				vi[MAX_K],
				fy[MAX_K],
				fv[MAX_K];
	int			k = 0,
				checked = 0;
	msc_error	err;
	char		cur_variant[24] = "";
	tf_result	tf;
	bool		tf_ok = false;
	meta_result full;
	influence_row inf[MAX_K];
	bool		inf_ok = false;

	for (int n = 0; n < nrefs; n++)
		if (!strcmp(refs[n].dataset, ds) && !strcmp(refs[n].what, "input") && refs[n].i <= MAX_K)
		{
			if (!strcmp(refs[n].name, "yi"))
				yi[refs[n].i - 1] = refs[n].value;
			else
				vi[refs[n].i - 1] = refs[n].value;
			if (refs[n].i > k)
				k = refs[n].i;
		}
	CHECK(k >= 13, "%s: %d studies", ds, k);

	for (int n = 0; n < nrefs; n++)
	{
		const ref_row *x = &refs[n];

		if (strcmp(x->dataset, ds) != 0)
			continue;
		if (!strcmp(x->what, "egger"))
		{
			egger_model m;
			egger_result e;

			if (!stat_egger_model_parse(x->variant, &m, &err) || !stat_egger(yi, vi, k, m, &e, &err))
				CHECK(0, "%s egger %s: %s", ds, x->variant, err.message);
			else
				compare(x, egger_field(&e, x->name));
		}
		else if (!strcmp(x->what, "rank"))
		{
			rank_result r;

			if (!stat_rank_test(yi, vi, k, &r, &err))
				CHECK(0, "%s rank: %s", ds, err.message);
			else
				compare(x, !strcmp(x->name, "k") ? r.k : !strcmp(x->name, "tau") ? r.tau : r.pval);
		}
		else if (!strcmp(x->what, "trimfill"))
		{
			if (strcmp(cur_variant, x->variant) != 0)
			{
				char		buf[24],
						   *est,
						   *side;
				meta_method method;
				tf_estimator estimator;
				tf_side s = TF_AUTO;

				snprintf(cur_variant, sizeof(cur_variant), "%s", x->variant);
				snprintf(buf, sizeof(buf), "%s", x->variant);
				est = strchr(buf, '/');
				*est++ = '\0';
				side = strchr(est, '/');
				*side++ = '\0';
				tf_ok = stat_meta_method_parse(buf, &method, &err) &&
					stat_tf_estimator_parse(est, &estimator, &err) &&
					stat_tf_side_parse(side, &s, &err) &&
					stat_trim_fill(yi, vi, k, method, estimator, s, &tf, fy, fv, &err);
				CHECK(tf_ok, "%s trimfill %s: %s", ds, x->variant, err.message);
				inf_ok = false;
			}
			if (!tf_ok)
				continue;
			if (!strcmp(x->name, "k0"))
				compare(x, tf.k0);
			else if (!strcmp(x->name, "side_right"))
				compare(x, tf.right);
			else if (x->i > 0 && x->i <= tf.k0)
				compare(x, !strcmp(x->name, "yi") ? fy[x->i - 1] : fv[x->i - 1]);
			else if (x->i > 0)
				CHECK(0, "%s trimfill %s: filled study %d of %d", ds, x->variant, x->i, tf.k0);
			else
				compare(x, model_field(&tf.model, x->name));
		}
		else if (!strcmp(x->what, "influence"))
		{
			if (strcmp(cur_variant, x->variant) != 0)
			{
				meta_method method;

				snprintf(cur_variant, sizeof(cur_variant), "%s", x->variant);
				inf_ok = stat_meta_method_parse(x->variant, &method, &err) &&
					stat_influence(yi, vi, k, method, &full, inf, &err);
				CHECK(inf_ok, "%s influence %s: %s", ds, x->variant, err.message);
			}
			if (inf_ok && x->i >= 1 && x->i <= k)
				compare(x, influence_field(&inf[x->i - 1], x->name));
		}
		checked++;
	}
	return checked;
}

static void
check_bad_input(void)
{
	double		y[4] = {0.1, 0.2, 0.3, 0.4},
				v_same[4] = {0.1, 0.1, 0.1, 0.1},
				v[4] = {0.1, 0.2, 0.3, 0.4},
				fy[4],
				fv[4];
	msc_error	err;
	egger_model m;
	tf_estimator e;
	tf_side s;
	egger_result er;
	rank_result rr;
	tf_result tf;
	meta_result full;
	influence_row rows[4];

	CHECK(!stat_egger_model_parse("glm", &m, &err) && err.errclass == MSC_ERR_PARAM &&
		  strstr(err.message, "\"glm\"") && strstr(err.hint, "rma") && strstr(err.hint, "lm"),
		  "model glm: %s / %s", err.message, err.hint);
	CHECK(stat_egger_model_parse("LM", &m, &err) && m == EGGER_LM, "model LM");
	CHECK(!stat_tf_estimator_parse("Q0", &e, &err) && strstr(err.message, "\"Q0\"") &&
		  strstr(err.hint, "L0") && strstr(err.hint, "R0"), "estimator Q0: %s", err.message);
	CHECK(!stat_tf_side_parse("up", &s, &err) && strstr(err.message, "\"up\"") &&
		  strstr(err.hint, "left"), "side up: %s", err.message);
	/* equal standard errors: the regression is undefined, an error not NaN */
	CHECK(!stat_egger(y, v_same, 4, EGGER_RMA, &er, &err) && err.errclass == MSC_ERR_PARAM,
		  "egger on equal se: %s", err.message);
	CHECK(!stat_egger(y, v_same, 4, EGGER_LM, &er, &err) && err.errclass == MSC_ERR_PARAM,
		  "egger lm on equal se: %s", err.message);
	/* too few studies: defined = false, no numbers */
	CHECK(stat_egger(y, v, 2, EGGER_RMA, &er, &err) && !er.defined && er.k == 2, "egger k = 2");
	CHECK(stat_rank_test(y, v, 1, &rr, &err) && !rr.defined && rr.k == 1, "rank k = 1");
	CHECK(!stat_trim_fill(y, v, 1, META_REML, TF_L0, TF_AUTO, &tf, fy, fv, &err), "trimfill k = 1");
	CHECK(!stat_influence(y, v, 1, META_REML, &full, rows, &err) && err.errclass == MSC_ERR_PARAM,
		  "influence k = 1");
	/* influence with k = 2 runs */
	CHECK(stat_influence(y, v, 2, META_REML, &full, rows, &err) && rows[0].loo.k == 1,
		  "influence k = 2: %s", err.message);
}

int
main(void)
{
	int			checked = 0;

	load_refs();
	checked += check_dataset("bcg");
	checked += check_dataset("hackshaw1998");
	checked += check_dataset("curtis1998");
	CHECK(checked == nrefs, "fixture rows checked: %d of %d", checked, nrefs);
	printf("bias: worst relative error %.3g (%s)\n", worst, worst_where);
	check_bad_input();
	return unit_report("stat_bias");
}
