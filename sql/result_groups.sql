-- Result groups (issue 13): every group of a ClinicalTrials.gov record as
-- a row, mapped to an arm by a stored inference (method, confidence) that
-- a curator may override; adverse events attach to their group.
SET extra_float_digits = 0;
\set SHOW_CONTEXT never

-- the mapping rules, one by one
SELECT t AS group_title, (ctgov_group_arm(t, d, arms)).*
FROM (SELECT '[{"label": "Sarilumab 200 mg Q2W", "description": "sarilumab 200 mg every two weeks", "names": ["sarilumab", "sar"]},
               {"label": "Sarilumab 150 mg Q2W", "description": "sarilumab 150 mg every two weeks", "names": ["sarilumab", "sar"]},
               {"label": "Placebo", "description": null, "names": ["placebo"]}]'::jsonb AS arms) a,
     (VALUES ('Sarilumab 200 mg Q2W', NULL), ('placebo', NULL), ('Placebo (FAS)', NULL), ('Sarilumab 150 mg Q2W (SS)', NULL),
             ('SAR 200 mg Q2W (FAS)', NULL), ('Patients who received placebo injections', NULL),
             ('Group B', 'Participants received placebo'), ('200 mg', NULL), ('Placebo->OL SAR', NULL),
             ('Total', NULL), ('Group C', NULL), ('', NULL)) AS g(t, d);
SELECT ctgov_abbreviations('Sarilumab (SAR) and methotrexate (MTX); Full Analysis Set (FAS).') AS pairs,
       ctgov_doses_in('SAR 200 mg Q2W; 1.5 mg/kg; 50 million cells') AS doses;

-- a record whose result groups are not worded like its arms (the
-- issue's example): an abbreviation the record defines, population
-- suffixes, open-label extension groups
CREATE TEMP TABLE doc AS SELECT $json${
  "protocolSection": {
    "identificationModule": {"nctId": "NCT09999931", "briefTitle": "Sarilumab for knee osteoarthritis pain"},
    "descriptionModule": {"briefSummary": "Sarilumab (SAR) against placebo, then an open-label extension."},
    "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
    "designModule": {"studyType": "INTERVENTIONAL"},
    "armsInterventionsModule": {
      "armGroups": [{"label": "Placebo", "type": "PLACEBO_COMPARATOR", "interventionNames": ["Drug: Placebo"]},
                    {"label": "Sarilumab 200 mg Q2W", "type": "EXPERIMENTAL", "interventionNames": ["Drug: Sarilumab"]}],
      "interventions": [{"type": "DRUG", "name": "Placebo", "armGroupLabels": ["Placebo"]},
                        {"type": "DRUG", "name": "Sarilumab", "armGroupLabels": ["Sarilumab 200 mg Q2W"]}]}},
  "resultsSection": {
    "participantFlowModule": {
      "groups": [{"id": "FG000", "title": "Placebo"}, {"id": "FG001", "title": "SAR 200 mg Q2W"}],
      "periods": [{"title": "Double-blind", "milestones": [{"type": "STARTED", "achievements": [{"groupId": "FG000", "numSubjects": "20"}, {"groupId": "FG001", "numSubjects": "21"}]}]},
                  {"title": "Open-label extension", "milestones": [{"type": "STARTED", "achievements": [{"groupId": "FG000", "numSubjects": "18"}, {"groupId": "FG001", "numSubjects": "x"}]}]}]},
    "outcomeMeasuresModule": {"outcomeMeasures": [{
      "type": "PRIMARY", "title": "Change From Baseline in Pain NRS at Week 12",
      "description": "Pain numeric rating scale from 0 (no pain) to 10 (worst pain).",
      "paramType": "LEAST_SQUARES_MEAN", "dispersionType": "Standard Error", "unitOfMeasure": "units on a scale",
      "timeFrame": "Baseline to Week 12",
      "groups": [{"id": "OG000", "title": "Placebo (FAS)"}, {"id": "OG001", "title": "SAR 200 mg Q2W (FAS)"}],
      "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "20"}, {"groupId": "OG001", "value": "21"}]}],
      "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "-1.2", "spread": "0.3"},
                                                   {"groupId": "OG001", "value": "-2.5", "spread": "0.3"}]}]}]}]},
    "adverseEventsModule": {
      "eventGroups": [{"id": "EG000", "title": "Placebo", "seriousNumAffected": 0, "seriousNumAtRisk": 20},
                      {"id": "EG001", "title": "SAR 200 mg Q2W (SS)", "seriousNumAffected": 1, "seriousNumAtRisk": 21},
                      {"id": "EG002", "title": "Placebo->OL SAR", "seriousNumAffected": 1, "seriousNumAtRisk": 18},
                      {"id": "EG003", "title": "SAR->OL SAR", "seriousNumAffected": 0, "seriousNumAtRisk": 19}],
      "otherEvents": [{"term": "Injection site reaction", "stats": [
          {"groupId": "EG000", "numAffected": 1, "numAtRisk": 20}, {"groupId": "EG001", "numAffected": 5, "numAtRisk": 21},
          {"groupId": "EG002", "numAffected": 4, "numAtRisk": 18}, {"groupId": "EG003", "numAffected": 2, "numAtRisk": 19}]}]}}
}$json$::jsonb AS d;
SELECT ctgov_import(d) FROM doc;

-- every group, with its arm, method and confidence
SELECT section, outcome_no, period_no, group_code, title, period, n_participants, denominators, json_path,
       (SELECT label FROM arm a WHERE a.arm_id = r.arm_id) AS arm, method, confidence,
       (SELECT label FROM arm a WHERE a.arm_id = r.mapped_arm_id) AS mapped_arm
FROM result_group r WHERE trial_id = 'NCT09999931' ORDER BY result_group_id;
-- the active group's pain result is kept for its arm (before: only placebo)
SELECT a.label, o.instrument, o.week, o.kind, o.statistic, o.n, o.mean, o.sd, o.sd_source, o.json_path
FROM outcome o JOIN arm a USING (arm_id) WHERE a.trial_id = 'NCT09999931' ORDER BY a.label;
-- every adverse-event count is kept with its group; the extension groups count for no arm
SELECT r.group_code, r.title, (SELECT label FROM arm a WHERE a.arm_id = e.arm_id) AS arm, e.term, e.n_affected, e.n_at_risk
FROM adverse_event e JOIN result_group r USING (result_group_id) WHERE r.trial_id = 'NCT09999931' ORDER BY r.group_code;
SELECT label, sae_affected, sae_at_risk FROM arm WHERE trial_id = 'NCT09999931' ORDER BY label;
SELECT json_path, reason, dropped, raw_value FROM import_problem WHERE trial_id = 'NCT09999931' ORDER BY problem_id;

-- a curator maps an extension group to an arm; a re-import keeps it
SELECT result_group_map(result_group_id, (SELECT arm_id FROM arm WHERE trial_id = 'NCT09999931' AND label = 'Placebo'),
                        'open-label sarilumab after placebo: counted as placebo for this check only')
FROM result_group WHERE trial_id = 'NCT09999931' AND group_code = 'EG002';
SELECT ctgov_import(d) FROM doc;
SELECT group_code, method, curated, (SELECT label FROM arm a WHERE a.arm_id = r.mapped_arm_id) AS mapped_arm, curated_note
FROM result_group r WHERE trial_id = 'NCT09999931' AND section = 'adverse_events' ORDER BY group_code;
SELECT a.label, e.n_affected, e.n_at_risk FROM adverse_event e JOIN arm a USING (arm_id)
WHERE a.trial_id = 'NCT09999931' ORDER BY a.label, e.n_at_risk;
-- a curated "no arm" takes an import-mapped group out of the arm-level rows
SELECT result_group_map(result_group_id, NULL, 'not randomised') FROM result_group
WHERE trial_id = 'NCT09999931' AND section = 'outcome' AND group_code = 'OG001';
SELECT count(*) AS sarilumab_outcomes FROM outcome o JOIN arm a USING (arm_id)
WHERE a.trial_id = 'NCT09999931' AND a.label LIKE 'Sarilumab%';
-- a mapping to another trial's arm is refused
\set VERBOSITY terse
SELECT result_group_map(min(result_group_id), (SELECT max(arm_id) FROM arm) + 1000) FROM result_group;
\set VERBOSITY default
SELECT result_group_map(-1, NULL);
DELETE FROM trial WHERE trial_id = 'NCT09999931';
SELECT count(*) AS groups_left FROM result_group;
-- position: the last group left, titled like nothing, is a suggestion only
SELECT ctgov_import(jsonb_set(jsonb_set(d, '{resultsSection,outcomeMeasuresModule,outcomeMeasures,0,groups,1,title}', '"Group 2"'),
                              '{protocolSection,identificationModule,nctId}', '"NCT09999932"')) FROM doc;
SELECT group_code, title, (SELECT label FROM arm a WHERE a.arm_id = r.arm_id) AS arm, method, confidence, mapped_arm_id IS NULL AS unmapped
FROM result_group r WHERE trial_id = 'NCT09999932' AND section = 'outcome' ORDER BY group_code;
DELETE FROM trial WHERE trial_id = 'NCT09999932';

-- secondary identifiers (trial_secondary_id): a registry identifier as a
-- trial_id, anything else as text; one that is not a text is a problem
SELECT ctgov_import(jsonb_set(jsonb_set(d, '{protocolSection,identificationModule,orgStudyIdInfo}', '{"id": "SAR-OA-01"}'),
    '{protocolSection,identificationModule,secondaryIdInfos}',
    '[{"id": "2019-001234-56", "type": "EUDRACT_NUMBER"}, {"id": "R01AR012345", "type": "NIH", "domain": "NIAMS"},
      {"id": "ISRCTN12345678", "type": "REGISTRY", "domain": "ISRCTN"}, {"id": 42}, {"id": "R01AR012345"}]')) FROM doc;
SELECT id_text, id, id_type, domain, json_path FROM trial_secondary_id WHERE trial_id = 'NCT09999931' ORDER BY json_path;
SELECT json_path, reason, dropped FROM import_problem WHERE trial_id = 'NCT09999931' AND json_path LIKE '%IdInfo%' ORDER BY problem_id;
DELETE FROM trial WHERE trial_id = 'NCT09999931';
