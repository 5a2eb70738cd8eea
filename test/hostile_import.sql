-- Hostile ClinicalTrials.gov documents for ctgov_import(), built here in
-- SQL (nothing large is stored in the repository): deep nesting, 10 MB
-- strings, wrong JSON types at every module, missing modules, missing or
-- bad nctId.  Each must be refused with its documented SQLSTATE, or be
-- imported with an import_problem row saying what was not loaded.
-- Run by test/hostile_import.sh, which also checks that the server never
-- restarted.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT pg_backend_pid() AS pid0 \gset

-- a small valid study with a fresh NCT number; patch puts v at path
CREATE TEMP SEQUENCE hostile_nct START 1;
CREATE FUNCTION pg_temp.study(patch_path text[] DEFAULT NULL, v jsonb DEFAULT NULL) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT CASE WHEN patch_path IS NULL THEN s ELSE jsonb_set(s, patch_path, v, true) END
  FROM (SELECT jsonb_build_object(
    'protocolSection', jsonb_build_object(
      'identificationModule', jsonb_build_object('nctId', format('NCT0999%s', lpad(nextval('hostile_nct')::text, 4, '0')),
                                                 'briefTitle', 'Hostile document', 'officialTitle', 'A hostile document'),
      'statusModule', jsonb_build_object('overallStatus', 'COMPLETED', 'startDateStruct', jsonb_build_object('date', '2020-01')),
      'designModule', jsonb_build_object('studyType', 'INTERVENTIONAL', 'phases', jsonb_build_array('PHASE2'),
                                         'enrollmentInfo', jsonb_build_object('count', 20)),
      'conditionsModule', jsonb_build_object('conditions', jsonb_build_array('Knee Osteoarthritis')),
      'armsInterventionsModule', jsonb_build_object(
          'armGroups', jsonb_build_array(jsonb_build_object('label', 'MSC', 'type', 'EXPERIMENTAL',
              'description', 'Autologous adipose MSCs, 5e7 cells, intra-articular injection'))),
      'descriptionModule', jsonb_build_object('briefSummary', 'A study.')),
    'resultsSection', jsonb_build_object(
      'adverseEventsModule', jsonb_build_object(
          'eventGroups', jsonb_build_array(jsonb_build_object('id', 'EG000', 'title', 'MSC')),
          'seriousEvents', jsonb_build_array(jsonb_build_object('term', 'Knee effusion', 'organSystem', 'Musculoskeletal',
              'stats', jsonb_build_array(jsonb_build_object('groupId', 'EG000', 'numAffected', 1, 'numAtRisk', 10)))))),
    'hasResults', true) AS s) AS x
$$;

-- deep nesting: n levels of arrays, or of objects
CREATE FUNCTION pg_temp.nested_array(n int) RETURNS text LANGUAGE sql AS $$ SELECT repeat('[', n) || '1' || repeat(']', n) $$;
CREATE FUNCTION pg_temp.nested_object(n int) RETURNS text LANGUAGE sql AS $$ SELECT repeat('{"a":', n) || '1' || repeat('}', n) $$;

-- name, the document as text (cast to jsonb when run), the SQLSTATE
-- expected ('00000': imported), and a pattern that some import_problem row
-- ("json_path: reason") must match (NULL: none needed)
CREATE TEMP TABLE hostile (n serial, name text, doc text, expect_state text, expect_problem text);
INSERT INTO hostile (name, doc, expect_state, expect_problem) VALUES
-- not a study at all
('a JSON array', '[]', '22023', NULL),
('a JSON number', '42', '22023', NULL),
('a JSON string', '"NCT01234567"', '22023', NULL),
('JSON null', 'null', '22023', NULL),
('JSON true', 'true', '22023', NULL),
('an empty object', '{}', '22023', NULL),
('an array of numbers', '[1, 2, 3]', '22023', NULL),
('a page of search results', '{"studies": [{}]}', '22023', NULL),
('an API v1 record', '{"FullStudiesResponse": {}}', '22023', NULL),
-- missing or mistyped protocolSection and nctId
('protocolSection missing', (SELECT (pg_temp.study() - 'protocolSection')::text), '22023', NULL),
('protocolSection a string', (SELECT pg_temp.study('{protocolSection}', '"x"')::text), '22023', NULL),
('protocolSection an array', (SELECT pg_temp.study('{protocolSection}', '[1,2]')::text), '22023', NULL),
('protocolSection null', (SELECT pg_temp.study('{protocolSection}', 'null')::text), '22023', NULL),
('identificationModule missing', (SELECT (pg_temp.study() #- '{protocolSection,identificationModule}')::text), '22023', NULL),
('identificationModule a string', (SELECT pg_temp.study('{protocolSection,identificationModule}', '"NCT01234567"')::text), '22023', NULL),
('identificationModule an array', (SELECT pg_temp.study('{protocolSection,identificationModule}', '["NCT01234567"]')::text), '22023', NULL),
('nctId missing', (SELECT (pg_temp.study() #- '{protocolSection,identificationModule,nctId}')::text), '22023', NULL),
('nctId null', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', 'null')::text), '22023', NULL),
('nctId a number', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '1234567')::text), '22023', NULL),
('nctId an array', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '["NCT01234567"]')::text), '22023', NULL),
('nctId an object', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '{"id": "NCT01234567"}')::text), '22023', NULL),
('nctId true', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', 'true')::text), '22023', NULL),
('nctId seven digits', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '"NCT0123456"')::text), '22023', NULL),
('nctId lower case', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '"nct01234567"')::text), '22023', NULL),
('nctId with a line feed', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '"NCT01234567\n"')::text), '22023', NULL),
('nctId fullwidth digits', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '"NCT０１２３４５６７"')::text), '22023', NULL),
('nctId SQL injection', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '"NCT01234567''; DROP TABLE trial; --"')::text), '22023', NULL),
('nctId 10 MB', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', to_jsonb('NCT' || repeat('0', 10485760)))::text), '22023', NULL),
('nctId an EudraCT number', (SELECT pg_temp.study('{protocolSection,identificationModule,nctId}', '"2004-000123-45"')::text), '22023', NULL),
-- deep nesting
('10000 nested arrays as the document', pg_temp.nested_array(10000), '22023', NULL),
('10000 nested objects as the document', pg_temp.nested_object(10000), '22023', NULL),
('1000000 nested arrays as the document', pg_temp.nested_array(1000000), '54001', NULL),
('10000 nested arrays in an unread module', (SELECT replace(pg_temp.study('{protocolSection,descriptionModule}', '"@@"')::text, '"@@"', pg_temp.nested_array(10000))), '00000', NULL),
('10000 nested objects as an arm description', (SELECT replace(pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,description}', '"@@"')::text, '"@@"', pg_temp.nested_object(10000))), '00000', 'armGroups\[0\]\.description: .*not a text'),
('10000 nested arrays as the arm groups', (SELECT replace(pg_temp.study('{protocolSection,armsInterventionsModule,armGroups}', '"@@"')::text, '"@@"', pg_temp.nested_array(10000))), '00000', 'armGroups\[0\]: arm group without a label'),
('10000 nested arrays as the nctId', (SELECT replace(pg_temp.study('{protocolSection,identificationModule,nctId}', '"@@"')::text, '"@@"', pg_temp.nested_array(10000))), '22023', NULL),
('10000 nested arrays as an outcome measure', (SELECT replace(pg_temp.study('{resultsSection,outcomeMeasuresModule}', '{"outcomeMeasures": "@@"}')::text, '"@@"', pg_temp.nested_array(10000))), '00000', 'outcomeMeasures\[0\]: an outcome measure that is not an object'),
-- 10 MB strings
('a 10 MB brief title', (SELECT pg_temp.study('{protocolSection,identificationModule,briefTitle}', to_jsonb(repeat('knee pain ', 1048576)))::text), '00000', NULL),
('a 10 MB official title', (SELECT pg_temp.study('{protocolSection,identificationModule,officialTitle}', to_jsonb(repeat('x', 10485760)))::text), '00000', NULL),
('a 10 MB arm description', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,description}', to_jsonb(repeat('adipose MSC ', 873814)))::text), '00000', 'armGroups\[0\]: the arm''s text could not be classified'),
('a 10 MB arm label', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,label}', to_jsonb(repeat('MSC arm ', 1310720)))::text), '00000', 'armGroups\[0\]\.label: .*longer than'),
('a 10 MB random-ish arm label', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,label}', to_jsonb((SELECT string_agg(md5(i::text), '') FROM generate_series(1, 327680) AS i)))::text), '00000', 'armGroups\[0\]\.label: .*longer than'),
('a 10 MB condition', (SELECT pg_temp.study('{protocolSection,conditionsModule,conditions,0}', to_jsonb(repeat('osteoarthritis ', 699051)))::text), '00000', NULL),
('a 10 MB overall status', (SELECT pg_temp.study('{protocolSection,statusModule,overallStatus}', to_jsonb(repeat('COMPLETED', 1165084)))::text), '00000', 'overallStatus: not a recruitment status'),
('a 10 MB adverse event term', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,seriousEvents,0,term}', to_jsonb(repeat('effusion ', 1165084)))::text), '00000', 'seriousEvents\[0\]\.term: .*longer than'),
('a 10 MB organ system', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,seriousEvents,0,organSystem}', to_jsonb((SELECT string_agg(md5(i::text), '') FROM generate_series(1, 327680) AS i)))::text), '00000', 'seriousEvents\[0\]\.organSystem: .*longer than'),
('a 10 MB start date', (SELECT pg_temp.study('{protocolSection,statusModule,startDateStruct,date}', to_jsonb(repeat('2020', 2621440)))::text), '00000', 'startDateStruct\.date: start date is not'),
('a 10 MB outcome title', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}', jsonb_build_object('outcomeMeasures', jsonb_build_array(jsonb_build_object('title', repeat('WOMAC pain ', 953251), 'paramType', 'MEAN'))))::text), '00000', 'outcomeMeasures\[0\]: the scale of womac_pain is not stated'),
-- wrong JSON types at each module
('statusModule a string', (SELECT pg_temp.study('{protocolSection,statusModule}', '"COMPLETED"')::text), '00000', 'statusModule: not an object'),
('designModule an array', (SELECT pg_temp.study('{protocolSection,designModule}', '["INTERVENTIONAL"]')::text), '00000', 'designModule: not an object'),
('conditionsModule a number', (SELECT pg_temp.study('{protocolSection,conditionsModule}', '42')::text), '00000', 'conditionsModule: not an object'),
('armsInterventionsModule null', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule}', 'null')::text), '00000', 'armsInterventionsModule: not an object'),
('armsInterventionsModule an array of numbers', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule}', '[1, 2, 3]')::text), '00000', 'armsInterventionsModule: not an object'),
('resultsSection a string', (SELECT pg_temp.study('{resultsSection}', '"none"')::text), '00000', 'resultsSection: not an object'),
('outcomeMeasuresModule true', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}', 'true')::text), '00000', 'outcomeMeasuresModule: not an object'),
('adverseEventsModule an array', (SELECT pg_temp.study('{resultsSection,adverseEventsModule}', '[]')::text), '00000', 'adverseEventsModule: not an object'),
('enrollmentInfo a string', (SELECT pg_temp.study('{protocolSection,designModule,enrollmentInfo}', '"20"')::text), '00000', 'enrollmentInfo: not an object'),
('startDateStruct a number', (SELECT pg_temp.study('{protocolSection,statusModule,startDateStruct}', '2020')::text), '00000', 'startDateStruct: not an object'),
('briefTitle an object', (SELECT pg_temp.study('{protocolSection,identificationModule,briefTitle}', '{"text": "x"}')::text), '00000', 'briefTitle: .*not a text'),
('officialTitle an array of numbers', (SELECT pg_temp.study('{protocolSection,identificationModule,officialTitle}', '[1, 2]')::text), '00000', 'officialTitle: .*not a text'),
('conditions a string', (SELECT pg_temp.study('{protocolSection,conditionsModule,conditions}', '"Knee OA"')::text), '00000', 'conditions: conditions are not a list'),
('conditions an array of numbers', (SELECT pg_temp.study('{protocolSection,conditionsModule,conditions}', '[1, 2]')::text), '00000', 'conditions\[0\]: a condition that is not a text'),
('conditions nulls', (SELECT pg_temp.study('{protocolSection,conditionsModule,conditions}', '[null]')::text), '00000', 'conditions\[0\]: a condition that is not a text'),
('phases a string', (SELECT pg_temp.study('{protocolSection,designModule,phases}', '"PHASE2"')::text), '00000', 'phases: not a list'),
('phases an array of numbers', (SELECT pg_temp.study('{protocolSection,designModule,phases}', '[2, 3]')::text), '00000', 'phases\[0\]: not a phase'),
('studyType an object', (SELECT pg_temp.study('{protocolSection,designModule,studyType}', '{}')::text), '00000', 'studyType: not a study type'),
('overallStatus a number', (SELECT pg_temp.study('{protocolSection,statusModule,overallStatus}', '3')::text), '00000', 'overallStatus: not a recruitment status'),
('enrollment count negative', (SELECT pg_temp.study('{protocolSection,designModule,enrollmentInfo,count}', '-5')::text), '00000', 'count: enrollment is not a count'),
('enrollment count huge', (SELECT pg_temp.study('{protocolSection,designModule,enrollmentInfo,count}', '1e400')::text), '00000', 'count: enrollment is not a count'),
('enrollment count an array', (SELECT pg_temp.study('{protocolSection,designModule,enrollmentInfo,count}', '[20]')::text), '00000', 'count: enrollment is not a count'),
('hasResults a string', (SELECT pg_temp.study('{hasResults}', '"yes"')::text), '00000', 'hasResults: hasResults is not true or false'),
('armGroups an object', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups}', '{"label": "MSC"}')::text), '00000', 'armGroups: not a list'),
('armGroups numbers', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups}', '[1, 2]')::text), '00000', 'armGroups\[1\]: arm group without a label'),
('armGroups nulls', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups}', '[null]')::text), '00000', 'armGroups\[0\]: arm group without a label'),
('arm label a number', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,label}', '7')::text), '00000', 'armGroups\[0\]: arm group without a label'),
('arm type an array', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,type}', '["EXPERIMENTAL"]')::text), '00000', 'armGroups\[0\]\.type: not an arm type'),
('interventions a string', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,interventions}', '"MSC"')::text), '00000', 'interventions: not a list'),
('interventions numbers and nulls', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,interventions}', '[1, null, "x", {"name": 5, "armGroupLabels": "MSC"}]')::text), '00000', NULL),
('interventionNames mixed', (SELECT pg_temp.study('{protocolSection,armsInterventionsModule,armGroups,0,interventionNames}', '[1, null, {"a": "b"}, "Biological: MSC"]')::text), '00000', NULL),
('outcomeMeasures an object', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}', '{"outcomeMeasures": {"title": "WOMAC"}}')::text), '00000', 'outcomeMeasures: not a list'),
('outcomeMeasures numbers', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}', '{"outcomeMeasures": [1, 2]}')::text), '00000', 'outcomeMeasures\[0\]: an outcome measure that is not an object'),
('an outcome measure of wrong types', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}',
    '{"outcomeMeasures": [{"title": "VAS pain", "unitOfMeasure": "mm", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION", "timeFrame": "Week 12",
       "groups": "OG000", "denoms": {"units": "Participants"}, "classes": [{"categories": [{"measurements": [{"groupId": 1, "value": [45]}]}]}]}]}')::text), '00000', 'measurements\[0\]: results group 1 "" is mapped to no arm'),
('result groups of wrong types', (SELECT pg_temp.study('{resultsSection,participantFlowModule}',
    '{"groups": [{"id": 7, "title": ["x"]}, {"id": "FG000", "title": {"a": 1}}, {"id": "FG000"}], "periods": [{"title": 3, "milestones": [{"type": "STARTED", "achievements": [{"groupId": "FG000", "numSubjects": -4}]}, 5]}]}')::text), '00000', 'participantFlowModule\.groups\[0\]: a results group without an id'),
('baseline groups and denominators not lists', (SELECT pg_temp.study('{resultsSection,baselineCharacteristicsModule}',
    '{"groups": {"id": "BG000"}, "denoms": [{"units": "Participants", "counts": [{"groupId": "BG000", "value": "many"}]}]}')::text), '00000', 'baselineCharacteristicsModule\.denoms\[0\]\.counts\[0\]: a denominator that is not'),
('adverse-event group totals of wrong types', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,eventGroups}',
    '[{"id": "EG000", "title": "MSC", "seriousNumAffected": "x", "seriousNumAtRisk": [10]}, {"id": "EG000", "title": "MSC"}]')::text), '00000', 'eventGroups\[1\]: group id EG000 is used twice'),
('an outcome measure of nulls', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}',
    '{"outcomeMeasures": [{"title": "VAS pain", "unitOfMeasure": "mm", "paramType": "MEAN", "dispersionType": null, "timeFrame": "Week 12",
       "groups": [null, 1, {"id": null}], "denoms": [null, {"counts": null}], "classes": [null, 1, {"categories": null}, {"categories": [null, {"measurements": [null, 5]}]}]}]}')::text), '00000', 'measurements\[0\]: results group \(none\)'),
('measurements with hostile values', (SELECT pg_temp.study('{resultsSection,outcomeMeasuresModule}',
    '{"outcomeMeasures": [{"title": "VAS pain", "unitOfMeasure": "mm", "paramType": "MEAN", "dispersionType": "STANDARD_DEVIATION", "timeFrame": "Week 12",
       "groups": [{"id": "OG000", "title": "MSC"}], "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "10"}]}],
       "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "1e999", "spread": "NaN"},
                                                     {"groupId": "OG000", "value": "45", "spread": "-Infinity"},
                                                     {"groupId": "OG000", "value": "99999999999999999999", "spread": "1"}]}]}]}]}')::text),
    '00000', 'measurements\[0\]\.value: value "1e999" is not a number'),
('eventGroups a number', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,eventGroups}', '7')::text), '00000', 'eventGroups: not a list'),
('seriousEvents an object', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,seriousEvents}', '{"term": "x"}')::text), '00000', 'seriousEvents: not a list'),
('otherEvents numbers', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,otherEvents}', '[1, null]')::text), '00000', 'otherEvents\[0\]: adverse event without a term'),
('adverse event term a number', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,seriousEvents,0,term}', '42')::text), '00000', 'seriousEvents\[0\]: adverse event without a term'),
('adverse event stats of wrong types', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,seriousEvents,0,stats}', '[1, {"groupId": "EG000", "numAffected": "many", "numAtRisk": [10]}]')::text), '00000', 'stats\[1\]: "Knee effusion": affected many'),
('event group counts of wrong types', (SELECT pg_temp.study('{resultsSection,adverseEventsModule,eventGroups,0}', '{"id": "EG000", "title": "MSC", "seriousNumAffected": {}, "seriousNumAtRisk": true, "deathsNumAffected": -1}')::text), '00000', 'eventGroups\[0\]: serious adverse events affected'),
-- strings PostgreSQL itself refuses
('a NUL escape in a string', '{"protocolSection": {"identificationModule": {"nctId": "NCT01234567\u0000"}}}', '22P05', NULL),
('a lone surrogate escape', '{"protocolSection": {"identificationModule": {"nctId": "\ud800"}}}', '22P02', NULL),
('not JSON at all', '{"protocolSection": ', '22P02', NULL);

SELECT count(*) AS documents, pg_size_pretty(sum(octet_length(doc))) AS total_size FROM hostile;

-- run each: the SQLSTATE, and the import_problem rows of the trial
CREATE TEMP TABLE outcome (n int, state text, message text, problems text[]);
DO $$
DECLARE
    h record;
    tid trial_id;
    st text;
    msg text;
BEGIN
    FOR h IN SELECT * FROM hostile ORDER BY n LOOP
        tid := NULL;
        BEGIN
            tid := ctgov_import(h.doc::jsonb);
            st := '00000';
            msg := NULL;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        END;
        INSERT INTO outcome
        SELECT h.n, st, left(msg, 200),
               ARRAY(SELECT left(p.json_path, 120) || ': ' || left(p.reason, 200) FROM import_problem p
                     WHERE p.trial_id = tid ORDER BY p.problem_id);
    END LOOP;
END $$;

-- every document, as expected or not
SELECT h.n, h.name, o.state, h.expect_state,
       o.state = h.expect_state
       AND (h.expect_problem IS NULL OR EXISTS (SELECT 1 FROM unnest(o.problems) AS p WHERE p ~ h.expect_problem)) AS as_expected,
       cardinality(o.problems) AS problems,
       coalesce(o.message, (SELECT p FROM unnest(o.problems) AS p WHERE h.expect_problem IS NOT NULL AND p ~ h.expect_problem LIMIT 1),
                o.problems[1]) AS message_or_problem
FROM hostile AS h JOIN outcome AS o USING (n)
ORDER BY h.n;

-- a document without an outcome row (never run) is not as expected
SELECT count(*) FILTER (WHERE NOT coalesce(o.state = h.expect_state
       AND (h.expect_problem IS NULL OR EXISTS (SELECT 1 FROM unnest(o.problems) AS p WHERE p ~ h.expect_problem)), false)) AS failures,
       count(*) AS total
FROM hostile AS h LEFT JOIN outcome AS o USING (n) \gset
\echo hostile_import: :total documents, :failures not as expected
SELECT pg_backend_pid() = :pid0 AS same_backend \gset
\echo hostile_import: same backend from the first document to the last: :same_backend
