-- Outcome statistics: per-participant rules, score_summary, change_summary,
-- Wilson intervals and proportion_ci, time courses (spid, totpar,
-- pain_auc), their errors, empty groups, NULL skipping, and parallel
-- aggregation against the serial result.
\set VERBOSITY default

-- ---- per participant ----
-- improvement in the instrument's unit (positive is better), percent
-- improvement of severity, responders at 30 % (default), 50 %, 30 % with
-- 3 points, and the instrument's MCID
SELECT b, f, improvement(b, f), pct_improvement(b, f), is_responder(b, f) AS resp30,
       is_responder(b, f, 50) AS resp50, is_responder(b, f, 30, 3) AS resp30_3pts,
       mcid_reached(b, f) AS mcid
FROM (VALUES ('nrs:10'::pain_score, 'nrs:7'::pain_score), ('nrs:8', 'nrs:4'),
             ('nrs:7', 'nrs:4.9'), ('nrs:7', 'nrs:5.001'), ('nrs:4', 'nrs:6'),
             ('nrs:0', 'nrs:0'), ('nrs:0', 'nrs:2'), ('vas:62.5', 'vas:40'),
             ('koos_pain:40', 'koos_pain:70'), ('koos_pain:70', 'koos_pain:40'),
             ('koos_pain:100', 'koos_pain:90'), ('womac_pain:12', 'womac_pain:5'),
             ('womac_function:40', 'womac_function:33.812'), ('odi:38', 'odi:20'),
             ('pain_relief:1', 'pain_relief:3')) AS t(b, f);
-- named arguments
SELECT is_responder(baseline => 'nrs:6', followup => 'nrs:3', min_points => 2) AS named,
       is_responder('nrs:6', 'nrs:3', min_pct => 60) AS sixty;
-- STRICT: a NULL argument gives NULL
SELECT improvement(NULL, 'nrs:3') IS NULL AS improvement, pct_improvement('nrs:3', NULL) IS NULL AS pct,
       is_responder('nrs:6', 'nrs:3', NULL) IS NULL AS responder, mcid_reached(NULL, NULL) IS NULL AS mcid;

-- OMERACT-OARSI: high response in pain or function (>= 50 % and >= 20
-- points on 0-100), or moderate (>= 20 % and >= 10 points) in two of pain,
-- function and patient global
SELECT label, oarsi_responder(pb, pf, fb, ff, gb, gf) FROM (VALUES
  ('pain 50 %, 25 points', 'womac_pain:10'::pain_score, 'womac_pain:5'::pain_score,
   'womac_function:34'::pain_score, 'womac_function:34'::pain_score,
   'patient_global:60'::pain_score, 'patient_global:60'::pain_score),
  ('pain 45 % alone', 'womac_pain:10', 'womac_pain:5.5', 'womac_function:34', 'womac_function:34', 'patient_global:60', 'patient_global:60'),
  ('pain exactly 50 % and 20 points', 'nrs:4', 'nrs:2', 'womac_function:34', 'womac_function:34', 'patient_global:60', 'patient_global:60'),
  ('pain 50 % but 15 points', 'nrs:3', 'nrs:1.5', 'womac_function:34', 'womac_function:34', 'patient_global:60', 'patient_global:60'),
  ('function 50 %, 25 points', 'womac_pain:10', 'womac_pain:10', 'womac_function:34', 'womac_function:17', 'patient_global:60', 'patient_global:60'),
  ('pain and global exactly 20 %', 'womac_pain:10', 'womac_pain:8', 'womac_function:34', 'womac_function:34', 'patient_global:60', 'patient_global:48'),
  ('global 19.9 %', 'womac_pain:10', 'womac_pain:8', 'womac_function:34', 'womac_function:34', 'patient_global:60', 'patient_global:48.06'),
  ('function and global, pain worse', 'womac_pain:10', 'womac_pain:12', 'womac_function:34', 'womac_function:27', 'patient_global:60', 'patient_global:45'),
  ('global 20 % but 6 points', 'womac_pain:10', 'womac_pain:8', 'womac_function:34', 'womac_function:34', 'patient_global:30', 'patient_global:24'),
  ('koos (higher is better) 40 -> 70', 'koos_pain:40', 'koos_pain:70', 'koos_adl:50', 'koos_adl:50', 'patient_global:60', 'patient_global:60'),
  ('pain at severity 0, two others', 'nrs:0', 'nrs:0', 'womac_function:34', 'womac_function:27', 'patient_global:60', 'patient_global:45')
) AS t(label, pb, pf, fb, ff, gb, gf);
SELECT oarsi_responder('nrs:8', 'nrs:2', 'womac_function:30', 'womac_function:20', NULL, 'patient_global:10') IS NULL
  AS null_input_gives_null;

-- errors: scores on two instruments, bad thresholds
SELECT r.* FROM (VALUES
  ($$improvement('nrs:7', 'vas:40')$$), ($$pct_improvement('koos_pain:40', 'koos_adl:50')$$),
  ($$is_responder('nrs:7', 'bpi_severity:4')$$), ($$mcid_reached('vas:60', 'nrs:3')$$),
  ($$is_responder('nrs:7', 'nrs:4', -5)$$), ($$is_responder('nrs:7', 'nrs:4', 130)$$),
  ($$is_responder('nrs:7', 'nrs:4', 'NaN')$$), ($$is_responder('nrs:7', 'nrs:4', 30, -1)$$),
  ($$is_responder('nrs:7', 'nrs:4', 30, 'Infinity')$$),
  ($$oarsi_responder('nrs:7', 'vas:40', 'womac_function:30', 'womac_function:20', 'patient_global:50', 'patient_global:40')$$),
  ($$oarsi_responder('nrs:7', 'nrs:4', 'womac_function:30', 'koos_adl:20', 'patient_global:50', 'patient_global:40')$$),
  ($$oarsi_responder('nrs:7', 'nrs:4', 'womac_function:30', 'womac_function:20', 'patient_global:50', 'nrs:4')$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT improvement('nrs:7', 'vas:40');
SELECT is_responder('nrs:7', 'nrs:4', 0.3e3);

-- ---- score_summary ----
CREATE TABLE oc_scores (arm text, score pain_score, sev float8);
INSERT INTO oc_scores VALUES
  ('a', 'nrs:7', NULL), ('a', 'nrs:5', NULL), ('a', 'nrs:6.5', NULL), ('a', NULL, NULL), ('a', 'nrs:3', NULL),
  ('b', 'vas:40', NULL), ('b', 'vas:62.5', NULL),
  ('c', 'koos_pain:55', NULL), ('d', NULL, NULL);
UPDATE oc_scores SET sev = severity(score);
SELECT arm, (score_summary(score)).* FROM oc_scores GROUP BY arm ORDER BY arm;
-- the same numbers as the built-in aggregates on score()
SELECT count(score), avg(score(score)), stddev_samp(score(score)), min(score(score)), max(score(score))
FROM oc_scores WHERE arm = 'a';
-- float8 form: instrument NULL (here severity on the common 0-100 scale, across instruments)
SELECT (score_summary(sev)).* FROM oc_scores;
SELECT (score_summary(x)).* FROM (VALUES (1.5::float8), (NULL), (2.5), (-4)) v(x);
-- empty input: n = 0 and NULLs; only NULLs: the same
SELECT (score_summary(score)).* FROM oc_scores WHERE false;
SELECT (score_summary(score)).* FROM oc_scores WHERE arm = 'd';
SELECT (score_summary(sev)).* FROM oc_scores WHERE false;
-- score_summary as a window aggregate (running summary)
SELECT score, (score_summary(score) OVER (ORDER BY score)).n,
       (score_summary(score) OVER (ORDER BY score)).mean
FROM oc_scores WHERE arm = 'a' AND score IS NOT NULL ORDER BY score;
-- mixed instruments: 22023 with a hint; NaN and infinity
SELECT r.* FROM (VALUES
  ($$(SELECT score_summary(score) FROM oc_scores)$$),
  ($$(SELECT score_summary(x) FROM (VALUES (1::float8), ('NaN')) v(x))$$),
  ($$(SELECT score_summary(x) FROM (VALUES (1::float8), ('-Infinity')) v(x))$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT score_summary(score) FROM oc_scores;
-- integers go to the float8 form
SELECT (score_summary(x)).* FROM generate_series(1, 4) x;

-- ---- change_summary ----
CREATE TABLE oc_pairs (arm text, baseline pain_score, followup pain_score);
INSERT INTO oc_pairs VALUES
  ('a', 'nrs:8', 'nrs:4'), ('a', 'nrs:7', 'nrs:5'), ('a', 'nrs:6', 'nrs:6.5'), ('a', 'nrs:10', 'nrs:7'),
  ('a', 'nrs:0', 'nrs:1'), ('a', NULL, 'nrs:3'), ('a', 'nrs:5', NULL),
  ('b', 'koos_pain:40', 'koos_pain:70'), ('b', 'koos_pain:50', 'koos_pain:55'),
  ('c', 'vas:55', 'vas:20'), ('d', NULL, NULL);
SELECT arm, (change_summary(baseline, followup)).* FROM oc_pairs GROUP BY arm ORDER BY arm;
-- agrees with the per-participant functions
SELECT count(*) AS n, avg(improvement(baseline, followup)) AS mean_improvement,
       stddev_samp(improvement(baseline, followup)) AS sd_improvement,
       avg(pct_improvement(baseline, followup)) AS mean_pct,
       count(*) FILTER (WHERE is_responder(baseline, followup)) AS responders_30,
       count(*) FILTER (WHERE is_responder(baseline, followup, 50)) AS responders_50
FROM oc_pairs WHERE arm = 'a' AND baseline IS NOT NULL AND followup IS NOT NULL;
-- no pairs: n = 0, NULL means, 0 responders
SELECT (change_summary(baseline, followup)).* FROM oc_pairs WHERE false;
SELECT (change_summary(baseline, followup)).* FROM oc_pairs WHERE arm = 'd';
SELECT r.* FROM (VALUES
  ($$(SELECT change_summary(baseline, followup) FROM oc_pairs)$$),
  ($$(SELECT change_summary(b, f) FROM (VALUES ('nrs:5'::pain_score, 'vas:30'::pain_score)) v(b, f))$$)
) AS t(expr), try_sql(t.expr) AS r;

-- ---- proportions ----
-- Wilson intervals (as R's prop.test(x, n, correct = FALSE)), shown to 12
-- decimals; exact 0 and 1 at the ends
SELECT x, n, level, (w).p, round((w).ci_low::numeric, 12) AS ci_low,
       round((w).ci_high::numeric, 12) AS ci_high, (w).ci_low = 0 AS low_is_0, (w).ci_high = 1 AS high_is_1
FROM (VALUES (0, 10, 0.95), (1, 10, 0.95), (5, 20, 0.95), (12, 40, 0.95), (20, 20, 0.95),
             (30, 30, 0.95), (81, 263, 0.95), (81, 263, 0.9), (81, 263, 0.99), (1, 1, 0.5)) v(x, n, level),
     LATERAL (SELECT wilson_ci(x, n, level) AS w) s;
SELECT (wilson_ci(3, 12)).x, (wilson_ci(3, 12)).n, (wilson_ci(3, 12)).p,
       round((wilson_ci(3, 12)).ci_low::numeric, 12) AS ci_low;
SELECT wilson_ci(NULL, 10) IS NULL AS strict;
SELECT r.* FROM (VALUES
  ('wilson_ci(0, 0)'), ('wilson_ci(-1, 10)'), ('wilson_ci(11, 10)'), ('wilson_ci(1, 10, 1)'),
  ('wilson_ci(1, 10, 0)'), ($$wilson_ci(1, 10, 'NaN')$$), ('wilson_ci(1, 10, 95)'), ('wilson_ci(1, -3)')
) AS t(expr), try_sql(t.expr) AS r;
SELECT wilson_ci(1, 10, 95);

SELECT arm, (p).x, (p).n, (p).p, round((p).ci_low::numeric, 12) AS ci_low, round((p).ci_high::numeric, 12) AS ci_high
FROM (SELECT arm, proportion_ci(is_responder(baseline, followup)) AS p FROM oc_pairs GROUP BY arm) s
ORDER BY arm;
-- NULLs skipped; no rows: n = 0 and NULL p and interval
SELECT (p).x, (p).n, (p).p, round((p).ci_low::numeric, 12) AS ci_low, round((p).ci_high::numeric, 12) AS ci_high
FROM (SELECT proportion_ci(b) AS p FROM (VALUES (true), (NULL), (false), (true)) v(b)) s;
-- the same as wilson_ci(2, 3)
SELECT (SELECT proportion_ci(b) FROM (VALUES (true), (NULL), (false), (true)) v(b)) = wilson_ci(2, 3) AS same;
SELECT (proportion_ci(b)).* FROM (VALUES (true)) v(b) WHERE false;
SELECT (proportion_ci(NULL::boolean)).*;

-- ---- time courses ----
-- One participant's NRS and pain relief over 8 hours.  These series
-- reproduce every number of the shared worked example
-- (spid_totpar_refs.csv: SPID 30 / 29.75, TOTPAR 16.5 / 17.5, AUC 34.25,
-- time-weighted mean 4.28125, max SPID 64, 46.875 % of max); they are one
-- of many series that do, not the original inputs.  Rows are given out of
-- order on purpose.
CREATE TABLE oc_course (participant int, t float8, pain pain_score, relief pain_score);
INSERT INTO oc_course VALUES
  (1, 3, 'nrs:1', 'pain_relief:3'), (1, 0, 'nrs:8', 'pain_relief:0'), (1, 8, 'nrs:5', 'pain_relief:1'),
  (1, 0.5, 'nrs:7', 'pain_relief:1'), (1, 6, 'nrs:5', 'pain_relief:2'), (1, 2, 'nrs:3', 'pain_relief:3'),
  (1, 1, 'nrs:5', 'pain_relief:2'), (1, 4, 'nrs:4', 'pain_relief:3'),
  -- participant 2: koos (higher is better), a NULL score and a NULL time skipped
  (2, 0, 'koos_pain:40', NULL), (2, 2, 'koos_pain:55', NULL), (2, 6, 'koos_pain:70', NULL),
  (2, 4, NULL, NULL), (2, NULL, 'koos_pain:90', NULL),
  -- participant 3: baseline only; participant 4: nothing
  (3, 0, 'nrs:6', 'pain_relief:0'), (4, NULL, NULL, NULL);
SELECT participant, spid(t, pain, 'rect') AS spid_rect, spid(t, pain) AS spid_trapezoid,
       totpar(t, relief, 'rect') AS totpar_rect, totpar(t, relief) AS totpar_trapezoid,
       pain_auc(t, pain) AS auc
FROM oc_course GROUP BY participant ORDER BY participant;
-- the derived numbers of the worked example and the identities it implies:
-- SPID_trapezoid = PI_0 * T - AUC and % of max SPID = SPID_rect / (PI_0 * T)
SELECT auc / span AS time_weighted_mean, pi0 * span AS max_spid,
       100 * spid_rect / (pi0 * span) AS pct_max_spid, spid_trap = pi0 * span - auc AS identity
FROM (SELECT pain_auc(t, pain) AS auc, spid(t, pain, 'rect') AS spid_rect, spid(t, pain) AS spid_trap,
             max(t) - min(t) AS span, (SELECT score(pain) FROM oc_course WHERE participant = 1 AND t = 0)::float8 AS pi0
      FROM oc_course WHERE participant = 1) s;
-- a hand example: NRS 6, 4, 2, 3 at 0, 1, 3, 4 hours: PID 0, 2, 4, 3
SELECT spid(t, s, 'rect') AS rect_13, spid(t, s, 'TRAPEZOID') AS trapezoid_10_5, pain_auc(t, s) AS auc_13_5,
       spid(t, score(s)::float8, 'rect') AS float8_rect, spid(t, score(s)::float8) AS float8_trapezoid,
       pain_auc(t, score(s)::float8) AS float8_auc
FROM (VALUES (3, 'nrs:2'::pain_score), (0, 'nrs:6'), (4, 'nrs:3'), (1, 'nrs:4')) v(t, s);
-- vas in mm, higher is worse: PID in mm
SELECT spid(t, s) FROM (VALUES (0, 'vas:70'::pain_score), (1, 'vas:45.5'), (2, 'vas:30')) v(t, s);
-- no rows: NULL
SELECT spid(t, pain), totpar(t, relief), pain_auc(t, pain), spid(t, 1.0::float8), pain_auc(t, 1.0::float8)
FROM oc_course WHERE false;
-- errors: duplicate times, bad times and values, other instruments, methods
SELECT r.* FROM (VALUES
  ($$(SELECT spid(t, s) FROM (VALUES (0, 'nrs:8'::pain_score), (1, 'nrs:5'), (1, 'nrs:6')) v(t, s))$$),
  ($$(SELECT spid(t, s) FROM (VALUES ('NaN'::float8, 'nrs:8'::pain_score)) v(t, s))$$),
  ($$(SELECT pain_auc(t, s) FROM (VALUES ('Infinity'::float8, 'nrs:8'::pain_score)) v(t, s))$$),
  ($$(SELECT spid(t, s) FROM (VALUES (0, 'nrs:8'::pain_score), (1, 'vas:50')) v(t, s))$$),
  ($$(SELECT totpar(t, s) FROM (VALUES (0, 'nrs:8'::pain_score)) v(t, s))$$),
  ($$(SELECT spid(t, s, 'simpson') FROM (VALUES (0, 'nrs:8'::pain_score)) v(t, s))$$),
  ($$(SELECT spid(t, s, CASE WHEN t = 0 THEN 'rect' ELSE 'trapezoid' END) FROM (VALUES (0, 'nrs:8'::pain_score), (1, 'nrs:5')) v(t, s))$$),
  ($$(SELECT spid(t, x) FROM (VALUES (0, 8::float8), (1, 'NaN')) v(t, x))$$),
  ($$(SELECT pain_auc(t, x) FROM (VALUES (0, 8::float8), (1, '-Infinity')) v(t, x))$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT spid(t, s) FROM (VALUES (0, 'nrs:8'::pain_score), (1, 'nrs:5'), (1, 'nrs:6')) v(t, s);
SELECT totpar(t, s) FROM (VALUES (0, 'nrs:8'::pain_score)) v(t, s);

-- ---- parallel aggregation equals the serial result ----
CREATE TABLE oc_big AS
SELECT i AS id, i % 2000 AS participant, (i / 2000) * 0.5::float8 AS t,
       CASE WHEN i % 97 = 0 THEN NULL ELSE pain_score('nrs', ((i * 7919) % 101) / 10.0) END AS score,
       pain_score('nrs', (i * 104729) % 11) AS baseline,
       CASE WHEN i % 89 = 0 THEN NULL ELSE pain_score('nrs', (i * 15485863) % 11) END AS followup,
       CASE WHEN i % 83 = 0 THEN NULL ELSE (i * 31) % 7 < 3 END AS flag,
       pain_score('pain_relief', (i * 13) % 5) AS relief
FROM generate_series(1::bigint, 200000) i;
ANALYZE oc_big;
-- reports whether a query ran with parallel workers
CREATE FUNCTION oc_workers(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || q INTO plan;
  RETURN coalesce(substring(plan::text FROM '"Workers Launched": (\d+)')::int, 0) > 0;
END $$;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE oc_ser_summary AS SELECT (score_summary(score)).* FROM oc_big;
CREATE TABLE oc_ser_change AS SELECT (change_summary(baseline, followup)).* FROM oc_big;
CREATE TABLE oc_ser_prop AS SELECT (proportion_ci(flag)).* FROM oc_big;
CREATE TABLE oc_ser_spid AS
  SELECT participant, spid(t, score) AS trap, spid(t, score, 'rect') AS rect, pain_auc(t, score) AS auc,
         totpar(t, relief) AS totpar
  FROM oc_big GROUP BY participant;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT score_summary(score) FROM oc_big;
EXPLAIN (COSTS OFF) SELECT change_summary(baseline, followup) FROM oc_big;
EXPLAIN (COSTS OFF) SELECT proportion_ci(flag) FROM oc_big;
EXPLAIN (COSTS OFF)
  SELECT participant, spid(t, score), spid(t, score, 'rect'), pain_auc(t, score), totpar(t, relief)
  FROM oc_big GROUP BY participant;
SELECT oc_workers('SELECT score_summary(score) FROM oc_big') AS summary_parallel,
       oc_workers('SELECT change_summary(baseline, followup) FROM oc_big') AS change_parallel,
       oc_workers('SELECT proportion_ci(flag) FROM oc_big') AS prop_parallel,
       oc_workers('SELECT participant, spid(t, score) FROM oc_big GROUP BY participant') AS spid_parallel;
CREATE TABLE oc_par_summary AS SELECT (score_summary(score)).* FROM oc_big;
CREATE TABLE oc_par_change AS SELECT (change_summary(baseline, followup)).* FROM oc_big;
CREATE TABLE oc_par_prop AS SELECT (proportion_ci(flag)).* FROM oc_big;
CREATE TABLE oc_par_spid AS
  SELECT participant, spid(t, score) AS trap, spid(t, score, 'rect') AS rect, pain_auc(t, score) AS auc,
         totpar(t, relief) AS totpar
  FROM oc_big GROUP BY participant;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- exact for counts, minimum and maximum; 1e-12 relative for means and SDs
CREATE FUNCTION oc_close(a float8, b float8) RETURNS boolean LANGUAGE sql AS
$$ SELECT a = b OR abs(a - b) <= 1e-12 * greatest(abs(a), abs(b)) $$;
SELECT s.instrument = p.instrument AS instrument, s.n = p.n AS n, s.n AS rows,
       oc_close(s.mean, p.mean) AS mean, oc_close(s.sd, p.sd) AS sd, oc_close(s.se, p.se) AS se,
       s.min = p.min AS min, s.max = p.max AS max
FROM oc_ser_summary s, oc_par_summary p;
SELECT s.n = p.n AS n, s.n AS pairs, oc_close(s.mean_baseline, p.mean_baseline) AS mean_baseline,
       oc_close(s.mean_followup, p.mean_followup) AS mean_followup,
       oc_close(s.mean_improvement, p.mean_improvement) AS mean_improvement,
       oc_close(s.sd_improvement, p.sd_improvement) AS sd_improvement,
       oc_close(s.mean_pct_improvement, p.mean_pct_improvement) AS mean_pct,
       s.responders_30 = p.responders_30 AS resp30, s.responders_50 = p.responders_50 AS resp50
FROM oc_ser_change s, oc_par_change p;
SELECT s.x = p.x AND s.n = p.n AND s.p = p.p AND s.ci_low = p.ci_low AND s.ci_high = p.ci_high AS same,
       s.x, s.n
FROM oc_ser_prop s, oc_par_prop p;
-- the time courses are sorted before summing, so the results are identical
SELECT count(*) AS participants,
       count(*) FILTER (WHERE s.trap = p.trap AND s.rect = p.rect AND s.auc = p.auc
                              AND s.totpar = p.totpar) AS identical
FROM oc_ser_spid s JOIN oc_par_spid p USING (participant);
-- and they agree with the sums written out in SQL
SELECT count(*) FILTER (WHERE abs(trap - ref_trap) <= 1e-9 * abs(ref_trap)) AS trapezoid_agrees,
       count(*) FILTER (WHERE abs(auc - ref_auc) <= 1e-9 * abs(ref_auc)) AS auc_agrees
FROM oc_ser_spid JOIN (
  SELECT participant,
         sum((pid + prev_pid) / 2 * dt) AS ref_trap, sum((v + prev_v) / 2 * dt) AS ref_auc
  FROM (SELECT participant, v, pid, lag(pid) OVER w AS prev_pid, lag(v) OVER w AS prev_v,
               t - lag(t) OVER w AS dt
        FROM (SELECT participant, t, score(score)::float8 AS v,
                     first_value(score(score)::float8) OVER (PARTITION BY participant ORDER BY t)
                       - score(score)::float8 AS pid
              FROM oc_big WHERE score IS NOT NULL) a
        WINDOW w AS (PARTITION BY participant ORDER BY t)) x
  WHERE dt IS NOT NULL GROUP BY participant) r USING (participant);

DROP TABLE oc_scores, oc_pairs, oc_course, oc_big, oc_ser_summary, oc_ser_change, oc_ser_prop,
  oc_ser_spid, oc_par_summary, oc_par_change, oc_par_prop, oc_par_spid;
DROP FUNCTION oc_workers(text);
DROP FUNCTION oc_close(float8, float8);
