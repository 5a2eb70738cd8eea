-- trial_id: accepted spellings, malformed input, registry(), url(),
-- trial_ids_in(), ordering, hashing, indexes and binary round trip.
\set VERBOSITY default

-- like try_input(), but also shows the DETAIL of the error
CREATE FUNCTION try_trial_id(input text, OUT state text, OUT result text, OUT detail text)
LANGUAGE plpgsql AS $$
BEGIN
  result := input::trial_id::text;
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, result = MESSAGE_TEXT,
                          detail = PG_EXCEPTION_DETAIL;
END $$;

-- the registries, their formats and URLs
SELECT registry, example, format FROM trial_registries();
SELECT registry, url FROM trial_registries();

-- each example is canonical: it re-parses to itself, and registry() and
-- url() agree with the catalogue
SELECT count(*) AS examples,
       count(*) FILTER (WHERE example::text::trial_id = example) AS round_trip,
       count(*) FILTER (WHERE registry(example) = registry) AS registry_ok,
       count(*) FILTER (WHERE url(example) IS NOT DISTINCT FROM
                              replace(url, '{id}', regexp_replace(example::text, '^PMID:', ''))) AS url_ok
FROM trial_registries();

-- accepted spellings: any case, surrounding white space, a space or hyphen
-- after the letter prefix, a registry word before EudraCT / EU CT numbers,
-- the JPRN- prefix of the WHO portal before jRCT and UMIN numbers
SELECT v AS input, v::trial_id AS canonical, registry(v::trial_id) FROM (VALUES
  ('NCT01234567'), ('nct01234567'), ('NCT 01234567'), ('NCT-01234567'),
  (E'  Nct01234567\t\n'),
  ('2004-000123-45'), ('EudraCT 2004-000123-45'), ('EudraCT: 2004-000123-45'),
  ('eudract:2004-000123-45'), ('EUCTR2015-003324-32'),
  ('2023-501234-12-00'), ('EU CT 2023-501234-12-00'), ('CTIS2022-500024-30-00'),
  ('ISRCTN12345678'), ('isrctn 12345678'),
  ('ChiCTR2000012345'), ('chictr-2000012345'), ('ChiCTR-TRC-12001933'),
  ('chictr-ior-17011183'), ('ChiCTR-TTRCC-13003835'),
  ('ACTRN12615000123456'), ('actrn 12615000123456'),
  ('CTRI/2017/03/007983'), ('ctri/2008/091/000007'),
  ('jRCT2031200123'), ('JRCTS031180001'), ('jrctb030190001'), ('JPRN-jRCTs031180001'),
  ('DRKS00012345'), ('drks-00012345'),
  ('U1111-1131-4384'), ('u1111-1234-5678'),
  ('KCT0001234'), ('IRCT20180123038465N2'), ('irct138706211241n1'),
  ('PACTR201509001234567'), ('PACTR 2010020001429343'), ('TCTR20180320001'),
  ('UMIN000012345'), ('JPRN-UMIN000012345'), ('RPCEC00000123'),
  ('SLCTR/2018/012'), ('LBCTR2019012345')
) AS t(v);

-- malformed input: 22P02, the message quotes the input, the detail says
-- what is wrong where the input aims at one registry, the hint lists the
-- accepted formats
SELECT ''::trial_id;
SELECT 'NCT1234567'::trial_id;
SELECT 'NCT01234567 NCT07654321'::trial_id;
SELECT '2023-503456-12'::trial_id;
SELECT E'NCT\x0101234567'::trial_id;
SELECT repeat('NCT01234567', 10000)::trial_id;
SELECT r.*
FROM (VALUES (''), ('   '), (E'\t\n'), (E'NCT01234567\x7f'), (E'\x1b[31mNCT01234567'),
  (repeat('x', 100000)), ('NaN'), ('Infinity'), ('-1'), ('0'), ('null'),
  ('NCT'), ('NCT1234567'), ('NCT012345678'), ('NCT0123456A'), ('NCTABCDEFGH'),
  ('NCT--01234567'), ('NCT 0123 4567'), ('NCT01234567 NCT07654321'),
  ('NCT01234567,ISRCTN12345678'), ('NCT01234567; NCT01234567'),
  ('see NCT01234567'), ('NCT01234567.'), ('(NCT01234567)'), ('xNCT01234567'),
  ('NCT０1234567'),
  ('2003-000123-45'), ('2004-00123-45'), ('2004-000123-4'), ('04-000123-45'),
  ('2004/000123/45'), ('EudraCT'), ('EudraCT 2004'), ('2004-000123-45-01'),
  ('2023-403456-12-00'), ('2023-503456-12'), ('2021-503456-12-00'),
  ('2023-503456-12-0'), ('ISRCTN1234567'), ('ISCRTN12345678'),
  ('ChiCTR200001234'), ('ChiCTR-TR-12001933'), ('ChiCTR-TRC-1200193'),
  ('ACTRN1261500012345'), ('CTRI/2006/091/000007'), ('CTRI/2017/3/007983'),
  ('jRCTs0311800012'), ('jRCT203120012'), ('DRKS0001234'), ('U1111-123-4567'),
  ('U2222-1234-5678'), ('KCT000123'), ('IRCT20180123038465'),
  ('IRCT20180123038465N'), ('PACTR20150900123456'), ('TCTR2018032000'),
  ('UMIN00012345'), ('JPRN-C000000079'), ('SLCTR/2018/12'), ('LBCTR201901234')
) AS t(input), try_trial_id(t.input) AS r;
-- the shared helper shows the same
SELECT * FROM try_input('NCT 1234567', 'trial_id');

-- registry() and url()
SELECT v, registry(v), url(v)
FROM unnest('{NCT01234567,2004-000123-45,2023-501234-12-00,ISRCTN12345678,ACTRN12615000123456,DRKS00012345,U1111-1234-5678,jRCTs031180001,CTRI/2017/03/007983}'::trial_id[]) AS v;
SELECT registry(NULL::trial_id) IS NULL AS null_registry, url(NULL::trial_id) IS NULL AS null_url;

-- trials without registration: the PMID of their report, or a local id
SELECT v AS input, v::trial_id, registry(v::trial_id), url(v::trial_id)
FROM unnest('{"PMID: 31234567",pmid-7,LOCAL-SMITH2019,local smith-2019-knee}'::text[]) AS v;
SELECT * FROM try_input('PMID:031234567', 'trial_id');
SELECT * FROM try_input('LOCAL-SMITH_2019', 'trial_id');
-- sorted and compared as any trial_id; not found in free text (a PMID
-- cites a publication, it does not register a trial)
SELECT array_agg(v ORDER BY v) FROM unnest('{PMID:9,LOCAL-B,NCT01234567,LOCAL-A,PMID:10}'::trial_id[]) AS v;
SELECT trial_ids_in('Smith 2019 (PMID: 31234567), LOCAL-SMITH2019; see NCT01234567');

-- trial_ids_in(): every identifier of a text, in order of first mention,
-- each once, canonical; an empty array when there is none
SELECT t AS text, trial_ids_in(t) FROM (VALUES
  ('Registered at ClinicalTrials.gov (NCT01234567) and ISRCTN (ISRCTN12345678).'),
  ('NCT01234567, NCT07654321; nct 01234567 again, then NCT-07654321.'),
  ('EU CT number 2023-503456-12-00 (transitioned from EudraCT 2019-001234-56)'),
  ('2023-503456-12-00 alone is an EU CT number, never EudraCT 2023-503456-12'),
  ('EUCTR2004-000123-45-GB is the British record of EudraCT 2004-000123-45'),
  ('jRCT: JPRN-jRCTs031180001; UMIN: UMIN000012345; WHO UTN: U1111-1131-4384'),
  ('ChiCTR-TRC-12001933 and ChiCTR2000029308; CTRI/2020/01/023001.'),
  ('“NCT01234567” — DRKS00012345'),
  ('NCT012345678 has 9 digits, xNCT01234567 and NCT01234567x touch letters'),
  ('an ACTRN with 13 digits: ACTRN1261500012345'),
  ('no identifiers here'),
  ('')
) AS v(t);
SELECT trial_ids_in(NULL) IS NULL AS null_in_null_out;
SELECT trial_ids_in(repeat('NCT01234567 ', 100000)) AS repeated;
-- many distinct identifiers keep their order (and duplicates are dropped)
SELECT cardinality(ids) AS found,
       ids = (SELECT array_agg(format('NCT%s', lpad(i::text, 8, '0'))::trial_id ORDER BY i)
              FROM generate_series(1, 1000) i) AS in_order
FROM (SELECT trial_ids_in(string_agg(format('nct %s', lpad((1 + i % 1000)::text, 8, '0')), ' / ' ORDER BY i)) AS ids
      FROM generate_series(0, 2999) i) s;
SELECT pg_typeof(trial_ids_in('NCT01234567'));

-- output re-parses to an equal value; stored compactly
SELECT count(*) AS round_trips
FROM unnest(trial_ids_in('NCT01234567 2004-000123-45 2023-501234-12-00 ChiCTR-TRC-12001933 CTRI/2017/03/007983 jRCTs031180001 IRCT20180123038465N2')) v
WHERE v::text::trial_id = v;
SELECT pg_column_size('NCT01234567'::trial_id) AS datum_bytes;
CREATE TEMP TABLE tid_size AS SELECT 'NCT01234567'::trial_id AS t;
SELECT pg_column_size(t) AS stored_bytes FROM tid_size;
DROP TABLE tid_size;

-- ordering: byte order of the canonical text (digits, then upper case, then lower case)
SELECT v FROM unnest('{jRCTs031180001,NCT07654321,2004-000123-45,ISRCTN12345678,NCT01234567,2023-501234-12-00,ACTRN12615000123456,ChiCTR2000012345,CTRI/2017/03/007983,U1111-1234-5678}'::trial_id[]) v ORDER BY v;
SELECT 'NCT01234567'::trial_id < 'NCT07654321' AS lt,
       'nct 01234567'::trial_id = 'NCT01234567' AS eq,
       'NCT01234567'::trial_id <> 'ISRCTN12345678' AS ne,
       'NCT0123456'::text < 'NCT01234567'::text AS shorter_first,
       trial_id_cmp('ISRCTN12345678', 'NCT01234567') AS cmp;

-- DISTINCT, GROUP BY, hash join, indexes
CREATE TABLE tid_t (id int, t trial_id);
INSERT INTO tid_t SELECT i, (array['NCT01234567', 'ISRCTN12345678', '2004-000123-45',
    'ChiCTR-TRC-12001933', 'jRCTs031180001', 'DRKS00012345'])[1 + i % 6]::trial_id
FROM generate_series(1, 1200) i;
INSERT INTO tid_t SELECT 10000 + i, format('NCT%s', lpad(i::text, 8, '0'))::trial_id
FROM generate_series(1, 2000) i;
SELECT t, registry(t), count(*) FROM tid_t GROUP BY t HAVING count(*) > 1 ORDER BY t;
SELECT DISTINCT registry(t) FROM tid_t ORDER BY 1;
SELECT count(DISTINCT t) FROM tid_t;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM tid_t a JOIN (SELECT DISTINCT t FROM tid_t) b ON a.t = b.t;
SELECT count(*) FROM tid_t a JOIN (SELECT DISTINCT t FROM tid_t) b ON a.t = b.t;
RESET enable_mergejoin; RESET enable_nestloop;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT t, count(*) FROM tid_t GROUP BY t;
SELECT t, count(*) FROM tid_t GROUP BY t HAVING count(*) > 1 ORDER BY t;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT t, count(*) FROM tid_t GROUP BY t;
SELECT t, count(*) FROM tid_t GROUP BY t HAVING count(*) > 1 ORDER BY t;
RESET enable_sort;
CREATE INDEX tid_t_btree ON tid_t (t);
CREATE INDEX tid_t_hash ON tid_t USING hash (t);
ANALYZE tid_t;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM tid_t WHERE t = 'nct 00001234';
SELECT count(*) FROM tid_t WHERE t = 'nct 00001234';
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM tid_t WHERE t > 'NCT00000100' AND t <= 'NCT00000200';
SELECT count(*) FROM tid_t WHERE t > 'NCT00000100' AND t <= 'NCT00000200';
DROP INDEX tid_t_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM tid_t WHERE t = 'jRCTs031180001';
SELECT count(*) FROM tid_t WHERE t = 'jRCTs031180001';
RESET enable_seqscan; RESET enable_bitmapscan;
-- the 32-bit hash is the low half of the seed-0 extended hash
SELECT count(*) FILTER (WHERE trial_id_hash(t) = trial_id_hash_extended(t, 0)::bit(32)::int) AS low_half,
       count(*) FILTER (WHERE trial_id_hash_extended(t, 0) <> trial_id_hash_extended(t, 1)) AS seeded
FROM (SELECT DISTINCT t FROM tid_t) s;

-- binary round trip through COPY
COPY tid_t TO '/tmp/msc_registry_trial_id.bin' (FORMAT binary);
CREATE TABLE tid_t2 (LIKE tid_t);
COPY tid_t2 FROM '/tmp/msc_registry_trial_id.bin' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE a.t = b.t) AS equal
FROM tid_t a JOIN tid_t2 b USING (id);
SELECT trial_id_send('NCT01234567') AS wire;

-- binary input is checked: a bytea column has the same COPY layout, so its
-- bytes can be read back as trial_id
CREATE TABLE tid_wire (b bytea);
CREATE TABLE tid_back (t trial_id);
INSERT INTO tid_wire VALUES ('\x014e43543031323334353637');	-- 1 'NCT01234567'
COPY tid_wire TO '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
COPY tid_back FROM '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
SELECT t, registry(t) FROM tid_back;
TRUNCATE tid_wire;
INSERT INTO tid_wire VALUES ('\x024e43543031323334353637');	-- version 2
COPY tid_wire TO '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
COPY tid_back FROM '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
TRUNCATE tid_wire;
INSERT INTO tid_wire VALUES ('\x016e63743031323334353637');	-- 1 'nct01234567': not canonical
COPY tid_wire TO '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
COPY tid_back FROM '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
TRUNCATE tid_wire;
INSERT INTO tid_wire VALUES ('\x014e435430313233343536');	-- 1 'NCT0123456': 7 digits
COPY tid_wire TO '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
COPY tid_back FROM '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
TRUNCATE tid_wire;
INSERT INTO tid_wire VALUES ('\x01');	-- empty text
COPY tid_wire TO '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
COPY tid_back FROM '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
TRUNCATE tid_wire;
INSERT INTO tid_wire VALUES ('\x');	-- no version byte
COPY tid_wire TO '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
COPY tid_back FROM '/tmp/msc_registry_trial_id_wire.bin' (FORMAT binary);
SELECT count(*) AS rows_after_bad_input FROM tid_back;
DROP TABLE tid_t, tid_t2, tid_wire, tid_back;
DROP FUNCTION try_trial_id(text);
