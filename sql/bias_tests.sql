-- Small-study effects and influence: every number of
-- test/fixtures/metafor_bias.csv (made by test/r/bias_refs.R with metafor
-- 3.8-1) to 1e-9 relative, the examples of doc/bias_influence.md, bad
-- input, and parallel plans against serial ones.
CREATE TABLE bias_ref (dataset text, what text, variant text, i int, name text, value float8);
\copy bias_ref FROM 'test/fixtures/metafor_bias.csv' WITH (FORMAT csv, HEADER, NULL 'NA')
CREATE TABLE bias_study AS
SELECT dataset, i, max(value) FILTER (WHERE name = 'yi') AS yi, max(value) FILTER (WHERE name = 'vi') AS vi
FROM bias_ref WHERE what = 'input' GROUP BY dataset, i;
SELECT dataset, count(*) AS k FROM bias_study GROUP BY 1 ORDER BY 1;
CREATE FUNCTION near(got float8, want float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN got IS NULL OR want IS NULL THEN got IS NULL AND want IS NULL
              WHEN abs(got - want) <= 1e-12 THEN true
              ELSE abs(got - want) / greatest(abs(got), abs(want)) <= 1e-9 END $$;

-- ours, in the fixture's long form
CREATE TABLE bias_ours (dataset text, what text, variant text, i int, name text, value float8);
INSERT INTO bias_ours
SELECT dataset, 'egger', m, 0, n, v
FROM (SELECT dataset, m, egger_test(yi, vi, m ORDER BY i) AS e
      FROM bias_study, (VALUES ('rma'), ('lm')) AS models(m) GROUP BY dataset, m) x,
     LATERAL (VALUES ('k', (e).k::float8), ('stat', (e).stat), ('df', (e).df::float8),
                     ('pval', (e).pval), ('limit_estimate', (e).limit_estimate),
                     ('limit_ci_low', (e).limit_ci_low), ('limit_ci_high', (e).limit_ci_high)) AS f(n, v);
INSERT INTO bias_ours
SELECT dataset, 'rank', '', 0, n, v
FROM (SELECT dataset, rank_test(yi, vi ORDER BY i) AS r FROM bias_study GROUP BY dataset) x,
     LATERAL (VALUES ('k', (r).k::float8), ('tau', (r).tau), ('pval', (r).pval)) AS f(n, v);
INSERT INTO bias_ours
SELECT dataset, 'trimfill', variant, 0, n, v
FROM (SELECT dataset, variant,
             trim_fill(yi, vi, split_part(variant, '/', 1), split_part(variant, '/', 2),
                       nullif(split_part(variant, '/', 3), 'auto') ORDER BY i) AS t
      FROM bias_study JOIN (SELECT DISTINCT dataset, variant FROM bias_ref WHERE what = 'trimfill') v
           USING (dataset)
      GROUP BY dataset, variant) x,
     LATERAL (VALUES ('k0', (t).k0::float8), ('side_right', ((t).side = 'right')::int::float8),
                     ('k', (t).k::float8), ('estimate', (t).estimate), ('se', (t).se),
                     ('stat', (t).stat), ('pval', (t).pval), ('ci_low', (t).ci_low),
                     ('ci_high', (t).ci_high), ('tau2', (t).tau2), ('i2', (t).i2), ('h2', (t).h2),
                     ('q', (t).q), ('q_pval', (t).q_pval), ('pi_low', (t).pi_low),
                     ('pi_high', (t).pi_high)) AS f(n, v);
INSERT INTO bias_ours
SELECT dataset, 'influence', m, r.study, n, v
FROM (SELECT dataset, array_agg(yi ORDER BY i) AS ys, array_agg(vi ORDER BY i) AS vs
      FROM bias_study GROUP BY dataset) a,
     (VALUES ('FE'), ('DL'), ('REML'), ('PM')) AS methods(m),
     meta_influence(a.ys, a.vs, m) AS r,
     LATERAL (VALUES ('rstudent', r.rstudent), ('dffits', r.dffits), ('cook_d', r.cook_d),
                     ('cov_r', r.cov_r), ('tau2_del', r.tau2_del), ('qe_del', r.qe_del),
                     ('hat', r.hat), ('weight', r.weight), ('weights_fn', r.weight),
                     ('dfbetas', r.dfbetas), ('influential', r.influential::int::float8),
                     ('loo_estimate', r.loo_estimate), ('loo_se', r.loo_se), ('loo_stat', r.loo_stat),
                     ('loo_pval', r.loo_pval), ('loo_ci_low', r.loo_ci_low),
                     ('loo_ci_high', r.loo_ci_high), ('loo_q', r.qe_del), ('loo_q_pval', r.loo_q_pval),
                     ('loo_tau2', r.tau2_del), ('loo_i2', r.loo_i2), ('loo_h2', r.loo_h2)) AS f(n, v);
-- every reference number has its counterpart, and they agree
SELECT f.what, count(*) AS reference_numbers,
       count(o.value) FILTER (WHERE near(o.value, f.value)) + count(*) FILTER (WHERE o.name IS NOT NULL AND o.value IS NULL AND f.value IS NULL) AS agree
FROM bias_ref f LEFT JOIN bias_ours o USING (dataset, what, variant, i, name)
WHERE f.what <> 'input' AND NOT (f.what = 'trimfill' AND f.i > 0)
GROUP BY f.what ORDER BY 1;
-- the first disagreements, if any
SELECT f.dataset, f.what, f.variant, f.i, f.name, f.value AS metafor, o.value AS ours
FROM bias_ref f LEFT JOIN bias_ours o USING (dataset, what, variant, i, name)
WHERE f.what <> 'input' AND NOT (f.what = 'trimfill' AND f.i > 0) AND NOT near(o.value, f.value)
ORDER BY 1, 2, 3, 4, 5 LIMIT 5;
DROP TABLE bias_ours;

-- the examples of doc/bias_influence.md: metafor's dat.bcg as log risk ratios
CREATE TABLE bcg AS
SELECT s.i AS trial, a.author, a.year, s.yi, s.vi
FROM bias_study s JOIN (VALUES
  (1, 'Aronson', 1948), (2, 'Ferguson & Simes', 1949), (3, 'Rosenthal et al', 1960),
  (4, 'Hart & Sutherland', 1977), (5, 'Frimodt-Moller et al', 1973), (6, 'Stein & Aronson', 1953),
  (7, 'Vandiviere et al', 1973), (8, 'TPT Madras', 1980), (9, 'Coetzee & Berjak', 1968),
  (10, 'Rosenthal et al', 1961), (11, 'Comstock et al', 1974), (12, 'Comstock & Webster', 1969),
  (13, 'Comstock et al', 1976)) AS a(trial, author, year) ON a.trial = s.i
WHERE s.dataset = 'bcg';
SELECT k, model, round(stat::numeric, 4) AS z, round(pval::numeric, 4) AS pval,
       round(limit_estimate::numeric, 4) AS limit_estimate
FROM (SELECT (egger_test(yi, vi)).* FROM bcg) e;
SELECT k, model, round(stat::numeric, 4) AS t, df, round(pval::numeric, 4) AS pval
FROM (SELECT (egger_test(yi, vi, 'lm')).* FROM bcg) e;
SELECT k, round(tau::numeric, 4) AS tau, round(pval::numeric, 4) AS pval
FROM (SELECT (rank_test(yi, vi)).* FROM bcg) r;
SELECT k0, side, k, round(estimate::numeric, 4) AS estimate,
       round(ci_low::numeric, 4) AS ci_low, round(ci_high::numeric, 4) AS ci_high
FROM (SELECT (trim_fill(yi, vi, 'FE')).* FROM bcg) t;
SELECT b.trial, b.author, round(i.rstudent::numeric, 3) AS rstudent,
       round(i.cook_d::numeric, 3) AS cook_d, round(i.hat::numeric, 3) AS hat,
       round(i.weight::numeric, 2) AS weight, round(i.loo_estimate::numeric, 4) AS without_it,
       i.influential
FROM (SELECT array_agg(yi ORDER BY trial) AS y, array_agg(vi ORDER BY trial) AS v FROM bcg) a,
     meta_influence(a.y, a.v) AS i JOIN bcg b ON b.trial = i.study
ORDER BY b.trial;
SELECT year, author, round((meta_analysis(yi, vi) OVER w).estimate::numeric, 4) AS cumulative
FROM bcg WINDOW w AS (ORDER BY year, trial ROWS UNBOUNDED PRECEDING)
ORDER BY year, trial;
SELECT trial, author, round((meta_analysis(yi, vi) OVER w).estimate::numeric, 4) AS without_it
FROM bcg WINDOW w AS (ORDER BY trial ROWS BETWEEN UNBOUNDED PRECEDING
                      AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW)
ORDER BY trial;
-- the window idiom and meta_influence agree on every leave-one-out fit
SELECT count(*) AS studies,
       count(*) FILTER (WHERE near((w.r).estimate, i.loo_estimate) AND near((w.r).se, i.loo_se)
                          AND near((w.r).tau2, i.tau2_del)) AS agree
FROM (SELECT trial, meta_analysis(yi, vi) OVER (ORDER BY trial ROWS BETWEEN UNBOUNDED PRECEDING
                      AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) AS r FROM bcg) w
JOIN (SELECT i.* FROM (SELECT array_agg(yi ORDER BY trial) AS y, array_agg(vi ORDER BY trial) AS v FROM bcg) a,
      meta_influence(a.y, a.v) AS i) i ON i.study = w.trial;

-- NULLs are skipped: a NULL yi or vi leaves the study out
SELECT (egger_test(yi, vi)).k AS egger_k, (rank_test(yi, vi)).k AS rank_k, (trim_fill(yi, vi)).k AS tf_k
FROM (SELECT yi, vi FROM bcg UNION ALL SELECT NULL, 0.1 UNION ALL SELECT 0.2, NULL) x;
SELECT study FROM meta_influence(ARRAY[0.1, NULL, 0.3, 0.5], ARRAY[0.01, 0.02, NULL, 0.04]);
SELECT count(*) FROM meta_influence(NULL, ARRAY[0.1]);
-- too few studies: numbers NULL, not made up
SELECT (egger_test(yi, vi)).*, (rank_test(yi, vi)).* FROM bcg WHERE trial <= 2;
SELECT (egger_test(yi, vi)).* FROM bcg WHERE false;
SELECT (trim_fill(yi, vi)).k0, (trim_fill(yi, vi)).k FROM bcg WHERE trial = 1;

-- bad input: 22023 naming the value and saying what is accepted
SELECT egger_test(yi, vi, 'glm') FROM bcg;
SELECT trim_fill(yi, vi, 'REML', 'Q0') FROM bcg;
SELECT trim_fill(yi, vi, 'REML', 'L0', 'up') FROM bcg;
SELECT * FROM meta_influence(ARRAY[0.1, 0.2], ARRAY[0.1, 0.2], 'ML');
SELECT r.* FROM (VALUES
  ('(SELECT egger_test(yi, 0) FROM bcg)'), ('(SELECT egger_test(yi, -vi, ''lm'') FROM bcg)'),
  ('(SELECT rank_test(''NaN''::float8, vi) FROM bcg)'), ('(SELECT trim_fill(yi, ''Infinity''::float8) FROM bcg)'),
  ('(SELECT egger_test(yi, 0.1) FROM bcg)'), ('(SELECT egger_test(yi, 0.1, ''lm'') FROM bcg)'),
  ('(SELECT trim_fill(yi, vi, ''REML'', ''L0'', ''left'') FROM bcg WHERE trial = 1)'),
  ('(SELECT count(*) FROM meta_influence(ARRAY[0.1], ARRAY[0.1]))'),
  ('(SELECT count(*) FROM meta_influence(ARRAY[0.1, 0.2], ARRAY[0.1]))'),
  ('(SELECT count(*) FROM meta_influence(ARRAY[[0.1, 0.2]], ARRAY[[0.1, 0.2]]))'),
  ('(SELECT count(*) FROM meta_influence(ARRAY[0.1, 0.2], ARRAY[0.1, 0]))'),
  ('(SELECT trim_fill(yi, vi, CASE WHEN trial = 1 THEN ''FE'' ELSE ''DL'' END) FROM bcg)')
) AS t(expr), try_sql(t.expr) AS r;

-- parallel plans: partial states in two workers give the serial answer
CREATE TABLE many AS
SELECT g AS grp, i, (sin(g * 7 + i) * 0.8 + 0.3 / (1 + i % 5))::float8 AS yi,
       (0.01 + (i % 7) * 0.02)::float8 AS vi
FROM generate_series(1, 20) g, generate_series(1, 300) i;
ANALYZE many;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT egger_test(yi, vi), rank_test(yi, vi), trim_fill(yi, vi, 'DL') FROM many;
CREATE TABLE parallel_run AS
SELECT egger_test(yi, vi) AS e, egger_test(yi, vi, 'lm') AS l, rank_test(yi, vi) AS r,
       trim_fill(yi, vi, 'DL', 'R0') AS t FROM many;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_run AS
SELECT egger_test(yi, vi) AS e, egger_test(yi, vi, 'lm') AS l, rank_test(yi, vi) AS r,
       trim_fill(yi, vi, 'DL', 'R0') AS t FROM many;
RESET max_parallel_workers_per_gather;
-- the studies arrive in another order: equal to 1e-10 relative
SELECT (s.e).k = (p.e).k AS same_k,
       near(round((s.e).stat::numeric, 10)::float8, round((p.e).stat::numeric, 10)::float8) AS same_egger,
       near(round((s.l).stat::numeric, 10)::float8, round((p.l).stat::numeric, 10)::float8) AS same_egger_lm,
       (s.r).tau = (p.r).tau AND near((s.r).pval, (p.r).pval) AS same_rank,
       (s.t).k0 = (p.t).k0 AND (s.t).side = (p.t).side
         AND near(round((s.t).estimate::numeric, 10)::float8, round((p.t).estimate::numeric, 10)::float8) AS same_trim_fill
FROM serial_run s, parallel_run p;
DROP TABLE many, parallel_run, serial_run, bcg;
