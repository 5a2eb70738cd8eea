/*
 * Effect sizes and pooling against metafor 3.8-1: every row of
 * test/fixtures/metafor_escalc.csv, metafor_rma.csv and metafor_mh.csv
 * (written by test/r/metafor_refs.R).  Tolerance 1e-9 relative for
 * estimates, standard errors, intervals, Q, I^2 and H^2 (absolute 1e-12
 * where the reference is zero, as for tau^2 on the boundary).
 */
#include "unit.h"
#include "fixture.h"
#include "stat_effect.h"
#include "stat_meta.h"

#include <stdint.h>

#define REL 1e-9
#define ABS 1e-12
#define MAX_STUDIES 200
#define MAX_SETS 64

typedef struct study_set
{
	char		name[64];		/* dataset,measure */
	int			k;
	double		yi[MAX_STUDIES];
	double		vi[MAX_STUDIES];
	double		a[MAX_STUDIES],
				b[MAX_STUDIES],
				c[MAX_STUDIES],
				d[MAX_STUDIES];
} study_set;

static study_set sets[MAX_SETS];
static int	nsets;
static double worst_effect,
			worst_pool;
static char worst_where[160];

static study_set *
set_of(const char *dataset, const char *measure, int create)
{
	char		name[64];

	snprintf(name, sizeof(name), "%s,%s", dataset, measure);
	for (int i = 0; i < nsets; i++)
		if (strcmp(sets[i].name, name) == 0)
			return &sets[i];
	if (!create || nsets == MAX_SETS)
		return NULL;
	snprintf(sets[nsets].name, sizeof(sets[nsets].name), "%s", name);
	return &sets[nsets++];
}

static double
relerr(double got, double want)
{
	if (isnan(want) || isinf(want) || want == got)
		return 0;
	return fabs(got - want) / fmax(fabs(want), 1e-300);
}

static void
check_escalc(void)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_escalc.csv", &h);
	int			rows = 0;

	fixture_next(f, &h);
	while (fixture_next(f, &r))
	{
		const char *ds = r.field[fixture_col(&h, "dataset")];
		const char *measure = r.field[fixture_col(&h, "measure")];
		double		x[6],
					want_y = fixture_num(&r, fixture_col(&h, "yi")),
					want_v = fixture_num(&r, fixture_col(&h, "vi"));
		char		col[3] = "x1";
		stat_effect e = {NAN, NAN};
		msc_error	err;
		bool		ok;
		study_set  *s;

		for (int i = 0; i < 6; i++)
		{
			col[1] = (char) ('1' + i);
			x[i] = fixture_num(&r, fixture_col(&h, col));
		}
		if (strcmp(measure, "SMD") == 0)
			ok = stat_smd(x[0], x[1], x[2], x[3], x[4], x[5], &e, &err);
		else if (strcmp(measure, "MD") == 0)
			ok = stat_md(x[0], x[1], x[2], x[3], x[4], x[5], &e, &err);
		else if (strcmp(measure, "ROM") == 0)
			ok = stat_rom(x[0], x[1], x[2], x[3], x[4], x[5], &e, &err);
		else if (strcmp(measure, "RR") == 0)
			ok = stat_log_rr(x[0], x[1], x[2], x[3], &e, &err);
		else if (strcmp(measure, "OR") == 0)
			ok = stat_log_or(x[0], x[1] - x[0], x[2], x[3] - x[2], &e, &err);
		else
			ok = stat_rd(x[0], x[1], x[2], x[3], &e, &err);
		rows++;
		if (isnan(want_y))
		{
			CHECK(!ok, "%s %s row %s: metafor gives NA, we gave %g", ds, measure, r.field[2], e.yi);
			continue;
		}
		CHECK(ok && close_to(e.yi, want_y, REL, ABS) && close_to(e.vi, want_v, REL, ABS),
			  "%s %s study %s: yi %.17g vi %.17g, metafor %.17g %.17g (%s)", ds, measure,
			  r.field[2], e.yi, e.vi, want_y, want_v, ok ? "" : err.message);
		worst_effect = fmax(worst_effect, fmax(relerr(e.yi, want_y), relerr(e.vi, want_v)));
		s = set_of(ds, measure, 1);
		if (s && s->k < MAX_STUDIES)
		{
			s->yi[s->k] = e.yi;
			s->vi[s->k] = e.vi;
			if (x[4] != x[4])	/* binary: a, n1, c, n2 */
			{
				s->a[s->k] = x[0];
				s->b[s->k] = x[1] - x[0];
				s->c[s->k] = x[2];
				s->d[s->k] = x[3] - x[2];
			}
			s->k++;
		}
	}
	fclose(f);
	CHECK(rows > 600, "escalc fixture rows: %d", rows);
}

static void
compare(const char *what, const char *field, double got, double want)
{
	CHECK(close_to(got, want, REL, ABS), "%s %s: %.17g, metafor %.17g", what, field, got, want);
	if (fabs(want) > 1e-12 && relerr(got, want) > worst_pool)
	{
		worst_pool = relerr(got, want);
		snprintf(worst_where, sizeof(worst_where), "%s %s", what, field);
	}
}

static void
check_rma(void)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_rma.csv", &h);
	int			rows = 0;

	fixture_next(f, &h);
	while (fixture_next(f, &r))
	{
		study_set  *s = set_of(r.field[fixture_col(&h, "dataset")],
						   r.field[fixture_col(&h, "measure")], 0);
		meta_method method;
		meta_test	test;
		meta_result res;
		msc_error	err;
		char		what[128];

		snprintf(what, sizeof(what), "%s %s %s", s ? s->name : r.field[0],
				 r.field[fixture_col(&h, "method")], r.field[fixture_col(&h, "test")]);
		if (!s || !stat_meta_method_parse(r.field[fixture_col(&h, "method")], &method, &err) ||
			!stat_meta_test_parse(r.field[fixture_col(&h, "test")], &test, &err))
		{
			CHECK(0, "%s: no such set or method", what);
			continue;
		}
		rows++;
		if (!stat_meta_pool(s->yi, s->vi, s->k, method, test, &res, &err))
		{
			CHECK(0, "%s: %s", what, err.message);
			continue;
		}
		CHECK(res.k == (int) fixture_num(&r, fixture_col(&h, "k")), "%s k %d", what, res.k);
		compare(what, "estimate", res.estimate, fixture_num(&r, fixture_col(&h, "estimate")));
		compare(what, "se", res.se, fixture_num(&r, fixture_col(&h, "se")));
		compare(what, "stat", res.stat, fixture_num(&r, fixture_col(&h, "stat")));
		compare(what, "pval", res.pval, fixture_num(&r, fixture_col(&h, "pval")));
		compare(what, "ci_lb", res.ci_low, fixture_num(&r, fixture_col(&h, "ci_lb")));
		compare(what, "ci_ub", res.ci_high, fixture_num(&r, fixture_col(&h, "ci_ub")));
		compare(what, "tau2", res.tau2, fixture_num(&r, fixture_col(&h, "tau2")));
		compare(what, "i2", res.i2, fixture_num(&r, fixture_col(&h, "i2")));
		compare(what, "h2", res.h2, fixture_num(&r, fixture_col(&h, "h2")));
		compare(what, "q", res.q, fixture_num(&r, fixture_col(&h, "q")));
		compare(what, "q_pval", res.q_pval, fixture_num(&r, fixture_col(&h, "q_pval")));
		compare(what, "pi_lb", res.has_pi ? res.pi_low : NAN, fixture_num(&r, fixture_col(&h, "pi_lb")));
		compare(what, "pi_ub", res.has_pi ? res.pi_high : NAN, fixture_num(&r, fixture_col(&h, "pi_ub")));
	}
	fclose(f);
	CHECK(rows >= 300, "rma fixture rows: %d", rows);
}

static void
check_mh(void)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_mh.csv", &h);
	int			rows = 0;

	fixture_next(f, &h);
	while (fixture_next(f, &r))
	{
		study_set  *s = set_of(r.field[0], r.field[1], 0);
		meta_measure measure;
		meta_result res;
		msc_error	err;
		char		what[128];

		snprintf(what, sizeof(what), "MH %s,%s", r.field[0], r.field[1]);
		if (!s || !stat_meta_measure_parse(r.field[1], &measure, &err))
		{
			CHECK(0, "%s: no such set", what);
			continue;
		}
		rows++;
		if (!stat_meta_mh(s->a, s->b, s->c, s->d, s->k, measure, &res, &err))
		{
			CHECK(0, "%s: %s", what, err.message);
			continue;
		}
		CHECK(res.k == (int) fixture_num(&r, fixture_col(&h, "k")), "%s k %d", what, res.k);
		compare(what, "estimate", res.estimate, fixture_num(&r, fixture_col(&h, "estimate")));
		compare(what, "se", res.se, fixture_num(&r, fixture_col(&h, "se")));
		compare(what, "stat", res.stat, fixture_num(&r, fixture_col(&h, "stat")));
		compare(what, "pval", res.pval, fixture_num(&r, fixture_col(&h, "pval")));
		compare(what, "ci_lb", res.ci_low, fixture_num(&r, fixture_col(&h, "ci_lb")));
		compare(what, "ci_ub", res.ci_high, fixture_num(&r, fixture_col(&h, "ci_ub")));
		compare(what, "i2", res.i2, fixture_num(&r, fixture_col(&h, "i2")));
		compare(what, "h2", res.h2, fixture_num(&r, fixture_col(&h, "h2")));
		compare(what, "q", res.q, fixture_num(&r, fixture_col(&h, "q")));
		compare(what, "q_pval", res.q_pval, fixture_num(&r, fixture_col(&h, "q_pval")));
	}
	fclose(f);
	CHECK(rows == 15, "mh fixture rows: %d", rows);
}

static void
check_errors(void)
{
	stat_effect e;
	msc_error	err;
	meta_method m;
	meta_test	t;
	double		sd;

	CHECK(!stat_smd(1, 5, 1, 1, 4, 1, &e, &err) && err.errclass == MSC_ERR_PARAM, "SMD with n1 + n2 < 4");
	CHECK(!stat_smd(10, 5, 0, 10, 4, 0, &e, &err), "SMD with zero SDs");
	CHECK(!stat_md(10.5, 5, 1, 10, 4, 1, &e, &err), "fractional group size");
	CHECK(!stat_md(10, NAN, 1, 10, 4, 1, &e, &err), "NaN mean");
	CHECK(!stat_md(10, 5, -1, 10, 4, 1, &e, &err), "negative SD");
	CHECK(!stat_rom(10, 0, 1, 10, 4, 1, &e, &err), "ROM with a zero mean");
	CHECK(!stat_log_rr(11, 10, 1, 10, &e, &err), "more events than participants");
	CHECK(!stat_log_or(-1, 3, 2, 3, &e, &err), "negative cell");
	CHECK(!stat_rd(0, 0, 1, 10, &e, &err), "empty group");
	CHECK(!stat_sd_change(20, 22, 1.5, &sd, &err), "r > 1");
	CHECK(stat_sd_change(20, 22, 0.5, &sd, &err) && close_to(sd, 21.071307505705477, 1e-15, 0),
		  "sd_change(20, 22, 0.5) = %.17g", sd);
	CHECK(!stat_meta_method_parse("ML", &m, &err) && err.errclass == MSC_ERR_PARAM, "unknown method");
	CHECK(stat_meta_method_parse("reml", &m, &err) && m == META_REML, "method names are case-insensitive");
	CHECK(!stat_meta_test_parse("t", &t, &err), "unknown test");
	CHECK(!stat_meta_check_study(0.5, 0, &err), "zero variance");
	CHECK(!stat_meta_check_study(0.5, -1, &err), "negative variance");
	CHECK(!stat_meta_check_study(NAN, 1, &err), "NaN effect");
	CHECK(!stat_meta_check_study(1, INFINITY, &err), "infinite variance");
}

/*
 * Random study sets of 2 to 31 studies on three variance scales (1e-6 to
 * 1e4): REML and PM always converge, to a tau2 >= 0 with finite results.
 * (Plain Fisher scoring oscillated or crept on about 3% of such sets.)
 */
static void
check_random_sets(void)
{
	uint64_t	state = 42;
	int			failures = 0;

	for (int g = 0; g < 30000; g++)
	{
		int			k = 2 + g % 30;
		double		y[32],
					v[32],
					vs = (g % 3 == 0) ? 0.1 : (g % 3 == 1) ? 1e-6 : 1e4;

		for (int i = 0; i < k; i++)
		{
			state = state * 6364136223846793005ULL + 1442695040888963407ULL;
			y[i] = ((double) (state >> 11) / 9007199254740992.0 - 0.5) * sqrt(vs) * (1 + g % 7);
			state = state * 6364136223846793005ULL + 1442695040888963407ULL;
			v[i] = vs * (0.01 + (double) (state >> 11) / 9007199254740992.0);
		}
		for (int m = META_REML; m <= META_PM; m++)
		{
			meta_result r;
			msc_error	err;

			if (!stat_meta_pool(y, v, k, (meta_method) m, META_Z, &r, &err) ||
				!(r.tau2 >= 0) || !isfinite(r.estimate) || !isfinite(r.se))
				failures++;
		}
	}
	CHECK(failures == 0, "%d of 60000 random REML/PM fits failed", failures);
}

/*
 * Found by test/fuzz/fuzz_forest_svg: an unknown method, test or measure
 * name went into the message raw (control characters and all) and cut at
 * 40 bytes, possibly inside a UTF-8 sequence.  It is now quoted like every
 * other input: control characters as \xNN, cut at a character boundary.
 */
static void
check_name_messages(void)
{
	msc_error	err;
	meta_method m;
	meta_test	t;
	meta_measure me;
	char		longname[64];

	CHECK(!stat_meta_test_parse("z\x03OR", &t, &err) &&
		  strcmp(err.message, "unknown meta-analysis test \"z\\x03OR\"") == 0,
		  "control character shown raw: %s", err.message);
	CHECK(!stat_meta_method_parse("RE\x1bML", &m, &err) && strchr(err.message, 0x1b) == NULL,
		  "escape shown raw: %s", err.message);
	CHECK(!stat_meta_measure_parse("H\x7fR", &me, &err) && strchr(err.message, 0x7f) == NULL,
		  "DEL shown raw: %s", err.message);
	/* 39 ASCII bytes then a 3-byte character: "%.40s" split it */
	memset(longname, 'x', 39);
	memcpy(longname + 39, "\xE2\x82\xAC", 4);
	CHECK(!stat_meta_method_parse(longname, &m, &err) && strstr(err.message, "x\xE2\x82\xAC\"") != NULL,
		  "name cut inside a character: %s", err.message);
	/* 47 ASCII bytes then a 3-byte character: cut before it */
	memset(longname, 'x', 47);
	memcpy(longname + 47, "\xE2\x82\xAC" "abc", 7);
	longname[54] = '\0';
	CHECK(!stat_meta_method_parse(longname, &m, &err) &&
		  strstr(err.message, "\xE2\x82\xAC") == NULL && strstr(err.message, "\xE2") == NULL &&
		  strstr(err.message, "...") != NULL,
		  "long name cut inside a character: %s", err.message);
}

int
main(void)
{
	check_name_messages();
	check_random_sets();
	check_escalc();
	check_rma();
	check_mh();
	check_errors();
	printf("worst relative error against metafor: effect sizes %.3g, pooled results %.3g (%s)\n",
		   worst_effect, worst_pool, worst_where);
	return unit_report("stat_meta");
}
