-- Overloads to plant, found mechanically from an installed msc_registry
-- (test/security.sh runs this as a superuser in a scratch database where the
-- extension is installed in schema "registry").
--
-- What the installed SQL binds: every function, aggregate, window function
-- and operator named in the parse trees PostgreSQL stores for the
-- extension's views (pg_rewrite), SQL-standard function bodies (prosqlbody),
-- defaults, checks, policies and index expressions; and every built-in
-- function whose name a PL/pgSQL body calls.  For each one that is a
-- built-in (pg_catalog), overloads that would beat it wherever the argument
-- is of a type the registry uses (the set T below): at each argument, the
-- built-in's own type, every type of T that casts to it implicitly, and, at a
-- polymorphic or "any" argument, every type of T that fits.  Each planted
-- body adds one to planted_log.calls and returns NULL.
--
-- Prints one line per statement, @S@ standing for the schema to plant in:
--   make|<CREATE FUNCTION / AGGREGATE / OPERATOR ...>
--   add|<object kind and signature, for ALTER EXTENSION ... ADD>
-- and last "summary|<functions> <aggregates> <operators> from <n> built-ins".
\set ON_ERROR_STOP 1
SET search_path = pg_catalog, pg_temp;

CREATE TEMP TABLE bound (oid oid, kind char);   -- kind: f function/aggregate, o operator
CREATE TEMP TABLE plant (ord serial, make text, add text UNIQUE, what text);   -- one overload per signature

DO $do$
DECLARE
    ext oid := (SELECT oid FROM pg_extension WHERE extname = 'msc_registry');
    trees text;
    plnames text[];
BEGIN
    -- the stored parse trees of everything that belongs to or hangs off the extension
    WITH member AS (
        SELECT classid, objid FROM pg_depend
        WHERE refclassid = 'pg_extension'::regclass AND refobjid = ext AND deptype = 'e'
    ), rel AS (
        SELECT objid AS oid FROM member WHERE classid = 'pg_class'::regclass
    )
    SELECT string_agg(t, ' ') INTO trees FROM (
        SELECT r.ev_action::text AS t FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class
        UNION ALL SELECT p.prosqlbody::text FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
                  WHERE p.prosqlbody IS NOT NULL
        UNION ALL SELECT a.adbin::text FROM pg_attrdef a JOIN rel ON rel.oid = a.adrelid
        UNION ALL SELECT c.conbin::text FROM pg_constraint c JOIN rel ON rel.oid = c.conrelid WHERE c.conbin IS NOT NULL
        UNION ALL SELECT coalesce(pl.polqual::text, '') || ' ' || coalesce(pl.polwithcheck::text, '')
                  FROM pg_policy pl JOIN rel ON rel.oid = pl.polrelid
        UNION ALL SELECT coalesce(i.indexprs::text, '') || ' ' || coalesce(i.indpred::text, '')
                  FROM pg_index i JOIN rel ON rel.oid = i.indrelid) x;
    INSERT INTO bound
    SELECT DISTINCT m[2]::oid, CASE WHEN m[1] = 'opno' THEN 'o' ELSE 'f' END
    FROM regexp_matches(trees, ':(funcid|aggfnoid|winfnoid|opno) (\d+)', 'g') AS m;
    -- PL/pgSQL bodies are not parsed until they run: take the names they call
    SELECT array_agg(DISTINCT lower(m[1])) INTO plnames
    FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                    AND d.refobjid = ext AND d.deptype = 'e'
         CROSS JOIN LATERAL regexp_matches(p.prosrc, '([A-Za-z_][A-Za-z0-9_]*)\s*\(', 'g') AS m
    WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql');
    INSERT INTO bound
    SELECT p.oid, 'f' FROM pg_proc p
    WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname = ANY (plnames) AND p.prokind IN ('f', 'a')
    EXCEPT SELECT oid, kind FROM bound;
    DELETE FROM bound b WHERE kind = 'f' AND NOT EXISTS (SELECT 1 FROM pg_proc p WHERE p.oid = b.oid AND p.pronamespace = 'pg_catalog'::regnamespace);
    DELETE FROM bound b WHERE kind = 'o' AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oid = b.oid AND o.oprnamespace = 'pg_catalog'::regnamespace);
END
$do$;

-- T: the types of the registry's columns and of its functions' arguments and results
CREATE TEMP TABLE t_types AS
SELECT DISTINCT t.oid, t.typcategory = 'A' AS is_array, t.typtype = 'e' AS is_enum
FROM pg_type t
WHERE t.typtype IN ('b', 'e', 'c', 'd') AND t.typname <> 'unknown'
  AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typtype = 'p')   -- cstring[]
  AND t.oid IN (SELECT a.atttypid FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = 'registry'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0
                UNION
                SELECT unnest(p.proargtypes::oid[] || p.prorettype) FROM pg_proc p
                WHERE p.pronamespace = 'registry'::regnamespace);

CREATE FUNCTION pg_temp.candidates(arg oid) RETURNS SETOF oid LANGUAGE sql STABLE AS $$
    SELECT arg WHERE (SELECT typtype FROM pg_type WHERE oid = arg) <> 'p'
    UNION
    SELECT t.oid FROM t_types t
    WHERE CASE (SELECT typname FROM pg_type WHERE oid = arg)
              WHEN 'anyarray' THEN t.is_array WHEN 'anycompatiblearray' THEN t.is_array
              WHEN 'anynonarray' THEN NOT t.is_array WHEN 'anycompatiblenonarray' THEN NOT t.is_array
              WHEN 'anyenum' THEN t.is_enum
              WHEN 'anyelement' THEN true WHEN 'anycompatible' THEN true WHEN 'any' THEN true
              ELSE EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = t.oid AND c.casttarget = arg AND c.castcontext = 'i')
          END
$$;

DO $do$
DECLARE
    r record;
    combo oid[];
    args text;
    ret text;
    poly oid;
    n int := 0;
    body constant text := $b$BEGIN PERFORM pg_catalog.nextval('planted_log.calls'); RETURN NULL; END$b$;
    setof_body constant text := $b$BEGIN PERFORM pg_catalog.nextval('planted_log.calls'); RETURN; END$b$;
BEGIN
    FOR r IN
        SELECT p.oid, p.proname, p.prokind, p.proretset, p.prorettype, ARRAY(SELECT unnest(p.proargtypes::oid[])) AS argtypes  -- (an oidvector counts from 0)
        FROM bound b JOIN pg_proc p ON p.oid = b.oid
        WHERE b.kind = 'f' AND p.prokind IN ('f', 'a') AND p.pronargs <= 6
        ORDER BY p.proname, p.oid
    LOOP
        -- every combination of candidates, at most 40 per built-in
        FOR combo IN
            WITH RECURSIVE c(i, types) AS (
                SELECT 0, ARRAY[]::oid[]
                UNION ALL
                SELECT c.i + 1, c.types || x.x
                FROM c CROSS JOIN LATERAL pg_temp.candidates(r.argtypes[c.i + 1]) AS x(x)
                WHERE c.i < cardinality(r.argtypes))
            SELECT types FROM c WHERE i = cardinality(r.argtypes) ORDER BY types LIMIT 40
        LOOP
            args := (SELECT coalesce(string_agg(format_type(t, NULL), ', ' ORDER BY o), '')
                     FROM unnest(combo) WITH ORDINALITY AS u(t, o));
            -- a polymorphic result takes the type planted at the first polymorphic argument
            poly := (SELECT combo[o] FROM unnest(r.argtypes) WITH ORDINALITY AS u(t, o)
                     JOIN pg_type ty ON ty.oid = u.t WHERE ty.typtype = 'p' ORDER BY o LIMIT 1);
            ret := CASE
                WHEN (SELECT typtype FROM pg_type WHERE oid = r.prorettype) <> 'p' THEN format_type(r.prorettype, NULL)
                WHEN poly IS NULL THEN NULL
                WHEN (SELECT typname FROM pg_type WHERE oid = r.prorettype) IN ('anyarray', 'anycompatiblearray') THEN
                    CASE WHEN (SELECT typcategory FROM pg_type WHERE oid = poly) = 'A' THEN format_type(poly, NULL)
                         ELSE format_type((SELECT typarray FROM pg_type WHERE oid = poly), NULL) END
                WHEN (SELECT typname FROM pg_type WHERE oid = r.prorettype) IN ('anyelement', 'anycompatible', 'anynonarray', 'anyenum') THEN
                    CASE WHEN (SELECT typname FROM pg_type WHERE oid = r.argtypes[1]) IN ('anyarray', 'anycompatiblearray')
                         THEN format_type((SELECT typelem FROM pg_type WHERE oid = poly), NULL)
                         ELSE format_type(poly, NULL) END
                WHEN (SELECT typname FROM pg_type WHERE oid = r.prorettype) = 'record' THEN 'record'
            END;
            CONTINUE WHEN ret IS NULL OR ret = 'record' AND NOT r.proretset;
            n := n + 1;
            IF r.prokind = 'f' THEN
                INSERT INTO plant (make, add, what) VALUES (
                    format('CREATE FUNCTION @S@.%I(%s) RETURNS %s%s LANGUAGE plpgsql AS %L;',
                           r.proname, args, CASE WHEN r.proretset THEN 'SETOF ' ELSE '' END, ret,
                           CASE WHEN r.proretset THEN setof_body ELSE body END),
                    format('FUNCTION @S@.%I(%s)', r.proname, args), 'function')
                    ON CONFLICT (add) DO NOTHING;
            ELSE
                INSERT INTO plant (make, add, what) VALUES (
                    format('CREATE FUNCTION @S@.planted_step_%s(%s%s) RETURNS %s LANGUAGE plpgsql AS %L;',
                           n, ret, CASE WHEN args = '' THEN '' ELSE ', ' || args END, ret, body),
                    format('FUNCTION @S@.planted_step_%s(%s%s)', n, ret, CASE WHEN args = '' THEN '' ELSE ', ' || args END),
                    'step')
                    ON CONFLICT (add) DO NOTHING;
                INSERT INTO plant (make, add, what) VALUES (
                    format('CREATE AGGREGATE @S@.%I(%s) (SFUNC = @S@.planted_step_%s, STYPE = %s);',
                           r.proname, CASE WHEN args = '' THEN '*' ELSE args END, n, ret),
                    format('AGGREGATE @S@.%I(%s)', r.proname, CASE WHEN args = '' THEN '*' ELSE args END), 'aggregate')
                    ON CONFLICT (add) DO NOTHING;
            END IF;
        END LOOP;
    END LOOP;

    FOR r IN
        SELECT o.oid, o.oprname, o.oprleft, o.oprright, o.oprresult
        FROM bound b JOIN pg_operator o ON o.oid = b.oid
        WHERE b.kind = 'o'
        ORDER BY o.oprname, o.oid
    LOOP
        FOR combo IN
            SELECT ARRAY[l, rt] FROM
                (SELECT x AS l FROM pg_temp.candidates(r.oprleft) AS x WHERE r.oprleft <> 0
                 UNION ALL SELECT 0 WHERE r.oprleft = 0) ls
                CROSS JOIN pg_temp.candidates(r.oprright) AS rt
            ORDER BY 1 LIMIT 40
        LOOP
            CONTINUE WHEN (SELECT typtype FROM pg_type WHERE oid = r.oprresult) = 'p';
            n := n + 1;
            INSERT INTO plant (make, add, what) VALUES (
                format('CREATE FUNCTION @S@.planted_op_%s(%s) RETURNS %s LANGUAGE plpgsql AS %L;',
                       n, concat_ws(', ', CASE WHEN combo[1] <> 0 THEN format_type(combo[1], NULL) END, format_type(combo[2], NULL)),
                       format_type(r.oprresult, NULL), body),
                format('FUNCTION @S@.planted_op_%s(%s)', n,
                       concat_ws(', ', CASE WHEN combo[1] <> 0 THEN format_type(combo[1], NULL) END, format_type(combo[2], NULL))),
                'step')
                    ON CONFLICT (add) DO NOTHING;
            INSERT INTO plant (make, add, what) VALUES (
                format('CREATE OPERATOR @S@.%s (%sRIGHTARG = %s, FUNCTION = @S@.planted_op_%s);',
                       r.oprname, CASE WHEN combo[1] <> 0 THEN format('LEFTARG = %s, ', format_type(combo[1], NULL)) ELSE '' END,
                       format_type(combo[2], NULL), n),
                format('OPERATOR @S@.%s (%s, %s)', r.oprname,
                       CASE WHEN combo[1] <> 0 THEN format_type(combo[1], NULL) ELSE 'NONE' END, format_type(combo[2], NULL)),
                'operator')
                ON CONFLICT (add) DO NOTHING;
        END LOOP;
    END LOOP;
END
$do$;

\pset tuples_only on
\pset format unaligned
SELECT 'make|' || make FROM plant ORDER BY ord;
SELECT 'add|' || add FROM plant ORDER BY ord;
SELECT format('summary|%s functions, %s aggregates, %s operators planted against %s built-ins (%s functions and aggregates, %s operators)',
              count(*) FILTER (WHERE what = 'function'), count(*) FILTER (WHERE what = 'aggregate'),
              count(*) FILTER (WHERE what = 'operator'),
              (SELECT count(*) FROM bound), (SELECT count(*) FROM bound WHERE kind = 'f'), (SELECT count(*) FROM bound WHERE kind = 'o'))
FROM plant;
