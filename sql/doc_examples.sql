-- The examples of doc/pain_score.md, doc/cell_dose.md and doc/outcomes.md
-- that no other regression test runs: each "-- doc:" line starts the
-- statements of one ```sql block of that page, and the block is this
-- file's expected output up to the next "-- doc:" or "-- setup" line
-- (scripts/check_readme.pl checks that every block is found here).

-- doc: pain_score.md input
SELECT 'NRS 7'::pain_score, '7/10 NRS'::pain_score, 'VAS 4.5 cm'::pain_score, 'ODI 38%'::pain_score, 'WOMAC pain 12'::pain_score;
-- doc: pain_score.md catalogue
SELECT name, label, min, max, higher_is_worse AS worse, unit, mcid FROM pain_instruments() LIMIT 5;
-- doc: pain_score.md errors
SELECT 'NRS 7 mm'::pain_score;
SELECT 'nrs:11'::pain_score;
-- doc: pain_score.md constructor
SELECT pain_score('vas', 45.125), pain_score('Oswestry', 38);
SELECT pain_score('nrs', 7.1234);
-- doc: pain_score.md functions
SELECT s, instrument(s), score(s), severity(s) FROM unnest('{nrs:7,vas:45.5,koos_pain:75,womac_function:17}'::pain_score[]) s;
-- doc: pain_score.md rescale
SELECT rescale('nrs:7.5', 'vas'), rescale('vas:45', 'nrs');
SELECT rescale('vas:45.555', 'nrs');
SELECT rescale('odi:40', 'vas');
-- doc: pain_score.md typmod
CREATE TABLE visit (id int, pain pain_score(nrs));
INSERT INTO visit VALUES (1, 'NRS 7/10');
INSERT INTO visit VALUES (2, 'vas:45');
\d visit
-- setup
DROP TABLE visit;

-- doc: cell_dose.md input
SELECT '5 x 10^7 cells'::cell_dose AS a, '50 million'::cell_dose AS b, '1.5e6 cells/kg'::cell_dose AS c;
-- doc: cell_dose.md ambiguous
SELECT '5x10e7'::cell_dose;
-- doc: cell_dose.md range
SELECT '0'::cell_dose;
SELECT '5e16'::cell_dose;
-- doc: cell_dose.md accessors
SELECT cells('5e7'), per_kg('1.5e6 cells/kg'), is_per_kg('2 x 10^6/kg');
-- doc: cell_dose.md total_cells
SELECT total_cells('1.5e6 cells/kg', 70) AS per_kg_dose, total_cells('5e7', 70) AS absolute_dose;
SELECT total_cells('2e6 cells/kg', 0);
-- doc: cell_dose.md constructor
SELECT cell_dose(50000000), cell_dose(1.5e6, per_kg => true);
-- doc: cell_dose.md order
SELECT d FROM unnest('{2e6/kg, 1e8, 5e7, 1e6/kg}'::cell_dose[]) d ORDER BY d;

-- setup: the visits of doc/outcomes.md (participant 4 has no week 24)
CREATE TABLE visit (participant int, arm text, week int, score pain_score);
INSERT INTO visit VALUES
  (1, 'MSC', 0, 'nrs:8'), (1, 'MSC', 24, 'nrs:4'), (2, 'MSC', 0, 'nrs:7'), (2, 'MSC', 24, 'nrs:3'),
  (3, 'MSC', 0, 'nrs:6'), (3, 'MSC', 24, 'nrs:4.5'), (4, 'MSC', 0, 'nrs:5'),
  (5, 'placebo', 0, 'nrs:8'), (5, 'placebo', 24, 'nrs:5'), (6, 'placebo', 0, 'nrs:7'), (6, 'placebo', 24, 'nrs:6'),
  (7, 'placebo', 0, 'nrs:6'), (7, 'placebo', 24, 'nrs:5.5');
CREATE TABLE course (participant int, hours float8, pain pain_score, relief pain_score);
INSERT INTO course VALUES
  (1, 0, 'nrs:8', 'pain_relief:0'), (1, 0.5, 'nrs:7', 'pain_relief:1'), (1, 1, 'nrs:5', 'pain_relief:2'),
  (1, 2, 'nrs:3', 'pain_relief:3'), (1, 3, 'nrs:1', 'pain_relief:3'), (1, 4, 'nrs:4', 'pain_relief:3'),
  (1, 6, 'nrs:5', 'pain_relief:2'), (1, 8, 'nrs:5', 'pain_relief:1');
-- doc: outcomes.md score_summary
SELECT arm, week, (score_summary(score)).* FROM visit GROUP BY arm, week ORDER BY arm, week;
-- doc: outcomes.md mixed instruments
SELECT (score_summary(score)).* FROM (VALUES ('nrs:7'::pain_score), ('vas:40')) v(score);
SELECT (score_summary(severity(score))).* FROM (VALUES ('nrs:7'::pain_score), ('vas:40')) v(score);
-- doc: outcomes.md per participant
SELECT improvement('nrs:8', 'nrs:4'), pct_improvement('nrs:8', 'nrs:4'),
       improvement('koos_pain:40', 'koos_pain:70'), pct_improvement('koos_pain:40', 'koos_pain:70');
SELECT is_responder('nrs:10', 'nrs:7') AS "30%", is_responder('nrs:10', 'nrs:7', 50) AS "50%",
       is_responder('nrs:10', 'nrs:7', min_points => 2) AS "30% and 2 points",
       mcid_reached('nrs:7', 'nrs:5') AS nrs_mcid, mcid_reached('womac_pain:12', 'womac_pain:5') AS womac_pain_mcid;
SELECT oarsi_responder('womac_pain:10', 'womac_pain:8', 'womac_function:34', 'womac_function:34',
                       'patient_global:60', 'patient_global:48') AS two_moderate,
       oarsi_responder('nrs:3', 'nrs:1.5', 'womac_function:34', 'womac_function:34',
                       'patient_global:60', 'patient_global:60') AS pain_50pct_but_15_points;
SELECT improvement('nrs:7', 'vas:40');
-- doc: outcomes.md change_summary
SELECT b.arm, (change_summary(b.score, f.score)).*
FROM visit b JOIN visit f ON f.participant = b.participant AND f.week = 24
WHERE b.week = 0 GROUP BY b.arm ORDER BY b.arm;
-- doc: outcomes.md proportions
SELECT * FROM wilson_ci(12, 40);
SELECT * FROM wilson_ci(0, 10, 0.9);
SELECT b.arm, (proportion_ci(is_responder(b.score, f.score))).*
FROM visit b JOIN visit f ON f.participant = b.participant AND f.week = 24
WHERE b.week = 0 GROUP BY b.arm ORDER BY b.arm;
-- doc: outcomes.md time courses
SELECT participant, spid(hours, pain, 'rect') AS spid_rect, spid(hours, pain) AS spid,
       totpar(hours, relief, 'rect') AS totpar_rect, totpar(hours, relief) AS totpar,
       pain_auc(hours, pain) AS auc
FROM course GROUP BY participant;
SELECT participant, 100 * spid(hours, pain, 'rect')
         / ((array_agg(score(pain)::float8 ORDER BY hours))[1] * (max(hours) - min(hours))) AS pct_max_spid,
       pain_auc(hours, pain) / (max(hours) - min(hours)) AS time_weighted_mean
FROM course GROUP BY participant;
-- setup
DROP TABLE visit, course;
