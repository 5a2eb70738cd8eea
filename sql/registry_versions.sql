-- Registry: versions of imported records, curators' corrections kept
-- across re-imports and conflicts reported, duplicates across registries
-- and trial_merge, bulk import (issue 13).
SET extra_float_digits = 0;
\set SHOW_CONTEXT never

-- versions_try() runs a statement and reports (state, message)
CREATE FUNCTION versions_try(stmt text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stmt;
  state := '00000';
  message := 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END $$;

-- ---------------------------------------------------------------
-- Where two records differ
-- ---------------------------------------------------------------
SELECT jsonb_changed_paths('{"a": 1, "b": {"c": [1, 2], "d": "x"}, "e": null, "g": {"h": 1}}',
                           '{"a": 1.0, "b": {"c": [1, 3, 4], "d": "x"}, "f": true, "my key": 1, "g": [1]}') AS paths;
SELECT jsonb_changed_paths('{"a": [1, {"b": 2}]}', '{"a": [1, {"b": 2}]}') AS same,
       jsonb_changed_paths('[1]', '{"a": 1}') AS root,
       jsonb_changed_paths('{"a": 1}', '{}') AS removed;

-- ---------------------------------------------------------------
-- Importing the same record twice changes nothing and makes no version
-- ---------------------------------------------------------------
\set rec `cat test/fixtures/ctgov_synthetic_study.json`
SELECT ctgov_import(:'rec');
CREATE TEMP TABLE first_import AS
SELECT table_name, row_key, row_data - '{outcome_id,adverse_event_id,imported_at}'::text[] AS row_data
FROM registry_imported_rows('NCT09999901');
SELECT ctgov_import(:'rec');
SELECT (SELECT count(*) FROM first_import) AS rows_imported,
       (SELECT count(*) FROM (SELECT table_name, row_key, row_data - '{outcome_id,adverse_event_id,imported_at}'::text[]
                              FROM registry_imported_rows('NCT09999901')
                              EXCEPT SELECT * FROM first_import) x) AS rows_changed,
       (SELECT count(*) FROM trial_version) AS versions;

-- ---------------------------------------------------------------
-- A curator corrects imported rows with UPDATE; each change is a correction
-- ---------------------------------------------------------------
SET msc_registry.correction_note = 'publication, Table 2';
UPDATE arm SET route = 'intravenous' WHERE trial_id = 'NCT09999901' AND label = 'Saline';
UPDATE outcome o SET sd = 3.3 FROM arm a
WHERE a.arm_id = o.arm_id AND a.trial_id = 'NCT09999901' AND a.label = 'Saline'
  AND o.instrument = 'womac_pain' AND o.week = 26 AND o.kind = 'change';
UPDATE trial SET enrollment = 61 WHERE trial_id = 'NCT09999901';
RESET msc_registry.correction_note;
UPDATE trial SET enrollment = 62 WHERE trial_id = 'NCT09999901';
SELECT table_name, row_key, column_name, imported_value, corrected_value, note, corrected_by = current_user AS by_me
FROM correction ORDER BY correction_id;
-- set back to the imported value, a correction is gone
UPDATE arm SET arm_type = 'sham_comparator' WHERE trial_id = 'NCT09999901' AND label = 'Saline';
UPDATE arm SET arm_type = 'placebo_comparator' WHERE trial_id = 'NCT09999901' AND label = 'Saline';
SELECT count(*) AS arm_type_corrections FROM correction WHERE column_name = 'arm_type';
-- a trial entered by hand has no corrections: its rows are the curator's own
INSERT INTO trial (trial_id, title) VALUES ('LOCAL-HANDMADE', 'Entered by hand');
UPDATE trial SET enrollment = 10 WHERE trial_id = 'LOCAL-HANDMADE';
SELECT count(*) AS manual_corrections FROM correction WHERE trial_id = 'LOCAL-HANDMADE';

-- ---------------------------------------------------------------
-- The corrections survive a re-import
-- ---------------------------------------------------------------
SELECT ctgov_import(:'rec');
SELECT t.enrollment, a.route, o.sd
FROM trial t JOIN arm a USING (trial_id) JOIN outcome o USING (arm_id)
WHERE t.trial_id = 'NCT09999901' AND a.label = 'Saline' AND o.instrument = 'womac_pain' AND o.week = 26;
SELECT count(*) AS conflicts, (SELECT count(*) FROM trial_version) AS versions FROM correction_conflict;

-- a key column corrected (the week) and then another column of the same row:
-- one row, known by its key as imported; both survive
UPDATE outcome o SET week = 27 FROM arm a
WHERE a.arm_id = o.arm_id AND a.trial_id = 'NCT09999901' AND a.label = 'Hyaluronic acid'
  AND o.instrument = 'womac_pain' AND o.week = 26 AND o.kind = 'change';
UPDATE outcome o SET n = 14 FROM arm a
WHERE a.arm_id = o.arm_id AND a.trial_id = 'NCT09999901' AND a.label = 'Hyaluronic acid'
  AND o.instrument = 'womac_pain' AND o.week = 27 AND o.kind = 'change';
SELECT row_key, column_name, imported_value, corrected_value FROM correction
WHERE table_name = 'outcome' AND row_key ->> 'arm' = 'Hyaluronic acid' ORDER BY correction_id;
SELECT ctgov_import(:'rec');
SELECT o.week, o.n, o.mean FROM outcome o JOIN arm a USING (arm_id)
WHERE a.trial_id = 'NCT09999901' AND a.label = 'Hyaluronic acid' AND o.instrument = 'womac_pain' AND o.kind = 'change';
SELECT count(*) AS conflicts FROM correction_conflict;

-- ---------------------------------------------------------------
-- A new version of the record: kept with the paths that changed; a
-- correction made against a value the record no longer gives is reported
-- and not applied
-- ---------------------------------------------------------------
SELECT ctgov_import(jsonb_set(jsonb_set(:'rec'::jsonb, '{protocolSection,designModule,enrollmentInfo,count}', '70'),
                              '{protocolSection,identificationModule,briefTitle}', '"A new title"'));
SELECT trial_id, version, changed_paths, record = :'rec'::jsonb AS first_record, replaced_at >= imported_at AS ordered
FROM trial_version;
SELECT t.enrollment, a.route FROM trial t JOIN arm a USING (trial_id)
WHERE t.trial_id = 'NCT09999901' AND a.label = 'Saline';
SELECT c.table_name, c.column_name, c.imported_value, c.corrected_value, x.new_imported_value, x.reason
FROM correction_conflict x JOIN correction c USING (correction_id);
-- the curator keeps the correction: made again, it is against the new value
UPDATE trial SET enrollment = 62 WHERE trial_id = 'NCT09999901';
SELECT imported_value, corrected_value, (SELECT count(*) FROM correction_conflict) AS conflicts
FROM correction WHERE column_name = 'enrollment';
SELECT ctgov_import(jsonb_set(jsonb_set(:'rec'::jsonb, '{protocolSection,designModule,enrollmentInfo,count}', '70'),
                              '{protocolSection,identificationModule,briefTitle}', '"A new title"'));
SELECT enrollment, (SELECT count(*) FROM correction_conflict) AS conflicts, (SELECT count(*) FROM trial_version) AS versions
FROM trial WHERE trial_id = 'NCT09999901';
-- the record comes to give the corrected value: the correction retires
SELECT ctgov_import(jsonb_set(:'rec'::jsonb, '{protocolSection,designModule,enrollmentInfo,count}', '62'));
SELECT count(*) AS enrollment_corrections FROM correction WHERE column_name = 'enrollment';
SELECT version, changed_paths FROM trial_version WHERE trial_id = 'NCT09999901' ORDER BY version;
-- a corrected row the record no longer has is reported
SELECT ctgov_import(jsonb_set(:'rec'::jsonb, '{protocolSection,armsInterventionsModule,armGroups,3,label}', '"Normal saline"'));
SELECT c.table_name, c.row_key, c.column_name, x.new_imported_value, x.reason
FROM correction_conflict x JOIN correction c USING (correction_id) ORDER BY x.conflict_id;
-- deleting the correction takes the record's value; the next import is clean
DELETE FROM correction WHERE row_key ->> 'arm' = 'Saline' OR row_key ->> 'label' = 'Saline';
SELECT ctgov_import(:'rec');
SELECT count(*) AS conflicts, (SELECT count(*) FROM correction) AS corrections FROM correction_conflict;

-- ---------------------------------------------------------------
-- Duplicates across registries
-- ---------------------------------------------------------------
SELECT ctgov_import(jsonb_build_object('protocolSection', jsonb_build_object(
    'identificationModule', jsonb_build_object('nctId', 'NCT09999905', 'briefTitle', 'MSCs for knee OA',
        'secondaryIdInfos', jsonb_build_array(jsonb_build_object('id', '2015-003324-32', 'type', 'EUDRACT_NUMBER'))),
    'referencesModule', jsonb_build_object('references', jsonb_build_array(jsonb_build_object('pmid', '31234567', 'type', 'RESULT'))),
    'armsInterventionsModule', jsonb_build_object('armGroups', jsonb_build_array(
        jsonb_build_object('label', 'MSC', 'type', 'EXPERIMENTAL'), jsonb_build_object('label', 'Saline', 'type', 'PLACEBO_COMPARATOR')))),
    'hasResults', false));
-- an extension study citing it (same registry: no candidate)
SELECT ctgov_import('{"protocolSection": {"identificationModule": {"nctId": "NCT09999906",
    "briefTitle": "Long-term follow-up of the participants of NCT09999905"}}}');
INSERT INTO trial (trial_id, title, start_date) VALUES
    ('PMID:31234567', 'Smith 2019: adipose MSCs against saline in knee osteoarthritis', '2017-05'),
    ('ISRCTN12345678', 'MSC knee trial, also EudraCT 2015-003324-32', NULL),
    ('2015-003324-32', 'MSC knee trial in the EU register', NULL);
-- secondary ids (as the import stores them): one naming another trial, one
-- listed by two trials of one registry
INSERT INTO trial_secondary_id (trial_id, id_text, id, id_type) VALUES
    ('NCT09999905', 'ISRCTN12345678', 'ISRCTN12345678', 'registry'),
    ('NCT09999905', 'ChiCTR2000012345', 'ChiCTR2000012345', 'registry'),
    ('NCT09999906', 'ChiCTR2000012345', 'ChiCTR2000012345', 'registry');
SELECT * FROM trial_duplicate_candidate ORDER BY trial_id, other_trial_id, evidence;

-- ---------------------------------------------------------------
-- trial_merge
-- ---------------------------------------------------------------
INSERT INTO arm (trial_id, label, arm_type) VALUES
    ('PMID:31234567', 'Saline', 'placebo_comparator'), ('PMID:31234567', 'Extra', 'other');
INSERT INTO participant (trial_id, arm_id, code)
SELECT trial_id, arm_id, 'P1' FROM arm WHERE trial_id = 'PMID:31234567' AND label = 'Saline';
INSERT INTO outcome (arm_id, instrument, week, kind, n, mean)
SELECT arm_id, 'vas', 26, 'value', 20, 41 FROM arm WHERE trial_id = 'PMID:31234567' AND label = 'Saline';
-- refused: itself, a missing trial, an imported record merged away, rows an
-- import would delete
SELECT * FROM versions_try($$SELECT trial_merge('NCT09999905', 'NCT09999905')$$);
SELECT * FROM versions_try($$SELECT trial_merge('NCT09999905', 'PMID:7')$$);
SELECT * FROM versions_try($$SELECT trial_merge('PMID:31234567', 'NCT09999905')$$);
SELECT * FROM versions_try($$SELECT trial_merge('NCT09999905', 'NCT09999906')$$);
SELECT * FROM versions_try($$SELECT trial_merge('NCT09999905', 'PMID:31234567')$$);
DELETE FROM outcome o USING arm a WHERE a.arm_id = o.arm_id AND a.trial_id = 'PMID:31234567';
SELECT * FROM versions_try($$SELECT trial_merge('NCT09999905', 'PMID:31234567')$$);
DELETE FROM arm WHERE trial_id = 'PMID:31234567' AND label = 'Extra';
-- only a registry administrator merges
CREATE ROLE regress_versions_curator;
SET ROLE regress_versions_curator;
SELECT * FROM versions_try($$SELECT trial_merge('NCT09999905', 'PMID:31234567')$$);
RESET ROLE;
DROP ROLE regress_versions_curator;
-- the participant moves to the arm of the same label; the empty start date is
-- filled (and is a correction of the imported trial)
SELECT * FROM trial_merge('NCT09999905', 'PMID:31234567');
SELECT p.trial_id, a.label, p.code FROM participant p JOIN arm a USING (arm_id) WHERE p.code = 'P1';
SELECT trial_id, start_date FROM trial WHERE trial_id IN ('NCT09999905', 'PMID:31234567');
SELECT column_name, imported_value, corrected_value, note FROM correction WHERE trial_id = 'NCT09999905';
-- two trials entered by hand: arms move whole (with participants), rows of
-- arms of one label join; the same outcome with other values is refused
INSERT INTO arm (trial_id, label, arm_type) VALUES
    ('ISRCTN12345678', 'MSC', 'experimental'), ('2015-003324-32', 'MSC', 'experimental'),
    ('2015-003324-32', 'Placebo', 'placebo_comparator');
INSERT INTO outcome (arm_id, instrument, week, kind, n, mean)
SELECT arm_id, 'vas', 26, 'value', 20, CASE trial_id WHEN 'ISRCTN12345678' THEN 30 ELSE 31 END FROM arm WHERE label = 'MSC'
  AND trial_id IN ('ISRCTN12345678', '2015-003324-32');
INSERT INTO outcome (arm_id, instrument, week, kind, n, mean)
SELECT arm_id, 'vas', 52, 'value', 19, 28 FROM arm WHERE label = 'MSC' AND trial_id = '2015-003324-32';
INSERT INTO participant (trial_id, arm_id, code)
SELECT trial_id, arm_id, 'E-' || label FROM arm WHERE trial_id = '2015-003324-32';
INSERT INTO participant (trial_id, arm_id, code)
SELECT trial_id, arm_id, 'E-MSC' FROM arm WHERE trial_id = 'ISRCTN12345678';
SELECT * FROM versions_try($$SELECT trial_merge('ISRCTN12345678', '2015-003324-32')$$);
UPDATE outcome o SET mean = 30 FROM arm a WHERE a.arm_id = o.arm_id AND a.trial_id = '2015-003324-32' AND o.week = 26;
SELECT * FROM versions_try($$SELECT trial_merge('ISRCTN12345678', '2015-003324-32')$$);
UPDATE participant SET code = 'E-MSC-2' WHERE trial_id = '2015-003324-32' AND code = 'E-MSC';
SELECT * FROM trial_merge('ISRCTN12345678', '2015-003324-32');
SELECT a.trial_id, a.label, (SELECT array_agg(o.week ORDER BY o.week) FROM outcome o WHERE o.arm_id = a.arm_id) AS weeks,
       (SELECT array_agg(p.code ORDER BY p.code) FROM participant p WHERE p.arm_id = a.arm_id AND p.trial_id = a.trial_id) AS codes
FROM arm a WHERE a.trial_id IN ('ISRCTN12345678', '2015-003324-32') ORDER BY a.label;
SELECT count(*) AS dropped_left FROM trial WHERE trial_id = '2015-003324-32';

-- ---------------------------------------------------------------
-- Bulk import: JSON lines through \copy, then one call
-- ---------------------------------------------------------------
CREATE TEMP TABLE staging (line bigint GENERATED ALWAYS AS IDENTITY, doc text);
\copy staging (doc) FROM 'test/fixtures/ctgov_bulk.jsonl' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
SELECT records, imported, failed, problems FROM ctgov_import_staged('staging', 2);
SELECT source, records, imported, failed, problems, finished_at >= started_at AS finished FROM import_batch;
SELECT line, trial_id, sqlstate, message, left(raw_value, 40) AS raw_value
FROM bulk_import_problem ORDER BY line;
SELECT trial_id, title FROM trial WHERE trial_id IN ('NCT09999903', 'NCT09999904') ORDER BY trial_id;
SELECT json_path, reason FROM import_problem WHERE trial_id = 'NCT09999904';
SELECT * FROM versions_try($$SELECT ctgov_import_staged('staging', 0)$$);
SELECT * FROM versions_try($$SELECT ctgov_import_staged('first_import')$$);

DELETE FROM trial;
DELETE FROM import_batch;
DROP FUNCTION versions_try(text);
