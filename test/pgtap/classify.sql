-- pgTAP tests of the free-text classifiers: objects and labels, then
-- data-driven cases for each function, limits and odd input.
BEGIN;
SELECT plan(114);

-- objects
SELECT has_function('msc_sources_in', ARRAY['text']);
SELECT has_function('msc_routes_in', ARRAY['text']);
SELECT has_function('msc_donor_in', ARRAY['text']);
SELECT has_function('msc_manipulation_in', ARRAY['text']);
SELECT has_function('cell_dose_in', ARRAY['text']);
SELECT function_returns('msc_sources_in', ARRAY['text'], 'msc_source[]');
SELECT function_returns('msc_routes_in', ARRAY['text'], 'msc_route[]');
SELECT function_returns('msc_donor_in', ARRAY['text'], 'msc_donor');
SELECT function_returns('msc_manipulation_in', ARRAY['text'], 'msc_manipulation');
SELECT function_returns('cell_dose_in', ARRAY['text'], 'cell_dose');
SELECT is(
    (SELECT count(*)::int FROM pg_proc
     WHERE proname IN ('msc_sources_in', 'msc_routes_in', 'msc_donor_in', 'msc_manipulation_in',
                       'cell_dose_in')
       AND proargtypes[0] = 'text'::regtype
       AND provolatile = 'i' AND proisstrict AND proparallel = 's'
       AND obj_description(oid, 'pg_proc') IS NOT NULL),
    5, 'the five classifiers are IMMUTABLE STRICT PARALLEL SAFE and commented');
SELECT is((SELECT typinput::regprocedure::text FROM pg_type WHERE oid = 'cell_dose'::regtype),
          'cell_dose_in(cstring)', 'cell_dose_in(cstring) is still the type input');

-- sources: text -> expected array
SELECT is(msc_sources_in(t)::text, want, format('sources of %s', t))
FROM (VALUES
  ('bone marrow-derived mesenchymal stem cells', '{bone_marrow}'),
  ('BM-MSCs', '{bone_marrow}'),
  ('bone marrow aspirate', '{bone_marrow}'),
  ('adipose tissue-derived stromal vascular fraction', '{adipose}'),
  ('AD-MSCs', '{adipose}'),
  ('autologous fat graft', '{adipose}'),
  ('umbilical cord blood', '{cord_blood}'),
  ('umbilical cord', '{umbilical_cord}'),
  ('Wharton''s jelly', '{umbilical_cord}'),
  ('hUC-MSCs', '{umbilical_cord}'),
  ('UCB-MSC', '{cord_blood}'),
  ('placental mesenchymal stem cells', '{placenta}'),
  ('human amniotic mesenchymal stem cells', '{amniotic}'),
  ('DPSCs', '{dental_pulp}'),
  ('synovial membrane-derived MSCs', '{synovial}'),
  ('peripheral blood-derived mesenchymal stem cells', '{peripheral_blood}'),
  ('menstrual blood-derived stem cells', '{menstrual_blood}'),
  ('induced pluripotent stem cells', '{ipsc_derived}'),
  ('umbilical cord/placenta-derived mesenchymal stem cells', '{umbilical_cord,placenta}'),
  ('bone marrow failure', '{}'),
  ('spinal cord injury', '{}'),
  ('peripheral blood stem cells', '{}'),
  ('low-fat diet', '{}'),
  ('NEUROSTEM-AD', '{}'),
  ('knee osteoarthritis', '{}')
) v(t, want);

-- routes
SELECT is(msc_routes_in(t)::text, want, format('routes of %s', t))
FROM (VALUES
  ('intra-articular injection', '{intra_articular}'),
  ('intraarticularly', '{intra_articular}'),
  ('intradiscal', '{intradiscal}'),
  ('into the disc', '{intradiscal}'),
  ('IV', '{intravenous}'),
  ('i.v. infusion', '{intravenous}'),
  ('intrathecally', '{intrathecal}'),
  ('subarachnoid', '{subarachnoid}'),
  ('epidural', '{epidural}'),
  ('intralesional', '{intralesional}'),
  ('intratendinous', '{intratendinous}'),
  ('periarticular', '{periarticular}'),
  ('perineural', '{perineural}'),
  ('intramuscular', '{intramuscular}'),
  ('subcutaneous injection of MSCs', '{subcutaneous}'),
  ('intradermal', '{intradermal}'),
  ('intra-arterial', '{intra_arterial}'),
  ('into the soft tissue', '{soft_tissue}'),
  ('IVD', '{}'),
  ('SC', '{}'),
  ('IA', '{}'),
  ('stage IV', '{}'),
  ('intracoronary', '{}'),
  ('intravenous then intrathecal', '{intravenous,intrathecal}')
) v(t, want);

-- donor
SELECT is(msc_donor_in(t)::text, want, format('donor of %s', t))
FROM (VALUES
  ('autologous MSCs', 'autologous'),
  ('autologously', 'autologous'),
  ('patients'' own bone marrow', 'autologous'),
  ('allogeneic MSCs', 'allogeneic'),
  ('allogenic', 'allogeneic'),
  ('third-party donor MSCs', 'allogeneic'),
  ('autologous or allogeneic MSCs', NULL),
  ('autologous PRP', NULL),
  ('allogeneic HSCT', NULL),
  ('mesenchymal stem cells', NULL)
) v(t, want);

-- manipulation
SELECT is(msc_manipulation_in(t)::text, want, format('manipulation of %s', t))
FROM (VALUES
  ('culture-expanded MSCs', 'culture_expanded'),
  ('ex vivo expanded', 'culture_expanded'),
  ('MSCs at passage 4', 'culture_expanded'),
  ('BMAC', 'minimally_manipulated'),
  ('SVF', 'minimally_manipulated'),
  ('Lipogems', 'minimally_manipulated'),
  ('expanded access', NULL),
  ('BMAC or cultured MSCs', NULL),
  ('MSCs', NULL)
) v(t, want);

-- dose
SELECT is(cell_dose_in(t)::text, want, format('dose of %s', t))
FROM (VALUES
  ('5x10^7 cells', '5e7 cells'),
  ('5 × 10^7 cells', '5e7 cells'),
  ('50 million MSCs', '5e7 cells'),
  ('1.5e6 cells/kg', '1.5e6 cells/kg'),
  ('2 million cells per kg', '2e6 cells/kg'),
  ('1 x 106 cells/kg', '1e6 cells/kg'),
  ('100,000,000 cells', '1e8 cells'),
  ('4 x 10e6 cells', '4e6 cells'),
  ('1-2 x 10^6 cells/kg', '1e6 cells/kg'),
  ('10e6 cells', NULL),
  ('10 million cells/ml', NULL),
  ('5 mg/kg', NULL),
  ('day 7', NULL)
) v(t, want);

-- empty results and NULL
SELECT is(msc_sources_in(''), '{}'::msc_source[], 'empty text: no source');
SELECT is(msc_routes_in(''), '{}'::msc_route[], 'empty text: no route');
SELECT is(msc_donor_in(NULL), NULL, 'NULL in, NULL out');
SELECT is(cardinality(msc_sources_in('bone marrow, adipose, cord blood, bone marrow')), 3,
          'each source once');
SELECT is((msc_sources_in('adipose tissue then bone marrow'))[1], 'adipose'::msc_source,
          'order of first mention, not sort order');

-- limits: 1 MB is read, more is refused with 22023
SELECT lives_ok($$ SELECT msc_sources_in(repeat('a', 1048576)) $$, '1 MB is read');
SELECT throws_ok($$ SELECT msc_sources_in(repeat('a', 1048577)) $$, '22023', NULL,
                 'msc_sources_in refuses more than 1 MB');
SELECT throws_ok($$ SELECT msc_routes_in(repeat('a', 1048577)) $$, '22023', NULL,
                 'msc_routes_in refuses more than 1 MB');
SELECT throws_ok($$ SELECT msc_donor_in(repeat('a', 1048577)) $$, '22023', NULL,
                 'msc_donor_in refuses more than 1 MB');
SELECT throws_ok($$ SELECT msc_manipulation_in(repeat('a', 1048577)) $$, '22023', NULL,
                 'msc_manipulation_in refuses more than 1 MB');
SELECT throws_ok($$ SELECT cell_dose_in(repeat('a', 1048577)) $$, '22023', NULL,
                 'cell_dose_in(text) refuses more than 1 MB');

-- odd text never fails
SELECT lives_ok(format($$ SELECT msc_sources_in(%L), msc_routes_in(%L), msc_donor_in(%L),
                                 msc_manipulation_in(%L), cell_dose_in(%L::text) $$, t, t, t, t, t),
                format('odd text %s', left(t, 30)))
FROM (VALUES
  (E'\x01\x02\x03'), ('|||;;;...'), ('x 10^ 10^^ 10e'), ('999999999999999999999999 cells'),
  ('1e999999 cells'), ('0.0000001 cells/kg'), (repeat('1,000,', 2000)),
  (repeat('10^', 3000)), ('ПРИВЕТ 骨髄 😀 IV'), (repeat('BM-', 5000))
) v(t);

SELECT * FROM finish();
ROLLBACK;
