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

\echo '== safety by route: serious adverse events (hospitalisation for infection), MSC arms against controls'
SELECT route, CASE WHEN is_msc THEN 'MSC' ELSE 'control' END AS arms, sum(affected) AS affected,
       sum(at_risk) AS at_risk,
       round((sum(affected)::numeric / sum(at_risk)) * 100, 2) AS pct
FROM safety_by_route
WHERE serious
GROUP BY route, is_msc ORDER BY route, is_msc DESC;
\echo '== safety by route: injection-site pain with Wilson 95% intervals'
SELECT route, CASE WHEN is_msc THEN 'MSC' ELSE 'control' END AS arms, affected, at_risk,
       round((rate * 100)::numeric, 1) AS pct,
       format('[%s, %s]', round((ci_low * 100)::numeric, 1), round((ci_high * 100)::numeric, 1)) AS ci95
FROM safety_by_route
WHERE term = 'Injection site pain'
ORDER BY route, is_msc DESC;

\echo '== forest plot of the knee OA trials at week 26, written to build/demo_forest.svg'
\pset tuples_only on
\pset format unaligned
\o build/demo_forest.svg
SELECT forest_plot(format('%s (%s, %s)', trial_id, source, dose), smd_yi, smd_vi, 'REML',
                   'SMD in VAS pain at week 26, fictional demo data (< 0 favours MSC)'
                   ORDER BY source, trial_id)
FROM trial_effect
WHERE condition = 'knee_oa' AND week = 26 AND kind = 'value' AND instrument = 'vas';
\o
\pset tuples_only off
\pset format aligned
