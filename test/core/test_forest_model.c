/*
 * test_forest_model — the numbers a forest plot draws (forest_model_fit):
 * overall, Knapp-Hartung and prediction intervals, subgroup rows and the
 * test for subgroup differences against metafor 3.8-1
 * (test/fixtures/forest_refs.csv from test/r/forest_refs.R), 1e-9 relative.
 */
#include "unit.h"
#include "fixture.h"
#include "forest_model.h"

#define MAXROWS 512
#define MAXK 16

static char case_[MAXROWS][32],
			qty[MAXROWS][40];
static double val[MAXROWS];
static int	nrows;

/* the reference value of case c, quantity q (exit when missing) */
static double
ref(const char *c, const char *q)
{
	for (int i = 0; i < nrows; i++)
		if (strcmp(case_[i], c) == 0 && strcmp(qty[i], q) == 0)
			return val[i];
	fprintf(stderr, "forest_refs.csv has no %s %s\n", c, q);
	exit(2);
}

static void
near(double got, double want, const char *c, const char *q)
{
	CHECK(close_to(got, want, 1e-9, 1e-12), "%s %s: %.15g, metafor %.15g", c, q, got, want);
}

static void
check_dataset(const char *ds)
{
	static const char *const methods[] = {"FE", "DL", "REML", "PM"};
	double		yi[MAXK],
				vi[MAXK];
	int			group[MAXK],
				k = 0,
				ngroups = 0;
	char		data[32];

	snprintf(data, sizeof(data), "%s/data", ds);
	for (int i = 0; i < nrows; i++)
		if (strcmp(case_[i], data) == 0)
		{
			if (strcmp(qty[i], "yi") == 0)
				yi[k] = val[i];
			else if (strcmp(qty[i], "vi") == 0)
				vi[k] = val[i];
			else
			{
				group[k] = (int) val[i];
				if (group[k] + 1 > ngroups)
					ngroups = group[k] + 1;
				k++;
			}
		}
	CHECK(k >= 7 && ngroups >= 2, "%s: %d studies in %d subgroups", ds, k, ngroups);
	for (int mi = 0; mi < 4; mi++)
		for (int ti = 0; ti < 2; ti++)
			for (int common = 0; common < (ti == 0 ? 2 : 1); common++)
			{
				forest_options opt;
				forest_model m;
				msc_error	err;
				char		c[64],
							q[64];

				forest_options_init(&opt);
				CHECK(stat_meta_method_parse(methods[mi], &opt.method, &err), "method");
				opt.test = ti ? META_KNHA : META_Z;
				opt.prediction = (opt.method != META_FE);
				opt.tau2 = common ? SUBGROUP_COMMON : SUBGROUP_SEPARATE;
				snprintf(c, sizeof(c), "%s/%s/%s", ds, methods[mi], ti ? "knha" : "z");
				if (!forest_model_fit(yi, vi, group, k, ngroups, &opt, &m, &err))
				{
					CHECK(0, "%s: %s", c, err.message);
					continue;
				}
				near(m.overall.estimate, ref(c, "estimate"), c, "estimate");
				near(m.overall.ci_low, ref(c, "ci_low"), c, "ci_low");
				near(m.overall.ci_high, ref(c, "ci_high"), c, "ci_high");
				if (opt.prediction)
				{
					near(m.overall.pi_low, ref(c, "pi_low"), c, "pi_low");
					near(m.overall.pi_high, ref(c, "pi_high"), c, "pi_high");
				}
				CHECK(m.ngroups == ngroups && m.df == (int) ref(c, "df"), "%s: df %d", c, m.df);
				near(m.q_between, ref(c, common ? "common_q_between" : "q_between"), c, "q_between");
				for (int g = 0; g < m.ngroups; g++)
				{
					const char *pre = common ? "common_group" : "group";

					snprintf(q, sizeof(q), "%s%d_estimate", pre, g + 1);
					near(m.groups[g].estimate, ref(c, q), c, q);
					snprintf(q, sizeof(q), "%s%d_ci_low", pre, g + 1);
					near(m.groups[g].ci_low, ref(c, q), c, q);
					snprintf(q, sizeof(q), "%s%d_ci_high", pre, g + 1);
					near(m.groups[g].ci_high, ref(c, q), c, q);
				}
				forest_model_free(&m);
			}
}

int
main(void)
{
	fixture_row row;
	FILE	   *f = fixture_open("test/fixtures/forest_refs.csv", &row);
	forest_options opt;
	forest_model m;
	msc_error	err;
	double		y[2] = {0.1, 0.4},
				v[2] = {0.02, 0.03};
	int			g[2] = {0, 1};

	int			cc,
				cq,
				cv;

	fixture_next(f, &row);		/* header */
	cc = fixture_col(&row, "case");
	cq = fixture_col(&row, "quantity");
	cv = fixture_col(&row, "value");
	while (nrows < MAXROWS && fixture_next(f, &row))
	{
		snprintf(case_[nrows], sizeof(case_[0]), "%s", row.field[cc]);
		snprintf(qty[nrows], sizeof(qty[0]), "%s", row.field[cq]);
		val[nrows++] = fixture_num(&row, cv);
	}
	fclose(f);
	check_dataset("knee");
	check_dataset("bcg");

	/* what the plot cannot draw: 22023 */
	forest_options_init(&opt);
	opt.method = META_FE;
	opt.prediction = true;
	CHECK(!forest_model_fit(y, v, NULL, 2, 0, &opt, &m, &err) && err.errclass == MSC_ERR_PARAM &&
		  strstr(err.message, "prediction interval") != NULL, "FE prediction interval: %s", err.message);
	forest_options_init(&opt);
	opt.test = META_KNHA;
	opt.tau2 = SUBGROUP_COMMON;
	CHECK(!forest_model_fit(y, v, g, 2, 2, &opt, &m, &err) && err.errclass == MSC_ERR_PARAM &&
		  strstr(err.message, "tau2 common") != NULL, "knha with common tau^2: %s", err.message);
	return unit_report("test_forest_model");
}
