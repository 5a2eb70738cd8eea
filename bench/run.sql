-- The benchmark suite, driven by bench/run.sh (psql variables rows, groups,
-- copy_rows, size_rows, copies, reps, reps_slow, data).  Every comparison
-- runs ours and its baseline interleaved (bench_pair in common.sql) on this
-- one cluster; each result is a line starting with '|' for bench/results.md.
-- run_1 .. run_5 (true/false) choose the sections (section 6 runs with 1).
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
CREATE EXTENSION msc_registry;

\ir common.sql

-- One row of the results table.  ratio = ours / baseline; the target is
-- stated on that ratio (with its reading in words).
CREATE FUNCTION report(n text, what text, ours float8, base float8, unit text,
                       target text, met bool) RETURNS text LANGUAGE sql AS $$
  SELECT format('| %s | %s | %s | %s | %s | %s | %s |', n, what,
                round(ours::numeric, 1) || ' ' || unit, round(base::numeric, 1) || ' ' || unit,
                round((ours / base)::numeric, 3), coalesce(target, '(none)'),
                CASE WHEN met IS NULL THEN '-' WHEN met THEN 'yes' ELSE '**no**' END) $$;
CREATE FUNCTION say(s text) RETURNS text LANGUAGE sql AS $$ SELECT '- ' || s $$;
-- the plan of a query on one line
CREATE FUNCTION plan_of(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; acc text;
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || sql LOOP
    acc := coalesce(acc || ' / ', '') || trim(r);
  END LOOP;
  RETURN acc;
END $$;

SET max_parallel_workers_per_gather = 0;
SET max_parallel_maintenance_workers = 0;

\if :run_1
------------------------------------------------------------------------------
-- 1. score_summary(pain_score) vs count/avg/stddev_samp/min/max(float8)
------------------------------------------------------------------------------
\echo '# 1. score_summary' `date -u +%T`
CREATE UNLOGGED TABLE scores AS
SELECT pain_score('vas', (floor(random() * 201) / 2)::numeric) AS s FROM generate_series(1, :rows);
ALTER TABLE scores ADD COLUMN f float8;
UPDATE scores SET f = score(s)::float8;
VACUUM ANALYZE scores;
ALTER TABLE scores SET (parallel_workers = 2);

SELECT * FROM bench_pair('SELECT score_summary(s) FROM scores',
  'SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', :reps) \gset s_
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET max_parallel_workers_per_gather = 2;
SELECT say('plan with 2 workers: ' || plan_of('SELECT score_summary(s) FROM scores'));
SELECT * FROM bench_pair('SELECT score_summary(s) FROM scores',
  'SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', :reps) \gset p_
-- the speed-ups: parallel and serial runs of the same query interleaved,
-- so that both see the same load on the machine
SELECT * FROM bench_pair('SET max_parallel_workers_per_gather = 2; SELECT score_summary(s) FROM scores',
  'SET max_parallel_workers_per_gather = 0; SELECT score_summary(s) FROM scores', :reps) \gset ps_
SELECT * FROM bench_pair('SET max_parallel_workers_per_gather = 2; SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores',
  'SET max_parallel_workers_per_gather = 0; SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', :reps) \gset pb_
RESET parallel_setup_cost; RESET parallel_tuple_cost;
SET max_parallel_workers_per_gather = 0;
SELECT report('1a', 'score_summary(pain_score) vs count/avg/stddev_samp/min/max(float8), ' || :rows || ' rows, serial',
  :s_ours_ms, :s_base_ms, 'ms', '≤ 1.3', :s_ours_ms / :s_base_ms <= 1.3);
SELECT report('1b', 'the same with 2 parallel workers',
  :p_ours_ms, :p_base_ms, 'ms', NULL, NULL);
SELECT report('1c', 'score_summary: 2 workers (ours) vs serial (baseline), interleaved; speed-up = 1/ratio',
  :ps_ours_ms, :ps_base_ms, 'ms', '≤ 0.625 (speed-up ≥ 1.6×)', :ps_base_ms / :ps_ours_ms >= 1.6);
SELECT report('1d', 'built-ins: 2 workers (ours) vs serial (baseline), interleaved, for scale',
  :pb_ours_ms, :pb_base_ms, 'ms', NULL, NULL);

------------------------------------------------------------------------------
-- 6. B-tree on pain_score vs float8 (same 10M rows)
------------------------------------------------------------------------------
\echo '# 6. btree' `date -u +%T`
SET maintenance_work_mem = '1GB';
SELECT * FROM bench_pair('CREATE INDEX scores_s ON scores (s); DROP INDEX scores_s',
                         'CREATE INDEX scores_f ON scores (f); DROP INDEX scores_f', :reps_slow, false) \gset b_
CREATE INDEX scores_s ON scores (s);
CREATE INDEX scores_f ON scores (f);
VACUUM ANALYZE scores;
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT * FROM bench_pair($$SELECT count(*) FROM scores WHERE s BETWEEN 'vas:40' AND 'vas:50'$$,
                         $$SELECT count(*) FROM scores WHERE f BETWEEN 40 AND 50$$, :reps) \gset r_
SELECT count(*) AS range_rows FROM scores WHERE f BETWEEN 40 AND 50 \gset
SELECT say('range scan plans: ' || plan_of($$SELECT count(*) FROM scores WHERE s BETWEEN 'vas:40' AND 'vas:50'$$)
           || ' | ' || plan_of($$SELECT count(*) FROM scores WHERE f BETWEEN 40 AND 50$$));
RESET enable_seqscan; RESET enable_bitmapscan;
SELECT report('6a', 'B-tree build on pain_score vs on float8, ' || :rows || ' rows',
  :b_ours_ms, :b_base_ms, 'ms', NULL, NULL);
SELECT report('6b', 'index-only range scan, ' || :range_rows || ' rows (vas:40..vas:50 vs 40..50)',
  :r_ours_ms, :r_base_ms, 'ms', NULL, NULL);
SELECT report('6c', 'index size on pain_score vs on float8',
  pg_relation_size('scores_s') / 1048576.0, pg_relation_size('scores_f') / 1048576.0, 'MB', NULL, NULL);
DROP TABLE scores;
RESET maintenance_work_mem;

\endif
\if :run_4
------------------------------------------------------------------------------
-- 4. Table and index size, typed vs untyped assessments
------------------------------------------------------------------------------
\echo '# 4. sizes' `date -u +%T`
-- five instruments in equal parts; the untyped table stores the same
-- instrument name and value as text and numeric
CREATE TABLE assess_typed (participant int, week int2, score pain_score);
CREATE TABLE assess_plain (participant int, week int2, instrument text, value numeric);
INSERT INTO assess_typed
SELECT i / 20, (i % 20)::int2,
       pain_score(ins, CASE ins WHEN 'vas' THEN floor(random() * 201) / 2
                                WHEN 'nrs' THEN floor(random() * 11)
                                WHEN 'womac_pain' THEN floor(random() * 21)
                                ELSE floor(random() * 101) END::numeric)
FROM (SELECT i, (ARRAY['vas', 'nrs', 'womac_pain', 'koos_pain', 'odi'])[1 + i % 5] AS ins
      FROM generate_series(0, :size_rows - 1) i) x;
INSERT INTO assess_plain
SELECT participant, week, split_part(score::text, ':', 1), split_part(score::text, ':', 2)::numeric
FROM assess_typed;
CREATE INDEX ON assess_typed (score);
CREATE INDEX ON assess_plain (instrument, value);
VACUUM ANALYZE assess_typed; VACUUM ANALYZE assess_plain;
SELECT report('4a', 'heap of ' || :size_rows || ' assessments (participant int, week int2, score pain_score) vs (..., instrument text, value numeric)',
  pg_relation_size('assess_typed') / 1048576.0, pg_relation_size('assess_plain') / 1048576.0, 'MB', NULL, NULL);
SELECT report('4b', 'B-tree on score vs on (instrument, value)',
  pg_indexes_size('assess_typed') / 1048576.0, pg_indexes_size('assess_plain') / 1048576.0, 'MB', NULL, NULL);
SELECT report('4c', 'table and index together',
  pg_total_relation_size('assess_typed') / 1048576.0, pg_total_relation_size('assess_plain') / 1048576.0,
  'MB', '≤ 0.7', pg_total_relation_size('assess_typed')::float8 / pg_total_relation_size('assess_plain') <= 0.7);
SELECT say(format('mean tuple size, 24-byte header included: typed %s bytes, untyped %s bytes (each heap tuple also takes a 4-byte line pointer)',
  (SELECT round(avg(pg_column_size(t.*)), 1) FROM (SELECT * FROM assess_typed LIMIT 100000) t),
  (SELECT round(avg(pg_column_size(t.*)), 1) FROM (SELECT * FROM assess_plain LIMIT 100000) t)));
DROP TABLE assess_typed; DROP TABLE assess_plain;

\endif
\if :run_3
------------------------------------------------------------------------------
-- 3. COPY FROM: typed columns vs text and numeric columns
------------------------------------------------------------------------------
\echo '# 3. copy' `date -u +%T`
CREATE TABLE copy_src (participant int, week int2, score pain_score, source msc_source,
                       route msc_route, dose cell_dose);
INSERT INTO copy_src
SELECT i / 12, (i % 12)::int2,
       pain_score(CASE WHEN i % 2 = 0 THEN 'vas' ELSE 'nrs' END,
                  CASE WHEN i % 2 = 0 THEN floor(random() * 201) / 2 ELSE floor(random() * 11) END::numeric),
       (ARRAY['bone_marrow', 'adipose', 'umbilical_cord', 'placenta'])[1 + i % 4]::msc_source,
       (ARRAY['intra_articular', 'intradiscal', 'intravenous'])[1 + i % 3]::msc_route,
       (ARRAY['1e7 cells', '5e7 cells', '1e8 cells', '2e6 cells/kg', '1.5e6 cells/kg'])[1 + i % 5]::cell_dose
FROM generate_series(0, :copy_rows - 1) i;
-- the files are written and read by the server, in its data directory
SELECT current_setting('data_directory') || '/bench_copy_typed.tsv' AS f_typed,
       current_setting('data_directory') || '/bench_copy_plain.tsv' AS f_plain \gset
COPY copy_src TO :'f_typed';
COPY (SELECT participant, week, split_part(score::text, ':', 1), split_part(score::text, ':', 2)::numeric,
             source::text, route::text, split_part(dose::text, ' ', 1)::numeric,
             substr(dose::text, strpos(dose::text, ' ') + 1)
      FROM copy_src) TO :'f_plain';
CREATE UNLOGGED TABLE copy_typed (participant int, week int2, score pain_score, source msc_source,
                                  route msc_route, dose cell_dose);
CREATE UNLOGGED TABLE copy_plain (participant int, week int2, instrument text, value numeric,
                                  source text, route text, dose numeric, dose_unit text);
SELECT * FROM bench_pair(format('TRUNCATE copy_typed; COPY copy_typed FROM %L', :'f_typed'),
                         format('TRUNCATE copy_plain; COPY copy_plain FROM %L', :'f_plain'), :reps) \gset c_
SELECT say('first line of each file: ' || (SELECT format('%s', c) FROM copy_src c LIMIT 1) || ' / ' ||
  (SELECT format('%s', c) FROM copy_plain c LIMIT 1));
SELECT report('3', 'COPY FROM of ' || :copy_rows || ' rows: pain_score, msc_source, msc_route, cell_dose vs text and numeric columns',
  :c_ours_ms, :c_base_ms, 'ms', '≤ 1.3', :c_ours_ms / :c_base_ms <= 1.3);
DROP TABLE copy_src, copy_typed, copy_plain;

\endif
\if :run_2
------------------------------------------------------------------------------
-- 2. meta_analysis REML vs a DerSimonian-Laird in plain SQL
------------------------------------------------------------------------------
\echo '# 2. meta_analysis' `date -u +%T`
CREATE UNLOGGED TABLE studies AS
SELECT g, (random() - 0.5)::float8 AS yi, (0.01 + random() * 0.1)::float8 AS vi,
       (random() * 2)::float8 AS x1, (s % 2)::float8 AS x2
FROM generate_series(1, :groups) g, generate_series(1, 10) s;
VACUUM ANALYZE studies;
\set dl_sql 'SELECT g, est, sqrt(1 / sw_re) AS se, tau2 FROM (SELECT g, tau2, sum(wr * yi) / sum(wr) AS est, sum(wr) AS sw_re FROM (SELECT s.g, s.yi, 1 / (s.vi + d.tau2) AS wr, d.tau2 FROM studies s JOIN (SELECT g, greatest(0, (sum(w * yi * yi) - sum(w * yi) ^ 2 / sum(w) - (count(*) - 1)) / (sum(w) - sum(w * w) / sum(w))) AS tau2 FROM (SELECT g, yi, 1 / vi AS w FROM studies) x GROUP BY g) d USING (g)) y GROUP BY g, tau2) z'
SELECT * FROM bench_pair($$SELECT g, meta_analysis(yi, vi, 'REML') FROM studies GROUP BY g$$, :'dl_sql', :reps) \gset m_
SELECT * FROM bench_pair($$SELECT g, meta_analysis(yi, vi, 'DL') FROM studies GROUP BY g$$, :'dl_sql', :reps) \gset d_
SELECT * FROM bench_pair($$SELECT g, count(*) FROM studies GROUP BY g$$, :'dl_sql', :reps) \gset f_
SELECT say('meta_analysis plan: ' || plan_of($$SELECT g, meta_analysis(yi, vi, 'REML') FROM studies GROUP BY g$$));
SELECT report('2a', 'meta_analysis(yi, vi, ''REML'') vs plain-SQL DerSimonian-Laird, ' || :groups || ' groups × 10 studies',
  :m_ours_ms, :m_base_ms, 'ms', '≤ 0.1 (≥ 10× faster)', :m_ours_ms / :m_base_ms <= 0.1);
SELECT report('2b', 'meta_analysis(yi, vi, ''DL'') vs the same plain-SQL DL',
  :d_ours_ms, :d_base_ms, 'ms', NULL, NULL);
SELECT report('2c', 'floor: SELECT g, count(*) ... GROUP BY g (no statistics) vs the plain-SQL DL',
  :f_ours_ms, :f_base_ms, 'ms', NULL, NULL);
-- meta-regression with two moderators (a continuous one and a 0/1 one)
-- over the same groups, against meta_analysis REML
SELECT * FROM bench_pair($$SELECT g, meta_regression(yi, vi, ARRAY[x1, x2]) FROM studies GROUP BY g$$,
                         $$SELECT g, meta_analysis(yi, vi, 'REML') FROM studies GROUP BY g$$, :reps) \gset mr_
SELECT report('2e', 'meta_regression(yi, vi, ARRAY[x1, x2]) REML vs meta_analysis(yi, vi, ''REML''), ' || :groups || ' groups × 10 studies',
  :mr_ours_ms, :mr_base_ms, 'ms', '≤ 2', :mr_ours_ms / :mr_base_ms <= 2);
-- the groups R is compared on (bench/run.sh)
CREATE TABLE studies_r AS SELECT * FROM studies WHERE g <= :r_groups;
VACUUM ANALYZE studies_r;
DROP TABLE studies;

-- proportions (events x of n per single-arm study), 10 studies per group
CREATE UNLOGGED TABLE props AS
SELECT g, floor(random() * (n + 1))::int AS x, n
FROM (SELECT g, (20 + floor(random() * 81))::int AS n
      FROM generate_series(1, :groups) g, generate_series(1, 10)) s;
-- the same studies as logits with their variances, for meta_analysis;
-- studies with x = 0 or x = n are left out of both, so that neither side
-- needs a continuity correction
CREATE UNLOGGED TABLE props_logit AS
SELECT g, ln(x::float8 / (n - x)) AS yi, 1.0 / x + 1.0 / (n - x) AS vi FROM props WHERE x > 0 AND x < n;
DELETE FROM props WHERE x = 0 OR x = n;
VACUUM ANALYZE props; VACUUM ANALYZE props_logit;
SELECT * FROM bench_pair($$SELECT g, meta_prop(x, n) FROM props GROUP BY g$$,
                         $$SELECT g, meta_analysis(yi, vi, 'REML') FROM props_logit GROUP BY g$$, :reps) \gset mp_
SELECT report('2g', 'meta_prop(x, n) (PLO, REML) vs meta_analysis(yi, vi, ''REML'') on the logits computed beforehand, ' || :groups || ' groups × about 10 studies',
  :mp_ours_ms, :mp_base_ms, 'ms', NULL, NULL);
CREATE TABLE props_r AS SELECT * FROM props WHERE g <= :r_groups;
VACUUM ANALYZE props_r;
DROP TABLE props, props_logit;

\endif
\if :run_5
------------------------------------------------------------------------------
-- 5. Classifiers vs SQL regular expressions over the real texts
------------------------------------------------------------------------------
\echo '# 5. classifiers' `date -u +%T`
\if :{?data}
CREATE TABLE corpus(nct text, title text, conditions text, itype text, iname text, idesc text,
                    arms text, phase text, status text, enroll text);
\set cmd 'tail -n +2 ' :data
COPY corpus FROM PROGRAM :'cmd' WITH (FORMAT text, DELIMITER E'\t', NULL '');
CREATE UNLOGGED TABLE doc AS SELECT nct, concat_ws(' | ', title, iname, idesc, arms) AS t
FROM corpus, generate_series(1, :copies);
VACUUM ANALYZE doc;
ALTER TABLE doc SET (parallel_workers = 2);
\ir classify_regex.sql
SELECT count(*) AS docs, (SELECT count(*) FROM corpus) AS texts,
       pg_size_pretty(sum(octet_length(t))) AS text_size FROM doc \gset
SET max_parallel_workers_per_gather = 2;
SELECT * FROM bench_pair($$SELECT count(*) FROM doc WHERE cardinality(msc_sources_in(t)) >= 0$$,
                         $$SELECT count(*) FROM doc WHERE cardinality(sources_regex(t)) >= 0$$, :reps_slow, false) \gset k1_
SELECT * FROM bench_pair($$SELECT count(*) FROM doc WHERE cardinality(msc_routes_in(t)) >= 0$$,
                         $$SELECT count(*) FROM doc WHERE cardinality(routes_regex(t)) >= 0$$, :reps_slow, false) \gset k2_
SELECT * FROM bench_pair($$SELECT count(*) FROM doc WHERE msc_donor_in(t)::text IS DISTINCT FROM 'x'$$,
                         $$SELECT count(*) FROM doc WHERE donor_regex(t) IS DISTINCT FROM 'x'$$, :reps_slow, false) \gset k3_
SELECT * FROM bench_pair($$SELECT count(*) FROM doc WHERE msc_manipulation_in(t)::text IS DISTINCT FROM 'x'$$,
                         $$SELECT count(*) FROM doc WHERE t ~* '\m(culture[- ]expanded|ex vivo expanded|BMAC|SVF|lipogems)\M'$$, :reps_slow, false) \gset k4_
SELECT * FROM bench_pair($$SELECT count(*) FROM doc WHERE cell_dose_in(t)::text IS DISTINCT FROM 'x'$$,
                         $$SELECT count(*) FROM doc WHERE dose_regex(t) IS DISTINCT FROM 'x'$$, :reps_slow, false) \gset k5_
SELECT * FROM bench_pair($$SELECT count(*) FROM doc WHERE length(t) >= 0$$,
                         $$SELECT count(*) FROM doc WHERE length(t) >= 0$$, :reps_slow, false) \gset k0_
SET max_parallel_workers_per_gather = 0;
SELECT say(format('classifier input: the %s texts of ctgov_msc_interventions.tsv repeated %s times = %s rows, %s of text; 2 parallel workers for both sides',
               :texts, :copies, :docs, :'text_size'));
SELECT report('5a', 'msc_sources_in vs 11 regexp_instr', :k1_ours_ms, :k1_base_ms, 'ms', '≤ 0.1 (≥ 10× faster)', :k1_ours_ms / :k1_base_ms <= 0.1);
SELECT report('5b', 'msc_routes_in vs 17 regexp_instr', :k2_ours_ms, :k2_base_ms, 'ms', '≤ 0.1 (≥ 10× faster)', :k2_ours_ms / :k2_base_ms <= 0.1);
SELECT report('5c', 'msc_donor_in vs 2 regex tests', :k3_ours_ms, :k3_base_ms, 'ms', '≤ 0.1 (≥ 10× faster)', :k3_ours_ms / :k3_base_ms <= 0.1);
SELECT report('5d', 'msc_manipulation_in vs 1 regex test', :k4_ours_ms, :k4_base_ms, 'ms', '≤ 0.1 (≥ 10× faster)', :k4_ours_ms / :k4_base_ms <= 0.1);
SELECT report('5e', 'cell_dose_in vs 1 regexp_match', :k5_ours_ms, :k5_base_ms, 'ms', '≤ 0.1 (≥ 10× faster)', :k5_ours_ms / :k5_base_ms <= 0.1);
SELECT report('5f', 'floor: length(t) vs itself (the cost of reading the texts)', :k0_ours_ms, :k0_base_ms, 'ms', NULL, NULL);
DROP TABLE doc, corpus;
\else
SELECT say('5. skipped: ../shared/data/ctgov_msc_interventions.tsv not found (set MSC_SHARED_DATA)');
\endif
\endif
\echo '# done' `date -u +%T`
