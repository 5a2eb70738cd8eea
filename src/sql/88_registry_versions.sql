-- Registry, versions and corrections, duplicates across registries, bulk
-- import (issue 13).
--
-- ctgov_import() calls ctgov_import_begin() first (the record it replaces
-- becomes a trial_version row, with the JSON paths that changed) and
-- ctgov_import_end() last (the curators' corrections are applied again;
-- one whose row now holds another imported value is reported as a
-- correction_conflict, not applied).  A correction is recorded by trigger
-- when a row of an imported trial is updated outside ctgov_import: a
-- curator corrects with a plain UPDATE, as for any row.

-- ===================================================================
-- Versions of imported records
-- ===================================================================

CREATE FUNCTION @extschema@.jsonb_changed_paths(old jsonb, new jsonb)
    RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    -- walk down both documents together, only into objects and arrays that
    -- differ; a path is listed where the two stop being the same kind of
    -- container (a value changed, added or removed)
    WITH RECURSIVE d(path, a, b) AS (
        SELECT '$'::text, old, new
        UNION ALL
        SELECT d.path OPERATOR(pg_catalog.||) c.step, c.a, c.b
        FROM d, LATERAL (
            SELECT CASE WHEN k OPERATOR(pg_catalog.~) '^[A-Za-z_][A-Za-z0-9_]*$' THEN '.' OPERATOR(pg_catalog.||) k
                        ELSE '.' OPERATOR(pg_catalog.||) pg_catalog.to_jsonb(k)::text END AS step,
                   d.a OPERATOR(pg_catalog.->) k AS a, d.b OPERATOR(pg_catalog.->) k AS b
            FROM (SELECT pg_catalog.jsonb_object_keys(CASE WHEN pg_catalog.jsonb_typeof(d.a) OPERATOR(pg_catalog.=) 'object'
                                                            AND pg_catalog.jsonb_typeof(d.b) OPERATOR(pg_catalog.=) 'object'
                                                           THEN d.a ELSE '{}' END)
                  UNION
                  SELECT pg_catalog.jsonb_object_keys(CASE WHEN pg_catalog.jsonb_typeof(d.a) OPERATOR(pg_catalog.=) 'object'
                                                            AND pg_catalog.jsonb_typeof(d.b) OPERATOR(pg_catalog.=) 'object'
                                                           THEN d.b ELSE '{}' END)) AS ks(k)
            UNION ALL
            SELECT pg_catalog.format('[%s]', i), d.a OPERATOR(pg_catalog.->) i, d.b OPERATOR(pg_catalog.->) i
            FROM pg_catalog.generate_series(0, CASE WHEN pg_catalog.jsonb_typeof(d.a) OPERATOR(pg_catalog.=) 'array'
                                                     AND pg_catalog.jsonb_typeof(d.b) OPERATOR(pg_catalog.=) 'array'
                                                    THEN greatest(pg_catalog.jsonb_array_length(d.a),
                                                                             pg_catalog.jsonb_array_length(d.b)) OPERATOR(pg_catalog.-) 1
                                                    ELSE -1 END) AS i
        ) AS c
        WHERE d.a IS DISTINCT FROM d.b
    )
    SELECT coalesce(pg_catalog.array_agg(d.path ORDER BY d.path), '{}')
    FROM d
    WHERE d.a IS DISTINCT FROM d.b
      AND NOT (pg_catalog.jsonb_typeof(d.a) OPERATOR(pg_catalog.=) 'object' AND pg_catalog.jsonb_typeof(d.b) OPERATOR(pg_catalog.=) 'object')
      AND NOT (pg_catalog.jsonb_typeof(d.a) OPERATOR(pg_catalog.=) 'array' AND pg_catalog.jsonb_typeof(d.b) OPERATOR(pg_catalog.=) 'array');
END;
COMMENT ON FUNCTION @extschema@.jsonb_changed_paths(jsonb, jsonb) IS
    'the JSONPaths ($.a.b[2].c) where two JSON documents differ: a value changed, or a member or element present in one only; objects and arrays that differ are walked into (arrays element by element, by position); an empty array when they are equal';

CREATE TABLE @extschema@.trial_version (
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    version             integer NOT NULL CHECK (version > 0),
    record              jsonb NOT NULL CHECK (jsonb_typeof(record) = 'object'),
    imported_at         timestamptz NOT NULL,
    replaced_at         timestamptz NOT NULL,
    changed_paths       text[] NOT NULL CHECK (cardinality(changed_paths) > 0),
    PRIMARY KEY (trial_id, version)
);
COMMENT ON TABLE @extschema@.trial_version IS
    'an earlier ClinicalTrials.gov record of a trial, kept when ctgov_import() loaded a different one (an identical record makes no version); the current record is trial.ctgov_record';
COMMENT ON COLUMN @extschema@.trial_version.version IS '1 for the first record imported, then 2 ...; the current record comes after the last';
COMMENT ON COLUMN @extschema@.trial_version.record IS 'the record as it was imported, verbatim';
COMMENT ON COLUMN @extschema@.trial_version.imported_at IS 'when that record was imported';
COMMENT ON COLUMN @extschema@.trial_version.replaced_at IS 'when the next record replaced it';
COMMENT ON COLUMN @extschema@.trial_version.changed_paths IS 'where the next record differs from this one (jsonb_changed_paths)';

-- ===================================================================
-- Corrections of imported rows
-- ===================================================================

CREATE TABLE @extschema@.correction (
    correction_id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    table_name          text NOT NULL CHECK (table_name ~ '^[a-z_]+$'),
    row_key             jsonb NOT NULL CHECK (jsonb_typeof(row_key) = 'object'),
    column_name         text NOT NULL CHECK (column_name ~ '^[a-z_0-9]+$'),
    imported_value      jsonb NOT NULL,
    corrected_value     jsonb NOT NULL,
    note                text,
    corrected_by        text NOT NULL DEFAULT current_user,
    corrected_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (trial_id, table_name, row_key, column_name),
    CONSTRAINT correction_changes_value_check CHECK (imported_value <> corrected_value)
);
COMMENT ON TABLE @extschema@.correction IS
    'a value of an imported row that a curator changed (UPDATE outside ctgov_import, recorded by trigger registry_correction): applied again after every re-import of the trial, unless the record then gives another value than the one corrected (a correction_conflict)';
COMMENT ON COLUMN @extschema@.correction.table_name IS 'the table of the row: trial, arm, outcome or adverse_event';
COMMENT ON COLUMN @extschema@.correction.row_key IS
    'the row by what the import finds it by (registry_row_key): trial {trial_id}, arm {label}, outcome {arm, instrument, week, kind}, adverse_event {arm, serious, term, organ_system}, as imported';
COMMENT ON COLUMN @extschema@.correction.column_name IS 'the column corrected';
COMMENT ON COLUMN @extschema@.correction.imported_value IS 'the value the import had loaded, that the correction replaces (JSON null for NULL)';
COMMENT ON COLUMN @extschema@.correction.corrected_value IS 'the value the curator set (JSON null for NULL)';
COMMENT ON COLUMN @extschema@.correction.note IS 'why: the setting msc_registry.correction_note when the correction was made (SET LOCAL msc_registry.correction_note = ''...'')';
COMMENT ON COLUMN @extschema@.correction.corrected_by IS 'the role that made the correction (current_user)';
COMMENT ON COLUMN @extschema@.correction.corrected_at IS 'when it was made (last changed)';

CREATE TABLE @extschema@.correction_conflict (
    conflict_id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    correction_id       bigint NOT NULL REFERENCES @extschema@.correction ON DELETE CASCADE,
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    new_imported_value  jsonb,
    reason              text NOT NULL CHECK (btrim(reason) <> ''),
    detected_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.correction_conflict IS
    'a correction the last import of its trial did not apply, and why: the record now gives another value than the one corrected, the row is no longer in the record, or the corrected value no longer fits; replaced at every import of the trial, removed when the curator corrects the value again or deletes the correction';
COMMENT ON COLUMN @extschema@.correction_conflict.new_imported_value IS 'what the import loaded now (JSON null for NULL; SQL NULL when the row is gone)';
COMMENT ON COLUMN @extschema@.correction_conflict.reason IS 'why the correction was not applied';

CREATE INDEX correction_conflict_correction_idx ON @extschema@.correction_conflict (correction_id);
COMMENT ON INDEX @extschema@.correction_conflict_correction_idx IS 'conflicts of a correction (cascading deletes)';
CREATE INDEX correction_conflict_trial_idx ON @extschema@.correction_conflict (trial_id);
COMMENT ON INDEX @extschema@.correction_conflict_trial_idx IS 'conflicts of a trial (replaced at each import)';

CREATE FUNCTION @extschema@.registry_row_key(table_name text, row_data jsonb,
    OUT trial_id @extschema@.trial_id, OUT row_key jsonb)
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(a.trial_id, (row_data OPERATOR(pg_catalog.->>) 'trial_id')::@extschema@.trial_id),
           CASE table_name
               WHEN 'trial' THEN pg_catalog.jsonb_build_object('trial_id', row_data OPERATOR(pg_catalog.->) 'trial_id')
               WHEN 'arm' THEN pg_catalog.jsonb_build_object('label', row_data OPERATOR(pg_catalog.->) 'label')
               WHEN 'outcome' THEN pg_catalog.jsonb_build_object('arm', a.label,
                   'instrument', row_data OPERATOR(pg_catalog.->) 'instrument', 'week', row_data OPERATOR(pg_catalog.->) 'week',
                   'kind', row_data OPERATOR(pg_catalog.->) 'kind')
               WHEN 'adverse_event' THEN pg_catalog.jsonb_build_object('arm', a.label,
                   'serious', row_data OPERATOR(pg_catalog.->) 'serious', 'term', row_data OPERATOR(pg_catalog.->) 'term',
                   'organ_system', row_data OPERATOR(pg_catalog.->) 'organ_system')
           END
    FROM (SELECT) AS one
    LEFT JOIN @extschema@.arm a
      ON table_name OPERATOR(pg_catalog.=) ANY (ARRAY['outcome', 'adverse_event'])
     AND a.arm_id OPERATOR(pg_catalog.=) (row_data OPERATOR(pg_catalog.->>) 'arm_id')::bigint;
END;
COMMENT ON FUNCTION @extschema@.registry_row_key(text, jsonb) IS
    'the trial of a row of trial, arm, outcome or adverse_event (given as to_jsonb(row)) and the key a re-import finds it by: trial {trial_id}, arm {label}, outcome {arm label, instrument, week, kind}, adverse_event {arm label, serious, term, organ_system}';

CREATE FUNCTION @extschema@.registry_imported_rows(of_trial @extschema@.trial_id)
    RETURNS TABLE (table_name text, row_key jsonb, row_ctid tid, row_data jsonb)
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT x.table_name, (@extschema@.registry_row_key(x.table_name, x.row_data)).row_key, x.row_ctid, x.row_data
    FROM (SELECT 'trial' AS table_name, t.ctid AS row_ctid, pg_catalog.to_jsonb(t.*) AS row_data
          FROM @extschema@.trial t WHERE t.trial_id OPERATOR(@extschema@.=) of_trial
          UNION ALL
          SELECT 'arm', a.ctid, pg_catalog.to_jsonb(a.*)
          FROM @extschema@.arm a WHERE a.trial_id OPERATOR(@extschema@.=) of_trial
          UNION ALL
          SELECT 'outcome', o.ctid, pg_catalog.to_jsonb(o.*)
          FROM @extschema@.outcome o JOIN @extschema@.arm a ON a.arm_id OPERATOR(pg_catalog.=) o.arm_id
          WHERE a.trial_id OPERATOR(@extschema@.=) of_trial
          UNION ALL
          SELECT 'adverse_event', e.ctid, pg_catalog.to_jsonb(e.*)
          FROM @extschema@.adverse_event e JOIN @extschema@.arm a ON a.arm_id OPERATOR(pg_catalog.=) e.arm_id
          WHERE a.trial_id OPERATOR(@extschema@.=) of_trial) AS x;
END;
COMMENT ON FUNCTION @extschema@.registry_imported_rows(@extschema@.trial_id) IS
    'the rows of a trial that corrections apply to (trial, arm, outcome, adverse_event), each with its table, its key (registry_row_key), its ctid and its values as JSON; a table the import fills is made correctable by adding it here, to registry_row_key and trigger registry_correction';

CREATE FUNCTION @extschema@.registry_correction()
    RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    rk record;
    key0 jsonb;
    key_now jsonb;
    oldj jsonb := to_jsonb(OLD);
    newj jsonb := to_jsonb(NEW);
    col text;
    prior record;
    v_note text := nullif(btrim(current_setting('msc_registry.correction_note', true)), '');
    BEGIN
    -- ctgov_import's own writes are the imported values, not corrections
    IF coalesce(current_setting('msc_registry.importing', true), '') <> '' THEN
        RETURN NULL;
    END IF;
    rk := @extschema@.registry_row_key(TG_TABLE_NAME, oldj);
    IF NOT EXISTS (SELECT 1 FROM @extschema@.trial t
                   WHERE t.trial_id OPERATOR(@extschema@.=) rk.trial_id AND t.origin = 'ctgov') THEN
        RETURN NULL;   -- a trial entered by hand: its rows are the curator's own
    END IF;
    key0 := rk.row_key;
    -- an outcome or event is known by its arm's label as imported
    IF key0 ? 'arm' THEN
        key0 := jsonb_set(key0, '{arm}', coalesce(
            (SELECT c.row_key -> 'label' FROM @extschema@.correction c
             WHERE c.trial_id OPERATOR(@extschema@.=) rk.trial_id AND c.table_name = 'arm'
               AND c.column_name = 'label' AND c.corrected_value = key0 -> 'arm'),
            key0 -> 'arm', 'null'));
    END IF;
    key_now := key0;
    -- a row whose key columns were corrected before is known by its key as imported
    SELECT c.row_key INTO key0
    FROM @extschema@.correction c
    WHERE c.trial_id OPERATOR(@extschema@.=) rk.trial_id AND c.table_name = TG_TABLE_NAME
    GROUP BY c.row_key
    HAVING c.row_key || coalesce(jsonb_object_agg(c.column_name, c.corrected_value) FILTER (WHERE c.row_key ? c.column_name), '{}')
           = key_now
    ORDER BY count(*) FILTER (WHERE c.row_key ? c.column_name) DESC
    LIMIT 1;
    key0 := coalesce(key0, key_now);
    FOR col IN
        SELECT k FROM jsonb_object_keys(newj) AS k
        WHERE (oldj -> k) IS DISTINCT FROM (newj -> k)
          AND k <> ALL (ARRAY['origin', 'ctgov_record', 'imported_at'])
        ORDER BY k
    LOOP
        SELECT c.correction_id, c.imported_value, c.corrected_value INTO prior
        FROM @extschema@.correction c
        WHERE c.trial_id OPERATOR(@extschema@.=) rk.trial_id AND c.table_name = TG_TABLE_NAME
          AND c.row_key = key0 AND c.column_name = col;
        IF NOT FOUND THEN
            INSERT INTO @extschema@.correction (trial_id, table_name, row_key, column_name, imported_value,
                                                corrected_value, note)
            VALUES (rk.trial_id, TG_TABLE_NAME, key0, col, oldj -> col, newj -> col, v_note);
        ELSIF prior.corrected_value IS DISTINCT FROM (oldj -> col) THEN
            -- the correction was not applied (a conflict): this one is made
            -- against the value the row holds now
            UPDATE @extschema@.correction SET imported_value = oldj -> col, corrected_value = newj -> col, note = v_note,
                                               corrected_by = current_user, corrected_at = now()
            WHERE correction_id = prior.correction_id;
            DELETE FROM @extschema@.correction_conflict WHERE correction_id = prior.correction_id;
            DELETE FROM @extschema@.correction
            WHERE correction_id = prior.correction_id AND imported_value = corrected_value;
        ELSIF prior.imported_value = (newj -> col) THEN
            -- set back to the imported value: no correction any more
            DELETE FROM @extschema@.correction WHERE correction_id = prior.correction_id;
        ELSE
            UPDATE @extschema@.correction SET corrected_value = newj -> col, note = coalesce(v_note, correction.note),
                                               corrected_by = current_user, corrected_at = now()
            WHERE correction_id = prior.correction_id;
        END IF;
    END LOOP;
    RETURN NULL;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.registry_correction() IS
    'trigger function of trial, arm, outcome and adverse_event: an update of a row of an imported trial (origin ctgov) made outside ctgov_import() is recorded in correction, one row per column changed (a value set back to the imported one removes it); ctgov_import() applies the corrections again after each re-import';

CREATE TRIGGER registry_correction AFTER UPDATE ON @extschema@.trial
    FOR EACH ROW EXECUTE FUNCTION @extschema@.registry_correction();
COMMENT ON TRIGGER registry_correction ON @extschema@.trial IS
    'records a curator''s change to an imported trial as a correction (registry_correction())';
CREATE TRIGGER registry_correction AFTER UPDATE ON @extschema@.arm
    FOR EACH ROW EXECUTE FUNCTION @extschema@.registry_correction();
COMMENT ON TRIGGER registry_correction ON @extschema@.arm IS
    'records a curator''s change to an arm of an imported trial as a correction (registry_correction())';
CREATE TRIGGER registry_correction AFTER UPDATE ON @extschema@.outcome
    FOR EACH ROW EXECUTE FUNCTION @extschema@.registry_correction();
COMMENT ON TRIGGER registry_correction ON @extschema@.outcome IS
    'records a curator''s change to an outcome of an imported trial as a correction (registry_correction())';
CREATE TRIGGER registry_correction AFTER UPDATE ON @extschema@.adverse_event
    FOR EACH ROW EXECUTE FUNCTION @extschema@.registry_correction();
COMMENT ON TRIGGER registry_correction ON @extschema@.adverse_event IS
    'records a curator''s change to an adverse event of an imported trial as a correction (registry_correction())';

-- ===================================================================
-- The import's two hooks
-- ===================================================================

CREATE FUNCTION @extschema@.ctgov_import_begin(tid @extschema@.trial_id, record jsonb)
    RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    old_record jsonb;
    old_at timestamptz;
    paths text[];
    BEGIN
    -- until ctgov_import_end: the writes are the import's (a failed import
    -- rolls the setting back with everything else)
    PERFORM set_config('msc_registry.importing', tid::text, true);
    SELECT t.ctgov_record, t.imported_at INTO old_record, old_at
    FROM @extschema@.trial t WHERE t.trial_id OPERATOR(@extschema@.=) tid
    FOR UPDATE;
    IF old_record IS NOT NULL THEN
        paths := @extschema@.jsonb_changed_paths(old_record, record);
        IF cardinality(paths) > 0 THEN
            INSERT INTO @extschema@.trial_version (trial_id, version, record, imported_at, replaced_at, changed_paths)
            SELECT tid, coalesce(max(v.version), 0) + 1, old_record, old_at, now(), paths
            FROM @extschema@.trial_version v WHERE v.trial_id OPERATOR(@extschema@.=) tid;
        END IF;
    END IF;
    DELETE FROM @extschema@.correction_conflict c WHERE c.trial_id OPERATOR(@extschema@.=) tid;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_begin(@extschema@.trial_id, jsonb) IS
    'ctgov_import(), first: marks the writes that follow as the import''s (msc_registry.importing), keeps the record being replaced as a trial_version when the new one differs, and clears the trial''s correction conflicts';

CREATE FUNCTION @extschema@.ctgov_import_end(tid @extschema@.trial_id)
    RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    c record;
    r record;
    why text;
    msg text;
    BEGIN
    -- each row is found by its key as imported: the arms' corrections come
    -- last (an arm's label is in its outcomes' and events' keys), and the
    -- corrections of key columns after the others of their table
    FOR c IN
        SELECT * FROM @extschema@.correction x WHERE x.trial_id OPERATOR(@extschema@.=) tid
        ORDER BY CASE x.table_name WHEN 'trial' THEN 0 WHEN 'arm' THEN 2 ELSE 1 END, x.row_key ? x.column_name,
                 x.correction_id
    LOOP
        SELECT i.row_ctid, i.row_data -> c.column_name AS now_value INTO r
        FROM @extschema@.registry_imported_rows(tid) i
        WHERE i.table_name = c.table_name AND i.row_key = c.row_key;
        why := NULL;
        IF NOT FOUND THEN
            why := 'the row is no longer in the record';
        ELSIF r.now_value = c.corrected_value THEN
            -- the record now says what the curator said: nothing left to correct
            RAISE NOTICE 'correction % of % (% %, %) retired: the record now gives %',
                c.correction_id, tid, c.table_name, c.row_key, c.column_name, c.corrected_value;
            DELETE FROM @extschema@.correction WHERE correction_id = c.correction_id;
            CONTINUE;
        ELSIF r.now_value IS DISTINCT FROM c.imported_value THEN
            why := format('the record now gives %s, not %s that the correction to %s was made against',
                          r.now_value, c.imported_value, c.corrected_value);
        ELSE
            BEGIN
                EXECUTE format('UPDATE @extschema@.%I AS t SET %I = (pg_catalog.jsonb_populate_record(NULL::@extschema@.%I, $1)).%I WHERE t.ctid OPERATOR(pg_catalog.=) $2',
                               c.table_name, c.column_name, c.table_name, c.column_name)
                    USING jsonb_build_object(c.column_name, c.corrected_value), r.row_ctid;
            EXCEPTION WHEN data_exception OR integrity_constraint_violation OR undefined_column OR undefined_table THEN
                GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
                why := 'the corrected value no longer fits: ' || msg;
            END;
        END IF;
        IF why IS NOT NULL THEN
            INSERT INTO @extschema@.correction_conflict (correction_id, trial_id, new_imported_value, reason)
            VALUES (c.correction_id, tid, r.now_value, why);
            RAISE NOTICE 'correction % of % (% %, %) not applied: %', c.correction_id, tid, c.table_name, c.row_key,
                c.column_name, why
                USING HINT = 'See correction_conflict. To keep the correction, UPDATE the value again; to take the record''s value, DELETE FROM correction WHERE correction_id = ' || c.correction_id || '.';
        END IF;
    END LOOP;
    PERFORM set_config('msc_registry.importing', '', true);
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_end(@extschema@.trial_id) IS
    'ctgov_import(), last: applies the trial''s corrections again where the row holds the value each was made against; any other is a correction_conflict row and a NOTICE (a correction the record now agrees with is retired); ends the import''s writes';

-- ===================================================================
-- Duplicates across registries
-- ===================================================================

CREATE VIEW @extschema@.trial_duplicate_candidate WITH (security_invoker = true) AS
WITH mention AS (
    -- the registry identifiers each trial's titles and record name, but its own
    SELECT t.trial_id, m.id
    FROM @extschema@.trial t,
         unnest(@extschema@.trial_ids_in(concat_ws(' ', t.title, t.official_title, t.ctgov_record::text))) AS m(id)
    WHERE m.id OPERATOR(@extschema@.<>) t.trial_id
), evidence AS (
    -- (one branch per kind of evidence: add one to add a kind)
    SELECT m.trial_id AS a, o.trial_id AS b, 'id_in_text'::text AS evidence, m.id::text AS via
    FROM mention m
    JOIN @extschema@.trial o ON o.trial_id OPERATOR(@extschema@.=) m.id
    WHERE @extschema@.registry(m.trial_id) <> @extschema@.registry(o.trial_id)
    UNION ALL
    SELECT m1.trial_id, m2.trial_id, 'shared_id_in_text', m1.id::text
    FROM mention m1
    JOIN mention m2 ON m2.id OPERATOR(@extschema@.=) m1.id AND m2.trial_id OPERATOR(@extschema@.>) m1.trial_id
    -- two records of one registry citing a third of it (an extension study
    -- and its parent) are not a duplicate
    WHERE @extschema@.registry(m1.id) <> @extschema@.registry(m1.trial_id)
       OR @extschema@.registry(m1.id) <> @extschema@.registry(m2.trial_id)
    UNION ALL
    SELECT t.trial_id, p.trial_id, 'pmid_in_references', p.trial_id::text
    FROM @extschema@.trial t
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(t.ctgov_record #> '{protocolSection,referencesModule,references}') = 'array'
             THEN t.ctgov_record #> '{protocolSection,referencesModule,references}' ELSE '[]' END) AS r
    JOIN @extschema@.trial p ON p.trial_id::text = 'PMID:' || (r ->> 'pmid')
    UNION ALL
    SELECT s.trial_id, o.trial_id, 'secondary_id', s.id::text
    FROM @extschema@.trial_secondary_id s
    JOIN @extschema@.trial o ON o.trial_id OPERATOR(@extschema@.=) s.id
    WHERE o.trial_id OPERATOR(@extschema@.<>) s.trial_id
    UNION ALL
    SELECT s1.trial_id, s2.trial_id, 'shared_secondary_id', s1.id::text
    FROM @extschema@.trial_secondary_id s1
    JOIN @extschema@.trial_secondary_id s2
      ON s2.id OPERATOR(@extschema@.=) s1.id AND s2.trial_id OPERATOR(@extschema@.>) s1.trial_id
)
SELECT least(e.a, e.b) AS trial_id, greatest(e.a, e.b) AS other_trial_id, e.evidence,
       array_agg(DISTINCT e.via ORDER BY e.via) AS via
FROM evidence e
GROUP BY least(e.a, e.b), greatest(e.a, e.b), e.evidence;
COMMENT ON VIEW @extschema@.trial_duplicate_candidate IS
    'pairs of trials that may be one trial registered twice, one row per pair and kind of evidence: id_in_text (one trial''s title or record names the other''s identifier, of another registry), shared_id_in_text (both name the same identifier, not one of their common registry), pmid_in_references (a record''s references cite the PubMed id a trial is entered under), secondary_id (a trial''s secondary id is another trial), shared_secondary_id (both list the same registry identifier as a secondary id, in any registries); trial_merge() merges a pair';
COMMENT ON COLUMN @extschema@.trial_duplicate_candidate.trial_id IS 'the first trial of the pair (in trial_id order)';
COMMENT ON COLUMN @extschema@.trial_duplicate_candidate.other_trial_id IS 'the second';
COMMENT ON COLUMN @extschema@.trial_duplicate_candidate.evidence IS 'id_in_text, shared_id_in_text, pmid_in_references, secondary_id or shared_secondary_id';
COMMENT ON COLUMN @extschema@.trial_duplicate_candidate.via IS 'the identifiers the evidence rests on';

CREATE FUNCTION @extschema@.trial_merge(keep @extschema@.trial_id, drop @extschema@.trial_id,
    OUT arms_moved integer, OUT arms_merged integer, OUT outcomes_moved integer,
    OUT adverse_events_moved integer, OUT participants_moved integer, OUT fields_filled text[])
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    k record;
    d record;
    x record;
    y record;
    kj jsonb;
    dj jsonb;
    fill jsonb := '{}';
    col text;
    n integer;
    m integer;
    BEGIN
    IF keep OPERATOR(@extschema@.=) drop THEN
        RAISE EXCEPTION 'trial_merge(%, %): a trial cannot be merged into itself', keep, drop
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- merging deletes a trial with everything under it, also participants
    -- of sites the role may not see
    IF NOT @extschema@.is_registry_admin() THEN
        RAISE EXCEPTION 'trial_merge(%, %): only a registry administrator merges trials', keep, drop
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Merging deletes the second trial with all its participants, those of every site; see registry_admin.';
    END IF;
    SELECT * INTO k FROM @extschema@.trial t WHERE t.trial_id OPERATOR(@extschema@.=) keep FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'trial_merge: trial % (to keep) does not exist', keep USING ERRCODE = 'no_data_found';
    END IF;
    SELECT * INTO d FROM @extschema@.trial t WHERE t.trial_id OPERATOR(@extschema@.=) drop FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'trial_merge: trial % (to merge away) does not exist', drop USING ERRCODE = 'no_data_found';
    END IF;
    IF d.origin = 'ctgov' THEN
        RAISE EXCEPTION 'trial_merge(%, %): % is an imported ClinicalTrials.gov record; merging it away would lose the record', keep, drop, drop
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = CASE WHEN k.origin = 'ctgov' THEN 'Two imported records cannot become one: keep both, or delete one.'
                              ELSE format('Keep the imported trial: SELECT * FROM trial_merge(%L, %L);', drop, keep) END;
    END IF;

    -- ---- what conflicts: refused before anything moves ----
    FOR x IN
        SELECT da.arm_id AS d_arm, da.label, ka.arm_id AS k_arm
        FROM @extschema@.arm da
        LEFT JOIN @extschema@.arm ka ON ka.trial_id OPERATOR(@extschema@.=) keep AND ka.label = da.label
        WHERE da.trial_id OPERATOR(@extschema@.=) drop
        ORDER BY da.arm_id
    LOOP
        IF x.k_arm IS NULL AND k.origin = 'ctgov' THEN
            RAISE EXCEPTION 'trial_merge(%, %): arm "%" of % has no arm of that label in %, an imported trial whose next import would delete it',
                    keep, drop, x.label, drop, keep
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = format('Give it the label of the arm of %s it stands for (UPDATE arm SET label = ... WHERE arm_id = %s), or delete it.', keep, x.d_arm);
        END IF;
        CONTINUE WHEN x.k_arm IS NULL;
        SELECT o.instrument, o.week, o.kind INTO y
        FROM @extschema@.outcome o
        JOIN @extschema@.outcome ko ON ko.arm_id = x.k_arm AND (ko.instrument, ko.week, ko.kind) = (o.instrument, o.week, o.kind)
        WHERE o.arm_id = x.d_arm AND (ko.n, ko.mean, ko.sd) IS DISTINCT FROM (o.n, o.mean, o.sd)
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'trial_merge(%, %): arm "%" has a % % at week % in both trials, with different values',
                    keep, drop, (SELECT label FROM @extschema@.arm WHERE arm_id = x.k_arm), y.instrument, y.kind, y.week
                USING ERRCODE = 'unique_violation',
                      HINT = 'Correct or delete one of the two outcome rows, then merge.';
        END IF;
        IF k.origin = 'ctgov' AND EXISTS (
                SELECT 1 FROM @extschema@.outcome o WHERE o.arm_id = x.d_arm
                AND NOT EXISTS (SELECT 1 FROM @extschema@.outcome ko WHERE ko.arm_id = x.k_arm
                                AND (ko.instrument, ko.week, ko.kind, ko.n, ko.mean, ko.sd)
                                    IS NOT DISTINCT FROM (o.instrument, o.week, o.kind, o.n, o.mean, o.sd))
                UNION ALL
                SELECT 1 FROM @extschema@.adverse_event e WHERE e.arm_id = x.d_arm
                AND NOT EXISTS (SELECT 1 FROM @extschema@.adverse_event ke WHERE ke.arm_id = x.k_arm
                                AND (ke.serious, ke.term, ke.organ_system, ke.grade, ke.relatedness, ke.n_affected, ke.n_at_risk, ke.n_events)
                                    IS NOT DISTINCT FROM (e.serious, e.term, e.organ_system, e.grade, e.relatedness, e.n_affected, e.n_at_risk, e.n_events))) THEN
            RAISE EXCEPTION 'trial_merge(%, %): arm "%" of % has outcomes or adverse events that % lacks; the next import of %, an imported trial, would replace them',
                    keep, drop, (SELECT label FROM @extschema@.arm WHERE arm_id = x.k_arm), drop, keep, keep
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'Keep the two trials apart, or delete those rows of the one to merge away first.';
        END IF;
        SELECT e.term INTO y
        FROM @extschema@.adverse_event e
        JOIN @extschema@.adverse_event ke ON ke.arm_id = x.k_arm
         AND (ke.serious, ke.term, ke.organ_system, ke.grade, ke.relatedness)
             IS NOT DISTINCT FROM (e.serious, e.term, e.organ_system, e.grade, e.relatedness)
        WHERE e.arm_id = x.d_arm
          AND (ke.n_affected, ke.n_at_risk, ke.n_events) IS DISTINCT FROM (e.n_affected, e.n_at_risk, e.n_events)
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'trial_merge(%, %): adverse event "%" is in both trials, with different counts', keep, drop, y.term
                USING ERRCODE = 'unique_violation',
                      HINT = 'Correct or delete one of the two adverse_event rows, then merge.';
        END IF;
    END LOOP;
    SELECT p.code INTO y FROM @extschema@.participant p
    JOIN @extschema@.participant kp ON kp.trial_id OPERATOR(@extschema@.=) keep AND kp.code = p.code
    WHERE p.trial_id OPERATOR(@extschema@.=) drop
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'trial_merge(%, %): participant code "%" is used in both trials', keep, drop, y.code
            USING ERRCODE = 'unique_violation',
                  HINT = 'Participant codes are unique within a trial: rename one (UPDATE participant SET code = ...), then merge.';
    END IF;

    -- ---- move ----
    PERFORM set_config('msc_registry.correction_note', format('trial_merge: from %s', drop), true);
    -- arms of the same label: their rows go to the kept arm (identical ones
    -- stay behind and go with the dropped trial)
    arms_merged := 0; outcomes_moved := 0; adverse_events_moved := 0; participants_moved := 0;
    FOR x IN
        SELECT da.arm_id AS d_arm, ka.arm_id AS k_arm
        FROM @extschema@.arm da
        JOIN @extschema@.arm ka ON ka.trial_id OPERATOR(@extschema@.=) keep AND ka.label = da.label
        WHERE da.trial_id OPERATOR(@extschema@.=) drop
    LOOP
        arms_merged := arms_merged + 1;
        UPDATE @extschema@.outcome o SET arm_id = x.k_arm
        WHERE o.arm_id = x.d_arm
          AND NOT EXISTS (SELECT 1 FROM @extschema@.outcome ko WHERE ko.arm_id = x.k_arm
                          AND (ko.instrument, ko.week, ko.kind) = (o.instrument, o.week, o.kind));
        GET DIAGNOSTICS n = ROW_COUNT;
        outcomes_moved := outcomes_moved + n;
        UPDATE @extschema@.adverse_event e SET arm_id = x.k_arm
        WHERE e.arm_id = x.d_arm
          AND NOT EXISTS (SELECT 1 FROM @extschema@.adverse_event ke WHERE ke.arm_id = x.k_arm
                          AND (ke.serious, ke.term, ke.organ_system, ke.grade, ke.relatedness)
                              IS NOT DISTINCT FROM (e.serious, e.term, e.organ_system, e.grade, e.relatedness));
        GET DIAGNOSTICS n = ROW_COUNT;
        adverse_events_moved := adverse_events_moved + n;
        UPDATE @extschema@.participant p SET arm_id = x.k_arm, trial_id = keep WHERE p.arm_id = x.d_arm;
        GET DIAGNOSTICS n = ROW_COUNT;
        participants_moved := participants_moved + n;
    END LOOP;
    -- other arms move whole (with their participants, in one statement: the
    -- participants' foreign key is on (arm_id, trial_id))
    SELECT count(*)::integer,
           coalesce(sum((SELECT count(*) FROM @extschema@.outcome o WHERE o.arm_id = a.arm_id)), 0)::integer,
           coalesce(sum((SELECT count(*) FROM @extschema@.adverse_event e WHERE e.arm_id = a.arm_id)), 0)::integer
    INTO arms_moved, n, m
    FROM @extschema@.arm a
    WHERE a.trial_id OPERATOR(@extschema@.=) drop
      AND NOT EXISTS (SELECT 1 FROM @extschema@.arm ka WHERE ka.trial_id OPERATOR(@extschema@.=) keep AND ka.label = a.label);
    outcomes_moved := outcomes_moved + n;
    adverse_events_moved := adverse_events_moved + m;
    WITH moved AS (
        UPDATE @extschema@.arm a SET trial_id = keep
        WHERE a.trial_id OPERATOR(@extschema@.=) drop
          AND NOT EXISTS (SELECT 1 FROM @extschema@.arm ka WHERE ka.trial_id OPERATOR(@extschema@.=) keep AND ka.label = a.label)
        RETURNING a.arm_id
    ), people AS (
        UPDATE @extschema@.participant p SET trial_id = keep
        FROM moved m WHERE p.arm_id = m.arm_id
        RETURNING 1
    )
    SELECT participants_moved + count(*) INTO participants_moved FROM people;

    -- ---- the trial's own columns: the kept trial's values stay; empty ones
    -- are filled from the other ----
    kj := to_jsonb(k);
    dj := to_jsonb(d);
    FOR col IN
        SELECT c FROM jsonb_object_keys(dj) AS c
        WHERE c <> ALL (ARRAY['trial_id', 'origin', 'ctgov_record', 'imported_at', 'condition_category'])
        ORDER BY c
    LOOP
        IF coalesce(kj -> col, 'null') IN ('null', '[]') AND coalesce(dj -> col, 'null') NOT IN ('null', '[]') THEN
            fill := fill || jsonb_build_object(col, dj -> col);
        ELSIF coalesce(dj -> col, 'null') NOT IN ('null', '[]') AND (kj -> col) <> (dj -> col) THEN
            RAISE NOTICE 'trial_merge(%, %): % differs (% keeps %, % had %)', keep, drop, col, keep, kj -> col, drop, dj -> col;
        END IF;
    END LOOP;
    fields_filled := ARRAY(SELECT jsonb_object_keys(fill) ORDER BY 1);
    IF cardinality(fields_filled) > 0 THEN
        EXECUTE format('UPDATE @extschema@.trial AS t SET (%s) = (SELECT %s FROM pg_catalog.jsonb_populate_record(NULL::@extschema@.trial, $1) AS f) WHERE t.trial_id OPERATOR(@extschema@.=) $2',
                       (SELECT string_agg(format('%I', f), ', ') FROM unnest(fields_filled) AS f),
                       (SELECT string_agg(format('f.%I', f), ', ') FROM unnest(fields_filled) AS f))
            USING fill, keep;
    END IF;
    PERFORM set_config('msc_registry.correction_note', '', true);

    DELETE FROM @extschema@.trial t WHERE t.trial_id OPERATOR(@extschema@.=) drop;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.trial_merge(@extschema@.trial_id, @extschema@.trial_id) IS
    'merges two entries of one trial, keeping the first and deleting the second (registry administrators only, 42501): arms of a label the kept trial lacks move whole, those of a label it has give their outcomes, adverse events and participants to its arm, and the kept trial''s empty columns are filled from the other; refused before anything moves: the same outcome, adverse event or participant code in both with different values (23505), merging away an imported record or moving rows into an imported trial that its next import would delete (55000); returns what moved';

-- ===================================================================
-- Bulk import
-- ===================================================================

CREATE TABLE @extschema@.import_batch (
    batch_id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source              text NOT NULL,
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    records             integer NOT NULL DEFAULT 0 CHECK (records >= 0),
    imported            integer NOT NULL DEFAULT 0 CHECK (imported >= 0),
    failed              integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
    problems            integer NOT NULL DEFAULT 0 CHECK (problems >= 0),
    imported_by         text NOT NULL DEFAULT current_user,
    CONSTRAINT import_batch_counts_check CHECK (imported + failed = records)
);
COMMENT ON TABLE @extschema@.import_batch IS
    'one call of ctgov_import_staged(): where the records came from, when, and how many were imported or failed';
COMMENT ON COLUMN @extschema@.import_batch.source IS 'the staging table read';
COMMENT ON COLUMN @extschema@.import_batch.records IS 'records (lines) read';
COMMENT ON COLUMN @extschema@.import_batch.imported IS 'records ctgov_import() loaded';
COMMENT ON COLUMN @extschema@.import_batch.failed IS 'records it refused or failed on (each a bulk_import_problem row)';
COMMENT ON COLUMN @extschema@.import_batch.problems IS 'import_problem rows of the trials loaded (values they could not read)';
COMMENT ON COLUMN @extschema@.import_batch.finished_at IS 'when the last record was done; NULL while running';

CREATE TABLE @extschema@.bulk_import_problem (
    bulk_problem_id     bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    batch_id            bigint NOT NULL REFERENCES @extschema@.import_batch ON DELETE CASCADE,
    line                bigint NOT NULL,
    trial_id            @extschema@.trial_id,
    sqlstate            text NOT NULL CHECK (sqlstate ~ '^[0-9A-Z]{5}$'),
    message             text NOT NULL,
    detail              text,
    hint                text,
    raw_value           text
);
COMMENT ON TABLE @extschema@.bulk_import_problem IS
    'a record of a bulk import that was not loaded at all: the error ctgov_import() raised (or the JSON cast), with the record as staged; the other records of the batch are loaded';
COMMENT ON COLUMN @extschema@.bulk_import_problem.line IS 'the record''s line in the staging table (its column line, else its order)';
COMMENT ON COLUMN @extschema@.bulk_import_problem.trial_id IS 'the NCT number the record''s text names as its nctId, when one is found';
COMMENT ON COLUMN @extschema@.bulk_import_problem.sqlstate IS 'the SQLSTATE of the error (22023 not a study record, 22P02 not JSON ...)';
COMMENT ON COLUMN @extschema@.bulk_import_problem.raw_value IS 'the record as staged, verbatim';

CREATE INDEX bulk_import_problem_batch_idx ON @extschema@.bulk_import_problem (batch_id);
COMMENT ON INDEX @extschema@.bulk_import_problem_batch_idx IS 'problems of a batch (cascading deletes)';

CREATE FUNCTION @extschema@.ctgov_import_staged(staging regclass, progress_every integer DEFAULT 100,
    OUT batch_id bigint, OUT records integer, OUT imported integer, OUT failed integer, OUT problems integer)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    b @extschema@.import_batch;
    doc_type regtype;
    has_line boolean;
    total bigint;
    r record;
    tid @extschema@.trial_id;
    tids @extschema@.trial_id[] := '{}';
    st text;
    msg text;
    det text;
    hnt text;
    BEGIN
    IF staging IS NULL THEN
        RAISE EXCEPTION 'ctgov_import_staged: no staging table given' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF progress_every IS NULL OR progress_every < 1 THEN
        RAISE EXCEPTION 'ctgov_import_staged: progress_every must be 1 or more, not %', coalesce(progress_every::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT a.atttypid::regtype INTO doc_type FROM pg_attribute a
    WHERE a.attrelid = staging AND a.attname = 'doc' AND a.attnum > 0 AND NOT a.attisdropped;
    IF doc_type IS NULL OR doc_type NOT IN ('text'::regtype, 'jsonb'::regtype, 'json'::regtype) THEN
        RAISE EXCEPTION 'ctgov_import_staged: table % has no column doc of type text, json or jsonb', staging
            USING ERRCODE = 'undefined_column',
                  HINT = 'Stage one record per row: CREATE TEMP TABLE staging (line bigint GENERATED ALWAYS AS IDENTITY, doc text); \copy staging (doc) FROM ''records.jsonl'' WITH (FORMAT csv, QUOTE E''\x01'', DELIMITER E''\x02'')';
    END IF;
    has_line := EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = staging AND a.attname = 'line'
                        AND a.attnum > 0 AND NOT a.attisdropped);
    EXECUTE format('SELECT count(*) FROM %s', staging) INTO total;
    INSERT INTO @extschema@.import_batch (source) VALUES (staging::text) RETURNING * INTO b;

    FOR r IN EXECUTE format('SELECT %s AS line, doc::text AS doc FROM %s ORDER BY 1',
                            CASE WHEN has_line THEN 'line::bigint' ELSE 'row_number() OVER (ORDER BY ctid)' END, staging)
    LOOP
        b.records := b.records + 1;
        BEGIN
            IF btrim(coalesce(r.doc, '')) = '' THEN
                RAISE EXCEPTION 'line % is empty: no record', r.line USING ERRCODE = 'invalid_parameter_value';
            END IF;
            -- one subtransaction per record: a failure undoes that record only
            tid := @extschema@.ctgov_import(r.doc::jsonb);
            tids := tids || tid;
            b.imported := b.imported + 1;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
            INSERT INTO @extschema@.bulk_import_problem (batch_id, line, trial_id, sqlstate, message, detail, hint, raw_value)
            VALUES (b.batch_id, r.line,
                    substring(r.doc FROM '"nctId"\s*:\s*"(NCT[0-9]{8})"')::@extschema@.trial_id,
                    st, msg, nullif(det, ''), nullif(hnt, ''), r.doc);
            b.failed := b.failed + 1;
        END;
        IF b.records % progress_every = 0 THEN
            RAISE NOTICE 'ctgov_import_staged: % of % records, % imported, % failed', b.records, total, b.imported, b.failed;
        END IF;
    END LOOP;
    SELECT count(*) INTO b.problems FROM @extschema@.import_problem p
    WHERE p.trial_id OPERATOR(@extschema@.=) ANY (ARRAY(SELECT DISTINCT x FROM unnest(tids) AS x));
    UPDATE @extschema@.import_batch SET finished_at = clock_timestamp(), records = b.records, imported = b.imported,
                                        failed = b.failed, problems = b.problems
    WHERE batch_id = b.batch_id
    RETURNING * INTO b;
    batch_id := b.batch_id; records := b.records; imported := b.imported; failed := b.failed; problems := b.problems;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_staged(regclass, integer) IS
    'imports every record of a staging table (column doc: one API v2 study as text, json or jsonb; column line, when present, gives the order), each in a subtransaction of its own: a record that fails is a bulk_import_problem row and the others go on; a NOTICE every progress_every records; returns the summary of its import_batch row (batch_id, records, imported, failed, problems)';

-- ===================================================================
-- Row-level security, backups, the extension's owner
-- ===================================================================

-- a correction is in the name of the role that makes it (a registry
-- administrator may write any); reading and removing are for whoever is
-- granted the table
ALTER TABLE @extschema@.correction ENABLE ROW LEVEL SECURITY;
CREATE POLICY correction_read ON @extschema@.correction FOR SELECT USING (true);
COMMENT ON POLICY correction_read ON @extschema@.correction IS 'whoever is granted SELECT reads every correction';
CREATE POLICY correction_own_insert ON @extschema@.correction FOR INSERT
    WITH CHECK (corrected_by = current_user OR @extschema@.is_registry_admin());
COMMENT ON POLICY correction_own_insert ON @extschema@.correction IS
    'a correction is recorded in the name of the role making it (corrected_by); a registry administrator may write another';
CREATE POLICY correction_own_update ON @extschema@.correction FOR UPDATE
    USING (true) WITH CHECK (corrected_by = current_user OR @extschema@.is_registry_admin());
COMMENT ON POLICY correction_own_update ON @extschema@.correction IS
    'a correction changed is in the name of the role changing it';
CREATE POLICY correction_delete ON @extschema@.correction FOR DELETE USING (true);
COMMENT ON POLICY correction_delete ON @extschema@.correction IS
    'whoever is granted DELETE removes a correction (then the next import''s value stands)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.trial_version', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.correction', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.correction_conflict', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_batch', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.bulk_import_problem', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.correction_correction_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.correction_conflict_conflict_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_batch_batch_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.bulk_import_problem_bulk_problem_id_seq', '');
