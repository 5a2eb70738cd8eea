-- pain_score: catalogue, accepted spellings, malformed input, functions,
-- type modifier, ordering, hashing, indexes and binary round trip.
\set VERBOSITY default

-- the detail of an input error (NULL when the input is accepted)
CREATE FUNCTION ps_detail(input text, typ text DEFAULT 'pain_score') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
  EXECUTE format('SELECT %L::%s', input, typ);
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
  RETURN d;
END $$;

-- the instrument catalogue, in sort order
SELECT * FROM pain_instruments();

-- every instrument name parses, as name:value and "NAME value"
SELECT name, (name || ':1')::pain_score AS colon,
       (upper(replace(name, '_', ' ')) || ' 1')::pain_score AS spaced
FROM pain_instruments();

-- accepted spellings: each parses to its canonical value
SELECT v AS input, v::pain_score AS score FROM (VALUES
  ('nrs:7'), ('NRS:7'), ('  nrs : 7  '), ('nrs = 7'), ('nrs=7'), ('NRS 7'),
  (E'\tNRS\n7\n'), ('nrs:0'), ('nrs:10'), ('nrs:07'), ('nrs:7.'), ('nrs:.5'),
  ('nrs:7.0000'), ('nrs:7.125'), ('nrs:7.120'), ('nrs:7.1250000000000'),
  ('NRS 7/10'), ('NRS 7 / 10'), ('7/10 NRS'), ('7/10NRS'), ('7.5/10.0 NRS'),
  ('7 NRS'), ('NRS 7 points'), ('nrs:7pts'), ('7 points NRS'),
  ('NPRS 4'), ('NPS: 4'), ('NRS-11 4'), ('numeric rating scale 4'),
  ('Numerical Rating Scale: 4'), ('numeric pain rating scale 4'),
  ('pain NRS 6'), ('NRS pain 6'), ('nrs pain score: 6'),
  ('vas:45.5'), ('vas:45.125'), ('VAS 45 mm'), ('VAS 45mm'), ('vas:45 MM'),
  ('VAS 4.5 cm'), ('VAS 4.5cm'), ('VAS 4.5555 cm'), ('VAS 10 cm'),
  ('VAS 45 millimetres'), ('VAS 4.5 centimeters'), ('45 mm VAS'),
  ('4.5 cm VAS'), ('45/100 VAS'), ('VAS 45/100 mm'), ('VAS 4.5/10 cm'),
  ('visual analogue scale 45'), ('Visual Analog Scale: 45'), ('VAS pain 45'),
  ('womac_pain:12'), ('WOMAC pain 12'), ('womac-pain:12'), ('WOMAC_Pain 12'),
  ('WOMAC pain subscale 12'), ('WOMAC stiffness 4'), ('WOMAC function 30'),
  ('WOMAC physical function: 30.5'), ('WOMAC total 48'), ('WOMAC pain VA 250'),
  ('WOMAC VA pain 250'), ('KOOS pain 75'), ('koos symptoms: 60'),
  ('KOOS ADL 80'), ('KOOS activities of daily living 80'),
  ('KOOS function in daily living 80'), ('KOOS sport 40'), ('KOOS sport/rec 40'),
  ('KOOS sport and recreation: 40'), ('KOOS QoL 37.5'),
  ('KOOS quality of life 37.5 points'), ('KOOS knee-related quality of life 37.5'),
  ('ODI 38%'), ('ODI 38 %'), ('odi:38'), ('38% ODI'), ('ODI 38 percent'),
  ('ODI 38 points'), ('Oswestry 38'), ('Oswestry Disability Index: 38%'),
  ('RMDQ 12'), ('RDQ 12'), ('Roland-Morris 12'), ('Roland Morris 12'),
  ('roland_morris:12'), ('Roland-Morris Disability Questionnaire 12'),
  ('12/24 RMDQ'), ('BPI severity 5.25'), ('BPI pain severity: 5'),
  ('BPI interference 3'), ('BPI pain interference 3'), ('Lysholm 84'),
  ('Lysholm knee score: 84'), ('IKDC 62.1'), ('IKDC subjective knee form 62.1'),
  ('patient global 30'), ('Patient''s global assessment: 30'), ('PtGA 30'),
  ('pain relief 3'), ('pain relief score 2'), ('pain_relief:4')
) AS t(v);

-- output is canonical and minimal, and re-parses to an equal value
SELECT 'vas:45.500'::pain_score, 'vas:45.125'::pain_score, 'nrs:0.010'::pain_score,
       'womac_pain_va:500.000'::pain_score;
SELECT count(*) AS values_checked,
       count(*) FILTER (WHERE s::text::pain_score = s) AS round_trips
FROM pain_instruments() i,
     generate_series(0, (i.max * 1000)::int, 37) AS v,
     LATERAL pain_score(i.name, v / 1000.0) AS s;

-- malformed input: 22P02 with the input quoted; the detail says what is
-- wrong, the hint what is accepted
SELECT ''::pain_score;
SELECT 'NRS 7 mm'::pain_score;
SELECT 'nrs:7.1234'::pain_score;
SELECT '7/100 NRS'::pain_score;
SELECT repeat('7', 100000)::pain_score;
SELECT left(t.input, 30) AS input, r.state, r.result AS message, ps_detail(t.input) AS detail
FROM (VALUES (''), ('   '), (E'\t\n'), ('7'), ('7.5'), ('7/10'), ('45 mm'),
  ('nrs'), ('nrs:'), (':7'), ('nrs::7'), ('nrs:7:8'), ('nrs:7 8'), ('nrs 7 8'),
  ('nrs:7, vas:40'), ('nrs:7 vas:40'), ('nrs 7 vas'), ('7 8 nrs'),
  ('foo:7'), ('pain:7'), ('WOMAC 12'), ('koos:50'), ('BPI 5'), ('nrs7'),
  ('nrs:NaN'), ('NRS NaN'), ('nrs:Infinity'), ('vas:-Infinity'), ('vas inf'),
  ('nrs:-1'), ('nrs:-0'), ('nrs -7'), ('-7 nrs'), ('nrs:+7'),
  ('nrs:7e0'), ('nrs:7E+0'), ('vas:4.5e1'), ('nrs:0x7'), ('vas:1,000'),
  ('vas:45,5'), ('nrs:7.1234'), ('nrs:0.0005'), ('vas:45.5555'),
  ('VAS 4.55555 cm'), ('nrs:7.00000000000000000001'), ('nrs:.'), ('nrs:7..5'),
  ('nrs:7.5.1'), ('NRS 7 mm'), ('NRS 7 cm'), ('NRS 7%'), ('VAS 45 kg'),
  ('VAS 45 points'), ('ODI 38 mm'), ('KOOS pain 75%'), ('45 kg VAS'),
  ('7/100 NRS'), ('NRS 7/'), ('45/10 VAS'), ('VAS 4.5/100 cm'), ('7/10/10 NRS'),
  ('nrs:seven'), ('nrs:(7)'), ('nrs:"7"'), ('nrs:7;'), ('nrs:½'), ('nrs:٧'),
  (E'nrs:7\x01'), (E'\x1b[31mnrs:7'), (E'nrs:7\x7f'),
  (repeat('nrs:7 ', 30)), ('null')
) AS t(input), try_input(t.input, 'pain_score') AS r;

-- out of range: 22003 naming the instrument and its range
SELECT 'nrs:11'::pain_score;
SELECT t.input, r.state, r.result
FROM (VALUES ('nrs:11'), ('nrs:10.001'), ('NRS 11/10'), ('vas:100.5'),
  ('VAS 10.5 cm'), ('VAS 45 cm'), ('womac_pain:21'), ('womac_stiffness:9'),
  ('womac_function:69'), ('womac_total:97'), ('womac_pain_va:501'),
  ('koos_pain:101'), ('ODI 101%'), ('rmdq:25'), ('bpi_severity:10.5'),
  ('pain_relief:5'), ('nrs:99999999999999999999999')
) AS t(input), try_input(t.input, 'pain_score') AS r;

-- pain_score(instrument, value)
SELECT pain_score('nrs', 7), pain_score('NRS', 7.50), pain_score('vas', 45.125),
       pain_score('Oswestry', 38), pain_score('numeric rating scale', 7.000000);
SELECT pain_score('nrs', 7.1234);
SELECT pain_score('WOMAC', 12);
SELECT t.expr, r.state, r.result
FROM (VALUES ($$pain_score('foo', 7)$$), ($$pain_score('', 7)$$),
  ($$pain_score('nrs', 'NaN')$$), ($$pain_score('nrs', 7.1234)$$),
  ($$pain_score('nrs', 0.0001)$$), ($$pain_score('nrs', 11)$$),
  ($$pain_score('nrs', -1)$$), ($$pain_score('nrs', -0.5)$$),
  ($$pain_score('nrs', 'Infinity')$$), ($$pain_score('nrs', '-Infinity')$$),
  ($$pain_score('nrs', 1e30)$$), ($$pain_score('vas', 100.001)$$),
  ($$pain_score('nrs', NULL)$$), ($$pain_score(NULL, 7)$$)
) AS t(expr), try_sql(t.expr) AS r;

-- instrument(), score(), severity()
SELECT s, instrument(s), score(s), pg_typeof(score(s)), severity(s)
FROM unnest('{nrs:0,nrs:7,nrs:10,vas:45.5,vas:45.125,womac_pain:12,womac_function:17,womac_pain_va:125,koos_pain:75,koos_qol:0,odi:38,rmdq:6,bpi_interference:3,lysholm:84,ikdc:100,patient_global:30,pain_relief:1}'::pain_score[]) AS s;

-- rescale(): only between nrs and vas, exactly
SELECT rescale('nrs:7', 'vas'), rescale('nrs:7.125', 'VAS'),
       rescale('vas:45', 'nrs'), rescale('vas:45.55', 'NPRS'),
       rescale('nrs:7', 'nrs'), rescale('womac_pain:12', 'womac pain');
SELECT rescale('vas:45.555', 'nrs');
SELECT rescale('odi:40', 'vas');
SELECT t.expr, r.state, r.result
FROM (VALUES ($$rescale('vas:45.555', 'nrs')$$), ($$rescale('vas:0.001', 'nrs')$$),
  ($$rescale('nrs:7', 'bpi_severity')$$), ($$rescale('womac_pain:12', 'koos_pain')$$),
  ($$rescale('nrs:7', 'foo')$$)
) AS t(expr), try_sql(t.expr) AS r;

-- the type modifier restricts a column to one instrument
SELECT 'nrs:7'::pain_score(nrs), 'NRS 7/10'::pain_score(nrs), '45 mm VAS'::pain_score(vas),
       'ODI 38%'::pain_score(oswestry);
SELECT 'vas:4'::pain_score(nrs);
SELECT 'odi:38'::pain_score(nrs);
SELECT 'vas:4'::pain_score::pain_score(nrs);
SELECT rescale('vas:45', 'nrs')::pain_score(nrs);
SELECT '{nrs:1,nrs:2}'::pain_score(nrs)[];
SELECT '{nrs:1,vas:2}'::pain_score(nrs)[];
SELECT format_type('pain_score'::regtype, t) FROM generate_series(1, 20) t;
SELECT t.typ, r.state, r.result
FROM (VALUES ('pain_score(foo)'), ('pain_score(nrs, vas)'), ('pain_score(7)'),
  ('pain_score(womac)'), ($$pain_score('')$$), ($$pain_score('numeric rating scale')$$),
  ('pain_score(vas)')
) AS t(typ), try_input('nrs:7', t.typ) AS r;
CREATE TABLE ps_typmod (id int, s pain_score(nrs), w pain_score("WOMAC pain"));
\d ps_typmod
INSERT INTO ps_typmod VALUES (1, 'nrs:7', 'womac_pain:12');
INSERT INTO ps_typmod VALUES (2, 'vas:45', NULL);
INSERT INTO ps_typmod VALUES (3, NULL, 'womac_stiffness:4');
INSERT INTO ps_typmod VALUES (4, pain_score('vas', 45), NULL);
INSERT INTO ps_typmod VALUES (5, rescale(pain_score('vas', 45), 'nrs'), NULL);
UPDATE ps_typmod SET s = 'vas:45' WHERE id = 1;
COPY ps_typmod FROM stdin;
6	NRS 3/10	WOMAC pain 4
7	8/10 NRS	\N
\.
COPY ps_typmod FROM stdin;
8	vas:30	\N
\.
SELECT * FROM ps_typmod ORDER BY id;
DROP TABLE ps_typmod;

-- ordering is total: by instrument (catalogue order), then value
SELECT s FROM unnest('{pain_relief:0,vas:45.5,nrs:10,vas:45.125,odi:38,nrs:0,womac_pain:12,koos_pain:75,vas:100,nrs:7.5}'::pain_score[]) s ORDER BY s;
SELECT 'nrs:10'::pain_score < 'vas:0' AS lt, 'nrs:7' = '7/10 NRS'::pain_score AS eq,
       'vas:45' <> 'VAS 4.5 cm'::pain_score AS ne, 'vas:45.501' > 'vas:45.5'::pain_score AS gt,
       'koos_pain:0' >= 'womac_total:96'::pain_score AS ge;

-- DISTINCT, GROUP BY, hash join, indexes
CREATE TABLE ps_t (id int, s pain_score);
INSERT INTO ps_t SELECT i, pain_score((array['nrs','vas','womac_pain','odi','koos_pain'])[1 + i % 5], (i % 7) + 0.5)
FROM generate_series(1, 1000) i;
SELECT s, count(*) FROM ps_t GROUP BY s ORDER BY s LIMIT 8;
SELECT count(DISTINCT s) FROM ps_t;
SELECT DISTINCT s FROM ps_t ORDER BY s DESC LIMIT 3;
SET enable_hashagg = off;
SELECT s, count(*) FROM ps_t GROUP BY s ORDER BY s LIMIT 8;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT s, count(*) FROM ps_t GROUP BY s;
RESET enable_sort;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ps_t a JOIN (SELECT DISTINCT s FROM ps_t) b ON a.s = b.s;
SELECT count(*) FROM ps_t a JOIN (SELECT DISTINCT s FROM ps_t) b ON a.s = b.s;
RESET enable_mergejoin; RESET enable_nestloop;
CREATE INDEX ps_t_btree ON ps_t (s);
CREATE INDEX ps_t_hash ON ps_t USING hash (s);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ps_t WHERE s > 'nrs:3' AND s <= 'vas:2.5';
SELECT count(*) FROM ps_t WHERE s > 'nrs:3' AND s <= 'vas:2.5';
DROP INDEX ps_t_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ps_t WHERE s = 'WOMAC pain 3.5';
SELECT count(*) FROM ps_t WHERE s = 'WOMAC pain 3.5';
RESET enable_seqscan; RESET enable_bitmapscan;
SELECT pain_score_hash('nrs:7') = pain_score_hash('7/10 NRS') AS same_hash,
       pain_score_hash('nrs:7')::bigint & 4294967295 = pain_score_hash_extended('nrs:7', 0) & 4294967295 AS low_half,
       pain_score_hash_extended('nrs:7', 0) <> pain_score_hash_extended('nrs:7', 1) AS seeded;

-- binary round trip through COPY
COPY ps_t TO '/tmp/msc_registry_pain_score.bin' (FORMAT binary);
CREATE TABLE ps_t2 (LIKE ps_t);
COPY ps_t2 FROM '/tmp/msc_registry_pain_score.bin' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE a.s = b.s) AS equal
FROM ps_t a JOIN ps_t2 b USING (id);
SELECT pain_score_send('vas:45.5'), pain_score_send('pain_relief:4');

-- binary input is validated: feed crafted bytes through a bytea column
CREATE TABLE ps_raw (b bytea);
CREATE TABLE ps_bin (s pain_score);
CREATE TABLE ps_bin_nrs (s pain_score(nrs));
CREATE FUNCTION ps_recv(bytes bytea, target text DEFAULT 'ps_bin') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE msg text; st text;
BEGIN
  DELETE FROM ps_raw;
  INSERT INTO ps_raw VALUES (bytes);
  COPY ps_raw TO '/tmp/msc_registry_pain_score_raw.bin' (FORMAT binary);
  EXECUTE format('DELETE FROM %I', target);
  EXECUTE format('COPY %I FROM %L (FORMAT binary)', target, '/tmp/msc_registry_pain_score_raw.bin');
  EXECUTE format('SELECT s::text FROM %I', target) INTO msg;
  RETURN 'ok: ' || msg;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
  RETURN st || ': ' || msg;
END $$;
SELECT b AS bytes, ps_recv(b) AS result FROM (VALUES
  ('\x01010000'::bytea || '\x1b58'::bytea), ('\x01020000b1bc'), ('\x011400000fa0'),
  ('\x020100001b58'), ('\x000100001b58'), ('\x01000000000a'), ('\x01150000000a'),
  ('\x01ff0000000a'), ('\x010100002711'), ('\x0101ffffffff'), ('\x01010000'),
  ('\x0101'), ('\x01'), ('\x'), ('\x010100001b5800')
) AS t(b);
SELECT ps_recv('\x010100001b58', 'ps_bin_nrs'), ps_recv('\x01020000b1bc', 'ps_bin_nrs');
DROP FUNCTION ps_recv(bytea, text);
DROP TABLE ps_t, ps_t2, ps_raw, ps_bin, ps_bin_nrs;
DROP FUNCTION ps_detail(text, text);
