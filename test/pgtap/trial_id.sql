-- pgTAP tests of the trial_id type: accepted spellings, registry(), url(),
-- malformed input by class, trial_ids_in(), ordering and catalogue objects.
BEGIN;
SELECT plan(147);

-- objects
SELECT has_type('trial_id');
SELECT has_function('registry', ARRAY['trial_id']);
SELECT has_function('url', ARRAY['trial_id']);
SELECT has_function('trial_ids_in', ARRAY['text']);
SELECT has_function('trial_registries', ARRAY[]::text[]);
SELECT function_returns('trial_ids_in', ARRAY['text'], 'trial_id[]');
SELECT volatility_is('registry', ARRAY['trial_id'], 'immutable');
SELECT volatility_is('url', ARRAY['trial_id'], 'immutable');
SELECT volatility_is('trial_ids_in', ARRAY['text'], 'immutable');
SELECT is_strict('trial_ids_in', ARRAY['text']);
SELECT has_opclass('trial_id_ops');
SELECT has_opclass('trial_id_hash_ops');
SELECT is(
    (SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
     JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'msc_registry'
     WHERE (p.proname LIKE 'trial\_id%' OR p.proname IN ('trial_ids_in', 'trial_registries'))
       AND obj_description(p.oid, 'pg_proc') IS NULL),
    0, 'every trial_id function has a comment');
SELECT is(
    (SELECT count(*)::int FROM pg_proc
     WHERE (proname LIKE 'trial\_id%' OR proname IN ('trial_ids_in', 'trial_registries'))
       AND proparallel <> 's'),
    0, 'every trial_id function is parallel safe');

-- accepted spellings -> canonical text and registry
SELECT is(v::trial_id::text, canon, format('%s -> %s', replace(replace(v, E'\n', '\n'), E'\t', '\t'), canon))
FROM (VALUES
  ('NCT01234567', 'NCT01234567'), ('nct01234567', 'NCT01234567'),
  ('NCT 01234567', 'NCT01234567'), ('NCT-01234567', 'NCT01234567'),
  (E' \tNCT01234567\n', 'NCT01234567'),
  ('2004-000123-45', '2004-000123-45'), ('EudraCT 2004-000123-45', '2004-000123-45'),
  ('EudraCT: 2004-000123-45', '2004-000123-45'), ('EUCTR2015-003324-32', '2015-003324-32'),
  ('2023-501234-12-00', '2023-501234-12-00'), ('CTIS2022-500024-30-00', '2022-500024-30-00'),
  ('isrctn 12345678', 'ISRCTN12345678'),
  ('chictr2000012345', 'ChiCTR2000012345'), ('chictr-trc-12001933', 'ChiCTR-TRC-12001933'),
  ('ACTRN 12615000123456', 'ACTRN12615000123456'),
  ('ctri/2008/091/000007', 'CTRI/2008/091/000007'),
  ('JRCTS031180001', 'jRCTs031180001'), ('JPRN-jRCT2031200123', 'jRCT2031200123'),
  ('drks-00012345', 'DRKS00012345'), ('u1111-1131-4384', 'U1111-1131-4384'),
  ('kct0001234', 'KCT0001234'), ('irct20180123038465n2', 'IRCT20180123038465N2'),
  ('PACTR 2010020001429343', 'PACTR2010020001429343'), ('tctr20110000022', 'TCTR20110000022'),
  ('JPRN-UMIN000012345', 'UMIN000012345'), ('rpcec00000139', 'RPCEC00000139'),
  ('slctr/2010/008', 'SLCTR/2010/008'), ('lbctr2019020191', 'LBCTR2019020191')
) AS t(v, canon);

SELECT is(registry(v::trial_id), reg, format('registry(%s) = %s', v, reg))
FROM (VALUES
  ('NCT01234567', 'ClinicalTrials.gov'), ('2004-000123-45', 'EudraCT'),
  ('2023-501234-12-00', 'EU CTIS'), ('ISRCTN12345678', 'ISRCTN'),
  ('ChiCTR-TRC-12001933', 'ChiCTR'), ('ACTRN12615000123456', 'ANZCTR'),
  ('CTRI/2017/03/007983', 'CTRI'), ('jRCTs031180001', 'jRCT'), ('DRKS00012345', 'DRKS'),
  ('U1111-1234-5678', 'WHO UTN'), ('KCT0001234', 'CRiS'),
  ('IRCT20180123038465N2', 'IRCT'), ('PACTR201509001234567', 'PACTR'),
  ('TCTR20180320001', 'TCTR'), ('UMIN000012345', 'UMIN-CTR'),
  ('RPCEC00000123', 'RPCEC'), ('SLCTR/2018/012', 'SLCTR'), ('LBCTR2019012345', 'LBCTR')
) AS t(v, reg);

SELECT is(url(v::trial_id), u, format('url(%s)', v))
FROM (VALUES
  ('NCT01234567', 'https://clinicaltrials.gov/study/NCT01234567'),
  ('2004-000123-45', 'https://www.clinicaltrialsregister.eu/ctr-search/search?query=2004-000123-45'),
  ('2023-501234-12-00', 'https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=2023-501234-12-00'),
  ('ISRCTN12345678', 'https://www.isrctn.com/ISRCTN12345678'),
  ('ACTRN12615000123456', 'https://www.anzctr.org.au/ACTRN12615000123456.aspx'),
  ('DRKS00012345', 'https://drks.de/search/en/trial/DRKS00012345'),
  ('ChiCTR2000012345', 'https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2000012345'),
  ('jRCTs031180001', 'https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-jRCTs031180001'),
  ('UMIN000012345', 'https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-UMIN000012345'),
  ('U1111-1234-5678', NULL)
) AS t(v, u);

-- every catalogue example is canonical and round-trips
SELECT is(example::text::trial_id, example, format('%s example %s round-trips', registry, example))
FROM trial_registries();

-- malformed input: 22P02 for every class
SELECT throws_ok(format('SELECT %L::trial_id', v), '22P02', NULL, format('rejects %s', d))
FROM (VALUES
  ('', 'the empty string'), ('   ', 'a blank string'), (E'NCT\x0101234567', 'a control character'),
  (repeat('x', 100000), 'a 100 kB string'), ('NaN', 'NaN'), ('Infinity', 'Infinity'),
  ('-1', '-1'), ('NCT1234567', 'NCT with 7 digits'), ('NCT012345678', 'NCT with 9 digits'),
  ('NCT0123456A', 'NCT with a letter'), ('NCT01234567 NCT07654321', 'two ids separated by a space'),
  ('NCT01234567,ISRCTN12345678', 'two ids separated by a comma'),
  ('see NCT01234567', 'an id with other text'), ('xNCT01234567', 'an id glued to a letter'),
  ('2003-000123-45', 'EudraCT before 2004'), ('2004-00123-45', 'EudraCT with a short serial'),
  ('2004-000123-4', 'EudraCT with one check digit'), ('2023-503456-12', 'the front of an EU CT number'),
  ('2023-403456-12-00', 'an EU CT number whose serial does not begin with 5'),
  ('2021-503456-12-00', 'an EU CT number before 2022'), ('ISRCTN1234567', 'ISRCTN with 7 digits'),
  ('ChiCTR-TR-12001933', 'ChiCTR with a 2-letter code'), ('ACTRN1261500012345', 'ACTRN with 13 digits'),
  ('CTRI/2006/091/000007', 'CTRI before 2007'), ('jRCTs0311800012', 'jRCT letter with 10 digits'),
  ('DRKS0001234', 'DRKS with 7 digits'), ('U1111-123-4567', 'UTN with a short group'),
  ('U2222-1234-5678', 'UTN not beginning U1111'), ('IRCT20180123038465', 'IRCT without N'),
  ('UMIN00012345', 'UMIN with 8 digits'), ('KCT000123', 'KCT with 6 digits'),
  ('PACTR20150900123456', 'PACTR with 14 digits')
) AS t(v, d);

-- the message quotes the input; the detail names the registry aimed at
SELECT throws_ok($$SELECT 'NCT1234567'::trial_id$$, '22P02',
    'invalid input syntax for type trial_id: "NCT1234567"', 'message quotes the input');
SELECT throws_like($$SELECT repeat('N', 100000)::trial_id$$,
    'invalid input syntax for type trial_id: "NNN%..."', 'a long input is cut in the message');
CREATE FUNCTION pg_temp.detail_of(input text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
  PERFORM input::trial_id;
  RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
  RETURN d;
END $$;
SELECT is(pg_temp.detail_of('NCT1234567'),
    'ClinicalTrials.gov identifiers are NCT followed by 8 digits, e.g. NCT01234567.',
    'detail for NCT with 7 digits');
SELECT is(pg_temp.detail_of('ACTRN1261500012345'),
    'ANZCTR identifiers are ACTRN followed by 14 digits, e.g. ACTRN12615000123456.',
    'detail for ACTRN with 13 digits');
SELECT matches(pg_temp.detail_of('NCT01234567,ISRCTN12345678'),
    '^The input holds 2 identifiers \(NCT01234567, ISRCTN12345678\)', 'detail for two ids');
SELECT matches(pg_temp.detail_of('2023-503456-12'), 'EU CT number, which has four parts',
    'detail for the front of an EU CT number');

-- trial_ids_in()
SELECT is(trial_ids_in(t), want::trial_id[], format('trial_ids_in(%L)', t))
FROM (VALUES
  ('Registered as NCT01234567 and ISRCTN12345678.', '{NCT01234567,ISRCTN12345678}'),
  ('NCT07654321 then nct 01234567, then NCT-07654321 again', '{NCT07654321,NCT01234567}'),
  ('2023-503456-12-00', '{2023-503456-12-00}'),
  ('EudraCT 2023-503456-12 is no EudraCT number', '{}'),
  ('EUCTR2004-000123-45-GB', '{2004-000123-45}'),
  ('NCT012345678 xNCT01234567 NCT01234567x', '{}'),
  ('ACTRN1261500012345', '{}'),
  ('JPRN-jRCTs031180001, UMIN000012345 (JPRN-UMIN000012345)', '{jRCTs031180001,UMIN000012345}'),
  ('ChiCTR-TRC-12001933; CTRI/2020/01/023001; U1111-1131-4384', '{ChiCTR-TRC-12001933,CTRI/2020/01/023001,U1111-1131-4384}'),
  ('nothing to see', '{}'),
  ('', '{}')
) AS v(t, want);
SELECT is(trial_ids_in(NULL), NULL, 'trial_ids_in(NULL) is NULL');

-- ordering, equality and hashing
SELECT ok('NCT01234567'::trial_id < 'NCT07654321', 'NCT01234567 < NCT07654321');
SELECT ok('2004-000123-45'::trial_id < 'ACTRN12615000123456', 'digits sort before letters');
SELECT ok('ChiCTR2000012345'::trial_id > 'CTRI/2017/03/007983', 'byte order: upper case before lower case');
SELECT ok('nct 01234567'::trial_id = 'NCT01234567', 'spellings of one id are equal');
SELECT is(trial_id_hash('nct 01234567'), trial_id_hash('NCT01234567'), 'equal ids hash alike');
SELECT is(trial_id_cmp('NCT01234567', 'NCT01234567'), 0, 'cmp of equal ids is 0');
SELECT is(trial_id_cmp('ISRCTN12345678', 'NCT01234567'), -1, 'cmp orders ISRCTN before NCT');

SELECT * FROM finish();
ROLLBACK;
