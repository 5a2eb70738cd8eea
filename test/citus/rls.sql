-- Row-level security by site on the distributed tables: a role working at
-- site A sees, through the coordinator, exactly site A's participants,
-- assessments and adverse events, and may not write a row of site B.
CREATE ROLE site_a_nurse LOGIN;
GRANT USAGE ON SCHEMA public TO site_a_nurse;
GRANT SELECT, INSERT ON participant, assessment, participant_adverse_event TO site_a_nurse;
GRANT SELECT ON arm, trial, site TO site_a_nurse;
SELECT success FROM run_command_on_all_nodes($$INSERT INTO public.site_member (member, site) VALUES ('site_a_nurse', 'A')$$);
CREATE TEMP TABLE expected AS
SELECT (SELECT count(*) FROM participant WHERE site = 'A') AS participants,
       (SELECT count(*) FROM assessment WHERE site = 'A') AS assessments,
       (SELECT count(*) FROM participant_adverse_event WHERE site = 'A') AS adverse_events;
SET ROLE site_a_nurse;
CREATE TEMP TABLE seen AS
SELECT (SELECT count(*) FROM participant) AS participants,
       (SELECT count(*) FROM assessment) AS assessments,
       (SELECT count(*) FROM participant_adverse_event) AS adverse_events,
       (SELECT array_agg(DISTINCT site) FROM participant) AS participant_sites,
       (SELECT array_agg(DISTINCT site) FROM assessment) AS assessment_sites,
       (SELECT array_agg(DISTINCT p.site) FROM assessment s JOIN participant p USING (participant_id)) AS joined_sites;
CREATE FUNCTION pg_temp.insert_state(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text;
BEGIN
    EXECUTE q;
    RETURN 'inserted';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
    RETURN st;
END $$;
CREATE TEMP TABLE writes AS
SELECT pg_temp.insert_state($$INSERT INTO participant (participant_id, trial_id, arm_id, code, site)
                              VALUES (900001, 'NCT90000001', 11, 'new-B', 'B')$$) AS other_site,
       pg_temp.insert_state($$INSERT INTO participant (participant_id, trial_id, arm_id, code, site)
                              VALUES (900002, 'NCT90000001', 11, 'new-A', 'A')$$) AS own_site;
RESET ROLE;
\pset footer off
SELECT 'site A, as site_a_nurse' AS counted, s.participants, s.assessments, s.adverse_events, s.participant_sites,
       s.assessment_sites, s.joined_sites, w.other_site AS "insert at B", w.own_site AS "insert at A"
FROM seen s, writes w
UNION ALL
SELECT 'site A, as postgres', e.participants, e.assessments, e.adverse_events, NULL, NULL, NULL, NULL, NULL FROM expected e;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM seen s, expected e, writes w
                   WHERE s.participants = e.participants AND s.assessments = e.assessments
                     AND s.adverse_events = e.adverse_events AND s.participants > 0
                     AND s.participant_sites = '{A}' AND s.assessment_sites = '{A}' AND s.joined_sites = '{A}'
                     AND w.other_site = '42501' AND w.own_site = 'inserted') THEN
        RAISE EXCEPTION 'row-level security by site does not hold on the distributed tables';
    END IF;
END $$;
DELETE FROM participant WHERE participant_id = 900002;
