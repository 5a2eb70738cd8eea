-- msc_registry demo: a few example rows (invented for illustration, not
-- real trials) showing the typed columns at work.
\pset null '(null)'
\echo '== CREATE EXTENSION msc_registry'
CREATE EXTENSION msc_registry;

\echo '== an arms table with typed columns; baseline and week-26 pain on the VAS only'
CREATE TABLE example_arm (
    trial        trial_id,
    arm          text,
    source       msc_source,
    donor        msc_donor,
    manipulation msc_manipulation,
    route        msc_route,
    dose         cell_dose,
    baseline     pain_score(vas),
    week26       pain_score(vas)
);
-- values typed the way registry records and papers write them
INSERT INTO example_arm VALUES
  ('nct 01234567', 'high dose', 'AD-MSC', 'autologous', 'culture_expanded',
   'intra-articular injection', '1x10^8 cells', 'VAS 68 mm', 'VAS 4.1 cm'),
  ('NCT01234567', 'low dose', 'adipose tissue-derived', 'autologous', 'culture_expanded',
   'IA', '10 million', 'vas:71', 'vas:52.5'),
  ('ISRCTN12345678', 'BMAC', 'BMAC', 'autologous', 'minimally_manipulated',
   'into the knee joint', '5e7', 'VAS 6.4 cm', 'VAS 40 mm'),
  ('ChiCTR2000012345', 'UC-MSC', 'WJ-MSC', 'allogeneic', 'culture_expanded',
   'i.v. infusion', '1.5 million cells/kg', 'vas:66', 'vas:47'),
  ('ACTRN12619000123456', 'disc', 'BM-MSC', 'allogeneic', 'culture_expanded',
   'into the disc', '6e6 cells', 'VAS 7.2 cm', 'vas:39.5');
SELECT * FROM example_arm;

\echo '== what the types know'
SELECT trial, registry(trial), url(trial) FROM example_arm WHERE arm IN ('high dose', 'BMAC', 'UC-MSC');
SELECT DISTINCT source, label(source), route, cdisc_term(route), nci_code(route), is_systemic(route)
FROM example_arm ORDER BY source, route;
SELECT arm, dose, cells(dose), per_kg(dose), total_cells(dose, 70) AS cells_for_70_kg FROM example_arm;
SELECT arm, baseline, week26, score(baseline) - score(week26) AS improvement_mm,
       round(severity(week26)::numeric, 1) AS severity_0_100,
       rescale(week26, 'nrs') AS on_nrs
FROM example_arm ORDER BY arm;

\echo '== the instrument catalogue'
SELECT name, min, max, higher_is_worse, unit, mcid, mcid_source FROM pain_instruments();

\echo '== identifiers found in free text'
SELECT trial_ids_in('Registered as NCT01234567; EudraCT 2012-001234-56 and CTIS 2023-503456-12-00.');

\echo '== arm-level results pooled: SMD of week-26 pain, MSC against control, by source (invented numbers)'
CREATE TABLE result (trial text, source msc_source, route msc_route,
                     n_msc int, mean_msc float8, sd_msc float8, n_ctl int, mean_ctl float8, sd_ctl float8);
INSERT INTO result VALUES
  ('A', 'AD-MSC', 'IA', 30, 32.5, 18.2, 28, 47.0, 19.6),
  ('B', 'SVF', 'IA', 24, 40.1, 21.0, 24, 44.3, 20.2),
  ('C', 'adipose', 'IA', 60, 35.0, 15.5, 58, 49.5, 17.1),
  ('D', 'BMAC', 'IA', 18, 41.0, 22.4, 17, 43.5, 19.9),
  ('E', 'BM-MSC', 'IA', 40, 38.2, 16.0, 41, 45.9, 18.3);
SELECT source, route, k, method, round(estimate::numeric, 3) AS smd,
       round(ci_low::numeric, 3) AS ci_low, round(ci_high::numeric, 3) AS ci_high,
       round(i2::numeric, 1) AS i2_pct
FROM (SELECT source, route, (meta_analysis(smd(n_msc, mean_msc, sd_msc, n_ctl, mean_ctl, sd_ctl), 'REML', 'knha')).*
      FROM result GROUP BY source, route) r
ORDER BY source, route;

\echo '== bad values are refused with a reason (errors below are expected)'
\set ON_ERROR_STOP off
INSERT INTO example_arm (trial, baseline) VALUES ('NCT1234567', 'vas:50');
INSERT INTO example_arm (baseline) VALUES ('nrs:7');
SELECT 'vas:101'::pain_score;
SELECT 'nrs:7.1234'::pain_score;
SELECT '5e7 mL'::cell_dose;
SELECT 'bone marow'::msc_source;
\set ON_ERROR_STOP on
\echo '== a synthetic demo registry: 44 fictional trials (scripts/demo_registry.sql)'
\i scripts/demo_registry.sql
SELECT condition_category, count(*) AS trials FROM trial GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT (SELECT count(*) FROM arm) AS arms, (SELECT count(*) FROM participant) AS participants,
       (SELECT count(*) FROM assessment) AS assessments, (SELECT count(*) FROM adverse_event) AS adverse_event_rows;
\set forest_svg build/demo_forest.svg
\i scripts/demo_report.sql

\echo '== demo done; the throw-away cluster is dropped now'
