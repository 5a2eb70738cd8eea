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
$$ SELECT (got IS NULL AND want IS NULL)
       OR abs(got - want) <= 1e-9 * greatest(abs(got), abs(want)) + 1e-12 $$;

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
FROM (SELECT dataset, array_agg(yi ORDER BY i) AS y, array_agg(vi ORDER BY i) AS v
      FROM bias_study GROUP BY dataset) a,
     (VALUES ('FE'), ('DL'), ('REML'), ('PM')) AS methods(m),
     meta_influence(a.y, a.v, m) AS r,
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
