-- Malformed values of every type, from test/malformed/values.tsv (written
-- by test/malformed/make_values.py): hostile text (SQL and format
-- metacharacters, control characters, Unicode lookalikes, overlong numbers,
-- strings up to 10 MB), type modifiers and function arguments.  Each must
-- be refused with its documented SQLSTATE and a message free of raw
-- control characters, and the session must live through all of them.
CREATE TEMP TABLE malformed (typ text, kind text, input text, expected text, why text);
\copy malformed FROM 'test/malformed/values.tsv'
SELECT pg_backend_pid() AS pid_before \gset
CREATE TEMP TABLE malformed_result AS
SELECT m.*, r.state, r.result
FROM malformed AS m,
     LATERAL (SELECT * FROM try_input(m.input, m.typ) WHERE m.kind = 'text'
              UNION ALL
              SELECT * FROM try_sql(format('(%s)::%s', m.input, m.typ)) WHERE m.kind = 'expr'
              UNION ALL
              SELECT * FROM try_sql(m.input) WHERE m.kind = 'call') AS r;
-- the corpus: how many values of each type, and how many were refused as documented
SELECT typ, count(*) AS malformed, count(*) FILTER (WHERE state = expected) AS as_documented,
       string_agg(DISTINCT expected, ' ' ORDER BY expected) AS sqlstates
FROM malformed_result GROUP BY ROLLUP (typ) ORDER BY typ NULLS LAST;
-- a value not refused as documented (none)
SELECT typ, kind, left(input, 60) AS input, expected, state, left(result, 120) AS result
FROM malformed_result WHERE state IS DISTINCT FROM expected ORDER BY typ, input;
-- a message that is empty or shows a control character raw (none); the
-- enums' message is PostgreSQL's own (enum_in quotes the input as it is)
SELECT typ, left(input, 60) AS input, result FROM malformed_result
WHERE coalesce(result, '') = ''
   OR (result ~ '[\x01-\x08\x0b-\x1f\x7f]' AND typ NOT IN ('msc_donor', 'msc_manipulation'));
-- the same backend ran them all
SELECT pg_backend_pid() = :pid_before AS same_backend;
