-- Load-test checks (test/load.sh), after pgbench: psql variables
-- pgb_import and pgb_assess are pgbench's counts of processed transactions,
-- clients the number of its clients.
--
-- Every check is on what the database committed: load.committed is written
-- in the same transaction as the rows it logs.  pgbench's counts are not
-- that: when -T ends it stops waiting for the transactions in flight, one
-- at most per client, and does not count them, though the server may still
-- commit them (seen on a busy machine: "pgbench processed 786 enrolments,
-- the log has 788").  So a counted transaction must be in the log, and the
-- log may hold up to one more per client, never fewer.
\set ON_ERROR_STOP 1
SELECT set_config('load.pgb_import', :'pgb_import', false),
       set_config('load.pgb_assess', :'pgb_assess', false),
       set_config('load.clients', :'clients', false) \gset
SELECT format('load: pgbench counted %s imports and %s enrolments; the log (what committed) has %s and %s',
              :'pgb_import', :'pgb_assess', count(*) FILTER (WHERE script = 'import'),
              count(*) FILTER (WHERE script = 'assess')) AS counts FROM load.committed \gset
\echo :counts
\echo 'load: committed per script (from the log written in the same transactions)'
SELECT script, count(*) AS transactions, count(expected_error) AS with_expected_error,
       sum(assessments) AS assessments
FROM load.committed GROUP BY script ORDER BY script;
\echo 'load: expected errors caught, by SQLSTATE'
SELECT script, expected_error AS sqlstate, count(*) FROM load.committed
WHERE expected_error IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;
\echo 'load: rows afterwards'
SELECT (SELECT count(*) FROM trial) AS trials, (SELECT count(*) FROM arm) AS arms,
       (SELECT count(*) FROM outcome) AS outcomes, (SELECT count(*) FROM adverse_event) AS adverse_events,
       (SELECT count(*) FROM import_problem) AS import_problems,
       (SELECT count(*) FROM participant) AS participants, (SELECT count(*) FROM assessment) AS assessments;

DO $$
DECLARE
    n bigint;
    m bigint;
    bad text := '';
BEGIN
    -- 1. every transaction pgbench counted was committed; the log has at
    -- most one more per client (in flight when -T ended; see above)
    SELECT count(*) INTO n FROM load.committed WHERE script = 'import';
    IF n < current_setting('load.pgb_import')::bigint THEN
        bad := bad || format(E'\n  pgbench processed %s imports, the log has only %s', current_setting('load.pgb_import'), n);
    END IF;
    SELECT count(*) INTO m FROM load.committed WHERE script = 'assess';
    IF m < current_setting('load.pgb_assess')::bigint THEN
        bad := bad || format(E'\n  pgbench processed %s enrolments, the log has only %s', current_setting('load.pgb_assess'), m);
    END IF;
    IF n + m > current_setting('load.pgb_import')::bigint + current_setting('load.pgb_assess')::bigint
               + current_setting('load.clients')::bigint THEN
        bad := bad || format(E'\n  the log has %s imports and %s enrolments, more than pgbench''s %s and %s plus one per client (%s)',
                             n, m, current_setting('load.pgb_import'), current_setting('load.pgb_assess'),
                             current_setting('load.clients'));
    END IF;
    -- 2. participants: exactly the logged ones, in the logged trials
    SELECT count(*) INTO n FROM (
        (SELECT participant_id, trial_id::text FROM participant WHERE code LIKE 'L%'
         EXCEPT ALL SELECT participant_id, trial_id::text FROM load.committed WHERE script = 'assess')
        UNION ALL
        (SELECT participant_id, trial_id::text FROM load.committed WHERE script = 'assess'
         EXCEPT ALL SELECT participant_id, trial_id::text FROM participant WHERE code LIKE 'L%')) d;
    IF n <> 0 THEN bad := bad || format(E'\n  %s participants differ from the log', n); END IF;
    -- 3. assessments: per participant exactly the logged number (rejected ones absent)
    SELECT count(*) INTO n
    FROM load.committed c
    FULL JOIN (SELECT s.participant_id, count(*) AS k FROM assessment s
               JOIN participant p USING (participant_id) WHERE p.code LIKE 'L%' GROUP BY 1) s USING (participant_id)
    WHERE c.script IS DISTINCT FROM 'import' AND (c.assessments IS DISTINCT FROM s.k);
    IF n <> 0 THEN bad := bad || format(E'\n  %s participants with other assessments than logged', n); END IF;
    SELECT count(*) INTO n FROM assessment s JOIN participant p USING (participant_id) WHERE p.code LIKE 'L%';
    SELECT sum(assessments) INTO m FROM load.committed WHERE script = 'assess';
    IF n <> m THEN bad := bad || format(E'\n  %s assessments in the table, %s logged', n, m); END IF;
    -- 4. re-imports under load left exactly what the first import left
    SELECT count(DISTINCT trial_id::text) INTO n FROM (
        (SELECT * FROM load.fingerprint_before EXCEPT ALL SELECT * FROM load.fingerprint())
        UNION ALL
        (SELECT * FROM load.fingerprint() EXCEPT ALL SELECT * FROM load.fingerprint_before)) d;
    IF n <> 0 THEN bad := bad || format(E'\n  %s trials differ from their first import', n); END IF;
    SELECT count(*) INTO n FROM load.record WHERE origin <> 'not_a_study';
    SELECT count(*) INTO m FROM trial;
    IF n <> m THEN bad := bad || format(E'\n  %s trials, %s records', m, n); END IF;
    -- 5. the expected errors came where expected, and only there
    SELECT count(*) INTO n FROM load.committed c LEFT JOIN load.record r ON r.k = c.record_k
    WHERE CASE c.script
          WHEN 'import' THEN (r.origin = 'not_a_study') IS DISTINCT FROM (c.expected_error IS NOT DISTINCT FROM '22023')
          ELSE c.expected_error NOT IN ('22003', '23505') END;
    IF n <> 0 THEN bad := bad || format(E'\n  %s transactions with an unexpected outcome', n); END IF;
    IF bad <> '' THEN
        RAISE EXCEPTION 'load test: the tables do not match what was committed:%', bad;
    END IF;
END $$;
\echo 'load: tables match the log exactly; re-imported trials equal their first import'
