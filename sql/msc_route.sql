-- msc_route: accepted spellings, catalogue functions, malformed input,
-- ordering, hashing, indexes and binary round trip.

-- the catalogue: CDISC terms and NCI Thesaurus codes of DESIGN.md
SELECT canonical, label, cdisc_term, nci_code, is_systemic FROM msc_routes();

-- every canonical label, CDISC term and listed synonym parses back
SELECT count(*) AS synonyms_not_round_tripping
FROM msc_routes() AS r, unnest(r.synonyms || r.cdisc_term || r.canonical::text) AS syn
WHERE syn::msc_route <> r.canonical;

-- spellings from the literature and ClinicalTrials.gov
SELECT v AS input, v::msc_route AS route FROM (VALUES
  ('intra_articular'), ('Intra-articular'), ('INTRA-ARTICULAR'), ('IA'),
  ('intra-articular injection'), ('single intra-articular injection'),
  ('intra-articularly'), ('into the knee joint'), ('intradiscal injection'),
  ('into the disc'), ('IV'), ('i.v.'), ('i.v. infusion'),
  ('intravenous infusion'), ('intravenously'), ('via intravenous infusion'),
  ('IT'), ('intrathecal injection'), ('subarachnoid'), ('epidural injection'),
  ('intralesional'), ('intratendinous'), ('into the tendon'),
  ('periarticular'), ('perineural injection'), ('IM'), ('SC'), ('s.c.'),
  ('subcutaneous injection'), ('intradermal'), ('intra-arterial'),
  ('soft tissue'), (E'\tintravenous\n')
) AS t(v);

-- functions
SELECT label(r), cdisc_term(r), nci_code(r), is_systemic(r)
FROM (VALUES ('IA'::msc_route), ('IV'), ('intra-arterial'), ('into the disc')) AS t(r);

-- malformed input: 22P02, the message quotes the input, the hint lists
-- what is accepted
SELECT ''::msc_route;
SELECT 'ID'::msc_route;
SELECT r.*
FROM (VALUES ('   '), (E'\n'), ('injection'), ('infusion'), ('oral'),
  ('topical'), ('intra'), ('intravenus'), ('intra venous venous'),
  ('intravenous intrathecal'), ('IA IV'), ('IA, IV'), ('IV/IT'),
  ('intravenous and intra-articular'), ('ID'), (E'iv\x01'), (E'\x7fIA'),
  (repeat('i', 100000)), ('NaN'), ('Infinity'), ('-1'), ('0'), ('3'),
  ('5e7'), ('ly'), ('intra-articularlyly'), ('into'), ('the disc'),
  ('intra-articular;'), ('(IV)'), ('ív'), ('IV 5 mL'), ('nrs:7')
) AS t(input), try_input(t.input, 'msc_route') AS r;

-- sort order is the catalogue order
SELECT v FROM unnest('{soft_tissue,intravenous,intra_articular,epidural,intradiscal}'::msc_route[]) v ORDER BY v;
SELECT 'IA'::msc_route < 'IV'::msc_route AS lt, 'IV'::msc_route = 'i.v.'::msc_route AS eq,
       'IT'::msc_route <> 'intrathecal'::msc_route AS ne, 'SC'::msc_route > 'IM'::msc_route AS gt;

-- DISTINCT, GROUP BY, hash join, indexes
CREATE TABLE route_t (id int, r msc_route);
INSERT INTO route_t SELECT i, (array['IA','IV','IT','intradiscal','epidural'])[1 + i % 5]::msc_route
FROM generate_series(1, 1000) i;
SELECT r, count(*) FROM route_t GROUP BY r ORDER BY r;
SET enable_hashagg = off;
SELECT DISTINCT r FROM route_t ORDER BY r DESC;
RESET enable_hashagg;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM route_t a JOIN (SELECT DISTINCT r FROM route_t) b ON a.r = b.r;
SELECT count(*) FROM route_t a JOIN (SELECT DISTINCT r FROM route_t) b ON a.r = b.r;
RESET enable_mergejoin; RESET enable_nestloop;
CREATE INDEX route_t_btree ON route_t (r);
CREATE INDEX route_t_hash ON route_t USING hash (r);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM route_t WHERE r BETWEEN 'IA' AND 'IV';
SELECT count(*) FROM route_t WHERE r BETWEEN 'IA' AND 'IV';
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM route_t WHERE r = 'epidural';
SELECT count(*) FROM route_t WHERE r = 'epidural';
RESET enable_seqscan; RESET enable_bitmapscan;

-- binary round trip through COPY
COPY route_t TO '/tmp/msc_registry_route_t.bin' (FORMAT binary);
CREATE TABLE route_t2 (LIKE route_t);
COPY route_t2 FROM '/tmp/msc_registry_route_t.bin' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE a.r = b.r) AS equal
FROM route_t a JOIN route_t2 b USING (id);
DROP TABLE route_t, route_t2;

-- the donor and manipulation enums
SELECT 'autologous'::msc_donor < 'allogeneic'::msc_donor AS ordered,
       enum_range(NULL::msc_donor) AS donors,
       enum_range(NULL::msc_manipulation) AS manipulations;
SELECT * FROM try_input('Autologous', 'msc_donor');
SELECT * FROM try_input('xenogeneic', 'msc_manipulation');
