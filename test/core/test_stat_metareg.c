/*
 * Meta-regression, predictions and subgroup analysis against metafor 3.8-1:
 * every case of test/fixtures/metafor_metareg.csv (test/r/metareg_refs.R),
 * every number to 1e-9 relative (1e-12 absolute where the reference is 0),
 * redundant moderators dropped where metafor drops them; then the errors
 * and edge cases metafor answers with stop() or NA.
 */
#include "unit.h"
#include "fixture.h"
#include "stat_fdist.h"
#include "stat_subgroup.h"

#define REL 1e-9
#define ABS 1e-12
#define MAX_ROWS 8000
#define MAX_K 64
#define MAX_VARS 24

typedef struct frow
{
	char		c[96];
	char		item[32];
	int			idx;
	char		value[48];
	double		num;
} frow;

static frow rows[MAX_ROWS];
static int	nrows;
static double worst;
static char worst_where[160];

static void
load(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_metareg.csv", &r);

	fixture_next(f, &r);		/* header */
	if (fixture_col(&r, "case") != 0 || fixture_col(&r, "value") != 3)
	{
		fprintf(stderr, "unexpected fixture header\n");
		exit(2);
	}
	while (fixture_next(f, &r))
	{
		frow	   *x = &rows[nrows++];

		if (nrows == MAX_ROWS || r.nfields != 4)
		{
			fprintf(stderr, "bad fixture line %d\n", nrows);
			exit(2);
		}
		snprintf(x->c, sizeof(x->c), "%s", r.field[0]);
		snprintf(x->item, sizeof(x->item), "%s", r.field[1]);
		x->idx = atoi(r.field[2]);
		snprintf(x->value, sizeof(x->value), "%s", r.field[3]);
		x->num = fixture_num(&r, 3);
	}
	fclose(f);
}

static const frow *
find(const char *c, const char *item, int idx)
{
	for (int i = 0; i < nrows; i++)
		if (rows[i].idx == idx && strcmp(rows[i].c, c) == 0 && strcmp(rows[i].item, item) == 0)
			return &rows[i];
	return NULL;
}

static const char *
get(const char *c, const char *item, int idx)
{
	const frow *r = find(c, item, idx);

	return r ? r->value : NULL;
}

static double
num(const char *c, const char *item, int idx)
{
	const frow *r = find(c, item, idx);

	if (r == NULL)
	{
		fprintf(stderr, "fixture lacks %s %s %d\n", c, item, idx);
		exit(2);
	}
	return r->num;
}

/* one dataset's column: numbers, k of them */
static int
column(const char *data, const char *var, double *out)
{
	char		c[96];
	int			k = 0;

	snprintf(c, sizeof(c), "data:%s", data);
	while (k < MAX_K && get(c, var, k + 1) != NULL)
	{
		out[k] = num(c, var, k + 1);
		k++;
	}
	return k;
}

/* relative tolerance of the case: 1e-9, or 10 x metafor's own rounding
 * noise where its QR of an uncentred design loses more (metafor_noise) */
static double case_rel = REL;

static void
compare(const char *c, const char *what, int idx, double got, double want)
{
	double		e;

	if (isnan(want))
	{
		CHECK(isnan(got), "%s %s[%d]: got %.17g, metafor NA", c, what, idx, got);
		return;
	}
	/* a reference within 1e-12 of 0 (1e-10 for a percentage), as tau^2 on
	 * the boundary where metafor stops creeping towards it, is compared
	 * absolutely */
	double		zero = (strcmp(what, "i2") == 0 || strcmp(what, "r2") == 0) ? 100 * ABS : ABS;

	e = (fabs(want) <= zero) ? fabs(got - want) / zero * REL : fabs(got - want) / fabs(want);
	CHECK(fabs(want) <= zero ? fabs(got - want) <= zero : close_to(got, want, case_rel, 0), "%s %s[%d]: got %.17g, metafor %.17g (rel %.2g)", c, what, idx, got, want, e);
	e /= case_rel;				/* reported as a fraction of the case's tolerance */
	if (e > worst)
	{
		worst = e;
		snprintf(worst_where, sizeof(worst_where), "%s %s[%d]", c, what, idx);
	}
}

static int
case_done(const char *c, char seen[][96], int *nseen)
{
	for (int i = 0; i < *nseen; i++)
		if (strcmp(seen[i], c) == 0)
			return 1;
	snprintf(seen[(*nseen)++], 96, "%s", c);
	return 0;
}

static void
parse_enum(const char *c, meta_method *method, meta_test *test)
{
	msc_error	err;

	CHECK(stat_meta_method_parse(get(c, "method", 0), method, &err), "%s method", c);
	if (test)
		CHECK(stat_meta_test_parse(get(c, "test", 0), test, &err), "%s test", c);
}

static int
run_regressions(void)
{
	static char seen[512][96];
	int			nseen = 0,
				ncases = 0;

	for (int r = 0; r < nrows; r++)
	{
		const char *c = rows[r].c;
		char		mods[256],
				   *tok,
				   *next;
		double		yi[MAX_K],
					vi[MAX_K],
					col[MAX_K],
					x[MAX_K * MAX_VARS],
					px[MAX_VARS];
		int			k,
					m = 0;
		meta_method method;
		meta_test	test;
		metareg_result *res;
		metareg_prediction pr;
		msc_error	err;
		static const char *const items[] = {"coef", "se", "stat", "pval", "ci_low", "ci_high"};

		if (strncmp(c, "reg:", 4) != 0 || case_done(c, seen, &nseen))
			continue;
		ncases++;
		case_rel = fmax(REL, 10 * num(c, "metafor_noise", 0));
		k = column(get(c, "data", 0), "yi", yi);
		column(get(c, "data", 0), "vi", vi);
		snprintf(mods, sizeof(mods), "%s", get(c, "mods", 0));
		for (tok = mods; tok; tok = next, m++)
		{
			next = strchr(tok, ';');
			if (next)
				*next++ = '\0';
			column(get(c, "data", 0), tok, col);
			for (int i = 0; i < k; i++)
				x[i * MAX_VARS + m] = col[i];
		}
		/* compact to k x m */
		for (int i = 0; i < k; i++)
			for (int j = 0; j < m; j++)
				x[i * m + j] = x[i * MAX_VARS + j];
		parse_enum(c, &method, &test);
		res = malloc(sizeof(*res));
		if (!stat_metareg_fit(yi, vi, x, k, m, method, test, res, &err))
		{
			CHECK(0, "%s: %s", c, err.message);
			free(res);
			continue;
		}
		CHECK(res->k == (int) num(c, "k", 0) && res->p == (int) num(c, "p", 0),
			  "%s k %d p %d", c, res->k, res->p);
		for (int j = 0; j <= m; j++)
		{
			double	   *got[] = {res->coef, res->se, res->stat, res->pval, res->ci_low, res->ci_high};

			CHECK(res->dropped[j] == isnan(num(c, "coef", j)), "%s dropped[%d]", c, j);
			for (int i = 0; i < 6; i++)
				compare(c, items[i], j, got[i][j], num(c, items[i], j));
		}
		compare(c, "qm", 0, res->qm, num(c, "qm", 0));
		CHECK(res->qm_df == (int) num(c, "qm_df", 0) && res->qm_df2 == (int) num(c, "qm_df2", 0),
			  "%s qm df %d %d", c, res->qm_df, res->qm_df2);
		compare(c, "qm_pval", 0, res->qm_pval, num(c, "qm_pval", 0));
		compare(c, "qe", 0, res->qe, num(c, "qe", 0));
		CHECK(res->qe_df == (int) num(c, "qe_df", 0), "%s qe_df %d", c, res->qe_df);
		compare(c, "qe_pval", 0, res->qe_pval, num(c, "qe_pval", 0));
		compare(c, "tau2", 0, res->tau2, num(c, "tau2", 0));
		compare(c, "i2", 0, res->i2, num(c, "i2", 0));
		compare(c, "h2", 0, res->h2, num(c, "h2", 0));
		compare(c, "r2", 0, res->r2, num(c, "r2", 0));

		for (int j = 0; j < m; j++)
			px[j] = num(c, "pred_x", j + 1);
		if (!stat_metareg_predict(res->coef, res->vcov, res->ncoef, res->tau2, res->test,
								  res->k - res->p, px, m, &pr, &err))
			CHECK(0, "%s predict: %s", c, err.message);
		else
		{
			compare(c, "pred", 0, pr.pred, num(c, "pred", 0));
			compare(c, "pred_se", 0, pr.se, num(c, "pred_se", 0));
			compare(c, "pred_ci_low", 0, pr.ci_low, num(c, "pred_ci_low", 0));
			compare(c, "pred_ci_high", 0, pr.ci_high, num(c, "pred_ci_high", 0));
			if (method != META_FE)
			{
				compare(c, "pred_pi_low", 0, pr.pi_low, num(c, "pred_pi_low", 0));
				compare(c, "pred_pi_high", 0, pr.pi_high, num(c, "pred_pi_high", 0));
			}
		}
		free(res);
	}
	return ncases;
}

static int
run_subgroups(void)
{
	static char seen[256][96];
	int			nseen = 0,
				ncases = 0;

	for (int r = 0; r < nrows; r++)
	{
		const char *c = rows[r].c;
		char		dc[96];
		double		yi[MAX_K],
					vi[MAX_K];
		int			group[MAX_K],
					kk[MAX_K],
					k,
					ngroups = 0;
		double		a[7][MAX_K];
		subgroup_result out = {kk, a[0], a[1], a[2], a[3], a[4], a[5], 0, 0, 0};
		static const char *const items[] = {"estimate", "se", "ci_low", "ci_high", "tau2", "i2"};
		meta_method method;
		subgroup_tau2 mode;
		msc_error	err;

		if (strncmp(c, "sub:", 4) != 0 || case_done(c, seen, &nseen))
			continue;
		ncases++;
		case_rel = REL;
		k = column(get(c, "data", 0), "yi", yi);
		column(get(c, "data", 0), "vi", vi);
		snprintf(dc, sizeof(dc), "data:%s", get(c, "data", 0));
		while (get(c, "groups", ngroups + 1))
			ngroups++;
		for (int i = 0; i < k; i++)
		{
			group[i] = -1;
			for (int g = 0; g < ngroups; g++)
				if (strcmp(get(dc, get(c, "group", 0), i + 1), get(c, "groups", g + 1)) == 0)
					group[i] = g;
		}
		parse_enum(c, &method, NULL);
		CHECK(stat_subgroup_tau2_parse(get(c, "tau2mode", 0), &mode, &err), "%s mode", c);
		if (!stat_meta_subgroup(yi, vi, group, k, ngroups, method, mode, &out, &err))
		{
			CHECK(0, "%s: %s", c, err.message);
			continue;
		}
		for (int g = 0; g < ngroups; g++)
		{
			CHECK(kk[g] == (int) num(c, "k", g + 1), "%s k[%d]", c, g);
			for (int i = 0; i < 6; i++)
				compare(c, items[i], g + 1, a[i][g], num(c, items[i], g + 1));
		}
		compare(c, "q_between", 0, out.q_between, num(c, "q_between", 0));
		CHECK(out.df == (int) num(c, "df", 0), "%s df", c);
		compare(c, "pval", 0, out.pval, num(c, "pval", 0));
	}
	return ncases;
}

/* what metafor refuses, and what it answers with NA */
static void
edge_cases(void)
{
	double		yi[] = {0.1, 0.3, -0.2, 0.5},
				vi[] = {0.01, 0.02, 0.015, 0.03},
				x2[] = {1, 2, 3, 4},
				tiny[] = {1e-5, 2e-5, 3e-5, 4e-5},
				xx[] = {1, 2, 2, 4, 3, 6, 4, 8};
	metareg_result *r = malloc(sizeof(*r));
	metareg_prediction pr;
	msc_error	err;

	/* k = 2 studies, 2 coefficients: REML needs k >= p + 1, FE k >= p */
	CHECK(!stat_metareg_fit(yi, vi, x2, 2, 1, META_REML, META_Z, r, &err) &&
		  err.errclass == MSC_ERR_PARAM && strstr(err.message, "2 coefficients cannot be estimated from 2 studies"),
		  "k = p REML: %s", err.message);
	CHECK(stat_metareg_fit(yi, vi, x2, 2, 1, META_FE, META_Z, r, &err) &&
		  r->qe == 0 && r->qe_df == 0 && r->qe_pval == 1 && isnan(r->r2),
		  "k = p FE fits exactly");
	CHECK(!stat_metareg_fit(yi, vi, x2, 2, 1, META_FE, META_KNHA, r, &err) &&
		  strstr(err.message, "Knapp-Hartung"), "k = p knha: %s", err.message);
	/* a moderator of tiny values: X'X has an eigenvalue below 1e-7 */
	CHECK(!stat_metareg_fit(yi, vi, tiny, 4, 1, META_REML, META_Z, r, &err) &&
		  strstr(err.message, "not of full rank"), "tiny moderator: %s", err.message);
	/* the second moderator is twice the first: dropped */
	CHECK(stat_metareg_fit(yi, vi, xx, 4, 2, META_DL, META_Z, r, &err) &&
		  !r->dropped[1] && r->dropped[2] && r->p == 2 && isnan(r->coef[2]), "collinear dropped");
	CHECK(!stat_metareg_predict(r->coef, r->vcov, r->ncoef, r->tau2, r->test, 2, x2, 1, &pr, &err) &&
		  strstr(err.message, "2 moderators but 1 values"), "predict length: %s", err.message);
	/* too many moderators */
	CHECK(!stat_metareg_fit(yi, vi, xx, 1, METAREG_MAX_COEF, META_FE, META_Z, r, &err) &&
		  strstr(err.message, "at most 63 moderators"), "m too large: %s", err.message);
	/* intercept only, one study: as rma with k = 1 */
	CHECK(stat_metareg_fit(yi, vi, NULL, 1, 0, META_REML, META_Z, r, &err) &&
		  r->tau2 == 0 && r->coef[0] == 0.1 && isnan(r->r2), "k = 1 intercept only");
	/* overflowing variances are an error, never Inf */
	{
		double		big[] = {1e-310, 1e-310, 1e-310, 1e-310};

		CHECK(!stat_metareg_fit(yi, big, x2, 4, 1, META_REML, META_Z, r, &err) &&
			  err.errclass == MSC_ERR_RANGE, "subnormal variances: %s", err.message);
	}
	free(r);
	/* the F tail against R: pf(3.2, 2, 9, lower.tail = FALSE), pf(40, 1, 30, ...) */
	CHECK(fabs(stat_pf_upper(3.2, 2, 9) / 0.089176012441807478 - 1) < 1e-12, "pf 3.2 2 9 %.17g",
		  stat_pf_upper(3.2, 2, 9));
	CHECK(fabs(stat_pf_upper(40, 1, 30) / 5.6487746971420822e-07 - 1) < 1e-11, "pf 40 1 30 %.17g",
		  stat_pf_upper(40, 1, 30));
	CHECK(stat_pf_upper(0, 2, 9) == 1 && isnan(stat_pf_upper(1, 0, 9)), "pf edges");
	{
		subgroup_tau2 t;

		CHECK(!stat_subgroup_tau2_parse("pooled", &t, &err) && strstr(err.message, "\"pooled\"") &&
			  strstr(err.hint, "separate"), "tau2 mode error names the value");
		CHECK(stat_subgroup_tau2_parse("COMMON", &t, &err) && t == SUBGROUP_COMMON, "COMMON");
	}
}

int
main(void)
{
	int			nreg,
				nsub;

	load();
	nreg = run_regressions();
	nsub = run_subgroups();
	CHECK(nreg >= 80 && nsub >= 24, "fixture cases: %d regressions, %d subgroup analyses", nreg, nsub);
	edge_cases();
	printf("metareg: %d regression and %d subgroup cases; worst error %.2g of the tolerance at %s\n",
		   nreg, nsub, worst, worst_where);
	return unit_report("test_stat_metareg");
}
