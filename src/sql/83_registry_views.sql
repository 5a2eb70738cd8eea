-- Registry, reporting views: arm pain summaries, per-trial and pooled
-- effects, safety by route.

-- ===================================================================
-- Reporting views
-- ===================================================================

CREATE OR REPLACE VIEW @extschema@.arm_pain_summary WITH (security_invoker = true) AS
WITH scores AS (
    SELECT p.arm_id, s.participant_id, s.instrument, s.week, @extschema@.score(s.score) AS v
    FROM @extschema@.assessment s
    JOIN @extschema@.participant p ON p.participant_id = s.participant_id
), from_participants AS (
    SELECT arm_id, instrument, week, 'value'::text AS kind, count(*) AS n,
           avg(v)::double precision AS mean, stddev_samp(v)::double precision AS sd
    FROM scores
    GROUP BY arm_id, instrument, week
    UNION ALL
    SELECT f.arm_id, f.instrument, f.week, 'change'::text, count(*),
           avg(f.v - b.v)::double precision, stddev_samp(f.v - b.v)::double precision
    FROM scores f
    JOIN scores b ON b.participant_id = f.participant_id AND b.instrument = f.instrument AND b.week = 0
    WHERE f.week > 0
    GROUP BY f.arm_id, f.instrument, f.week
), reported AS (
    SELECT o.arm_id, o.instrument, o.week, o.kind, o.n::bigint AS n, o.mean::double precision AS mean,
           o.sd::double precision AS sd, o.sd_source
    FROM @extschema@.outcome o
), derived AS (
    -- a change from the arm's reported baseline and follow-up where the
    -- report gives no change: the difference of the means, on the
    -- follow-up n, with the SD of a change for the correlation the user
    -- assumes (change_correlation(); none when it is not set)
    SELECT f.arm_id, f.instrument, f.week, 'change'::text AS kind, f.n, f.mean - b.mean AS mean,
           @extschema@.sd_change(b.sd, f.sd, c.r) AS sd,
           CASE WHEN b.sd IS NOT NULL AND f.sd IS NOT NULL AND c.r IS NOT NULL
                THEN 'baseline_followup_r=' || c.r END AS sd_source
    FROM reported f
    JOIN reported b ON b.arm_id = f.arm_id AND b.instrument = f.instrument AND b.week = 0 AND b.kind = 'value'
    CROSS JOIN (SELECT @extschema@.change_correlation() AS r) c
    WHERE f.kind = 'value' AND f.week > 0
      AND NOT EXISTS (SELECT 1 FROM reported x
                      WHERE x.arm_id = f.arm_id AND x.instrument = f.instrument AND x.week = f.week AND x.kind = 'change')
), summaries AS (
    SELECT r.arm_id, r.instrument, r.week, r.kind, r.n, r.mean, r.sd, 'reported'::text AS origin, true AS preferred,
           r.sd_source
    FROM reported r
    UNION ALL
    SELECT p.arm_id, p.instrument, p.week, p.kind, p.n, p.mean, p.sd, 'participants'::text,
           NOT EXISTS (SELECT 1 FROM @extschema@.outcome o
                       WHERE o.arm_id = p.arm_id AND o.instrument = p.instrument
                         AND o.week = p.week AND o.kind = p.kind),
           CASE WHEN p.sd IS NOT NULL THEN 'participants' END
    FROM from_participants p
    UNION ALL
    SELECT d.arm_id, d.instrument, d.week, d.kind, d.n, d.mean, d.sd, 'derived'::text,
           NOT EXISTS (SELECT 1 FROM from_participants p
                       WHERE p.arm_id = d.arm_id AND p.instrument = d.instrument
                         AND p.week = d.week AND p.kind = d.kind),
           d.sd_source
    FROM derived d
)
SELECT a.trial_id, s.arm_id, a.label AS arm, a.is_msc, a.source, a.route,
       s.instrument, s.week, s.kind, s.n, s.mean, s.sd, s.origin, s.preferred, s.sd_source
FROM summaries s
JOIN @extschema@.arm a ON a.arm_id = s.arm_id;
COMMENT ON VIEW @extschema@.arm_pain_summary IS
    'n, mean and SD per arm, instrument, week and kind (value, or change from the week-0 score), from arm-level outcomes (origin reported) and from participants'' assessments (origin participants) alike; preferred marks the row the effect views use: the reported one when both exist; a change the report does not give is derived from the arm''s reported baseline and follow-up (origin derived, SD only with an assumed correlation, change_correlation()); runs as the querying role, so the participants are those its sites hold (row-level security)';
COMMENT ON COLUMN @extschema@.arm_pain_summary.kind IS 'value (score at that week) or change (follow-up minus baseline)';
COMMENT ON COLUMN @extschema@.arm_pain_summary.origin IS 'reported (outcome table), participants (computed from assessment) or derived (a change from the reported week-0 and follow-up values, where no change is reported)';
COMMENT ON COLUMN @extschema@.arm_pain_summary.preferred IS 'the row trial_effect and trial_stratum_effect use: reported rows; participant rows where nothing is reported; derived changes where neither is';
COMMENT ON COLUMN @extschema@.arm_pain_summary.sd_source IS 'where the SD comes from: the outcome''s sd_source (reported, se, ci95 ...), participants, or baseline_followup_r=R (sd_change with the assumed correlation R, change_correlation()); NULL without an SD';

CREATE OR REPLACE VIEW @extschema@.trial_effect WITH (security_invoker = true) AS
SELECT t.trial_id, t.condition_category AS condition,
       m.arm_id AS msc_arm_id, m.label AS msc_arm, c.arm_id AS control_arm_id, c.label AS control_arm,
       c.arm_type AS control_type,
       m.source, m.donor, m.manipulation, m.route, m.dose, m.co_interventions,
       sm.instrument, sm.week, sm.kind, i.higher_is_worse,
       sm.n AS n_msc, sm.mean AS mean_msc, sm.sd AS sd_msc,
       sc.n AS n_control, sc.mean AS mean_control, sc.sd AS sd_control,
       (e.smd).yi AS smd_yi, (e.smd).vi AS smd_vi, (e.md).yi AS md_yi, (e.md).vi AS md_vi
FROM @extschema@.arm_pain_summary sm
JOIN @extschema@.arm m ON m.arm_id = sm.arm_id AND m.is_msc
JOIN @extschema@.arm_pain_summary sc
  ON sc.trial_id OPERATOR(@extschema@.=) sm.trial_id AND sc.instrument = sm.instrument AND sc.week = sm.week
 AND sc.kind = sm.kind AND sc.preferred
JOIN @extschema@.arm c ON c.arm_id = sc.arm_id AND NOT c.is_msc
JOIN @extschema@.trial t ON t.trial_id OPERATOR(@extschema@.=) m.trial_id
JOIN @extschema@.pain_instruments() i ON i.name = sm.instrument
CROSS JOIN LATERAL (
    SELECT CASE WHEN sm.n + sc.n >= 4 AND (sm.sd > 0 OR sc.sd > 0)
                THEN @extschema@.smd(sm.n::integer, sm.mean, sm.sd, sc.n::integer, sc.mean, sc.sd) END AS smd,
           @extschema@.md(sm.n::integer, sm.mean, sm.sd, sc.n::integer, sc.mean, sc.sd) AS md
) e
WHERE sm.preferred;
COMMENT ON VIEW @extschema@.trial_effect IS
    'each MSC arm against each control (non-MSC) arm of its trial, per instrument, week and kind: both arms'' n, mean, SD, and the standardised (Hedges'' g) and raw mean differences MSC minus control with their variances, as metafor''s escalc(); higher_is_worse says which sign favours MSCs';
COMMENT ON COLUMN @extschema@.trial_effect.smd_yi IS 'Hedges'' g, MSC minus control (NULL without SDs, with a zero pooled SD, or with fewer than 4 participants)';
COMMENT ON COLUMN @extschema@.trial_effect.smd_vi IS 'sampling variance of smd_yi';
COMMENT ON COLUMN @extschema@.trial_effect.md_yi IS 'mean difference MSC minus control, in the instrument''s unit';
COMMENT ON COLUMN @extschema@.trial_effect.md_vi IS 'sampling variance of md_yi';
COMMENT ON COLUMN @extschema@.trial_effect.higher_is_worse IS 'true when a higher score is worse (pain), so a negative difference favours the MSC arm';

CREATE OR REPLACE VIEW @extschema@.trial_stratum_effect WITH (security_invoker = true) AS
WITH s AS (
    SELECT s.trial_id, t.condition_category, s.arm, a.arm_type, s.source, s.route,
           s.instrument, s.week, s.kind, s.n, s.mean, s.sd,
           CASE WHEN a.is_msc THEN 0
                WHEN a.arm_type IN ('placebo_comparator', 'sham_comparator') THEN 1
                WHEN a.arm_type = 'no_intervention' THEN 2
                WHEN a.arm_type = 'active_comparator' THEN 3
                ELSE 4 END AS rank
    FROM @extschema@.arm_pain_summary s
    JOIN @extschema@.arm a ON a.arm_id = s.arm_id
    JOIN @extschema@.trial t ON t.trial_id OPERATOR(@extschema@.=) s.trial_id
    WHERE s.preferred
), msc AS (
    SELECT trial_id, condition_category, source, route, instrument, week, kind,
           array_agg(arm ORDER BY arm) AS arms, sum(n) AS n, sum(n * mean) / sum(n) AS mean,
           CASE WHEN bool_and(sd IS NOT NULL) AND sum(n) > 1
                THEN sqrt(greatest(0, (sum((n - 1) * sd ^ 2) + sum(n * mean ^ 2) - sum(n * mean) ^ 2 / sum(n))
                                      / (sum(n) - 1))) END AS sd
    FROM s WHERE rank = 0
    GROUP BY trial_id, condition_category, source, route, instrument, week, kind
), best AS (
    SELECT trial_id, instrument, week, kind, min(rank) AS rank
    FROM s WHERE rank > 0
    GROUP BY trial_id, instrument, week, kind
), ctl AS (
    SELECT s.trial_id, s.instrument, s.week, s.kind,
           array_agg(s.arm ORDER BY s.arm) AS arms,
           array_agg(DISTINCT coalesce(s.arm_type, 'unknown')) AS types,
           sum(s.n) AS n, sum(s.n * s.mean) / sum(s.n) AS mean,
           CASE WHEN bool_and(s.sd IS NOT NULL) AND sum(s.n) > 1
                THEN sqrt(greatest(0, (sum((s.n - 1) * s.sd ^ 2) + sum(s.n * s.mean ^ 2) - sum(s.n * s.mean) ^ 2 / sum(s.n))
                                      / (sum(s.n) - 1))) END AS sd
    FROM s JOIN best b ON b.trial_id OPERATOR(@extschema@.=) s.trial_id AND b.instrument = s.instrument AND b.week = s.week
                      AND b.kind = s.kind AND b.rank = s.rank
    GROUP BY s.trial_id, s.instrument, s.week, s.kind
)
SELECT m.trial_id, m.condition_category AS condition, m.source, m.route, m.instrument, m.week, m.kind,
       m.arms AS msc_arms, c.arms AS control_arms, c.types AS control_types,
       m.n AS n_msc, m.mean AS mean_msc, m.sd AS sd_msc, c.n AS n_control, c.mean AS mean_control, c.sd AS sd_control,
       (e.smd).yi AS smd_yi, (e.smd).vi AS smd_vi, (e.md).yi AS md_yi, (e.md).vi AS md_vi
FROM msc m
JOIN ctl c ON c.trial_id OPERATOR(@extschema@.=) m.trial_id AND c.instrument = m.instrument AND c.week = m.week AND c.kind = m.kind
CROSS JOIN LATERAL (
    SELECT CASE WHEN m.n + c.n >= 4 AND (m.sd > 0 OR c.sd > 0)
                THEN @extschema@.smd(m.n::integer, m.mean, m.sd, c.n::integer, c.mean, c.sd) END AS smd,
           @extschema@.md(m.n::integer, m.mean, m.sd, c.n::integer, c.mean, c.sd) AS md
) e;
COMMENT ON VIEW @extschema@.trial_stratum_effect IS
    'one comparison per trial and stratum (condition, source, route, instrument, week, kind), as pooled_effect pools them: the trial''s MSC arms of that source and route combined into one group, against its control arms of the closest kind (placebo or sham, else no intervention, else active comparator, else other) combined (Cochrane Handbook 6.5.2.10: pooled n, mean and SD), so no participant counts twice';

CREATE OR REPLACE VIEW @extschema@.pooled_effect WITH (security_invoker = true) AS
SELECT g.condition, g.source, g.route, g.instrument, g.week, g.kind, g.trials, g.trial_ids,
       g.n_msc, g.n_control,
       (g.smd).k AS smd_k, (g.smd).estimate AS smd, (g.smd).se AS smd_se,
       (g.smd).ci_low AS smd_ci_low, (g.smd).ci_high AS smd_ci_high, (g.smd).pval AS smd_pval,
       (g.smd).tau2 AS smd_tau2, (g.smd).i2 AS smd_i2,
       (g.md).k AS md_k, (g.md).estimate AS md, (g.md).se AS md_se,
       (g.md).ci_low AS md_ci_low, (g.md).ci_high AS md_ci_high, (g.md).pval AS md_pval,
       (g.md).tau2 AS md_tau2, (g.md).i2 AS md_i2,
       (g.smd).q AS smd_q, (g.smd).q_pval AS smd_q_pval, (g.smd).pi_low AS smd_pi_low, (g.smd).pi_high AS smd_pi_high,
       (g.md).q AS md_q, (g.md).q_pval AS md_q_pval, (g.md).pi_low AS md_pi_low, (g.md).pi_high AS md_pi_high,
       array_to_string(g.trial_ids, ', ') AS trial_ids_text
FROM (
    SELECT condition, source, route, instrument, week, kind,
           count(*) AS trials, array_agg(trial_id ORDER BY trial_id) AS trial_ids,
           sum(n_msc) AS n_msc, sum(n_control) AS n_control,
           @extschema@.meta_analysis(CASE WHEN smd_vi > 0 THEN smd_yi END, CASE WHEN smd_vi > 0 THEN smd_vi END) AS smd,
           @extschema@.meta_analysis(CASE WHEN md_vi > 0 THEN md_yi END, CASE WHEN md_vi > 0 THEN md_vi END) AS md
    FROM @extschema@.trial_stratum_effect
    GROUP BY condition, source, route, instrument, week, kind
) g
-- a stratum where no comparison has an SMD or MD pools nothing: it is in
-- pooling_exclusion, with the reason
WHERE (g.smd).k > 0 OR (g.md).k > 0;
COMMENT ON VIEW @extschema@.pooled_effect IS
    'random-effects meta-analysis (meta_analysis: REML, z test, 95% CI) of trial_stratum_effect per condition x source x route x instrument x week x kind: Hedges'' g and the mean difference (MSC minus control), each with k, estimate, SE, CI, p, tau^2 and I^2 (exactly 0 when REML stops at the boundary), Cochran''s Q and its p-value, and the 95% prediction interval; strata where no trial has an SMD or MD (no SDs) are left out, and listed with the reason in pooling_exclusion';
COMMENT ON COLUMN @extschema@.pooled_effect.trials IS 'trials with a comparison in the stratum';
COMMENT ON COLUMN @extschema@.pooled_effect.smd_k IS 'trials pooled for the SMD (those with SDs)';
COMMENT ON COLUMN @extschema@.pooled_effect.smd IS 'pooled Hedges'' g, MSC minus control';
COMMENT ON COLUMN @extschema@.pooled_effect.md_k IS 'trials pooled for the mean difference (those with SDs)';
COMMENT ON COLUMN @extschema@.pooled_effect.md IS 'pooled mean difference, MSC minus control, in the instrument''s unit';
COMMENT ON COLUMN @extschema@.pooled_effect.smd_q IS 'Cochran''s Q of the SMDs (heterogeneity), on smd_k - 1 degrees of freedom';
COMMENT ON COLUMN @extschema@.pooled_effect.smd_q_pval IS 'p-value of the Q test of the SMDs';
COMMENT ON COLUMN @extschema@.pooled_effect.smd_pi_low IS 'lower end of the 95% prediction interval of the SMD (the effect in a new trial)';
COMMENT ON COLUMN @extschema@.pooled_effect.smd_pi_high IS 'upper end of the 95% prediction interval of the SMD';
COMMENT ON COLUMN @extschema@.pooled_effect.md_q IS 'Cochran''s Q of the mean differences, on md_k - 1 degrees of freedom';
COMMENT ON COLUMN @extschema@.pooled_effect.md_q_pval IS 'p-value of the Q test of the mean differences';
COMMENT ON COLUMN @extschema@.pooled_effect.md_pi_low IS 'lower end of the 95% prediction interval of the mean difference';
COMMENT ON COLUMN @extschema@.pooled_effect.md_pi_high IS 'upper end of the 95% prediction interval of the mean difference';
COMMENT ON COLUMN @extschema@.pooled_effect.trial_ids_text IS 'trial_ids as plain text, comma-separated (for CSV and R, where an array arrives as a {...} literal)';

CREATE OR REPLACE VIEW @extschema@.safety_by_route WITH (security_invoker = true) AS
WITH counts AS (
    SELECT t.condition_category AS condition, a.route, a.is_msc, e.serious, min(e.term) AS term,
           min(e.organ_system) AS organ_system,
           count(DISTINCT a.trial_id) AS trials, count(DISTINCT a.arm_id) AS arms,
           sum(e.n_affected) AS affected, sum(e.n_at_risk) AS at_risk
    FROM @extschema@.adverse_event e
    JOIN @extschema@.arm a ON a.arm_id = e.arm_id
    JOIN @extschema@.trial t ON t.trial_id OPERATOR(@extschema@.=) a.trial_id
    GROUP BY t.condition_category, a.route, a.is_msc, e.serious, lower(e.term), lower(e.organ_system)
)
SELECT route, is_msc, serious, term, organ_system, trials, arms, affected, at_risk,
       (w).p AS rate, (w).ci_low, (w).ci_high, condition
FROM (SELECT c.*, CASE WHEN c.at_risk > 0 THEN @extschema@.wilson_ci(c.affected, c.at_risk) END AS w
      FROM counts c
      OFFSET 0) AS x      -- OFFSET 0: one wilson_ci() call per row, never with nobody at risk
WHERE at_risk > 0;
COMMENT ON VIEW @extschema@.safety_by_route IS
    'adverse-event rates by condition and route of administration, MSC and control arms apart: per event term (and organ system) and seriousness, participants affected among those at risk summed over the arms, with the 95% Wilson score interval (wilson_ci); terms are matched ignoring case. A participant with several terms counts once in each: for "any serious adverse event" use safety_totals_by_route';
COMMENT ON COLUMN @extschema@.safety_by_route.condition IS 'condition category of the trials (trial.condition_category); sum over it for all conditions';
COMMENT ON COLUMN @extschema@.safety_by_route.route IS 'route of the arms (NULL: not stated, or several)';
COMMENT ON COLUMN @extschema@.safety_by_route.is_msc IS 'MSC arms (true) or control arms (false)';
COMMENT ON COLUMN @extschema@.safety_by_route.term IS 'event term as reported (the first spelling when trials differ in case)';
COMMENT ON COLUMN @extschema@.safety_by_route.affected IS 'participants with the event, summed over the arms';
COMMENT ON COLUMN @extschema@.safety_by_route.at_risk IS 'participants at risk, summed over the arms';
COMMENT ON COLUMN @extschema@.safety_by_route.rate IS 'affected / at_risk';
COMMENT ON COLUMN @extschema@.safety_by_route.ci_low IS 'lower end of the 95% Wilson score interval';
COMMENT ON COLUMN @extschema@.safety_by_route.ci_high IS 'upper end of the 95% Wilson score interval';

CREATE OR REPLACE VIEW @extschema@.safety_totals_by_route WITH (security_invoker = true) AS
WITH totals AS (
    SELECT t.condition_category AS condition, a.route, a.is_msc, count(DISTINCT a.trial_id) AS trials, count(*) AS arms,
           sum(a.sae_affected) AS sae_affected, sum(a.sae_at_risk) AS sae_at_risk,
           sum(a.deaths) AS deaths, sum(a.deaths_at_risk) AS deaths_at_risk
    FROM @extschema@.arm a
    JOIN @extschema@.trial t ON t.trial_id OPERATOR(@extschema@.=) a.trial_id
    WHERE a.sae_at_risk > 0 OR a.deaths_at_risk > 0
    GROUP BY t.condition_category, a.route, a.is_msc
)
SELECT route, is_msc, trials, arms,
       sae_affected, sae_at_risk, (s).p AS sae_rate, (s).ci_low AS sae_ci_low, (s).ci_high AS sae_ci_high,
       deaths, deaths_at_risk, (d).p AS death_rate, (d).ci_low AS death_ci_low, (d).ci_high AS death_ci_high,
       condition
FROM (SELECT t.*,
             CASE WHEN t.sae_at_risk > 0 THEN @extschema@.wilson_ci(t.sae_affected, t.sae_at_risk) END AS s,
             CASE WHEN t.deaths_at_risk > 0 THEN @extschema@.wilson_ci(t.deaths, t.deaths_at_risk) END AS d
      FROM totals t
      OFFSET 0) AS x;     -- OFFSET 0: one wilson_ci() call per row and total
COMMENT ON VIEW @extschema@.safety_totals_by_route IS
    'participants with any serious adverse event and deaths from any cause, by condition and route, MSC and control arms apart, from the arms'' overall counts (arm.sae_affected, arm.deaths ...; ClinicalTrials.gov event-group totals), so nobody counts twice; rates with 95% Wilson score intervals';
COMMENT ON COLUMN @extschema@.safety_totals_by_route.sae_rate IS 'participants with any serious adverse event / at risk';
COMMENT ON COLUMN @extschema@.safety_totals_by_route.death_rate IS 'deaths from any cause / at risk';
COMMENT ON COLUMN @extschema@.safety_totals_by_route.condition IS 'condition category of the trials (trial.condition_category); sum over it for all conditions';
