-- pgTAP tests of pain_score: objects, accepted spellings, errors by class,
-- functions, type modifier and ordering.
BEGIN;
SELECT plan(181);

-- objects -----------------------------------------------------------------
SELECT has_type('pain_score');
SELECT has_cast('pain_score', 'pain_score', 'pain_score', 'length-coercion cast applies the type modifier');
SELECT has_opclass('pain_score_ops');
SELECT has_opclass('pain_score_hash_ops');
SELECT function_returns(f, args, ret)
FROM (VALUES ('pain_score', ARRAY['text', 'numeric'], 'pain_score'),
             ('pain_score', ARRAY['pain_score', 'integer', 'boolean'], 'pain_score'),
             ('instrument', ARRAY['pain_score'], 'text'),
             ('score', ARRAY['pain_score'], 'numeric'),
             ('severity', ARRAY['pain_score'], 'double precision'),
             ('rescale', ARRAY['pain_score', 'text'], 'pain_score'),
             ('pain_instruments', ARRAY[]::text[], 'setof record')
) AS t(f, args, ret);
SELECT volatility_is(f, args, 'immutable')
FROM (VALUES ('pain_score', ARRAY['text', 'numeric']),
             ('instrument', ARRAY['pain_score']),
             ('score', ARRAY['pain_score']),
             ('severity', ARRAY['pain_score']),
             ('rescale', ARRAY['pain_score', 'text']),
             ('pain_instruments', ARRAY[]::text[])
) AS t(f, args);
SELECT is(typlen::int, 8, 'pain_score is 8 bytes') FROM pg_type WHERE typname = 'pain_score';
SELECT ok(typbyval, 'pain_score is passed by value') FROM pg_type WHERE typname = 'pain_score';
SELECT is(count(*), 0::bigint, 'every pain_score function has a comment')
FROM pg_proc p
WHERE (p.proname LIKE 'pain\_score%' OR p.proname IN ('instrument', 'score', 'severity', 'rescale', 'pain_instruments'))
  AND p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'msc_registry')
  AND obj_description(p.oid, 'pg_proc') IS NULL;
SELECT isnt(obj_description('pain_score'::regtype, 'pg_type'), NULL, 'pain_score has a comment');

-- catalogue ---------------------------------------------------------------
SELECT results_eq(
  'SELECT name FROM pain_instruments()',
  $$VALUES ('nrs'), ('vas'), ('womac_pain'), ('womac_stiffness'), ('womac_function'),
    ('womac_total'), ('womac_pain_va'), ('koos_pain'), ('koos_symptoms'), ('koos_adl'),
    ('koos_sport'), ('koos_qol'), ('odi'), ('rmdq'), ('bpi_severity'),
    ('bpi_interference'), ('lysholm'), ('ikdc'), ('patient_global'), ('pain_relief')$$,
  'pain_instruments() lists the 20 instruments in code order');
SELECT results_eq(
  $$SELECT name, min, max, higher_is_worse, unit, mcid FROM pain_instruments()
    WHERE name IN ('nrs', 'vas', 'womac_function', 'koos_qol', 'odi', 'rmdq', 'bpi_interference', 'pain_relief')$$,
  $$VALUES ('nrs', 0::numeric, 10::numeric, true, 'points', 2::numeric),
           ('vas', 0, 100, true, 'mm', 15),
           ('womac_function', 0, 68, true, 'points', 6.188),
           ('koos_qol', 0, 100, false, 'points', 8),
           ('odi', 0, 100, true, '%', 10),
           ('rmdq', 0, 24, true, 'points', 5),
           ('bpi_interference', 0, 10, true, 'points', 1),
           ('pain_relief', 0, 4, false, 'points', NULL)$$,
  'ranges, directions, units and MCIDs');
SELECT is((SELECT count(*) FROM pain_instruments() WHERE (mcid IS NULL) <> (mcid_source IS NULL)), 0::bigint,
  'an MCID always comes with its source');

-- accepted spellings ------------------------------------------------------
SELECT is(v::pain_score::text, want, format('%L parses to %s', v, want))
FROM (VALUES ('nrs:7', 'nrs:7'), ('NRS 7', 'nrs:7'), ('nrs = 7', 'nrs:7'),
  ('  Nrs : 7 ', 'nrs:7'), ('7/10 NRS', 'nrs:7'), ('NRS 7/10', 'nrs:7'),
  ('NPRS 7', 'nrs:7'), ('NPS 7', 'nrs:7'), ('numeric rating scale 7', 'nrs:7'),
  ('numerical rating scale: 7', 'nrs:7'), ('nrs:7.0000', 'nrs:7'),
  ('nrs:7.125', 'nrs:7.125'), ('vas:45.5', 'vas:45.5'), ('VAS 45 mm', 'vas:45'),
  ('VAS 4.5 cm', 'vas:45'), ('45 mm VAS', 'vas:45'), ('visual analogue scale 45', 'vas:45'),
  ('visual analog scale 45', 'vas:45'), ('womac_pain:12', 'womac_pain:12'),
  ('WOMAC pain 12', 'womac_pain:12'), ('womac-pain 12', 'womac_pain:12'),
  ('WOMAC stiffness 4', 'womac_stiffness:4'), ('WOMAC physical function 30', 'womac_function:30'),
  ('WOMAC function 30', 'womac_function:30'), ('WOMAC total 48', 'womac_total:48'),
  ('womac pain va 250', 'womac_pain_va:250'), ('KOOS pain 75', 'koos_pain:75'),
  ('KOOS symptoms 60', 'koos_symptoms:60'), ('KOOS ADL 80', 'koos_adl:80'),
  ('KOOS sport 40', 'koos_sport:40'), ('KOOS QoL 37.5', 'koos_qol:37.5'),
  ('ODI 38%', 'odi:38'), ('Oswestry 38', 'odi:38'), ('Oswestry Disability Index 38', 'odi:38'),
  ('Roland-Morris 12', 'rmdq:12'), ('Roland Morris 12', 'rmdq:12'), ('RMDQ 12', 'rmdq:12'),
  ('RDQ 12', 'rmdq:12'), ('BPI severity 5', 'bpi_severity:5'),
  ('BPI pain severity 5', 'bpi_severity:5'), ('BPI interference 3', 'bpi_interference:3'),
  ('Lysholm 84', 'lysholm:84'), ('IKDC 62.1', 'ikdc:62.1'),
  ('patient global 30', 'patient_global:30'), ('pain relief 3', 'pain_relief:3')
) AS t(v, want);

-- errors by class ---------------------------------------------------------
SELECT throws_ok(format('SELECT %L::pain_score', v), '22P02', NULL, format('%L is malformed (22P02)', v))
FROM (VALUES (''), ('   '), ('7'), ('7/10'), ('nrs'), ('nrs:'), (':7'), ('foo:7'),
  ('WOMAC 12'), ('nrs:7 8'), ('nrs:7, vas:40'), ('nrs:NaN'), ('nrs:Infinity'),
  ('nrs:-1'), ('nrs:+7'), ('nrs:7e0'), ('nrs:0x7'), ('vas:1,000'), ('nrs:7.1234'),
  ('vas:45.5555'), ('NRS 7 mm'), ('VAS 45 kg'), ('ODI 38 mm'), ('7/100 NRS'),
  ('nrs:seven'), (E'nrs:7\x01'), (repeat('7', 100000))
) AS t(v);
SELECT throws_ok(format('SELECT %L::pain_score', v), '22003', NULL, format('%L is out of range (22003)', v))
FROM (VALUES ('nrs:11'), ('nrs:10.001'), ('vas:100.5'), ('VAS 10.5 cm'), ('womac_pain:21'),
  ('womac_pain_va:501'), ('ODI 101%'), ('rmdq:25'), ('pain_relief:5'),
  ('nrs:99999999999999999999')
) AS t(v);
SELECT throws_ok('SELECT ''nrs:11''::pain_score', '22003',
  'value "nrs:11" is out of range for pain_score: nrs runs from 0 to 10',
  'the range error names the instrument and its range');
SELECT throws_ok('SELECT ''nrs:7.1234''::pain_score', '22P02',
  'invalid input syntax for type pain_score: "nrs:7.1234"',
  'the syntax error quotes the input');

-- pain_score(instrument, value) -------------------------------------------
SELECT is(pain_score(i, v)::text, want, format('pain_score(%L, %s) = %s', i, v, want))
FROM (VALUES ('nrs', 7::numeric, 'nrs:7'), ('NRS', 7.50, 'nrs:7.5'), ('vas', 45.125, 'vas:45.125'),
  ('Oswestry', 38, 'odi:38'), ('nrs', 7.000000, 'nrs:7'), ('pain_relief', 0, 'pain_relief:0')
) AS t(i, v, want);
SELECT throws_ok(e, st, NULL, format('%s fails with %s', e, st))
FROM (VALUES ($$SELECT pain_score('foo', 7)$$, '22023'), ($$SELECT pain_score('WOMAC', 7)$$, '22023'),
  ($$SELECT pain_score('nrs', 'NaN')$$, '22023'), ($$SELECT pain_score('nrs', 7.1234)$$, '22023'),
  ($$SELECT pain_score('nrs', 11)$$, '22003'), ($$SELECT pain_score('nrs', -1)$$, '22003'),
  ($$SELECT pain_score('nrs', 'Infinity')$$, '22003'), ($$SELECT pain_score('vas', 1e30)$$, '22003')
) AS t(e, st);
SELECT is(pain_score('nrs', NULL), NULL, 'pain_score() is strict');

-- instrument(), score(), severity() ---------------------------------------
SELECT is(instrument(s::pain_score), want, format('instrument(%s) = %s', s, want))
FROM (VALUES ('NRS 7', 'nrs'), ('VAS 4.5 cm', 'vas'), ('Oswestry 38%', 'odi'), ('KOOS QoL 50', 'koos_qol')) AS t(s, want);
SELECT is(score(s::pain_score), want, format('score(%s) = %s', s, want))
FROM (VALUES ('nrs:7', 7::numeric), ('vas:45.5', 45.5), ('VAS 4.5 cm', 45), ('vas:45.125', 45.125),
  ('womac_function:6.188', 6.188)) AS t(s, want);
SELECT is(score('vas:45.5')::text, '45.5', 'score() has no trailing zeros');
SELECT is(severity(s::pain_score), want, format('severity(%s) = %s', s, want))
FROM (VALUES ('nrs:0', 0::float8), ('nrs:7', 70), ('nrs:10', 100), ('vas:45.5', 45.5),
  ('womac_pain:12', 60), ('womac_function:17', 25), ('koos_pain:75', 25), ('koos_qol:0', 100),
  ('odi:38', 38), ('rmdq:6', 25), ('lysholm:84', 16), ('ikdc:100', 0), ('pain_relief:1', 75)
) AS t(s, want);

-- rescale() ---------------------------------------------------------------
SELECT is(rescale(s::pain_score, i)::text, want, format('rescale(%s, %s) = %s', s, i, want))
FROM (VALUES ('nrs:7', 'vas', 'vas:70'), ('nrs:7.125', 'vas', 'vas:71.25'), ('vas:45', 'nrs', 'nrs:4.5'),
  ('vas:45.55', 'nrs', 'nrs:4.555'), ('vas:100', 'NPRS', 'nrs:10'), ('nrs:7', 'nrs', 'nrs:7'),
  ('odi:38', 'Oswestry', 'odi:38')) AS t(s, i, want);
SELECT throws_ok(format('SELECT rescale(%L, %L)', s, i), st, NULL, format('rescale(%s, %s) fails with %s', s, i, st))
FROM (VALUES ('vas:45.555', 'nrs', '22003'), ('vas:0.001', 'nrs', '22003'),
  ('nrs:7', 'bpi_severity', '22023'), ('womac_pain:12', 'koos_pain', '22023'),
  ('odi:40', 'vas', '22023'), ('nrs:7', 'foo', '22023')) AS t(s, i, st);
SELECT throws_ok($$SELECT rescale('vas:45.555', 'nrs')$$, '22003',
  'rescaling "vas:45.555" to nrs gives 4.5555, which cannot be represented exactly',
  'rescale() says why the result is not exact');

-- type modifier -----------------------------------------------------------
CREATE TEMP TABLE tap_ps (s pain_score(nrs));
SELECT col_type_is('tap_ps', 's', 'pain_score(nrs)', 'format_type shows the type modifier');
SELECT lives_ok($$INSERT INTO tap_ps VALUES ('nrs:7'), ('7/10 NRS'), (rescale('vas:45', 'nrs'))$$,
  'nrs scores fit pain_score(nrs)');
SELECT throws_ok($$INSERT INTO tap_ps VALUES ('vas:45')$$, '22023',
  'value "vas:45" does not fit pain_score(nrs)', 'a vas score does not fit pain_score(nrs)');
SELECT throws_ok($$INSERT INTO tap_ps VALUES (pain_score('odi', 38))$$, '22023', NULL,
  'an expression of another instrument does not fit either');
SELECT throws_ok($$SELECT 'vas:4'::pain_score(nrs)$$, '22023', NULL, 'cast with a type modifier checks the instrument');
SELECT is('nrs:4'::pain_score(nrs)::text, 'nrs:4', 'cast with a matching type modifier');
SELECT is('ODI 38%'::pain_score(oswestry)::text, 'odi:38', 'an alias as type modifier');
SELECT throws_ok($$SELECT 'nrs:7'::pain_score(foo)$$, '22023', NULL, 'unknown instrument as type modifier');
SELECT throws_ok($$SELECT 'nrs:7'::pain_score(nrs, vas)$$, '22023', NULL, 'two type modifiers');
SELECT is(format_type('pain_score'::regtype, t), 'pain_score(' || name || ')', format('typmod %s is %s', t, name))
FROM (SELECT row_number() OVER ()::int AS t, name FROM pain_instruments()) AS c WHERE t IN (1, 2, 13, 20);

-- ordering and equality ---------------------------------------------------
SELECT ok('nrs:10'::pain_score < 'vas:0', 'instruments sort in catalogue order');
SELECT ok('vas:45.5'::pain_score < 'vas:45.501', 'then by value');
SELECT ok('nrs:7'::pain_score = '7/10 NRS', 'spellings of one score are equal');
SELECT ok('vas:45'::pain_score = 'VAS 4.5 cm', 'cm and mm are equal');
SELECT is(pain_score_cmp('nrs:7', 'vas:1'), -1, 'cmp');
SELECT is(pain_score_hash('nrs:7'), pain_score_hash('NRS 7/10'), 'equal scores hash equally');
SELECT is(array_agg(s ORDER BY s)::text, '{nrs:0,nrs:7.5,vas:45.125,vas:45.5,odi:38,pain_relief:0}', 'ORDER BY')
FROM unnest('{odi:38,vas:45.5,nrs:7.5,pain_relief:0,vas:45.125,nrs:0}'::pain_score[]) s;

-- round trip --------------------------------------------------------------
SELECT is(count(*) FILTER (WHERE s::text::pain_score <> s), 0::bigint, 'output re-parses to an equal value')
FROM pain_instruments() i, generate_series(0, (i.max * 8)::int) AS v,
     LATERAL pain_score(i.name, v / 8.0) AS s;

SELECT * FROM finish();
ROLLBACK;
