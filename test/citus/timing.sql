-- Timings, best of 3 runs each (milliseconds): the per-arm report
-- (score_summary per arm and week over every assessment) distributed and on
-- the local copy; meta_analysis with and without a method text (REML both:
-- the difference is the reading of the text), with the
-- partial aggregates on the workers and with the rows gathered to the
-- coordinator (citus.allow_aggregate_worker_combine_on_internal_types off).
CREATE FUNCTION pg_temp.best_ms(q text, setting text DEFAULT 'on') RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    best float8;
    t0 timestamptz;
BEGIN
    PERFORM set_config('citus.allow_aggregate_worker_combine_on_internal_types', setting, true);
    FOR i IN 1 .. 3 LOOP
        t0 := clock_timestamp();
        EXECUTE q;
        best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
    RETURN round(best::numeric, 1);
END $$;
\set report 'SELECT a.label, s.week, score_summary(s.score) FROM ASSESSMENT s JOIN PARTICIPANT p USING (participant_id) JOIN ARM a ON a.arm_id = p.arm_id WHERE s.instrument = ''vas'' GROUP BY a.label, s.week'
\set meta 'SELECT s.week, meta_analysis(score(s.score) / 100.0, 0.01 + (s.participant_id % 7) / 100.0 METHOD) FROM assessment s WHERE s.instrument = ''vas'' GROUP BY s.week'
\pset footer off
SELECT 'report per arm label and week' AS query,
       pg_temp.best_ms(replace(replace(replace(:'report', 'ASSESSMENT', 'assessment'), 'PARTICIPANT', 'participant'), 'ARM', 'arm')) AS "2 workers",
       pg_temp.best_ms(replace(replace(replace(:'report', 'ASSESSMENT', 'assessment'), 'PARTICIPANT', 'participant'), 'ARM', 'arm'), 'off') AS "2 workers, rows gathered",
       pg_temp.best_ms(replace(replace(replace(:'report', 'ASSESSMENT', 'assessment_local'), 'PARTICIPANT', 'participant_local'), 'ARM', 'arm_local')) AS "one node"
UNION ALL
SELECT 'meta_analysis(yi, vi) per week',
       pg_temp.best_ms(replace(:'meta', 'METHOD', '')), pg_temp.best_ms(replace(:'meta', 'METHOD', ''), 'off'),
       pg_temp.best_ms(replace(replace(:'meta', 'METHOD', ''), 'assessment', 'assessment_local'))
UNION ALL
SELECT 'meta_analysis(yi, vi, ''REML'') per week',
       pg_temp.best_ms(replace(:'meta', 'METHOD', ', ''REML''')), pg_temp.best_ms(replace(:'meta', 'METHOD', ', ''REML'''), 'off'),
       pg_temp.best_ms(replace(replace(:'meta', 'METHOD', ', ''REML'''), 'assessment', 'assessment_local'));
