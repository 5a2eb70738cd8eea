-- Registry, what the pooled effects leave out and why: every trial, arm
-- result and comparison that does not reach pooled_effect, with the
-- reason, and the counts per condition a review reports (PRISMA flow).

CREATE OR REPLACE VIEW @extschema@.pooling_exclusion WITH (security_invoker = true) AS
WITH design AS (
    SELECT t.trial_id, t.condition_category AS condition,
           count(a.arm_id) AS arms, count(a.arm_id) FILTER (WHERE a.is_msc) AS msc_arms,
           count(a.arm_id) FILTER (WHERE NOT a.is_msc) AS control_arms
    FROM @extschema@.trial t
    LEFT JOIN @extschema@.arm a ON a.trial_id OPERATOR(@extschema@.=) t.trial_id
    GROUP BY t.trial_id, t.condition_category
), s AS (
    -- the arm results the effect views read, in trials with both kinds of arm
    SELECT d.condition, p.trial_id, p.arm, p.is_msc, p.instrument, p.week, p.kind, p.sd
    FROM @extschema@.arm_pain_summary p
    JOIN design d ON d.trial_id OPERATOR(@extschema@.=) p.trial_id
    WHERE p.preferred AND d.msc_arms > 0 AND d.control_arms > 0
), e AS (
    SELECT * FROM @extschema@.trial_stratum_effect
)
SELECT d.condition, d.trial_id, 'trial'::text AS stage, NULL::text AS arm,
       NULL::text AS instrument, NULL::numeric AS week, NULL::text AS kind,
       CASE WHEN d.arms = 0 THEN 'no arms entered'
            WHEN d.msc_arms = 0 THEN 'no MSC arm (arm.is_msc)'
            WHEN d.control_arms = 0 THEN 'single-arm or uncontrolled: no control (non-MSC) arm to compare with'
            ELSE 'no pain or function result: no arm-level outcome and no participant assessment' END AS reason,
       NULL::text AS json_path
FROM design d
WHERE d.arms = 0 OR d.msc_arms = 0 OR d.control_arms = 0
   OR NOT EXISTS (SELECT 1 FROM s WHERE s.trial_id OPERATOR(@extschema@.=) d.trial_id)
UNION ALL
-- an arm's result that no arm of the other kind matches
SELECT s.condition, s.trial_id, 'outcome', s.arm, s.instrument, s.week, s.kind,
       CASE WHEN s.is_msc THEN 'no control arm of the trial has a result on this instrument, week and kind'
            ELSE 'no MSC arm of the trial has a result on this instrument, week and kind' END, NULL
FROM s
WHERE NOT EXISTS (SELECT 1 FROM s o
                  WHERE o.trial_id OPERATOR(@extschema@.=) s.trial_id AND o.instrument = s.instrument
                    AND o.week = s.week AND o.kind = s.kind AND o.is_msc <> s.is_msc)
UNION ALL
-- a control arm passed over for a closer control
SELECT s.condition, s.trial_id, 'outcome', s.arm, s.instrument, s.week, s.kind,
       'control arm not compared: the trial has a closer control (' || array_to_string(e.control_arms, '; ')
       || '; placebo or sham before no intervention before active comparator)', NULL
FROM s
JOIN e ON e.trial_id OPERATOR(@extschema@.=) s.trial_id AND e.instrument = s.instrument AND e.week = s.week
      AND e.kind = s.kind
WHERE NOT s.is_msc AND NOT s.arm = ANY (e.control_arms)
  AND NOT EXISTS (SELECT 1 FROM e f
                  WHERE f.trial_id OPERATOR(@extschema@.=) s.trial_id AND f.instrument = s.instrument
                    AND f.week = s.week AND f.kind = s.kind AND s.arm = ANY (f.control_arms))
GROUP BY s.condition, s.trial_id, s.arm, s.instrument, s.week, s.kind, e.control_arms
UNION ALL
-- a comparison that gives no SMD or no MD to pool
SELECT e.condition, e.trial_id, 'comparison', array_to_string(e.msc_arms || e.control_arms, '; '),
       e.instrument, e.week, e.kind,
       CASE WHEN e.md_yi IS NULL
            THEN 'no SD' || coalesce(' for ' || (SELECT string_agg(s.arm, '; ' ORDER BY s.arm) FROM s
                                                 WHERE s.trial_id OPERATOR(@extschema@.=) e.trial_id
                                                   AND s.instrument = e.instrument AND s.week = e.week
                                                   AND s.kind = e.kind AND s.sd IS NULL
                                                   AND (s.arm = ANY (e.msc_arms) OR s.arm = ANY (e.control_arms))), '')
                 || ': in neither the SMD nor the MD pooling'
            WHEN NOT e.md_vi > 0 THEN 'SDs of zero: no variance, in neither the SMD nor the MD pooling'
            ELSE 'no SMD (fewer than 4 participants, or a pooled SD of zero): in the MD pooling only' END,
       NULL
FROM e
WHERE e.md_yi IS NULL OR NOT e.md_vi > 0 OR NOT e.smd_vi > 0 OR e.smd_vi IS NULL
UNION ALL
-- what ctgov_import() did not load (an outcome on an instrument it does not know, a median ...)
SELECT t.condition_category, p.trial_id, 'import', NULL, NULL, NULL, NULL, p.reason, p.json_path
FROM @extschema@.import_problem p
JOIN @extschema@.trial t ON t.trial_id OPERATOR(@extschema@.=) p.trial_id
WHERE p.dropped;
COMMENT ON VIEW @extschema@.pooling_exclusion IS
    'everything that does not reach pooled_effect, with the reason: trials (no arms, no MSC arm, single-arm, no result), arm results (nothing of the other kind to compare with, a control passed over for a closer one), comparisons without an SMD or MD (no SD, SDs of zero, too few participants), and what ctgov_import() did not load (import_problem, dropped); for the flow of a review (pooling_flow counts it per condition)';
COMMENT ON COLUMN @extschema@.pooling_exclusion.stage IS 'trial, outcome (one arm''s result), comparison (a trial_stratum_effect row) or import (an import_problem row)';
COMMENT ON COLUMN @extschema@.pooling_exclusion.arm IS 'the arm (stage outcome) or the arms compared, MSC first (stage comparison)';
COMMENT ON COLUMN @extschema@.pooling_exclusion.reason IS 'why it is not pooled';
COMMENT ON COLUMN @extschema@.pooling_exclusion.json_path IS 'where in the imported record (stage import)';

CREATE OR REPLACE VIEW @extschema@.pooling_flow WITH (security_invoker = true) AS
-- (each view read once: correlated subqueries on them, per trial, take seconds)
WITH arms AS (
    SELECT trial_id, bool_or(is_msc) AND bool_or(NOT is_msc) AS controlled
    FROM @extschema@.arm GROUP BY trial_id
), results AS MATERIALIZED (
    SELECT DISTINCT trial_id FROM @extschema@.arm_pain_summary WHERE preferred
), compared AS MATERIALIZED (
    SELECT trial_id, bool_or(md_vi > 0 OR smd_vi > 0) AS pooled
    FROM @extschema@.trial_stratum_effect GROUP BY trial_id
), t AS (
    SELECT t.condition_category AS condition, coalesce(a.controlled, false) AS controlled,
           r.trial_id IS NOT NULL AS with_results, c.trial_id IS NOT NULL AS compared,
           coalesce(c.pooled, false) AS pooled
    FROM @extschema@.trial t
    LEFT JOIN arms a ON a.trial_id OPERATOR(@extschema@.=) t.trial_id
    LEFT JOIN results r ON r.trial_id OPERATOR(@extschema@.=) t.trial_id
    LEFT JOIN compared c ON c.trial_id OPERATOR(@extschema@.=) t.trial_id
)
SELECT condition, count(*) AS trials,
       count(*) FILTER (WHERE controlled) AS controlled,
       count(*) FILTER (WHERE controlled AND with_results) AS with_results,
       count(*) FILTER (WHERE compared) AS compared,
       count(*) FILTER (WHERE pooled) AS pooled
FROM t
GROUP BY condition;
COMMENT ON VIEW @extschema@.pooling_flow IS
    'per condition, how many trials reach pooling, step by step (each count within the one before): trials in the registry, with an MSC and a control arm, with a pain or function result, with a comparison (trial_stratum_effect), pooled in at least one SMD or MD; pooling_exclusion says why the others are not';
COMMENT ON COLUMN @extschema@.pooling_flow.controlled IS 'trials with an MSC arm and a control (non-MSC) arm';
COMMENT ON COLUMN @extschema@.pooling_flow.with_results IS 'of those, trials with an arm-level result or participants'' assessments';
COMMENT ON COLUMN @extschema@.pooling_flow.compared IS 'trials with an MSC against control comparison on one instrument, week and kind';
COMMENT ON COLUMN @extschema@.pooling_flow.pooled IS 'trials in at least one pooled SMD or MD (a comparison with a variance)';
