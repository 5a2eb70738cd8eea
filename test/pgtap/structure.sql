-- Structure of the extension: every object commented, functions labelled,
-- every base type with binary I/O, operators and btree/hash opclasses.
BEGIN;
SELECT plan(30);

CREATE TEMP VIEW ext_member AS
SELECT d.classid, d.objid
FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid
WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'msc_registry'
  AND d.deptype = 'e'
  -- PostgreSQL 17 also records the types it makes implicitly as members:
  -- the array type of every type and the row type of every table and view
  AND NOT (d.classid = 'pg_type'::regclass AND EXISTS (
        SELECT FROM pg_type t
        WHERE t.oid = d.objid
          AND (EXISTS (SELECT FROM pg_type a WHERE a.typarray = t.oid)
               OR EXISTS (SELECT FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))));

CREATE TEMP VIEW ext_function AS
SELECT p.* FROM ext_member m JOIN pg_proc p ON p.oid = m.objid
WHERE m.classid = 'pg_proc'::regclass;

CREATE TEMP VIEW ext_base_type AS
SELECT t.* FROM ext_member m JOIN pg_type t ON t.oid = m.objid
WHERE m.classid = 'pg_type'::regclass AND t.typtype = 'b';

-- the base types and enums of DESIGN.md
SELECT set_eq($$ SELECT oid::regtype::text FROM ext_base_type $$,
              ARRAY['msc_source', 'msc_route', 'pain_score', 'cell_dose', 'trial_id'],
              'the base types are msc_source, msc_route, pain_score, cell_dose, trial_id');
SELECT enum_has_labels('msc_donor', ARRAY['autologous', 'allogeneic'], 'msc_donor labels');
SELECT enum_has_labels('msc_manipulation', ARRAY['culture_expanded', 'minimally_manipulated'],
                       'msc_manipulation labels');

-- storage of DESIGN.md
SELECT results_eq(
  $$ SELECT oid::regtype::text, typlen::int, typbyval FROM ext_base_type ORDER BY 1 $$,
  $$ VALUES ('cell_dose'::text, 16, false), ('msc_route', 1, true), ('msc_source', 1, true),
            ('pain_score', 8, true), ('trial_id', -1, false) $$,
  'storage: one byte by value for source and route, eight by value for pain_score, 16 fixed for cell_dose, varlena trial_id');

-- every object explains itself
SELECT is_empty($$ SELECT oid::regprocedure::text FROM ext_function
                   WHERE obj_description(oid, 'pg_proc') IS NULL $$,
                'every function and aggregate has a COMMENT');
SELECT is_empty($$ SELECT t.oid::regtype::text FROM ext_member m JOIN pg_type t ON t.oid = m.objid
                   WHERE m.classid = 'pg_type'::regclass AND obj_description(t.oid, 'pg_type') IS NULL $$,
                'every type has a COMMENT');
SELECT is_empty($$ SELECT o.oid::regoperator::text FROM ext_member m JOIN pg_operator o ON o.oid = m.objid
                   WHERE m.classid = 'pg_operator'::regclass AND obj_description(o.oid, 'pg_operator') IS NULL $$,
                'every operator has a COMMENT');
SELECT is_empty($$ SELECT c.opcname::text FROM ext_member m JOIN pg_opclass c ON c.oid = m.objid
                   WHERE m.classid = 'pg_opclass'::regclass AND obj_description(c.oid, 'pg_opclass') IS NULL $$,
                'every operator class has a COMMENT');
SELECT is_empty($$ SELECT f.opfname::text FROM ext_member m JOIN pg_opfamily f ON f.oid = m.objid
                   WHERE m.classid = 'pg_opfamily'::regclass AND obj_description(f.oid, 'pg_opfamily') IS NULL $$,
                'every operator family has a COMMENT');
SELECT is_empty($$ SELECT c.oid::text FROM ext_member m JOIN pg_cast c ON c.oid = m.objid
                   WHERE m.classid = 'pg_cast'::regclass AND obj_description(c.oid, 'pg_cast') IS NULL $$,
                'every cast has a COMMENT');
SELECT is_empty($$ SELECT c.oid::regclass::text FROM ext_member m JOIN pg_class c ON c.oid = m.objid
                   WHERE m.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'v', 'm', 'p')
                     AND obj_description(c.oid, 'pg_class') IS NULL $$,
                'every table and view has a COMMENT');
SELECT is_empty($$ SELECT m.classid::regclass::text FROM ext_member m
                   WHERE m.classid NOT IN ('pg_proc'::regclass, 'pg_type'::regclass,
                     'pg_operator'::regclass, 'pg_opclass'::regclass, 'pg_opfamily'::regclass,
                     'pg_cast'::regclass, 'pg_class'::regclass) $$,
                'no other kinds of object go uncounted by these checks');

-- labels: the type functions are immutable, strict and parallel safe
SELECT is_empty($$ SELECT oid::regprocedure::text FROM ext_function
                   WHERE prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
                     AND prokind = 'f' AND (provolatile <> 'i' OR proparallel <> 's') $$,
                'C functions are IMMUTABLE and PARALLEL SAFE');
SELECT is_empty($$ SELECT f.oid::regprocedure::text FROM ext_function f
                   WHERE prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
                     AND prokind = 'f' AND NOT proisstrict
                     AND NOT EXISTS (SELECT 1 FROM pg_aggregate a
                                     WHERE f.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn)) $$,
                'C functions are STRICT, but for aggregate support functions that must see a NULL state');
SELECT is_empty($$ SELECT oid::regprocedure::text FROM ext_function WHERE prosecdef $$,
                'no function is SECURITY DEFINER');

-- safe whatever the caller's search_path: a function that is not C is SQL
-- with a standard body (bound when created) or runs with a search_path of
-- pg_catalog and pg_temp alone (its own schema off the path: nothing planted
-- there later can be a better match)
SELECT is_empty($$ SELECT oid::regprocedure::text FROM ext_function
                   WHERE prokind <> 'a' AND prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
                     AND prosqlbody IS NULL
                     AND NOT EXISTS (SELECT 1 FROM unnest(proconfig) AS c
                                     WHERE c = 'search_path=pg_catalog, pg_temp') $$,
                'every SQL or PL/pgSQL function has a SQL-standard body or SET search_path = pg_catalog, pg_temp');

-- row-level security: the views run as the querying role, the tables of
-- participant-level data and of the site mapping have policies, each with
-- a COMMENT, and the tables and views belong to a superuser
SELECT is_empty($$ SELECT c.oid::regclass::text FROM ext_member m JOIN pg_class c ON c.oid = m.objid
                   WHERE m.classid = 'pg_class'::regclass AND c.relkind = 'v'
                     AND NOT coalesce(c.reloptions @> '{security_invoker=true}', false) $$,
                'every view is security_invoker (row-level security applies to the querying role)');
SELECT set_eq($$ SELECT c.oid::regclass::text FROM ext_member m JOIN pg_class c ON c.oid = m.objid
                 WHERE m.classid = 'pg_class'::regclass AND c.relkind = 'r' AND c.relrowsecurity $$,
              ARRAY['participant', 'assessment', 'participant_adverse_event', 'site_member', 'registry_admin', 'correction'],
              'row-level security is on for participant, assessment, participant_adverse_event, site_member, registry_admin, correction');
SELECT is_empty($$ SELECT c.oid::regclass::text FROM ext_member m JOIN pg_class c ON c.oid = m.objid
                   WHERE m.classid = 'pg_class'::regclass AND c.relrowsecurity
                     AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
                   UNION ALL
                   SELECT p.polname::text FROM ext_member m JOIN pg_policy p ON p.polrelid = m.objid
                   WHERE m.classid = 'pg_class'::regclass AND obj_description(p.oid, 'pg_policy') IS NULL $$,
                'every table with row-level security has policies, and every policy a COMMENT');
SELECT is_empty($$ SELECT c.oid::regclass::text FROM ext_member m JOIN pg_class c ON c.oid = m.objid
                   WHERE m.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'v', 'S')
                     AND NOT (SELECT rolsuper FROM pg_roles WHERE oid = c.relowner) $$,
                'every table, view and sequence belongs to a superuser (an owner who is none gets grants, not ownership)');

-- every base type: binary I/O, the six comparison operators, default
-- btree and hash operator classes
SELECT is_empty($$ SELECT typname::text FROM ext_base_type
                   WHERE typsend = 0 OR typreceive = 0 $$,
                'every base type has binary send and receive');
SELECT is_empty($$ SELECT t.typname || ' ' || op FROM ext_base_type t,
                     unnest(ARRAY['<', '<=', '=', '<>', '>=', '>']) AS op
                   WHERE NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprname = op
                                     AND o.oprleft = t.oid AND o.oprright = t.oid) $$,
                'every base type has the six comparison operators');
SELECT is_empty($$ SELECT t.typname || ' ' || am.amname FROM ext_base_type t, pg_am am
                   WHERE am.amname IN ('btree', 'hash') AND NOT EXISTS (
                     SELECT 1 FROM pg_opclass c WHERE c.opcmethod = am.oid
                       AND c.opcintype = t.oid AND c.opcdefault) $$,
                'every base type has default btree and hash operator classes');
SELECT is_empty($$ SELECT t.typname::text FROM ext_base_type t
                   WHERE NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprname = '='
                     AND o.oprleft = t.oid AND o.oprright = t.oid AND o.oprcanhash AND o.oprcanmerge) $$,
                'every = is HASHES and MERGES');

-- the functions of DESIGN.md for source and route
SELECT has_function('label', ARRAY['msc_source'], 'label(msc_source)');
SELECT has_function('msc_sources', 'msc_sources()');
SELECT has_function('label', ARRAY['msc_route'], 'label(msc_route)');
SELECT has_function('cdisc_term', ARRAY['msc_route'], 'cdisc_term(msc_route)');
SELECT has_function('nci_code', ARRAY['msc_route'], 'nci_code(msc_route)');
SELECT has_function('is_systemic', ARRAY['msc_route'], 'is_systemic(msc_route)');

SELECT * FROM finish();
ROLLBACK;
