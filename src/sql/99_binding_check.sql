-- Last: prove what 02_search_path.sql and 05_schema_guard.sql are for.  No
-- view, function, default, check, policy, trigger, index or type of msc_registry may
-- be bound to a function, operator, type or collation outside pg_catalog
-- that is not msc_registry's own (PostgreSQL records these bindings in
-- pg_depend).  The update scripts end with this file too; an update of an
-- installation whose objects were bound to something planted is refused.
DO $bound$
DECLARE
    ext constant pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e
                                    WHERE e.extname OPERATOR(pg_catalog.=) 'msc_registry');
    foreign_bindings text;
BEGIN
    WITH member AS (
        SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
        WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
          AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
    ), bound_by AS (
        -- the members, and what hangs off member tables and views without being
        -- a member itself: rewrite rules, defaults, constraints, policies,
        -- triggers, indexes
        SELECT m.classid, m.objid FROM member m
        UNION
        SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid FROM pg_catalog.pg_rewrite r JOIN member m
            ON m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) r.ev_class
        UNION
        SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, a.oid FROM pg_catalog.pg_attrdef a JOIN member m
            ON m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) a.adrelid
        UNION
        SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, c.oid FROM pg_catalog.pg_constraint c JOIN member m
            ON (m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) c.conrelid)
            OR (m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) c.contypid)
        UNION
        SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_policy p JOIN member m
            ON m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) p.polrelid
        UNION
        SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_trigger t JOIN member m
            ON m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) t.tgrelid
        UNION
        SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, i.indexrelid FROM pg_catalog.pg_index i JOIN member m
            ON m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid OPERATOR(pg_catalog.=) i.indrelid
    ), target AS (
        -- an array type is its element type's (PostgreSQL makes it alongside)
        SELECT DISTINCT d.refclassid,
               COALESCE((SELECT e.oid FROM pg_catalog.pg_type e
                         WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
                           AND e.typarray OPERATOR(pg_catalog.=) d.refobjid), d.refobjid) AS refobjid,
               CASE d.refclassid
                   WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
                       (SELECT 'function ' OPERATOR(pg_catalog.||) p.oid::pg_catalog.regprocedure::pg_catalog.text FROM pg_catalog.pg_proc p
                        WHERE p.oid OPERATOR(pg_catalog.=) d.refobjid AND p.pronamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace)
                   WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN
                       (SELECT 'operator ' OPERATOR(pg_catalog.||) o.oid::pg_catalog.regoperator::pg_catalog.text FROM pg_catalog.pg_operator o
                        WHERE o.oid OPERATOR(pg_catalog.=) d.refobjid AND o.oprnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace)
                   WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
                       (SELECT 'type ' OPERATOR(pg_catalog.||) t.oid::pg_catalog.regtype::pg_catalog.text FROM pg_catalog.pg_type t
                        WHERE t.oid OPERATOR(pg_catalog.=) d.refobjid AND t.typnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace)
                   WHEN 'pg_catalog.pg_collation'::pg_catalog.regclass THEN
                       (SELECT 'collation ' OPERATOR(pg_catalog.||) l.oid::pg_catalog.regcollation::pg_catalog.text FROM pg_catalog.pg_collation l
                        WHERE l.oid OPERATOR(pg_catalog.=) d.refobjid AND l.collnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace)
               END AS what
        FROM pg_catalog.pg_depend d
        JOIN bound_by b ON b.classid OPERATOR(pg_catalog.=) d.classid AND b.objid OPERATOR(pg_catalog.=) d.objid
        WHERE d.refclassid OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.pg_proc'::pg_catalog.regclass, 'pg_catalog.pg_operator'::pg_catalog.regclass,
                                                             'pg_catalog.pg_type'::pg_catalog.regclass, 'pg_catalog.pg_collation'::pg_catalog.regclass]::pg_catalog.oid[])
    )
    SELECT pg_catalog.string_agg(t.what, ', ' ORDER BY t.what) INTO foreign_bindings
    FROM target t
    WHERE t.what IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM member m
                      WHERE m.classid OPERATOR(pg_catalog.=) t.refclassid AND m.objid OPERATOR(pg_catalog.=) t.refobjid);
    IF foreign_bindings IS NOT NULL THEN
        RAISE EXCEPTION 'msc_registry''s objects would call objects that are neither built in nor its own: %', foreign_bindings
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Something was planted where the registry''s views and functions could bind to it. Drop it; if the extension is already installed, dump the registry''s rows, DROP EXTENSION msc_registry, install it afresh and restore them.';
    END IF;
END
$bound$;
