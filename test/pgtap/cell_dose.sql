-- pgTAP tests of the cell_dose type: catalogue objects, accepted
-- spellings, error classes, functions, ordering and hashing.
BEGIN;
SELECT plan(140);

-- the type, its functions and operator classes
SELECT has_type('cell_dose');
SELECT has_function(f, a, format('%s(%s) exists', f, array_to_string(a, ', ')))
FROM (VALUES ('cells', ARRAY['cell_dose']), ('per_kg', ARRAY['cell_dose']),
  ('is_per_kg', ARRAY['cell_dose']), ('total_cells', ARRAY['cell_dose', 'numeric']),
  ('cell_dose', ARRAY['numeric', 'boolean'])) AS t(f, a);
SELECT has_opclass('cell_dose_ops');
SELECT has_opclass('cell_dose_hash_ops');
SELECT is(t.typlen::int, 16, 'cell_dose is 16 bytes') FROM pg_type t WHERE t.typname = 'cell_dose';
SELECT is(t.typalign::text, 'd', 'cell_dose is double-aligned') FROM pg_type t WHERE t.typname = 'cell_dose';
SELECT ok(NOT t.typbyval, 'cell_dose is passed by reference') FROM pg_type t WHERE t.typname = 'cell_dose';
SELECT ok(obj_description(t.oid, 'pg_type') IS NOT NULL, 'cell_dose has a comment')
FROM pg_type t WHERE t.typname = 'cell_dose';
SELECT is(count(*)::int, 0, 'every cell_dose function has a comment')
FROM pg_proc p
WHERE (p.proname LIKE 'cell\_dose%' OR p.proname IN ('cells', 'per_kg', 'is_per_kg', 'total_cells'))
  AND obj_description(p.oid, 'pg_proc') IS NULL;
SELECT is(count(*)::int, 0, 'the value functions are IMMUTABLE STRICT PARALLEL SAFE')
FROM pg_proc p
WHERE p.proname IN ('cells', 'per_kg', 'is_per_kg', 'total_cells', 'cell_dose')
  AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's');

-- accepted spellings and their canonical output
SELECT is(input::cell_dose::text, canonical, format('%L reads as %s', input, canonical))
FROM (VALUES
  ('5e7', '5e7 cells'), ('5E+07', '5e7 cells'), ('50e6', '5e7 cells'),
  ('5x10^7 cells', '5e7 cells'), ('5 x 10^7', '5e7 cells'), ('5 × 10^7', '5e7 cells'),
  ('5*10^7', '5e7 cells'), ('5·10^7', '5e7 cells'), ('5 × 10⁷', '5e7 cells'),
  ('10^8', '1e8 cells'), ('10⁸ cells', '1e8 cells'),
  ('50 million', '5e7 cells'), ('50M', '5e7 cells'), ('1.5 billion', '1.5e9 cells'),
  ('1.5B', '1.5e9 cells'), ('2.5 thousand', '2.5e3 cells'), ('2.5k', '2.5e3 cells'),
  ('100,000,000', '1e8 cells'), ('100000000', '1e8 cells'), ('1', '1e0 cells'),
  ('5e7 MSCs', '5e7 cells'), ('5e7 viable cells', '5e7 cells'),
  ('1.5e6 cells/kg', '1.5e6 cells/kg'), ('2 million cells/kg', '2e6 cells/kg'),
  ('2 x 10^6/kg', '2e6 cells/kg'), ('2e6 cells per kg', '2e6 cells/kg'),
  ('2e6 cells/kg body weight', '2e6 cells/kg'), ('1.5 cells/kg', '1.5e0 cells/kg'),
  ('1e15', '1e15 cells'), ('1e13/kg', '1e13 cells/kg')
) AS t(input, canonical);

-- output re-parses to an equal value
SELECT ok(d::text::cell_dose = d, format('%s round-trips', d))
FROM unnest('{5e7, 1.5e6/kg, 1, 1e15, 1e13/kg, 9.99999999999999e14, 1.00000000000000001/kg}'::cell_dose[]) d;

-- malformed input: 22P02
SELECT throws_ok(format('SELECT %L::cell_dose', input), '22P02', NULL,
                 format('%L is malformed (%s)', left(input, 20), why))
FROM (VALUES
  ('', 'empty'), ('   ', 'blank'), (E'5e7\x01', 'control character'),
  (repeat('5', 100000), '100 kB'), ('NaN', 'NaN'), ('Infinity', 'infinity'),
  ('5e7 mL', 'volume unit'), ('5e7 cells/g', 'per gram'), ('5 x 10^', 'no exponent'),
  ('x10^7', 'no mantissa'), ('5e', 'no exponent after e'), ('5e7 5e7', 'two values'),
  ('5e7 cells/kg/kg', 'per kg twice'), ('two million', 'words'),
  ('5 million million', 'two scales'), ('0x1A', 'hex'), ('--5e7', 'two signs'),
  ('5e7%', 'percent'), ('5x10e7', 'ambiguous 10e7'), ('1,5 million', 'decimal comma'),
  ('1,50,00,000', 'lakh grouping'), ('123456789.0123456789/kg', '19 significant digits')
) AS t(input, why);

-- out of range: 22003
SELECT throws_ok(format('SELECT %L::cell_dose', input), '22003', NULL,
                 format('%L is out of range (%s)', input, why))
FROM (VALUES
  ('0', 'zero'), ('0 cells/kg', 'zero per kg'), ('-5e7', 'negative'),
  ('0.5 cells/kg', 'below one per kg'), ('1.5 cells', 'fractional cells'),
  ('1.2345e3', 'fractional cells'), ('2e15', 'above 1e15'), ('1.1e13/kg', 'above 1e13/kg'),
  ('5e400', 'huge exponent'), ('5e-400', 'tiny exponent')
) AS t(input, why);
SELECT throws_ok($$SELECT '0'::cell_dose$$, '22003',
  'cell dose must be at least 1 cell: "0"', 'zero names the input');
SELECT throws_ok($$SELECT '5e7 mL'::cell_dose$$, '22P02',
  'invalid input syntax for type cell_dose: "5e7 mL"', 'a malformed dose names the input');

-- functions
SELECT is(cells(d), c, format('cells(%s)', d))
FROM (VALUES ('5e7'::cell_dose, 50000000::numeric), ('1e15', 1000000000000000),
  ('1', 1), ('1.5e6/kg', NULL)) AS t(d, c);
SELECT is(per_kg(d), c, format('per_kg(%s)', d))
FROM (VALUES ('1.5e6/kg'::cell_dose, 1500000::numeric), ('1.5/kg', 1.5),
  ('1.00000000000000001/kg', 1.00000000000000001), ('5e7', NULL)) AS t(d, c);
SELECT is(is_per_kg(d), k, format('is_per_kg(%s)', d))
FROM (VALUES ('5e7'::cell_dose, false), ('1.5e6/kg', true)) AS t(d, k);
SELECT is(total_cells(d, w), c, format('total_cells(%s, %s)', d, w))
FROM (VALUES ('5e7'::cell_dose, 70::numeric, 50000000::numeric),
  ('1.5e6/kg', 70, 105000000), ('1.5e6/kg', 62.5, 93750000),
  ('2e6/kg', 700, 1400000000), ('1.00000000000000001/kg', 70, 70.0000000000000007)) AS t(d, w, c);
SELECT is(total_cells('5e7', NULL), NULL, 'total_cells with an unknown weight is NULL');
SELECT throws_ok(format('SELECT total_cells(%L, %s)', d, w), '22023', NULL,
                 format('total_cells(%s, %s) refuses the weight', d, w))
FROM (VALUES ('2e6/kg', '0'), ('2e6/kg', '-70'), ('2e6/kg', '700.5'),
  ('2e6/kg', '''NaN'''), ('2e6/kg', '''Infinity'''), ('5e7', '0')) AS t(d, w);
SELECT is(cell_dose(c, k), d, format('cell_dose(%s, %s)', c, k))
FROM (VALUES (5e7, false, '5e7'::cell_dose), (50000000, false, '5e7'),
  (1.5e6, true, '1.5e6/kg'), (1.50, true, '1.5/kg'), (1e15, false, '1e15')) AS t(c, k, d);
SELECT is(cell_dose(5e7), '5e7'::cell_dose, 'cell_dose(n) is absolute by default');
SELECT is(cell_dose(2e6, per_kg => true), '2e6/kg'::cell_dose, 'cell_dose(n, per_kg => true)');
SELECT throws_ok(format('SELECT cell_dose(%s)', a), code, NULL, format('cell_dose(%s) fails with %s', a, code))
FROM (VALUES ('0', '22003'), ('-5e7', '22003'), ('1.5', '22003'), ('0.5, true', '22003'),
  ('1e16', '22003'), ('2e13, true', '22003'), ('''NaN''::numeric', '22023'),
  ('''Infinity''::numeric', '22023'), ('1.0000000000000000001, true', '22023')) AS t(a, code);

-- ordering and equality
SELECT ok(a::cell_dose < b::cell_dose, format('%s < %s', a, b))
FROM (VALUES ('9e7', '1e8'), ('99999999', '1e8'), ('1.05e6', '1.5e6'),
  ('15e5', '1500001'), ('1e15', '1/kg'), ('5e7', '5e7/kg'), ('1/kg', '1.00000000000000001/kg'),
  ('1e6/kg', '2e6/kg')) AS t(a, b);
SELECT ok(a::cell_dose = b::cell_dose, format('%s = %s', a, b))
FROM (VALUES ('5e7', '50 million'), ('5e7', '50,000,000'), ('2e6/kg', '2 x 10^6 cells per kg'),
  ('1e8', '10^8')) AS t(a, b);
SELECT ok(cell_dose_hash(a::cell_dose) = cell_dose_hash(b::cell_dose)
          AND cell_dose_hash_extended(a::cell_dose, 42) = cell_dose_hash_extended(b::cell_dose, 42),
          format('%s and %s hash alike', a, b))
FROM (VALUES ('5e7', '50 million'), ('1.5e6/kg', '1,500,000 cells/kg')) AS t(a, b);
SELECT is(array_agg(d ORDER BY d)::text[],
          ARRAY['1e0 cells', '5e7 cells', '1e15 cells', '1e0 cells/kg', '1.5e6 cells/kg'],
          'absolute doses sort before per-kg doses, each by value')
FROM unnest('{1.5e6/kg, 1e15, 1/kg, 5e7, 1}'::cell_dose[]) d;

-- binary form
SELECT is(cell_dose_send('5e7'), '\x010000000000000000050007'::bytea, 'binary form of 5e7');
SELECT is(cell_dose_send('1.5e6/kg'), '\x0101000000000000000f0005'::bytea, 'binary form of 1.5e6/kg');

SELECT * FROM finish();
ROLLBACK;
