-- Load-test harness (test/load.sh): not part of the extension.  Every
-- writing transaction of the pgbench scripts also writes one row into
-- load.committed in the same transaction, so after the run the log says
-- exactly what was committed, and the registry's tables must match it.
-- Expected errors (the documented SQLSTATEs of a bad score, a duplicate
-- assessment, a document that is not a study) are caught here, in the
-- function that provokes them, and logged; any other error reaches pgbench,
-- which aborts that client, and the test fails.
-- Runs as the superuser (table owner): row-level security, where policies
-- exist, does not apply to it.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE SCHEMA load;
-- the sites participants are enrolled at (participant.site references site)
INSERT INTO site (site) SELECT 'site-' || i FROM generate_series(1, 5) AS i;

-- ctgov records to import: real ones (psql variables inserted by load.sh)
-- and the synthetic study under several NCT ids
CREATE TABLE load.record (
    k       int PRIMARY KEY,
    nct     text NOT NULL UNIQUE,
    doc     jsonb NOT NULL,
    origin  text NOT NULL CHECK (origin IN ('real', 'synthetic', 'not_a_study')));

CREATE TABLE load.committed (
    id              bigserial PRIMARY KEY,
    client          int NOT NULL,
    script          text NOT NULL CHECK (script IN ('import', 'assess')),
    record_k        int,
    trial_id        trial_id,
    participant_id  bigint,
    assessments     int NOT NULL DEFAULT 0,
    expected_error  text,
    committed_at    timestamptz NOT NULL DEFAULT clock_timestamp());

CREATE SEQUENCE load.code_seq;

-- one import of record k; the not-a-study document must fail with 22023
CREATE FUNCTION load.import(p_k int, p_client int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r load.record;
    t trial_id;
BEGIN
    SELECT * INTO STRICT r FROM load.record WHERE k = p_k;
    IF r.origin = 'not_a_study' THEN
        BEGIN
            PERFORM ctgov_import(r.doc);
            RAISE EXCEPTION 'ctgov_import accepted a document that is not a study';
        EXCEPTION WHEN invalid_parameter_value THEN     -- 22023, as documented
            INSERT INTO load.committed (client, script, record_k, expected_error)
            VALUES (p_client, 'import', p_k, '22023');
        END;
        RETURN;
    END IF;
    t := ctgov_import(r.doc);
    IF t::text <> r.nct THEN
        RAISE EXCEPTION 'ctgov_import of % returned %', r.nct, t;
    END IF;
    INSERT INTO load.committed (client, script, record_k, trial_id) VALUES (p_client, 'import', p_k, t);
END $$;

-- one participant with four assessments (weeks 0, 4, 12, 24) in an arm of an
-- imported trial; one in ten also submits an out-of-range score (22003), one
-- in ten submits its baseline twice (23505): both rejected, the rest kept
CREATE FUNCTION load.assess(p_r int, p_client int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    pid bigint;
    instr text := CASE WHEN p_r % 2 = 0 THEN 'vas' ELSE 'nrs' END;
    top numeric := CASE WHEN p_r % 2 = 0 THEN 100 ELSE 10 END;
    base numeric := round(top * (0.5 + (p_r % 40) / 100.0), 1);
    n int;
    err text;
BEGIN
    SELECT arm_id, trial_id INTO STRICT a
    FROM arm ORDER BY arm_id OFFSET p_r % (SELECT count(*) FROM arm) LIMIT 1;
    INSERT INTO participant (trial_id, arm_id, code, site)
    VALUES (a.trial_id, a.arm_id, 'L' || nextval('load.code_seq'), 'site-' || (p_r % 5 + 1))
    RETURNING participant_id INTO pid;
    INSERT INTO assessment (participant_id, week, score)
    SELECT pid, w, (instr || ':' || greatest(0, round(base - (i - 1) * top * (p_r % 7) / 40.0, 1)))::pain_score
    FROM unnest(ARRAY[0, 4, 12, 24]) WITH ORDINALITY AS x(w, i);
    GET DIAGNOSTICS n = ROW_COUNT;
    IF p_r % 10 = 3 THEN
        BEGIN
            INSERT INTO assessment (participant_id, week, score)
            VALUES (pid, 52, (instr || ':' || (top + 5))::pain_score);
            RAISE EXCEPTION 'an out-of-range score was accepted';
        EXCEPTION WHEN numeric_value_out_of_range THEN      -- 22003
            err := '22003';
        END;
    ELSIF p_r % 10 = 7 THEN
        BEGIN
            INSERT INTO assessment (participant_id, week, score)
            VALUES (pid, 0, (instr || ':' || base)::pain_score);
            RAISE EXCEPTION 'a second baseline score was accepted';
        EXCEPTION WHEN unique_violation THEN                -- 23505
            err := '23505';
        END;
    END IF;
    INSERT INTO load.committed (client, script, trial_id, participant_id, assessments, expected_error)
    VALUES (p_client, 'assess', a.trial_id, pid, n, err);
END $$;

-- what one import leaves of a trial, without ids and timestamps: a re-import
-- under load must leave exactly what the first import left
CREATE FUNCTION load.fingerprint()
RETURNS TABLE (trial_id trial_id, arms bigint, outcomes bigint, adverse_events bigint, problems bigint, digest text)
LANGUAGE sql STABLE AS $$
SELECT t.trial_id,
       (SELECT count(*) FROM arm a WHERE a.trial_id = t.trial_id),
       (SELECT count(*) FROM outcome o JOIN arm a USING (arm_id) WHERE a.trial_id = t.trial_id),
       (SELECT count(*) FROM adverse_event e JOIN arm a USING (arm_id) WHERE a.trial_id = t.trial_id),
       (SELECT count(*) FROM import_problem p WHERE p.trial_id = t.trial_id),
       md5(concat_ws(' | ',
           (SELECT x::text FROM (SELECT t.title, t.official_title, t.conditions, t.condition_category, t.phases,
                                        t.study_type, t.overall_status, t.enrollment, t.start_date, t.has_results,
                                        t.origin, t.ctgov_record) x),
           (SELECT string_agg(x::text, '; ' ORDER BY x::text)
            FROM (SELECT a.label, a.arm_type, a.description, a.interventions, a.is_msc, a.source, a.donor,
                         a.manipulation, a.route, a.dose, a.co_interventions, a.sae_affected, a.sae_at_risk,
                         a.deaths, a.deaths_at_risk
                  FROM arm a WHERE a.trial_id = t.trial_id) x),
           (SELECT string_agg(x::text, '; ' ORDER BY x::text)
            FROM (SELECT a.label, o.instrument, o.week, o.kind, o.statistic, o.n, o.mean, o.sd, o.sd_source,
                         o.conversion, o.measure, o.time_frame, o.json_path
                  FROM outcome o JOIN arm a USING (arm_id) WHERE a.trial_id = t.trial_id) x),
           (SELECT string_agg(x::text, '; ' ORDER BY x::text)
            FROM (SELECT a.label, e.term, e.organ_system, e.serious, e.grade, e.relatedness, e.n_affected,
                         e.n_at_risk, e.n_events
                  FROM adverse_event e JOIN arm a USING (arm_id) WHERE a.trial_id = t.trial_id) x),
           (SELECT string_agg(x::text, '; ' ORDER BY x::text)
            FROM (SELECT p.json_path, p.reason, p.dropped, p.raw_value
                  FROM import_problem p WHERE p.trial_id = t.trial_id) x)))
FROM trial t
$$;
