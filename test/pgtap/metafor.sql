-- Effect sizes and meta-analysis through SQL against metafor 3.8-1: every
-- row of test/fixtures/metafor_*.csv (made by test/r/metafor_refs.R).
-- Tolerance: 1e-9 relative (1e-12 absolute only where the reference is 0,
-- so tiny p-values are compared too).  close() is never NULL: a NULL result
-- where the reference has a value is a mismatch, not a row dropped by WHERE.
BEGIN;
SELECT plan(23);

CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN want IS NULL THEN got IS NULL
              WHEN got IS NULL THEN false
              WHEN want = 'Infinity'::float8 OR want = '-Infinity'::float8 THEN got = want
              WHEN want = 0 THEN abs(got) <= 1e-12
              ELSE abs(got - want) / greatest(abs(got), abs(want)) <= 1e-9 END $$;

CREATE TEMP TABLE escalc_ref (dataset text, measure text, study int, x1 float8, x2 float8,
  x3 float8, x4 float8, x5 float8, x6 float8, yi float8, vi float8);
\copy escalc_ref FROM 'test/fixtures/metafor_escalc.csv' WITH (FORMAT csv, HEADER, NULL 'NA')
CREATE TEMP TABLE rma_ref (dataset text, measure text, method text, test text, k int,
  estimate float8, se float8, stat float8, pval float8, ci_lb float8, ci_ub float8, tau2 float8,
  i2 float8, h2 float8, q float8, q_df int, q_pval float8, pi_lb float8, pi_ub float8);
\copy rma_ref FROM 'test/fixtures/metafor_rma.csv' WITH (FORMAT csv, HEADER, NULL 'NA')
CREATE TEMP TABLE mh_ref (dataset text, measure text, k int, estimate float8, se float8,
  stat float8, pval float8, ci_lb float8, ci_ub float8, i2 float8, h2 float8, q float8, q_pval float8);
\copy mh_ref FROM 'test/fixtures/metafor_mh.csv' WITH (FORMAT csv, HEADER, NULL 'NA')

SELECT cmp_ok((SELECT count(*)::int FROM escalc_ref), '>', 600, 'escalc fixture loaded');
SELECT cmp_ok((SELECT count(*)::int FROM rma_ref), '>', 300, 'rma fixture loaded');
SELECT is((SELECT count(*)::int FROM mh_ref), 15, 'rma.mh fixture loaded');

-- our effect sizes from the raw inputs
CREATE TEMP TABLE ours AS
SELECT dataset, measure, study, yi AS ref_yi, vi AS ref_vi,
       CASE measure
         WHEN 'SMD' THEN smd(x1::int, x2, x3, x4::int, x5, x6)
         WHEN 'MD'  THEN md(x1::int, x2, x3, x4::int, x5, x6)
         WHEN 'ROM' THEN rom(x1::int, x2, x3, x4::int, x5, x6)
         WHEN 'RR'  THEN log_rr(x1::int, x2::int, x3::int, x4::int)
         WHEN 'OR'  THEN log_or(x1::int, (x2 - x1)::int, x3::int, (x4 - x3)::int)
         WHEN 'RD'  THEN rd(x1::int, x2::int, x3::int, x4::int)
       END AS e,
       x1::int AS a, (x2 - x1)::int AS b, x3::int AS c, (x4 - x3)::int AS d
FROM escalc_ref
WHERE yi IS NOT NULL;

SELECT is_empty($$ SELECT dataset, measure, study FROM ours
                   WHERE measure IN ('SMD', 'MD', 'ROM') AND NOT (pg_temp.close((e).yi, ref_yi) AND pg_temp.close((e).vi, ref_vi)) $$,
                'smd, md, rom match escalc');
SELECT is_empty($$ SELECT dataset, measure, study FROM ours
                   WHERE measure IN ('RR', 'OR', 'RD') AND NOT (pg_temp.close((e).yi, ref_yi) AND pg_temp.close((e).vi, ref_vi)) $$,
                'log_rr, log_or, rd match escalc, zero cells included');

-- pooled, every method and test, through the aggregate
CREATE TEMP TABLE pooled AS
SELECT o.dataset, o.measure, m.method, t.test, meta_analysis(o.e, m.method, t.test) AS r
FROM ours o, (VALUES ('FE'), ('DL'), ('REML'), ('PM')) m(method), (VALUES ('z'), ('knha')) t(test)
GROUP BY 1, 2, 3, 4;
CREATE TEMP VIEW joined AS
SELECT f.*, p.r FROM rma_ref f JOIN pooled p USING (dataset, measure, method, test);

SELECT is((SELECT count(*)::int FROM joined), (SELECT count(*)::int FROM rma_ref), 'every reference fit has a pooled result');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE (r).k IS DISTINCT FROM k $$, 'k');
SELECT is_empty($$ SELECT dataset, measure, method, test, (r).estimate, estimate FROM joined WHERE NOT pg_temp.close((r).estimate, estimate) $$, 'estimate');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE NOT pg_temp.close((r).se, se) $$, 'standard error');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE NOT (pg_temp.close((r).ci_low, ci_lb) AND pg_temp.close((r).ci_high, ci_ub)) $$, 'confidence interval');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE NOT (pg_temp.close((r).stat, stat) AND pg_temp.close((r).pval, pval)) $$, 'test statistic and p-value');
SELECT is_empty($$ SELECT dataset, measure, method, test, (r).tau2, tau2 FROM joined WHERE NOT pg_temp.close((r).tau2, tau2) $$, 'tau^2');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE NOT (pg_temp.close((r).i2, i2) AND pg_temp.close((r).h2, h2)) $$, 'I^2 and H^2');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE NOT (pg_temp.close((r).q, q) AND (r).q_df IS NOT DISTINCT FROM q_df AND pg_temp.close((r).q_pval, q_pval)) $$, 'Cochran''s Q, df and p-value');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE NOT (pg_temp.close((r).pi_low, pi_lb) AND pg_temp.close((r).pi_high, pi_ub)) $$, 'prediction interval (NULL for FE)');
SELECT is_empty($$ SELECT dataset, measure, method, test FROM joined WHERE (r).method IS DISTINCT FROM method $$, 'method reported');

-- Mantel-Haenszel
CREATE TEMP TABLE mh AS
SELECT dataset, measure, (SELECT meta_mh(o.a, o.b, o.c, o.d, m.measure) FROM escalc_ref x
                          JOIN LATERAL (SELECT x.x1::int AS a, (x.x2 - x.x1)::int AS b, x.x3::int AS c, (x.x4 - x.x3)::int AS d) o ON true
                          WHERE x.dataset = m.dataset AND x.measure = m.measure) AS r
FROM mh_ref m;
SELECT is_empty($$ SELECT m.dataset, m.measure FROM mh_ref m JOIN mh USING (dataset, measure)
                   WHERE (r).k IS DISTINCT FROM m.k OR NOT (pg_temp.close((r).estimate, m.estimate) AND pg_temp.close((r).se, m.se)) $$,
                'Mantel-Haenszel estimate and standard error');
SELECT is_empty($$ SELECT m.dataset, m.measure FROM mh_ref m JOIN mh USING (dataset, measure)
                   WHERE NOT (pg_temp.close((r).ci_low, m.ci_lb) AND pg_temp.close((r).ci_high, m.ci_ub)
                              AND pg_temp.close((r).stat, m.stat) AND pg_temp.close((r).pval, m.pval)) $$,
                'Mantel-Haenszel interval and test');
SELECT is_empty($$ SELECT m.dataset, m.measure FROM mh_ref m JOIN mh USING (dataset, measure)
                   WHERE NOT (pg_temp.close((r).q, m.q) AND pg_temp.close((r).q_pval, m.q_pval)
                              AND pg_temp.close((r).i2, m.i2) AND pg_temp.close((r).h2, m.h2)) $$,
                'Mantel-Haenszel heterogeneity');

-- the aggregates are parallel safe with the full set of support functions
SELECT is_empty($$ SELECT aggfnoid::regprocedure::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
                   JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
                   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'msc_registry'
                   WHERE a.aggcombinefn = 0 OR (a.aggtranstype = 'internal'::regtype AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0))
                      OR p.proparallel <> 's' $$,
                'every aggregate has combine, serialize and deserialize functions and is PARALLEL SAFE');
SELECT has_function('meta_analysis', ARRAY['double precision', 'double precision', 'text', 'text'], 'meta_analysis(yi, vi, method, test)');
SELECT has_function('meta_analysis', ARRAY['effect', 'text', 'text'], 'meta_analysis(effect, method, test)');
SELECT has_function('meta_mh', ARRAY['integer', 'integer', 'integer', 'integer', 'text'], 'meta_mh(a, b, c, d, measure)');

SELECT * FROM finish();
ROLLBACK;
