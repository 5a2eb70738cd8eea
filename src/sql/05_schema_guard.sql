-- The extension's schema must hold no function or operator of a role that
-- is not a superuser (an extension's aside).  The views and SQL functions
-- below bind the functions and operators they name when they are made,
-- and the best match wins: a role that could create in the schema could
-- otherwise plant, say, a count(bigint) or a round(double precision,
-- integer) there that a view would call, in the name of whoever queries
-- it.  (The extension is trusted: the role installing it may own the
-- schema.)  The update scripts check the same before they make anything.
DO $guard$
DECLARE
    planted text;
BEGIN
    SELECT pg_catalog.string_agg(x.what, ', ' ORDER BY x.what) INTO planted
    FROM (SELECT p.oid::pg_catalog.regprocedure::pg_catalog.text AS what, p.proowner AS owner_oid,
                 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid AS objid
          FROM pg_catalog.pg_proc p
          WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
          UNION ALL
          SELECT 'operator ' OPERATOR(pg_catalog.||) o.oid::pg_catalog.regoperator::pg_catalog.text, o.oprowner,
                 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid
          FROM pg_catalog.pg_operator o
          WHERE o.oprnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace) x
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) x.owner_oid
    WHERE NOT r.rolsuper
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid OPERATOR(pg_catalog.=) x.classid
                        AND d.objid OPERATOR(pg_catalog.=) x.objid
                        AND d.deptype OPERATOR(pg_catalog.=) 'e');
    IF planted IS NOT NULL THEN
        RAISE EXCEPTION 'schema "%" holds functions or operators of a role that is not a superuser: %',
                        '@extschema@', planted
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Install msc_registry into a schema of its own (CREATE SCHEMA registry; CREATE EXTENSION msc_registry SCHEMA registry;), or move those objects elsewhere (ALTER FUNCTION ... SET SCHEMA) before updating it.';
    END IF;
END
$guard$;
