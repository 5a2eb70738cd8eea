-- Structure of the registry: tables, keys, foreign keys, checks, indexes,
-- comments, pg_dump registration, views and the import function.
BEGIN;
SELECT plan(117);

CREATE TEMP VIEW reg_table(name) AS
VALUES ('trial'), ('arm'), ('outcome'), ('participant'), ('assessment'), ('adverse_event'), ('import_problem'),
       ('site'), ('site_member'), ('registry_admin'), ('participant_adverse_event'),
       ('trial_version'), ('correction'), ('correction_conflict'), ('import_batch'), ('bulk_import_problem'),
       ('trial_secondary_id'), ('result_group'), ('trial_design'), ('trial_collaborator'), ('trial_reference');
CREATE TEMP VIEW reg_view(name) AS
VALUES ('arm_pain_summary'), ('trial_effect'), ('trial_stratum_effect'), ('pooled_effect'), ('safety_by_route'),
       ('safety_totals_by_route'), ('arm_adverse_event_summary'), ('pooling_exclusion'), ('pooling_flow'),
       ('trial_duplicate_candidate');
CREATE TEMP VIEW ext_schema AS
SELECT n.nspname AS name FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'msc_registry';

-- tables and views, all members of the extension
SELECT has_table((SELECT name FROM ext_schema), t.name, 'table ' || t.name) FROM reg_table t;
SELECT has_view((SELECT name FROM ext_schema), v.name, 'view ' || v.name) FROM reg_view v;
SELECT is_empty($$
    SELECT x.name FROM (SELECT name FROM reg_table UNION ALL SELECT name FROM reg_view) x
    WHERE NOT EXISTS (
        SELECT 1 FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = x.name::regclass
          AND d.refclassid = 'pg_extension'::regclass AND e.extname = 'msc_registry' AND d.deptype = 'e') $$,
    'every registry table and view belongs to the extension');

-- primary keys
SELECT col_is_pk('trial', 'trial_id', 'trial: key trial_id');
SELECT col_is_pk('arm', 'arm_id', 'arm: key arm_id');
SELECT col_is_pk('outcome', 'outcome_id', 'outcome: key outcome_id');
SELECT col_is_pk('participant', 'participant_id', 'participant: key participant_id');
SELECT col_is_pk('assessment', ARRAY['participant_id', 'week', 'instrument'], 'assessment: key (participant, week, instrument)');
SELECT col_is_pk('adverse_event', 'adverse_event_id', 'adverse_event: key adverse_event_id');
SELECT col_is_pk('import_problem', 'problem_id', 'import_problem: key problem_id');

-- natural keys
SELECT col_is_unique('arm', ARRAY['trial_id', 'label'], 'arm: one label per trial');
SELECT col_is_unique('outcome', ARRAY['arm_id', 'instrument', 'week', 'kind'], 'outcome: one row per arm, instrument, week and kind');
SELECT col_is_unique('participant', ARRAY['trial_id', 'code'], 'participant: one code per trial');
SELECT col_is_unique('adverse_event', ARRAY['arm_id', 'result_group_id', 'serious', 'term', 'organ_system', 'grade', 'relatedness'],
                     'adverse_event: one row per arm or result group, seriousness, term, organ system, grade and relatedness');
SELECT ok((SELECT indnullsnotdistinct FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           WHERE i.indrelid = 'adverse_event'::regclass AND i.indisunique AND NOT i.indisprimary),
          'adverse_event: NULL grade and relatedness count as equal in its key (NULLS NOT DISTINCT)');

-- foreign keys, all cascading from the trial down
SELECT fk_ok('arm', 'trial_id', 'trial', 'trial_id');
SELECT fk_ok('outcome', 'arm_id', 'arm', 'arm_id');
SELECT fk_ok('participant', ARRAY['arm_id', 'trial_id'], 'arm', ARRAY['arm_id', 'trial_id']);
SELECT fk_ok('assessment', 'participant_id', 'participant', 'participant_id');
SELECT fk_ok('adverse_event', 'arm_id', 'arm', 'arm_id');
SELECT fk_ok('import_problem', 'trial_id', 'trial', 'trial_id');
SELECT is_empty($$ SELECT conname::text FROM pg_constraint
                   WHERE contype = 'f' AND conrelid IN (SELECT name::regclass FROM reg_table) AND confdeltype <> 'c'
                     AND conname NOT IN ('participant_site_fkey', 'result_group_arm_id_trial_id_fkey',
                                         'result_group_curated_arm_id_trial_id_fkey') $$,
                'every foreign key cascades deletes (but a participant''s site and a result group''s arms)');
SELECT set_eq($$ SELECT confdeltype::text FROM pg_constraint
                 WHERE conname IN ('result_group_arm_id_trial_id_fkey', 'result_group_curated_arm_id_trial_id_fkey') $$,
              $$ VALUES ('n') $$, 'deleting an arm leaves its result groups, unmapped (SET NULL)');
SELECT is((SELECT confdeltype::text || confupdtype::text FROM pg_constraint WHERE conname = 'participant_site_fkey'),
          'ac', 'a site with participants cannot be deleted; renaming it renames theirs');

-- column types
SELECT col_type_is('trial', 'trial_id', 'trial_id', 'trial.trial_id is a trial_id');
SELECT col_type_is('arm', 'source', 'msc_source', 'arm.source is an msc_source');
SELECT col_type_is('arm', 'route', 'msc_route', 'arm.route is an msc_route');
SELECT col_type_is('arm', 'donor', 'msc_donor', 'arm.donor is an msc_donor');
SELECT col_type_is('arm', 'manipulation', 'msc_manipulation', 'arm.manipulation is an msc_manipulation');
SELECT col_type_is('arm', 'dose', 'cell_dose', 'arm.dose is a cell_dose');
SELECT col_type_is('assessment', 'score', 'pain_score', 'assessment.score is a pain_score');
SELECT col_type_is('outcome', 'week', 'numeric(7,2)', 'outcome.week in weeks, two decimals');
SELECT col_type_is('assessment', 'week', 'numeric(7,2)', 'assessment.week in weeks, two decimals');
SELECT is((SELECT attgenerated::text FROM pg_attribute WHERE attrelid = 'assessment'::regclass AND attname = 'instrument'),
          's', 'assessment.instrument is a stored generated column');
SELECT is((SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
           WHERE d.adrelid = 'assessment'::regclass AND a.attname = 'instrument'),
          'instrument(score)', 'assessment.instrument is instrument(score)');

-- checks that keep bad rows out
SELECT col_has_check('trial', 'condition_category', 'trial.condition_category is checked');
SELECT col_has_check('trial', 'phases', 'trial.phases is checked');
SELECT col_has_check('arm', 'arm_type', 'arm.arm_type is checked');
SELECT col_has_check('arm', 'co_interventions', 'arm.co_interventions is checked');
SELECT col_has_check('outcome', 'instrument', 'outcome.instrument is checked');
SELECT col_has_check('outcome', 'n', 'outcome.n is checked');
SELECT col_has_check('outcome', 'sd', 'outcome.sd is checked');
SELECT col_has_check('adverse_event', 'grade', 'adverse_event.grade is checked');
SELECT col_has_check('adverse_event', 'relatedness', 'adverse_event.relatedness is checked');
SELECT col_has_check('adverse_event', 'n_affected', 'adverse_event.n_affected is checked');
SELECT col_has_check('import_problem', 'json_path', 'import_problem.json_path is checked');
SELECT set_has($$ SELECT conname::text FROM pg_constraint WHERE contype = 'c' $$,
               $$ VALUES ('trial_origin_record_check'), ('arm_msc_product_only_msc_check'), ('arm_sae_within_risk_check'), ('arm_deaths_within_risk_check'),
                         ('outcome_sd_with_source_check'), ('outcome_change_after_baseline_check'), ('outcome_mean_in_range_check'),
                         ('adverse_event_affected_within_risk_check'), ('adverse_event_events_cover_affected_check') $$,
               'the row checks spanning several columns have names that say what they check');
SELECT is((SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'adverse_event_grade_check'),
          'CHECK (((grade >= 1) AND (grade <= 5)))', 'CTCAE grade 1 to 5');
SELECT col_not_null(t, c, t || '.' || c || ' is NOT NULL')
FROM (VALUES ('arm', 'trial_id'), ('arm', 'label'), ('arm', 'is_msc'), ('outcome', 'arm_id'), ('outcome', 'instrument'),
             ('outcome', 'week'), ('outcome', 'kind'), ('outcome', 'n'), ('outcome', 'mean'),
             ('participant', 'arm_id'), ('participant', 'code'), ('assessment', 'score'),
             ('adverse_event', 'term'), ('adverse_event', 'serious'), ('adverse_event', 'n_affected'),
             ('adverse_event', 'n_at_risk'), ('import_problem', 'json_path'), ('import_problem', 'reason')) AS v(t, c);

-- indexes for the views' joins and the cascades
SELECT has_index('trial', 'trial_condition_idx', 'condition_category', 'trial by condition category (pooled effects)');
SELECT has_index('participant', 'participant_arm_idx', 'arm_id', 'participant by arm (arm summaries)');
SELECT has_index('import_problem', 'import_problem_trial_idx', 'trial_id', 'import_problem by trial (re-import)');
SELECT is_empty($$ SELECT c.conrelid::regclass || '.' || c.conname FROM pg_constraint c
                   WHERE c.contype = 'f' AND c.conrelid IN (SELECT name::regclass FROM reg_table)
                     AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
                                     AND (i.indkey::int2[])[0] = c.conkey[1]) $$,
                'every foreign key has an index leading with its (first) column');

-- pg_dump keeps the rows: every table (and its identity sequence) is registered
SELECT set_eq($$ SELECT unnest(extconfig)::regclass::text FROM pg_extension WHERE extname = 'msc_registry' $$,
              $$ SELECT name FROM reg_table
                 UNION ALL SELECT pg_get_serial_sequence(name, a.attname)::regclass::text
                 FROM reg_table JOIN pg_attribute a ON a.attrelid = name::regclass AND a.attidentity <> '' $$,
              'pg_extension_config_dump registers the twenty-one tables and their identity sequences');
SELECT ok((SELECT bool_and(c = '') FROM pg_extension, unnest(extcondition) AS c WHERE extname = 'msc_registry'),
          'with no filter: pg_dump keeps every row');

-- comments
SELECT is_empty($$ SELECT name FROM (SELECT name FROM reg_table UNION ALL SELECT name FROM reg_view) x
                   WHERE obj_description(name::regclass, 'pg_class') IS NULL $$,
                'every table and view has a COMMENT');
SELECT is_empty($$ SELECT i.indexrelid::regclass::text FROM pg_index i
                   WHERE i.indrelid IN (SELECT name::regclass FROM reg_table)
                     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                     AND obj_description(i.indexrelid, 'pg_class') IS NULL $$,
                'every index that is not a key has a COMMENT');
SELECT is_empty($$ SELECT t || '.' || c FROM (VALUES
                       ('trial', 'condition_category'), ('trial', 'origin'), ('trial', 'ctgov_record'),
                       ('arm', 'is_msc'), ('arm', 'route'), ('arm', 'co_interventions'), ('arm', 'sae_affected'),
                       ('outcome', 'week'), ('outcome', 'kind'), ('outcome', 'sd'), ('outcome', 'sd_source'),
                       ('outcome', 'conversion'), ('outcome', 'json_path'), ('participant', 'site'),
                       ('assessment', 'instrument'), ('adverse_event', 'grade'), ('adverse_event', 'relatedness'),
                       ('import_problem', 'json_path'), ('import_problem', 'dropped'), ('import_problem', 'raw_value'),
                       ('arm_pain_summary', 'preferred'), ('trial_effect', 'smd_yi'), ('pooled_effect', 'smd'))
                       AS v(t, c)
                   JOIN pg_attribute a ON a.attrelid = t::regclass AND a.attname = c
                   WHERE col_description(a.attrelid, a.attnum) IS NULL $$,
                'the columns that need explaining have a COMMENT');

-- the import function and the readers
SELECT function_returns('ctgov_import', ARRAY['jsonb'], 'trial_id', 'ctgov_import(jsonb) returns a trial_id');
SELECT function_lang_is('ctgov_import', ARRAY['jsonb'], 'plpgsql', 'ctgov_import is PL/pgSQL');
SELECT volatility_is('ctgov_import', ARRAY['jsonb'], 'volatile', 'ctgov_import is volatile');
SELECT function_returns('pain_instrument_of', ARRAY['text', 'text'], 'text', 'pain_instrument_of(title, unit) returns text');
SELECT function_returns('timepoint_weeks', ARRAY['text'], 'numeric[]', 'timepoint_weeks(text) returns numeric[]');
SELECT function_returns('condition_category', ARRAY['text[]'], 'text', 'condition_category(text[]) returns text');
SELECT volatility_is('condition_category', ARRAY['text[]'], 'immutable', 'condition_category is immutable');
SELECT volatility_is('timepoint_weeks', ARRAY['text'], 'immutable', 'timepoint_weeks is immutable');
SELECT volatility_is('pain_instrument_of', ARRAY['text', 'text'], 'immutable', 'pain_instrument_of is immutable');

-- safe against a hostile search_path, never SECURITY DEFINER
CREATE TEMP VIEW reg_function AS
SELECT p.* FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'msc_registry'
WHERE p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'));
SELECT cmp_ok((SELECT count(*) FROM reg_function), '>=', 15::bigint, 'the registry has its SQL and PL/pgSQL functions');
SELECT is_empty($$ SELECT oid::regprocedure::text FROM reg_function
                   WHERE prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
                     AND NOT coalesce(proconfig, '{}') @> ARRAY['search_path=pg_catalog, pg_temp'] $$,
                'every PL/pgSQL function pins search_path to pg_catalog, pg_temp (its own schema off the path)');
SELECT is_empty($$ SELECT oid::regprocedure::text FROM reg_function
                   WHERE prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql') AND prosqlbody IS NULL $$,
                'every SQL function has an SQL-standard body, bound when it is created');
SELECT is_empty($$ SELECT oid::regprocedure::text FROM reg_function WHERE prosecdef $$,
                'no registry function is SECURITY DEFINER');

SELECT * FROM finish();
ROLLBACK;
