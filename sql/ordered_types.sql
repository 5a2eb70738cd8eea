-- min() and max() of every ordered type (from src/sql/ordered_type.sql.in):
-- the catalogue order, NULLs skipped, an empty group gives NULL, and with an
-- index they are answered from it (SORTOP).
CREATE TABLE ordered_values (
  s msc_source, r msc_route, p pain_score, d cell_dose, t trial_id);
INSERT INTO ordered_values VALUES
  ('adipose', 'IV', 'nrs:7', '5e7', 'NCT01234567'),
  ('BM-MSC', 'intradiscal', 'nrs:2.5', '1.5e6 cells/kg', 'ISRCTN12345678'),
  ('dental_pulp', 'IA', 'vas:40', '1e8', '2012-001234-56'),
  (NULL, NULL, NULL, NULL, NULL);
SELECT min(s) AS min_source, max(s) AS max_source, min(r) AS min_route, max(r) AS max_route
FROM ordered_values;
SELECT min(p) AS min_score, max(p) AS max_score, min(d) AS min_dose, max(d) AS max_dose,
       min(t) AS min_trial, max(t) AS max_trial
FROM ordered_values;
SELECT min(p), max(d), min(t) FROM ordered_values WHERE false;
-- per group
SELECT instrument(p), min(p), max(p) FROM ordered_values WHERE p IS NOT NULL GROUP BY 1 ORDER BY 1;
-- an index answers min/max
CREATE INDEX ordered_values_p ON ordered_values (p);
SET enable_seqscan = off;
-- the plan, without the "(returns $0)" after InitPlan that PostgreSQL 17 no
-- longer prints
CREATE FUNCTION plan_of(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
    RETURN NEXT regexp_replace(line, ' \(returns \$\d+\)$', '');
  END LOOP;
END $$;
SELECT plan_of('SELECT max(p) FROM ordered_values') AS "QUERY PLAN";
SELECT max(p) FROM ordered_values;
RESET enable_seqscan;
DROP TABLE ordered_values;
-- every ordered type's B-tree family has sort support (support function 2),
-- and a sort through it agrees with the comparison function
SELECT t.typname, p.amproc::regproc AS sortsupport
FROM pg_amproc p
JOIN pg_opfamily f ON f.oid = p.amprocfamily
JOIN pg_am a ON a.oid = f.opfmethod AND a.amname = 'btree'
JOIN pg_type t ON t.oid = p.amproclefttype
WHERE p.amprocnum = 2 AND t.typname IN ('msc_source', 'msc_route', 'pain_score', 'cell_dose', 'trial_id')
ORDER BY 1;
WITH v AS (SELECT pain_score('vas', (i % 201) / 2.0) AS p, (i * 7919) % 1000 AS k FROM generate_series(1, 1000) i),
     sorted AS (SELECT p, row_number() OVER (ORDER BY p, k) AS n FROM v)
SELECT count(*) AS pairs_out_of_order
FROM sorted a JOIN sorted b ON b.n = a.n + 1
WHERE pain_score_cmp(a.p, b.p) > 0;
DROP FUNCTION plan_of(text);
