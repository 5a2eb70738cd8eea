-- msc_registry upgrade 0.1.0 -> 0.2.0.
-- Every change made to src/sql/*.sql since 0.1.0 is made here too, so that
-- ALTER EXTENSION msc_registry UPDATE gives the same objects as a fresh
-- install of 0.2.0 (test/upgrade.sh compares the two).
\echo Use "ALTER EXTENSION msc_registry UPDATE TO '0.2.0'" to load this file. \quit

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

-- ===================================================================
-- Security (src/sql/85_security.sql, and the views and comments of
-- src/sql/80_registry.sql): sites, row-level security, views that run
-- as the querying role, tables owned by the extension's owner
-- ===================================================================

ALTER VIEW @extschema@.arm_pain_summary SET (security_invoker = true);
ALTER VIEW @extschema@.trial_effect SET (security_invoker = true);
ALTER VIEW @extschema@.trial_stratum_effect SET (security_invoker = true);
ALTER VIEW @extschema@.pooled_effect SET (security_invoker = true);
ALTER VIEW @extschema@.safety_by_route SET (security_invoker = true);
ALTER VIEW @extschema@.safety_totals_by_route SET (security_invoker = true);
COMMENT ON VIEW @extschema@.arm_pain_summary IS
    'n, mean and SD per arm, instrument, week and kind (value, or change from the week-0 score), from arm-level outcomes (origin reported) and from participants'' assessments (origin participants) alike; preferred marks the row the effect views use: the reported one when both exist; runs as the querying role, so the participants are those its sites hold (row-level security)';
COMMENT ON COLUMN @extschema@.participant.site IS
    'study site (centre) the participant was enrolled at, one of table site; the roles that work at it see the participant (policy participant_by_site); NULL: only registry administrators do';

-- Security: sites, who works at which, row-level security on
-- participant-level data, and what the extension's owner holds.
--
-- Participants, their assessments and their adverse events belong to a
-- site.  A role sees and writes the rows of the sites it is mapped to in
-- site_member (directly or through a role it has the privileges of), a
-- role in registry_admin and the extension's owner (the role that ran
-- CREATE EXTENSION) see and write them all, and superusers are not
-- subject to the policies at all.  The reporting views run with the
-- privileges and policies of the querying role (security_invoker), so
-- they show each role what its sites hold.
--
-- The policy functions are plain SQL with SQL-standard bodies (bound
-- when created, whatever the caller's search_path) and are not SECURITY
-- DEFINER: the mapping tables are readable by everyone, each role seeing
-- its own rows only.

-- ===================================================================
-- Sites and the roles that work at them
-- ===================================================================

CREATE TABLE @extschema@.site (
    site                text PRIMARY KEY CHECK (btrim(site) <> ''),
    description         text
);
COMMENT ON TABLE @extschema@.site IS
    'a study site (centre); participants belong to one, and site_member says which roles work at it';
COMMENT ON COLUMN @extschema@.site.site IS 'short name of the site, as participant.site gives it';
COMMENT ON COLUMN @extschema@.site.description IS 'full name, address or anything else about the site';

-- (upgrade) the sites participants already name become rows of site
INSERT INTO @extschema@.site (site)
SELECT DISTINCT site FROM @extschema@.participant WHERE site IS NOT NULL ORDER BY site;

ALTER TABLE @extschema@.participant
    ADD CONSTRAINT participant_site_fkey FOREIGN KEY (site)
        REFERENCES @extschema@.site ON UPDATE CASCADE;

CREATE INDEX participant_site_idx ON @extschema@.participant (site);
COMMENT ON INDEX @extschema@.participant_site_idx IS
    'participants of a site (the policies, renaming or deleting a site)';

CREATE TABLE @extschema@.site_member (
    member              regrole NOT NULL,
    site                text NOT NULL REFERENCES @extschema@.site ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (site, member)
);
COMMENT ON TABLE @extschema@.site_member IS
    'which role works at which site: the role, and every role that has its privileges (pg_has_role USAGE), reads and writes the participants, assessments and participant adverse events of the site; each role sees its own rows here, a registry administrator all';
COMMENT ON COLUMN @extschema@.site_member.member IS 'a role (a login role, or a group role whose members work at the site)';
COMMENT ON COLUMN @extschema@.site_member.site IS 'the site';

CREATE TABLE @extschema@.registry_admin (
    member              regrole PRIMARY KEY
);
COMMENT ON TABLE @extschema@.registry_admin IS
    'registry administrators: the role, and every role that has its privileges, reads and writes the participant-level rows of every site, and the site mapping; each role sees its own row here';
COMMENT ON COLUMN @extschema@.registry_admin.member IS 'a role (a login role, or a group role)';

CREATE FUNCTION @extschema@.is_registry_admin()
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN EXISTS (SELECT 1 FROM @extschema@.registry_admin a
               WHERE pg_catalog.pg_has_role(a.member, 'USAGE'))
    OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e
               WHERE e.extname OPERATOR(pg_catalog.=) 'msc_registry'
                 AND pg_catalog.pg_has_role(e.extowner, 'USAGE'));
COMMENT ON FUNCTION @extschema@.is_registry_admin() IS
    'true when the current role has the privileges of a role in registry_admin or of the extension''s owner (a superuser always has)';

CREATE FUNCTION @extschema@.current_sites()
    RETURNS text[]
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN ARRAY(SELECT DISTINCT m.site FROM @extschema@.site_member m
             WHERE pg_catalog.pg_has_role(m.member, 'USAGE')
             ORDER BY m.site);
COMMENT ON FUNCTION @extschema@.current_sites() IS
    'the sites the current role works at (site_member rows of the roles whose privileges it has), in name order; a registry administrator sees every site whether listed here or not';

-- ===================================================================
-- Participant-level adverse events
-- ===================================================================

CREATE TABLE @extschema@.participant_adverse_event (
    participant_adverse_event_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    participant_id      bigint NOT NULL REFERENCES @extschema@.participant ON DELETE CASCADE,
    term                text NOT NULL CHECK (btrim(term) <> ''),
    organ_system        text,
    serious             boolean NOT NULL,
    grade               smallint CHECK (grade BETWEEN 1 AND 5),
    relatedness         text CHECK (relatedness IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite')),
    onset_week          numeric(7,2) CHECK (onset_week >= 0)
);
COMMENT ON TABLE @extschema@.participant_adverse_event IS
    'one adverse event of one participant (arm-level counts from reports are in adverse_event; arm_adverse_event_summary counts these per arm)';
COMMENT ON COLUMN @extschema@.participant_adverse_event.term IS 'event term (MedDRA preferred term where one is used)';
COMMENT ON COLUMN @extschema@.participant_adverse_event.organ_system IS 'organ system class';
COMMENT ON COLUMN @extschema@.participant_adverse_event.serious IS 'serious adverse event';
COMMENT ON COLUMN @extschema@.participant_adverse_event.grade IS 'CTCAE grade 1 (mild) to 5 (death); NULL when not graded';
COMMENT ON COLUMN @extschema@.participant_adverse_event.relatedness IS 'attribution to the treatment: unrelated, unlikely, possible, probable, definite; NULL when not assessed';
COMMENT ON COLUMN @extschema@.participant_adverse_event.onset_week IS 'weeks from baseline to onset; NULL when not known';

CREATE INDEX participant_adverse_event_participant_idx
    ON @extschema@.participant_adverse_event (participant_id);
COMMENT ON INDEX @extschema@.participant_adverse_event_participant_idx IS
    'adverse events of a participant (policies, cascading deletes)';

CREATE VIEW @extschema@.arm_adverse_event_summary WITH (security_invoker = true) AS
SELECT a.trial_id, a.arm_id, a.label AS arm, a.is_msc, a.route, e.serious, e.term, e.organ_system,
       e.n_affected, e.n_events, r.n_at_risk, e.max_grade
FROM (SELECT p.arm_id, x.serious, min(x.term) AS term, min(x.organ_system) AS organ_system,
             count(DISTINCT x.participant_id) AS n_affected, count(*) AS n_events, max(x.grade) AS max_grade
      FROM @extschema@.participant_adverse_event x
      JOIN @extschema@.participant p ON p.participant_id = x.participant_id
      GROUP BY p.arm_id, x.serious, lower(x.term), lower(x.organ_system)) e
JOIN (SELECT arm_id, count(*) AS n_at_risk FROM @extschema@.participant GROUP BY arm_id) r
  ON r.arm_id = e.arm_id
JOIN @extschema@.arm a ON a.arm_id = e.arm_id;
COMMENT ON VIEW @extschema@.arm_adverse_event_summary IS
    'participant_adverse_event counted per arm, term (ignoring case) and seriousness: participants affected and events among the participants entered in the arm; like every registry view it runs as the querying role, so a site role counts its own sites'' participants only';
COMMENT ON COLUMN @extschema@.arm_adverse_event_summary.n_affected IS 'participants with the event';
COMMENT ON COLUMN @extschema@.arm_adverse_event_summary.n_events IS 'events (a participant may have several)';
COMMENT ON COLUMN @extschema@.arm_adverse_event_summary.n_at_risk IS 'participants entered in the arm (that the querying role may see)';
COMMENT ON COLUMN @extschema@.arm_adverse_event_summary.max_grade IS 'highest CTCAE grade recorded';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.site', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.site_member', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.registry_admin', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.participant_adverse_event', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.participant_adverse_event_participant_adverse_event_id_seq', '');

-- ===================================================================
-- Row-level security
-- ===================================================================

ALTER TABLE @extschema@.site_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_member_read ON @extschema@.site_member FOR SELECT
    USING (pg_catalog.pg_has_role(member, 'USAGE') OR @extschema@.is_registry_admin());
COMMENT ON POLICY site_member_read ON @extschema@.site_member IS
    'a role sees the sites it works at; a registry administrator sees every mapping';
CREATE POLICY site_member_admin_insert ON @extschema@.site_member FOR INSERT
    WITH CHECK (@extschema@.is_registry_admin());
COMMENT ON POLICY site_member_admin_insert ON @extschema@.site_member IS
    'only a registry administrator maps roles to sites';
CREATE POLICY site_member_admin_update ON @extschema@.site_member FOR UPDATE
    USING (@extschema@.is_registry_admin()) WITH CHECK (@extschema@.is_registry_admin());
COMMENT ON POLICY site_member_admin_update ON @extschema@.site_member IS
    'only a registry administrator changes a mapping';
CREATE POLICY site_member_admin_delete ON @extschema@.site_member FOR DELETE
    USING (@extschema@.is_registry_admin());
COMMENT ON POLICY site_member_admin_delete ON @extschema@.site_member IS
    'only a registry administrator removes a mapping';

ALTER TABLE @extschema@.registry_admin ENABLE ROW LEVEL SECURITY;
CREATE POLICY registry_admin_read ON @extschema@.registry_admin FOR SELECT
    USING (pg_catalog.pg_has_role(member, 'USAGE'));
COMMENT ON POLICY registry_admin_read ON @extschema@.registry_admin IS
    'a role sees the administrator rows of the roles whose privileges it has (is_registry_admin() reads them)';
CREATE POLICY registry_admin_admin_insert ON @extschema@.registry_admin FOR INSERT
    WITH CHECK (@extschema@.is_registry_admin());
COMMENT ON POLICY registry_admin_admin_insert ON @extschema@.registry_admin IS
    'only a registry administrator makes another';
CREATE POLICY registry_admin_admin_delete ON @extschema@.registry_admin FOR DELETE
    USING (@extschema@.is_registry_admin());
COMMENT ON POLICY registry_admin_admin_delete ON @extschema@.registry_admin IS
    'only a registry administrator removes one';

-- (SELECT f()) makes each function an InitPlan: evaluated once per query, not per row
ALTER TABLE @extschema@.participant ENABLE ROW LEVEL SECURITY;
CREATE POLICY participant_by_site ON @extschema@.participant
    USING ((SELECT @extschema@.is_registry_admin()) OR site = ANY ((SELECT @extschema@.current_sites())::text[]))
    WITH CHECK ((SELECT @extschema@.is_registry_admin()) OR site = ANY ((SELECT @extschema@.current_sites())::text[]));
COMMENT ON POLICY participant_by_site ON @extschema@.participant IS
    'a role reads, enters, changes and deletes the participants of the sites it works at (current_sites()), and may not move one to another site; a registry administrator all of them, those without a site too';

ALTER TABLE @extschema@.assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY assessment_by_site ON @extschema@.assessment
    USING (EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.participant_id = assessment.participant_id))
    WITH CHECK (EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.participant_id = assessment.participant_id));
COMMENT ON POLICY assessment_by_site ON @extschema@.assessment IS
    'the assessments of the participants the role may see (participant_by_site applies to the lookup), and only of those';

ALTER TABLE @extschema@.participant_adverse_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY participant_adverse_event_by_site ON @extschema@.participant_adverse_event
    USING (EXISTS (SELECT 1 FROM @extschema@.participant p
                   WHERE p.participant_id = participant_adverse_event.participant_id))
    WITH CHECK (EXISTS (SELECT 1 FROM @extschema@.participant p
                        WHERE p.participant_id = participant_adverse_event.participant_id));
COMMENT ON POLICY participant_adverse_event_by_site ON @extschema@.participant_adverse_event IS
    'the adverse events of the participants the role may see (participant_by_site applies to the lookup), and only of those';

-- the policy functions read the mapping as the querying role
GRANT SELECT ON @extschema@.site_member, @extschema@.registry_admin TO PUBLIC;

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
