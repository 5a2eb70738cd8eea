-- A synthetic demo registry: 44 FICTIONAL trials (titles start with
-- "DEMO"; identifiers NCT990000xx are not real registrations), generated
-- deterministically: every "random" number is derived from an md5 hash of
-- its own key, so the data do not depend on plan or call order.

-- uniform number in [0, 1) from a key
CREATE FUNCTION pg_temp.u(key text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT ('x' || substr(md5(key), 1, 13))::bit(52)::bigint / 4503599627370496.0 $$;
-- standard normal from a key (Box-Muller)
CREATE FUNCTION pg_temp.z(key text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT sqrt(-2 * ln(1 - pg_temp.u(key || '/a'))) * cos(2 * pi() * pg_temp.u(key || '/b')) $$;

-- the trial designs: condition, instrument, source, route, donor, manipulation, dose
CREATE TEMP TABLE design AS
SELECT i,
       ('NCT990000' || lpad(i::text, 2, '0'))::trial_id AS trial_id,
       c.condition, c.category, c.instrument, c.route::msc_route AS route,
       (ARRAY['adipose', 'bone_marrow', 'umbilical_cord', 'adipose', 'bone_marrow', 'placenta'])[1 + i % 6]::msc_source AS source,
       (CASE WHEN i % 3 = 0 THEN 'allogeneic' ELSE 'autologous' END)::msc_donor AS donor,
       (CASE WHEN i % 5 = 0 THEN 'minimally_manipulated' ELSE 'culture_expanded' END)::msc_manipulation AS manipulation,
       (CASE WHEN c.route = 'intravenous' THEN (1 + i % 3) || 'e6 cells/kg'
             ELSE (ARRAY['1e7', '5e7', '1e8', '2e7'])[1 + i % 4] END)::cell_dose AS dose,
       20 + (i * 7) % 21 AS n_per_arm
FROM generate_series(1, 44) i
JOIN (VALUES
  (0, 'Knee osteoarthritis', 'knee_oa', 'vas', 'intra_articular'),
  (1, 'Knee osteoarthritis', 'knee_oa', 'vas', 'intra_articular'),
  (2, 'Knee osteoarthritis', 'knee_oa', 'vas', 'intra_articular'),
  (3, 'Degenerative disc disease with chronic low back pain', 'low_back_pain', 'nrs', 'intradiscal'),
  (4, 'Chronic Achilles tendinopathy', 'tendinopathy', 'vas', 'intratendinous'),
  (5, 'Painful diabetic neuropathy', 'neuropathic_pain', 'nrs', 'intramuscular'),
  (6, 'Rheumatoid arthritis', 'rheumatoid_arthritis', 'vas', 'intravenous'),
  (7, 'Chronic spinal cord injury with neuropathic pain', 'spinal_cord_injury', 'nrs', 'intrathecal'),
  (8, 'Multiple sclerosis', 'multiple_sclerosis', 'nrs', 'intravenous'),
  (9, 'Primary Sjogren''s syndrome', 'sjogren', 'vas', 'intravenous'),
  (10, 'Knee osteoarthritis', 'knee_oa', 'vas', 'intra_articular')
) AS c(k, condition, category, instrument, route) ON c.k = i % 11;

INSERT INTO trial (trial_id, title, conditions, condition_category, phases, study_type,
                   overall_status, enrollment, start_date, has_results)
SELECT trial_id,
       format('DEMO (fictional) %s %s MSC for %s', donor, replace(source::text, '_', ' '), lower(condition)),
       ARRAY[condition], category, ARRAY[(ARRAY['phase1', 'phase2', 'phase3'])[1 + i % 3]],
       'interventional', 'completed', 2 * n_per_arm,
       (2012 + i % 11)::text || '-0' || (1 + i % 9)::text, true
FROM design;

INSERT INTO arm (trial_id, label, arm_type, description, is_msc, source, donor, manipulation,
                 route, dose, co_interventions)
SELECT trial_id, 'MSC', 'experimental',
       format('%s %s, %s, single %s injection (fictional)', donor, label(source), dose, label(route)),
       true, source, donor, manipulation, route, dose,
       CASE WHEN category = 'knee_oa' AND i % 4 = 0 THEN ARRAY['hyaluronic_acid'] ELSE '{}' END
FROM design
UNION ALL
SELECT trial_id, 'Control',
       CASE WHEN category = 'knee_oa' AND i % 4 = 0 THEN 'active_comparator' ELSE 'placebo_comparator' END,
       CASE WHEN category = 'knee_oa' AND i % 4 = 0 THEN 'hyaluronic acid alone (fictional)'
            ELSE 'saline placebo (fictional)' END,
       false, NULL, NULL, NULL, route, NULL,
       CASE WHEN category = 'knee_oa' AND i % 4 = 0 THEN ARRAY['hyaluronic_acid'] ELSE '{}' END
FROM design;

INSERT INTO site (site, description) VALUES
  ('Site A', 'fictional centre A'), ('Site B', 'fictional centre B'), ('Site C', 'fictional centre C');
INSERT INTO participant (trial_id, arm_id, code, site)
SELECT a.trial_id, a.arm_id, format('%s-%s', a.label, p), 'Site ' || chr(65 + p % 3)
FROM arm a JOIN design d USING (trial_id), generate_series(1, d.n_per_arm) p;

-- pain at weeks 0, 4, 12, 26, 52: a baseline near 70% of the scale, some
-- improvement in every arm, more with MSC (by source), fading by week 52
INSERT INTO assessment (participant_id, week, score)
SELECT p.participant_id, w.week,
       pain_score(d.instrument,
                  round((greatest(0, least(1, x.severity)) * CASE d.instrument WHEN 'vas' THEN 100 ELSE 10 END)::numeric, 1))
FROM participant p
JOIN arm a USING (arm_id)
JOIN design d ON d.trial_id = p.trial_id
CROSS JOIN (VALUES (0), (4), (12), (26), (52)) AS w(week)
CROSS JOIN LATERAL (SELECT
    0.68 + 0.08 * pg_temp.z(p.participant_id || '/base')
    - CASE WHEN w.week = 0 THEN 0 ELSE
        (0.08 + CASE WHEN a.is_msc THEN
                  (CASE d.source WHEN 'adipose' THEN 0.14 WHEN 'bone_marrow' THEN 0.10
                                 WHEN 'umbilical_cord' THEN 0.12 ELSE 0.06 END) ELSE 0 END)
        * CASE w.week WHEN 4 THEN 0.6 WHEN 12 THEN 0.9 WHEN 26 THEN 1.0 ELSE 0.75 END END
    + 0.10 * pg_temp.z(p.participant_id || '/' || w.week) AS severity) x;

-- adverse events, counted per arm as ClinicalTrials.gov reports them
INSERT INTO adverse_event (arm_id, term, organ_system, serious, grade, relatedness, n_affected, n_at_risk, n_events)
SELECT a.arm_id, e.term, e.organ_system, e.serious, e.grade, e.relatedness, x.n, d.n_per_arm, x.n
FROM arm a JOIN design d USING (trial_id)
CROSS JOIN (VALUES
  ('Injection site pain', 'General disorders', false, 1::smallint, 'probable', 0.25, 0.10),
  ('Joint swelling', 'Musculoskeletal disorders', false, 1::smallint, 'possible', 0.15, 0.05),
  ('Headache', 'Nervous system disorders', false, 1::smallint, 'unlikely', 0.06, 0.06),
  ('Fever', 'General disorders', false, 2::smallint, 'possible', 0.08, 0.02),
  ('Infection requiring hospitalisation', 'Infections', true, 3::smallint, 'unlikely', 0.06, 0.04)
) AS e(term, organ_system, serious, grade, relatedness, p_msc, p_control)
CROSS JOIN LATERAL (SELECT floor(d.n_per_arm * (CASE WHEN a.is_msc THEN e.p_msc ELSE e.p_control END)
                                  * (0.5 + pg_temp.u(a.arm_id || e.term)))::int AS n) x;
-- (every arm lists every term, with 0 affected where none was: the
-- denominators of the safety views count every arm at risk)

-- the arms' overall counts (ClinicalTrials.gov event-group totals), which
-- safety_totals_by_route reads: the one serious term above is the only
-- serious event, so its participants are those with any serious event;
-- nobody died
UPDATE arm a
SET sae_affected = e.n_affected, sae_at_risk = e.n_at_risk, deaths = 0, deaths_at_risk = e.n_at_risk
FROM adverse_event e
WHERE e.arm_id = a.arm_id AND e.serious;
