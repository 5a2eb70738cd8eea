-- Owner grants: run after every table, view and sequence exists (in a
-- fresh install and in every update script), so each one the extension
-- made is covered; GRANT is idempotent.

-- ===================================================================
-- The extension's owner
-- ===================================================================

-- When a role that is no superuser installs the extension (it is trusted:
-- a role with CREATE on the database may), the script runs as the
-- bootstrap superuser, which owns every object it makes.  The tables,
-- views and sequences stay the superuser's: so the extension's owner can
-- neither put a trigger or a rule on them (which a later update script,
-- run as the superuser, would fire) nor drop their policies.  It gets
-- what it needs to run the registry and to share it: the privileges on
-- the tables but TRIGGER, on the views and on the sequences, each with
-- GRANT OPTION; and is_registry_admin() counts it as an administrator.
-- A superuser owner needs none of this.
DO $do$
DECLARE
    r record;
    owner_name name;
BEGIN
    SELECT pg_catalog.pg_get_userbyid(e.extowner) INTO owner_name
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_roles o ON o.oid OPERATOR(pg_catalog.=) e.extowner
    WHERE e.extname OPERATOR(pg_catalog.=) 'msc_registry' AND NOT o.rolsuper;
    IF owner_name IS NULL THEN
        RETURN;
    END IF;
    FOR r IN
        SELECT c.oid::pg_catalog.regclass AS rel, c.relkind
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
        JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.objid
        WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
          AND d.deptype OPERATOR(pg_catalog.=) 'e'
          AND e.extname OPERATOR(pg_catalog.=) 'msc_registry'
          AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'v', 'S']::"char"[])
        ORDER BY c.oid
    LOOP
        EXECUTE pg_catalog.format('GRANT %s ON %s %s TO %I WITH GRANT OPTION',
            CASE r.relkind WHEN 'r' THEN 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES'
                           WHEN 'v' THEN 'SELECT'
                           ELSE 'USAGE, SELECT, UPDATE' END,
            CASE r.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
            r.rel, owner_name);
    END LOOP;
END
$do$;
