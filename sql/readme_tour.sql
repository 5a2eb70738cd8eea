-- The SQL tour of README.md.  Every ```sql block of the README must appear
-- verbatim in expected/readme_tour.out (scripts/check_readme.pl checks it),
-- so the README's examples are run by the test suite.

-- msc_source
SELECT 'BM-MSC'::msc_source, 'adipose tissue-derived'::msc_source, 'hUC-MSC'::msc_source, label('WJ-MSC'::msc_source);
SELECT canonical, label, synonyms[1:4] FROM msc_sources() LIMIT 3;

-- msc_route
SELECT r, cdisc_term(r), nci_code(r), is_systemic(r)
FROM unnest('{"intra-articular injection","i.v. infusion","into the disc"}'::msc_route[]) r;

-- msc_donor, msc_manipulation
SELECT 'autologous'::msc_donor, 'minimally_manipulated'::msc_manipulation;

-- pain_score
SELECT 'NRS 7'::pain_score, '7/10 NRS'::pain_score, 'VAS 4.5 cm'::pain_score, 'ODI 38%'::pain_score;
SELECT s, instrument(s), score(s), severity(s), rescale('nrs:7.5', 'vas')
FROM unnest('{vas:45.5,koos_pain:75}'::pain_score[]) s;
CREATE TABLE visit (participant int, week int2, pain pain_score(nrs));
INSERT INTO visit VALUES (1, 0, 'nrs:7'), (1, 26, 'NRS 3/10');
INSERT INTO visit VALUES (2, 0, 'vas:70');
SELECT name, min, max, higher_is_worse, unit, mcid FROM pain_instruments() WHERE name IN ('nrs', 'vas', 'odi');

-- cell_dose
SELECT '5 x 10^7 cells'::cell_dose, '50 million'::cell_dose, '1.5e6 cells/kg'::cell_dose;
SELECT d, cells(d), per_kg(d), total_cells(d, 70)
FROM unnest('{1e8,"2 million cells/kg"}'::cell_dose[]) d;

-- trial_id
SELECT t, registry(t), url(t)
FROM unnest('{nct01234567,"EudraCT 2012-001234-56",ISRCTN12345678}'::trial_id[]) t;
SELECT trial_ids_in('Registered as NCT01234567 and 2023-503456-12-00 (EU CT).');

-- free-text classification
SELECT msc_sources_in(t) AS sources, msc_routes_in(t) AS routes, msc_donor_in(t) AS donor,
       msc_manipulation_in(t) AS manipulation, cell_dose_in(t) AS dose
FROM (VALUES ('Autologous adipose-derived mesenchymal stromal cells, 1x10^8 cells in 4 mL, single intra-articular injection'),
             ('Allogeneic umbilical cord MSCs (WJ-MSC) or autologous BMAC, 2 x 10^6 cells/kg IV'),
             ('Microfragmented adipose tissue (Lipogems) into the knee joint'),
             ('Placebo (saline)')) AS v(t);

-- errors
SELECT 'bone marow'::msc_source;
SELECT 'nrs:11'::pain_score;
SELECT '5e7 mL'::cell_dose;

-- effect sizes
SELECT (smd(30, 32.5, 18.2, 28, 47.0, 19.6)).*;
SELECT (log_rr(4, 30, 11, 29)).*, sd_change(20, 22, 0.5);
SELECT round((md(30, 32.5, 18.2, 28, 47.0, 19.6)).yi::numeric, 4) AS md,
       round((rom(30, 32.5, 18.2, 28, 47.0, 19.6)).yi::numeric, 4) AS log_rom,
       round((log_or(4, 26, 11, 18)).yi::numeric, 4) AS log_or,
       round((rd(4, 30, 11, 29)).yi::numeric, 4) AS rd,
       round(((score_summary(x)).mean)::numeric, 2) AS mean_of_float8
FROM (VALUES (1.5), (2.5)) v(x);

-- meta-analysis
CREATE TABLE knee_trial (trial text, source msc_source, n1 int, m1 float8, sd1 float8,
                         n2 int, m2 float8, sd2 float8);
INSERT INTO knee_trial VALUES
  ('A', 'adipose', 30, 32.5, 18.2, 28, 47.0, 19.6), ('B', 'adipose', 24, 40.1, 21.0, 24, 44.3, 20.2),
  ('C', 'adipose', 60, 35.0, 15.5, 58, 49.5, 17.1), ('D', 'bone_marrow', 18, 41.0, 22.4, 17, 43.5, 19.9),
  ('E', 'bone_marrow', 40, 38.2, 16.0, 41, 45.9, 18.3);
SELECT source, k, round(estimate::numeric, 3) AS smd, round(ci_low::numeric, 3) AS ci_low,
       round(ci_high::numeric, 3) AS ci_high, round(tau2::numeric, 4) AS tau2, round(i2::numeric, 1) AS i2
FROM (SELECT source, (meta_analysis(smd(n1, m1, sd1, n2, m2, sd2))).* FROM knee_trial GROUP BY source) r
ORDER BY source;
SELECT method, test, round(estimate::numeric, 4) AS estimate, round(se::numeric, 4) AS se,
       round(pval::numeric, 4) AS pval, round(pi_low::numeric, 3) AS pi_low, round(pi_high::numeric, 3) AS pi_high
FROM (VALUES ('FE'), ('DL'), ('REML'), ('PM')) m(name),
     LATERAL (SELECT (meta_analysis(smd(n1, m1, sd1, n2, m2, sd2), m.name, 'knha')).* FROM knee_trial) r;
SELECT k, method, round(exp(estimate)::numeric, 3) AS rr, round(exp(ci_low)::numeric, 3) AS ci_low,
       round(exp(ci_high)::numeric, 3) AS ci_high, round(pval::numeric, 4) AS pval, round(q::numeric, 3) AS q, q_df
FROM (SELECT (meta_mh(a, b, c, d, 'RR')).* FROM (VALUES (2, 28, 5, 25), (1, 39, 4, 36), (0, 20, 2, 18)) t(a, b, c, d)) r;

-- outcome statistics
CREATE TABLE pain_log (participant int, arm text, week int, score pain_score);
INSERT INTO pain_log VALUES
  (1, 'MSC', 0, 'nrs:8'), (1, 'MSC', 26, 'nrs:3'), (2, 'MSC', 0, 'nrs:6'), (2, 'MSC', 26, 'nrs:4'),
  (3, 'MSC', 0, 'nrs:7'), (3, 'MSC', 26, 'nrs:3.5'), (4, 'control', 0, 'nrs:7'), (4, 'control', 26, 'nrs:6'),
  (5, 'control', 0, 'nrs:8'), (5, 'control', 26, 'nrs:5'), (6, 'control', 0, 'nrs:6'), (6, 'control', 26, 'nrs:6');
SELECT arm, week, (score_summary(score)).* FROM pain_log GROUP BY arm, week ORDER BY arm DESC, week;
SELECT improvement('nrs:8', 'nrs:3'), pct_improvement('nrs:8', 'nrs:3'),
       is_responder('nrs:8', 'nrs:3', 50), mcid_reached('nrs:8', 'nrs:7');
SELECT b.arm, (change_summary(b.score, f.score)).*
FROM pain_log b JOIN pain_log f USING (participant)
WHERE b.week = 0 AND f.week = 26 GROUP BY b.arm ORDER BY b.arm DESC;
SELECT (wilson_ci(12, 40)).*;
SELECT (proportion_ci(is_responder(b.score, f.score))).*
FROM pain_log b JOIN pain_log f USING (participant) WHERE b.week = 0 AND f.week = 26;
SELECT spid(h, s, 'rect') AS spid_rect, spid(h, s) AS spid_trapezoid, pain_auc(h, s)
FROM (VALUES (0, 'nrs:8'::pain_score), (0.5, 'nrs:7'), (1, 'nrs:5'), (2, 'nrs:3'), (3, 'nrs:1'),
             (4, 'nrs:4'), (6, 'nrs:5'), (8, 'nrs:5')) AS t(h, s);

SELECT oarsi_responder('womac_pain:12', 'womac_pain:5', 'womac_function:40', 'womac_function:35',
                       'patient_global:70', 'patient_global:60') AS high_pain_improvement,
       oarsi_responder('womac_pain:12', 'womac_pain:9', 'womac_function:40', 'womac_function:32',
                       'patient_global:70', 'patient_global:55') AS two_of_three;
SELECT totpar(h, r, 'rect') AS totpar_rect, totpar(h, r) AS totpar_trapezoid
FROM (VALUES (0, 'pain_relief:0'::pain_score), (0.5, 'pain_relief:1'), (1, 'pain_relief:2'), (2, 'pain_relief:3'),
             (3, 'pain_relief:3'), (4, 'pain_relief:3'), (6, 'pain_relief:2'), (8, 'pain_relief:1')) AS t(h, r);

-- forest plot (the SVG itself is checked in forest_plot.sql; here it is run)
\o /dev/null
\i doc/forest_plot_example.sql
\o
