-- Registry, by hand: a trial entered without ctgov_import(), what is
-- derived for it, and where it shows in the analyses.
SET extra_float_digits = 0;
\set SHOW_CONTEXT never

-- ---------------------------------------------------------------
-- The condition category is derived when not given, kept when given
-- ---------------------------------------------------------------
INSERT INTO trial (trial_id, title, conditions) VALUES
  ('NCT09999911', 'Knee trial', '{Knee osteoarthritis}'),
  ('NCT09999912', 'Adipose MSCs for the painful knee', '{Osteoarthritis}'),
  ('NCT09999913', 'A trial', '{Gout}');
INSERT INTO trial (trial_id, title, conditions, condition_category) VALUES
  ('NCT09999914', 'Knee trial, filed under other', '{Knee osteoarthritis}', 'other');
SELECT trial_id, conditions, condition_category FROM trial ORDER BY trial_id;
-- conditions changed: a derived category follows them, a chosen one stays
UPDATE trial SET conditions = '{Hip osteoarthritis}' WHERE trial_id IN ('NCT09999911', 'NCT09999914');
-- set explicitly to NULL: derived again
UPDATE trial SET condition_category = NULL, conditions = '{Chronic low back pain}' WHERE trial_id = 'NCT09999913';
-- the category alone changed by hand: kept
UPDATE trial SET condition_category = 'tendinopathy' WHERE trial_id = 'NCT09999912';
SELECT trial_id, conditions, condition_category FROM trial ORDER BY trial_id;
DELETE FROM trial;

-- ---------------------------------------------------------------
-- A trial without registration, entered by hand (doc/registry.md)
-- ---------------------------------------------------------------
INSERT INTO trial (trial_id, title, conditions, phases, study_type, enrollment, start_date)
VALUES ('PMID:31234567', 'Smith 2019: adipose MSCs against saline in knee osteoarthritis',
        '{Knee osteoarthritis}', '{phase2}', 'interventional', 40, '2017-05');
INSERT INTO arm (trial_id, label, arm_type, is_msc, source, donor, manipulation, route, dose,
                 sae_affected, sae_at_risk, deaths, deaths_at_risk)
VALUES ('PMID:31234567', 'AD-MSC', 'experimental', true, 'adipose', 'autologous', 'culture_expanded',
        'intra-articular', '5 x 10^7 cells', 1, 20, 0, 20),
       ('PMID:31234567', 'Saline', 'placebo_comparator', false, NULL, NULL, NULL,
        'intra-articular', NULL, 0, 20, 0, 20);
INSERT INTO outcome (arm_id, instrument, week, kind, n, mean, sd, sd_source)
SELECT a.arm_id, 'vas', o.week, 'value', o.n, o.mean, o.sd, 'reported'
FROM arm a
JOIN (VALUES ('AD-MSC', 0, 20, 68.0, 12.0), ('AD-MSC', 26, 19, 41.0, 15.0),
             ('Saline', 0, 20, 66.0, 13.0), ('Saline', 26, 18, 55.0, 16.0)) AS o(arm, week, n, mean, sd)
  ON o.arm = a.label
WHERE a.trial_id = 'PMID:31234567';
INSERT INTO adverse_event (arm_id, term, organ_system, serious, grade, relatedness, n_affected, n_at_risk)
SELECT arm_id, 'Knee effusion', 'Musculoskeletal disorders', false, 1, 'possible', 3, 20
FROM arm WHERE trial_id = 'PMID:31234567' AND label = 'AD-MSC';
SELECT trial_id, registry(trial_id), url(trial_id), condition_category FROM trial;
SELECT instrument, week, kind, trials, trial_ids_text, n_msc, n_control, round(smd::numeric, 2) AS smd,
       round(md::numeric, 1) AS md
FROM pooled_effect WHERE condition = 'knee_oa' ORDER BY instrument, week, kind;
SELECT condition, route, is_msc, term, affected, at_risk FROM safety_by_route;
SELECT condition, route, is_msc, sae_affected, sae_at_risk FROM safety_totals_by_route ORDER BY is_msc;

-- ---------------------------------------------------------------
-- A change derived from baseline and follow-up
-- ---------------------------------------------------------------
-- without an assumed correlation: the mean change, and no SD
SELECT arm, week, kind, n, mean, sd, origin, preferred, sd_source
FROM arm_pain_summary WHERE kind = 'change' ORDER BY arm;
SELECT trial_id, instrument, week, kind, stage, reason FROM pooling_exclusion ORDER BY trial_id, stage;
-- with one
SET msc_registry.change_correlation = 0.5;
SELECT arm, week, kind, n, mean, round(sd::numeric, 2) AS sd, origin, preferred, sd_source
FROM arm_pain_summary WHERE kind = 'change' ORDER BY arm;
SELECT instrument, week, kind, trials, n_msc, n_control, round(smd::numeric, 2) AS smd, round(md::numeric, 1) AS md
FROM pooled_effect WHERE condition = 'knee_oa' ORDER BY instrument, week, kind;
-- sd_change(12, 15, 0.5) for the MSC arm, the same by hand:
SELECT round(sqrt(12^2 + 15^2 - 2 * 0.5 * 12 * 15)::numeric, 2) AS sd_msc_by_hand;
-- a change the report gives is used as given, not derived
SELECT count(*) FILTER (WHERE origin = 'derived') AS derived FROM arm_pain_summary
WHERE arm_id IN (SELECT arm_id FROM arm WHERE trial_id = 'PMID:31234567');
SET msc_registry.change_correlation = 'strong';
SELECT arm, sd FROM arm_pain_summary WHERE kind = 'change';
SET msc_registry.change_correlation = 1.5;
SELECT arm, sd FROM arm_pain_summary WHERE kind = 'change';
RESET msc_registry.change_correlation;
SELECT change_correlation() IS NULL AS unset;

-- ---------------------------------------------------------------
-- What is left out of pooling, and why
-- ---------------------------------------------------------------
INSERT INTO trial (trial_id, title, conditions) VALUES
  ('LOCAL-JONES2020', 'Jones 2020: umbilical cord MSCs in knee osteoarthritis, single arm', '{Knee osteoarthritis}'),
  ('LOCAL-LEE2021', 'Lee 2021: bone marrow MSCs in knee osteoarthritis', '{Knee osteoarthritis}'),
  ('LOCAL-PARK2022', 'Park 2022: knee osteoarthritis, arms not yet entered', '{Knee osteoarthritis}');
INSERT INTO arm (trial_id, label, arm_type, is_msc, source, route) VALUES
  ('LOCAL-JONES2020', 'UC-MSC', 'experimental', true, 'umbilical_cord', 'intra-articular'),
  ('LOCAL-LEE2021', 'BM-MSC', 'experimental', true, 'bone_marrow', 'intra-articular'),
  ('LOCAL-LEE2021', 'Hyaluronic acid', 'active_comparator', false, NULL, NULL);
INSERT INTO outcome (arm_id, instrument, week, kind, n, mean, sd, sd_source)
SELECT a.arm_id, 'vas', 26, 'value', o.n, o.mean, o.sd, CASE WHEN o.sd IS NOT NULL THEN 'reported' END
FROM arm a
JOIN (VALUES ('UC-MSC', 15, 40.0, 14.0), ('BM-MSC', 25, 45.0, NULL), ('Hyaluronic acid', 25, 50.0, 18.0)) AS o(arm, n, mean, sd)
  ON o.arm = a.label;
SELECT trial_id, stage, arm, instrument, week, kind, reason
FROM pooling_exclusion WHERE condition = 'knee_oa' ORDER BY trial_id, stage, arm;
SELECT * FROM pooling_flow;

-- ---------------------------------------------------------------
-- A ClinicalTrials.gov record from a file, read by psql (no superuser)
-- ---------------------------------------------------------------
\set rec `cat test/fixtures/ctgov_synthetic_study.json`
SELECT ctgov_import(:'rec');
SELECT trial_id, stage, count(*) FROM pooling_exclusion WHERE trial_id = 'NCT09999901' GROUP BY 1, 2 ORDER BY 2;
SELECT * FROM pooling_flow;

-- ---------------------------------------------------------------
-- Exports: Q, its p-value, the prediction interval, exact zeros at the
-- boundary, trial ids as text
-- ---------------------------------------------------------------
\x on
SELECT * FROM pooled_effect WHERE instrument = 'womac_pain' AND week = 26 AND kind = 'change';
\x off
-- REML stops at the boundary: tau^2 and I^2 are exactly 0 (they were
-- 1.2e-16 and 4.9e-14; metafor gives 1.3e-16)
SELECT (m).tau2 = 0 AS tau2_zero, (m).i2 = 0 AS i2_zero, (m).h2 = 1 AS h2_one
FROM (SELECT meta_analysis(y, v) AS m
      FROM (VALUES (-0.301, 0.264), (0.851, 0.637), (0.172, 0.073)) AS d(y, v)) x;

DELETE FROM trial;
