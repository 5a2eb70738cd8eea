-- The policies by site on the distributed tables (psql -v action=create or
-- drop, on one node; test/citus/distribute.sql).  The update of the
-- extension refuses to run while the extension's tables have policies that
-- call functions not its own (99_binding_check.sql), so
-- test/citus/run.sh drops them around ALTER EXTENSION ... UPDATE.
SELECT :'action' = 'create' AS create_policies \gset
\if :create_policies
CREATE POLICY participant_by_site ON participant
    USING (citus_registry_admin() OR site = ANY (citus_current_sites()))
    WITH CHECK (citus_registry_admin() OR site = ANY (citus_current_sites()));
CREATE POLICY assessment_by_site ON assessment
    USING (citus_registry_admin() OR site = ANY (citus_current_sites()))
    WITH CHECK (citus_registry_admin() OR site = ANY (citus_current_sites()));
CREATE POLICY participant_adverse_event_by_site ON participant_adverse_event
    USING (citus_registry_admin() OR site = ANY (citus_current_sites()))
    WITH CHECK (citus_registry_admin() OR site = ANY (citus_current_sites()));
\else
DROP POLICY participant_by_site ON participant;
DROP POLICY assessment_by_site ON assessment;
DROP POLICY participant_adverse_event_by_site ON participant_adverse_event;
\endif
