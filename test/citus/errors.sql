-- Errors raised on the workers (or by the combine on the coordinator) reach
-- the client with the SQLSTATE of the single-node run (the messages are
-- shown; a combine may meet the rows in another order).
CREATE TEMP TABLE error_cases (what text, sql text);
INSERT INTO error_cases VALUES
  ('mixed instruments', 'SELECT p.arm_id, score_summary(s.score) FROM ASSESSMENT s JOIN PARTICIPANT p USING (participant_id) WHERE s.week = 0 GROUP BY p.arm_id'),
  ('mixed methods', 'SELECT g, meta_analysis(yi, vi, CASE WHEN id % 2 = 0 THEN ''DL'' ELSE ''REML'' END) FROM AGG_INPUT GROUP BY g'),
  ('unknown method', 'SELECT g, meta_analysis(yi, vi, ''XYZ'') FROM AGG_INPUT GROUP BY g'),
  ('bad score', 'SELECT g, score_summary((''vas:'' || round(x * 10))::pain_score) FROM AGG_INPUT GROUP BY g'),
  ('negative variance', 'SELECT g, meta_analysis(yi, -vi) FROM AGG_INPUT GROUP BY g');
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    st text;
    msg text;
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    RETURN st || ': ' || msg;
END $$;
CREATE TEMP TABLE error_check AS
SELECT what,
       pg_temp.error_of(replace(replace(replace(sql, 'ASSESSMENT', 'assessment'), 'PARTICIPANT', 'participant'),
                                'AGG_INPUT', 'agg_input')) AS distributed,
       pg_temp.error_of(replace(replace(replace(sql, 'ASSESSMENT', 'assessment_local'), 'PARTICIPANT', 'participant_local'),
                                'AGG_INPUT', 'agg_input_local')) AS single
FROM error_cases;
\pset footer off
SELECT what, distributed, CASE WHEN distributed = single THEN 'identical' ELSE single END AS "one node" FROM error_check;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM error_check
               WHERE left(distributed, 5) IS DISTINCT FROM left(single, 5) OR distributed = 'no error' OR distributed ~ '^XX') THEN
        RAISE EXCEPTION 'an error differs from the single-node run';
    END IF;
END $$;
