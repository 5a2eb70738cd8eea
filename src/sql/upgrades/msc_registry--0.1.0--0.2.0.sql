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
-- Sort support for the B-tree operator families of the ordered types
-- (src/sql/ordered_type.sql.in): sorts and index builds compare without a
-- function call per comparison
-- ===================================================================
CREATE FUNCTION @extschema@.msc_source_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_sortsupport(internal) IS
    'B-tree support: sort support of msc_source (sorts and index builds compare without a function call)';
ALTER OPERATOR FAMILY @extschema@.msc_source_ops USING btree ADD
    FUNCTION 2 (@extschema@.msc_source, @extschema@.msc_source) @extschema@.msc_source_sortsupport(internal);
CREATE FUNCTION @extschema@.msc_route_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_route_sortsupport(internal) IS
    'B-tree support: sort support of msc_route (sorts and index builds compare without a function call)';
ALTER OPERATOR FAMILY @extschema@.msc_route_ops USING btree ADD
    FUNCTION 2 (@extschema@.msc_route, @extschema@.msc_route) @extschema@.msc_route_sortsupport(internal);
CREATE FUNCTION @extschema@.pain_score_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_sortsupport(internal) IS
    'B-tree support: sort support of pain_score (sorts and index builds compare without a function call)';
ALTER OPERATOR FAMILY @extschema@.pain_score_ops USING btree ADD
    FUNCTION 2 (@extschema@.pain_score, @extschema@.pain_score) @extschema@.pain_score_sortsupport(internal);
CREATE FUNCTION @extschema@.cell_dose_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose_sortsupport(internal) IS
    'B-tree support: sort support of cell_dose (sorts and index builds compare without a function call)';
ALTER OPERATOR FAMILY @extschema@.cell_dose_ops USING btree ADD
    FUNCTION 2 (@extschema@.cell_dose, @extschema@.cell_dose) @extschema@.cell_dose_sortsupport(internal);
CREATE FUNCTION @extschema@.trial_id_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_id_sortsupport(internal) IS
    'B-tree support: sort support of trial_id (sorts and index builds compare without a function call)';
ALTER OPERATOR FAMILY @extschema@.trial_id_ops USING btree ADD
    FUNCTION 2 (@extschema@.trial_id, @extschema@.trial_id) @extschema@.trial_id_sortsupport(internal);

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

-- ===================================================================
-- Hostile documents (test/hostile_import.sh)
-- ===================================================================

-- ctgov_import(): a module or title of the wrong JSON type, a non-text arm
-- label, description or adverse-event term, and labels, terms and organ
-- systems over 300 characters (which broke the unique indexes: 54000) are
-- import_problem rows (test/hostile_import.sh).
CREATE OR REPLACE FUNCTION @extschema@.ctgov_import(record jsonb)
    RETURNS @extschema@.trial_id
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    not_study_hint constant text :=
        'ctgov_import() takes one study as the ClinicalTrials.gov API v2 returns it '
        '(https://clinicaltrials.gov/api/v2/studies/NCT01234567): a JSON object with protocolSection.identificationModule.nctId.';
    ps jsonb;
    nct text;
    tid @extschema@.trial_id;
    probs jsonb := '[]';
    -- trial
    v_title text;
    v_official text;
    v_conditions text[] := '{}';
    v_category text;
    v_all_categories text[];
    v_phases text[] := '{}';
    v_study_type text;
    v_status text;
    v_enrollment integer;
    v_start text;
    v_has_results boolean;
    -- arms
    arm_labels text[] := '{}';
    arm_ids bigint[] := '{}';
    ivs jsonb;
    ag jsonb;
    ai bigint;
    iv jsonb;
    apath text;
    v_label text;
    v_type text;
    v_descr text;
    v_ivnames text[];
    texts text[];
    full_text text;
    v_is_msc boolean;
    v_sources @extschema@.msc_source[];
    v_routes @extschema@.msc_route[];
    v_source @extschema@.msc_source;
    v_route @extschema@.msc_route;
    v_donor @extschema@.msc_donor;
    v_manip @extschema@.msc_manipulation;
    v_dose @extschema@.cell_dose;
    v_co text[];
    v_arm_id bigint;
    msg text;
    -- outcomes
    om jsonb;
    oi bigint;
    mpath text;
    im record;
    sc record;
    tp record;
    v_stat text;
    v_kind text;
    dt text;
    disp text;
    lvl text;
    v_level double precision;
    v_sd_source text;
    gmap jsonb;
    g jsonb;
    gi bigint;
    cls jsonb;
    ci bigint;
    cat jsonb;
    ki bigint;
    meas jsonb;
    mi bigint;
    cpath text;
    kpath text;
    path text;
    denoms jsonb;
    n_classes integer;
    n_cats integer;
    gid text;
    v_n integer;
    v_mean numeric;
    v_sd numeric;
    v_spread numeric;
    lo numeric;
    hi numeric;
    rng numrange;
    cnt bigint;
    -- adverse events
    emap jsonb := '{}';
    unmatched text[] := '{}';
    aem jsonb;
    lst record;
    ev jsonb;
    ei bigint;
    st jsonb;
    si bigint;
    epath text;
    spath text;
    v_term text;
    v_organ text;
    v_aff integer;
    v_risk integer;
    v_events integer;
    sa integer;
    sr integer;
    da integer;
    dr integer;
BEGIN
    -- ---- is it one ClinicalTrials.gov API v2 study? ----
    IF jsonb_typeof(record) <> 'object' THEN
        RAISE EXCEPTION 'document is not a ClinicalTrials.gov study record: it is a JSON %', jsonb_typeof(record)
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    IF record ? 'studies' THEN
        RAISE EXCEPTION 'document is a page of ClinicalTrials.gov search results, not one study record'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Import each study of the page: SELECT ctgov_import(s) FROM jsonb_array_elements(doc -> ''studies'') AS s;';
    END IF;
    IF record ?| ARRAY['FullStudiesResponse', 'FullStudy', 'StudyFieldsResponse', 'ProtocolSection']
       OR jsonb_typeof(record #> '{Study,ProtocolSection}') = 'object' THEN
        RAISE EXCEPTION 'document is a record of the retired ClinicalTrials.gov API v1, not of API v2'
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    ps := record -> 'protocolSection';
    IF jsonb_typeof(ps) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'document is not a ClinicalTrials.gov study record: it has no "protocolSection" object'
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    IF ps #> '{identificationModule,nctId}' IS NULL THEN
        RAISE EXCEPTION 'document is not a ClinicalTrials.gov study record: it has no protocolSection.identificationModule.nctId'
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    nct := CASE WHEN jsonb_typeof(ps #> '{identificationModule,nctId}') = 'string'
                THEN ps #>> '{identificationModule,nctId}' ELSE (ps #> '{identificationModule,nctId}')::text END;
    IF nct !~ '^NCT[0-9]{8}$' THEN
        RAISE EXCEPTION 'nctId "%" of the study record is not a ClinicalTrials.gov identifier', left(nct, 48)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'An NCT number is NCT followed by eight digits, e.g. NCT01234567.';
    END IF;
    tid := nct::@extschema@.trial_id;

    -- the parts of the record the import reads are objects: one that is
    -- not is a problem, not an empty part
    FOR mpath, g IN
        SELECT '$.' || p, record #> string_to_array(p, '.')
        FROM unnest(ARRAY['protocolSection.statusModule', 'protocolSection.statusModule.startDateStruct',
                          'protocolSection.designModule', 'protocolSection.designModule.enrollmentInfo',
                          'protocolSection.conditionsModule', 'protocolSection.armsInterventionsModule',
                          'resultsSection', 'resultsSection.outcomeMeasuresModule',
                          'resultsSection.adverseEventsModule']) AS p
    LOOP
        IF g IS NOT NULL AND jsonb_typeof(g) <> 'object' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'not an object; not loaded', 'raw', g);
        END IF;
    END LOOP;

    -- ---- the trial ----
    FOR mpath, g IN
        SELECT '$.protocolSection.identificationModule.' || f, ps -> 'identificationModule' -> f
        FROM unnest(ARRAY['briefTitle', 'officialTitle']) AS f
    LOOP
        IF g IS NOT NULL AND jsonb_typeof(g) <> 'string' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'a title that is not a text; not loaded', 'raw', g);
        END IF;
    END LOOP;
    v_title := CASE WHEN jsonb_typeof(ps #> '{identificationModule,briefTitle}') = 'string'
                    THEN nullif(btrim(ps #>> '{identificationModule,briefTitle}'), '') END;
    v_official := CASE WHEN jsonb_typeof(ps #> '{identificationModule,officialTitle}') = 'string'
                       THEN nullif(btrim(ps #>> '{identificationModule,officialTitle}'), '') END;
    IF jsonb_typeof(ps #> '{conditionsModule,conditions}') = 'array' THEN
        FOR g, gi IN SELECT * FROM jsonb_array_elements(ps #> '{conditionsModule,conditions}') WITH ORDINALITY LOOP
            IF jsonb_typeof(g) = 'string' AND btrim(g #>> '{}') <> '' THEN
                v_conditions := v_conditions || btrim(g #>> '{}');
            ELSE
                probs := probs || jsonb_build_object('path', format('$.protocolSection.conditionsModule.conditions[%s]', gi - 1),
                    'reason', 'a condition that is not a text; not loaded', 'raw', g);
            END IF;
        END LOOP;
    ELSIF ps #> '{conditionsModule,conditions}' IS NOT NULL THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.conditionsModule.conditions',
            'reason', 'conditions are not a list; not loaded', 'raw', ps #> '{conditionsModule,conditions}');
    END IF;
    v_category := @extschema@.condition_category(v_conditions || v_title);
    v_all_categories := ARRAY(SELECT DISTINCT x FROM unnest(v_conditions) AS c,
                              unnest(@extschema@.condition_categories(c)) AS x ORDER BY x);
    IF cardinality(v_all_categories) > 1 THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.conditionsModule.conditions',
            'reason', format('the conditions name several categories (%s); stored as %s',
                             array_to_string(v_all_categories, ', '), v_category),
            'raw', ps #> '{conditionsModule,conditions}');
    END IF;

    IF jsonb_typeof(ps #> '{designModule,phases}') = 'array' THEN
        FOR g, gi IN SELECT * FROM jsonb_array_elements(ps #> '{designModule,phases}') WITH ORDINALITY LOOP
            IF lower(g #>> '{}') IN ('na', 'early_phase1', 'phase1', 'phase2', 'phase3', 'phase4') THEN
                v_phases := v_phases || lower(g #>> '{}');
            ELSE
                probs := probs || jsonb_build_object('path', format('$.protocolSection.designModule.phases[%s]', gi - 1),
                    'reason', 'not a phase (NA, EARLY_PHASE1, PHASE1 ... PHASE4); not loaded', 'raw', g);
            END IF;
        END LOOP;
    END IF;
    v_study_type := lower(ps #>> '{designModule,studyType}');
    IF v_study_type NOT IN ('interventional', 'observational', 'expanded_access') THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.designModule.studyType',
            'reason', 'not a study type (INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS); not loaded',
            'raw', ps #> '{designModule,studyType}');
        v_study_type := NULL;
    END IF;
    v_status := lower(ps #>> '{statusModule,overallStatus}');
    IF v_status NOT IN ('active_not_recruiting', 'completed', 'enrolling_by_invitation', 'not_yet_recruiting',
                        'recruiting', 'suspended', 'terminated', 'withdrawn', 'available', 'no_longer_available',
                        'temporarily_not_available', 'approved_for_marketing', 'withheld', 'unknown') THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.statusModule.overallStatus',
            'reason', 'not a recruitment status of ClinicalTrials.gov; not loaded', 'raw', ps #> '{statusModule,overallStatus}');
        v_status := NULL;
    END IF;
    IF ps #> '{designModule,enrollmentInfo,count}' IS NOT NULL THEN
        v_enrollment := @extschema@.ctgov_integer(ps #> '{designModule,enrollmentInfo,count}');
        IF v_enrollment IS NULL THEN
            probs := probs || jsonb_build_object('path', '$.protocolSection.designModule.enrollmentInfo.count',
                'reason', 'enrollment is not a count; not loaded', 'raw', ps #> '{designModule,enrollmentInfo,count}');
        END IF;
    END IF;
    v_start := ps #>> '{statusModule,startDateStruct,date}';
    IF v_start !~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.statusModule.startDateStruct.date',
            'reason', 'start date is not YYYY, YYYY-MM or YYYY-MM-DD; not loaded', 'raw', ps #> '{statusModule,startDateStruct,date}');
        v_start := NULL;
    END IF;
    IF jsonb_typeof(record -> 'hasResults') = 'boolean' THEN
        v_has_results := (record ->> 'hasResults')::boolean;
    ELSIF record ? 'hasResults' THEN
        probs := probs || jsonb_build_object('path', '$.hasResults', 'reason', 'hasResults is not true or false; not loaded',
            'raw', record -> 'hasResults');
    END IF;

    INSERT INTO @extschema@.trial AS t (trial_id, title, official_title, conditions, condition_category, phases,
                                        study_type, overall_status, enrollment, start_date, has_results,
                                        origin, ctgov_record, imported_at)
    VALUES (tid, v_title, v_official, v_conditions, v_category, v_phases, v_study_type, v_status, v_enrollment,
            v_start, v_has_results, 'ctgov', record, now())
    ON CONFLICT (trial_id) DO UPDATE SET
        title = EXCLUDED.title, official_title = EXCLUDED.official_title, conditions = EXCLUDED.conditions,
        condition_category = EXCLUDED.condition_category, phases = EXCLUDED.phases,
        study_type = EXCLUDED.study_type, overall_status = EXCLUDED.overall_status,
        enrollment = EXCLUDED.enrollment, start_date = EXCLUDED.start_date, has_results = EXCLUDED.has_results,
        origin = EXCLUDED.origin, ctgov_record = EXCLUDED.ctgov_record, imported_at = EXCLUDED.imported_at;

    -- lists the rest of the import walks through: one that is not a list is
    -- a problem, not an empty list
    FOR mpath, g IN
        SELECT '$.' || p, record #> string_to_array(p, '.')
        FROM unnest(ARRAY['protocolSection.designModule.phases',
                          'protocolSection.armsInterventionsModule.armGroups',
                          'protocolSection.armsInterventionsModule.interventions',
                          'resultsSection.outcomeMeasuresModule.outcomeMeasures',
                          'resultsSection.adverseEventsModule.eventGroups',
                          'resultsSection.adverseEventsModule.seriousEvents',
                          'resultsSection.adverseEventsModule.otherEvents']) AS p
    LOOP
        IF g IS NOT NULL AND jsonb_typeof(g) <> 'array' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'not a list; not loaded', 'raw', g);
        END IF;
    END LOOP;

    -- a re-import replaces what the last one loaded
    DELETE FROM @extschema@.import_problem WHERE trial_id = tid;
    DELETE FROM @extschema@.outcome o USING @extschema@.arm a WHERE o.arm_id = a.arm_id AND a.trial_id = tid;
    DELETE FROM @extschema@.adverse_event e USING @extschema@.arm a WHERE e.arm_id = a.arm_id AND a.trial_id = tid;

    -- ---- arms, their interventions classified ----
    ivs := CASE WHEN jsonb_typeof(ps #> '{armsInterventionsModule,interventions}') = 'array'
                THEN ps #> '{armsInterventionsModule,interventions}' ELSE '[]' END;
    FOR ag, ai IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(ps #> '{armsInterventionsModule,armGroups}') = 'array'
                 THEN ps #> '{armsInterventionsModule,armGroups}' ELSE '[]' END) WITH ORDINALITY
    LOOP
        apath := format('$.protocolSection.armsInterventionsModule.armGroups[%s]', ai - 1);
        v_label := CASE WHEN jsonb_typeof(ag -> 'label') = 'string' THEN nullif(btrim(ag ->> 'label'), '') END;
        IF v_label IS NULL THEN
            probs := probs || jsonb_build_object('path', apath, 'reason', 'arm group without a label; not loaded', 'raw', ag);
            CONTINUE;
        END IF;
        -- ClinicalTrials.gov allows 100 characters; a label must fit the arm's unique index
        IF char_length(v_label) > 300 THEN
            probs := probs || jsonb_build_object('path', apath || '.label',
                'reason', format('arm label of %s characters, longer than the 300 an arm label may have; not loaded',
                                 char_length(v_label)),
                'raw', ag -> 'label');
            CONTINUE;
        END IF;
        IF v_label = ANY (arm_labels) THEN
            probs := probs || jsonb_build_object('path', apath || '.label',
                'reason', format('arm label "%s" is used twice; the second arm is not loaded', v_label), 'raw', ag);
            CONTINUE;
        END IF;
        v_type := lower(ag ->> 'type');
        IF v_type NOT IN ('experimental', 'active_comparator', 'placebo_comparator', 'sham_comparator',
                          'no_intervention', 'other') THEN
            probs := probs || jsonb_build_object('path', apath || '.type',
                'reason', 'not an arm type of ClinicalTrials.gov; loaded without one', 'raw', ag -> 'type');
            v_type := NULL;
        END IF;
        v_descr := CASE WHEN jsonb_typeof(ag -> 'description') = 'string' THEN nullif(btrim(ag ->> 'description'), '') END;
        IF ag ? 'description' AND jsonb_typeof(ag -> 'description') <> 'string' THEN
            probs := probs || jsonb_build_object('path', apath || '.description',
                'reason', 'an arm description that is not a text; not loaded', 'raw', ag -> 'description');
        END IF;
        v_ivnames := '{}';
        texts := ARRAY[v_label, v_descr];
        FOR iv IN SELECT * FROM jsonb_array_elements(ivs) LOOP
            CONTINUE WHEN jsonb_typeof(iv) <> 'object';
            IF (jsonb_typeof(iv -> 'armGroupLabels') = 'array' AND (iv -> 'armGroupLabels') ? v_label)
               OR (jsonb_typeof(ag -> 'interventionNames') = 'array'
                   AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ag -> 'interventionNames') AS x
                               WHERE lower(btrim(regexp_replace(x, '^[^:]*:', ''))) = lower(btrim(iv ->> 'name'))))
            THEN
                v_ivnames := v_ivnames || format('%s: %s',
                    coalesce(initcap(replace(lower(iv ->> 'type'), '_', ' ')), 'Other'), btrim(iv ->> 'name'));
                texts := texts || (iv ->> 'name') || (iv ->> 'description')
                         || CASE WHEN jsonb_typeof(iv -> 'otherNames') = 'array'
                                 THEN ARRAY(SELECT jsonb_array_elements_text(iv -> 'otherNames')) ELSE '{}'::text[] END;
            END IF;
        END LOOP;
        IF cardinality(v_ivnames) = 0 AND jsonb_typeof(ag -> 'interventionNames') = 'array' THEN
            v_ivnames := ARRAY(SELECT jsonb_array_elements_text(ag -> 'interventionNames'));
            texts := texts || v_ivnames;
        END IF;
        full_text := array_to_string(texts, '. ');

        v_is_msc := coalesce(v_type, '') NOT IN ('placebo_comparator', 'sham_comparator', 'no_intervention')
                    AND @extschema@.msc_mentioned(full_text);
        v_source := NULL; v_route := NULL; v_donor := NULL; v_manip := NULL; v_dose := NULL;
        BEGIN
            v_routes := @extschema@.msc_routes_in(full_text);
            IF v_is_msc THEN
                v_sources := @extschema@.msc_sources_in(full_text);
                v_donor := @extschema@.msc_donor_in(full_text);
                v_manip := @extschema@.msc_manipulation_in(full_text);
                v_dose := @extschema@.cell_dose_in(full_text);
            ELSE
                v_sources := '{}';
            END IF;
        EXCEPTION WHEN data_exception THEN
            GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('the arm''s text could not be classified (%s); loaded without source, donor, manipulation, route and dose', msg),
                'raw', to_jsonb(full_text));
            v_routes := '{}'; v_sources := '{}'; v_donor := NULL; v_manip := NULL; v_dose := NULL;
        END;
        IF cardinality(v_sources) = 1 THEN
            v_source := v_sources[1];
        ELSIF cardinality(v_sources) > 1 THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('the arm names several cell sources (%s); loaded without a source', array_to_string(v_sources, ', ')),
                'raw', to_jsonb(full_text));
        END IF;
        IF cardinality(v_routes) = 1 THEN
            v_route := v_routes[1];
        ELSIF cardinality(v_routes) > 1 THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('the arm names several routes (%s); loaded without a route', array_to_string(v_routes, ', ')),
                'raw', to_jsonb(full_text));
        END IF;
        v_co := @extschema@.co_interventions_in(full_text);

        INSERT INTO @extschema@.arm AS a (trial_id, label, arm_type, description, interventions, is_msc, source, donor,
                                          manipulation, route, dose, co_interventions)
        VALUES (tid, v_label, v_type, v_descr, v_ivnames, v_is_msc, v_source, v_donor, v_manip, v_route, v_dose, v_co)
        ON CONFLICT (trial_id, label) DO UPDATE SET
            arm_type = EXCLUDED.arm_type, description = EXCLUDED.description, interventions = EXCLUDED.interventions,
            is_msc = EXCLUDED.is_msc, source = EXCLUDED.source, donor = EXCLUDED.donor,
            manipulation = EXCLUDED.manipulation, route = EXCLUDED.route, dose = EXCLUDED.dose,
            co_interventions = EXCLUDED.co_interventions,
            sae_affected = NULL, sae_at_risk = NULL, deaths = NULL, deaths_at_risk = NULL
        RETURNING a.arm_id INTO v_arm_id;
        arm_labels := arm_labels || v_label;
        arm_ids := arm_ids || v_arm_id;
    END LOOP;

    -- arms no longer in the record go, unless participants were entered in them
    FOR v_label IN
        SELECT a.label FROM @extschema@.arm a
        WHERE a.trial_id = tid AND a.arm_id <> ALL (arm_ids)
          AND EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.arm_id = a.arm_id)
        ORDER BY a.label
    LOOP
        probs := probs || jsonb_build_object('path', '$.protocolSection.armsInterventionsModule.armGroups',
            'reason', format('arm "%s" is no longer in the record but has participants; kept', v_label),
            'raw', to_jsonb(v_label));
    END LOOP;
    DELETE FROM @extschema@.arm a
    WHERE a.trial_id = tid AND a.arm_id <> ALL (arm_ids)
      AND NOT EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.arm_id = a.arm_id);

    -- ---- outcome measures on a known pain or function instrument ----
    FOR om, oi IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(record #> '{resultsSection,outcomeMeasuresModule,outcomeMeasures}') = 'array'
                 THEN record #> '{resultsSection,outcomeMeasuresModule,outcomeMeasures}' ELSE '[]' END) WITH ORDINALITY
    LOOP
        mpath := format('$.resultsSection.outcomeMeasuresModule.outcomeMeasures[%s]', oi - 1);
        IF jsonb_typeof(om) <> 'object' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'an outcome measure that is not an object; not loaded',
                                                 'raw', om);
            CONTINUE;
        END IF;
        im := @extschema@.pain_instrument_match(om ->> 'title', om ->> 'unitOfMeasure');
        IF im.instrument IS NULL THEN
            IF im.reason IS NOT NULL THEN
                probs := probs || jsonb_build_object('path', mpath || '.title', 'reason', im.reason || '; not loaded',
                                                     'raw', om -> 'title');
            END IF;
            CONTINUE;
        END IF;

        dt := upper(btrim(regexp_replace(coalesce(om ->> 'paramType', ''), '[^A-Za-z0-9]+', '_', 'g'), '_'));
        v_stat := CASE dt WHEN 'MEAN' THEN 'mean' WHEN 'LEAST_SQUARES_MEAN' THEN 'least_squares_mean' END;
        IF v_stat IS NULL THEN
            probs := probs || jsonb_build_object('path', mpath || '.paramType',
                'reason', CASE WHEN om ? 'paramType'
                               THEN format('%s reported as %s, not as a mean; not loaded', im.instrument, om ->> 'paramType')
                               ELSE format('%s results without a parameter type (MEAN ...); not loaded', im.instrument) END,
                'raw', om -> 'paramType');
            CONTINUE;
        END IF;

        IF (om ->> 'title') ~* '(percent(age)?|%) (change|reduction|improvement|decrease)' THEN
            probs := probs || jsonb_build_object('path', mpath || '.title',
                'reason', 'a percent change is not on the instrument''s scale; not loaded', 'raw', om -> 'title');
            CONTINUE;
        ELSIF (om ->> 'title') ~* '\mchanges?\M' THEN
            v_kind := 'change';
        ELSIF (om ->> 'title') ~* '\m(reduction|improvement|decrease|increase|difference)\M' THEN
            probs := probs || jsonb_build_object('path', mpath || '.title',
                'reason', 'a change given as a reduction, improvement or difference: its sign is unclear; not loaded',
                'raw', om -> 'title');
            CONTINUE;
        ELSE
            v_kind := 'value';
        END IF;

        sc := @extschema@.pain_scale_of(im.instrument, om ->> 'title', om ->> 'unitOfMeasure', om ->> 'description');
        IF sc.problem IS NOT NULL THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', sc.problem || '; not loaded',
                'raw', jsonb_strip_nulls(jsonb_build_object('title', om -> 'title', 'unitOfMeasure', om -> 'unitOfMeasure',
                                                            'description', om -> 'description')));
            CONTINUE;
        END IF;

        dt := upper(btrim(regexp_replace(coalesce(om ->> 'dispersionType', ''), '[^A-Za-z0-9]+', '_', 'g'), '_'));
        disp := NULL; v_level := NULL; v_sd_source := NULL;
        IF dt = 'STANDARD_DEVIATION' THEN
            disp := 'sd'; v_sd_source := 'reported';
        ELSIF dt IN ('STANDARD_ERROR', 'STANDARD_ERROR_OF_MEAN', 'STANDARD_ERROR_OF_THE_MEAN') THEN
            disp := 'se'; v_sd_source := 'se';
        ELSIF dt ~ '^(CONFIDENCE_(80|90|95|975|99)|(80|90|95|97_5|99)_CONFIDENCE_INTERVAL)$' THEN
            disp := 'ci';
            lvl := replace(substring(dt FROM '([0-9]+(_5)?)'), '_', '');
            v_level := CASE lvl WHEN '975' THEN 0.975 ELSE lvl::double precision / 100 END;
            v_sd_source := 'ci' || CASE lvl WHEN '975' THEN '97.5' ELSE lvl END;
        ELSE
            probs := probs || jsonb_build_object('path', mpath || '.dispersionType',
                'reason', format('the spread is %s: no standard deviation can be derived from it; loaded without one',
                                 coalesce(om ->> 'dispersionType', 'not given')),
                'raw', om -> 'dispersionType');
        END IF;

        gmap := '{}';
        IF jsonb_typeof(om -> 'groups') = 'array' THEN
            FOR g IN SELECT * FROM jsonb_array_elements(om -> 'groups') LOOP
                gi := @extschema@.results_group_arm(g ->> 'title', arm_labels);
                gmap := gmap || jsonb_build_object(coalesce(g ->> 'id', ''),
                                                   jsonb_build_object('arm', arm_ids[gi], 'title', g ->> 'title'));
            END LOOP;
        END IF;

        n_classes := CASE WHEN jsonb_typeof(om -> 'classes') = 'array' THEN jsonb_array_length(om -> 'classes') ELSE 0 END;
        FOR cls, ci IN SELECT * FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(om -> 'classes') = 'array' THEN om -> 'classes' ELSE '[]' END) WITH ORDINALITY
        LOOP
            cpath := mpath || format('.classes[%s]', ci - 1);
            denoms := CASE WHEN jsonb_typeof(cls -> 'denoms') = 'array' THEN cls -> 'denoms'
                           WHEN jsonb_typeof(om -> 'denoms') = 'array' THEN om -> 'denoms' ELSE '[]' END;
            n_cats := CASE WHEN jsonb_typeof(cls -> 'categories') = 'array' THEN jsonb_array_length(cls -> 'categories') ELSE 0 END;
            FOR cat, ki IN SELECT * FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(cls -> 'categories') = 'array' THEN cls -> 'categories' ELSE '[]' END) WITH ORDINALITY
            LOOP
                kpath := cpath || format('.categories[%s]', ki - 1);
                tp := @extschema@.ctgov_timepoint(cls ->> 'title', n_classes, cat ->> 'title', n_cats, om ->> 'timeFrame', v_kind);
                IF tp.problem IS NOT NULL THEN
                    probs := probs || jsonb_build_object('path', kpath, 'reason', tp.problem || '; not loaded',
                        'raw', jsonb_strip_nulls(jsonb_build_object('class', cls -> 'title', 'category', cat -> 'title',
                                                                    'timeFrame', om -> 'timeFrame')));
                    CONTINUE;
                END IF;
                FOR meas, mi IN SELECT * FROM jsonb_array_elements(
                        CASE WHEN jsonb_typeof(cat -> 'measurements') = 'array' THEN cat -> 'measurements' ELSE '[]' END) WITH ORDINALITY
                LOOP
                    path := kpath || format('.measurements[%s]', mi - 1);
                    gid := meas ->> 'groupId';
                    v_arm_id := (gmap #>> ARRAY[coalesce(gid, ''), 'arm'])::bigint;
                    IF v_arm_id IS NULL THEN
                        probs := probs || jsonb_build_object('path', path,
                            'reason', format('results group %s "%s" matches no arm of the protocol (%s); not loaded',
                                             coalesce(gid, '(none)'), coalesce(gmap #>> ARRAY[coalesce(gid, ''), 'title'], ''),
                                             array_to_string(arm_labels, '; ')),
                            'raw', meas);
                        CONTINUE;
                    END IF;
                    SELECT @extschema@.ctgov_integer(c -> 'value') INTO v_n
                    FROM jsonb_array_elements(denoms) AS d, jsonb_array_elements(
                             CASE WHEN jsonb_typeof(d -> 'counts') = 'array' THEN d -> 'counts' ELSE '[]' END) AS c
                    WHERE d ->> 'units' ~* '^\s*participants?\s*$' AND c ->> 'groupId' = gid
                    LIMIT 1;
                    IF v_n IS NULL OR v_n = 0 THEN
                        probs := probs || jsonb_build_object('path', path,
                            'reason', format('no number of participants analysed for group %s; not loaded', gid), 'raw', meas);
                        CONTINUE;
                    END IF;
                    v_mean := @extschema@.ctgov_number(meas ->> 'value');
                    IF v_mean IS NULL THEN
                        probs := probs || jsonb_build_object('path', path || '.value',
                            'reason', format('value "%s" is not a number; not loaded', coalesce(meas ->> 'value', '')),
                            'raw', meas);
                        CONTINUE;
                    END IF;
                    v_sd := NULL;
                    IF disp IN ('sd', 'se') THEN
                        v_spread := @extschema@.ctgov_number(meas ->> 'spread');
                        IF v_spread IS NULL OR v_spread < 0 THEN
                            probs := probs || jsonb_build_object('path', path || '.spread',
                                'reason', format('spread "%s" is not a number >= 0; loaded without a standard deviation',
                                                 coalesce(meas ->> 'spread', '')),
                                'raw', meas);
                        ELSIF disp = 'sd' THEN
                            v_sd := v_spread * sc.factor;
                        ELSE
                            v_sd := trim_scale(@extschema@.sd_from_se((v_spread * sc.factor)::double precision, v_n)::numeric);
                        END IF;
                    ELSIF disp = 'ci' THEN
                        lo := @extschema@.ctgov_number(meas ->> 'lowerLimit');
                        hi := @extschema@.ctgov_number(meas ->> 'upperLimit');
                        IF lo IS NULL OR hi IS NULL OR lo > hi THEN
                            probs := probs || jsonb_build_object('path', path,
                                'reason', format('confidence limits "%s" and "%s" are not an interval; loaded without a standard deviation',
                                                 coalesce(meas ->> 'lowerLimit', ''), coalesce(meas ->> 'upperLimit', '')),
                                'raw', meas);
                        ELSIF v_n < 2 THEN
                            probs := probs || jsonb_build_object('path', path,
                                'reason', 'a confidence interval of one participant gives no standard deviation; loaded without one',
                                'raw', meas);
                        ELSE
                            v_sd := trim_scale(@extschema@.sd_from_ci((lo * sc.factor)::double precision,
                                                                      (hi * sc.factor)::double precision, v_n, v_level)::numeric);
                        END IF;
                    END IF;
                    v_mean := v_mean * sc.factor;
                    rng := @extschema@.pain_instrument_range(sc.instrument_used);
                    IF (v_kind = 'value' AND NOT rng @> v_mean)
                       OR (v_kind = 'change' AND abs(v_mean) > upper(rng) - lower(rng)) THEN
                        probs := probs || jsonb_build_object('path', path || '.value',
                            'reason', format('%s %s is outside the range of %s (%s to %s)%s; not loaded',
                                             CASE v_kind WHEN 'value' THEN 'mean' ELSE 'mean change' END, v_mean,
                                             sc.instrument_used, lower(rng), upper(rng),
                                             CASE WHEN sc.factor <> 1 THEN format(' after %s', sc.conversion) ELSE '' END),
                            'raw', meas);
                        CONTINUE;
                    END IF;
                    INSERT INTO @extschema@.outcome (arm_id, instrument, week, kind, statistic, n, mean, sd, sd_source,
                                                     conversion, measure, time_frame, json_path)
                    VALUES (v_arm_id, sc.instrument_used, tp.week, v_kind, v_stat, v_n, v_mean, v_sd,
                            CASE WHEN v_sd IS NOT NULL THEN v_sd_source END, sc.conversion,
                            om ->> 'title', om ->> 'timeFrame', path)
                    ON CONFLICT DO NOTHING;
                    GET DIAGNOSTICS cnt = ROW_COUNT;
                    IF cnt = 0 THEN
                        probs := probs || jsonb_build_object('path', path,
                            'reason', format('arm "%s" already has a %s %s at week %s from an earlier outcome measure; not loaded',
                                             arm_labels[array_position(arm_ids, v_arm_id)], sc.instrument_used, v_kind, tp.week),
                            'raw', meas);
                    END IF;
                END LOOP;
            END LOOP;
        END LOOP;
    END LOOP;

    -- ---- adverse events ----
    aem := record #> '{resultsSection,adverseEventsModule}';
    FOR g, gi IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(aem -> 'eventGroups') = 'array' THEN aem -> 'eventGroups' ELSE '[]' END) WITH ORDINALITY
    LOOP
        apath := format('$.resultsSection.adverseEventsModule.eventGroups[%s]', gi - 1);
        ai := @extschema@.results_group_arm(g ->> 'title', arm_labels);
        IF ai IS NULL OR arm_ids[ai] IN (SELECT x::bigint FROM jsonb_each_text(emap) AS e(k, x)) THEN
            unmatched := unmatched || coalesce(g ->> 'id', '');
            SELECT count(*) INTO cnt
            FROM (SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(aem -> 'seriousEvents') = 'array'
                                                          THEN aem -> 'seriousEvents' ELSE '[]' END) AS e
                  UNION ALL
                  SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(aem -> 'otherEvents') = 'array'
                                                          THEN aem -> 'otherEvents' ELSE '[]' END) AS e) AS evs,
                 jsonb_array_elements(CASE WHEN jsonb_typeof(evs.e -> 'stats') = 'array' THEN evs.e -> 'stats' ELSE '[]' END) AS s
            WHERE s ->> 'groupId' = g ->> 'id';
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('adverse-event group %s "%s" %s; not loaded: its totals and its %s event count(s)',
                                 coalesce(g ->> 'id', '(none)'), coalesce(g ->> 'title', ''),
                                 CASE WHEN ai IS NULL
                                      THEN format('matches no arm of the protocol (%s)', array_to_string(arm_labels, '; '))
                                      ELSE format('stands for arm "%s" like an earlier group', arm_labels[ai]) END,
                                 cnt),
                'raw', g);
            CONTINUE;
        END IF;
        emap := emap || jsonb_build_object(g ->> 'id', arm_ids[ai]);
        sa := @extschema@.ctgov_integer(g -> 'seriousNumAffected');
        sr := @extschema@.ctgov_integer(g -> 'seriousNumAtRisk');
        da := @extschema@.ctgov_integer(g -> 'deathsNumAffected');
        dr := @extschema@.ctgov_integer(g -> 'deathsNumAtRisk');
        IF (g ? 'seriousNumAffected' AND sa IS NULL) OR (g ? 'seriousNumAtRisk' AND sr IS NULL) OR sa > sr THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', 'serious adverse events affected and at risk are not two counts with affected <= at risk; not loaded',
                'raw', jsonb_build_object('seriousNumAffected', g -> 'seriousNumAffected', 'seriousNumAtRisk', g -> 'seriousNumAtRisk'));
            sa := NULL; sr := NULL;
        END IF;
        IF (g ? 'deathsNumAffected' AND da IS NULL) OR (g ? 'deathsNumAtRisk' AND dr IS NULL) OR da > dr THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', 'deaths and at risk are not two counts with deaths <= at risk; not loaded',
                'raw', jsonb_build_object('deathsNumAffected', g -> 'deathsNumAffected', 'deathsNumAtRisk', g -> 'deathsNumAtRisk'));
            da := NULL; dr := NULL;
        END IF;
        UPDATE @extschema@.arm SET sae_affected = sa, sae_at_risk = sr, deaths = da, deaths_at_risk = dr
        WHERE arm_id = arm_ids[ai];
    END LOOP;

    FOR lst IN SELECT * FROM (VALUES ('seriousEvents', true), ('otherEvents', false)) AS l(name, serious) LOOP
        FOR ev, ei IN SELECT * FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(aem -> lst.name) = 'array' THEN aem -> lst.name ELSE '[]' END) WITH ORDINALITY
        LOOP
            epath := format('$.resultsSection.adverseEventsModule.%s[%s]', lst.name, ei - 1);
            v_term := CASE WHEN jsonb_typeof(ev -> 'term') = 'string' THEN nullif(btrim(ev ->> 'term'), '') END;
            IF v_term IS NULL THEN
                probs := probs || jsonb_build_object('path', epath, 'reason', 'adverse event without a term; not loaded', 'raw', ev);
                CONTINUE;
            END IF;
            -- ClinicalTrials.gov allows 100 characters; term and organ system must fit the unique index
            IF char_length(v_term) > 300 THEN
                probs := probs || jsonb_build_object('path', epath || '.term',
                    'reason', format('adverse event term of %s characters, longer than the 300 a term may have; not loaded',
                                     char_length(v_term)),
                    'raw', ev -> 'term');
                CONTINUE;
            END IF;
            v_organ := CASE WHEN jsonb_typeof(ev -> 'organSystem') = 'string' THEN nullif(btrim(ev ->> 'organSystem'), '') END;
            IF ev ? 'organSystem' AND jsonb_typeof(ev -> 'organSystem') <> 'string' THEN
                probs := probs || jsonb_build_object('path', epath || '.organSystem',
                    'reason', format('"%s": an organ system that is not a text; loaded without one', v_term),
                    'raw', ev -> 'organSystem');
            ELSIF char_length(v_organ) > 300 THEN
                probs := probs || jsonb_build_object('path', epath || '.organSystem',
                    'reason', format('"%s": organ system of %s characters, longer than the 300 it may have; loaded without one',
                                     v_term, char_length(v_organ)),
                    'raw', ev -> 'organSystem');
                v_organ := NULL;
            END IF;
            FOR st, si IN SELECT * FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(ev -> 'stats') = 'array' THEN ev -> 'stats' ELSE '[]' END) WITH ORDINALITY
            LOOP
                spath := epath || format('.stats[%s]', si - 1);
                gid := st ->> 'groupId';
                IF NOT emap ? coalesce(gid, '') THEN
                    IF NOT coalesce(gid, '') = ANY (unmatched) THEN
                        probs := probs || jsonb_build_object('path', spath,
                            'reason', format('group %s is not an adverse-event group of the record; not loaded', coalesce(gid, '(none)')),
                            'raw', st);
                    END IF;
                    CONTINUE;
                END IF;
                v_aff := @extschema@.ctgov_integer(st -> 'numAffected');
                v_risk := @extschema@.ctgov_integer(st -> 'numAtRisk');
                v_events := @extschema@.ctgov_integer(st -> 'numEvents');
                IF v_aff IS NULL OR v_risk IS NULL OR v_aff > v_risk THEN
                    probs := probs || jsonb_build_object('path', spath,
                        'reason', format('"%s": affected %s and at risk %s are not two counts with affected <= at risk; not loaded',
                                         v_term, coalesce(st ->> 'numAffected', 'missing'), coalesce(st ->> 'numAtRisk', 'missing')),
                        'raw', st);
                    CONTINUE;
                END IF;
                IF st ? 'numEvents' AND (v_events IS NULL OR v_events < v_aff) THEN
                    probs := probs || jsonb_build_object('path', spath || '.numEvents',
                        'reason', format('"%s": %s events for %s participants affected; loaded without the number of events',
                                         v_term, coalesce(st ->> 'numEvents', ''), v_aff),
                        'raw', st);
                    v_events := NULL;
                END IF;
                INSERT INTO @extschema@.adverse_event (arm_id, term, organ_system, serious, n_affected, n_at_risk, n_events)
                VALUES ((emap ->> gid)::bigint, v_term, v_organ, lst.serious, v_aff, v_risk, v_events)
                ON CONFLICT DO NOTHING;
                GET DIAGNOSTICS cnt = ROW_COUNT;
                IF cnt = 0 THEN
                    probs := probs || jsonb_build_object('path', spath,
                        'reason', format('"%s" (%s) is listed twice for group %s; the second is not loaded',
                                         v_term, coalesce(v_organ, 'no organ system'), gid),
                        'raw', st);
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;

    -- every reason written above says "not loaded" exactly when the value was dropped
    INSERT INTO @extschema@.import_problem (trial_id, json_path, reason, dropped, raw_value)
    SELECT tid, p ->> 'path', p ->> 'reason', (p ->> 'reason') ~ 'not loaded',
           CASE WHEN jsonb_typeof(p -> 'raw') = 'null' THEN NULL ELSE p -> 'raw' END
    FROM jsonb_array_elements(probs) WITH ORDINALITY AS x(p, o)
    ORDER BY o;

    RETURN tid;
END
$fn$;
