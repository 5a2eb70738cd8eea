-- Parallel speed-up of score_summary only, with more repetitions than
-- bench/run.sh (1c): run by bench/parallel.sh.
\i bench/common.sql
CREATE UNLOGGED TABLE scores AS SELECT pain_score('vas', (floor(random() * 201) / 2)::numeric) AS s FROM generate_series(1, 10000000);
ALTER TABLE scores ADD COLUMN f float8; UPDATE scores SET f = score(s)::float8; VACUUM ANALYZE scores;
ALTER TABLE scores SET (parallel_workers = 2);
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SELECT 'ours 2w vs serial' AS what, * FROM bench_pair('SET max_parallel_workers_per_gather = 2; SELECT score_summary(s) FROM scores', 'SET max_parallel_workers_per_gather = 0; SELECT score_summary(s) FROM scores', :reps);
SELECT 'builtins 2w vs serial' AS what, * FROM bench_pair('SET max_parallel_workers_per_gather = 2; SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', 'SET max_parallel_workers_per_gather = 0; SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', :reps);
SELECT 'ours 1w vs serial' AS what, * FROM bench_pair('SET max_parallel_workers_per_gather = 1; SELECT score_summary(s) FROM scores', 'SET max_parallel_workers_per_gather = 0; SELECT score_summary(s) FROM scores', :reps);
