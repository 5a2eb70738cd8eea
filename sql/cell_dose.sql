-- cell_dose: accepted spellings, malformed input, functions, ordering,
-- hashing, indexes and binary round trip.
\set VERBOSITY default

-- every accepted spelling parses to its canonical value
SELECT v AS input, v::cell_dose AS dose FROM (VALUES
  ('5e7'), ('5E+07'), ('5e+7'), ('50e6'), ('0.5e8'), ('.5e8'), ('5.e7'),
  ('+5e7'), ('500000000e-1'), ('10e8'),
  ('5x10^7 cells'), ('5 x 10^7'), ('5 X 10 ^ 7'), ('5 × 10^7'), ('5×10^7'),
  ('5*10^7'), ('5·10^7'), ('5 ⋅ 10^7'), ('5x10^+7'), ('500 x 10^5'),
  ('5000 x 10^-2'), ('5 × 10⁷'), ('1.2×10¹²'), ('5000×10⁻²'),
  ('10^8'), ('10 ^ 8 cells'), ('10⁸'), ('10^0'),
  ('50 million'), ('50 Million cells'), ('50M'), ('50m'), ('50 M cells'),
  ('1.5 billion'), ('1.5B'), ('1.5 bn'), ('2.5 thousand'), ('2.5k'),
  ('1 trillion'), ('0.5 million'), ('5 millions'), ('1.5 billions'),
  ('50 mln'), ('50 mln. cells'), ('50 Mio'), ('50 Mio. MSCs'), ('5∗10^7'),
  ('100000000'), ('100,000,000'), ('1,000'), ('12,345,678 cells'),
  ('1,500 million'), ('1,000,000.0'), ('1'), ('007'),
  ('5e7 cell'), ('5e7 MSCs'), ('5e7 msc'), ('5e7 viable cells'),
  ('50 million viable MSCs'), (E'  5e7\tcells \n'), (' 5 × 10^7 '),
  ('1.5e6 cells/kg'), ('2 million cells/kg'), ('2 x 10^6/kg'),
  ('2e6 cells per kg'), ('2e6 cells/kg body weight'), ('2e6 cells / kg'),
  ('2E6 CELLS/KG'), ('2e6/kg'), ('2e6 per kilogram'), ('2e6 MSCs/kg bw'),
  ('2e6 cells/kg bodyweight'), ('2e6 cells per kg of body weight'),
  ('1.5 cells/kg'), ('1e13/kg'), ('1.00000000000000001 cells/kg'),
  ('999999999999999'), ('1e15'), ('1,000,000,000,000,000')
) AS t(v);

-- output re-parses to an equal value (and identical bytes)
SELECT count(*) AS doses,
       count(*) FILTER (WHERE d::text::cell_dose = d) AS round_trips,
       count(*) FILTER (WHERE cell_dose_send(d::text::cell_dose) = cell_dose_send(d)) AS same_bytes
FROM (SELECT (m || 'e' || e || CASE WHEN k THEN '/kg' ELSE '' END)::cell_dose AS d
      FROM unnest('{1,15,123,999999999999999,123456789012345678}'::bigint[]) m,
           generate_series(-17, 15) e, (VALUES (false), (true)) AS kk(k)
      WHERE (try_input(m || 'e' || e || CASE WHEN k THEN '/kg' ELSE '' END, 'cell_dose')).state = '00000') s;

-- malformed input: 22P02, the message quotes the input (control characters
-- escaped, long input cut), the hint shows the accepted forms
SELECT ''::cell_dose;
SELECT E'5e7\x01'::cell_dose;
SELECT '5x10e7'::cell_dose;
SELECT repeat('5', 100000)::cell_dose;
SELECT r.*
FROM (VALUES (''), ('   '), (E'\t\n'), (E'5e7\x01'), (E'\x1b[1m5e7'),
  (repeat('5', 100000)), ('NaN'), ('Infinity'), ('-Infinity'), ('inf'),
  ('5e7 mL'), ('5e7 cells/g'), ('5e7 cells/knee'), ('5e7 cells per'),
  ('5 x 10^'), ('5 x 10'), ('5 x 100^7'), ('5 x 10^7.5'), ('5 x ^7'),
  ('5x10e7'), ('x10^7'), ('10^'), ('2^10'), ('5e'), ('5e+'), ('5 e7'),
  ('5e7.5'), ('5e7 5e7'), ('5e7 cells/kg/kg'), ('5e7 cells cells'),
  ('two million'), ('million'), ('cells'), ('5 million million'),
  ('5e7 million'), ('5 mln mln'), ('50Mcells'), ('0x1A'), ('0x10'),
  ('--5e7'), ('+-5e7'), ('- 5e7'), ('5e7%'), ('~5e7'), ('5e7 ± 1e6'),
  ('5-10 million'), ('1,5 million'), ('1,50,00,000'), ('1000,000'),
  ('0,500'), ('1.000.000'), ('100 000 000'), ('.'), ('viable'),
  ('5e7 viable'), ('5e7 cells/kg body'), ('５e7'),
  ('123456789.0123456789/kg'), ('1.000000000000000001 cells/kg')
) AS t(input), try_input(t.input, 'cell_dose') AS r;

-- out of range: 22003 (zero, negative, below one, fractional absolute,
-- more cells than a plausible dose, exponent beyond range)
SELECT '0'::cell_dose;
SELECT '1.5 cells'::cell_dose;
SELECT '5e16'::cell_dose;
SELECT r.*
FROM (VALUES ('0'), ('0e7'), ('0 cells/kg'), ('0.000'), ('-0'), ('-5e7'),
  ('−5e7'), ('-1.5e6 cells/kg'), ('0.5'), ('0.5 cells/kg'), ('5 x 10^-1'),
  ('1.5 cells'), ('1.2345e3'), ('1.2345k'), ('1.0000001e6'), ('1.1e15'),
  ('2e15'), ('1e16'), ('10^16'), ('1.1e13 cells/kg'), ('1e14/kg'),
  ('5e400'), ('5e-400'), ('5e99999999999999999999999'),
  ('5 x 10^99999999999999999999'), ('1234567890123456789'),
  ('123456789012345678901234567890')
) AS t(input), try_input(t.input, 'cell_dose') AS r;

-- functions
SELECT d, cells(d), per_kg(d), is_per_kg(d),
       total_cells(d, 70) AS at_70kg, total_cells(d, 62.5) AS at_62_5kg
FROM unnest('{5e7, 1.5e6 cells/kg, 1e15, 1.00000000000000001 cells/kg, 1, 1e13/kg, 123456789012345678e-5/kg}'::cell_dose[]) d;
SELECT pg_typeof(cells('5e7')), cells('5e7') = 50000000 AS exact,
       per_kg('1.5e6/kg') = 1500000 AS exact_per_kg;
SELECT cells(NULL::cell_dose), total_cells(NULL, 70), total_cells('5e7', NULL);
SELECT total_cells('2e6 cells/kg', 0);
SELECT r.*
FROM (VALUES ('total_cells(''2e6/kg'', 0)'), ('total_cells(''2e6/kg'', -70)'),
  ('total_cells(''2e6/kg'', 700.0001)'), ('total_cells(''2e6/kg'', ''NaN'')'),
  ('total_cells(''2e6/kg'', ''Infinity'')'), ('total_cells(''5e7'', 0)'),
  ('total_cells(''2e6/kg'', 700)'), ('total_cells(''2e6/kg'', 0.001)')
) AS t(expr), try_sql(t.expr) AS r;
SELECT cell_dose(5e7), cell_dose(50000000), cell_dose(1.5e6, true),
       cell_dose(1.5e6, per_kg => true), cell_dose(1.50, true),
       cell_dose(1000000000000000);
SELECT cell_dose(0);
SELECT cell_dose('NaN'::numeric);
SELECT r.*
FROM (VALUES ('cell_dose(0)'), ('cell_dose(-5e7)'), ('cell_dose(1.5)'),
  ('cell_dose(0.5, true)'), ('cell_dose(''NaN''::numeric)'), ('cell_dose(''Infinity''::numeric)'),
  ('cell_dose(''-Infinity''::numeric)'), ('cell_dose(1e16)'), ('cell_dose(2e13, true)'),
  ('cell_dose(1.0000000000000000001, true)'), ('cell_dose(10::numeric ^ 1000)'),
  ('cell_dose(''50 million'')'), ('cell_dose(5e7, NULL)')
) AS t(expr), try_sql(t.expr) AS r;
SELECT cell_dose(cells('5e7')) = '5e7' AS cells_round_trip,
       cell_dose(per_kg('1.5e6/kg'), true) = '1.5e6/kg' AS per_kg_round_trip;

-- ordering: absolute doses first, then per kg, each by exact value
SELECT d FROM unnest('{1e6/kg, 5e7, 99999999, 1e8, 1, 1e15, 1.05e6, 1.5e6, 2e6/kg, 1/kg, 1.00000000000000001/kg, 1500001, 15e5, 1e13/kg}'::cell_dose[]) d
ORDER BY d;
SELECT '5e7'::cell_dose = '50 million' AS eq, '5e7'::cell_dose = '5e7/kg' AS eq_kg,
       '9e7'::cell_dose < '1e8' AS lt, '1e15'::cell_dose < '1/kg' AS abs_before_kg,
       '1.5e6'::cell_dose > '1.05e6' AS gt, '1e8'::cell_dose >= '100 million' AS ge,
       '2e6/kg'::cell_dose <> '2e6' AS ne, '15e5'::cell_dose <= '1500001' AS le;
SELECT cell_dose_cmp('5e7', '6e7'), cell_dose_cmp('6e7', '5e7'), cell_dose_cmp('5e7', '50M'),
       cell_dose_hash('5e7') = cell_dose_hash('50 million') AS same_hash,
       cell_dose_hash_extended('5e7', 7) = cell_dose_hash_extended('50e6', 7) AS same_hash_ext,
       cell_dose_hash('5e7') = (cell_dose_hash_extended('5e7', 0) & 4294967295)::int4 AS low_half;

-- DISTINCT, GROUP BY, hash join, indexes
CREATE TABLE dose_t (id int, d cell_dose);
INSERT INTO dose_t SELECT i, (array['5e7','50 million','1e8 cells','1.5e6 cells/kg','2 x 10^6/kg','1,000,000'])[1 + i % 6]::cell_dose
FROM generate_series(1, 1200) i;
SELECT d, count(*) FROM dose_t GROUP BY d ORDER BY d;
SELECT DISTINCT d FROM dose_t ORDER BY d DESC;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dose_t a JOIN (SELECT DISTINCT d FROM dose_t) b ON a.d = b.d;
SELECT count(*) FROM dose_t a JOIN (SELECT DISTINCT d FROM dose_t) b ON a.d = b.d;
RESET enable_mergejoin; RESET enable_nestloop;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT d, count(*) FROM dose_t GROUP BY d;
SELECT d, count(*) FROM dose_t GROUP BY d ORDER BY d;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT d, count(*) FROM dose_t GROUP BY d;
SELECT d, count(*) FROM dose_t GROUP BY d ORDER BY d;
RESET enable_sort;
CREATE INDEX dose_t_btree ON dose_t (d);
CREATE INDEX dose_t_hash ON dose_t USING hash (d);
ANALYZE dose_t;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dose_t WHERE d = '1.5e6 cells/kg';
SELECT count(*) FROM dose_t WHERE d = '1.5e6 cells/kg';
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dose_t WHERE d > '1e6' AND d <= '1e8';
SELECT count(*) FROM dose_t WHERE d > '1e6' AND d <= '1e8';
RESET enable_bitmapscan;
DROP INDEX dose_t_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dose_t WHERE d = '50M';
SELECT count(*) FROM dose_t WHERE d = '50M';
RESET enable_seqscan;

-- binary round trip through COPY
COPY dose_t TO '/tmp/msc_registry_cell_dose.bin' (FORMAT binary);
CREATE TABLE dose_t2 (LIKE dose_t);
COPY dose_t2 FROM '/tmp/msc_registry_cell_dose.bin' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE a.d = b.d) AS equal
FROM dose_t a JOIN dose_t2 b USING (id);
SELECT cell_dose_send('5e7'), cell_dose_send('1.5e6 cells/kg');

-- binary input is checked: wrong version, unknown flags, non-canonical
-- mantissa, out-of-range and fractional absolute values are refused.
-- try_recv() writes the bytes as a bytea field of a binary COPY file and
-- reads that file back into a cell_dose column.
CREATE TABLE recv_src (b bytea);
CREATE TABLE recv_dst (d cell_dose);
CREATE FUNCTION try_recv(bytes bytea, OUT state text, OUT result text)
LANGUAGE plpgsql AS $$
DECLARE
  detail text;
BEGIN
  TRUNCATE recv_src, recv_dst;
  INSERT INTO recv_src VALUES (bytes);
  COPY recv_src TO '/tmp/msc_registry_cell_dose_recv.bin' (FORMAT binary);
  COPY recv_dst FROM '/tmp/msc_registry_cell_dose_recv.bin' (FORMAT binary);
  SELECT d::text INTO result FROM recv_dst;
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, result = MESSAGE_TEXT,
    detail = PG_EXCEPTION_DETAIL;
  result := result || coalesce(nullif(': ' || detail, ': '), '');
END $$;
-- bin(version, flags, mantissa, exponent) builds the binary form
CREATE FUNCTION bin(int, int, bigint, int) RETURNS bytea LANGUAGE sql AS
  $$ SELECT decode(lpad(to_hex($1), 2, '0') || lpad(to_hex($2), 2, '0'), 'hex')
            || int8send($3) || int2send($4::int2) $$;
SELECT t.what, r.*
FROM (VALUES
  ('5e7', bin(1, 0, 5, 7)),
  ('1.5e6/kg', bin(1, 1, 15, 5)),
  ('1e15', bin(1, 0, 1, 15)),
  ('1.00000000000000001/kg', bin(1, 1, 100000000000000001, -17)),
  ('version 0', bin(0, 0, 5, 7)),
  ('version 2', bin(2, 0, 5, 7)),
  ('flags 2', bin(1, 2, 5, 7)),
  ('flags 255', bin(1, 255, 5, 7)),
  ('mantissa 50', bin(1, 0, 50, 6)),
  ('mantissa 0', bin(1, 0, 0, 7)),
  ('mantissa -5', bin(1, 0, -5, 7)),
  ('19 digits', bin(1, 1, 1234567890123456789, -10)),
  ('5e15', bin(1, 0, 5, 15)),
  ('2e13/kg', bin(1, 1, 2, 13)),
  ('1.5 absolute', bin(1, 0, 15, -1)),
  ('0.5/kg', bin(1, 1, 5, -1)),
  ('exponent 32767', bin(1, 0, 5, 32767)),
  ('exponent -32768', bin(1, 1, 5, -32768)),
  ('too short', '\x0100000000000005'::bytea),
  ('empty', '\x'),
  ('trailing byte', bin(1, 0, 5, 7) || '\x00'::bytea)
) AS t(what, bytes), try_recv(t.bytes) AS r;
DROP FUNCTION bin(int, int, bigint, int);
DROP FUNCTION try_recv(bytea);
DROP TABLE dose_t, dose_t2, recv_src, recv_dst;
