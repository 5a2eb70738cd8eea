/*
 * Outcome statistics: improvement and responder rules, OMERACT-OARSI,
 * the Wilson interval against R's prop.test(correct = FALSE) and the shared
 * metafor-side reference file, and the time courses (SPID, TOTPAR, AUC)
 * against hand-computed examples and the shared worked example (the
 * shared files: shared_data.h).
 */
#include "unit.h"
#include "shared_data.h"
#include "stat_outcome.h"

#include <math.h>
#include <stdlib.h>

static pain_score_t
ps(const char *text)
{
	pain_score_t s = 0;
	msc_error	err;

	if (!pain_score_parse(text, strlen(text), &s, &err))
	{
		fprintf(stderr, "bad test score %s: %s\n", text, err.message);
		exit(2);
	}
	return s;
}

static int
close_rel(double got, double want, double rel)
{
	if (got == want)
		return 1;
	return fabs(got - want) <= rel * fabs(want);
}

/* ---- per participant ---- */

static void
test_improvement(void)
{
	msc_error	err;
	double		pct;
	bool		defined;

	CHECK(stat_improvement(ps("nrs:8"), ps("nrs:5")) == 3, "nrs 8 -> 5");
	CHECK(stat_improvement(ps("nrs:5"), ps("nrs:8")) == -3, "nrs 5 -> 8 worsens");
	CHECK(stat_improvement(ps("vas:45.5"), ps("vas:20.25")) == 25.25, "vas");
	CHECK(stat_improvement(ps("koos_pain:40"), ps("koos_pain:65")) == 25, "koos: higher is better");
	CHECK(stat_improvement(ps("koos_pain:65"), ps("koos_pain:40")) == -25, "koos worsens");
	CHECK(stat_improvement_thousandths(ps("nrs:7.125"), ps("nrs:7")) == 125, "thousandths");

	CHECK(stat_pct_improvement(ps("nrs:10"), ps("nrs:7"), &pct) && pct == 30, "10 -> 7 is exactly 30 %%: %.17g", pct);
	CHECK(stat_pct_improvement(ps("nrs:7"), ps("nrs:4.9"), &pct) && pct == 30, "7 -> 4.9 is exactly 30 %%: %.17g", pct);
	CHECK(stat_pct_improvement(ps("nrs:3"), ps("nrs:2.1"), &pct) && pct == 30, "3 -> 2.1: %.17g", pct);
	CHECK(stat_pct_improvement(ps("nrs:8"), ps("nrs:4"), &pct) && pct == 50, "8 -> 4");
	CHECK(stat_pct_improvement(ps("nrs:4"), ps("nrs:6"), &pct) && pct == -50, "4 -> 6 is -50 %%");
	CHECK(!stat_pct_improvement(ps("nrs:0"), ps("nrs:3"), &pct), "no severity at baseline");
	/* koos 40 is severity 60; 70 is severity 30: 50 % */
	CHECK(stat_pct_improvement(ps("koos_pain:40"), ps("koos_pain:70"), &pct) && pct == 50, "koos %.17g", pct);
	CHECK(!stat_pct_improvement(ps("koos_pain:100"), ps("koos_pain:90"), &pct), "koos at best");
	/* agrees with the severity formula */
	CHECK(stat_pct_improvement(ps("womac_pain:13"), ps("womac_pain:9.5"), &pct) &&
		  close_rel(pct, 100 * (pain_score_severity(ps("womac_pain:13")) - pain_score_severity(ps("womac_pain:9.5"))) /
					pain_score_severity(ps("womac_pain:13")), 1e-15), "womac %.17g", pct);

	CHECK(stat_is_responder(ps("nrs:10"), ps("nrs:7"), 30, 0, &defined) && defined, "30 %% is a responder");
	CHECK(!stat_is_responder(ps("nrs:10"), ps("nrs:7.001"), 30, 0, &defined) && defined, "29.99 %% is not");
	CHECK(!stat_is_responder(ps("nrs:10"), ps("nrs:7"), 50, 0, &defined) && defined, "not at 50 %%");
	CHECK(stat_is_responder(ps("nrs:10"), ps("nrs:7"), 30, 3, &defined), "3 points");
	CHECK(!stat_is_responder(ps("nrs:10"), ps("nrs:7"), 30, 3.001, &defined), "3.001 points needed");
	CHECK(!stat_is_responder(ps("nrs:2"), ps("nrs:1"), 30, 2, &defined) && defined, "50 %% but 1 point");
	stat_is_responder(ps("nrs:0"), ps("nrs:0"), 30, 0, &defined);
	CHECK(!defined, "undefined at severity 0");
	CHECK(stat_is_responder(ps("nrs:5"), ps("nrs:5"), 0, 0, &defined), "min_pct 0: no change counts");

	CHECK(stat_responder_check(30, 0, &err), "defaults ok");
	CHECK(!stat_responder_check(-1, 0, &err) && err.errclass == MSC_ERR_PARAM, "negative pct");
	CHECK(strstr(err.message, "-1") != NULL, "value named: %s", err.message);
	CHECK(!stat_responder_check(101, 0, &err), "pct over 100");
	CHECK(!stat_responder_check(NAN, 0, &err) && strstr(err.message, "NaN"), "NaN pct: %s", err.message);
	CHECK(!stat_responder_check(30, -2, &err) && err.hint[0], "negative points");
	CHECK(!stat_responder_check(30, INFINITY, &err), "infinite points");

	CHECK(stat_mcid_reached(ps("nrs:7"), ps("nrs:5"), &defined) && defined, "nrs MCID 2 reached");
	CHECK(!stat_mcid_reached(ps("nrs:7"), ps("nrs:5.001"), &defined) && defined, "1.999 short");
	CHECK(stat_mcid_reached(ps("vas:60"), ps("vas:45"), &defined), "vas 15 mm");
	CHECK(stat_mcid_reached(ps("womac_function:40"), ps("womac_function:33.812"), &defined), "womac function 6.188");
	CHECK(!stat_mcid_reached(ps("womac_function:40"), ps("womac_function:33.813"), &defined) && defined, "6.187");
	CHECK(stat_mcid_reached(ps("koos_pain:50"), ps("koos_pain:58"), &defined), "koos up 8");
	CHECK(!stat_mcid_reached(ps("koos_pain:58"), ps("koos_pain:50"), &defined) && defined, "koos down 8");
	stat_mcid_reached(ps("womac_pain:10"), ps("womac_pain:2"), &defined);
	CHECK(!defined, "womac_pain has no MCID");

	CHECK(stat_outcome_same_instrument(ps("nrs:1"), ps("nrs:2"), "improvement", &err), "same");
	CHECK(!stat_outcome_same_instrument(ps("nrs:1"), ps("vas:2"), "improvement", &err) &&
		  err.errclass == MSC_ERR_PARAM && strstr(err.message, "nrs") && strstr(err.message, "vas") && err.hint[0],
		  "both instruments named: %s", err.message);
}

static void
test_oarsi(void)
{
	msc_error	err;
	bool		r = false;
	pain_score_t wp0 = ps("womac_pain:10"),
				wf0 = ps("womac_function:34"),
				pg0 = ps("patient_global:60");

	/* womac_pain 10/20 is severity 50: -> 5 is 50 % and 25 points */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:5"), wf0, wf0, pg0, pg0, &r, &err) && r, "high pain response");
	/* -> 5.5: 45 %, not high; only one moderate domain */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:5.5"), wf0, wf0, pg0, pg0, &r, &err) && !r, "45 %% pain alone");
	/* function 34/68 is severity 50: -> 17 is 50 % and 25 points */
	CHECK(stat_oarsi_responder(wp0, wp0, wf0, ps("womac_function:17"), pg0, pg0, &r, &err) && r, "high function response");
	/* 50 % but fewer than 20 points: nrs 3 -> 1.5 is 50 % and 15 points; no moderate partner */
	CHECK(stat_oarsi_responder(ps("nrs:3"), ps("nrs:1.5"), wf0, wf0, pg0, pg0, &r, &err) && !r, "50 %% but 15 points");
	/* exactly on the high thresholds: nrs 4 -> 2 is 50 % and 20 points */
	CHECK(stat_oarsi_responder(ps("nrs:4"), ps("nrs:2"), wf0, wf0, pg0, pg0, &r, &err) && r, "exactly 50 %% and 20 points");
	/* two moderate domains: pain 50 -> 40 (20 %, 10 points), global 60 -> 48 (20 %, 12) */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:8"), wf0, wf0, pg0, ps("patient_global:48"), &r, &err) && r,
		  "pain and global moderate");
	/* pain moderate, global 19.9 % */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:8"), wf0, wf0, pg0, ps("patient_global:48.06"), &r, &err) && !r,
		  "global just short");
	/* function and global moderate, pain worse */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:12"), wf0, ps("womac_function:27"), pg0, ps("patient_global:45"),
							   &r, &err) && r, "function and global moderate");
	/* 20 % but fewer than 10 points: global 30 -> 24 (20 %, 6 points) with pain moderate */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:8"), wf0, wf0, ps("patient_global:30"), ps("patient_global:24"),
							   &r, &err) && !r, "global 20 %% but 6 points");
	/* all three moderate */
	CHECK(stat_oarsi_responder(wp0, ps("womac_pain:8"), wf0, ps("womac_function:27"), pg0, ps("patient_global:45"),
							   &r, &err) && r, "three moderate");
	/* a domain at severity 0 cannot improve */
	CHECK(stat_oarsi_responder(ps("nrs:0"), ps("nrs:0"), wf0, ps("womac_function:27"), pg0, ps("patient_global:45"),
							   &r, &err) && r, "pain at 0, two others moderate");
	CHECK(stat_oarsi_responder(ps("nrs:0"), ps("nrs:0"), wf0, ps("womac_function:27"), pg0, pg0, &r, &err) && !r,
		  "pain at 0, one moderate");
	/* koos, higher better: 40 (severity 60) -> 70 (severity 30) is 50 % and 30 points */
	CHECK(stat_oarsi_responder(ps("koos_pain:40"), ps("koos_pain:70"), ps("koos_adl:50"), ps("koos_adl:50"),
							   pg0, pg0, &r, &err) && r, "koos high pain response");
	/* vas and nrs in different domains are fine; a pair across instruments is not */
	CHECK(!stat_oarsi_responder(ps("nrs:4"), ps("vas:20"), wf0, wf0, pg0, pg0, &r, &err) &&
		  err.errclass == MSC_ERR_PARAM && strstr(err.message, "pain"), "mixed pain pair: %s", err.message);
	CHECK(!stat_oarsi_responder(wp0, wp0, wf0, ps("womac_total:10"), pg0, pg0, &r, &err) &&
		  strstr(err.message, "function"), "mixed function pair: %s", err.message);
	CHECK(!stat_oarsi_responder(wp0, wp0, wf0, wf0, pg0, ps("nrs:2"), &r, &err) &&
		  strstr(err.message, "global"), "mixed global pair: %s", err.message);
}

/* ---- Wilson ---- */

typedef struct wilson_ref
{
	int64_t		x,
				n;
	double		level,
				lo,
				hi;
} wilson_ref;

/* R 4.x: prop.test(x, n, correct = FALSE)$conf.int, printed with %.17g */
static const wilson_ref wilson_typed[] = {
	{0, 10, 0.95, 0, 0.27753279986288915},
	{1, 10, 0.95, 0.017876213095072892, 0.40415002679523837},
	{5, 20, 0.95, 0.11186170140766569, 0.46870087761874396},
	{12, 40, 0.95, 0.18074845229746531, 0.45430018818144935},
	{20, 20, 0.95, 0.83887484194718065, 1},
	{30, 30, 0.95, 0.88648660682603131, 1},
	{81, 263, 0.95, 0.25528851987827428, 0.36620957698280016},
	{1, 10, 0.90, 0.022634908730867188, 0.34771866733585821},
	{12, 40, 0.90, 0.19663289160383807, 0.42870848785434518},
	{81, 263, 0.90, 0.26331361718848145, 0.35656634960848815},
	{1, 10, 0.99, 0.011851503411032948, 0.50723177123289342},
	{12, 40, 0.99, 0.15327747087863439, 0.50363181452439942},
	{81, 263, 0.99, 0.24013690268760776, 0.38528250231822986},
	{1, 10, 0.50, 0.052450103698589559, 0.18236112075714581},
	{12, 40, 0.50, 0.25360122736381491, 0.35089697694293653},
	{81, 263, 0.50, 0.28912925755582081, 0.32750347147458236},
};

/*
 * Relative tolerance 1e-12; where the reference is below 1e-15 (the
 * reference file's lower bound for x = 0 is float noise 2.78e-17, ours is
 * an exact 0) the comparison is absolute at 1e-15.
 */
static int
wilson_close(double got, double want)
{
	if (fabs(want) < 1e-15)
		return fabs(got - want) <= 1e-15;
	return close_rel(got, want, 1e-12);
}

static void
check_wilson(const wilson_ref *r, const char *source)
{
	stat_proportion p;
	msc_error	err;

	if (!stat_wilson(r->x, r->n, r->level, &p, &err))
	{
		CHECK(0, "%s: wilson(%lld, %lld) failed: %s", source, (long long) r->x, (long long) r->n, err.message);
		return;
	}
	CHECK(p.x == r->x && p.n == r->n && p.p == (double) r->x / (double) r->n, "%s: p", source);
	CHECK(wilson_close(p.ci_low, r->lo), "%s: x=%lld n=%lld level=%g lower %.17g want %.17g",
		  source, (long long) r->x, (long long) r->n, r->level, p.ci_low, r->lo);
	CHECK(wilson_close(p.ci_high, r->hi), "%s: x=%lld n=%lld level=%g upper %.17g want %.17g",
		  source, (long long) r->x, (long long) r->n, r->level, p.ci_high, r->hi);
	CHECK(p.ci_low >= 0 && p.ci_low <= p.p && p.p <= p.ci_high && p.ci_high <= 1, "%s: ordered and clamped", source);
	if (r->x == 0)
		CHECK(p.ci_low == 0, "%s: exactly 0 for x = 0", source);
	if (r->x == r->n)
		CHECK(p.ci_high == 1, "%s: exactly 1 for x = n", source);
}

/* Strip the quotes of a field of the shared CSV. */
static char *
unquote(char *f)
{
	size_t		len = strlen(f);

	if (len >= 2 && f[0] == '"' && f[len - 1] == '"')
	{
		f[len - 1] = '\0';
		return f + 1;
	}
	return f;
}

static void
test_wilson_shared(void)
{
	char		path[1200],
				line[1024];
	FILE	   *f = shared_data_open("stat_outcome: Wilson intervals against R's wilson_refs.csv",
										 "metafor/wilson_refs.csv", path, sizeof(path));
	int			rows = 0,
				lb = -1,
				ub = -1;

	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f))
	{
		char	   *field[16];
		int			nf = 0;
		char	   *p = line;

		line[strcspn(line, "\r\n")] = '\0';
		while (nf < 16)
		{
			field[nf++] = p;
			p = strchr(p, ',');
			if (!p)
				break;
			*p++ = '\0';
		}
		for (int i = 0; i < nf; i++)
			field[i] = unquote(field[i]);
		if (lb < 0)
		{
			for (int i = 0; i < nf; i++)
			{
				if (strcmp(field[i], "wilson.lb") == 0)
					lb = i;
				if (strcmp(field[i], "wilson.ub") == 0)
					ub = i;
			}
			CHECK(lb >= 0 && ub >= 0, "wilson_refs.csv has wilson.lb and wilson.ub");
			if (lb < 0 || ub < 0)
				break;
			continue;
		}
		{
			wilson_ref	r = {atoll(field[0]), atoll(field[1]), 0.95, strtod(field[lb], NULL), strtod(field[ub], NULL)};

			check_wilson(&r, "wilson_refs.csv");
			rows++;
		}
	}
	fclose(f);
	CHECK(rows == 7, "seven reference rows, got %d", rows);
	printf("stat_outcome: Wilson checked against %s (%d rows)\n", path, rows);
}

static void
test_wilson(void)
{
	stat_proportion p;
	msc_error	err;

	for (size_t i = 0; i < sizeof(wilson_typed) / sizeof(wilson_typed[0]); i++)
		check_wilson(&wilson_typed[i], "typed");
	test_wilson_shared();

	CHECK(!stat_wilson(0, 0, 0.95, &p, &err) && err.errclass == MSC_ERR_PARAM && strstr(err.message, "n = 0"),
		  "n = 0: %s", err.message);
	CHECK(!stat_wilson(-1, 10, 0.95, &p, &err) && strstr(err.message, "x = -1") && err.hint[0], "x < 0: %s", err.message);
	CHECK(!stat_wilson(11, 10, 0.95, &p, &err) && strstr(err.message, "x = 11"), "x > n: %s", err.message);
	CHECK(!stat_wilson(1, 10, 1, &p, &err) && strstr(err.message, "level 1"), "level 1: %s", err.message);
	CHECK(!stat_wilson(1, 10, 0, &p, &err), "level 0");
	CHECK(!stat_wilson(1, 10, NAN, &p, &err) && strstr(err.message, "NaN"), "level NaN: %s", err.message);
	CHECK(!stat_wilson(1, 10, 95, &p, &err), "level 95");
	/* huge n stays sane */
	CHECK(stat_wilson(INT64_C(4000000000), INT64_C(8000000000), 0.95, &p, &err) &&
		  p.ci_low < 0.5 && p.ci_high > 0.5 && p.ci_high - p.ci_low < 1e-4, "large n");
}

/* ---- time courses ---- */

static void
fill(stat_tc_point *pts, const double *t, const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		pts[i].t = t[i];
		pts[i].v = v[i];
	}
}

/*
 * The worked example of spid_totpar_refs.csv does not come with its
 * inputs.  PI_0 = 8 and T = 8 follow from its numbers; on the grid 0, 0.5,
 * 1, 2, 3, 4, 6, 8 hours many integer NRS and relief series reproduce all
 * eight numbers (5558 and 124), so this is ONE consistent series, not a
 * reconstruction of the original.
 */
static const double ex_t[] = {0, 0.5, 1, 2, 3, 4, 6, 8};
static const double ex_pain[] = {8, 7, 5, 3, 1, 4, 5, 5};
static const double ex_relief[] = {0, 1, 2, 3, 3, 3, 2, 1};

typedef struct worked_refs
{
	double		spid_rect,
				spid_trap,
				totpar_rect,
				totpar_trap,
				auc,
				twmean,
				max_spid,
				pct_max;
} worked_refs;

/* the eight numbers, typed from spid_totpar_refs.csv */
static const worked_refs worked_typed = {30, 29.75, 16.5, 17.5, 34.25, 4.28125, 64, 46.875};

static void
check_worked(const worked_refs *w, const char *source)
{
	stat_tc_point pts[8];
	size_t		n = 8;
	double		pi0 = ex_pain[0],
				span = ex_t[7] - ex_t[0];
	double		rect,
				trap,
				auc;

	fill(pts, ex_t, ex_pain, n);
	rect = stat_tc_spid(pts, n, true, STAT_TC_RECT);
	trap = stat_tc_spid(pts, n, true, STAT_TC_TRAPEZOID);
	auc = stat_tc_area(pts, n, STAT_TC_TRAPEZOID);
	CHECK(rect == w->spid_rect, "%s: SPID rect %.17g", source, rect);
	CHECK(trap == w->spid_trap, "%s: SPID trapezoid %.17g", source, trap);
	CHECK(auc == w->auc, "%s: AUC %.17g", source, auc);
	CHECK(auc / span == w->twmean, "%s: time-weighted mean %.17g", source, auc / span);
	CHECK(pi0 * span == w->max_spid, "%s: max SPID", source);
	CHECK(100 * rect / (pi0 * span) == w->pct_max, "%s: %% of max SPID %.17g", source, 100 * rect / (pi0 * span));
	/* the identities the file implies */
	CHECK(trap == pi0 * span - auc, "%s: SPID_trap = PI0 * T - AUC", source);
	fill(pts, ex_t, ex_relief, n);
	CHECK(stat_tc_area(pts, n, STAT_TC_RECT) == w->totpar_rect, "%s: TOTPAR rect", source);
	CHECK(stat_tc_area(pts, n, STAT_TC_TRAPEZOID) == w->totpar_trap, "%s: TOTPAR trapezoid", source);
}

static void
test_worked_shared(void)
{
	char		path[1200],
				line[512];
	FILE	   *f = shared_data_open("stat_outcome: SPID/TOTPAR against the shared worked example",
										 "metafor/spid_totpar_refs.csv", path, sizeof(path));
	worked_refs w;
	double	   *slot[8] = {&w.spid_rect, &w.spid_trap, &w.totpar_rect, &w.totpar_trap,
	&w.auc, &w.twmean, &w.max_spid, &w.pct_max};
	int			rows = 0;

	if (f == NULL)
		return;
	/* rows in the file's order: SPID rect, trapezoid, TOTPAR rect, trapezoid, AUC, mean, max, % max */
	while (fgets(line, sizeof(line), f))
	{
		char	   *comma = strrchr(line, ',');

		line[strcspn(line, "\r\n")] = '\0';
		if (comma == NULL || strncmp(line, "\"quantity\"", 10) == 0)
			continue;
		if (rows < 8)
			*slot[rows] = strtod(unquote(comma + 1), NULL);
		rows++;
	}
	fclose(f);
	CHECK(rows == 8, "eight worked-example rows, got %d", rows);
	if (rows == 8)
	{
		check_worked(&w, "spid_totpar_refs.csv");
		printf("stat_outcome: SPID/TOTPAR checked against %s\n", path);
	}
}

static void
test_timecourse(void)
{
	msc_error	err;
	stat_tc_method m;
	stat_tc_point pts[8];

	check_worked(&worked_typed, "typed");
	test_worked_shared();

	/* hand example, given out of order: NRS 6, 4, 2, 3 at 0, 1, 3, 4 */
	{
		const double t[] = {3, 0, 4, 1};
		const double v[] = {2, 6, 3, 4};

		fill(pts, t, v, 4);
		CHECK(stat_tc_sort(pts, 4, "spid", &err), "sort");
		CHECK(pts[0].t == 0 && pts[1].t == 1 && pts[2].t == 3 && pts[3].t == 4 && pts[0].v == 6, "sorted");
		/* PID 0, 2, 4, 3: rect 2*1 + 4*2 + 3*1; trapezoid 1 + 6 + 3.5 */
		CHECK(stat_tc_spid(pts, 4, true, STAT_TC_RECT) == 13, "hand rect");
		CHECK(stat_tc_spid(pts, 4, true, STAT_TC_TRAPEZOID) == 10.5, "hand trapezoid");
		CHECK(stat_tc_area(pts, 4, STAT_TC_TRAPEZOID) == 13.5, "hand AUC 5 + 6 + 2.5");
		CHECK(6 * 4 - stat_tc_area(pts, 4, STAT_TC_TRAPEZOID) == stat_tc_spid(pts, 4, true, STAT_TC_TRAPEZOID),
			  "identity on the hand example");
		CHECK(stat_tc_area(pts, 4, STAT_TC_RECT) == 4 + 2 * 2 + 3, "rect area");
	}
	/* higher is better (koos): PID_i = v_i - v_0 */
	{
		const double t[] = {0, 2, 6};
		const double v[] = {40, 55, 70};

		fill(pts, t, v, 3);
		CHECK(stat_tc_spid(pts, 3, false, STAT_TC_RECT) == 15 * 2 + 30 * 4, "koos rect");
		CHECK(stat_tc_spid(pts, 3, false, STAT_TC_TRAPEZOID) == 15 + 90, "koos trapezoid");
	}
	/* relief 0, 2, 3, 1 at 0, 1, 2, 4 */
	{
		const double t[] = {0, 1, 2, 4};
		const double v[] = {0, 2, 3, 1};

		fill(pts, t, v, 4);
		CHECK(stat_tc_area(pts, 4, STAT_TC_RECT) == 7, "TOTPAR rect");
		CHECK(stat_tc_area(pts, 4, STAT_TC_TRAPEZOID) == 7.5, "TOTPAR trapezoid");
	}
	/* two points; negative times are fine */
	{
		const double t[] = {-1, 1};
		const double v[] = {5, 3};

		fill(pts, t, v, 2);
		CHECK(stat_tc_spid(pts, 2, true, STAT_TC_RECT) == 4, "two points rect");
		CHECK(stat_tc_spid(pts, 2, true, STAT_TC_TRAPEZOID) == 2, "two points trapezoid");
	}
	/* duplicates and bad times */
	{
		const double t[] = {0, 2, 1, 2};
		const double v[] = {5, 3, 4, 2};

		fill(pts, t, v, 4);
		CHECK(!stat_tc_sort(pts, 4, "spid", &err) && err.errclass == MSC_ERR_PARAM &&
			  strstr(err.message, "time 2") && err.hint[0], "duplicate time: %s", err.message);
	}
	CHECK(stat_tc_check_time(0.5, "spid", &err), "finite time");
	CHECK(!stat_tc_check_time(NAN, "spid", &err) && strstr(err.message, "NaN"), "NaN time: %s", err.message);
	CHECK(!stat_tc_check_time(INFINITY, "spid", &err) && strstr(err.message, "Infinity"), "inf time");
	CHECK(!stat_tc_check_time(-INFINITY, "totpar", &err) && strstr(err.message, "-Infinity"), "-inf time");
	CHECK(!stat_tc_check_value(NAN, "pain_auc", &err) && strstr(err.message, "pain_auc"), "NaN value");

	CHECK(stat_tc_method_parse("rect", 4, &m, &err) && m == STAT_TC_RECT, "rect");
	CHECK(stat_tc_method_parse(" Trapezoid ", 11, &m, &err) && m == STAT_TC_TRAPEZOID, "Trapezoid");
	CHECK(stat_tc_method_parse("RECT", 4, &m, &err) && m == STAT_TC_RECT, "RECT");
	CHECK(!stat_tc_method_parse("simpson", 7, &m, &err) && err.errclass == MSC_ERR_PARAM &&
		  strstr(err.message, "\"simpson\"") && err.hint[0], "unknown method: %s", err.message);
	CHECK(!stat_tc_method_parse("", 0, &m, &err), "empty method");
	CHECK(!stat_tc_method_parse("rec", 3, &m, &err), "prefix");
	CHECK(strcmp(stat_tc_method_name(STAT_TC_RECT), "rect") == 0 &&
		  strcmp(stat_tc_method_name(STAT_TC_TRAPEZOID), "trapezoid") == 0, "names");
}

int
main(void)
{
	test_improvement();
	test_oarsi();
	test_wilson();
	test_timecourse();
	return unit_report("stat_outcome");
}
