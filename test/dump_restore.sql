-- The database test/dump_restore.sh dumps and restores: msc_registry in
-- its own schema (msc, not on the restored database's search_path, so the
-- dump must qualify every name), the demo registry in the extension's
-- tables, and user objects in public that use every type: typmod columns,
-- arrays, a domain, a composite type, defaults, CHECK constraints, B-tree,
-- hash, unique, partial and expression indexes, a view and a materialized
-- view.  Deterministic (no random()).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE SCHEMA msc;
CREATE EXTENSION msc_registry SCHEMA msc;
SET search_path = public, msc;

\i scripts/demo_registry.sql

CREATE DOMAIN nrs_score AS pain_score(nrs) CHECK (score(VALUE) <= 10);
CREATE TYPE product AS (source msc_source, donor msc_donor, manipulation msc_manipulation,
                        route msc_route, dose cell_dose);

CREATE TABLE visit (
  id           int PRIMARY KEY,
  trial        trial_id NOT NULL,
  source       msc_source,
  route        msc_route,
  donor        msc_donor,
  manipulation msc_manipulation,
  dose         cell_dose CHECK (dose >= '1e4 cells'),
  vas          pain_score(vas) DEFAULT 'vas:0',
  nrs          pain_score(nrs),
  odi          pain_score(oswestry),
  nrs_domain   nrs_score,
  any_score    pain_score,
  sources      msc_source[],
  routes       msc_route[],
  scores       pain_score[],
  doses        cell_dose[],
  trials       trial_id[],
  product      product,
  note         text
);

INSERT INTO visit
SELECT i,
       (SELECT (array_agg(example ORDER BY registry))[1 + i % 18] FROM trial_registries()),
       (SELECT (array_agg(canonical))[1 + i % 11] FROM msc_sources()),
       (SELECT (array_agg(canonical))[1 + i % 15] FROM msc_routes()),
       (enum_range(NULL::msc_donor))[1 + i % 2],
       (enum_range(NULL::msc_manipulation))[1 + (i / 2) % 2],
       CASE WHEN i % 7 = 0 THEN NULL
            WHEN i % 2 = 0 THEN cell_dose((1 + i % 97) * 10::numeric ^ (4 + i % 10))
            ELSE cell_dose((1 + i % 89) / 8.0 * 10::numeric ^ (i % 12), per_kg => true) END,
       pain_score('vas', (i * 37 % 100001) / 1000.0),
       CASE WHEN i % 5 = 0 THEN NULL ELSE pain_score('nrs', (i * 13 % 10001) / 1000.0) END,
       pain_score('odi', i % 101),
       pain_score('nrs', i % 11),
       pain_score(i2.name, i2.min + (i * 7919 % ((i2.max - i2.min) * 1000 + 1)::int) / 1000.0),
       ARRAY[(SELECT (array_agg(canonical))[1 + i % 11] FROM msc_sources()),
             (SELECT (array_agg(canonical))[1 + (i * 3) % 11] FROM msc_sources())],
       CASE WHEN i % 9 = 0 THEN '{}' ELSE ARRAY[(SELECT (array_agg(canonical))[1 + i % 15] FROM msc_routes()), NULL] END,
       ARRAY[pain_score('vas', i % 101), pain_score('koos_pain', (i * 11) % 101), pain_score('pain_relief', i % 5 / 2.0)],
       ARRAY[cell_dose(1e6 + i), cell_dose(2.5e6, true)],
       ARRAY['NCT' || lpad((i * 104729 % 100000000)::text, 8, '0'), 'ISRCTN' || lpad(i::text, 8, '0')]::trial_id[],
       ROW((SELECT (array_agg(canonical))[1 + i % 11] FROM msc_sources()), 'allogeneic', 'culture_expanded',
           'intravenous', cell_dose(1e6 * (1 + i % 5), true))::product,
       CASE WHEN i % 4 = 0 THEN 'ünïcode ✓ ' || i ELSE NULL END
FROM generate_series(1, 3000) i,
     LATERAL (SELECT name, min, max FROM pain_instruments() OFFSET i % 20 LIMIT 1) i2;

CREATE INDEX visit_trial ON visit (trial);
CREATE INDEX visit_dose ON visit (dose);
CREATE INDEX visit_vas ON visit (vas DESC NULLS LAST);
CREATE INDEX visit_any ON visit (any_score);
CREATE INDEX visit_source_hash ON visit USING hash (source);
CREATE INDEX visit_trial_hash ON visit USING hash (trial);
CREATE INDEX visit_dose_hash ON visit USING hash (dose);
CREATE INDEX visit_score_hash ON visit USING hash (any_score);
CREATE UNIQUE INDEX visit_trial_id ON visit (trial, id);
CREATE INDEX visit_severe ON visit (id) WHERE vas > 'vas:50' AND route = 'intravenous';
CREATE INDEX visit_instrument ON visit (instrument(any_score), score(any_score));
CREATE INDEX visit_sources ON visit USING gin (sources);

CREATE VIEW visit_summary AS
SELECT source, route, count(*) AS n, avg(score(vas)) AS mean_vas,
       count(*) FILTER (WHERE dose >= '1e8 cells') AS high_dose
FROM visit GROUP BY source, route;
CREATE MATERIALIZED VIEW visit_by_registry AS
SELECT registry(trial) AS registry, trial, min(any_score) AS lowest, array_agg(id ORDER BY id) AS ids
FROM visit GROUP BY trial;
CREATE UNIQUE INDEX visit_by_registry_trial ON visit_by_registry (trial);
COMMENT ON TABLE visit IS 'visits with every msc_registry type';

ANALYZE;
