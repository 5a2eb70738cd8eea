-- Driven by bench/stats.sh: psql variables rows, groups, reps.
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
CREATE EXTENSION msc_registry;

\ir common.sql

CREATE FUNCTION report(what text, ours float8, base float8) RETURNS text LANGUAGE sql AS $$
  SELECT format('| %s | %s | %s | %s |', what, round(ours::numeric, 1), round(base::numeric, 1),
                round((ours / base)::numeric, 2)) $$;

-- 10M scores on the VAS (0-100 mm, 0.5 mm steps) and the same values as float8
CREATE UNLOGGED TABLE scores AS
SELECT pain_score('vas', (floor(random() * 201) / 2)::numeric) AS s FROM generate_series(1, :rows);
ALTER TABLE scores ADD COLUMN f float8;
UPDATE scores SET f = score(s)::float8;
VACUUM ANALYZE scores;
ALTER TABLE scores SET (parallel_workers = 2);

SET max_parallel_workers_per_gather = 0;
SELECT bench('SELECT score_summary(s) FROM scores', :reps) AS ours_serial,
       bench('SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', :reps) AS base_serial \gset
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SELECT bench('SELECT score_summary(s) FROM scores', :reps) AS ours_parallel,
       bench('SELECT count(f), avg(f), stddev_samp(f), min(f), max(f) FROM scores', :reps) AS base_parallel \gset
SELECT report('score_summary(pain_score) vs count/avg/stddev_samp/min/max(float8), 10M rows, serial', :ours_serial, :base_serial);
SELECT report('the same with 2 parallel workers', :ours_parallel, :base_parallel);
SELECT report('score_summary: 2 workers (ours) vs serial (baseline); speed-up = 1/ratio', :ours_parallel, :ours_serial);
SELECT report('built-ins: 2 workers (ours) vs serial (baseline); speed-up = 1/ratio', :base_parallel, :base_serial);
RESET parallel_setup_cost; RESET parallel_tuple_cost;

-- 100,000 groups of 10 studies
CREATE UNLOGGED TABLE studies AS
SELECT g, (random() - 0.5)::float8 AS yi, (0.01 + random() * 0.1)::float8 AS vi
FROM generate_series(1, :groups) g, generate_series(1, 10);
VACUUM ANALYZE studies;
SET max_parallel_workers_per_gather = 0;
SELECT report('meta_analysis REML vs plain-SQL DerSimonian-Laird, 100k groups x 10',
  bench('SELECT g, meta_analysis(yi, vi, ''REML'') FROM studies GROUP BY g', :reps),
  bench($q$
    SELECT g, est, sqrt(1 / sw_re) AS se, tau2
    FROM (SELECT g, tau2, sum(wr * yi) / sum(wr) AS est, sum(wr) AS sw_re
          FROM (SELECT s.g, s.yi, 1 / (s.vi + d.tau2) AS wr, d.tau2
                FROM studies s JOIN (
                  SELECT g, greatest(0, (sum(w * yi * yi) - sum(w * yi) ^ 2 / sum(w) - (count(*) - 1))
                                      / (sum(w) - sum(w * w) / sum(w))) AS tau2
                  FROM (SELECT g, yi, 1 / vi AS w FROM studies) x GROUP BY g) d USING (g)) y
          GROUP BY g, tau2) z $q$, :reps));
SELECT report('meta_analysis DL vs plain-SQL DerSimonian-Laird, 100k groups x 10',
  bench('SELECT g, meta_analysis(yi, vi, ''DL'') FROM studies GROUP BY g', :reps),
  bench($q$
    SELECT g, est, sqrt(1 / sw_re) AS se, tau2
    FROM (SELECT g, tau2, sum(wr * yi) / sum(wr) AS est, sum(wr) AS sw_re
          FROM (SELECT s.g, s.yi, 1 / (s.vi + d.tau2) AS wr, d.tau2
                FROM studies s JOIN (
                  SELECT g, greatest(0, (sum(w * yi * yi) - sum(w * yi) ^ 2 / sum(w) - (count(*) - 1))
                                      / (sum(w) - sum(w * w) / sum(w))) AS tau2
                  FROM (SELECT g, yi, 1 / vi AS w FROM studies) x GROUP BY g) d USING (g)) y
          GROUP BY g, tau2) z $q$, :reps));
