-- Registry: text readers, ctgov_import(), tables, keys and checks, views.
-- The import parts need the classifiers (msc_sources_in, msc_routes_in,
-- msc_donor_in, msc_manipulation_in, cell_dose_in).
SET extra_float_digits = 0;
\set SHOW_CONTEXT never

-- try_exec() runs a statement and reports (state, message), as try_sql()
-- does for expressions.
CREATE FUNCTION try_exec(stmt text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stmt;
  state := '00000';
  message := 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END $$;

-- ---------------------------------------------------------------
-- Condition categories
-- ---------------------------------------------------------------
SELECT c AS condition, condition_categories(c)
FROM unnest(ARRAY['Knee Osteoarthritis', 'Osteoarthritis, Knee', 'Gonarthrosis', 'Osteoarthritis, Hip',
                  'Coxarthrosis', 'Osteoarthritis', 'Degenerative Disc Disease', 'Chronic Low Back Pain',
                  'Intervertebral Disc Degeneration', 'Discogenic Pain', 'Rotator Cuff Tear',
                  'Lateral Epicondylitis', 'Achilles Tendinopathy', 'Anterior Cruciate Ligament Injury',
                  'Diabetic Neuropathic Pain', 'Trigeminal Neuralgia', 'Complex Regional Pain Syndrome',
                  'Rheumatoid Arthritis', 'Spinal Cord Injuries', 'Multiple Sclerosis', 'Sjögren''s Syndrome',
                  'Sjogren Syndrome', 'Osteoarthritis of the knee and hip', 'Lumbar Radiculopathy',
                  'Non Arteritic Ischemic Optic Neuropathy', 'Diabetic Neuropathic Ulcer', 'Diabetic Peripheral Neuropathy',
                  'Atopic Dermatitis', 'Knee Injuries']) AS c;
SELECT condition_category(ARRAY['Osteoarthritis', 'Knee Osteoarthritis']) AS first_decisive,
       condition_category(ARRAY['Osteoarthritis']) AS undecided,
       condition_category(ARRAY['Osteoarthritis of the knee and hip', 'Hip OA']) AS ambiguous_then_hip,
       condition_category(ARRAY['Osteoarthritis', 'MSC for osteoarthritis of the knee']) AS title_decides,
       condition_category(ARRAY['Degenerative Osteoarthritis', 'CARTISTEM for knee cartilage defects']) AS together,
       condition_category('{}') AS none;

-- ---------------------------------------------------------------
-- Timepoints in weeks
-- ---------------------------------------------------------------
SELECT t AS time_frame, timepoint_weeks(t)
FROM unnest(ARRAY['6 months', '12 weeks', 'Week 16', 'Day 7', 'Day 1', '1 year', 'one year', 'Two years',
                  '2 year/end of study', '2-year', 'at 6-month follow-up', '48 hours', 'M6', 'W12',
                  'Baseline', 'Baseline to Week 16', 'baseline, 3 and 6 months', 'Weeks 4, 8 and 12',
                  'Week 4 and 6 months', 'Day 1 to Day 7', '3 to 6 months', 'Week 0, Week 2, Week 4',
                  'Pre-injection and 6 months post-injection', 'up to 24 months', 'twenty-four weeks',
                  'Visit 3', '30 minutes', 'end of study', '']) AS t;

-- ---------------------------------------------------------------
-- Score ranges a text states
-- ---------------------------------------------------------------
SELECT t AS text, scale_maxima(t)
FROM unnest(ARRAY['VAS 0-10', 'scale from 0 (no pain) to 10 (worst imaginable pain)', '0 to 100 mm',
                  'range 0–20', 'from 0 to 68', '0 = no pain and 10 = worst pain', '100 mm VAS',
                  'a 10 cm line', '100-mm line', '0% to 100%', 'total 0-96; pain 0-20, stiffness 0-8',
                  '0-6 months', '0 to 12 weeks', '10-20', '2.0-3.0', 'scale 0-10.5', '10 mm', '']) AS t;

-- ---------------------------------------------------------------
-- Instruments named by outcome titles and units
-- ---------------------------------------------------------------
SELECT title, unit, (pain_instrument_match(title, unit)).*
FROM (VALUES
    ('Visual Analog Scale (VAS) for Pain', 'mm'),
    ('Pain VAS', 'cm'),
    ('Change in pain (VAS)', 'units on a scale'),
    ('Visual analogue scale of fatigue', 'mm'),
    ('Numeric Pain Rating Scale (NPRS)', 'points'),
    ('Pain intensity on a numerical rating scale', 'score'),
    ('NRS', 'points'),
    ('Change From Baseline in Peak Weekly Averaged Pruritis Numerical Rating Scale (NRS) Scores at Week 16', 'Units on a scale'),
    ('WOMAC Pain Subscale', 'units on a scale'),
    ('WOMAC stiffness', 'points'),
    ('WOMAC Physical Function', 'points'),
    ('WOMAC Total Score', 'points'),
    ('Western Ontario and McMaster Universities Osteoarthritis Index (WOMAC)', 'score'),
    ('WOMAC pain and function', 'points'),
    ('WOMAC VA3.1 pain', 'mm'),
    ('WOMAC VA3.1 function', 'mm'),
    ('KOOS Pain', 'score on a scale'),
    ('KOOS Symptoms', 'score'),
    ('KOOS Activities of Daily Living', 'score'),
    ('KOOS Sport and Recreation', 'score'),
    ('KOOS Quality of Life', 'score'),
    ('Knee Injury and Osteoarthritis Outcome Score (KOOS)', 'score'),
    ('Oswestry Disability Index', '% disability'),
    ('Roland-Morris Disability Questionnaire', 'points'),
    ('Brief Pain Inventory: pain severity', 'score'),
    ('BPI interference', 'score'),
    ('Brief Pain Inventory', 'score'),
    ('Lysholm Knee Score', 'points'),
    ('IKDC Subjective Knee Form', 'points'),
    ('IKDC objective grade', 'grade'),
    ('Patient Global Assessment', 'mm'),
    ('VAS and WOMAC pain', 'mm'),
    ('Body Mass Index', 'kg/m^2')) AS v(title, unit);
SELECT timepoint_weeks('Baseline, 3 and 6 months') AS weeks,
       pain_instrument_of('Change From Baseline in WOMAC Pain Subscale', 'units on a scale') AS instrument,
       (pain_scale_of('vas', 'Pain VAS', 'cm', NULL)).conversion;
SELECT pain_instrument_of('Visual Analog Scale (VAS) for pain', 'mm') AS vas,
       pain_instrument_of('WOMAC', 'points') AS womac_unclear,
       pain_instrument_of(NULL, NULL) AS nothing;

-- ---------------------------------------------------------------
-- Scales: conversions only when stated, problems when unclear
-- ---------------------------------------------------------------
SELECT instrument, title, unit, description, (pain_scale_of(instrument, title, unit, description)).*
FROM (VALUES
    ('vas', 'Pain VAS', 'mm', NULL),
    ('vas', 'Pain VAS', 'cm', NULL),
    ('vas', 'Pain VAS', 'units on a scale', 'from 0 (no pain) to 10 (worst pain)'),
    ('vas', 'Pain VAS', 'units on a scale', 'on a 100 mm line'),
    ('vas', 'Pain VAS', 'units on a scale', NULL),
    ('vas', 'Pain VAS', 'mm', 'scored 0-10'),
    ('vas', 'Pain VAS', 'units on a scale', 'scored 0-5'),
    ('nrs', 'NRS pain', 'points', NULL),
    ('nrs', 'NRS pain', 'points', '0 = no pain, 10 = worst pain'),
    ('nrs', 'NRS pain', 'points', 'range 0-100'),
    ('womac_pain', 'WOMAC pain', 'points', 'Likert version, 0-20'),
    ('womac_pain', 'WOMAC pain', 'points', 'visual analogue version, 0 to 500'),
    ('womac_pain', 'WOMAC pain', 'points', 'normalised to 0-100'),
    ('womac_pain', 'WOMAC pain', 'points', NULL),
    ('womac_total', 'WOMAC total', 'points', 'pain (0-20), stiffness (0-8) and function (0-68): total 0-96'),
    ('koos_pain', 'KOOS pain', 'score', NULL),
    ('odi', 'ODI', '%', NULL),
    ('patient_global', 'Patient global assessment', 'cm', NULL),
    ('bogus', 'x', NULL, NULL)) AS v(instrument, title, unit, description);

-- ---------------------------------------------------------------
-- Results groups to arms
-- ---------------------------------------------------------------
SELECT g AS group_title, results_group_arm(g, ARRAY['1 Placebo', '2. repaglinide']) AS arm
FROM unnest(ARRAY['1 Placebo', 'Placebo', '2. Repaglinide', 'Repaglinide', 'Total', '']) AS g;
SELECT g AS group_title, results_group_arm(g, ARRAY['Group A', 'Group B', 'AD-MSC low dose', 'AD-MSC high dose']) AS arm
FROM unnest(ARRAY['Group A', 'group a', 'AD-MSC Low Dose', 'AD-MSC', 'Group', 'Group A: MSC']) AS g;

-- ---------------------------------------------------------------
-- MSC products and other treatments in free text
-- ---------------------------------------------------------------
SELECT t AS text, msc_mentioned(t), co_interventions_in(t)
FROM unnest(ARRAY[
    'Autologous adipose-derived mesenchymal stromal cells, 1x10^8 cells, single intra-articular injection',
    'hUC-MSC 2 x 10^7 cells IV',
    'Bone marrow aspirate concentrate (BMAC) with platelet-rich plasma',
    'Stromal vascular fraction after liposuction, arthroscopic debridement',
    'Microfragmented adipose tissue (Lipogems)',
    'Expanded autologous bone marrow stem cells and hyaluronic acid',
    'Autologous hematopoietic stem cell transplantation',
    'Hyaluronic acid injection followed by a physiotherapy program',
    'Triamcinolone acetonide 40 mg intra-articular',
    'Placebo: normal saline']) AS t;

-- ---------------------------------------------------------------
-- Numbers as ClinicalTrials.gov writes them; SDs from SE and CI
-- ---------------------------------------------------------------
SELECT v, ctgov_number(v) FROM unnest(ARRAY['12.5', '-2.11', '+3', '.5', ' 7 ', 'NA', '<0.001', '1,234', '1e3', '']) AS v;
SELECT v, ctgov_integer(v) FROM unnest(ARRAY['15', '"15"', '" 7 "', '1.5', '-1', '"x"', 'null', '1e3', '9999999999']::jsonb[]) AS v;
SELECT sd_from_se(0.25, 40) AS se_n40, round(sd_from_ci(1, 3, 10)::numeric, 12) AS ci95_n10,
       round(sd_from_ci(-1.5, 1.5, 20, 0.90)::numeric, 12) AS ci90_n20;
SELECT * FROM try_sql('sd_from_se(-1, 10)');
SELECT * FROM try_sql('sd_from_se(1, 0)');
SELECT * FROM try_sql('sd_from_ci(3, 1, 10)');
SELECT * FROM try_sql('sd_from_ci(1, 3, 1)');
SELECT * FROM try_sql('sd_from_ci(1, 3, 10, 95)');
SELECT sd_from_ci(1, 3, 10, 1.5);

-- ---------------------------------------------------------------
-- ctgov_import: documents that are not one API v2 study
-- ---------------------------------------------------------------
SELECT d AS document, (try_sql(format('ctgov_import(%L::jsonb)', d))).*
FROM unnest(ARRAY[
    '[]',
    '"NCT01234567"',
    '{}',
    '{"studies": [], "nextPageToken": "x"}',
    '{"FullStudiesResponse": {"FullStudies": []}}',
    '{"Study": {"ProtocolSection": {}}}',
    '{"protocolSection": []}',
    '{"protocolSection": {"identificationModule": {}}}',
    '{"protocolSection": {"identificationModule": {"nctId": 12345678}}}',
    '{"protocolSection": {"identificationModule": {"nctId": "ISRCTN12345678"}}}',
    '{"protocolSection": {"identificationModule": {"nctId": "NCT1234"}}}']) AS d;
SELECT ctgov_import('{"resource": "Patient"}');
SELECT ctgov_import(NULL) IS NULL AS strict;

-- ---------------------------------------------------------------
-- ctgov_import: a study with results, some of them unreadable
-- ---------------------------------------------------------------
CREATE TABLE doc (name text PRIMARY KEY, body jsonb NOT NULL);
INSERT INTO doc VALUES ('study', $json$
{
  "protocolSection": {
    "identificationModule": {
      "nctId": "NCT09999901",
      "briefTitle": "Adipose-derived MSCs for Knee Osteoarthritis (test record)",
      "officialTitle": "A Randomised Trial of Autologous Adipose-derived Mesenchymal Stromal Cells in Knee Osteoarthritis"
    },
    "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2019-03"}},
    "conditionsModule": {"conditions": ["Osteoarthritis", "Knee Osteoarthritis", 42]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1", "PHASE2", "PHASE9"],
                     "enrollmentInfo": {"count": 60, "type": "ACTUAL"}},
    "armsInterventionsModule": {
      "armGroups": [
        {"label": "AD-MSC low dose", "type": "EXPERIMENTAL",
         "description": "Single intra-articular injection of 1 x 10^7 cells",
         "interventionNames": ["Biological: AD-MSC"]},
        {"label": "AD-MSC high dose", "type": "EXPERIMENTAL",
         "description": "Single intra-articular injection of 5 x 10^7 cells",
         "interventionNames": ["Biological: AD-MSC"]},
        {"label": "Hyaluronic acid", "type": "ACTIVE_COMPARATOR",
         "description": "Single intra-articular injection of hyaluronic acid 2 mL",
         "interventionNames": ["Drug: Hyaluronic acid"]},
        {"label": "Saline", "type": "PLACEBO_COMPARATOR",
         "description": "Single intra-articular injection of normal saline",
         "interventionNames": ["Drug: Saline"]}
      ],
      "interventions": [
        {"type": "BIOLOGICAL", "name": "AD-MSC",
         "description": "Autologous adipose tissue-derived mesenchymal stromal cells, culture-expanded",
         "armGroupLabels": ["AD-MSC low dose", "AD-MSC high dose"]},
        {"type": "DRUG", "name": "Hyaluronic acid", "armGroupLabels": ["Hyaluronic acid"]},
        {"type": "DRUG", "name": "Saline", "otherNames": ["0.9% sodium chloride"], "armGroupLabels": ["Saline"]}
      ]
    }
  },
  "resultsSection": {
    "outcomeMeasuresModule": {
      "outcomeMeasures": [
        {"type": "PRIMARY", "title": "Change From Baseline in WOMAC Pain Subscale",
         "description": "WOMAC pain subscale (Likert version 3.1), scores range from 0 to 20; higher scores mean more pain.",
         "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION", "unitOfMeasure": "units on a scale",
         "timeFrame": "Baseline and 6 months",
         "groups": [{"id": "OG000", "title": "AD-MSC Low Dose"}, {"id": "OG001", "title": "AD-MSC High Dose"},
                    {"id": "OG002", "title": "Hyaluronic Acid"}, {"id": "OG003", "title": "Saline"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "15"}, {"groupId": "OG001", "value": "14"},
                    {"groupId": "OG002", "value": "15"}, {"groupId": "OG003", "value": "15"}]}],
         "classes": [{"categories": [{"measurements": [
            {"groupId": "OG000", "value": "-4.1", "spread": "3.2"}, {"groupId": "OG001", "value": "-5.3", "spread": "3.6"},
            {"groupId": "OG002", "value": "-2.9", "spread": "3.4"}, {"groupId": "OG003", "value": "-1.8", "spread": "3.1"}]}]}]},
        {"type": "SECONDARY", "title": "Pain Visual Analog Scale (VAS)",
         "description": "Pain on a 10 cm visual analogue scale, 0 (no pain) to 10 (worst pain imaginable).",
         "paramType": "MEAN", "dispersionType": "Standard Error", "unitOfMeasure": "cm",
         "timeFrame": "Baseline, 3 and 6 months",
         "groups": [{"id": "OG000", "title": "AD-MSC low dose"}, {"id": "OG001", "title": "AD-MSC high dose"},
                    {"id": "OG002", "title": "Hyaluronic acid"}, {"id": "OG003", "title": "Saline"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "15"}, {"groupId": "OG001", "value": "14"},
                    {"groupId": "OG002", "value": "15"}, {"groupId": "OG003", "value": "15"}]}],
         "classes": [
           {"title": "Baseline", "categories": [{"measurements": [
              {"groupId": "OG000", "value": "6.8", "spread": "0.4"}, {"groupId": "OG001", "value": "6.9", "spread": "0.4"},
              {"groupId": "OG002", "value": "6.7", "spread": "0.5"}, {"groupId": "OG003", "value": "6.8", "spread": "0.4"}]}]},
           {"title": "Month 3", "categories": [{"measurements": [
              {"groupId": "OG000", "value": "4.9", "spread": "0.5"}, {"groupId": "OG001", "value": "4.2", "spread": "0.5"},
              {"groupId": "OG002", "value": "5.6", "spread": "0.5"}, {"groupId": "OG003", "value": "6.1", "spread": "0.5"}]}]},
           {"title": "Month 6", "categories": [{"measurements": [
              {"groupId": "OG000", "value": "4.4", "spread": "0.6"}, {"groupId": "OG001", "value": "3.8", "spread": "0.6"},
              {"groupId": "OG002", "value": "5.5", "spread": "0.6"}, {"groupId": "OG003", "value": "NA", "spread": "NA",
               "comment": "not assessed"}]}]}]},
        {"type": "SECONDARY", "title": "KOOS Pain",
         "paramType": "MEAN", "dispersionType": "95% Confidence Interval", "unitOfMeasure": "score on a scale",
         "timeFrame": "12 months",
         "groups": [{"id": "OG000", "title": "AD-MSC low dose"}, {"id": "OG001", "title": "Saline"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "13"}, {"groupId": "OG001", "value": "1"}]}],
         "classes": [{"categories": [{"measurements": [
            {"groupId": "OG000", "value": "71.2", "lowerLimit": "65.0", "upperLimit": "77.4"},
            {"groupId": "OG001", "value": "55.0", "lowerLimit": "55.0", "upperLimit": "55.0"}]}]}]},
        {"type": "SECONDARY", "title": "WOMAC Total Score", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION",
         "unitOfMeasure": "units on a scale", "timeFrame": "6 months",
         "groups": [{"id": "OG000", "title": "Saline"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "15"}]}],
         "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "40", "spread": "10"}]}]}]},
        {"type": "SECONDARY", "title": "Numeric Rating Scale for Pain", "paramType": "MEDIAN",
         "dispersionType": "INTER_QUARTILE_RANGE", "unitOfMeasure": "points", "timeFrame": "6 months"},
        {"type": "SECONDARY", "title": "Pain VAS After the Injection", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION",
         "unitOfMeasure": "mm", "timeFrame": "Day 7",
         "groups": [{"id": "OG000", "title": "AD-MSC low dose"}, {"id": "OG001", "title": "Saline"}, {"id": "OG002", "title": "Total"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "15"}, {"groupId": "OG001", "value": "15"},
                    {"groupId": "OG002", "value": "30"}]}],
         "classes": [{"categories": [{"measurements": [
            {"groupId": "OG000", "value": "120", "spread": "10"}, {"groupId": "OG001", "value": "35.5", "spread": "12.25"},
            {"groupId": "OG002", "value": "40", "spread": "11"}]}]}]},
        {"type": "SECONDARY", "title": "Percent Change in VAS Pain", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION",
         "unitOfMeasure": "percent change", "timeFrame": "6 months"},
        {"type": "SECONDARY", "title": "Body Mass Index", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION",
         "unitOfMeasure": "kg/m^2", "timeFrame": "Baseline"},
        {"type": "SECONDARY", "title": "WOMAC", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION",
         "unitOfMeasure": "units on a scale", "timeFrame": "6 months"},
        {"type": "SECONDARY", "title": "NRS Pain", "paramType": "LEAST_SQUARES_MEAN", "dispersionType": "Full Range",
         "unitOfMeasure": "points", "timeFrame": "Baseline to Week 12",
         "groups": [{"id": "OG000", "title": "Saline"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "15"}]}],
         "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "5.1", "lowerLimit": "2", "upperLimit": "9"}]}]}]},
        {"type": "OTHER_PRE_SPECIFIED", "title": "Change in NRS Pain", "paramType": "LEAST_SQUARES_MEAN", "dispersionType": "Full Range",
         "unitOfMeasure": "points", "timeFrame": "Baseline to Week 12",
         "groups": [{"id": "OG000", "title": "Saline"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "15"}]}],
         "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "-1.5", "lowerLimit": "-6", "upperLimit": "2"}]}]}]}
      ]
    },
    "adverseEventsModule": {
      "frequencyThreshold": "0",
      "eventGroups": [
        {"id": "EG000", "title": "AD-MSC Low Dose", "seriousNumAffected": 1, "seriousNumAtRisk": 15, "deathsNumAffected": 0, "deathsNumAtRisk": 15},
        {"id": "EG001", "title": "AD-MSC High Dose", "seriousNumAffected": 0, "seriousNumAtRisk": 15, "deathsNumAffected": 0, "deathsNumAtRisk": 15},
        {"id": "EG002", "title": "Hyaluronic Acid", "seriousNumAffected": 0, "seriousNumAtRisk": 15, "deathsNumAffected": 0, "deathsNumAtRisk": 15},
        {"id": "EG003", "title": "Saline", "seriousNumAffected": 2, "seriousNumAtRisk": 1, "deathsNumAffected": 0, "deathsNumAtRisk": 15},
        {"id": "EG004", "title": "All participants", "seriousNumAffected": 3, "seriousNumAtRisk": 60}
      ],
      "seriousEvents": [
        {"term": "Knee effusion", "organSystem": "Musculoskeletal and connective tissue disorders",
         "stats": [{"groupId": "EG000", "numEvents": 1, "numAffected": 1, "numAtRisk": 15},
                   {"groupId": "EG001", "numEvents": 0, "numAffected": 0, "numAtRisk": 15},
                   {"groupId": "EG002", "numEvents": 0, "numAffected": 0, "numAtRisk": 15},
                   {"groupId": "EG003", "numEvents": 0, "numAffected": 0, "numAtRisk": 15},
                   {"groupId": "EG004", "numEvents": 1, "numAffected": 1, "numAtRisk": 60}]}
      ],
      "otherEvents": [
        {"term": "Arthralgia", "organSystem": "Musculoskeletal and connective tissue disorders",
         "stats": [{"groupId": "EG000", "numEvents": 5, "numAffected": 4, "numAtRisk": 15},
                   {"groupId": "EG001", "numEvents": 7, "numAffected": 6, "numAtRisk": 15},
                   {"groupId": "EG002", "numEvents": 2, "numAffected": 2, "numAtRisk": 15},
                   {"groupId": "EG003", "numEvents": 1, "numAffected": 1, "numAtRisk": 15}]},
        {"term": "Injection site pain", "organSystem": "General disorders",
         "stats": [{"groupId": "EG000", "numEvents": 2, "numAffected": 3, "numAtRisk": 15},
                   {"groupId": "EG001", "numAffected": "x", "numAtRisk": 15},
                   {"groupId": "EG009", "numAffected": 1, "numAtRisk": 15}]}
      ]
    }
  },
  "hasResults": true
}
$json$);
-- the smallest study: an identifier and nothing else
INSERT INTO doc VALUES ('minimal', '{"protocolSection": {"identificationModule": {"nctId": "NCT09999903"}}}');

SELECT ctgov_import(body) FROM doc WHERE name = 'study';
SELECT trial_id, title, conditions, condition_category, phases, study_type, overall_status, enrollment,
       start_date, has_results, origin, ctgov_record IS NOT NULL AS has_record
FROM trial;
SELECT label, arm_type, is_msc, source, donor, manipulation, route, dose, co_interventions, interventions,
       sae_affected, sae_at_risk, deaths, deaths_at_risk
FROM arm ORDER BY arm_id;
SELECT a.label, o.instrument, o.week, o.kind, o.statistic, o.n, o.mean, o.sd, o.sd_source, o.conversion,
       substr(o.json_path, 40) AS json_path_tail
FROM outcome o JOIN arm a USING (arm_id) ORDER BY o.outcome_id;
SELECT a.label, e.term, e.organ_system, e.serious, e.grade, e.relatedness, e.n_affected, e.n_at_risk, e.n_events
FROM adverse_event e JOIN arm a USING (arm_id) ORDER BY e.adverse_event_id;
SELECT json_path, reason, dropped, raw_value FROM import_problem ORDER BY problem_id;

-- (the README's examples)
SELECT label, arm_type, is_msc, source, donor, manipulation, route, dose, co_interventions
FROM arm WHERE trial_id = 'NCT09999901' ORDER BY arm_id;
SELECT a.label, o.instrument, o.week, o.kind, o.n, o.mean, round(o.sd, 2) AS sd, o.sd_source, o.conversion
FROM outcome o JOIN arm a USING (arm_id)
WHERE a.trial_id = 'NCT09999901' AND o.week IN (26, 52) ORDER BY o.outcome_id;
SELECT replace(json_path, '$.resultsSection.outcomeMeasuresModule.', '…') AS json_path, reason
FROM import_problem WHERE trial_id = 'NCT09999901' AND json_path LIKE '%outcomeMeasures%' AND dropped
ORDER BY problem_id;

-- every measurement of a pain measure is either loaded or has a problem
-- that dropped it (at its path or above it)
WITH m AS (
    SELECT format('$.resultsSection.outcomeMeasuresModule.outcomeMeasures[%s]', oi - 1) AS mpath,
           format('$.resultsSection.outcomeMeasuresModule.outcomeMeasures[%s].classes[%s].categories[%s].measurements[%s]',
                  oi - 1, ci - 1, ki - 1, mi - 1) AS path
    FROM doc,
         jsonb_array_elements(body #> '{resultsSection,outcomeMeasuresModule,outcomeMeasures}') WITH ORDINALITY AS o(om, oi),
         jsonb_array_elements(coalesce(om -> 'classes', '[]')) WITH ORDINALITY AS c(cls, ci),
         jsonb_array_elements(coalesce(cls -> 'categories', '[]')) WITH ORDINALITY AS k(cat, ki),
         jsonb_array_elements(coalesce(cat -> 'measurements', '[]')) WITH ORDINALITY AS x(meas, mi)
    WHERE doc.name = 'study' AND pain_instrument_of(om ->> 'title', om ->> 'unitOfMeasure') IS NOT NULL
)
SELECT measurements, loaded, dropped, loaded + dropped = measurements AS each_accounted_for
FROM (SELECT count(*) AS measurements,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outcome o WHERE o.json_path = m.path)) AS loaded,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM import_problem p
                                            WHERE p.dropped AND (m.path = p.json_path OR m.path LIKE p.json_path || '.%'
                                                                 OR p.json_path LIKE m.path || '.%'
                                                                 OR p.json_path = m.mpath))) AS dropped
      FROM m) AS x;
-- and every adverse-event count of the record is loaded or dropped with a reason
WITH s AS (
    SELECT format('$.resultsSection.adverseEventsModule.%s[%s].stats[%s]', l, ei - 1, si - 1) AS path, st ->> 'groupId' AS gid
    FROM doc, unnest(ARRAY['seriousEvents', 'otherEvents']) AS l,
         jsonb_array_elements(body #> ARRAY['resultsSection', 'adverseEventsModule', l]) WITH ORDINALITY AS e(ev, ei),
         jsonb_array_elements(ev -> 'stats') WITH ORDINALITY AS x(st, si)
    WHERE doc.name = 'study'
)
SELECT counts, loaded, dropped, loaded + dropped = counts AS each_accounted_for
FROM (SELECT count(*) AS counts, (SELECT count(*) FROM adverse_event) AS loaded,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM import_problem p
                                            WHERE p.dropped AND (p.json_path = s.path OR p.json_path LIKE s.path || '.%'
                                                                 OR p.raw_value ->> 'id' = s.gid))) AS dropped
      FROM s) AS x;

-- re-importing leaves one copy
CREATE TEMP TABLE counts_before AS
SELECT (SELECT count(*) FROM trial) AS trials, (SELECT count(*) FROM arm) AS arms,
       (SELECT count(*) FROM outcome) AS outcomes, (SELECT count(*) FROM adverse_event) AS events,
       (SELECT count(*) FROM import_problem) AS problems;
SELECT ctgov_import(body) FROM doc WHERE name = 'study';
SELECT ctgov_import(body) FROM doc WHERE name = 'study';
SELECT b.*, (SELECT count(*) FROM trial) = b.trials AND (SELECT count(*) FROM arm) = b.arms
            AND (SELECT count(*) FROM outcome) = b.outcomes AND (SELECT count(*) FROM adverse_event) = b.events
            AND (SELECT count(*) FROM import_problem) = b.problems AS unchanged
FROM counts_before b;

-- participants entered in an arm keep it when a new version of the record
-- drops the arm; other arms go with their outcomes and events
INSERT INTO site (site) VALUES ('Site A'), ('Site B');
INSERT INTO participant (trial_id, arm_id, code, site)
SELECT trial_id, arm_id, 'P-001', 'Site A' FROM arm WHERE label = 'Saline';
INSERT INTO doc
SELECT 'study without two arms', jsonb_set(body, '{protocolSection,armsInterventionsModule,armGroups}',
                                           (body #> '{protocolSection,armsInterventionsModule,armGroups}') - 3 - 2)
FROM doc WHERE name = 'study';
SELECT ctgov_import(body) FROM doc WHERE name = 'study without two arms';
SELECT label, (SELECT count(*) FROM outcome o WHERE o.arm_id = a.arm_id) AS outcomes,
       (SELECT count(*) FROM adverse_event e WHERE e.arm_id = a.arm_id) AS events
FROM arm a ORDER BY arm_id;
SELECT json_path, reason FROM import_problem
WHERE json_path = '$.protocolSection.armsInterventionsModule.armGroups' OR json_path LIKE '%eventGroups%';
DELETE FROM participant;
SELECT ctgov_import(body) FROM doc WHERE name = 'study';
SELECT count(*) AS arms FROM arm;

-- the smallest study
SELECT ctgov_import(body) FROM doc WHERE name = 'minimal';
SELECT trial_id, title, conditions, condition_category, phases, origin FROM trial WHERE trial_id = 'NCT09999903';
-- lists that are not lists, and members of the wrong kind
SELECT ctgov_import('{"protocolSection": {"identificationModule": {"nctId": "NCT09999905"},
                                          "armsInterventionsModule": {"armGroups": {"label": "A"}}},
                      "resultsSection": {"outcomeMeasuresModule": {"outcomeMeasures": [1, {"title": "VAS pain"}]},
                                         "adverseEventsModule": {"seriousEvents": "none"}}}');
SELECT json_path, reason, dropped, raw_value FROM import_problem WHERE trial_id = 'NCT09999905' ORDER BY problem_id;
DELETE FROM trial WHERE trial_id = 'NCT09999905';
-- an arm naming two sources and two routes keeps neither, and says so
SELECT ctgov_import('{"protocolSection": {"identificationModule": {"nctId": "NCT09999906"},
    "armsInterventionsModule": {"armGroups": [{"label": "Mixed", "type": "EXPERIMENTAL",
        "description": "Bone marrow-derived MSCs intrathecally and adipose-derived MSCs intravenously, autologous, 1 x 10^6 cells/kg"}]}}}');
SELECT label, is_msc, source, route, donor, dose FROM arm WHERE trial_id = 'NCT09999906';
SELECT json_path, reason, dropped FROM import_problem WHERE trial_id = 'NCT09999906' ORDER BY problem_id;
DELETE FROM trial WHERE trial_id = 'NCT09999906';

-- ---------------------------------------------------------------
-- Keys, foreign keys and checks
-- ---------------------------------------------------------------
INSERT INTO trial (trial_id, title, conditions, condition_category) VALUES
    ('NCT09999902', 'Hand-entered knee OA trial', '{"Knee Osteoarthritis"}', 'knee_oa');
INSERT INTO arm (trial_id, label, arm_type, is_msc, source, route, donor, manipulation, dose) VALUES
    ('NCT09999902', 'AD-MSC', 'experimental', true, 'adipose', 'intra_articular', 'autologous', 'culture_expanded', '5e7'),
    ('NCT09999902', 'Placebo', 'placebo_comparator', false, NULL, 'intra_articular', NULL, NULL, NULL);
SELECT s AS statement, (try_exec(s)).*
FROM unnest(ARRAY[
    $$INSERT INTO trial (trial_id) VALUES ('NCT09999902')$$,
    $$INSERT INTO trial (trial_id) VALUES ('NCT123')$$,
    $$INSERT INTO trial (trial_id, title) VALUES ('NCT09999904', ' ')$$,
    $$INSERT INTO trial (trial_id, condition_category) VALUES ('NCT09999904', 'gout')$$,
    $$INSERT INTO trial (trial_id, phases) VALUES ('NCT09999904', '{phase9}')$$,
    $$INSERT INTO trial (trial_id, enrollment) VALUES ('NCT09999904', -1)$$,
    $$INSERT INTO trial (trial_id, start_date) VALUES ('NCT09999904', '2019-13')$$,
    $$INSERT INTO trial (trial_id, origin) VALUES ('NCT09999904', 'ctgov')$$,
    $$INSERT INTO arm (trial_id, label) VALUES ('NCT09999999', 'A')$$,
    $$INSERT INTO arm (trial_id, label) VALUES ('NCT09999902', 'Placebo')$$,
    $$INSERT INTO arm (trial_id, label) VALUES ('NCT09999902', '')$$,
    $$INSERT INTO arm (trial_id, label, arm_type) VALUES ('NCT09999902', 'B', 'control')$$,
    $$INSERT INTO arm (trial_id, label, source) VALUES ('NCT09999902', 'B', 'adipose')$$,
    $$INSERT INTO arm (trial_id, label, source) VALUES ('NCT09999902', 'B', 'fat tissue')$$,
    $$INSERT INTO arm (trial_id, label, co_interventions) VALUES ('NCT09999902', 'B', '{prp,ozone}')$$,
    $$INSERT INTO arm (trial_id, label, sae_affected, sae_at_risk) VALUES ('NCT09999902', 'B', 3, 2)$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) SELECT arm_id, 'womac', 26, 'value', 10, 5 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) SELECT arm_id, 'nrs', 26, 'value', 10, 11 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) SELECT arm_id, 'nrs', 26, 'change', 10, -10.5 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) SELECT arm_id, 'nrs', 0, 'change', 10, -1 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) SELECT arm_id, 'nrs', 26, 'value', 0, 5 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean, sd) SELECT arm_id, 'nrs', 26, 'value', 10, 5, 1 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) SELECT arm_id, 'nrs', 26, 'delta', 10, 5 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO outcome (arm_id, instrument, week, kind, n, mean) VALUES (-1, 'nrs', 26, 'value', 10, 5)$$,
    $$INSERT INTO participant (trial_id, arm_id, code) SELECT 'NCT09999901', arm_id, 'X' FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO participant (trial_id, arm_id, code) SELECT trial_id, arm_id, ' ' FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO assessment (participant_id, week, score) VALUES (-1, 0, 'nrs:5')$$,
    $$INSERT INTO assessment (participant_id, week, score) VALUES (1, 0, 'nrs:11')$$,
    $$INSERT INTO adverse_event (arm_id, term, serious, n_affected, n_at_risk) SELECT arm_id, 'Headache', false, 3, 2 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO adverse_event (arm_id, term, serious, grade, n_affected, n_at_risk) SELECT arm_id, 'Headache', false, 6, 1, 2 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO adverse_event (arm_id, term, serious, relatedness, n_affected, n_at_risk) SELECT arm_id, 'Headache', false, 'maybe', 1, 2 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO adverse_event (arm_id, term, serious, n_affected, n_at_risk, n_events) SELECT arm_id, 'Headache', false, 2, 4, 1 FROM arm WHERE label = 'Placebo' AND trial_id = 'NCT09999902'$$,
    $$INSERT INTO import_problem (trial_id, json_path, reason) VALUES ('NCT09999902', 'protocolSection', 'x')$$]) AS s;

-- the generated instrument column makes (participant, week, instrument) the key
INSERT INTO participant (trial_id, arm_id, code, site)
SELECT 'NCT09999902', a.arm_id, a.label || '-' || i, CASE WHEN i % 2 = 0 THEN 'Site A' ELSE 'Site B' END
FROM arm a, generate_series(1, 4) AS i WHERE a.trial_id = 'NCT09999902' ORDER BY a.arm_id, i;
INSERT INTO assessment (participant_id, week, score)
SELECT p.participant_id, w.week,
       pain_score('womac_pain', CASE WHEN w.week = 0 THEN 12 + r % 3 WHEN a.is_msc THEN 6 + r % 4 ELSE 10 + r % 4 END)
FROM (SELECT *, row_number() OVER (ORDER BY code) AS r FROM participant) p
JOIN arm a USING (arm_id), (VALUES (0), (26)) AS w(week);
INSERT INTO assessment (participant_id, week, score)
SELECT participant_id, 26, 'vas:40' FROM participant WHERE code = 'AD-MSC-1';
SELECT p.code, p.site, s.week, s.score, s.instrument FROM assessment s JOIN participant p USING (participant_id)
WHERE p.code = 'AD-MSC-1' ORDER BY s.week, s.instrument;
SELECT * FROM try_exec($$INSERT INTO assessment (participant_id, week, score)
                         SELECT participant_id, 26, 'womac_pain:3' FROM participant WHERE code = 'AD-MSC-1'$$);
SELECT * FROM try_exec($$INSERT INTO assessment (participant_id, week, score, instrument)
                         SELECT participant_id, 52, 'nrs:3', 'vas' FROM participant WHERE code = 'AD-MSC-1'$$);

-- ---------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------
SELECT trial_id, arm, is_msc, source, route, instrument, week, kind, n, round(mean::numeric, 4) AS mean,
       round(sd::numeric, 4) AS sd, origin, preferred
FROM arm_pain_summary ORDER BY trial_id, arm, instrument, week, kind;

SELECT trial_id, condition, msc_arm, control_arm, control_type, instrument, week, kind, higher_is_worse,
       n_msc, n_control, round(smd_yi::numeric, 6) AS smd_yi, round(smd_vi::numeric, 6) AS smd_vi,
       round(md_yi::numeric, 6) AS md_yi, round(md_vi::numeric, 6) AS md_vi
FROM trial_effect ORDER BY trial_id, msc_arm, control_arm, instrument, week, kind;

SELECT trial_id, condition, source, route, instrument, week, kind, msc_arms, control_arms, control_types,
       n_msc, round(mean_msc::numeric, 4) AS mean_msc, round(sd_msc::numeric, 4) AS sd_msc,
       n_control, round(mean_control::numeric, 4) AS mean_control, round(sd_control::numeric, 4) AS sd_control,
       round(smd_yi::numeric, 6) AS smd_yi, round(smd_vi::numeric, 6) AS smd_vi,
       round(md_yi::numeric, 6) AS md_yi, round(md_vi::numeric, 6) AS md_vi
FROM trial_stratum_effect ORDER BY trial_id, instrument, week, kind;

-- two trials pooled (WOMAC pain change at 26 weeks); metafor 3.8-1 gives the same:
--   comb <- function(n, m, s) { N <- sum(n); M <- sum(n*m)/N
--                               c(N, M, sqrt((sum((n-1)*s^2) + sum(n*(m-M)^2))/(N-1))) }
--   a <- comb(c(15, 14), c(-4.1, -5.3), c(3.2, 3.6))   # the two MSC arms of NCT09999901
--   d <- escalc("SMD", m1i = c(a[2], -5.5), sd1i = c(a[3], sqrt(3)), n1i = c(a[1], 4),
--               m2i = c(-1.8, -1.75), sd2i = c(3.1, sqrt(4.25)), n2i = c(15, 4))
--   rma(yi, vi, data = d)   # -0.975302502902719, se 0.30719868877576, p 0.0014992617480893
\x on
SELECT * FROM pooled_effect WHERE instrument = 'womac_pain' AND week = 26 AND kind = 'change';
\x off
SELECT condition, source, route, instrument, week, kind, trials, trial_ids, n_msc, n_control, smd_k,
       round(smd::numeric, 6) AS smd, md_k, round(md::numeric, 6) AS md
FROM pooled_effect ORDER BY condition, source, route, instrument, week, kind;
SELECT instrument, week, kind, trials, n_msc, n_control, round(smd::numeric, 2) AS smd,
       format('[%s, %s]', round(smd_ci_low::numeric, 2), round(smd_ci_high::numeric, 2)) AS smd_95ci,
       round(md::numeric, 1) AS md
FROM pooled_effect WHERE condition = 'knee_oa' AND source = 'adipose' AND route = 'intra_articular' AND week = 26
ORDER BY instrument, kind;
SELECT trial_id, msc_arm, control_arm, instrument, n_msc, n_control, round(smd_yi::numeric, 3) AS smd,
       round(smd_vi::numeric, 3) AS var
FROM trial_effect WHERE instrument = 'womac_pain' AND kind = 'change' ORDER BY trial_id, msc_arm, control_arm;

-- safety by route, per term
SELECT route, is_msc, serious, term, trials, arms, affected, at_risk, round(rate::numeric, 4) AS rate,
       round(ci_low::numeric, 4) AS ci_low, round(ci_high::numeric, 4) AS ci_high
FROM safety_by_route ORDER BY route, is_msc, serious, term;
-- the interval is R's prop.test(1, 30, correct = FALSE)$conf.int: 0.005908590 0.166703910
SELECT rate, ci_low, ci_high FROM safety_by_route WHERE is_msc AND term = 'Knee effusion';
-- and overall, from the arms' totals
SELECT route, is_msc, trials, arms, sae_affected, sae_at_risk, round(sae_rate::numeric, 4) AS sae_rate,
       round(sae_ci_low::numeric, 4) AS sae_ci_low, round(sae_ci_high::numeric, 4) AS sae_ci_high,
       deaths, deaths_at_risk, round(death_ci_high::numeric, 4) AS death_ci_high
FROM safety_totals_by_route ORDER BY route, is_msc;
-- arms with nobody at risk give no rate (and no error)
INSERT INTO arm (trial_id, label, sae_affected, sae_at_risk, deaths, deaths_at_risk)
VALUES ('NCT09999902', 'Nobody at risk', 0, 0, 0, 5);
INSERT INTO adverse_event (arm_id, term, serious, n_affected, n_at_risk)
SELECT arm_id, 'Headache', false, 0, 0 FROM arm WHERE label = 'Nobody at risk';
SELECT count(*) AS headache_rows FROM safety_by_route WHERE term = 'Headache';
SELECT route, is_msc, sae_affected, sae_at_risk, sae_rate, deaths, deaths_at_risk, death_rate
FROM safety_totals_by_route WHERE route IS NULL;

-- ---------------------------------------------------------------
-- Deleting a trial removes its arms, outcomes, participants, events and problems
-- (what is left belongs to NCT09999902)
-- ---------------------------------------------------------------
DELETE FROM trial WHERE trial_id = 'NCT09999901';
SELECT (SELECT count(*) FROM arm WHERE trial_id = 'NCT09999901') AS arms,
       (SELECT count(*) FROM import_problem WHERE trial_id = 'NCT09999901') AS problems,
       (SELECT count(*) FROM outcome) AS outcomes_left, (SELECT count(*) FROM adverse_event) AS events_left;
DELETE FROM trial;
