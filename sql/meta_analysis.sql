-- Effect sizes and meta-analysis: behaviour, edge cases and errors.  The
-- numbers are checked against metafor in test/pgtap/metafor.sql; here they
-- are shown rounded to 10 decimals.
CREATE FUNCTION show(e effect) RETURNS text LANGUAGE sql AS
$$ SELECT format('yi=%s vi=%s', round(e.yi::numeric, 10), round(e.vi::numeric, 10)) $$;
-- a meta_result with its numbers rounded to 12 decimals (the last digits
-- depend on the order of floating-point operations, not on the method)
CREATE FUNCTION show(r meta_result) RETURNS TABLE (k int, method text, test text,
  estimate numeric, se numeric, ci_low numeric, ci_high numeric, stat numeric, pval numeric,
  tau2 numeric, i2 numeric, h2 numeric, q numeric, q_df int, q_pval numeric,
  pi_low numeric, pi_high numeric) LANGUAGE sql AS
$$ SELECT r.k, r.method, r.test, round(r.estimate::numeric, 12), round(r.se::numeric, 12),
          round(r.ci_low::numeric, 12), round(r.ci_high::numeric, 12), round(r.stat::numeric, 12),
          round(r.pval::numeric, 12), round(r.tau2::numeric, 12), round(r.i2::numeric, 12),
          round(r.h2::numeric, 12), round(r.q::numeric, 12), r.q_df, round(r.q_pval::numeric, 12),
          round(r.pi_low::numeric, 12), round(r.pi_high::numeric, 12) $$;

-- effect sizes (the first Normand 1999 stroke study, and change scores)
SELECT show(smd(155, 55, 47, 156, 75, 64)) AS smd,
       show(md(155, 55, 47, 156, 75, 64)) AS md,
       show(rom(155, 55, 47, 156, 75, 64)) AS rom;
SELECT show(log_rr(4, 123, 11, 139)) AS log_rr, show(log_or(4, 119, 11, 128)) AS log_or,
       show(rd(4, 123, 11, 139)) AS rd;
-- a zero cell: 1/2 is added to every cell of that table only
SELECT show(log_rr(0, 116, 3, 117)) AS log_rr, show(rd(0, 116, 3, 117)) AS rd,
       show(log_or(0, 116, 3, 114)) AS log_or;
SELECT round(sd_change(20, 22, 0.5)::numeric, 10) AS sd_change,
       show(md(30, -25, sd_change(20, 22, 0.5), 28, -10, sd_change(20, 22, 0.5))) AS md_of_changes;
SELECT (smd(20, 30, 10, 20, 40, 12)).*;

-- bad arguments: 22023 with the value named
SELECT r.* FROM (VALUES
  ('smd(1, 5, 1, 1, 4, 1)'), ('smd(10, 5, 0, 10, 4, 0)'), ('smd(0, 5, 1, 10, 4, 1)'),
  ('md(10, ''NaN'', 1, 10, 4, 1)'), ('md(10, 5, -1, 10, 4, 1)'),
  ('md(10, 5, ''Infinity'', 10, 4, 1)'), ('rom(10, 0, 1, 10, 4, 1)'),
  ('rom(10, 5, 1, 10, -4, 1)'), ('log_rr(11, 10, 1, 10)'), ('log_rr(-1, 10, 1, 10)'),
  ('log_or(-1, 3, 2, 3)'), ('log_or(0, 0, 2, 3)'), ('rd(0, 0, 1, 10)'),
  ('sd_change(20, 22, 1.5)'), ('sd_change(-1, 22, 0.5)'), ('sd_change(20, 22, ''NaN'')')
) AS t(expr), try_sql(t.expr) AS r;

-- a small meta-analysis with every method and test
CREATE TABLE study (trial int, grp text, yi float8, vi float8);
INSERT INTO study VALUES
  (1, 'a', -0.3552, 0.0131), (2, 'a', -0.3479, 0.0645), (3, 'a', -2.3176, 0.0458),
  (4, 'a', -1.8880, 0.1606), (5, 'a', -0.0301, 0.0138), (6, 'a', -0.4000, 0.0200),
  (7, 'b', 0.20, 0.04), (8, 'b', NULL, 0.05), (9, 'b', 0.10, NULL);
SELECT m.method, t.test, r.k, r.method, r.test, round(r.estimate::numeric, 8) AS estimate,
       round(r.se::numeric, 8) AS se, round(r.tau2::numeric, 8) AS tau2,
       round(r.i2::numeric, 6) AS i2, round(r.pi_low::numeric, 6) AS pi_low
FROM (VALUES ('FE'), ('DL'), ('REML'), ('PM')) m(method),
     (VALUES ('z'), ('knha')) t(test),
     LATERAL (SELECT (meta_analysis(yi, vi, m.method, t.test)).* FROM study WHERE grp = 'a') r
ORDER BY 1, 2;
-- the default is REML with a z test; the effect form gives the same answer
SELECT (show(meta_analysis(yi, vi))).* FROM study WHERE grp = 'a';
SELECT (meta_analysis((yi, vi)::effect)).estimate = (meta_analysis(yi, vi)).estimate AS same
FROM study WHERE grp = 'a';
-- method names are case-insensitive
SELECT (meta_analysis(yi, vi, 'reml', 'KNHA')).method FROM study WHERE grp = 'a';
-- NULL studies are skipped: group b pools one study; k = 1 is defined
SELECT grp, (show(meta_analysis(yi, vi))).* FROM study GROUP BY grp ORDER BY grp;
-- no study at all: k = 0 and NULL numbers
SELECT (meta_analysis(yi, vi, 'DL')).* FROM study WHERE false;
-- identical studies: tau2 = 0, Q = 0
SELECT k, round(estimate::numeric, 10) AS estimate, tau2, q, i2, h2
FROM (SELECT (meta_analysis(0.5, 0.04)).* FROM generate_series(1, 4)) r;

-- errors: bad method, test, variance, effect; options that change between rows
SELECT r.* FROM (VALUES
  ($$(SELECT meta_analysis(yi, vi, 'ML') FROM study)$$),
  ($$(SELECT meta_analysis(yi, vi, 'REML', 't') FROM study)$$),
  ($$(SELECT meta_analysis(x, 0) FROM (VALUES (0.1)) v(x))$$),
  ($$(SELECT meta_analysis(x, -0.5) FROM (VALUES (0.1)) v(x))$$),
  ($$(SELECT meta_analysis(x, 'NaN') FROM (VALUES (0.1)) v(x))$$),
  ($$(SELECT meta_analysis('Infinity', x) FROM (VALUES (0.1)) v(x))$$),
  ($$(SELECT meta_analysis(yi, vi, CASE WHEN trial < 3 THEN 'DL' ELSE 'PM' END) FROM study)$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT meta_analysis(yi, vi, 'ML') FROM study;

-- Mantel-Haenszel on 2x2 tables (events, non-events of each group)
CREATE TABLE tables2x2 (a int, b int, c int, d int);
INSERT INTO tables2x2 VALUES (4, 119, 11, 128), (6, 300, 29, 274), (3, 228, 11, 209),
  (62, 13536, 248, 12619), (0, 50, 2, 48), (0, 40, 0, 40);
SELECT m, r.k, r.method, round(r.estimate::numeric, 8) AS estimate, round(r.se::numeric, 8) AS se,
       round(r.q::numeric, 6) AS q, r.q_df, r.tau2, r.pi_low
FROM (VALUES ('OR'), ('RR'), ('RD')) AS v(m),
     LATERAL (SELECT (meta_mh(a, b, c, d, v.m)).* FROM tables2x2) r;
SELECT r.* FROM (VALUES
  ($$(SELECT meta_mh(a, b, c, d, 'HR') FROM tables2x2)$$),
  ($$(SELECT meta_mh(-1, 1, 1, 1, 'OR'))$$),
  ($$(SELECT meta_mh(0, 0, 1, 1, 'OR'))$$),
  ($$(SELECT meta_mh(0, 5, 0, 5, 'OR'))$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT (meta_mh(a, b, c, d, 'OR')).k FROM tables2x2 WHERE false;
DROP TABLE study, tables2x2;
DROP FUNCTION show(effect);
DROP FUNCTION show(meta_result);

-- parallel plans: partial aggregates in two workers give the serial answer
CREATE TABLE many_studies AS
SELECT g AS grp, i, (sin(g * 7 + i) * 0.8)::float8 AS yi, (0.01 + (i % 7) * 0.02)::float8 AS vi,
       (g + i) % 9 AS a, 40 + i % 5 AS b, (g * i) % 7 AS c, 41 + g % 3 AS d
FROM generate_series(1, 200) g, generate_series(1, 500) i;
ANALYZE many_studies;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT meta_analysis(yi, vi, 'REML', 'knha') FROM many_studies;
EXPLAIN (COSTS OFF) SELECT grp % 4, meta_mh(a, b, c, d, 'OR') FROM many_studies GROUP BY 1;
CREATE TABLE parallel_run AS
SELECT 'all' AS what, meta_analysis(yi, vi, 'REML', 'knha') AS r FROM many_studies
UNION ALL SELECT 'fe', meta_analysis(yi, vi, 'FE') FROM many_studies
UNION ALL SELECT 'pm', meta_analysis((yi, vi)::effect, 'PM') FROM many_studies
UNION ALL SELECT 'mh' || (grp % 4), meta_mh(a, b, c, d, 'OR') FROM many_studies GROUP BY grp % 4;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_run AS
SELECT 'all' AS what, meta_analysis(yi, vi, 'REML', 'knha') AS r FROM many_studies
UNION ALL SELECT 'fe', meta_analysis(yi, vi, 'FE') FROM many_studies
UNION ALL SELECT 'pm', meta_analysis((yi, vi)::effect, 'PM') FROM many_studies
UNION ALL SELECT 'mh' || (grp % 4), meta_mh(a, b, c, d, 'OR') FROM many_studies GROUP BY grp % 4;
RESET max_parallel_workers_per_gather;
-- the same studies in another order: equal to 1e-12 relative (sums differ in the
-- last bits); the estimate, which may be near zero, on the scale of the larger of
-- itself and its se
SELECT s.what, (s.r).k = (p.r).k AS same_k,
       abs((s.r).estimate - (p.r).estimate) <= 1e-12 * greatest(abs((s.r).estimate), (s.r).se) AS same_estimate,
       abs((s.r).se - (p.r).se) <= 1e-12 * (s.r).se AS same_se,
       abs((s.r).q - (p.r).q) <= 1e-12 * (s.r).q AS same_q,
       (s.r).tau2 IS NOT DISTINCT FROM (p.r).tau2
         OR abs((s.r).tau2 - (p.r).tau2) <= 1e-12 * (s.r).tau2 AS same_tau2
FROM serial_run s JOIN parallel_run p USING (what) ORDER BY 1;
DROP TABLE many_studies, parallel_run, serial_run;
