-- Random values of every msc_registry type for test/lossless.sh.
-- Deterministic: setseed() before each table, random() in row order.
-- Each table is lossless_<case>(id int, v <type>, expect text): expect is
-- the canonical text the value must print as (NULL where the generator
-- builds the value through a constructor function and the output form is
-- checked by the round trip alone).  The table lossless_case lists the
-- tables, their type (with typmod) and how many distinct values the whole
-- value space has (NULL when it is too large to cover).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE TABLE lossless_case (tab text PRIMARY KEY, typ text NOT NULL, space bigint);

-- n random decimal digits (1 <= n <= 30)
CREATE FUNCTION pg_temp.digits(n int) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT substr(lpad(floor(random() * 1e10)::bigint::text, 10, '0')
             || lpad(floor(random() * 1e10)::bigint::text, 10, '0')
             || lpad(floor(random() * 1e10)::bigint::text, 10, '0'), 1, n)
$$;
-- n random upper-case ASCII letters
CREATE FUNCTION pg_temp.letters(n int) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(chr(65 + floor(random() * 26)::int), '') FROM generate_series(1, n)
$$;
-- a random integer in [lo, hi]
CREATE FUNCTION pg_temp.between(lo int, hi int) RETURNS int LANGUAGE sql VOLATILE AS $$
  SELECT lo + floor(random() * (hi - lo + 1))::int
$$;

-- ---- msc_source, msc_route: every value of the catalogue at random ----
SELECT setseed(0.11) \gset
CREATE TABLE lossless_msc_source AS
SELECT g AS id, c.s[1 + floor(random() * cardinality(c.s))::int] AS v, NULL::text AS expect
FROM (SELECT array_agg(canonical) AS s FROM msc_sources()) c, generate_series(1, 100000) g;
INSERT INTO lossless_case SELECT 'lossless_msc_source', 'msc_source', count(*) FROM msc_sources();

SELECT setseed(0.12) \gset
CREATE TABLE lossless_msc_route AS
SELECT g AS id, c.s[1 + floor(random() * cardinality(c.s))::int] AS v, NULL::text AS expect
FROM (SELECT array_agg(canonical) AS s FROM msc_routes()) c, generate_series(1, 100000) g;
INSERT INTO lossless_case SELECT 'lossless_msc_route', 'msc_route', count(*) FROM msc_routes();

-- ---- the two enums ----
SELECT setseed(0.13) \gset
CREATE TABLE lossless_msc_donor AS
SELECT g AS id, c.s[1 + floor(random() * cardinality(c.s))::int] AS v, NULL::text AS expect
FROM (SELECT enum_range(NULL::msc_donor) AS s) c, generate_series(1, 100000) g;
INSERT INTO lossless_case VALUES ('lossless_msc_donor', 'msc_donor', cardinality(enum_range(NULL::msc_donor)));

SELECT setseed(0.14) \gset
CREATE TABLE lossless_msc_manipulation AS
SELECT g AS id, c.s[1 + floor(random() * cardinality(c.s))::int] AS v, NULL::text AS expect
FROM (SELECT enum_range(NULL::msc_manipulation) AS s) c, generate_series(1, 100000) g;
INSERT INTO lossless_case VALUES ('lossless_msc_manipulation', 'msc_manipulation',
                                  cardinality(enum_range(NULL::msc_manipulation)));

-- ---- pain_score ----
-- A random instrument; the value is a boundary (min, max, min + 0.001,
-- max - 0.001: 20% of rows), a whole number (25%), one decimal (20%) or
-- any thousandth of the range (35%).  expect is instrument:value written
-- with the fewest decimals.
CREATE FUNCTION pg_temp.pain_value(lo numeric, hi numeric) RETURNS numeric LANGUAGE sql VOLATILE AS $$
  SELECT CASE
    WHEN k < 1 THEN lo WHEN k < 2 THEN hi WHEN k < 3 THEN lo + 0.001 WHEN k < 4 THEN hi - 0.001
    WHEN k < 9 THEN lo + floor(random() * (hi - lo + 1))
    WHEN k < 13 THEN round(lo + random()::numeric * (hi - lo), 1)
    ELSE lo + floor(random() * ((hi - lo) * 1000 + 1)) / 1000
  END
  FROM (SELECT floor(random() * 20) AS k) r
$$;
CREATE FUNCTION pg_temp.pain_text(name text, x numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT name || ':' || trim_scale(x)::text
$$;

SELECT setseed(0.15) \gset
CREATE TABLE lossless_pain_score (id int, v pain_score, expect text);
INSERT INTO lossless_pain_score
SELECT g, pain_score(i.name, x), pg_temp.pain_text(i.name, x)
FROM generate_series(1, 100000) g,
     LATERAL (SELECT 1 + floor(random() * 20)::int + 0 * g AS k) pick,
     LATERAL (SELECT name, min, max FROM pain_instruments() OFFSET pick.k - 1 LIMIT 1) i,
     LATERAL (SELECT pg_temp.pain_value(i.min, i.max) + 0 * g AS x) val;
INSERT INTO lossless_case SELECT 'lossless_pain_score', 'pain_score',
  sum((max - min) * 1000 + 1)::bigint FROM pain_instruments();

-- 100,000 values each in pain_score(vas) and pain_score(womac_pain_va)
-- columns (the widest ranges), and 5,000 in a column of every instrument
SELECT setseed(0.16) \gset
CREATE TABLE lossless_pain_score_vas (id int, v pain_score(vas), expect text);
INSERT INTO lossless_pain_score_vas
SELECT g, pain_score('vas', x), pg_temp.pain_text('vas', x)
FROM generate_series(1, 100000) g, LATERAL (SELECT pg_temp.pain_value(0, 100) + 0 * g AS x) val;
INSERT INTO lossless_case VALUES ('lossless_pain_score_vas', 'pain_score(vas)', 100001);

SELECT setseed(0.17) \gset
CREATE TABLE lossless_pain_score_womac_pain_va (id int, v pain_score(womac_pain_va), expect text);
INSERT INTO lossless_pain_score_womac_pain_va
SELECT g, pain_score('womac_pain_va', x), pg_temp.pain_text('womac_pain_va', x)
FROM generate_series(1, 100000) g, LATERAL (SELECT pg_temp.pain_value(0, 500) + 0 * g AS x) val;
INSERT INTO lossless_case VALUES ('lossless_pain_score_womac_pain_va', 'pain_score(womac_pain_va)', 500001);

SELECT setseed(0.18) \gset
DO $$
DECLARE i record;
BEGIN
  FOR i IN SELECT name, min, max FROM pain_instruments() LOOP
    IF i.name IN ('vas', 'womac_pain_va') THEN CONTINUE; END IF;
    EXECUTE format('CREATE TABLE %I (id int, v pain_score(%s), expect text)',
                   'lossless_pain_score_' || i.name, i.name);
    EXECUTE format('INSERT INTO %I SELECT g, pain_score(%L, x), pg_temp.pain_text(%L, x)
                    FROM generate_series(1, 5000) g, LATERAL (SELECT pg_temp.pain_value(%s, %s) + 0 * g AS x) val',
                   'lossless_pain_score_' || i.name, i.name, i.name, i.min, i.max);
    INSERT INTO lossless_case VALUES ('lossless_pain_score_' || i.name, format('pain_score(%s)', i.name),
                                      ((i.max - i.min) * 1000 + 1)::bigint);
  END LOOP;
END $$;

-- ---- cell_dose ----
-- Half absolute, half per kg.  A mantissa of k random significant digits
-- (1 to 15 for an absolute dose, a whole number of cells up to 1e15; 1 to
-- 18 per kg) times a random power of ten that keeps the value in range
-- (1 to 1e15 cells; 1 to 1e13 cells/kg, fractions allowed), and 5% of
-- boundary values.
CREATE FUNCTION pg_temp.dose(per_kg boolean) RETURNS numeric LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  k int := CASE WHEN per_kg THEN pg_temp.between(1, 18) ELSE pg_temp.between(1, 15) END;
  m numeric := 10::numeric ^ (k - 1) + (pg_temp.digits(18)::numeric % (9 * 10::numeric ^ (k - 1)));
  e int := CASE WHEN per_kg THEN pg_temp.between(-(k - 1), 13 - k) ELSE pg_temp.between(0, 15 - k) END;
BEGIN
  RETURN (m::text || 'e' || e)::numeric;   -- exact, whatever the sign of e
END $$;

-- the canonical text of a dose: the shortest mantissa d.ddd, e, the
-- exponent, then " cells" or " cells/kg" (x >= 1)
CREATE FUNCTION pg_temp.dose_text(x numeric, per_kg boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT left(d, 1) || CASE WHEN length(d) > 1 THEN '.' || substr(d, 2) ELSE '' END
         || 'e' || (length(i) - 1) || CASE WHEN per_kg THEN ' cells/kg' ELSE ' cells' END
  FROM (SELECT split_part(trim_scale(x)::text, '.', 1) AS i,
               rtrim(replace(trim_scale(x)::text, '.', ''), '0') AS d) p
$$;

SELECT setseed(0.19) \gset
CREATE TABLE lossless_cell_dose (id int, v cell_dose, expect text, x numeric, kg boolean);
INSERT INTO lossless_cell_dose
SELECT id, cell_dose(x, kg), pg_temp.dose_text(x, kg), x, kg
FROM (SELECT g AS id, CASE WHEN k < 5 THEN b.x ELSE pg_temp.dose(k % 2 = 0) END AS x,
             CASE WHEN k < 5 THEN b.kg ELSE k % 2 = 0 END AS kg
      FROM generate_series(1, 100000) g,
           LATERAL (SELECT floor(random() * 100)::int + 0 * g AS k) r,
           LATERAL (SELECT * FROM (VALUES
             (1::numeric, false), (1e15, false), (999999999999999, false), (123456789012345, false),
             (1, true), (1e13, true), (9999999999999.99999, true), (1.00000000000000001, true),
             (1234567890123.45678, true), (0.5e1, true)) AS bv(x, kg)
             OFFSET floor(random() * 10)::int + 0 * g LIMIT 1) b
      OFFSET 0) d;
INSERT INTO lossless_case VALUES ('lossless_cell_dose', 'cell_dose', NULL);

-- ---- trial_id: every format of every registry (and of unregistered trials), random digits ----
-- expect is the canonical spelling; the input is that spelling, its lower
-- or upper case, or with a registry word or blanks around it.
CREATE FUNCTION pg_temp.trial(k int) RETURNS text[] LANGUAGE sql VOLATILE AS $$
  SELECT CASE k
    WHEN 0 THEN ARRAY['ClinicalTrials.gov', 'NCT' || pg_temp.digits(8)]
    WHEN 1 THEN ARRAY['EudraCT', pg_temp.between(2004, 2099) || '-'
                      || (ARRAY['0','1','2','3','4','6','7','8','9'])[pg_temp.between(1, 9)] || pg_temp.digits(5)
                      || '-' || pg_temp.digits(2)]
    WHEN 2 THEN ARRAY['EU CTIS', pg_temp.between(2022, 2099) || '-5' || pg_temp.digits(5) || '-'
                      || pg_temp.digits(2) || '-' || pg_temp.digits(2)]
    WHEN 3 THEN ARRAY['ISRCTN', 'ISRCTN' || pg_temp.digits(8)]
    WHEN 4 THEN ARRAY['ChiCTR', 'ChiCTR' || pg_temp.digits(10)]
    WHEN 5 THEN ARRAY['ChiCTR', 'ChiCTR-' || pg_temp.letters(pg_temp.between(3, 5)) || '-' || pg_temp.digits(8)]
    WHEN 6 THEN ARRAY['ANZCTR', 'ACTRN' || pg_temp.digits(14)]
    WHEN 7 THEN ARRAY['CTRI', 'CTRI/' || pg_temp.between(2007, 2099) || '/' || pg_temp.digits(pg_temp.between(2, 3))
                      || '/' || pg_temp.digits(6)]
    WHEN 8 THEN ARRAY['jRCT', 'jRCT' || pg_temp.digits(10)]
    WHEN 9 THEN ARRAY['jRCT', 'jRCT' || lower(pg_temp.letters(1)) || pg_temp.digits(9)]
    WHEN 10 THEN ARRAY['DRKS', 'DRKS' || pg_temp.digits(8)]
    WHEN 11 THEN ARRAY['WHO UTN', 'U1111-' || pg_temp.digits(4) || '-' || pg_temp.digits(4)]
    WHEN 12 THEN ARRAY['CRiS', 'KCT' || pg_temp.digits(7)]
    WHEN 13 THEN ARRAY['IRCT', 'IRCT' || pg_temp.digits(pg_temp.between(11, 14)) || 'N' || pg_temp.digits(pg_temp.between(1, 3))]
    WHEN 14 THEN ARRAY['PACTR', 'PACTR' || pg_temp.digits(pg_temp.between(15, 16))]
    WHEN 15 THEN ARRAY['TCTR', 'TCTR' || pg_temp.digits(11)]
    WHEN 16 THEN ARRAY['UMIN-CTR', 'UMIN' || pg_temp.digits(9)]
    WHEN 17 THEN ARRAY['RPCEC', 'RPCEC' || pg_temp.digits(8)]
    WHEN 18 THEN ARRAY['SLCTR', 'SLCTR/' || pg_temp.between(2000, 2099) || '/' || pg_temp.digits(3)]
    WHEN 20 THEN ARRAY['PubMed', 'PMID:' || pg_temp.between(1, 9) || pg_temp.digits(pg_temp.between(0, 8))]
    WHEN 21 THEN ARRAY['local', 'LOCAL-' || pg_temp.letters(pg_temp.between(1, 10)) || '-' || pg_temp.digits(pg_temp.between(1, 13))]
    ELSE ARRAY['LBCTR', 'LBCTR' || pg_temp.digits(10)]
  END
$$;
CREATE FUNCTION pg_temp.spelling(canonical text, registry text, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE k
    WHEN 0 THEN lower(canonical)
    WHEN 1 THEN upper(canonical)
    WHEN 2 THEN '  ' || canonical || ' '
    WHEN 3 THEN CASE registry WHEN 'EudraCT' THEN 'EudraCT: ' || canonical
                              WHEN 'EU CTIS' THEN 'EU CT ' || canonical
                              WHEN 'jRCT' THEN 'JPRN-' || canonical
                              WHEN 'UMIN-CTR' THEN 'JPRN-' || canonical
                              ELSE canonical END
    ELSE canonical
  END
$$;

SELECT setseed(0.20) \gset
CREATE TABLE lossless_trial_id (id int, v trial_id, expect text, registry text, input text);
INSERT INTO lossless_trial_id
SELECT id, input::trial_id, expect, registry, input
FROM (SELECT g AS id, t[2] AS expect, t[1] AS registry, pg_temp.spelling(t[2], t[1], floor(random() * 8)::int) AS input
      FROM generate_series(1, 100000) g, LATERAL (SELECT pg_temp.trial(floor(random() * 22)::int + 0 * g) AS t) x
      OFFSET 0) d;
INSERT INTO lossless_case VALUES ('lossless_trial_id', 'trial_id', NULL);

ANALYZE;

-- The checks of one table (see test/lossless.sh), one row per check: its
-- name, the number of failures (0 = pass) and a detail for a failure.
-- The table <tab>_bin must hold the values of <tab> read back by binary
-- COPY.
CREATE FUNCTION lossless_check(t text) RETURNS TABLE (name text, bad bigint, detail text)
LANGUAGE plpgsql AS $f$
DECLARE
  typ text; space bigint; send text; base text;
  n bigint; d bigint; nulls bigint; inst bigint;
  lookup text; plan text; msg text;
BEGIN
  SELECT c.typ, c.space INTO typ, space FROM lossless_case c WHERE c.tab = t;
  SELECT ty.typsend::text, format_type(ty.oid, NULL) INTO send, base FROM pg_type ty WHERE ty.oid = typ::regtype;

  -- the generated values cover the value space
  EXECUTE format('SELECT count(*), count(DISTINCT v), count(*) - count(v) FROM %I', t) INTO n, d, nulls;
  name := format('%s: %s values of %s, %s distinct%s', t, n, typ, d, ' of ' || space || ' possible');
  bad := nulls + CASE WHEN space <= 1000 THEN (d <> space)::int ELSE (d * 4 < n)::int END;
  detail := format('%s NULL, %s distinct', nulls, d);
  RETURN NEXT;
  IF base = 'pain_score' THEN
    EXECUTE format('SELECT count(DISTINCT instrument(v)) FROM %I', t) INTO inst;
    EXECUTE format($$SELECT count(*) FROM pain_instruments() i
                     WHERE i.name IN (SELECT instrument(v) FROM %1$I)
                       AND (NOT EXISTS (SELECT FROM %1$I WHERE instrument(v) = i.name AND score(v) = i.min)
                            OR NOT EXISTS (SELECT FROM %1$I WHERE instrument(v) = i.name AND score(v) = i.max))$$, t)
      INTO bad;
    name := format('%s: the minimum and maximum of each of its %s instruments are among the values', t, inst);
    detail := bad || ' instruments lack a boundary value';
    RETURN NEXT;
  END IF;

  -- text out and in: same value, same text, same bytes, the canonical text
  EXECUTE format($$SELECT count(*), min(v::text || ' (expected ' || coalesce(expect, '-') || ')')
                   FROM (SELECT v, expect, (v::text)::%2$s AS w FROM %1$I) x
                   WHERE w IS DISTINCT FROM v OR w::text IS DISTINCT FROM v::text
                      OR %3$s(w) IS DISTINCT FROM %3$s(v)
                      OR (expect IS NOT NULL AND v::text IS DISTINCT FROM expect)$$, t, typ, send)
    INTO bad, detail;
  name := t || ': text round trip (same value, same text, same bytes, canonical text)';
  detail := bad || ' rows differ, e.g. ' || detail;
  RETURN NEXT;

  -- binary send and receive (COPY by the caller)
  EXECUTE format($$SELECT count(*), min(coalesce(a.v::text, '-') || ' / ' || coalesce(b.v::text, '-'))
                   FROM %1$I a FULL JOIN %2$I b ON a.id = b.id
                   WHERE a.id IS NULL OR b.id IS NULL OR a.v IS DISTINCT FROM b.v
                      OR a.v::text IS DISTINCT FROM b.v::text OR %3$s(a.v) IS DISTINCT FROM %3$s(b.v)$$,
                 t, t || '_bin', send)
    INTO bad, detail;
  name := t || ': binary COPY out and in: same values, text and bytes';
  detail := bad || ' rows differ, e.g. ' || detail;
  RETURN NEXT;

  -- index lookups: for each distinct value, an index lookup returns all the
  -- rows that hold it (linear work, even for a two-value enum)
  PERFORM set_config(s, 'off', true)
  FROM unnest(ARRAY['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin',
                    'enable_material', 'enable_memoize']) s;
  lookup := format($$SELECT count(*) FROM (SELECT v, count(*) AS n FROM %1$I GROUP BY v) g
                     WHERE g.n <> (SELECT count(*) FROM %1$I b WHERE b.v = g.v)$$, t);

  EXECUTE format('CREATE INDEX %I ON %I USING hash (v)', t || '_hash', t);
  SELECT string_agg(l, E'\n') INTO plan FROM (SELECT * FROM lossless_explain(lookup)) e(l);
  EXECUTE lookup INTO bad;
  name := t || ': hash index lookups of the distinct values find every row';
  IF position(format('Index Scan using %s_hash', t) IN plan) = 0 THEN
    bad := bad + 1; detail := 'the plan does not use the hash index: ' || plan;
  ELSE detail := bad || ' values not found with all their rows';
  END IF;
  RETURN NEXT;
  IF base NOT IN ('msc_donor', 'msc_manipulation') THEN   -- the enums hash with PostgreSQL's own functions
    EXECUTE format($$SELECT count(*) FROM %1$I
                     WHERE (%2$s_hash(v)::bigint & 4294967295) <> (%2$s_hash_extended(v, 0) & 4294967295)
                        OR %2$s_hash_extended(v, 0) = %2$s_hash_extended(v, 1)$$, t, base)
      INTO bad;
    name := format('%s: %s_hash is the low half of %2$s_hash_extended(v, 0), and the seed changes the hash', t, base);
    detail := bad || ' rows differ';
    RETURN NEXT;
  END IF;
  EXECUTE format('DROP INDEX %I', t || '_hash');

  EXECUTE format('CREATE INDEX %I ON %I (v)', t || '_btree', t);
  BEGIN
    PERFORM bt_index_check((t || '_btree')::regclass, true);
    PERFORM bt_index_parent_check((t || '_btree')::regclass, true);
    bad := 0; detail := NULL;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
    bad := 1; detail := msg;
  END;
  name := t || ': amcheck bt_index_check and bt_index_parent_check (heapallindexed)';
  RETURN NEXT;
  SELECT string_agg(l, E'\n') INTO plan FROM (SELECT * FROM lossless_explain(lookup)) e(l);
  EXECUTE lookup INTO bad;
  name := t || ': B-tree index lookups of the distinct values find every row';
  IF plan !~ format('Index (Only )?Scan using %s_btree', t) THEN
    bad := bad + 1; detail := 'the plan does not use the B-tree index: ' || plan;
  ELSE detail := bad || ' values not found with all their rows';
  END IF;
  RETURN NEXT;
  EXECUTE format('DROP INDEX %I', t || '_btree');
  PERFORM set_config(s, 'on', true)
  FROM unnest(ARRAY['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin',
                    'enable_material', 'enable_memoize']) s;
END $f$;

CREATE FUNCTION lossless_explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE 'EXPLAIN (COSTS off) ' || q;
END $f$;
