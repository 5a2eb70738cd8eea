-- Single-arm and rare-event statistics: behaviour, edge cases and errors.
-- Every number is checked against metafor 3.8-1 in test/core
-- (test_stat_prop.c, fixtures from test/r/prop_refs.R); here they are shown
-- rounded, and the doc examples of doc/single_arm.md are run verbatim.
\set SHOW_CONTEXT never
CREATE TABLE pritz (study int, xi int, ni int);
INSERT INTO pritz VALUES (1, 16, 17), (2, 10, 12), (3, 4, 8), (4, 43, 58), (5, 10, 10), (6, 25, 42),
  (7, 13, 14), (8, 12, 12), (9, 22, 41), (10, 4, 5), (11, 5, 6), (12, 18, 23), (13, 58, 68), (14, 6, 10);

-- 1. proportions
SELECT m, round((prop(3, 10, m)).yi::numeric, 12) AS yi, round((prop(3, 10, m)).vi::numeric, 12) AS vi
FROM unnest(ARRAY['PR', 'PLO', 'PAS', 'PFT']) m;
-- an all-event and a zero-event arm: PR and PLO add 1/2 to events and non-events, PAS and PFT nothing
SELECT m, round((prop(10, 10, m)).yi::numeric, 12) AS all_yi, round((prop(0, 10, m)).yi::numeric, 12) AS zero_yi,
       round((prop(0, 10, m)).vi::numeric, 12) AS zero_vi
FROM unnest(ARRAY['PR', 'PLO', 'PAS', 'PFT']) m;
SELECT (prop(3, 10)).* AS default_is_logit;
SELECT round(r.prop::numeric, 10) AS prop, round(r.prop_ci_low::numeric, 10) AS ci_low,
       round(r.prop_ci_high::numeric, 10) AS ci_high, round(r.prop_pi_low::numeric, 10) AS pi_low,
       round(r.prop_pi_high::numeric, 10) AS pi_high, r.k, r.measure, r.method
FROM (SELECT (meta_prop(xi, ni)).* FROM pritz) r;
SELECT m, meth, round(r.prop::numeric, 10) AS prop, round(r.prop_ci_low::numeric, 10) AS ci_low,
       round(r.prop_ci_high::numeric, 10) AS ci_high, round(r.prop_pi_low::numeric, 10) AS pi_low,
       round(r.prop_pi_high::numeric, 10) AS pi_high, round(r.tau2::numeric, 10) AS tau2
FROM unnest(ARRAY['PR', 'PLO', 'PAS', 'PFT']) m, unnest(ARRAY['FE', 'DL']) meth,
     LATERAL (SELECT (meta_prop(xi, ni, m, meth, 'knha')).* FROM pritz) r ORDER BY 1, 2;
-- NULL rows are skipped; no rows give k = 0 and NULLs
SELECT (meta_prop(x, n)).k FROM (VALUES (3, 10), (NULL, 5), (4, NULL)) v(x, n);
SELECT r.k, r.method, r.estimate, r.prop FROM (SELECT (meta_prop(xi, ni)).* FROM pritz WHERE false) r;
-- bad input: 22023 naming the value (SQLSTATE and message of each statement)
CREATE FUNCTION err(q text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE || ': ' || SQLERRM; END $$;
SELECT q, err(q) FROM unnest(ARRAY[
  'SELECT prop(11, 10)', 'SELECT prop(-1, 10)', 'SELECT prop(0, 0)', 'SELECT prop(3, 10, ''PLN'')',
  'SELECT meta_prop(x, n) FROM (VALUES (3, 10), (12, 10)) v(x, n)',
  'SELECT meta_prop(x, n, ''PLO'', ''ML'') FROM (VALUES (3, 10)) v(x, n)',
  'SELECT meta_prop(xi, ni, CASE WHEN study = 3 THEN ''PFT'' ELSE ''PLO'' END) FROM pritz']) q;
SELECT prop(11, 10);

-- 2. change from baseline in one arm: follow-up minus baseline (negative = less pain)
SELECT round((mean_change(12, 68.5, 12.1, 41.2, 18.4, 0.5)).yi::numeric, 10) AS mc_yi,
       round((mean_change(12, 68.5, 12.1, 41.2, 18.4, 0.5)).vi::numeric, 10) AS mc_vi,
       round((smcr(12, 68.5, 12.1, 41.2, 0.5)).yi::numeric, 10) AS smcr_yi,
       round((smcr(12, 68.5, 12.1, 41.2, 0.5)).vi::numeric, 10) AS smcr_vi;
SELECT q, err(q) FROM unnest(ARRAY[
  'SELECT mean_change(12, 68.5, 12.1, 41.2, 18.4, 1.5)', 'SELECT mean_change(0, 68.5, 12.1, 41.2, 18.4, 0.5)',
  'SELECT mean_change(12, 68.5, -1, 41.2, 18.4, 0.5)', 'SELECT smcr(2, 68.5, 12.1, 41.2, 0.5)',
  'SELECT smcr(12, 68.5, 0, 41.2, 0.5)', 'SELECT smcr(12, 68.5, 12.1, 41.2, -2)',
  'SELECT mean_change(12, -1e308, 1, 1e308, 1, 0.5)']) q;
SELECT mean_change(12, 68.5, 12.1, 41.2, 18.4, NULL) IS NULL AS null_is_null;

-- 3. rare events: Peto's method and continuity corrections
CREATE TABLE ae (trial int, a int, b int, c int, d int);
INSERT INTO ae VALUES (1, 0, 15, 0, 14), (2, 2, 18, 1, 19), (3, 1, 11, 0, 12), (4, 0, 20, 2, 18),
  (5, 12, 0, 10, 0), (6, 3, 27, 5, 25);
SELECT k, method, round(estimate::numeric, 10) AS log_or, round(ci_low::numeric, 10) AS ci_low,
       round(ci_high::numeric, 10) AS ci_high, round(q::numeric, 10) AS q, q_df, round(i2::numeric, 8) AS i2, tau2
FROM (SELECT (meta_peto(a, b, c, d)).* FROM ae) r;
-- the default correction of log_or (1/2 to a table with a zero cell) and the options
SELECT trial, round((log_or(a, b, c, d)).yi::numeric, 10) AS default_yi,
       round((log_or(a, b, c, d, 0.5)).yi::numeric, 10) AS only0,
       round((log_or(a, b, c, d, 0.25, 'all')).yi::numeric, 10) AS all_quarter,
       log_or(a, b, c, d, 0.5, 'only0', true) IS NULL AS dropped00,
       round((rd(a, a + b, c, c + d, 0, 'none')).yi::numeric, 10) AS rd_none
FROM ae ORDER BY trial;
-- (without a correction the all-event table 5 has RR variance 0, so Q is infinite: below)
SELECT measure, t, drop00, round(estimate::numeric, 10) AS estimate, round(q::numeric, 10) AS q, q_df
FROM unnest(ARRAY['OR', 'RR']) measure, unnest(ARRAY['only0', 'all', 'if0all', 'none']) t,
     unnest(ARRAY[false, true]) drop00,
     LATERAL (SELECT (meta_mh(a, b, c, d, measure, 0.5, t, drop00)).* FROM ae) r
WHERE NOT (measure = 'RR' AND t = 'none' AND NOT drop00) ORDER BY 1, 2, 3;
-- with rma.mh's defaults (add 1/2, only0, drop00) the new form is meta_mh
SELECT (n).estimate = (o).estimate AND (n).se = (o).se AND (n).k = (o).k AND (n).q_df = (o).q_df
       AND abs((n).q - (o).q) < 1e-14 * (o).q AND abs((n).h2 - (o).h2) < 1e-14 * (o).h2 AS same
FROM (SELECT meta_mh(a, b, c, d, 'OR', 0.5, 'only0', true) AS n, meta_mh(a, b, c, d, 'OR') AS o FROM ae) r;
SELECT q, err(q) FROM unnest(ARRAY[
  'SELECT log_or(0, 10, 3, 7, 0.5, ''none'')', 'SELECT log_or(1, 10, 3, 7, -1)',
  'SELECT log_rr(5, 4, 3, 7, 0.5)', 'SELECT rd(1, 10, 3, 7, 0.5, ''sometimes'')',
  'SELECT meta_peto(a, b, c, d) FROM (VALUES (0, 10, 0, 12)) v(a, b, c, d)',
  'SELECT meta_peto(a, b, c, d) FROM (VALUES (1, 10, -1, 12)) v(a, b, c, d)',
  'SELECT meta_mh(a, b, c, d, ''RR'', 0.5, ''none'', false) FROM ae']) q;
SELECT (meta_peto(a, b, c, d)).k FROM (VALUES (1, 10, 2, 12), (NULL, 3, 4, 5)) v(a, b, c, d);
SELECT r.k, r.method, r.estimate FROM (SELECT (meta_peto(a, b, c, d)).* FROM ae WHERE false) r;

-- 4. medians, quartiles and ranges to mean and SD; SD from t or p; r from a change SD
SELECT round(mean::numeric, 10) AS mean, round(sd::numeric, 10) AS sd, method
FROM mean_sd_from_quartiles(18, 32, 47, 20);
SELECT round(mean::numeric, 10) AS mean, round(sd::numeric, 10) AS sd, method
FROM mean_sd_from_range(5, 32, 88, 20);
SELECT round(mean::numeric, 10) AS mean, round(sd::numeric, 10) AS sd, method
FROM mean_sd_from_fivenum(5, 18, 32, 47, 88, 20);
-- metafor's own worked example of conv.fivenum(method = "luo/wan/shi") (the same formulas), as printed
-- in metafor's rendered reference page docs/reference/conv.fivenum.html (github wviechtb/metafor,
-- commit 71ae8f5ac9befeacc6654ead1b03ff05c065d54d, metafor 5.1-12): n = 20, printed to 6 decimals
SELECT ex.case_no, round(r.mean::numeric, 6) AS mean, round(r.sd::numeric, 6) AS sd,
       round(r.mean::numeric, 6) = ex.mean AND round(r.sd::numeric, 6) = ex.sd AS as_printed
FROM (VALUES (1, 6.594468, 3.211576), (2, 6.719500, 4.787076), (3, 6.938841, 3.679435)) ex(case_no, mean, sd),
     LATERAL (SELECT * FROM mean_sd_from_range(2, 6, 14, 20) WHERE ex.case_no = 1
              UNION ALL SELECT * FROM mean_sd_from_quartiles(4, 6, 10, 20) WHERE ex.case_no = 2
              UNION ALL SELECT * FROM mean_sd_from_fivenum(2, 4, 6, 10, 14, 20) WHERE ex.case_no = 3) r
ORDER BY ex.case_no;
SELECT round(sd_from_t(2.1, 12, 15, -8.5)::numeric, 10) AS sd_t, round(sd_from_p(0.04, 12, 15, -8.5)::numeric, 10) AS sd_p,
       round(r_from_sd_change(20, 22, 21.071307505705477)::numeric, 10) AS r,
       round(sd_change(20, 22, r_from_sd_change(20, 22, 21.071307505705477))::numeric, 10) AS sd_change_again;
SELECT q, err(q) FROM unnest(ARRAY[
  'SELECT mean_sd_from_quartiles(20, 15, 30, 10)', 'SELECT mean_sd_from_range(9, 5, 3, 10)',
  'SELECT mean_sd_from_fivenum(0, 2, 4, 6, 5, 10)', 'SELECT mean_sd_from_range(1, 2, 3, 1)',
  'SELECT mean_sd_from_quartiles(1, 2, ''NaN'', 10)', 'SELECT sd_from_t(0, 10, 10, 5)',
  'SELECT sd_from_p(1, 10, 10, 5)', 'SELECT r_from_sd_change(3, 5, 9)', 'SELECT r_from_sd_change(0, 5, 5)']) q;

-- 5. intervals at another level; prediction-interval types; Q-profile CIs for tau^2, I^2, H^2
SELECT pi_type, round(ci_low::numeric, 10) AS ci_low, round(ci_high::numeric, 10) AS ci_high,
       round(pi_low::numeric, 10) AS pi_low, round(pi_high::numeric, 10) AS pi_high,
       round(tau2_ci_low::numeric, 10) AS tau2_lb, round(tau2_ci_high::numeric, 10) AS tau2_ub,
       round(i2_ci_low::numeric, 8) AS i2_lb, round(i2_ci_high::numeric, 8) AS i2_ub,
       round(h2_ci_low::numeric, 8) AS h2_lb, round(h2_ci_high::numeric, 8) AS h2_ub
FROM unnest(ARRAY['default', 'simple', 't', 'riley']) pt,
     LATERAL (SELECT (meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, 'DL', 'z', 90, pt)).* FROM pritz) r;
-- over effect: the same rows as over yi, vi (every column, NULLs included); NULL effects skipped
SELECT pt, meta_analysis(prop(xi, ni), 'DL', 'z', 90, pt) IS NOT DISTINCT FROM
           meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, 'DL', 'z', 90, pt) AS same_as_yi_vi
FROM unnest(ARRAY['default', 'simple', 't', 'riley']) pt, pritz GROUP BY pt ORDER BY pt;
SELECT m, meta_analysis(prop(xi, ni), m, 'knha', 80) IS NOT DISTINCT FROM
          meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, m, 'knha', 80) AS same_as_yi_vi,
       (meta_analysis(CASE WHEN study % 2 = 0 THEN prop(xi, ni) END, m, 'knha', 80)).k AS k_even
FROM unnest(ARRAY['FE', 'DL', 'REML', 'PM']) m, pritz GROUP BY m ORDER BY m;
-- level 95 and the default type give the four-argument meta_analysis
SELECT (a).estimate = (b).estimate AND (a).ci_low = (b).ci_low AND (a).ci_high = (b).ci_high
       AND (a).pi_low = (b).pi_low AND (a).pi_high = (b).pi_high AND (a).tau2 = (b).tau2 AS same
FROM (SELECT meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, 'REML', 'knha', 95) AS a,
             meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, 'REML', 'knha') AS b FROM pritz) r;
-- FE: no heterogeneity intervals, as confint(); one study: none either
SELECT method, k, tau2_ci_low, i2_ci_high, pi_low FROM (SELECT (meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, 'FE', 'z', 80)).* FROM pritz) r
UNION ALL SELECT method, k, tau2_ci_low, i2_ci_high, round(pi_low::numeric, 10) FROM (SELECT (meta_analysis(0.5, 0.1, 'DL', 'z', 80)).*) r;
SELECT round(ci_low::numeric, 10) AS peto_90_low, round(ci_high::numeric, 10) AS peto_90_high
FROM (SELECT (meta_peto(a, b, c, d, 90)).* FROM ae) r;
SELECT round(ci_low::numeric, 10) AS mh_99_low, round(ci_high::numeric, 10) AS mh_99_high
FROM (SELECT (meta_mh(a, b, c, d, 'RR', 99)).* FROM ae) r;
-- meta_prop at 80%: the back-transformed CI of the logit CI at 80%
SELECT round(p.prop_ci_low::numeric, 12) = round((1 / (1 + exp(-m.ci_low)))::numeric, 12) AS same_low,
       round(p.prop_ci_high::numeric, 12) = round((1 / (1 + exp(-m.ci_high)))::numeric, 12) AS same_high,
       round(p.prop_ci_low::numeric, 10) AS prop_ci_low_80, round(p.prop_ci_high::numeric, 10) AS prop_ci_high_80
FROM (SELECT (meta_prop(xi, ni, 'PLO', 'REML', 'z', 80)).* FROM pritz) p,
     (SELECT (meta_analysis((prop(xi, ni)).yi, (prop(xi, ni)).vi, 'REML', 'z', 80)).* FROM pritz) m;
SELECT q, err(q) FROM unnest(ARRAY[
  'SELECT meta_analysis(yi, vi, ''DL'', ''z'', 100) FROM (VALUES (0.1, 0.2)) v(yi, vi)',
  'SELECT meta_analysis(yi, vi, ''DL'', ''z'', 0) FROM (VALUES (0.1, 0.2)) v(yi, vi)',
  'SELECT meta_analysis(yi, vi, ''DL'', ''z'', 90, ''hksj'') FROM (VALUES (0.1, 0.2)) v(yi, vi)',
  'SELECT meta_peto(a, b, c, d, -5) FROM ae', 'SELECT meta_mh(a, b, c, d, ''OR'', 150) FROM ae',
  'SELECT meta_prop(xi, ni, ''PLO'', ''DL'', ''z'', ''NaN'') FROM pritz',
  'SELECT meta_analysis(yi, vi, ''DL'', ''z'', lv) FROM (VALUES (0.1, 0.2, 90), (0.3, 0.1, 95)) v(yi, vi, lv)',
  'SELECT meta_analysis(prop(xi, ni), ''DL'', ''z'', 100) FROM pritz',
  'SELECT meta_analysis(prop(xi, ni), ''DL'', ''z'', 90, ''hksj'') FROM pritz',
  'SELECT meta_analysis(prop(xi, ni), ''DL'', CASE WHEN study = 2 THEN ''knha'' ELSE ''z'' END, 90) FROM pritz']) q;

-- parallel plans: partial aggregates in two workers give the serial answer
CREATE TABLE many_arms AS
SELECT g AS grp, (g * 7 + i) % 13 AS x, 13 + (g + i) % 11 AS n,
       (g + i) % 3 AS a, 30 + i % 5 AS b, (g * i) % 4 AS c, 31 + g % 3 AS d
FROM generate_series(1, 100) g, generate_series(1, 500) i;
ANALYZE many_arms;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT meta_prop(x, n, 'PFT') FROM many_arms;
EXPLAIN (COSTS OFF) SELECT meta_analysis(prop(x, n), 'DL', 'z', 80) FROM many_arms;
CREATE TABLE parallel_run AS
SELECT 'plo' AS what, meta_prop(x, n) AS r FROM many_arms
UNION ALL SELECT 'pft' || (grp % 3), meta_prop(x, n, 'PFT', 'DL', 'knha') FROM many_arms GROUP BY grp % 3;
CREATE TABLE parallel_level AS
SELECT 'level' AS what, meta_analysis((prop(x, n)).yi, (prop(x, n)).vi, 'PM', 'knha', 90, 'riley') AS r FROM many_arms
UNION ALL SELECT 'effect' || (grp % 3), meta_analysis(prop(x, n), 'DL', 'z', 80) FROM many_arms GROUP BY grp % 3;
CREATE TABLE parallel_peto AS
SELECT 'peto' AS what, meta_peto(a, b, c, d, 80) AS r FROM many_arms
UNION ALL SELECT 'mh' || (grp % 3), meta_mh(a, b, c, d, 'RR', 0.25, 'if0all', false) FROM many_arms GROUP BY grp % 3;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_run AS
SELECT 'plo' AS what, meta_prop(x, n) AS r FROM many_arms
UNION ALL SELECT 'pft' || (grp % 3), meta_prop(x, n, 'PFT', 'DL', 'knha') FROM many_arms GROUP BY grp % 3;
CREATE TABLE serial_level AS
SELECT 'level' AS what, meta_analysis((prop(x, n)).yi, (prop(x, n)).vi, 'PM', 'knha', 90, 'riley') AS r FROM many_arms
UNION ALL SELECT 'effect' || (grp % 3), meta_analysis(prop(x, n), 'DL', 'z', 80) FROM many_arms GROUP BY grp % 3;
CREATE TABLE serial_peto AS
SELECT 'peto' AS what, meta_peto(a, b, c, d, 80) AS r FROM many_arms
UNION ALL SELECT 'mh' || (grp % 3), meta_mh(a, b, c, d, 'RR', 0.25, 'if0all', false) FROM many_arms GROUP BY grp % 3;
RESET max_parallel_workers_per_gather;
SELECT s.what, (s.r).k = (p.r).k AS same_k,
       abs((s.r).prop - (p.r).prop) <= 1e-12 * (s.r).prop AS same_prop,
       abs((s.r).se - (p.r).se) <= 1e-12 * (s.r).se AS same_se,
       abs((s.r).tau2 - (p.r).tau2) <= 1e-12 * (s.r).tau2 AS same_tau2
FROM serial_run s JOIN parallel_run p USING (what) ORDER BY 1;
SELECT s.what, (s.r).k = (p.r).k AS same_k,
       abs((s.r).estimate - (p.r).estimate) <= 1e-12 * greatest(abs((s.r).estimate), (s.r).se) AS same_estimate,
       abs((s.r).se - (p.r).se) <= 1e-12 * (s.r).se AS same_se,
       abs((s.r).q - (p.r).q) <= 1e-12 * (s.r).q AS same_q
FROM serial_peto s JOIN parallel_peto p USING (what) ORDER BY 1;
SELECT s.what, (s.r).k = (p.r).k AS same_k,
       abs((s.r).pi_low - (p.r).pi_low) <= 1e-12 * abs((s.r).pi_low) AS same_pi,
       abs((s.r).tau2_ci_high - (p.r).tau2_ci_high) <= 1e-12 * (s.r).tau2_ci_high AS same_tau2_ci
FROM serial_level s JOIN parallel_level p USING (what) ORDER BY 1;
DROP TABLE many_arms, parallel_run, serial_run, parallel_peto, serial_peto, parallel_level, serial_level;

-- doc/single_arm.md examples
SELECT measure, k, round(prop::numeric, 4) AS prop, round(prop_ci_low::numeric, 4) AS ci_low,
       round(prop_ci_high::numeric, 4) AS ci_high, round(prop_pi_low::numeric, 4) AS pi_low,
       round(prop_pi_high::numeric, 4) AS pi_high
FROM (SELECT (meta_prop(xi, ni, 'PFT')).* FROM pritz) r;
