/*
 * Peto's method and the continuity-correction options against metafor
 * 3.8-1: every row of test/fixtures/metafor_peto.csv, metafor_cc.csv and
 * metafor_mh_cc.csv (tables in metafor_tables.csv; all written by
 * test/r/rare_refs.R), to 1e-9 relative; and the bad inputs refused.
 */
#include "fixture_named.h"
#include "stat_prop.h"

#define MAX_TABLES 64

typedef struct tables
{
	int			k;
	double		a[MAX_TABLES],
				b[MAX_TABLES],
				c[MAX_TABLES],
				d[MAX_TABLES];
} tables;

static void
tables_of(const char *dataset, tables *t)
{
	fixture_row h,
				r;
	FILE	   *f = fixture_open("test/fixtures/metafor_tables.csv", &h);

	t->k = 0;
	fixture_next(f, &h);
	while (fixture_next(f, &r) && t->k < MAX_TABLES)
		if (strcmp(r.field[fixture_col(&h, "dataset")], dataset) == 0)
		{
			t->a[t->k] = fixture_num(&r, fixture_col(&h, "ai"));
			t->b[t->k] = fixture_num(&r, fixture_col(&h, "bi"));
			t->c[t->k] = fixture_num(&r, fixture_col(&h, "ci"));
			t->d[t->k] = fixture_num(&r, fixture_col(&h, "di"));
			t->k++;
		}
	fclose(f);
}

static void
check_peto(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_peto.csv", &hdr);
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		tables		t;
		meta_result res;
		msc_error	err;
		const char *what = str(&r, "dataset");

		tables_of(what, &t);
		CHECK(stat_meta_peto(t.a, t.b, t.c, t.d, t.k, &res, &err), "%s: %s", what, err.message);
		CHECK(res.k == (int) num(&r, "k") && res.q_df == (int) num(&r, "k_yi") - 1, "%s k %d df %d", what, res.k, res.q_df);
		compare(what, "estimate", res.estimate, num(&r, "estimate"));
		compare(what, "se", res.se, num(&r, "se"));
		compare(what, "stat", res.stat, num(&r, "stat"));
		compare(what, "pval", res.pval, num(&r, "pval"));
		compare(what, "ci_lb", res.ci_low, num(&r, "ci_lb"));
		compare(what, "ci_ub", res.ci_high, num(&r, "ci_ub"));
		compare(what, "q", res.q, num(&r, "q"));
		compare(what, "q_pval", res.q_pval, num(&r, "q_pval"));
		compare(what, "i2", res.i2, num(&r, "i2"));
		compare(what, "h2", res.h2, num(&r, "h2"));
		rows++;
	}
	fclose(f);
	CHECK(rows >= 5, "only %d Peto rows", rows);
}

static bool
opts_of(const fixture_row *r, meta_measure *m, cc_opts *cc, msc_error *err)
{
	cc->add = num(r, "add");
	cc->drop00 = strcmp(str(r, "drop00"), "TRUE") == 0;
	return stat_meta_measure_parse(str(r, "measure"), m, err) && stat_cc_to_parse(str(r, "to"), &cc->to, err);
}

static void
check_cc(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_cc.csv", &hdr);
	tables		t = {0};
	char		loaded[64] = "";
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		meta_measure m;
		cc_opts		cc;
		msc_error	err;
		stat_effect e = {NAN, NAN};
		bool		defined = false,
					set_zero = false;
		int			i = (int) num(&r, "study") - 1;
		char		what[128];

		if (strcmp(loaded, str(&r, "dataset")) != 0)
		{
			snprintf(loaded, sizeof(loaded), "%s", str(&r, "dataset"));
			tables_of(loaded, &t);
		}
		snprintf(what, sizeof(what), "%s %s add %s to %s drop00 %s table %d", loaded, str(&r, "measure"),
				 str(&r, "add"), str(&r, "to"), str(&r, "drop00"), i + 1);
		CHECK(opts_of(&r, &m, &cc, &err), "%s: %s", what, err.message);
		for (int j = 0; j < t.k; j++)
			if (!(cc.drop00 && ((t.a[j] == 0 && t.c[j] == 0) || (t.b[j] == 0 && t.d[j] == 0))) &&
				(t.a[j] == 0 || t.b[j] == 0 || t.c[j] == 0 || t.d[j] == 0))
				set_zero = true;
		CHECK(stat_table_cc(m, t.a[i], t.b[i], t.c[i], t.d[i], &cc, set_zero, &e, &defined, &err),
			  "%s: %s", what, err.message);
		if (isnan(num(&r, "yi")))
			CHECK(!defined || !isfinite(e.yi) || !isfinite(e.vi), "%s: metafor NA, we %g %g", what, e.yi, e.vi);
		else
		{
			CHECK(defined, "%s: dropped", what);
			compare(what, "yi", e.yi, num(&r, "yi"));
			compare(what, "vi", e.vi, num(&r, "vi"));
			rows++;
		}
		/* the one-table form: the same where the set plays no part */
		if (cc.to != CC_IF0ALL || set_zero == (t.a[i] == 0 || t.b[i] == 0 || t.c[i] == 0 || t.d[i] == 0))
		{
			stat_effect e1;
			bool		ok = stat_effect_cc(m, t.a[i], t.b[i], t.c[i], t.d[i], &cc, &e1, &defined, &err);

			if (isnan(num(&r, "yi")))
				CHECK((!ok && err.errclass == MSC_ERR_RANGE) || (ok && !defined), "%s: one table", what);
			else
				CHECK(ok && defined && e1.yi == e.yi && e1.vi == e.vi, "%s: one table", what);
		}
	}
	fclose(f);
	CHECK(rows > 2000, "only %d escalc rows", rows);
}

static void
check_mh_cc(void)
{
	fixture_row r;
	FILE	   *f = fixture_open("test/fixtures/metafor_mh_cc.csv", &hdr);
	int			rows = 0;

	fixture_next(f, &hdr);
	while (fixture_next(f, &r))
	{
		meta_measure m;
		cc_opts		cc;
		msc_error	err;
		meta_result res;
		tables		t;
		char		what[128];
		bool		ok;

		tables_of(str(&r, "dataset"), &t);
		snprintf(what, sizeof(what), "%s %s add %s to %s drop00 %s", str(&r, "dataset"), str(&r, "measure"),
				 str(&r, "add"), str(&r, "to"), str(&r, "drop00"));
		ok = opts_of(&r, &m, &cc, &err) && stat_meta_mh_cc(t.a, t.b, t.c, t.d, t.k, m, &cc, &res, &err);
		if (isinf(num(&r, "q")))
		{
			/* a table with variance 0 in Q: metafor's Q is Inf, ours an error */
			CHECK(!ok && err.errclass == MSC_ERR_RANGE, "%s: Inf Q accepted", what);
			continue;
		}
		CHECK(ok, "%s: %s", what, err.message);
		if (!ok)
			continue;
		compare(what, "estimate", res.estimate, num(&r, "estimate"));
		compare(what, "se", res.se, num(&r, "se"));
		compare(what, "q", res.q, num(&r, "q"));
		compare(what, "q_pval", res.q_pval, num(&r, "q_pval"));
		compare(what, "i2", res.i2, num(&r, "i2"));
		compare(what, "h2", res.h2, num(&r, "h2"));
		rows++;
	}
	fclose(f);
	CHECK(rows > 200, "only %d rma.mh rows", rows);
}

static void
check_errors(void)
{
	double		a[2] = {1, 0},
				b[2] = {9, 10},
				c[2] = {0, 0},
				d[2] = {10, 10},
				z[2] = {0, 0};
	meta_result res;
	msc_error	err;
	cc_opts		cc = {0.5, CC_NONE, false};
	stat_effect e;
	bool		defined;
	cc_to		to;

	CHECK(!stat_meta_peto(z, b, z, d, 2, &res, &err) && strstr(err.message, "never occurred"), "no events");
	b[1] = -1;
	CHECK(!stat_meta_peto(a, b, c, d, 2, &res, &err) && strstr(err.message, "-1"), "negative: %s", err.message);
	CHECK(!stat_effect_cc(META_OR, 0, 10, 3, 7, &cc, &e, &defined, &err) && err.errclass == MSC_ERR_RANGE,
		  "log of zero cell");
	cc.add = -0.5;
	CHECK(!stat_effect_cc(META_RD, 1, 10, 3, 7, &cc, &e, &defined, &err) && strstr(err.message, "-0.5"), "add < 0");
	cc.add = 0.5;
	cc.drop00 = true;
	CHECK(stat_effect_cc(META_OR, 0, 10, 0, 7, &cc, &e, &defined, &err) && !defined, "drop00");
	CHECK(!stat_cc_to_parse("some", &to, &err) && strstr(err.message, "some"), "to");
	CHECK(stat_cc_to_parse("IF0ALL", &to, &err) && to == CC_IF0ALL, "to case");
}

int
main(void)
{
	check_peto();
	check_cc();
	check_mh_cc();
	check_errors();
	return unit_report("stat_rare");
}
