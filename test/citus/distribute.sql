-- The registry on Citus (test/citus/run.sh; doc/scaleout.md explains it).
--   psql -v step=adapt -v node=coord|worker
--                             on every node (the coordinator first), before distributing: what
--                             Citus requires of the extension's tables
--   psql -v step=distribute   on the coordinator
-- The extension's tables are the extension's on every node (Citus makes no
-- shell table of its own for a table an extension owns), so the changes
-- are made on each node alike.
SELECT :'step' = 'adapt' AS adapt, :'node' = 'coord' AS on_coordinator \gset
\if :adapt
-- Citus refuses a policy with a subquery on a distributed table; the
-- registry's policies use one (an InitPlan for the site list, a lookup of
-- the participant).  Without them: the functions directly (evaluated per
-- row), and the site on every participant-level row.
DROP POLICY participant_by_site ON participant;
DROP POLICY assessment_by_site ON assessment;
DROP POLICY participant_adverse_event_by_site ON participant_adverse_event;

-- Every unique constraint of a distributed table must contain the
-- distribution column (participant_id): (trial_id, code) cannot be kept,
-- the primary key of participant_adverse_event takes participant_id in.
ALTER TABLE participant DROP CONSTRAINT participant_trial_id_code_key,
    ADD CONSTRAINT participant_id_site_key UNIQUE (participant_id, site);
ALTER TABLE participant_adverse_event DROP CONSTRAINT participant_adverse_event_pkey,
    ADD PRIMARY KEY (participant_id, participant_adverse_event_id);

-- the participant's site on its assessments and adverse events, kept equal
-- by a foreign key (no ON UPDATE CASCADE: Citus refuses it when the key
-- holds the distribution column)
ALTER TABLE assessment ADD COLUMN site text,
    ADD CONSTRAINT assessment_site_fkey FOREIGN KEY (participant_id, site)
        REFERENCES participant (participant_id, site);
ALTER TABLE participant_adverse_event ADD COLUMN site text,
    ADD CONSTRAINT participant_adverse_event_site_fkey FOREIGN KEY (participant_id, site)
        REFERENCES participant (participant_id, site);

-- The registry's policy functions is_registry_admin() and current_sites()
-- have SQL-standard bodies (RETURN ...); called from a query on a Citus
-- table they fail ("syntax error at or near RETURN": Citus parses the
-- function's text again).  The same two, with a body in a string (made on
-- the coordinator, which copies them to the workers; a worker refuses
-- CREATE FUNCTION):
\if :on_coordinator
CREATE OR REPLACE FUNCTION citus_registry_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM registry_admin a WHERE pg_has_role(a.member, 'USAGE'))
        OR EXISTS (SELECT 1 FROM pg_extension e WHERE e.extname = 'msc_registry' AND pg_has_role(e.extowner, 'USAGE'))
$$;
CREATE OR REPLACE FUNCTION citus_current_sites() RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT DISTINCT m.site FROM site_member m WHERE pg_has_role(m.member, 'USAGE') ORDER BY m.site)
$$;
\endif
\set action create
\ir policies.sql

-- Making a table a reference table while a local table refers to it makes
-- Citus convert that one (and all it is linked to) into a "Citus local
-- table", which drops and remakes sequences the extension owns: refused.
-- So the foreign keys between the registry's tables are dropped here and
-- made again once every table is Citus'.
CREATE TABLE citus_check_fk AS
SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
FROM pg_constraint
WHERE contype = 'f' AND conrelid = ANY (ARRAY['trial', 'arm', 'outcome', 'adverse_event', 'import_problem', 'site',
                                              'site_member', 'registry_admin', 'participant', 'assessment',
                                              'participant_adverse_event']::regclass[]);
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, conname) FROM citus_check_fk \gexec
\else
-- arm-level tables and the sites: small, read by every shard's joins, so
-- replicated.  The site mapping (site_member, registry_admin) stays a
-- plain table on every node, written on each (run_command_on_all_nodes):
-- the policy functions read it inside the shard queries on the workers,
-- and a reference table there would be a distributed query nested in one
-- ("cannot execute a distributed query from a query on a shard").
SELECT create_reference_table(t) FROM unnest(ARRAY['trial', 'arm', 'outcome', 'adverse_event', 'import_problem',
                                                   'site']) t;
-- participant-level tables: by participant_id, co-located, so that the
-- joins on participant_id (views, policies, foreign keys) stay on a shard
SET citus.shard_count = 32;
SELECT create_distributed_table('participant', 'participant_id');
SELECT create_distributed_table('assessment', 'participant_id', colocate_with => 'participant');
SELECT create_distributed_table('participant_adverse_event', 'participant_id', colocate_with => 'participant');
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, conname, def) FROM citus_check_fk
WHERE tbl NOT IN ('site_member', 'registry_admin')
ORDER BY tbl IN ('participant', 'assessment', 'participant_adverse_event'), conname \gexec
SELECT count(*) FILTER (WHERE tbl NOT IN ('site_member', 'registry_admin')) AS foreign_keys_made_again,
       count(*) FILTER (WHERE tbl IN ('site_member', 'registry_admin')) AS left_out
FROM citus_check_fk;
SELECT logicalrelid::regclass AS "table", partmethod, partkey IS NOT NULL AS distributed,
       (SELECT count(*) FROM pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid) AS shards
FROM pg_dist_partition p ORDER BY 1::text;
\endif
