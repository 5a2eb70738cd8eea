-- msc_source: accepted spellings, malformed input, ordering, hashing,
-- indexes and binary round trip.
\set VERBOSITY default

-- every canonical label and every listed synonym parses to its canonical value
SELECT canonical, label, count(*) AS synonyms_ok
FROM msc_sources() AS s, unnest(s.synonyms) AS syn
WHERE syn::msc_source = s.canonical
GROUP BY canonical, label ORDER BY canonical;
SELECT count(*) AS synonyms_not_round_tripping
FROM msc_sources() AS s, unnest(s.synonyms) AS syn
WHERE syn::msc_source <> s.canonical;

-- spellings from the literature and ClinicalTrials.gov
SELECT v AS input, v::msc_source AS source FROM (VALUES
  ('bone_marrow'), ('Bone Marrow'), ('  BONE-MARROW  '), ('BM-MSC'), ('BMSC'),
  ('BMAC'), ('hBM-MSCs'), ('bone marrow-derived'),
  ('Bone marrow-derived mesenchymal stem cells'), ('AD-MSC'), ('ADSC'),
  ('ASC'), ('SVF'), ('lipoaspirate'), ('adipose tissue-derived'),
  ('Adipose-derived mesenchymal stromal cells'), ('UC-MSC'), ('hUC-MSC'),
  ('WJ-MSC'), ('Wharton''s jelly'), ('Wharton’s jelly-derived MSCs'),
  ('UCB-MSC'), ('umbilical cord blood'), ('PD-MSC'), ('placental'),
  ('amniotic membrane'), ('DPSC'), ('SHED'), ('exfoliated deciduous teeth'),
  ('synovium'), ('SMSC'), ('peripheral blood'), ('menstrual blood'),
  ('MenSCs'), ('iPSC-derived'), ('iMSC'), (E'\tadipose\n')
) AS t(v);

-- output re-parses to an equal value
SELECT count(*) AS round_trips
FROM msc_sources() s WHERE s.canonical::text::msc_source = s.canonical;

-- labels
SELECT label('adipose'::msc_source), label('WJ-MSC'::msc_source);

-- malformed input: 22P02, the message quotes the input (control characters
-- escaped, long input cut), the hint lists what is accepted
SELECT ''::msc_source;
SELECT E'bone\x01marrow'::msc_source;
SELECT repeat('a', 100000)::msc_source;
SELECT r.*
FROM (VALUES ('   '), (E'\t\n'), ('bone'), ('marow'), ('bone marow'), ('cord'),
  ('msc'), ('mesenchymal stem cells'), ('stem cells'), ('bone marrow, adipose'),
  ('bone marrow and adipose'), ('bone_marrow bone_marrow'),
  ('autologous bone marrow'), ('bone_marrow;'), ('(adipose)'), (E'adipose\x7f'),
  (E'\x1b[31madipose'), (repeat('bone marrow ', 20)), ('NaN'), ('Infinity'),
  ('-1'), ('0'), ('1'), ('12'), ('null'), ('bonemarrow'),
  ('adipose tissue tissue'), ('h'), ('hh-msc'), ('ümbilical cord'),
  ('bone marrow 5e7'), ('"adipose"'), ('adipose%'), ('bone_marrow.adipose')
) AS t(input), try_input(t.input, 'msc_source') AS r;

-- sort order is the catalogue order, not alphabetical
SELECT v FROM unnest('{ipsc_derived,adipose,bone_marrow,synovial,cord_blood}'::msc_source[]) v ORDER BY v;
SELECT 'bone_marrow'::msc_source < 'adipose'::msc_source AS lt,
       'adipose'::msc_source = 'ADSC'::msc_source AS eq,
       'adipose'::msc_source <> 'SVF'::msc_source AS ne,
       'placenta'::msc_source >= 'cord_blood'::msc_source AS ge;

-- DISTINCT, GROUP BY, hash join, indexes
CREATE TABLE src_t (id int, s msc_source);
INSERT INTO src_t SELECT i, (array['BM-MSC','ADSC','UC-MSC','SVF','DPSC'])[1 + i % 5]::msc_source
FROM generate_series(1, 1000) i;
SELECT s, count(*) FROM src_t GROUP BY s ORDER BY s;
SELECT DISTINCT s FROM src_t ORDER BY s DESC;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM src_t a JOIN (SELECT DISTINCT s FROM src_t) b ON a.s = b.s;
SELECT count(*) FROM src_t a JOIN (SELECT DISTINCT s FROM src_t) b ON a.s = b.s;
RESET enable_mergejoin; RESET enable_nestloop;
SET enable_hashagg = off;
SELECT s, count(*) FROM src_t GROUP BY s ORDER BY s;
RESET enable_hashagg;
CREATE INDEX src_t_btree ON src_t (s);
CREATE INDEX src_t_hash ON src_t USING hash (s);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM src_t WHERE s = 'dental_pulp';
SELECT count(*) FROM src_t WHERE s = 'dental_pulp';
SELECT count(*) FROM src_t WHERE s > 'adipose' AND s <= 'umbilical_cord';
RESET enable_seqscan;

-- binary round trip through COPY
COPY src_t TO '/tmp/msc_registry_src_t.bin' (FORMAT binary);
CREATE TABLE src_t2 (LIKE src_t);
COPY src_t2 FROM '/tmp/msc_registry_src_t.bin' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE a.s = b.s) AS equal
FROM src_t a JOIN src_t2 b USING (id);
DROP TABLE src_t, src_t2;
