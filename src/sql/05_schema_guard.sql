-- The extension's schema must hold no function, aggregate, procedure,
-- operator, type, cast, collation or conversion of a role that is not a
-- superuser.  The extension is trusted: the role installing or updating it
-- may own the schema, and could otherwise plant there a better match for
-- something the scripts call (a count(bigint) against count("any")) that
-- would run in the name of whoever queries a view.  Belonging to an
-- extension is no excuse: a role may add its own function to a trusted
-- extension it installed itself, or to msc_registry before an update.  The
-- search_path of 02_search_path.sql already keeps every built-in bound in
-- pg_catalog; this refuses the schema outright, so that no planted object
-- sits next to the registry either.  The update scripts include this file.
DO $guard$
DECLARE
    planted text;
    ns constant pg_catalog.oid := '@extschema@'::pg_catalog.regnamespace;
BEGIN
    SELECT pg_catalog.string_agg(x.what, ', ' ORDER BY x.what) INTO planted
    FROM (SELECT CASE p.prokind WHEN 'a' THEN 'aggregate ' WHEN 'p' THEN 'procedure ' ELSE 'function ' END
                 OPERATOR(pg_catalog.||) p.oid::pg_catalog.regprocedure::pg_catalog.text AS what,
                 p.proowner AS owner_oid
          FROM pg_catalog.pg_proc p
          WHERE p.pronamespace OPERATOR(pg_catalog.=) ns
          UNION ALL
          SELECT 'operator ' OPERATOR(pg_catalog.||) o.oid::pg_catalog.regoperator::pg_catalog.text, o.oprowner
          FROM pg_catalog.pg_operator o
          WHERE o.oprnamespace OPERATOR(pg_catalog.=) ns
          UNION ALL
          SELECT 'type ' OPERATOR(pg_catalog.||) t.oid::pg_catalog.regtype::pg_catalog.text, t.typowner
          FROM pg_catalog.pg_type t
          WHERE t.typnamespace OPERATOR(pg_catalog.=) ns
          UNION ALL
          -- a cast is the cast function's owner's, or the owner's of a type it converts
          SELECT 'cast (' OPERATOR(pg_catalog.||) c.castsource::pg_catalog.regtype::pg_catalog.text
                 OPERATOR(pg_catalog.||) ' AS ' OPERATOR(pg_catalog.||) c.casttarget::pg_catalog.regtype::pg_catalog.text
                 OPERATOR(pg_catalog.||) ')', u.owner_oid
          FROM pg_catalog.pg_cast c
          CROSS JOIN LATERAL (SELECT f.proowner AS owner_oid FROM pg_catalog.pg_proc f
                              WHERE f.oid OPERATOR(pg_catalog.=) c.castfunc AND f.pronamespace OPERATOR(pg_catalog.=) ns
                              UNION ALL
                              SELECT t.typowner FROM pg_catalog.pg_type t
                              WHERE t.oid OPERATOR(pg_catalog.=) ANY (ARRAY[c.castsource, c.casttarget])
                                AND t.typnamespace OPERATOR(pg_catalog.=) ns) u
          UNION ALL
          SELECT 'collation ' OPERATOR(pg_catalog.||) l.oid::pg_catalog.regcollation::pg_catalog.text, l.collowner
          FROM pg_catalog.pg_collation l
          WHERE l.collnamespace OPERATOR(pg_catalog.=) ns
          UNION ALL
          SELECT 'conversion ' OPERATOR(pg_catalog.||) v.conname::pg_catalog.text, v.conowner
          FROM pg_catalog.pg_conversion v
          WHERE v.connamespace OPERATOR(pg_catalog.=) ns) x
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) x.owner_oid
    WHERE NOT r.rolsuper;
    IF planted IS NOT NULL THEN
        RAISE EXCEPTION 'schema "%" holds objects of a role that is not a superuser: %', '@extschema@', planted
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  DETAIL = 'A function, aggregate, operator, type, cast, collation or conversion there could be bound by the registry''s views and functions and run with the privileges of whoever uses them; belonging to an extension does not make it safe.',
                  HINT = 'Install msc_registry into a schema of its own (CREATE SCHEMA registry; CREATE EXTENSION msc_registry SCHEMA registry;), or drop those objects or move them elsewhere (ALTER ... SET SCHEMA) before installing or updating it.';
    END IF;
END
$guard$;
