-- The report a registry user asks of the demo registry (scripts/demo_registry.sql).
\pset null ''
\echo '== pooled pain effect (SMD and MD on the VAS, MSC against control) by source and route, knee OA, week 26'
SELECT source, route, trials, n_msc::int, n_control::int,
       round(smd::numeric, 2) AS smd, format('[%s, %s]', round(smd_ci_low::numeric, 2), round(smd_ci_high::numeric, 2)) AS smd_95ci,
       round(smd_i2::numeric, 0) AS i2_pct, round(md::numeric, 1) AS md_mm,
       format('[%s, %s]', round(md_ci_low::numeric, 1), round(md_ci_high::numeric, 1)) AS md_95ci
FROM pooled_effect
WHERE condition = 'knee_oa' AND week = 26 AND kind = 'value' AND instrument = 'vas'
ORDER BY source, route;

\echo '== responders at week 26 (IMMPACT: >= 30% and >= 50% less pain than at baseline), knee OA'
SELECT CASE WHEN a.is_msc THEN 'MSC ' || a.source ELSE 'control' END AS arm,
       (proportion_ci(is_responder(b.score, f.score))).n AS participants,
       round(((proportion_ci(is_responder(b.score, f.score))).p * 100)::numeric, 1) AS responders_30_pct,
       round(((proportion_ci(is_responder(b.score, f.score, 50))).p * 100)::numeric, 1) AS responders_50_pct,
       format('[%s, %s]', round(((proportion_ci(is_responder(b.score, f.score, 50))).ci_low * 100)::numeric, 1),
              round(((proportion_ci(is_responder(b.score, f.score, 50))).ci_high * 100)::numeric, 1)) AS ci95_50
FROM assessment b
JOIN assessment f ON f.participant_id = b.participant_id AND f.instrument = b.instrument AND f.week = 26
JOIN participant p ON p.participant_id = b.participant_id
JOIN arm a ON a.arm_id = p.arm_id
JOIN trial t ON t.trial_id = a.trial_id
WHERE b.week = 0 AND t.condition_category = 'knee_oa'
GROUP BY 1 ORDER BY 1;

\echo '== durability: pooled SMD at weeks 12, 26 and 52, knee OA, by source'
SELECT source,
       round(max(smd) FILTER (WHERE week = 12)::numeric, 2) AS week_12,
       round(max(smd) FILTER (WHERE week = 26)::numeric, 2) AS week_26,
       round(max(smd) FILTER (WHERE week = 52)::numeric, 2) AS week_52
FROM pooled_effect
WHERE condition = 'knee_oa' AND kind = 'value' AND instrument = 'vas'
GROUP BY source ORDER BY source;

\echo '== safety by route: participants with any serious adverse event, MSC arms against controls'
-- (from the arms' totals: summing safety_by_route over terms would count
-- a participant with two serious events twice)
SELECT route, CASE WHEN is_msc THEN 'MSC' ELSE 'control' END AS arms, sum(sae_affected) AS affected,
       sum(sae_at_risk) AS at_risk,
       round((sum(sae_affected)::numeric / sum(sae_at_risk)) * 100, 2) AS pct
FROM safety_totals_by_route
GROUP BY route, is_msc ORDER BY route, is_msc DESC;
\echo '== safety by route: injection-site pain with Wilson 95% intervals'
SELECT route, CASE WHEN is_msc THEN 'MSC' ELSE 'control' END AS arms, affected, at_risk,
       round((rate * 100)::numeric, 1) AS pct,
       format('[%s, %s]', round((ci_low * 100)::numeric, 1), round((ci_high * 100)::numeric, 1)) AS ci95
FROM safety_by_route
WHERE term = 'Injection site pain'
ORDER BY route, is_msc DESC;

-- The forest plot is written to the file named by the psql variable
-- forest_svg (psql -v forest_svg=/tmp/forest.svg ..., as scripts/demo.sh
-- does); without it, only its size is shown.
\if :{?forest_svg}
\echo '== forest plot of the knee OA trials at week 26, written to' :forest_svg
\pset tuples_only on
\pset format unaligned
\o :forest_svg
\else
\echo '== forest plot of the knee OA trials at week 26 (set the psql variable forest_svg to write it to a file)'
SELECT length(svg) AS svg_bytes FROM (
\endif
SELECT forest_plot(format('%s (%s, %s)', trial_id, source, dose), smd_yi, smd_vi, 'REML',
                   'SMD in VAS pain at week 26, fictional demo data (< 0 favours MSC)'
                   ORDER BY source, trial_id)
\if :{?forest_svg}
FROM trial_effect
WHERE condition = 'knee_oa' AND week = 26 AND kind = 'value' AND instrument = 'vas';
\o
\pset tuples_only off
\pset format aligned
\else
       AS svg
FROM trial_effect
WHERE condition = 'knee_oa' AND week = 26 AND kind = 'value' AND instrument = 'vas') AS plot;
\endif
