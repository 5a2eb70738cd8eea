-- Driven by bench/classify.sh: psql variables data (the TSV), copies, reps.
-- The classifiers against SQL written with regular expressions doing the
-- same job (a regexp_instr per source or route, ordered by position), over
-- the 1,536 ClinicalTrials.gov records repeated :copies times.
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
CREATE EXTENSION msc_registry;

\ir common.sql

CREATE FUNCTION report(what text, ours float8, base float8) RETURNS text LANGUAGE sql AS $$
  SELECT format('| %s | %s | %s | %s |', what, round(ours::numeric, 1), round(base::numeric, 1),
                round((base / ours)::numeric, 1)) $$;

CREATE TABLE corpus(nct text, title text, conditions text, itype text, iname text, idesc text,
                    arms text, phase text, status text, enroll text);
\set cmd 'tail -n +2 ' :data
COPY corpus FROM PROGRAM :'cmd' WITH (FORMAT text, DELIMITER E'\t', NULL '');
CREATE TABLE doc AS SELECT nct, concat_ws(' | ', title, iname, idesc, arms) AS t
FROM corpus, generate_series(1, :copies);
VACUUM ANALYZE doc;

\ir classify_regex.sql

SELECT count(*) AS records, pg_size_pretty(sum(octet_length(t))) AS text FROM doc \gset
\echo records :records text :text

SELECT report('sources: msc_sources_in vs 11 regexp_instr',
  bench($$SELECT count(*) FROM doc WHERE cardinality(msc_sources_in(t)) >= 0$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE cardinality(sources_regex(t)) >= 0$$, :reps));
SELECT report('routes: msc_routes_in vs 17 regexp_instr',
  bench($$SELECT count(*) FROM doc WHERE cardinality(msc_routes_in(t)) >= 0$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE cardinality(routes_regex(t)) >= 0$$, :reps));
SELECT report('donor: msc_donor_in vs 2 regex tests',
  bench($$SELECT count(*) FROM doc WHERE msc_donor_in(t)::text IS DISTINCT FROM 'x'$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE donor_regex(t) IS DISTINCT FROM 'x'$$, :reps));
SELECT report('manipulation: msc_manipulation_in vs 1 regex test',
  bench($$SELECT count(*) FROM doc WHERE msc_manipulation_in(t)::text IS DISTINCT FROM 'x'$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE t ~* '\m(culture[- ]expanded|ex vivo expanded|BMAC|SVF|lipogems)\M'$$, :reps));
SELECT report('dose: cell_dose_in vs 1 regexp_match',
  bench($$SELECT count(*) FROM doc WHERE cell_dose_in(t)::text IS DISTINCT FROM 'x'$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE dose_regex(t) IS DISTINCT FROM 'x'$$, :reps));
SELECT report('baseline: length(t) (the cost of reading the rows)',
  bench($$SELECT count(*) FROM doc WHERE length(t) >= 0$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE length(t) >= 0$$, :reps));
