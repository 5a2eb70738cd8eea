-- A synthetic registry on the distributed tables (psql -v per_arm=N), the
-- same rows in local tables for the single-node runs, and agg_input: the
-- arguments of every aggregate, distributed by id, grouped by g.
INSERT INTO site (site) VALUES ('A'), ('B'), ('C'), ('D');
INSERT INTO trial (trial_id, title, condition_category)
SELECT format('NCT%s', 90000000 + t)::trial_id, 'synthetic trial ' || t, 'knee_oa'
FROM generate_series(1, 12) t;
INSERT INTO arm (arm_id, trial_id, label, is_msc)
SELECT 10 * t + a, format('NCT%s', 90000000 + t)::trial_id, CASE a WHEN 1 THEN 'MSC' ELSE 'control' END, a = 1
FROM generate_series(1, 12) t, generate_series(1, 2) a;

-- participants: 12 trials x 2 arms x per_arm, at sites A-D
INSERT INTO participant (participant_id, trial_id, arm_id, code, site)
SELECT id, format('NCT%s', 90000000 + t)::trial_id, 10 * t + a, 'P' || i, chr(65 + (id * 7) % 4)
FROM generate_series(1, 12) t, generate_series(1, 2) a, generate_series(1, :per_arm) i,
     LATERAL (SELECT ((t - 1) * 2 + a - 1) * :per_arm + i AS id) x;
-- VAS at weeks 0, 4, 12, 24 (the MSC arms improve more); every 50th
-- participant also has WOMAC pain at weeks 0 and 24
INSERT INTO assessment (participant_id, week, score, site)
SELECT p.participant_id, w,
       ('vas:' || greatest(0, least(100, round(40 + (p.participant_id * 13) % 50
                                                - CASE WHEN p.arm_id % 10 = 1 THEN 20 ELSE 8 END * w / 24.0
                                                + ((p.participant_id * 7919 + w * 31) % 21 - 10), 1))))::pain_score,
       p.site
FROM participant p, unnest(ARRAY[0, 4, 12, 24]) w;
INSERT INTO assessment (participant_id, week, score, site)
SELECT p.participant_id, w, ('womac_pain:' || (p.participant_id + w) % 21)::pain_score, p.site
FROM participant p, unnest(ARRAY[0, 24]) w
WHERE p.participant_id % 50 = 0;
INSERT INTO participant_adverse_event (participant_id, term, serious, grade, site)
SELECT participant_id, CASE participant_id % 3 WHEN 0 THEN 'arthralgia' WHEN 1 THEN 'joint swelling' ELSE 'fever' END,
       participant_id % 35 = 0, 1 + participant_id % 3, site
FROM participant WHERE participant_id % 5 = 0;

-- the single-node copies
CREATE TABLE participant_local AS TABLE participant;
CREATE TABLE assessment_local AS TABLE assessment;
CREATE TABLE arm_local AS TABLE arm;
ALTER TABLE participant_local ADD PRIMARY KEY (participant_id);
ALTER TABLE assessment_local ADD PRIMARY KEY (participant_id, week, instrument);

-- agg_input: 8 groups of 60 rows; every argument an aggregate takes
CREATE TABLE agg_input (
    id bigint PRIMARY KEY, g int NOT NULL, k int NOT NULL,
    t double precision, x double precision, score pain_score, score2 pain_score, relief pain_score,
    yi double precision, vi double precision, eff effect, mods double precision[], sub text, label text,
    a int, b int, c int, d int, xe int, ne int, flag boolean,
    src msc_source, rt msc_route, dose cell_dose, tid trial_id);
INSERT INTO agg_input
SELECT id, g, k, k, 30 + (id * 37) % 41 + k / 7.0,
       ('vas:' || (id * 37) % 101)::pain_score, ('vas:' || (id * 53) % 101)::pain_score,
       ('pain_relief:' || (id * 3) % 5)::pain_score,
       yi, vi, ROW(yi, vi)::effect, ARRAY[(k % 7) / 3.0], 's' || k % 3, 'study ' || k,
       1 + (id * 5) % 9, 20 + (id * 11) % 13, (id * 7) % 6, 20 + (id * 3) % 17,
       (id * 5) % 12, 30 + (id * 7) % 20, id % 3 = 0,
       (ARRAY['bone_marrow', 'adipose', 'cord_blood', 'placenta'])[1 + id % 4]::msc_source,
       (ARRAY['intrathecal', NULL])[1 + id % 2]::msc_route,
       (1 + id % 9 || 'e7')::cell_dose,
       format('NCT%s', 90000000 + id % 40)::trial_id
FROM generate_series(1, 8) g, generate_series(1, 60) k,
     LATERAL (SELECT (g - 1) * 60 + k AS id) i,
     LATERAL (SELECT (((id * 7919) % 1000) / 1000.0 - 0.3) * (1 + g % 3) AS yi,
                     0.02 + ((id * 104729) % 997) / 4000.0 AS vi) e;
CREATE TABLE agg_input_local AS TABLE agg_input;
SELECT create_distributed_table('agg_input', 'id');

ANALYZE;
SELECT (SELECT count(*) FROM participant) AS participants, (SELECT count(*) FROM assessment) AS assessments,
       (SELECT count(*) FROM participant_adverse_event) AS adverse_events,
       (SELECT count(*) FROM agg_input) AS agg_input_rows;
