-- Design and context of a trial (issue 13): design, eligibility, sponsors,
-- countries, references and key dates read from a ClinicalTrials.gov record
-- by ctgov_import_design().
\set SHOW_CONTEXT never
SET DateStyle = ISO;
SET IntervalStyle = postgres;

-- a record with every field
SELECT ctgov_import($json${
  "protocolSection": {
    "identificationModule": {"nctId": "NCT09999941", "briefTitle": "MSCs for knee osteoarthritis pain"},
    "statusModule": {"startDateStruct": {"date": "2019-05", "type": "ACTUAL"},
                     "primaryCompletionDateStruct": {"date": "2021-02-28", "type": "ACTUAL"},
                     "completionDateStruct": {"date": "2021-06", "type": "ACTUAL"},
                     "resultsFirstPostDateStruct": {"date": "2022-01-15", "type": "ACTUAL"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Example University", "class": "OTHER"},
                                   "collaborators": [{"name": "CellCo", "class": "INDUSTRY"},
                                                     {"name": "National Institute of Health", "class": "NIH"}]},
    "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"],
                     "designInfo": {"allocation": "RANDOMIZED", "interventionModel": "PARALLEL", "primaryPurpose": "TREATMENT",
                                    "maskingInfo": {"masking": "TRIPLE", "whoMasked": ["PARTICIPANT", "INVESTIGATOR", "OUTCOMES_ASSESSOR"]}},
                     "enrollmentInfo": {"count": 60, "type": "ACTUAL"}},
    "eligibilityModule": {"sex": "ALL", "minimumAge": "40 Years", "maximumAge": "75 Years", "healthyVolunteers": false},
    "contactsLocationsModule": {"locations": [{"city": "Seoul", "country": "Korea, Republic of"}, {"city": "Boston", "country": "United States"},
                                              {"city": "Busan", "country": "Korea, Republic of"}]},
    "referencesModule": {"references": [{"pmid": "31234567", "type": "RESULT", "citation": "Doe J et al. MSCs for knee OA. 2022."},
                                        {"type": "BACKGROUND", "citation": "Roe R. Cell therapy review."}]}
  }}$json$::jsonb);
\x on
SELECT * FROM trial_design WHERE trial_id = 'NCT09999941';
\x off
SELECT allocation, masking, who_masked, minimum_age, maximum_age, lead_sponsor_class, countries, start_date, start_date_precision
FROM trial_design WHERE trial_id = 'NCT09999941';
SELECT * FROM trial_collaborator WHERE trial_id = 'NCT09999941' ORDER BY json_path;
SELECT * FROM trial_reference WHERE trial_id = 'NCT09999941' ORDER BY reference_no;
SELECT count(*) AS problems FROM import_problem WHERE trial_id = 'NCT09999941';

-- odd values: each an import problem with its path and raw value, and the import goes on
CREATE TEMP TABLE odd AS SELECT $json${
  "protocolSection": {
    "identificationModule": {"nctId": "NCT09999942"},
    "statusModule": {"startDateStruct": {"date": "2019-13"}, "primaryCompletionDateStruct": {"date": "2021-02-30"},
                     "completionDateStruct": {"date": 2021}, "resultsFirstPostDateStruct": {"date": "January 2022"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": 42, "class": "UNIVERSITY"},
                                   "collaborators": [{"name": "CellCo", "class": "BIGPHARMA"}, {"class": "OTHER"}, {"name": "CellCo"}]},
    "designModule": {"designInfo": {"allocation": "RANDOM", "interventionModel": ["PARALLEL"], "primaryPurpose": null,
                                    "maskingInfo": {"masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "NURSE", 7]}},
                     "enrollmentInfo": {"count": 10, "type": "GUESSED"}},
    "eligibilityModule": {"sex": "BOTH", "minimumAge": "N/A", "maximumAge": "65 Years", "healthyVolunteers": "No"},
    "contactsLocationsModule": {"locations": [{"city": "Lyon"}, {"country": ["France"]}, "Paris", {"country": "France"}]},
    "referencesModule": {"references": [{"pmid": "PMC123", "type": "PRIMARY", "citation": "A citation."}, {"type": "RESULT"}, 17]}
  }}$json$::jsonb AS body;
SELECT ctgov_import(body) FROM odd;
SELECT json_path, reason, dropped, raw_value FROM import_problem WHERE trial_id = 'NCT09999942' ORDER BY problem_id;
\x on
SELECT * FROM trial_design WHERE trial_id = 'NCT09999942';
\x off
SELECT * FROM trial_collaborator WHERE trial_id = 'NCT09999942' ORDER BY json_path;
SELECT * FROM trial_reference WHERE trial_id = 'NCT09999942' ORDER BY reference_no;

-- ages: a minimum above the maximum keeps the texts only; a section that is not a list
SELECT ctgov_import('{"protocolSection": {"identificationModule": {"nctId": "NCT09999943"},
  "statusModule": {"startDateStruct": {"date": "2019-02-30"}},
  "eligibilityModule": {"minimumAge": "18 months", "maximumAge": "1 Year"},
  "sponsorCollaboratorsModule": {"collaborators": {"name": "X"}}, "referencesModule": {"references": "none"},
  "contactsLocationsModule": {"locations": 3}}}');
SELECT json_path, reason, dropped, raw_value FROM import_problem WHERE trial_id = 'NCT09999943' ORDER BY problem_id;
SELECT minimum_age_text, minimum_age, maximum_age_text, maximum_age FROM trial_design WHERE trial_id = 'NCT09999943';

-- a re-import gives the same rows, and a changed record replaces them
CREATE TEMP TABLE before AS
SELECT 'd' AS t, to_jsonb(d) AS r FROM trial_design d
UNION ALL SELECT 'c', to_jsonb(c) FROM trial_collaborator c
UNION ALL SELECT 'r', to_jsonb(r) FROM trial_reference r;
SELECT ctgov_import(t.ctgov_record) FROM trial t WHERE trial_id IN ('NCT09999941', 'NCT09999942', 'NCT09999943') ORDER BY 1;
SELECT (SELECT count(*) FROM before) AS rows_before,
       (SELECT count(*) FROM (SELECT 'd' AS t, to_jsonb(d) AS r FROM trial_design d
                              UNION ALL SELECT 'c', to_jsonb(c) FROM trial_collaborator c
                              UNION ALL SELECT 'r', to_jsonb(r) FROM trial_reference r
                              EXCEPT SELECT * FROM before) x) AS rows_changed;
SELECT ctgov_import(jsonb_set(jsonb_set(t.ctgov_record, '{protocolSection,sponsorCollaboratorsModule,collaborators}', '[{"name": "OtherCo", "class": "INDUSTRY"}]'),
                              '{protocolSection,referencesModule,references}', '[]'))
FROM trial t WHERE trial_id = 'NCT09999941';
SELECT name, sponsor_class FROM trial_collaborator WHERE trial_id = 'NCT09999941';
SELECT count(*) AS references_left FROM trial_reference WHERE trial_id = 'NCT09999941';
-- deleting the trial deletes its design and context
DELETE FROM trial WHERE trial_id IN ('NCT09999941', 'NCT09999942', 'NCT09999943');
SELECT (SELECT count(*) FROM trial_design) + (SELECT count(*) FROM trial_collaborator) + (SELECT count(*) FROM trial_reference) AS rows_left;
