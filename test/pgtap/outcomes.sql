-- Outcome statistics: structure (functions, aggregates with their support
-- functions, result types, comments, labels) and data-driven checks of
-- every function against the same rule written out in plain SQL on
-- random data (fixed seed), and of wilson_ci against R's prop.test.
BEGIN;
SELECT plan(50);

-- ---- structure ----
SELECT has_function('improvement', ARRAY['pain_score', 'pain_score'], 'improvement(pain_score, pain_score)');
SELECT has_function('pct_improvement', ARRAY['pain_score', 'pain_score'], 'pct_improvement(pain_score, pain_score)');
SELECT has_function('is_responder', ARRAY['pain_score', 'pain_score', 'double precision', 'double precision'],
                    'is_responder(pain_score, pain_score, float8, float8)');
SELECT has_function('mcid_reached', ARRAY['pain_score', 'pain_score'], 'mcid_reached(pain_score, pain_score)');
SELECT has_function('oarsi_responder', ARRAY['pain_score', 'pain_score', 'pain_score', 'pain_score', 'pain_score', 'pain_score'],
                    'oarsi_responder(6 x pain_score)');
SELECT has_function('wilson_ci', ARRAY['bigint', 'bigint', 'double precision'], 'wilson_ci(bigint, bigint, float8)');
SELECT results_eq($$ SELECT p.oid::regprocedure::text, p.pronargdefaults::int, pg_get_function_arguments(p.oid)
                     FROM pg_proc p WHERE p.proname IN ('is_responder', 'wilson_ci') ORDER BY 1 $$,
                  $$ VALUES ('is_responder(pain_score,pain_score,double precision,double precision)', 2,
                             'baseline pain_score, followup pain_score, min_pct double precision DEFAULT 30, min_points double precision DEFAULT 0'),
                            ('wilson_ci(bigint,bigint,double precision)', 1,
                             'x bigint, n bigint, level double precision DEFAULT 0.95') $$,
                  'argument names and defaults of is_responder and wilson_ci');

-- the aggregates, each with combine, serialize, deserialize, internal state, parallel safe
CREATE TEMP VIEW oc_aggs AS
SELECT p.oid::regprocedure::text AS sig, a.*, p.proparallel, p.prorettype::regtype::text AS rettype
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.proname IN ('score_summary', 'change_summary', 'proportion_ci', 'spid', 'totpar', 'pain_auc');
SELECT set_eq($$ SELECT sig, rettype FROM oc_aggs $$,
              $$ VALUES ('score_summary(pain_score)', 'score_summary_result'),
                        ('score_summary(double precision)', 'score_summary_result'),
                        ('change_summary(pain_score,pain_score)', 'change_summary_result'),
                        ('proportion_ci(boolean)', 'proportion_result'),
                        ('spid(double precision,pain_score)', 'double precision'),
                        ('spid(double precision,pain_score,text)', 'double precision'),
                        ('spid(double precision,double precision)', 'double precision'),
                        ('spid(double precision,double precision,text)', 'double precision'),
                        ('totpar(double precision,pain_score)', 'double precision'),
                        ('totpar(double precision,pain_score,text)', 'double precision'),
                        ('pain_auc(double precision,pain_score)', 'double precision'),
                        ('pain_auc(double precision,double precision)', 'double precision') $$,
              'the twelve outcome aggregates and their result types');
SELECT is_empty($$ SELECT sig FROM oc_aggs
                   WHERE aggcombinefn = 0 OR aggserialfn = 0 OR aggdeserialfn = 0 OR aggfinalfn = 0
                      OR aggtranstype <> 'internal'::regtype OR proparallel <> 's' OR aggkind <> 'n'
                      OR aggfinalmodify <> 'r' $$,
                'every outcome aggregate: internal state, combine, serialize, deserialize, read-only final, PARALLEL SAFE');
SELECT is_empty($$ SELECT f::regprocedure::text FROM oc_aggs,
                     unnest(ARRAY[aggtransfn, aggfinalfn, aggcombinefn, aggserialfn, aggdeserialfn]) f
                   JOIN pg_proc p ON p.oid = f
                   WHERE p.proparallel <> 's' OR p.provolatile <> 'i' $$,
                'their support functions are IMMUTABLE and PARALLEL SAFE');
SELECT is_empty($$ SELECT p.oid::regprocedure::text FROM pg_proc p
                   WHERE p.proname IN ('improvement', 'pct_improvement', 'is_responder', 'mcid_reached',
                                       'oarsi_responder', 'wilson_ci')
                     AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's') $$,
                'the per-participant functions and wilson_ci are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is_empty($$ SELECT p.oid::regprocedure::text FROM pg_proc p
                   WHERE (p.proname IN ('improvement', 'pct_improvement', 'is_responder', 'mcid_reached',
                                        'oarsi_responder', 'wilson_ci', 'score_summary', 'change_summary',
                                        'proportion_ci', 'spid', 'totpar', 'pain_auc')
                          OR p.oid IN (SELECT unnest(ARRAY[aggtransfn, aggfinalfn, aggcombinefn, aggserialfn,
                                                           aggdeserialfn])::oid FROM oc_aggs))
                     AND obj_description(p.oid, 'pg_proc') IS NULL $$,
                'every outcome function, aggregate and support function has a COMMENT');
SELECT results_eq($$ SELECT t.typname::text COLLATE "default", string_agg((a.attname::text COLLATE "default") || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum),
                            obj_description(t.oid, 'pg_type') IS NOT NULL
                     FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0
                     WHERE t.typname IN ('score_summary_result', 'change_summary_result', 'proportion_result')
                     GROUP BY t.oid, t.typname ORDER BY 1 $$,
                  $$ VALUES ('change_summary_result'::text, 'n bigint, mean_baseline double precision, mean_followup double precision, mean_improvement double precision, sd_improvement double precision, mean_pct_improvement double precision, responders_30 bigint, responders_50 bigint', true),
                            ('proportion_result', 'x bigint, n bigint, p double precision, ci_low double precision, ci_high double precision', true),
                            ('score_summary_result', 'instrument text, n bigint, mean double precision, sd double precision, se double precision, min double precision, max double precision', true) $$,
                  'result types: columns in order, each commented');

-- ---- data ----
SELECT setseed(0.4242);
-- The instruments as published, written here (not read from
-- pain_instruments(), so a wrong range, direction or MCID in the catalogue
-- makes the references below differ): NRS 0-10, VAS 0-100 mm, WOMAC Likert
-- 3.x pain 0-20, stiffness 0-8, function 0-68, total 0-96, VA 3.x pain
-- 0-500, and BPI 0-10, ODI 0-100 %, RMDQ 0-24, patient global 0-100: higher
-- is worse; KOOS subscales, Lysholm and IKDC 0-100, and TOTPAR's relief 0-4:
-- higher is better.  MCIDs: NRS 2 (Farrar 2001), VAS 15 mm, ODI 10, RMDQ 5
-- (Ostelo 2008), WOMAC function 9.1 of 100 = 6.188 of 68 (Tubach 2005), KOOS 8
-- (Roos 2003), BPI interference 1 (IMMPACT, Dworkin 2008); none for the rest.
CREATE TEMP TABLE inst AS
SELECT row_number() OVER (ORDER BY name) AS k, name, min, max, higher_is_worse, mcid
FROM (VALUES ('nrs', 0, 10, true, 2), ('vas', 0, 100, true, 15),
             ('womac_pain', 0, 20, true, NULL), ('womac_stiffness', 0, 8, true, NULL),
             ('womac_function', 0, 68, true, 6.188), ('womac_total', 0, 96, true, NULL),
             ('womac_pain_va', 0, 500, true, NULL),
             ('koos_pain', 0, 100, false, 8), ('koos_symptoms', 0, 100, false, 8),
             ('koos_adl', 0, 100, false, 8), ('koos_sport', 0, 100, false, 8), ('koos_qol', 0, 100, false, 8),
             ('odi', 0, 100, true, 10), ('rmdq', 0, 24, true, 5),
             ('bpi_severity', 0, 10, true, NULL), ('bpi_interference', 0, 10, true, 1),
             ('lysholm', 0, 100, false, NULL), ('ikdc', 0, 100, false, NULL),
             ('patient_global', 0, 100, true, NULL), ('pain_relief', 0, 4, false, NULL))
     AS v(name, min, max, higher_is_worse, mcid);
SELECT set_eq($$ SELECT name, min::numeric, max::numeric, higher_is_worse, mcid::numeric FROM pain_instruments() $$,
              $$ SELECT name, min::numeric, max::numeric, higher_is_worse, mcid::numeric FROM inst $$,
              'pain_instruments(): the ranges, directions and MCIDs as published');

-- 6000 scores over every instrument: half on whole units (ties at thresholds), half to three decimals
CREATE TEMP TABLE scores AS
SELECT i, name, pain_score(name, v) AS s, v
FROM (SELECT i, inst.name,
             CASE WHEN i % 2 = 0 THEN round(inst.min + (random() * (inst.max - inst.min)::float8)::numeric)
                  ELSE round(inst.min + (random() * (inst.max - inst.min)::float8)::numeric, 3) END AS v
      FROM generate_series(1, 6000) i JOIN inst ON inst.k = 1 + i % 20) x;
-- 6000 baseline/follow-up pairs, the same way
CREATE TEMP TABLE pairs AS
SELECT i, name, min, max, higher_is_worse, mcid, pain_score(name, vb) AS b, pain_score(name, vf) AS f, vb, vf
FROM (SELECT i, inst.*,
             CASE WHEN i % 2 = 0 THEN round(inst.min + (random() * (inst.max - inst.min)::float8)::numeric)
                  ELSE round(inst.min + (random() * (inst.max - inst.min)::float8)::numeric, 3) END AS vb,
             CASE WHEN i % 2 = 0 THEN round(inst.min + (random() * (inst.max - inst.min)::float8)::numeric)
                  ELSE round(inst.min + (random() * (inst.max - inst.min)::float8)::numeric, 3) END AS vf
      FROM generate_series(1, 6000) i JOIN inst ON inst.k = 1 + i % 20) x;
-- exact references in numeric: improvement (direction applied) and percent of the room to improve
CREATE TEMP VIEW pairs_ref AS
SELECT p.*, CASE WHEN higher_is_worse THEN vb - vf ELSE vf - vb END AS impr,
       CASE WHEN higher_is_worse THEN vb - min ELSE max - vb END AS room
FROM pairs p;

CREATE FUNCTION pg_temp.close(got float8, want float8, rel float8 DEFAULT 1e-12) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN want IS NULL OR got IS NULL THEN got IS NULL AND want IS NULL
              WHEN got = want THEN true
              ELSE abs(got - want) <= rel * greatest(abs(got), abs(want)) END $$;

-- sums with terms of both signs: 1e-12 relative to the larger of 1 and the value
CREATE FUNCTION pg_temp.near(got float8, want float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT got IS NOT NULL AND want IS NOT NULL AND abs(got - want) <= 1e-12 * greatest(1, abs(want)) $$;

-- ---- score_summary against the built-in aggregates ----
SELECT is((SELECT count(*)::int FROM (
             SELECT instrument(s), score_summary(s) AS r, count(s) AS n, avg(score(s)) AS mean,
                    stddev_samp(score(s)) AS sd, min(score(s)) AS lo, max(score(s)) AS hi
             FROM scores GROUP BY instrument(s)) x
           WHERE (r).instrument = x.instrument AND (r).n = x.n AND pg_temp.close((r).mean, x.mean::float8)
             AND pg_temp.close((r).sd, x.sd::float8, 1e-10)
             AND pg_temp.close((r).se, (x.sd / sqrt(x.n))::float8, 1e-10)
             AND (r).min = x.lo::float8 AND (r).max = x.hi::float8), 20,
          'score_summary(pain_score) = count, avg, stddev_samp, min, max of score() for every instrument');
SELECT is((SELECT count(*)::int FROM (
             SELECT k, score_summary(x) AS r, count(x) AS n, avg(x) AS mean, stddev_samp(x) AS sd, min(x) AS lo, max(x) AS hi
             FROM (SELECT i % 7 AS k, CASE WHEN i % 11 = 0 THEN NULL ELSE (random() - 0.3) * 1e3 END AS x
                   FROM generate_series(1, 20000) i) d GROUP BY k) y
           WHERE (r).instrument IS NULL AND (r).n = y.n AND pg_temp.close((r).mean, y.mean, 1e-10)
             AND pg_temp.close((r).sd, y.sd, 1e-10) AND (r).min = y.lo AND (r).max = y.hi), 7,
          'score_summary(float8) = count, avg, stddev_samp, min, max (NULLs skipped)');
SELECT is((SELECT (score_summary(severity(s))).n FROM scores), 6000::bigint,
          'score_summary(severity()) summarises across instruments');
SELECT throws_ok($$ SELECT score_summary(s) FROM scores $$, '22023', NULL,
                 'score_summary over several instruments: 22023');
SELECT is((SELECT row((score_summary(s)).*)::text FROM scores WHERE false),
          '(,0,,,,,)', 'score_summary of no rows: n = 0 and NULLs');
SELECT ok((SELECT (r).n = 1 AND (r).mean = v::float8 AND (r).sd IS NULL AND (r).se IS NULL
                   AND (r).min = v::float8 AND (r).max = v::float8
            FROM (SELECT score_summary(s) AS r, max(v) AS v FROM scores WHERE i = 20) x),
          'score_summary of one row: the value, NULL sd and se');

-- ---- per participant against the rules in numeric ----
SELECT is_empty($$ SELECT i FROM pairs_ref WHERE improvement(b, f) <> impr::float8 $$,
                'improvement = follow-up minus baseline with the direction applied, exactly');
SELECT is_empty($$ SELECT i FROM pairs_ref
                   WHERE NOT pg_temp.close(pct_improvement(b, f), CASE WHEN room > 0 THEN (100 * impr / room)::float8 END, 1e-15) $$,
                'pct_improvement = 100 * improvement / room to improve (NULL at severity 0)');
SELECT is_empty($$ SELECT i FROM pairs_ref
                   WHERE severity(b) > 0 AND NOT pg_temp.close(pct_improvement(b, f),
                                                                100 * (severity(b) - severity(f)) / severity(b), 1e-9) $$,
                'pct_improvement = 100 * (severity(b) - severity(f)) / severity(b)');
SELECT is_empty($$ SELECT i, m, pts FROM pairs_ref, (VALUES (0), (20), (30), (50), (100)) a(m), (VALUES (0), (1), (2.5)) c(pts)
                   WHERE is_responder(b, f, m, pts) IS DISTINCT FROM
                         CASE WHEN room > 0 THEN 100 * impr / room >= m AND impr >= pts END $$,
                'is_responder = pct >= min_pct and improvement >= min_points, NULL at severity 0');
SELECT is_empty($$ SELECT i FROM pairs_ref
                   WHERE is_responder(b, f) IS DISTINCT FROM is_responder(b, f, 30, 0) $$,
                'is_responder defaults to 30 % and 0 points');
SELECT is_empty($$ SELECT i FROM pairs_ref
                   WHERE mcid_reached(b, f) IS DISTINCT FROM (impr >= mcid) $$,
                'mcid_reached = improvement >= the MCID of pain_instruments() (NULL without one)');
SELECT cmp_ok((SELECT count(*)::int FROM pairs_ref WHERE room > 0 AND 100 * impr / room IN (30, 50)), '>', 20,
              'the random pairs include exact 30 % and 50 % improvements');
SELECT throws_ok($$ SELECT improvement('nrs:3', 'vas:30') $$, '22023',
                 'improvement needs two scores on the same instrument, not nrs and vas',
                 'scores on two instruments: 22023 naming both');
SELECT throws_ok($$ SELECT is_responder('nrs:7', 'nrs:3', 150) $$, '22023',
                 'min_pct 150 is not between 0 and 100', 'min_pct out of range: 22023 naming it');

-- OMERACT-OARSI on random triples of pairs (pain: nrs/vas/womac_pain/koos_pain,
-- function: womac_function/koos_adl/odi, global: patient_global)
CREATE TEMP TABLE oarsi AS
SELECT p1.j AS i, p1.b AS pb, p1.f AS pf, p2.b AS fb, p2.f AS ff, p3.b AS gb, p3.f AS gf,
       100 * p1.impr / (p1.max - p1.min) AS pain_pts, CASE WHEN p1.room > 0 THEN 100 * p1.impr / p1.room END AS pain_pct,
       100 * p2.impr / (p2.max - p2.min) AS fn_pts, CASE WHEN p2.room > 0 THEN 100 * p2.impr / p2.room END AS fn_pct,
       100 * p3.impr / (p3.max - p3.min) AS gl_pts, CASE WHEN p3.room > 0 THEN 100 * p3.impr / p3.room END AS gl_pct
FROM (SELECT row_number() OVER (ORDER BY i) AS j, * FROM pairs_ref WHERE name IN ('nrs', 'vas', 'womac_pain', 'koos_pain')) p1
JOIN (SELECT row_number() OVER (ORDER BY i) AS j, * FROM pairs_ref WHERE name IN ('womac_function', 'koos_adl', 'odi')) p2 ON p2.j = p1.j
JOIN (SELECT row_number() OVER (ORDER BY i) AS j, * FROM pairs_ref WHERE name = 'patient_global') p3 ON p3.j = p1.j;
SELECT is_empty($$ SELECT i FROM oarsi
                   WHERE oarsi_responder(pb, pf, fb, ff, gb, gf) IS DISTINCT FROM (
                     coalesce(pain_pct >= 50 AND pain_pts >= 20, false) OR coalesce(fn_pct >= 50 AND fn_pts >= 20, false) OR
                     (coalesce(pain_pct >= 20 AND pain_pts >= 10, false)::int + coalesce(fn_pct >= 20 AND fn_pts >= 10, false)::int
                      + coalesce(gl_pct >= 20 AND gl_pts >= 10, false)::int) >= 2) $$,
                'oarsi_responder = the OMERACT-OARSI rule on the 0-100 scale');
SELECT cmp_ok((SELECT count(*)::int FROM oarsi WHERE oarsi_responder(pb, pf, fb, ff, gb, gf)), '>', 20,
              'some random participants are OARSI responders');
SELECT cmp_ok((SELECT count(*)::int FROM oarsi WHERE NOT oarsi_responder(pb, pf, fb, ff, gb, gf)), '>', 20,
              'and some are not');
SELECT is(oarsi_responder('nrs:8', 'nrs:2', 'odi:40', 'odi:40', NULL, 'patient_global:10'), NULL::boolean,
          'oarsi_responder is STRICT: a NULL score gives NULL');

-- ---- change_summary against the per-participant functions ----
SELECT is((SELECT count(*)::int FROM (
             SELECT name, change_summary(b, f) AS r, count(*) AS n, avg(score(b)) AS mb, avg(score(f)) AS mf,
                    avg(impr) AS mi, stddev_samp(impr) AS si, avg(100 * impr / nullif(room, 0)) AS mp,
                    count(*) FILTER (WHERE is_responder(b, f)) AS r30, count(*) FILTER (WHERE is_responder(b, f, 50)) AS r50
             FROM pairs_ref GROUP BY name) x
           WHERE (r).n = x.n AND pg_temp.close((r).mean_baseline, x.mb::float8) AND pg_temp.close((r).mean_followup, x.mf::float8)
             AND pg_temp.close((r).mean_improvement, x.mi::float8, 1e-10) AND pg_temp.close((r).sd_improvement, x.si::float8, 1e-10)
             AND pg_temp.close((r).mean_pct_improvement, x.mp::float8, 1e-10)
             AND (r).responders_30 = x.r30 AND (r).responders_50 = x.r50), 20,
          'change_summary = n, means, SD of improvement, mean percent and responder counts, for every instrument');
SELECT is((SELECT row((change_summary(b, f)).*)::text FROM pairs WHERE false), '(0,,,,,,0,0)',
          'change_summary of no pairs: n = 0, NULL means, 0 responders');
SELECT is((SELECT (change_summary(b, CASE WHEN i % 3 = 0 THEN NULL ELSE f END)).n FROM pairs WHERE name = 'nrs'),
          (SELECT count(*) FILTER (WHERE i % 3 <> 0) FROM pairs WHERE name = 'nrs'),
          'change_summary skips pairs with a NULL');
SELECT throws_ok($$ SELECT change_summary(b, f) FROM pairs $$, '22023', NULL,
                 'change_summary over several instruments: 22023');

-- ---- proportions ----
-- R: prop.test(x, n, correct = FALSE)$conf.int, %.17g
CREATE TEMP TABLE wilson_r (x bigint, n bigint, level float8, lo float8, hi float8);
INSERT INTO wilson_r VALUES
  (0, 10, 0.95, 0, 0.27753279986288915), (1, 10, 0.95, 0.017876213095072892, 0.40415002679523837),
  (5, 20, 0.95, 0.11186170140766569, 0.46870087761874396), (12, 40, 0.95, 0.18074845229746531, 0.45430018818144935),
  (20, 20, 0.95, 0.83887484194718065, 1), (30, 30, 0.95, 0.88648660682603131, 1),
  (81, 263, 0.95, 0.25528851987827428, 0.36620957698280016),
  (1, 10, 0.90, 0.022634908730867188, 0.34771866733585821), (81, 263, 0.90, 0.26331361718848145, 0.35656634960848815),
  (1, 10, 0.99, 0.011851503411032948, 0.50723177123289342), (81, 263, 0.99, 0.24013690268760776, 0.38528250231822986),
  (12, 40, 0.50, 0.25360122736381491, 0.35089697694293653);
SELECT is_empty($$ SELECT r.x, r.n, r.level FROM wilson_r r, LATERAL wilson_ci(r.x, r.n, r.level) w
                   WHERE w.x <> r.x OR w.n <> r.n OR w.p <> r.x::float8 / r.n
                      OR NOT pg_temp.close(w.ci_low, lo) OR NOT pg_temp.close(w.ci_high, hi) $$,
                'wilson_ci = R prop.test(correct = FALSE) to 1e-12 relative (12 cases, four levels)');
SELECT is((SELECT ci_low FROM wilson_ci(0, 10)), 0::float8,
          'wilson_ci lower bound is exactly 0 for x = 0');
SELECT is((SELECT ci_high FROM wilson_ci(30, 30)), 1::float8, 'wilson_ci upper bound is exactly 1 for x = n');
SELECT is_empty($$ SELECT k FROM (
                     SELECT k, proportion_ci(flag) AS r, count(*) FILTER (WHERE flag) AS x, count(flag) AS n
                     FROM (SELECT i % 5 AS k, CASE WHEN i % 13 = 0 THEN NULL ELSE random() < 0.3 END AS flag
                           FROM generate_series(1, 5000) i) d GROUP BY k) y
                   WHERE r IS DISTINCT FROM wilson_ci(x, n) $$,
                'proportion_ci(flag) = wilson_ci(count true, count non-NULL)');
SELECT is((SELECT row((proportion_ci(b)).*)::text FROM (VALUES (NULL::boolean)) v(b)), '(0,0,,,)',
          'proportion_ci of only NULLs: x = n = 0, NULL p and interval');
SELECT throws_ok($$ SELECT wilson_ci(5, 4) $$, '22023',
                 'number of successes x = 5 is not between 0 and n = 4', 'wilson_ci x > n: 22023');

-- ---- time courses against the sums written out in SQL ----
-- 300 participants, 2 to 9 assessments each at distinct random times, inserted in random order
CREATE TEMP TABLE course AS
SELECT p, t, pain_score(CASE WHEN p % 3 = 0 THEN 'koos_pain' WHEN p % 3 = 1 THEN 'nrs' ELSE 'vas' END,
                        round((random() * CASE WHEN p % 3 = 1 THEN 10 ELSE 100 END)::numeric, 1)) AS s,
       pain_score('pain_relief', CASE WHEN t = first_t THEN 0 ELSE floor(random() * 5)::int END) AS r
FROM (SELECT p, t, min(t) OVER (PARTITION BY p) AS first_t
      FROM (SELECT DISTINCT p, round((random() * 24)::numeric, 2)::float8 AS t
            FROM generate_series(1, 300) p, generate_series(1, 2 + (p % 8))) d) x
ORDER BY random();
CREATE TEMP VIEW course_ref AS
SELECT p, sum(pid * dt) AS spid_rect, sum((pid + prev_pid) / 2 * dt) AS spid_trap,
       sum(v * dt) AS area_rect, sum((v + prev_v) / 2 * dt) AS auc,
       sum(rv * dt) AS totpar_rect, sum((rv + prev_rv) / 2 * dt) AS totpar_trap
FROM (SELECT p, v, rv, pid, lag(pid) OVER w AS prev_pid, lag(v) OVER w AS prev_v, lag(rv) OVER w AS prev_rv,
             t - lag(t) OVER w AS dt
      FROM (SELECT p, t, score(s)::float8 AS v, score(r)::float8 AS rv,
                   CASE WHEN instrument(s) = 'koos_pain' THEN score(s) - first_value(score(s)) OVER w0
                        ELSE first_value(score(s)) OVER w0 - score(s) END::float8 AS pid
            FROM course WINDOW w0 AS (PARTITION BY p ORDER BY t)) a
      WINDOW w AS (PARTITION BY p ORDER BY t)) b
WHERE dt IS NOT NULL GROUP BY p;
SELECT is((SELECT count(DISTINCT p)::int FROM course), 300, '300 time courses');
SELECT is_empty($$ SELECT p FROM (SELECT p, spid(t, s) AS trap, spid(t, s, 'rect') AS rect, pain_auc(t, s) AS auc,
                                         totpar(t, r) AS tp_trap, totpar(t, r, 'rect') AS tp_rect
                                  FROM course GROUP BY p) o JOIN course_ref c USING (p)
                   WHERE NOT pg_temp.near(trap, spid_trap) OR NOT pg_temp.near(rect, spid_rect)
                      OR NOT pg_temp.near(o.auc, c.auc) OR NOT pg_temp.near(tp_trap, totpar_trap)
                      OR NOT pg_temp.near(tp_rect, totpar_rect) $$,
                'spid, pain_auc and totpar (rect and trapezoid) = the sums over the sorted time course');
SELECT is_empty($$ SELECT p FROM (SELECT p, spid(t, score(s)::float8) AS f8, spid(t, s) AS ps,
                                         pain_auc(t, score(s)::float8) AS a8, pain_auc(t, s) AS aps
                                  FROM course WHERE instrument(s) <> 'koos_pain' GROUP BY p) o
                   WHERE NOT pg_temp.close(f8, ps) OR NOT pg_temp.close(a8, aps) $$,
                'the float8 forms equal the pain_score forms for instruments where higher is worse');
SELECT is_empty($$ SELECT p FROM (SELECT p, spid(t, s) AS trap, pain_auc(t, s) AS auc, max(t) - min(t) AS span,
                                         (array_agg(score(s)::float8 ORDER BY t))[1] AS pi0
                                  FROM course WHERE instrument(s) <> 'koos_pain' GROUP BY p) o
                   WHERE NOT pg_temp.near(trap, pi0 * span - auc) $$,
                'SPID (trapezoid) = PI_0 * T - AUC');
SELECT is((SELECT spid(t, s) FROM course WHERE p = 1 AND t = (SELECT min(t) FROM course WHERE p = 1)), NULL::float8,
          'a single assessment gives NULL');
SELECT throws_ok($$ SELECT spid(t, s) FROM course $$, '22023', NULL,
                 'spid over several participants (mixed instruments or repeated times): 22023');
SELECT throws_ok($$ SELECT p, spid(t, s, 'simpson') FROM course GROUP BY p $$, '22023',
                 'unknown time-course method "simpson"', 'unknown method: 22023');

SELECT * FROM finish();
ROLLBACK;
