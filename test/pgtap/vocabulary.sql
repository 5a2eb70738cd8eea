-- Data-driven checks of msc_source and msc_route.
BEGIN;
SELECT plan(18);

SELECT is(count(*)::int, 11, 'eleven source tissues') FROM msc_sources();
SELECT is(count(*)::int, 15, 'fifteen routes') FROM msc_routes();
SELECT is_empty($$ SELECT s FROM msc_sources() m, unnest(m.synonyms) s
                   WHERE s::msc_source <> m.canonical $$, 'every source synonym parses to its source');
SELECT is_empty($$ SELECT s FROM msc_routes() m, unnest(m.synonyms) s
                   WHERE s::msc_route <> m.canonical $$, 'every route synonym parses to its route');
SELECT is_empty($$ SELECT s FROM msc_sources() a, unnest(a.synonyms) s,
                   msc_sources() b, unnest(b.synonyms) t
                   WHERE a.canonical <> b.canonical AND lower(s) = lower(t) $$,
                'no synonym names two sources');
SELECT results_eq($$ SELECT m.canonical::text AS c FROM msc_sources() m ORDER BY m.canonical $$,
  ARRAY['bone_marrow', 'adipose', 'umbilical_cord', 'cord_blood', 'placenta', 'amniotic',
        'dental_pulp', 'synovial', 'peripheral_blood', 'menstrual_blood', 'ipsc_derived'],
  'sources sort in the order of DESIGN.md');
SELECT results_eq($$ SELECT nci_code FROM msc_routes() ORDER BY canonical $$,
  ARRAY['C38223', 'C38239', 'C38276', 'C38267', 'C38297', 'C38210', 'C38250', 'C38265',
        'C38292', 'C38293', 'C28161', 'C38299', 'C38238', 'C38222', 'C38198'],
  'NCI Thesaurus codes of DESIGN.md, in route order');
SELECT results_eq($$ SELECT canonical::text FROM msc_routes() WHERE is_systemic ORDER BY 1 $$,
  ARRAY['intra_arterial', 'intravenous'], 'systemic routes: intravenous and intra-arterial');

-- inputs DESIGN.md names, with the value each means, written from DESIGN.md
-- (not read from msc_sources() or msc_routes(), so a synonym filed under the
-- wrong value in the catalogue fails here)
SELECT results_eq($$ SELECT i::msc_source::text FROM unnest(ARRAY['BM-MSC', 'BMSC', 'BMAC', 'AD-MSC', 'ADSC',
                       'ASC', 'SVF', 'lipoaspirate', 'UC-MSC', 'hUC-MSC', 'WJ-MSC', 'UCB-MSC', 'DPSC', 'SHED',
                       'PD-MSC', 'bone marrow-derived', 'adipose tissue-derived', 'Wharton''s jelly']) WITH ORDINALITY u(i, o) ORDER BY o $$,
  ARRAY['bone_marrow', 'bone_marrow', 'bone_marrow', 'adipose', 'adipose', 'adipose', 'adipose', 'adipose',
        'umbilical_cord', 'umbilical_cord', 'umbilical_cord', 'cord_blood', 'dental_pulp', 'dental_pulp',
        'placenta', 'bone_marrow', 'adipose', 'umbilical_cord'],
  'the source abbreviations and phrases of DESIGN.md mean the sources it says');
SELECT results_eq($$ SELECT i::msc_route::text FROM unnest(ARRAY['IA', 'IV', 'IT', 'intra-articular injection',
                       'i.v. infusion', 'intradiscal injection', 'into the disc']) WITH ORDINALITY u(i, o) ORDER BY o $$,
  ARRAY['intra_articular', 'intravenous', 'intrathecal', 'intra_articular', 'intravenous', 'intradiscal', 'intradiscal'],
  'the route inputs of DESIGN.md mean the routes it says');

SELECT is('BM-MSC'::msc_source, 'bone_marrow'::msc_source, 'BM-MSC is bone marrow');
SELECT is('hUC-MSC'::msc_source, 'umbilical_cord'::msc_source, 'hUC-MSC is umbilical cord');
SELECT is('adipose tissue-derived'::msc_source, 'adipose'::msc_source, '"adipose tissue-derived" is adipose');
SELECT is('i.v. infusion'::msc_route, 'intravenous'::msc_route, '"i.v. infusion" is intravenous');
SELECT is('into the disc'::msc_route, 'intradiscal'::msc_route, '"into the disc" is intradiscal');

SELECT throws_ok($$ SELECT 'marrow bone'::msc_source $$, '22P02', NULL, 'unknown source: 22P02');
SELECT throws_ok($$ SELECT 'ID'::msc_route $$, '22P02', NULL, 'ambiguous ID is not a route: 22P02');
SELECT throws_ok($$ SELECT repeat('x', 100000)::msc_route $$, '22P02', NULL, '100 kB route: 22P02');

SELECT * FROM finish();
ROLLBACK;
