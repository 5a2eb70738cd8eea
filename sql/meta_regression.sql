-- meta_regression, meta_predict and meta_subgroup against metafor 3.8-1
-- (numbers from test/fixtures/metafor_metareg.csv, all of which the core test
-- test/core/test_stat_metareg.c checks to 1e-9; here rounded to 6 places)
CREATE TABLE bcg (trial int, tpos int, tneg int, cpos int, cneg int, ablat float8, year float8, alloc text);
INSERT INTO bcg VALUES
 (1, 4, 119, 11, 128, 44, 1948, 'random'), (2, 6, 300, 29, 274, 55, 1949, 'random'),
 (3, 3, 228, 11, 209, 42, 1960, 'random'), (4, 62, 13536, 248, 12619, 52, 1977, 'random'),
 (5, 33, 5036, 47, 5761, 13, 1973, 'alternate'), (6, 180, 1361, 372, 1079, 44, 1953, 'alternate'),
 (7, 8, 2537, 10, 619, 19, 1973, 'random'), (8, 505, 87886, 499, 87892, 13, 1980, 'random'),
 (9, 29, 7470, 45, 7232, 27, 1968, 'random'), (10, 17, 1699, 65, 1600, 42, 1961, 'systematic'),
 (11, 186, 50448, 141, 27197, 18, 1974, 'systematic'), (12, 5, 2493, 3, 2338, 33, 1969, 'systematic'),
 (13, 27, 16886, 29, 17825, 33, 1976, 'systematic');
CREATE VIEW bcg_rr AS
SELECT trial, ablat, year, alloc, log_rr(tpos, tpos + tneg, cpos, cpos + cneg) AS rr FROM bcg;
CREATE FUNCTION r6(float8[]) RETURNS numeric[] LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_agg(round(v::numeric, 6) ORDER BY o) FROM unnest($1) WITH ORDINALITY AS u(v, o) $$;

-- metafor: rma(yi, vi, mods = ~ ablat, data = dat.bcg) (REML, z):
-- intercept 0.251468, ablat -0.029102, QM 16.358232, tau2 0.076348, R2 75.6266
SELECT k, p, method, test, r6(coef) AS coef, r6(se) AS se, r6(pval) AS pval,
       round(qm::numeric, 6) AS qm, qm_df, round(qm_pval::numeric, 9) AS qm_pval,
       round(qe::numeric, 6) AS qe, qe_df, round(tau2::numeric, 6) AS tau2,
       round(i2::numeric, 4) AS i2, round(h2::numeric, 4) AS h2, round(r2::numeric, 4) AS r2
FROM (SELECT (meta_regression(rr, ARRAY[ablat])).* FROM bcg_rr) r;
-- every method and test, two moderators
SELECT m, t, r6((r).coef) AS coef, round((r).qm::numeric, 6) AS qm, (r).qm_df, (r).qm_df2,
       round((r).qm_pval::numeric, 6) AS qm_pval, round((r).tau2::numeric, 6) AS tau2, round((r).r2::numeric, 4) AS r2
FROM (VALUES ('FE'), ('DL'), ('REML'), ('PM')) AS ms(m), (VALUES ('z'), ('knha')) AS ts(t),
     LATERAL (SELECT meta_regression((rr).yi, (rr).vi, ARRAY[ablat, year], m, t) AS r FROM bcg_rr) f
ORDER BY m, t;
-- a factor as dummies built in the query
SELECT r6(coef) AS coef, round(qm::numeric, 6) AS qm, qm_df
FROM (SELECT (meta_regression(rr, ARRAY[(alloc = 'random')::int, (alloc = 'systematic')::int], 'DL')).* FROM bcg_rr) r;
-- redundant moderators are dropped as metafor drops them, with a NOTICE
SELECT p, r6(coef) AS coef, r6(se) AS se FROM (SELECT (meta_regression(rr, ARRAY[ablat, 2 * ablat])).* FROM bcg_rr) r;
SELECT p, r6(coef) AS coef FROM (SELECT (meta_regression(rr, ARRAY[3, ablat])).* FROM bcg_rr) r;
-- no moderators: the intercept-only model is meta_analysis
SELECT round((r).coef[1]::numeric, 9) = round((m).estimate::numeric, 9) AS same_estimate,
       round((r).tau2::numeric, 9) = round((m).tau2::numeric, 9) AS same_tau2, (r).r2 IS NULL AS no_r2
FROM (SELECT meta_regression(rr, '{}'::float8[]) AS r, meta_analysis(rr) AS m FROM bcg_rr) x;

-- predict.rma(rma(yi, vi, mods = ~ ablat), newmods = 30): -0.621584 [-0.831151, -0.412016], PI [-1.202278, -0.040889]
SELECT round(pred::numeric, 6) AS pred, round(se::numeric, 6) AS se,
       round(ci_low::numeric, 6) AS ci_low, round(ci_high::numeric, 6) AS ci_high,
       round(pi_low::numeric, 6) AS pi_low, round(pi_high::numeric, 6) AS pi_high
FROM meta_predict((SELECT meta_regression(rr, ARRAY[ablat]) FROM bcg_rr), ARRAY[30]);
SELECT pi_low IS NULL AS fe_has_no_pi
FROM meta_predict((SELECT meta_regression(rr, ARRAY[ablat], 'FE') FROM bcg_rr), ARRAY[30]);

-- a fictional knee osteoarthritis set: pain SMD by MSC source and dose
CREATE TABLE knee (study int, yi float8, vi float8, source text, dose cell_dose);
INSERT INTO knee VALUES
 (1, -0.82, 0.061, 'adipose', '5e7'), (2, -0.41, 0.045, 'bone_marrow', '2.5e7'),
 (3, -1.10, 0.120, 'adipose', '1e8'), (4, -0.25, 0.038, 'umbilical', '1e7'),
 (5, -0.66, 0.074, 'bone_marrow', '5e7'), (6, -0.95, 0.090, 'adipose', '1e8'),
 (7, -0.12, 0.052, 'umbilical', '1e7'), (8, -0.58, 0.066, 'bone_marrow', '4e7'),
 (9, -0.33, 0.041, 'umbilical', '2e7'), (10, -1.25, 0.150, 'adipose', '2e8'),
 (11, -0.70, 0.080, 'bone_marrow', '5e7'), (12, -0.18, 0.048, 'umbilical', '1.5e7');
SELECT r6(coef) AS coef, r6(pval) AS pval, round(qm::numeric, 6) AS qm, qm_df, qm_df2,
       round(qm_pval::numeric, 6) AS qm_pval, round(tau2::numeric, 6) AS tau2, round(r2::numeric, 4) AS r2
FROM (SELECT (meta_regression(yi, vi, ARRAY[log10(total_cells(dose, 70)), (source = 'adipose')::int], 'REML', 'knha')).*
      FROM knee) r;
SELECT method, tau2_mode, groups, k, r6(estimate) AS estimate, r6(se) AS se, r6(tau2) AS tau2,
       round(q_between::numeric, 6) AS q_between, df, round(pval::numeric, 6) AS pval
FROM (SELECT (meta_subgroup(yi, vi, source)).* FROM knee) s;
SELECT method, tau2_mode, groups, r6(estimate) AS estimate, r6(ci_low) AS ci_low, r6(i2) AS i2,
       round(q_between::numeric, 6) AS q_between, df, round(pval::numeric, 6) AS pval
FROM (SELECT (meta_subgroup(yi, vi, source, 'DL', 'common')).* FROM knee) s;
SELECT groups, k, round(q_between::numeric, 6) AS q_between, df, round(pval::numeric, 6) AS pval
FROM (SELECT (meta_subgroup((rr).yi, (rr).vi, alloc, 'REML', 'separate')).* FROM bcg_rr) s;

-- NULLs are skipped; no study gives k = 0 and NULLs
SELECT k, p, (SELECT array_agg(round(c::numeric, 12)) FROM unnest(coef) c) AS coef FROM (SELECT (meta_regression(yi, vi, x)).*
  FROM (VALUES (0.1::float8, 0.01::float8, ARRAY[1::float8]), (NULL, 0.02, ARRAY[2]), (0.2, 0.02, NULL),
               (0.3, 0.02, ARRAY[NULL::float8]), (0.4, 0.03, ARRAY[3]), (0.2, 0.02, ARRAY[5])) v(yi, vi, x)) r;
SELECT k, method, coef FROM (SELECT (meta_regression(yi, vi, ARRAY[yi])).* FROM bcg_rr, LATERAL (SELECT (rr).yi, (rr).vi) e WHERE false) r;
SELECT groups, k FROM (SELECT (meta_subgroup(yi, vi, g)).* FROM (VALUES (0.1::float8, 0.01::float8, 'a'), (0.2, 0.02, NULL), (0.3, 0.02, 'b')) v(yi, vi, g)) s;

-- bad input: 22023 naming the value
\set VERBOSITY default
SELECT meta_regression(yi, vi, ARRAY[1]) FROM (VALUES (0.1::float8, 0::float8)) v(yi, vi);
SELECT meta_regression(0.1, 0.01, ARRAY['Infinity'::float8]);
SELECT meta_regression(yi, vi, x) FROM (VALUES (0.1::float8, 0.01::float8, ARRAY[1::float8]), (0.2, 0.02, ARRAY[1, 2])) v(yi, vi, x);
SELECT meta_regression(0.1, 0.01, ARRAY[[1, 2], [3, 4]]::float8[]);
SELECT meta_regression(rr, ARRAY[ablat], 'ML') FROM bcg_rr;
SELECT meta_regression(rr, ARRAY[ablat], 'REML', 'satterthwaite') FROM bcg_rr;
SELECT meta_subgroup(yi, vi, 'a', 'DL', 'pooled') FROM (VALUES (0.1::float8, 0.01::float8)) v(yi, vi);
SELECT meta_regression(yi, vi, ARRAY[x]) FROM (VALUES (0.1::float8, 0.01::float8, 1::float8), (0.3, 0.02, 2)) v(yi, vi, x);
-- metafor: "Model matrix not of full rank" (an eigenvalue of X'X below 1e-7)
SELECT meta_regression(rr, ARRAY[ablat * 1e-6]) FROM bcg_rr;
SELECT meta_regression(rr, ARRAY[ablat], method) FROM bcg_rr, (VALUES ('DL'), ('PM')) m(method);
SELECT meta_predict((SELECT meta_regression(rr, ARRAY[ablat]) FROM bcg_rr), ARRAY[30, 1]);
\set VERBOSITY terse

-- parallel plans: partial states from two workers give the serial answer
CREATE TABLE many_studies AS
SELECT g AS grp, i, (sin(g * 7 + i) * 0.8 + 0.01 * (i % 11))::float8 AS yi, (0.01 + (i % 7) * 0.02)::float8 AS vi,
       (i % 11)::float8 AS x1, ((g * i) % 5)::float8 AS x2, 'g' || (i % 4) AS sg
FROM generate_series(1, 100) g, generate_series(1, 500) i;
ANALYZE many_studies;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT meta_regression(yi, vi, ARRAY[x1, x2], 'REML', 'knha') FROM many_studies;
EXPLAIN (COSTS OFF) SELECT meta_subgroup(yi, vi, sg, 'DL', 'common') FROM many_studies;
CREATE TABLE parallel_run AS
SELECT meta_regression(yi, vi, ARRAY[x1, x2], 'REML', 'knha') AS r,
       meta_regression((yi, vi)::effect, ARRAY[x1], 'PM') AS r2,
       meta_subgroup(yi, vi, sg, 'DL', 'common') AS s, meta_subgroup(yi, vi, sg) AS s2 FROM many_studies;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_run AS
SELECT meta_regression(yi, vi, ARRAY[x1, x2], 'REML', 'knha') AS r,
       meta_regression((yi, vi)::effect, ARRAY[x1], 'PM') AS r2,
       meta_subgroup(yi, vi, sg, 'DL', 'common') AS s, meta_subgroup(yi, vi, sg) AS s2 FROM many_studies;
RESET max_parallel_workers_per_gather;
-- the same studies in another order: equal to 1e-10 relative
CREATE FUNCTION close(a float8[], b float8[]) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS $$ SELECT bool_and(abs(x - y) <= 1e-10 * greatest(abs(x), abs(y), 1e-300)) FROM unnest(a, b) AS u(x, y) $$;
SELECT (s.r).k = (p.r).k AS same_k,
       (SELECT bool_and(abs(c1 - c2) <= 1e-10 * greatest(abs(c1), se))
        FROM unnest((s.r).coef, (p.r).coef, (s.r).se) AS u(c1, c2, se)) AS same_coef, close((s.r).se, (p.r).se) AS same_se,
       close(ARRAY[(s.r).qm, (s.r).qe, (s.r).tau2, (s.r).r2], ARRAY[(p.r).qm, (p.r).qe, (p.r).tau2, (p.r).r2]) AS same_tests,
       (SELECT bool_and(abs(c1 - c2) <= 1e-10 * greatest(abs(c1), se))   -- (a coefficient near 0: on the scale of its se)
        FROM unnest((s.r2).coef, (p.r2).coef, (s.r2).se) AS u(c1, c2, se)) AND close(ARRAY[(s.r2).tau2], ARRAY[(p.r2).tau2]) AS same_effect_pm,
       (s.s).groups = (p.s).groups AND (s.s).k = (p.s).k AND close((s.s).estimate, (p.s).estimate)
         AND close(ARRAY[(s.s).q_between], ARRAY[(p.s).q_between]) AS same_subgroups,
       close((s.s2).estimate, (p.s2).estimate) AND close((s.s2).tau2, (p.s2).tau2)
         AND close(ARRAY[(s.s2).q_between], ARRAY[(p.s2).q_between]) AS same_separate
FROM serial_run s, parallel_run p;
DROP TABLE many_studies, parallel_run, serial_run, knee;
DROP FUNCTION close(float8[], float8[]);
DROP VIEW bcg_rr;
DROP TABLE bcg;
DROP FUNCTION r6(float8[]);
