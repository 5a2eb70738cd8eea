#!/usr/bin/env bash
# Security test: a trusted install by a database owner who is no
# superuser, row-level security by site on participant-level data (tables
# and views, every direction), and a search_path hijack that must never
# run.
#
#  1. Roles (cluster-wide, made here by the superuser, as a cluster
#     administrator would): the owner of a new database (no superuser, no
#     CREATEROLE), site A staff (a group role with a login member), a site B
#     login role, a group of registry administrators with a login member,
#     and an outsider granted the tables but mapped to no site.
#  2. The owner installs the extension (trusted) into its own schema; the
#     objects stay the superuser's, the owner holds grants (no TRIGGER) and
#     cannot plant a trigger or a rule or drop a policy.  It uses the
#     registry (ctgov_import, a hand-entered trial); the roles are made,
#     granted and mapped to sites with the commands of doc/security.md
#     ("Sites and row-level security"); then the owner enters
#     participants at two sites and one without a site, assessments and
#     adverse events.
#  3. Each role, logged in as itself (SET SESSION AUTHORIZATION: no
#     superuser left in the session), reads the tables and the views and
#     tries to write: site roles see and change their own site's rows only
#     and cannot write another site's (WITH CHECK), the outsider sees
#     nothing, the administrators (the owner among them) see everything.
#     The owner's backup (pg_dump --enable-row-security --inserts)
#     restores as the owner.
#  4. Hijack: in a schema placed before pg_catalog on the search_path, fake
#     copies of every function, aggregate and operator that the extension's
#     code names (lower, btrim, array_agg, =, ~*, ->> ... and the extension's
#     own functions and operators), each bumping a sequence (which a
#     rollback does not undo) and raising; temporary tables named like the
#     registry's.  Every PL/pgSQL function, ctgov_import, the policies and
#     every view are run under that search_path; the sequence must not move
#     and the temporary tables must stay empty.  A function written without
#     a search_path is run the same way and must be caught (so the fakes do
#     work).
#
# Needs a running server where msc_registry is installed, reached through
# the usual PGHOST, PGPORT, PGUSER ... as a superuser (as pg_virtualenv
# sets them).  Leaves nothing behind: the database and the roles are
# dropped at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

db=msc_security_test
owner=msc_sec_owner
roles=(msc_sec_site_a msc_sec_site_a_staff msc_sec_site_b msc_sec_admin msc_sec_admins msc_sec_outsider "$owner")

su_psql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
# as ROLE SQL...: run SQL in $db logged in as ROLE (the superuser connects
# and hands the session over for good: SET SESSION AUTHORIZATION); prints
# the rows, unaligned, '|' between columns
# (the statements come from -c arguments, or else from standard input)
as() {
  local role=$1; shift
  if [ $# -gt 0 ]; then
    psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "SET SESSION AUTHORIZATION $role" "$@" 2>&1
  else
    { echo "SET SESSION AUTHORIZATION $role;"; cat; } | psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" 2>&1
  fi
}
# sqlstate ROLE SQL: the SQLSTATE the statement ends with (00000 when it succeeds)
sqlstate() {
  psql -X -q -At -d "$db" -v ON_ERROR_STOP=0 2>/dev/null <<EOF
SET SESSION AUTHORIZATION $1;
$2;
\echo :SQLSTATE
EOF
}

# the extension's schema on the search_path (its types' operators are there)
export PGOPTIONS="${PGOPTIONS:-} -c search_path=registry,public"

cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1
  dropdb --if-exists "${db}_restored" >/dev/null 2>&1
  dropdb --if-exists "${db}_update" >/dev/null 2>&1
  for r in "${roles[@]}"; do psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
}
cleanup

# ---------------------------------------------------------------
# 1. roles and the database
# ---------------------------------------------------------------
su_psql -d postgres <<SQL || { echo "security: could not create the roles"; exit 1; }
CREATE ROLE $owner LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB;
CREATE ROLE msc_sec_outsider LOGIN;
CREATE DATABASE $db OWNER $owner;
SQL
[ -n "${KEEP:-}" ] || trap cleanup EXIT
# the owner logs in itself for pg_dump: where the server asks for a password
# (pg_virtualenv), it is the one the superuser's connection uses
if [ -n "${PGPASSWORD:-}" ]; then
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -v pw="$PGPASSWORD" <<<"ALTER ROLE $owner PASSWORD :'pw';" ||
    { echo "security: could not set the owner's password"; exit 1; }
fi   # KEEP=1: leave the database and roles for a look

check "the database owner is neither superuser nor CREATEROLE" "f|f" \
  "$(su_psql -d postgres -c "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = '$owner'")"

# ---------------------------------------------------------------
# 2. the owner installs (trusted) and uses the registry
# ---------------------------------------------------------------
study=$(sed -n "/^INSERT INTO doc VALUES ('study', [$]json[$]\$/,/^[$]json[$]);/p" sql/registry.sql | sed '1d;$d')
[ -n "$study" ] || { bad "the test record of sql/registry.sql is found"; exit 1; }

# Overloads to plant, found mechanically (test/planted_overloads.sql): for
# every built-in the installed extension's views, SQL function bodies,
# defaults, checks, policies and PL/pgSQL bodies call, the overloads that
# would beat it on the types the registry uses.  Each bumps
# planted_log.calls.  Made from a scratch install; "pre" are the ones that
# can exist before the extension (no extension type in them).
work=$(mktemp -d)
createdb "${db}_plantlist"
su_psql -d "${db}_plantlist" -c "CREATE SCHEMA registry; CREATE EXTENSION msc_registry SCHEMA registry;"
psql -X -q -d "${db}_plantlist" -f test/planted_overloads.sql > "$work/plant.out" 2>&1 || { cat "$work/plant.out"; exit 1; }
dropdb "${db}_plantlist"
grep '^make|' "$work/plant.out" | sed 's/^make|//' > "$work/make_all.sql"
grep -v 'registry\.' "$work/make_all.sql" > "$work/make_pre.sql"
grep '^add|' "$work/plant.out" | sed 's/^add|//' | grep -v 'registry\.' > "$work/add_pre.sql"
planted_summary=$(sed -n 's/^summary|//p' "$work/plant.out")
n_pre=$(wc -l < "$work/make_pre.sql")
if [ "$n_pre" -gt 300 ] && grep -q 'AGGREGATE @S@.count(bigint)' "$work/make_pre.sql" && grep -q 'OPERATOR @S@.= ' "$work/make_pre.sql"; then
  ok "overloads to plant found from the installed SQL: $planted_summary; $n_pre of them need no extension type"
else
  bad "overloads to plant found from the installed SQL" "$(head -5 "$work/plant.out")"
fi
# plant_sql SCHEMA [EXTENSION]: the planting statements for SCHEMA (pre),
# each object then added to EXTENSION
plant_sql() {
  sed "s/@S@/$1/g" "$work/make_pre.sql"
  [ -z "${2:-}" ] || sed "s/@S@/$1/g; s/^/ALTER EXTENSION $2 ADD /; s/\$/;/" "$work/add_pre.sql"
}
planted_log="CREATE SCHEMA planted_log; CREATE SEQUENCE planted_log.calls;
GRANT USAGE ON SCHEMA planted_log TO PUBLIC; GRANT USAGE, UPDATE ON SEQUENCE planted_log.calls TO PUBLIC;"
planted_calls() { su_psql -d "$1" -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM planted_log.calls"; }

# The attack of issue 17, through another trusted extension: the owner
# plants the overloads, makes them tsm_system_rows's, and installs.
# 0.3.0 refuses the schema; 0.2.0 let it through, and a superuser reading
# arm_adverse_event_summary then ran the planted count (the control: the
# plants bite); updating that 0.2.0 is refused too.
createdb -O "$owner" "${db}_planted"
su_psql -d "${db}_planted" -c "$planted_log"
out=$( { echo '\set VERBOSITY default'; echo "CREATE SCHEMA reg; CREATE EXTENSION tsm_system_rows SCHEMA reg;";
         plant_sql reg tsm_system_rows; echo '\set ON_ERROR_STOP 0';
         echo "CREATE EXTENSION msc_registry SCHEMA reg;"; echo '\echo :SQLSTATE'; } |
       psql -X -q -At -v ON_ERROR_STOP=1 -d "${db}_planted" -c "SET SESSION AUTHORIZATION $owner" -f - 2>&1)
listed=$(sed -n 's/^.*ERROR:  schema "reg" holds objects of a role that is not a superuser: //p' <<<"$out" |
        grep -o -E '(^|, )(function|aggregate|procedure|operator|type|cast|collation|conversion) ' | wc -l)
expected=$(su_psql -d "${db}_planted" -c "SELECT (SELECT count(*) FROM pg_proc WHERE pronamespace = 'reg'::regnamespace AND proowner = '$owner'::regrole)
                                               + (SELECT count(*) FROM pg_operator WHERE oprnamespace = 'reg'::regnamespace AND oprowner = '$owner'::regrole)")
if [ "$(tail -1 <<<"$out")" = 55000 ] && grep -q 'aggregate reg.count(bigint)' <<<"$out" && [ "$listed" -gt 300 ] &&
   [ "$listed" -eq "$expected" ]; then
  ok "CREATE EXTENSION refuses (55000) a schema where the owner planted $listed objects (overloads, aggregate steps, operators) and made them another trusted extension's, naming every one"
else
  bad "CREATE EXTENSION refuses a schema with overloads planted through another trusted extension" "listed $listed of the owner's $expected objects
$(grep -v '^CREATE\|^ALTER' <<<"$out" | head -5 | cut -c1-300)"
fi
out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "${db}_planted" 2>&1 <<SQL
SET SESSION AUTHORIZATION $owner;
CREATE EXTENSION msc_registry VERSION '0.2.0' SCHEMA reg;
INSERT INTO reg.trial (trial_id, title) VALUES ('NCT09999903', 'planted');
INSERT INTO reg.arm (trial_id, label) VALUES ('NCT09999903', 'A');
INSERT INTO reg.site (site) VALUES ('A');
INSERT INTO reg.participant (trial_id, arm_id, code, site) SELECT 'NCT09999903', arm_id, 'P1', 'A' FROM reg.arm;
INSERT INTO reg.participant_adverse_event (participant_id, term, serious) SELECT participant_id, 'Rash', false FROM reg.participant;
SQL
)
before=$(planted_calls "${db}_planted")
su_psql -d "${db}_planted" -c "SELECT * FROM reg.arm_adverse_event_summary" >/dev/null 2>&1
after=$(planted_calls "${db}_planted")
out=$( { echo "SET SESSION AUTHORIZATION $owner;"; echo '\set ON_ERROR_STOP 0'; echo 'ALTER EXTENSION msc_registry UPDATE;'; echo '\echo :SQLSTATE'; } |
       psql -X -q -At -d "${db}_planted" 2>&1)
if [ "$after" -gt "$before" ] && [ "$(tail -1 <<<"$out")" = 55000 ] && grep -q 'holds objects of a role that is not a superuser' <<<"$out"; then
  ok "control: 0.2.0 installs there, and a superuser reading arm_adverse_event_summary runs the planted code ($((after - before)) calls); updating it is refused (55000)"
else
  bad "control: 0.2.0 installs among the plants and runs them, its update is refused" "calls $before -> $after; $(tail -3 <<<"$out" | cut -c1-300)"
fi
dropdb "${db}_planted"

# the same for an update: 0.1.0 (installed by the owner: trusted), the
# overloads planted and made msc_registry's own, ALTER EXTENSION ... UPDATE
# refused; then, in a clean schema, the update by the owner gives it its
# grants
createdb -O "$owner" "${db}_update"
su_psql -d "${db}_update" -c "$planted_log"
out=$( { echo "CREATE SCHEMA registry; CREATE EXTENSION msc_registry VERSION '0.1.0' SCHEMA registry;";
         plant_sql registry msc_registry; echo '\set ON_ERROR_STOP 0';
         echo 'ALTER EXTENSION msc_registry UPDATE;'; echo '\echo :SQLSTATE'; } |
       psql -X -q -At -v ON_ERROR_STOP=1 -d "${db}_update" -c "SET SESSION AUTHORIZATION $owner" -f - 2>&1)
if [ "$(tail -1 <<<"$out")" = 55000 ] && grep -q 'schema "registry" holds objects of a role that is not a superuser: .*aggregate registry.count(bigint)' <<<"$out" &&
   [ "$(su_psql -d "${db}_update" -c "SELECT extversion FROM pg_extension WHERE extname = 'msc_registry'")" = 0.1.0 ]; then
  ok "ALTER EXTENSION msc_registry UPDATE refuses (55000) a schema where the owner planted the overloads and made them msc_registry's own; 0.1.0 stays"
else
  bad "an update among overloads added to msc_registry is refused" "$(tail -3 <<<"$out" | cut -c1-300)"
fi
dropdb "${db}_update"
createdb -O "$owner" "${db}_update"
out=$(psql -X -q -At -d "${db}_update" 2>&1 <<SQL
SET SESSION AUTHORIZATION $owner;
CREATE SCHEMA registry;
CREATE EXTENSION msc_registry VERSION '0.1.0' SCHEMA registry;
ALTER EXTENSION msc_registry UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'msc_registry';
SELECT registry.is_registry_admin(), has_table_privilege('registry.participant', 'INSERT WITH GRANT OPTION'),
       has_table_privilege('registry.participant', 'TRIGGER');
SQL
)
dropdb --if-exists "${db}_update" >/dev/null 2>&1
check "an update by the owner from 0.1.0 in a clean schema is made: the owner gets its grants and is an administrator" \
  "$(sed -n "s/^default_version = '\(.*\)'/\1/p" msc_registry.control)
t|t|f" "$(grep -v '^psql:\|^DETAIL\|^HINT\|^CONTEXT' <<<"$out")"

out=$(as "$owner" <<SQL
SELECT current_setting('is_superuser');
CREATE SCHEMA registry;
CREATE EXTENSION msc_registry SCHEMA registry;
SELECT extowner::regrole FROM pg_extension WHERE extname = 'msc_registry';
SQL
)
check "the database owner, no superuser, installs the extension (trusted) into its schema" "off
$owner" "$out"

check "the registry's tables, views, sequences and functions belong to the bootstrap superuser; the owner holds every privilege but TRIGGER on them, with GRANT OPTION" \
  "t|t
t|f|t" \
  "$(as "$owner" -c "SELECT bool_and(r.rolsuper), count(*) > 100 FROM (SELECT relowner AS o FROM pg_class WHERE relnamespace = 'registry'::regnamespace AND relkind IN ('r', 'v', 'S')
                                                               UNION ALL SELECT proowner FROM pg_proc WHERE pronamespace = 'registry'::regnamespace) x JOIN pg_roles r ON r.oid = x.o" \
                 -c "SELECT bool_and(CASE relkind WHEN 'S' THEN has_sequence_privilege(oid, 'USAGE WITH GRANT OPTION, SELECT WITH GRANT OPTION, UPDATE WITH GRANT OPTION')
                                                  WHEN 'v' THEN has_table_privilege(oid, 'SELECT WITH GRANT OPTION')
                                                  ELSE has_table_privilege(oid, 'SELECT WITH GRANT OPTION, INSERT WITH GRANT OPTION, UPDATE WITH GRANT OPTION, DELETE WITH GRANT OPTION, TRUNCATE WITH GRANT OPTION, REFERENCES WITH GRANT OPTION') END
                                             AND (SELECT count(*) FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                                                  WHERE relkind <> 'S' AND has_table_privilege(oid, p || ' WITH GRANT OPTION')) = CASE relkind WHEN 'r' THEN 6 WHEN 'v' THEN 1 ELSE 0 END),
                                    bool_or(has_table_privilege(oid, 'TRIGGER') AND relkind <> 'S'),
                                    count(*) = 42
                             FROM pg_class WHERE relnamespace = 'registry'::regnamespace AND relkind IN ('r', 'v', 'S')")"

for w in "put a trigger on a registry table|CREATE TRIGGER t BEFORE INSERT ON registry.participant FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()" \
         "turn row-level security off|ALTER TABLE registry.participant DISABLE ROW LEVEL SECURITY" \
         "drop a policy|DROP POLICY participant_by_site ON registry.participant" \
         "add a rule|CREATE RULE r AS ON INSERT TO registry.site DO ALSO NOTIFY x"; do
  check "the owner may not ${w%%|*} (42501)" "42501" "$(sqlstate "$owner" "${w#*|}")"
done

# the owner uses the registry: an import, a hand-entered trial
out=$(as "$owner" 2>&1 <<SQL
SET search_path = registry, public;
SELECT ctgov_import(\$json\$$study\$json\$::jsonb);
INSERT INTO trial (trial_id, title, conditions, condition_category)
  VALUES ('NCT09999902', 'Hand-entered knee OA trial', '{"Knee Osteoarthritis"}', 'knee_oa');
INSERT INTO arm (trial_id, label, arm_type, is_msc, source, route) VALUES
  ('NCT09999902', 'AD-MSC', 'experimental', true, 'adipose', 'intra_articular'),
  ('NCT09999902', 'Placebo', 'placebo_comparator', false, NULL, 'intra_articular');
SELECT count(*) FROM trial;
SQL
)
check "the owner uses the registry: imports a record, enters a trial by hand" "NCT09999901
2" "$out"

# The commands of doc/security.md, with this test's role names: the roles (by the
# superuser, as a role administrator), then the owner's grants, sites and
# mapping; the outsider gets the same privileges as a site role, no site.
readme_block=$(sed -n '/^-- a role administrator: one group role per site/,/^```/p' doc/security.md | sed '$d' |
  sed -E 's/\bsite_a_staff\b/msc_sec_site_a_staff/g; s/\balice\b/msc_sec_site_a/g; s/\bbob\b/msc_sec_site_b/g;
          s/\bregistry_admins\b/msc_sec_admins/g; s/\bcarol\b/msc_sec_admin/g')
roles_part=$(sed '/^-- the database owner/,$d' <<<"$readme_block")
owner_part=$(sed -n '/^-- the database owner/,$p' <<<"$readme_block")
if [ "$(grep -c '^CREATE ROLE' <<<"$roles_part")" = 5 ] && [ "$(grep -c '^INSERT INTO' <<<"$owner_part")" = 3 ]; then
  ok "doc/security.md's role, grant and mapping commands are found"
else
  bad "doc/security.md's role, grant and mapping commands are found" "$readme_block"
fi
check "doc/security.md's roles are made (by a role administrator)" "" "$(su_psql -d postgres <<<"$roles_part" 2>&1)"
check "the owner grants access and maps the roles to sites, with doc/security.md's commands" "" "$(as "$owner" <<<"$owner_part")"
check "the outsider is granted what a site role is, and mapped to no site" "" "$(as "$owner" <<SQL
GRANT USAGE ON SCHEMA registry TO msc_sec_outsider;
GRANT SELECT ON ALL TABLES IN SCHEMA registry TO msc_sec_outsider;
GRANT INSERT, UPDATE, DELETE ON registry.participant, registry.assessment, registry.participant_adverse_event
    TO msc_sec_outsider;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA registry TO msc_sec_outsider;
SQL
)"

# the owner enters participants (4 at A, 3 at B, 1 without a site),
# assessments and adverse events
out=$(as "$owner" 2>&1 <<SQL
SET search_path = registry, public;
INSERT INTO participant (trial_id, arm_id, code, site)
SELECT 'NCT09999902', a.arm_id, a.label || '-' || s.site || i, s.site
FROM arm a, (VALUES ('A', 2), ('B', 2)) AS s(site, n), generate_series(1, s.n) i
WHERE a.trial_id = 'NCT09999902' AND NOT (s.site = 'B' AND a.label = 'Placebo' AND i = 2)
ORDER BY s.site, a.arm_id, i;
INSERT INTO participant (trial_id, arm_id, code)
SELECT 'NCT09999902', arm_id, 'Placebo-nosite' FROM arm WHERE label = 'Placebo';
INSERT INTO assessment (participant_id, week, score)
SELECT p.participant_id, w, pain_score('womac_pain', CASE WHEN w = 0 THEN 14 WHEN p.code LIKE 'AD-MSC%' THEN 6 ELSE 11 END
                                                      + (p.participant_id % 3))
FROM participant p, (VALUES (0), (26)) AS w(w);
INSERT INTO participant_adverse_event (participant_id, term, organ_system, serious, grade, relatedness, onset_week)
SELECT participant_id, 'Injection site pain', 'General disorders', false, 1, 'probable', 0 FROM participant;
INSERT INTO participant_adverse_event (participant_id, term, serious, grade, relatedness, onset_week)
SELECT participant_id, 'Knee effusion', true, 3, 'possible', 2 FROM participant WHERE code IN ('AD-MSC-A1', 'AD-MSC-B1');
SELECT count(*) FROM participant;
SELECT count(*) FROM assessment;
SELECT count(*) FROM participant_adverse_event;
SQL
)
check "the owner enters participants, assessments, adverse events" "8
16
10" "$out"


# ---------------------------------------------------------------
# 3. who sees what, who writes what
# ---------------------------------------------------------------
# what a role sees: participants by site; assessments and adverse events
# by their participant's site; and the same through the views
seen() {
  as "$1" <<'SQL'
SELECT current_setting('is_superuser'), registry.current_sites(), registry.is_registry_admin();
SELECT coalesce(string_agg(coalesce(site, '-') || ':' || n, ' ' ORDER BY site), 'none')
FROM (SELECT site, count(*) AS n FROM registry.participant GROUP BY site) x;
SELECT coalesce(string_agg(coalesce(site, '-') || ':' || n, ' ' ORDER BY site), 'none')
FROM (SELECT p.site, count(*) AS n FROM registry.assessment s
      JOIN registry.participant p USING (participant_id) GROUP BY p.site) x;
SELECT count(*) FROM registry.assessment;
SELECT count(*) FROM registry.participant_adverse_event;
SELECT coalesce(string_agg(arm || ':' || n, ' ' ORDER BY arm), 'none') FROM registry.arm_pain_summary
WHERE trial_id = 'NCT09999902' AND origin = 'participants' AND kind = 'value' AND week = 0;
SELECT coalesce(string_agg(format('%s:%s/%s', arm, n_affected, n_at_risk), ' ' ORDER BY arm, term), 'none')
FROM registry.arm_adverse_event_summary WHERE trial_id = 'NCT09999902';
SELECT coalesce(string_agg(format('%s:%s+%s', instrument, n_msc, n_control), ' '), 'none')
FROM registry.trial_effect WHERE trial_id = 'NCT09999902' AND kind = 'change';
SELECT count(*) FROM registry.trial WHERE trial_id::text LIKE 'NCT0999990%';
SQL
}
check "site A (through a group role) sees its own participants, assessments, adverse events, in the tables and the views" \
  "off|{A}|f
A:4
A:8
8
5
AD-MSC:2 Placebo:2
AD-MSC:2/2 AD-MSC:1/2 Placebo:2/2
womac_pain:2+2
2" "$(seen msc_sec_site_a)"
check "site B sees its own only" \
  "off|{B}|f
B:3
B:6
6
4
AD-MSC:2 Placebo:1
AD-MSC:2/2 AD-MSC:1/2 Placebo:1/1
womac_pain:2+1
2" "$(seen msc_sec_site_b)"
check "a role mapped to no site sees no participant-level row, and no view shows any (trials and arms are not participant data)" \
  "off|{}|f
none
none
0
0
none
none
none
2" "$(seen msc_sec_outsider)"
check "a registry administrator (through a group role) sees every site, and participants without one" \
  "off|{}|t
A:4 B:3 -:1
A:8 B:6 -:2
16
10
AD-MSC:4 Placebo:4
AD-MSC:4/4 AD-MSC:2/4 Placebo:4/4
womac_pain:4+4
2" "$(seen msc_sec_admin)"
check "the extension's owner is a registry administrator" \
  "off|{}|t
A:4 B:3 -:1
A:8 B:6 -:2
16
10
AD-MSC:4 Placebo:4
AD-MSC:4/4 AD-MSC:2/4 Placebo:4/4
womac_pain:4+4
2" "$(seen "$owner")"

check "each role sees its own site mapping only; the administrator sees all" \
  "msc_sec_site_a_staff:A
msc_sec_site_b:B
none
msc_sec_site_a_staff:A msc_sec_site_b:B" \
  "$(for r in msc_sec_site_a msc_sec_site_b msc_sec_outsider msc_sec_admin; do
       as $r -c "SELECT coalesce(string_agg(member || ':' || site, ' ' ORDER BY site), 'none') FROM registry.site_member"; done)"

# ids of another site's rows, as the owner sees them
b_participant=$(su_psql -d "$db" -c "SELECT participant_id FROM registry.participant WHERE code = 'AD-MSC-B1'")
a_participant=$(su_psql -d "$db" -c "SELECT participant_id FROM registry.participant WHERE code = 'AD-MSC-A1'")
placebo_arm=$(su_psql -d "$db" -c "SELECT arm_id FROM registry.arm WHERE trial_id = 'NCT09999902' AND label = 'Placebo'")

# writes: what a site role may and may not do (SQLSTATE of each statement)
writes=(
  "enter a participant at its own site|00000|INSERT INTO registry.participant (trial_id, arm_id, code, site) VALUES ('NCT09999902', $placebo_arm, 'Placebo-A9', 'A')"
  "enter a participant at another site|42501|INSERT INTO registry.participant (trial_id, arm_id, code, site) VALUES ('NCT09999902', $placebo_arm, 'Placebo-B9', 'B')"
  "enter a participant without a site|42501|INSERT INTO registry.participant (trial_id, arm_id, code) VALUES ('NCT09999902', $placebo_arm, 'Placebo-X9')"
  "move its participant to another site|42501|UPDATE registry.participant SET site = 'B' WHERE participant_id = $a_participant"
  "enter an assessment of its participant|00000|INSERT INTO registry.assessment (participant_id, week, score) VALUES ($a_participant, 52, 'womac_pain:5')"
  "enter an assessment of another site's participant|42501|INSERT INTO registry.assessment (participant_id, week, score) VALUES ($b_participant, 52, 'womac_pain:5')"
  "move its assessment to another site's participant|42501|UPDATE registry.assessment SET participant_id = $b_participant WHERE participant_id = $a_participant AND week = 52"
  "enter an adverse event of another site's participant|42501|INSERT INTO registry.participant_adverse_event (participant_id, term, serious) VALUES ($b_participant, 'Fall', false)"
  "enter an adverse event of its participant|00000|INSERT INTO registry.participant_adverse_event (participant_id, term, serious) VALUES ($a_participant, 'Fall', false)"
  "map itself to another site|42501|INSERT INTO registry.site_member (member, site) VALUES ('msc_sec_site_a', 'B')"
  "make itself an administrator|42501|INSERT INTO registry.registry_admin (member) VALUES ('msc_sec_site_a')"
)
for w in "${writes[@]}"; do
  IFS='|' read -r what want sql <<<"$w"
  check "site A may$([ "$want" = 00000 ] || echo " not") $what ($want)" "$want" "$(sqlstate msc_sec_site_a "$sql")"
done

# granted INSERT on the mapping, site A is still stopped, by the policies
as "$owner" -c "GRANT INSERT ON registry.site_member, registry.registry_admin TO msc_sec_site_a_staff" >/dev/null
check "granted INSERT on the mapping tables, site A still may not map itself to a site nor make itself an administrator (policies)" \
  "ERROR:  new row violates row-level security policy for table \"site_member\"
ERROR:  new row violates row-level security policy for table \"registry_admin\"" \
  "$(as msc_sec_site_a -c "INSERT INTO registry.site_member (member, site) VALUES ('msc_sec_site_a', 'B')" 2>&1
     as msc_sec_site_a -c "INSERT INTO registry.registry_admin (member) VALUES ('msc_sec_site_a')" 2>&1)"
as "$owner" -c "REVOKE INSERT ON registry.site_member, registry.registry_admin FROM msc_sec_site_a_staff" >/dev/null

# changing or deleting another site's rows finds nothing to change
out=$(as msc_sec_site_a <<SQL
WITH u AS (UPDATE registry.participant SET code = 'taken' WHERE participant_id = $b_participant RETURNING 1) SELECT count(*) FROM u;
WITH d AS (DELETE FROM registry.participant WHERE site = 'B' RETURNING 1) SELECT count(*) FROM d;
WITH u AS (UPDATE registry.assessment SET week = 1 WHERE participant_id = $b_participant RETURNING 1) SELECT count(*) FROM u;
WITH d AS (DELETE FROM registry.assessment WHERE participant_id = $b_participant RETURNING 1) SELECT count(*) FROM d;
WITH d AS (DELETE FROM registry.participant_adverse_event WHERE participant_id = $b_participant RETURNING 1) SELECT count(*) FROM d;
WITH u AS (UPDATE registry.participant SET code = code || '.' WHERE site = 'A' RETURNING 1) SELECT count(*) FROM u;
SQL
)
check "site A's updates and deletes of site B's participants, assessments, adverse events touch nothing; of its own, all" \
  "0
0
0
0
0
5" "$out"
check "site B's rows are as they were" "B:3 6 4 AD-MSC-B1" \
  "$(su_psql -d "$db" -c "SELECT 'B:' || (SELECT count(*) FROM registry.participant WHERE site = 'B') || ' ' ||
                                 (SELECT count(*) FROM registry.assessment JOIN registry.participant USING (participant_id) WHERE site = 'B') || ' ' ||
                                 (SELECT count(*) FROM registry.participant_adverse_event JOIN registry.participant USING (participant_id) WHERE site = 'B') || ' ' ||
                                 (SELECT code FROM registry.participant WHERE participant_id = $b_participant)")"

check "site B may not enter a participant at site A (42501)" "42501" \
  "$(sqlstate msc_sec_site_b "INSERT INTO registry.participant (trial_id, arm_id, code, site) VALUES ('NCT09999902', $placebo_arm, 'Placebo-A8', 'A')")"
check "a role mapped to no site may not enter a participant anywhere (42501)" "42501" \
  "$(sqlstate msc_sec_outsider "INSERT INTO registry.participant (trial_id, arm_id, code, site) VALUES ('NCT09999902', $placebo_arm, 'Placebo-A8', 'A')")"

# the administrator writes anywhere and manages the mapping
out=$(as msc_sec_admin <<SQL
INSERT INTO registry.participant (trial_id, arm_id, code, site) VALUES ('NCT09999902', $placebo_arm, 'Placebo-B9', 'B');
INSERT INTO registry.participant (trial_id, arm_id, code) VALUES ('NCT09999902', $placebo_arm, 'Placebo-X9');
INSERT INTO registry.assessment (participant_id, week, score) VALUES ($b_participant, 52, 'womac_pain:4');
INSERT INTO registry.site (site) VALUES ('C');
INSERT INTO registry.site_member (member, site) VALUES ('msc_sec_outsider', 'C'), ('msc_sec_site_b', 'A');
SELECT 'done';
SQL
)
check "the administrator enters participants at any site or none, and maps roles to sites" "done" "$out"
check "a new mapping takes effect at once: site B now also sees site A's participants" "{A,B}|A:5 B:4" \
  "$(as msc_sec_site_b -c "SELECT registry.current_sites()::text || '|' || string_agg(site || ':' || n, ' ' ORDER BY site)
                             FROM (SELECT site, count(*) AS n FROM registry.participant GROUP BY site) x")"
as msc_sec_admin -c "DELETE FROM registry.site_member WHERE member = 'msc_sec_site_b'::regrole AND site = 'A'" >/dev/null
check "and a removed one at once" "{B}|B:4" \
  "$(as msc_sec_site_b -c "SELECT registry.current_sites()::text || '|' || string_agg(site || ':' || n, ' ' ORDER BY site)
                             FROM (SELECT site, count(*) AS n FROM registry.participant GROUP BY site) x")"

# the owner's backup, as doc/security.md gives it, restores as the owner
dump=$(mktemp /tmp/msc_security.XXXXXX.sql)
if pg_dump -U "$owner" --enable-row-security --inserts -d "$db" -f "$dump" 2>"$dump.err" &&
   createdb -O "$owner" "${db}_restored" &&
   psql -X -q -U "$owner" -v ON_ERROR_STOP=1 -d "${db}_restored" -f "$dump" >/dev/null 2>"$dump.err"; then
  check "the owner's pg_dump --enable-row-security --inserts restores, as the owner, every participant-level row and the mapping" \
    "$(su_psql -d "$db" -c "SELECT (SELECT count(*) FROM registry.participant) || ' ' || (SELECT count(*) FROM registry.assessment) || ' ' ||
                                   (SELECT count(*) FROM registry.participant_adverse_event) || ' ' || (SELECT count(*) FROM registry.site_member)")" \
    "$(su_psql -d "${db}_restored" -c "SELECT (SELECT count(*) FROM registry.participant) || ' ' || (SELECT count(*) FROM registry.assessment) || ' ' ||
                                   (SELECT count(*) FROM registry.participant_adverse_event) || ' ' || (SELECT count(*) FROM registry.site_member)")"
else
  bad "the owner's pg_dump --enable-row-security --inserts restores as the owner" "$(cat "$dump.err")"
fi
rm -f "$dump" "$dump.err"
dropdb --if-exists "${db}_restored" >/dev/null 2>&1

# ---------------------------------------------------------------
# 4. the hijack
# ---------------------------------------------------------------
# Names the extension's code calls: identifiers before "(" in the PL/pgSQL
# and SQL function bodies, the views and the policies, and the operators
# they use (every operator on the types involved is faked, whatever its name).
hijack_setup=$(cat <<'SQL'
CREATE SCHEMA hijack;
GRANT USAGE ON SCHEMA hijack TO PUBLIC;
CREATE SEQUENCE hijack.calls;
GRANT USAGE, UPDATE ON SEQUENCE hijack.calls TO PUBLIC;
CREATE TABLE hijack.made (kind text, signature text, on_extension_type boolean DEFAULT false);
DO $do$
DECLARE
    ext oid := (SELECT oid FROM pg_extension WHERE extname = 'msc_registry');
    src text;
    names text[];
    r record;
    args text;
    i int := 0;
    ok_pseudo text[] := ARRAY['anyelement', 'anyarray', 'anynonarray', 'anyenum', 'anyrange', 'anymultirange',
                              'anycompatible', 'anycompatiblearray', 'anycompatiblenonarray',
                              'anycompatiblerange', 'record', 'void'];
    body text := $b$BEGIN PERFORM pg_catalog.nextval('hijack.calls'); RAISE EXCEPTION 'hijacked'; END$b$;
BEGIN
    -- every text the extension's code is in
    SELECT string_agg(t, E'\n') INTO src FROM (
        SELECT p.prosrc AS t FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
        WHERE d.refobjid = ext AND d.deptype = 'e' AND d.classid = 'pg_proc'::regclass
          AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
        UNION ALL
        SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
        WHERE d.refobjid = ext AND d.deptype = 'e' AND d.classid = 'pg_proc'::regclass
          AND p.prokind = 'f' AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql')
        UNION ALL
        SELECT pg_get_viewdef(c.oid) FROM pg_class c JOIN pg_depend d ON d.objid = c.oid
        WHERE d.refobjid = ext AND d.deptype = 'e' AND c.relkind = 'v'
        UNION ALL
        SELECT coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') || ' ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '')
        FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid WHERE c.relnamespace = 'registry'::regnamespace) x;
    SELECT array_agg(DISTINCT lower(m[1])) INTO names
    FROM regexp_matches(src, '([A-Za-z_][A-Za-z0-9_]*)\s*\(', 'g') AS m;
    names := names || ARRAY['lower', 'upper', 'btrim', 'array_agg', 'string_agg', 'array_to_string', 'regexp_replace',
                            'jsonb_array_elements', 'jsonb_typeof', 'format', 'pg_has_role', 'count', 'sum', 'avg', 'min', 'max'];
    -- functions and aggregates of pg_catalog and of the extension with those names
    FOR r IN
        SELECT p.oid, p.proname, p.prokind, p.proretset, p.provariadic, p.prorettype,
               p.proargtypes::oid[] AS argtypes
        FROM pg_proc p
        WHERE p.proname = ANY (names) AND p.prokind IN ('f', 'a')
          AND (p.pronamespace = 'pg_catalog'::regnamespace OR p.pronamespace = 'registry'::regnamespace)
          AND p.pronargs BETWEEN 1 AND 8
          AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[] || p.prorettype) t(t) JOIN pg_type ty ON ty.oid = t.t
                          WHERE ty.typtype = 'p' AND ty.typname <> ALL (ok_pseudo))
          AND NOT (p.prorettype = 'void'::regtype AND p.prokind = 'a')
        ORDER BY p.oid
    LOOP
        SELECT string_agg(CASE WHEN r.provariadic <> 0 AND o = cardinality(r.argtypes) THEN 'VARIADIC ' ELSE '' END
                          || format_type(t, NULL), ', ' ORDER BY o)
          INTO args FROM unnest(r.argtypes) WITH ORDINALITY AS a(t, o);
        BEGIN
            IF r.prokind = 'f' THEN
                EXECUTE format('CREATE FUNCTION hijack.%I(%s) RETURNS %s%s LANGUAGE plpgsql AS %L',
                               r.proname, args, CASE WHEN r.proretset THEN 'SETOF ' ELSE '' END,
                               format_type(r.prorettype, NULL), body);
            ELSE
                i := i + 1;
                EXECUTE format('CREATE FUNCTION hijack.step_%s(text, %s) RETURNS text LANGUAGE plpgsql AS %L',
                               i, regexp_replace(args, 'VARIADIC ', ''), body);
                EXECUTE format('CREATE AGGREGATE hijack.%I(%s) (SFUNC = hijack.step_%s, STYPE = text)',
                               r.proname, args, i);
            END IF;
            INSERT INTO hijack.made VALUES (CASE r.prokind WHEN 'f' THEN 'function' ELSE 'aggregate' END,
                                            format('%I(%s)', r.proname, args));
        EXCEPTION WHEN OTHERS THEN
            NULL;   -- a signature a function of another schema cannot copy (RAISE shows none left)
        END;
    END LOOP;
    -- operators: every binary or prefix operator of pg_catalog on the types
    -- the extension works with, and every operator of the extension
    FOR r IN
        SELECT o.oprname, o.oprleft, o.oprright, o.oprresult
        FROM pg_operator o
        WHERE (o.oprnamespace = 'pg_catalog'::regnamespace
               AND o.oprright IN ('text'::regtype, 'jsonb'::regtype, 'numeric'::regtype, 'integer'::regtype,
                                  'bigint'::regtype, 'smallint'::regtype, 'double precision'::regtype,
                                  'boolean'::regtype, 'text[]'::regtype, 'numrange'::regtype, 'anyarray'::regtype,
                                  'anyelement'::regtype, 'anycompatiblearray'::regtype, 'anycompatible'::regtype,
                                  'anynonarray'::regtype, 'anyrange'::regtype, 'oid'::regtype, '"char"'::regtype, 'name'::regtype))
           OR o.oprnamespace = 'registry'::regnamespace
        ORDER BY o.oid
    LOOP
        i := i + 1;
        BEGIN
            IF r.oprleft = 0 THEN
                EXECUTE format('CREATE FUNCTION hijack.op_%s(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                               i, format_type(r.oprright, NULL), format_type(r.oprresult, NULL), body);
                EXECUTE format('CREATE OPERATOR hijack.%s (RIGHTARG = %s, FUNCTION = hijack.op_%s)',
                               r.oprname, format_type(r.oprright, NULL), i);
            ELSE
                EXECUTE format('CREATE FUNCTION hijack.op_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L',
                               i, format_type(r.oprleft, NULL), format_type(r.oprright, NULL),
                               format_type(r.oprresult, NULL), body);
                EXECUTE format('CREATE OPERATOR hijack.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = hijack.op_%s)',
                               r.oprname, format_type(r.oprleft, NULL), format_type(r.oprright, NULL), i);
            END IF;
            INSERT INTO hijack.made VALUES ('operator', format('%s(%s, %s)', r.oprname,
                                            CASE WHEN r.oprleft = 0 THEN 'NONE' ELSE format_type(r.oprleft, NULL) END,
                                            format_type(r.oprright, NULL)),
                                            EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = r.oprleft
                                                    AND t.typnamespace = 'registry'::regnamespace));
        EXCEPTION WHEN OTHERS THEN
            NULL;
        END;
    END LOOP;
END
$do$;
-- a function written without a search_path: the control that proves the fakes bite
CREATE FUNCTION hijack.naive(t text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN lower(t); END $$;
SELECT kind || ':' || count(*) FROM hijack.made GROUP BY kind ORDER BY kind;
SELECT count(*) FILTER (WHERE signature IN ('lower(text)', 'btrim(text)', 'array_agg(anynonarray)', '~*(text, text)', '=(text, text)'))
       || ' classic ' || count(*) FILTER (WHERE signature LIKE '=(%' AND on_extension_type)
FROM hijack.made;
SQL
)
made=$(as "$owner" <<<"$hijack_setup")
if grep -q "classic" <<<"$made" && [ "$(grep -c ':' <<<"$made")" -ge 3 ]; then
  ok "the fakes are made: $(echo $made | tr '\n' ' ')"
else
  bad "the fakes are made" "$made"
fi
check "among them lower(text), btrim(text), array_agg(anynonarray), ~*(text, text), =(text, text), and = on the extension's types" \
  "5 classic 5" "$(tail -1 <<<"$made" | sed 's/ classic \([0-9]*\)$/ classic \1/')"

# every function of the extension that is not C is called below: a new one
# must be added to the calls (condition_categories through condition_category,
# the ctgov_import_* parts and the trigger function trial_condition_category
# through ctgov_import, registry_correction through an UPDATE of an imported trial, change_correlation through arm_pain_summary too)
check "the functions that are not C are the ones the calls below cover" \
  "change_correlation co_interventions_in condition_categories condition_category ctgov_abbreviations ctgov_arm_names ctgov_denoms ctgov_doses_in ctgov_group_arm ctgov_import ctgov_import_adverse_events ctgov_import_arms ctgov_import_begin ctgov_import_design ctgov_import_end ctgov_import_outcomes ctgov_import_result_groups ctgov_import_secondary_ids ctgov_import_staged ctgov_import_trial ctgov_integer ctgov_number ctgov_timepoint ctgov_words current_sites is_registry_admin jsonb_changed_paths msc_mentioned pain_instrument_match pain_instrument_of pain_instrument_range pain_scale_of registry_correction registry_imported_rows registry_row_key result_group_map results_group_arm scale_maxima timepoint_weeks trial_condition_category trial_merge" \
  "$(su_psql -d "$db" -c "SELECT string_agg(DISTINCT proname, ' ' ORDER BY proname) FROM pg_proc
                          WHERE pronamespace = 'registry'::regnamespace AND prokind = 'f'
                            AND prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')")"

# the calls, under the hostile search_path: the schema of fakes before
# pg_catalog, temporary tables named like the registry's first of all
hostile='SET search_path = pg_temp, hijack, pg_catalog, registry, public;'
temp_tables="CREATE TEMP TABLE trial (LIKE registry.trial); CREATE TEMP TABLE arm (LIKE registry.arm);
CREATE TEMP TABLE outcome (LIKE registry.outcome); CREATE TEMP TABLE adverse_event (LIKE registry.adverse_event);
CREATE TEMP TABLE import_problem (LIKE registry.import_problem); CREATE TEMP TABLE participant (LIKE registry.participant);
CREATE TEMP TABLE assessment (LIKE registry.assessment); CREATE TEMP TABLE site_member (LIKE registry.site_member);
CREATE TEMP TABLE registry_admin (LIKE registry.registry_admin); CREATE TEMP TABLE site (LIKE registry.site);
CREATE TEMP TABLE participant_adverse_event (LIKE registry.participant_adverse_event);
CREATE TEMP TABLE trial_version (LIKE registry.trial_version); CREATE TEMP TABLE correction (LIKE registry.correction);
CREATE TEMP TABLE correction_conflict (LIKE registry.correction_conflict); CREATE TEMP TABLE import_batch (LIKE registry.import_batch);
CREATE TEMP TABLE bulk_import_problem (LIKE registry.bulk_import_problem);
CREATE TEMP TABLE trial_design (LIKE registry.trial_design); CREATE TEMP TABLE trial_collaborator (LIKE registry.trial_collaborator);
CREATE TEMP TABLE trial_reference (LIKE registry.trial_reference);"
# every SQL and PL/pgSQL function of the extension, every view and the
# tables under row-level security, read (run again in section 5)
touch=$(cat <<'SQL'
SELECT registry.pain_instrument_match('WOMAC pain subscale (VA3.1)', 'mm');
SELECT registry.pain_instrument_of('Knee injury and Osteoarthritis Outcome Score (KOOS) pain', 'units on a scale');
SELECT registry.scale_maxima('VAS from 0 (no pain) to 10 (worst pain), 0-100 mm');
SELECT registry.pain_scale_of('vas', 'Pain VAS', 'cm', 'range 0 to 10');
SELECT registry.timepoint_weeks('Baseline, 3 months, week 26 and 1 year');
SELECT registry.results_group_arm('AD-MSC Low Dose', '{AD-MSC low dose,Saline}');
SELECT registry.jsonb_changed_paths('{"a": [1, {"b": 2}]}', '{"a": [1, {"b": 3}], "c": null}');
SELECT registry.registry_row_key('outcome', '{"arm_id": 1, "instrument": "vas", "week": 26, "kind": "value"}');
SELECT count(*) FROM registry.registry_imported_rows('NCT09999901');
SELECT * FROM registry.trial_duplicate_candidate;
DO $merge$ BEGIN PERFORM registry.trial_merge('NCT09999901', 'LOCAL-NO-SUCH-TRIAL'); EXCEPTION WHEN insufficient_privilege OR no_data_found THEN NULL; END $merge$;
SELECT registry.ctgov_group_arm('SAR 200 mg (FAS)', 'sarilumab', '[{"label": "Sarilumab 200 mg", "names": ["sarilumab", "sar"]}, {"label": "Placebo", "names": ["placebo"]}]');
SELECT registry.ctgov_arm_names('{"protocolSection": {"descriptionModule": {"briefSummary": "Sarilumab (SAR)"}}}', '{A}');
SELECT registry.ctgov_abbreviations('Full Analysis Set (FAS)'), registry.ctgov_doses_in('200 mg'), registry.ctgov_words('A-b');
DO $design$ BEGIN PERFORM registry.ctgov_import_design('{"protocolSection": {"eligibilityModule": {"sex": "ALL", "minimumAge": "18 Years"}, "referencesModule": {"references": [{"pmid": "1"}]}}}', 'NCT09999901'); EXCEPTION WHEN insufficient_privilege OR foreign_key_violation THEN NULL; END $design$;
SELECT registry.ctgov_denoms('[{"units": "Participants", "counts": [{"groupId": "OG000", "value": "3"}]}]', '$.denoms');
SELECT registry.ctgov_timepoint('Week 12', 2, NULL, 1, 'Baseline and 6 months', 'value');
SELECT registry.condition_category('{Knee Osteoarthritis}');
SELECT registry.msc_mentioned('adipose-derived mesenchymal stromal cells');
SELECT registry.co_interventions_in('MSC with platelet-rich plasma and physiotherapy');
SELECT registry.pain_instrument_range('vas');
SELECT registry.ctgov_number(' 12.5 ');
SELECT registry.ctgov_integer('"15"');
SELECT registry.sd_from_ci(1, 3, 10);
SELECT registry.current_sites();
SELECT registry.is_registry_admin();
SELECT registry.change_correlation();
SELECT * FROM registry.arm_pain_summary;
SELECT * FROM registry.trial_effect;
SELECT * FROM registry.trial_stratum_effect;
SELECT * FROM registry.pooled_effect;
SELECT * FROM registry.safety_by_route;
SELECT * FROM registry.safety_totals_by_route;
SELECT * FROM registry.arm_adverse_event_summary;
SELECT * FROM registry.pooling_exclusion;
SELECT * FROM registry.pooling_flow;
SELECT * FROM registry.participant;
SELECT * FROM registry.assessment;
SELECT * FROM registry.participant_adverse_event;
SELECT * FROM registry.site_member;
SQL
)
calls=$(cat <<SQL
$temp_tables
$hostile
\\if :{?import}
SELECT registry.ctgov_import(\$json\$$study\$json\$::jsonb);
-- a correction (trigger registry_correction), applied again by a bulk import
UPDATE registry.trial SET enrollment = 7 WHERE trial_id OPERATOR(registry.=) 'NCT09999901';
CREATE TEMP TABLE staged (doc text);
INSERT INTO staged VALUES (\$json\$$study\$json\$), ('{}');
SELECT imported, failed FROM registry.ctgov_import_staged('staged');
DELETE FROM registry.correction WHERE trial_id OPERATOR(registry.=) 'NCT09999901';
SELECT registry.ctgov_import(\$json\$$study\$json\$::jsonb);
\\endif
$touch
INSERT INTO registry.participant (trial_id, arm_id, code, site) VALUES ('NCT09999902', $placebo_arm, :'code', 'A');
INSERT INTO registry.assessment (participant_id, week, score) VALUES ($a_participant, :week, 'womac_pain:3');
INSERT INTO registry.participant_adverse_event (participant_id, term, serious, grade) VALUES ($a_participant, 'Rash', false, 1);
-- (the test's own operators are named in full: the fakes are on the path)
UPDATE registry.participant SET code = 'Placebo-H0', site = 'A' WHERE code OPERATOR(pg_catalog.=) :'code';
DELETE FROM registry.participant WHERE code OPERATOR(pg_catalog.=) 'Placebo-H0';
SELECT 'calls done';
RESET search_path;
SELECT count(*) FROM pg_temp.trial;
SELECT (SELECT count(*) FROM pg_temp.arm) + (SELECT count(*) FROM pg_temp.outcome) + (SELECT count(*) FROM pg_temp.adverse_event)
     + (SELECT count(*) FROM pg_temp.import_problem) + (SELECT count(*) FROM pg_temp.participant)
     + (SELECT count(*) FROM pg_temp.assessment) + (SELECT count(*) FROM pg_temp.participant_adverse_event)
     + (SELECT count(*) FROM pg_temp.trial_version) + (SELECT count(*) FROM pg_temp.correction)
     + (SELECT count(*) FROM pg_temp.correction_conflict) + (SELECT count(*) FROM pg_temp.import_batch)
     + (SELECT count(*) FROM pg_temp.bulk_import_problem);
SQL
)
week=100
for r in "$owner" msc_sec_site_a msc_sec_admin; do
  week=$((week + 1))
  before=$(su_psql -d "$db" -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hijack.calls")
  # (ctgov_import by the owner: the others may not write trials)
  out=$(as "$r" <<<"$( [ "$r" = "$owner" ] && echo '\set import 1'; echo "\set code Placebo-H$week"; echo "\set week $week"; echo "$calls")")
  after=$(su_psql -d "$db" -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hijack.calls")
  if grep -q "calls done" <<<"$out" && [ "$before" = "$after" ] && [ "$(tail -2 <<<"$out" | tr '\n' ' ')" = "0 0 " ]; then
    ok "as $r under a hostile search_path, $([ "$r" = "$owner" ] && echo "ctgov_import, ")every PL/pgSQL and SQL function, the policies and every view run no fake and use no temporary table"
  else
    bad "as $r under a hostile search_path, no fake runs and no temporary table is used" "fakes run: $((after - before))
$(grep -E "ERROR|hijacked|CONTEXT" <<<"$out" | head -10)
last lines: $(tail -3 <<<"$out" | tr '\n' ' ')"
  fi
done

before=$(su_psql -d "$db" -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hijack.calls")
out=$(as msc_sec_site_a -c "$hostile" -c "SELECT hijack.naive('X')")
after=$(su_psql -d "$db" -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hijack.calls")
if [ "$after" -gt "$before" ] && grep -q hijacked <<<"$out"; then
  ok "control: a function without a search_path, run the same way, is hijacked (the fake lower(text) ran)"
else
  bad "control: a function without a search_path is hijacked" "$out"
fi

# ---------------------------------------------------------------
# 5. planted overloads: nothing the extension made binds to them
# ---------------------------------------------------------------
# (a) before the install, a superuser's overloads in the schema (the guard
# lets a superuser's objects be): the extension installs, and as a
# superuser and as a site role every function, view and table runs none of
# them.  (b) after the install, the owner plants every overload, those on
# the extension's types too, in the extension's schema, which it owns:
# ctgov_import, every function, the views, the policies and the writes,
# as each role, run none of them.
edb="${db}_early"
createdb -O "$owner" "$edb"
su_psql -d "$edb" -c "$planted_log" -c "CREATE SCHEMA registry AUTHORIZATION $owner" >/dev/null
plant_sql registry | su_psql -d "$edb" -f - >/dev/null 2>"$work/early.err" || bad "the superuser plants before the install" "$(head -3 "$work/early.err")"
out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$edb" 2>&1 <<SQL
SET SESSION AUTHORIZATION $owner;
CREATE EXTENSION msc_registry SCHEMA registry;
SELECT registry.ctgov_import(\$json\$$study\$json\$::jsonb);
INSERT INTO registry.site (site) VALUES ('A');
INSERT INTO registry.site_member (member, site) VALUES ('msc_sec_site_a_staff', 'A');
INSERT INTO registry.participant (trial_id, arm_id, code, site) SELECT trial_id, min(arm_id), 'E1', 'A' FROM registry.arm GROUP BY trial_id;
INSERT INTO registry.assessment (participant_id, week, score) SELECT participant_id, 0, 'vas:40' FROM registry.participant;
INSERT INTO registry.participant_adverse_event (participant_id, term, serious) SELECT participant_id, 'Rash', false FROM registry.participant;
GRANT USAGE ON SCHEMA registry TO msc_sec_site_a_staff;
GRANT SELECT ON ALL TABLES IN SCHEMA registry TO msc_sec_site_a_staff;
SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace OPERATOR(pg_catalog.=) 'registry'::regnamespace AND proowner OPERATOR(pg_catalog.<>) 'msc_sec_owner'::regrole AND proname OPERATOR(pg_catalog.~) '^planted_';
SQL
)
if [ "$(tail -1 <<<"$out")" -gt 100 ] 2>/dev/null; then
  ok "with the $(wc -l < "$work/make_pre.sql") objects of overloads a superuser planted in the schema beforehand, the owner installs 0.3.0 (the binding check passes) and imports"
else
  bad "the owner installs among a superuser's planted overloads" "$(tail -5 <<<"$out" | cut -c1-300)"
fi
for r in postgres msc_sec_site_a; do
  before=$(planted_calls "$edb")
  out=$( { [ "$r" = postgres ] || echo "SET SESSION AUTHORIZATION $r;"; echo "SET search_path = registry, public;"; echo "$touch"; echo "SELECT 'touched';"; } |
         psql -X -q -At -d "$edb" 2>&1)
  after=$(planted_calls "$edb")
  if [ "$before" = "$after" ] && ! grep -q ERROR <<<"$out" && [ "$(tail -1 <<<"$out")" = touched ] &&
     grep -q -x 'knee_oa' <<<"$out"; then
    ok "as $([ "$r" = postgres ] && echo a superuser || echo "site role $r"), every function, view and table of an extension installed among planted overloads runs none of them"
  else
    bad "as $r, no planted overload runs (installed among them)" "planted calls: $((after - before))
$(grep ERROR <<<"$out" | head -5)"
  fi
done
dropdb "$edb"

su_psql -d "$db" -c "$planted_log" >/dev/null
out=$( { echo "SET SESSION AUTHORIZATION $owner;"; sed 's/@S@/registry/g' "$work/make_all.sql"; \
         echo "SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace OPERATOR(pg_catalog.=) 'registry'::regnamespace AND proowner OPERATOR(pg_catalog.=) '$owner'::regrole;"; } |
       psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" 2>&1)
if [ "$(tail -1 <<<"$out")" -ge "$(wc -l < "$work/make_all.sql")" ] 2>/dev/null || [ "$(tail -1 <<<"$out")" -gt 500 ] 2>/dev/null; then
  ok "the owner plants $(tail -1 <<<"$out") functions (overloads, aggregate steps, operator functions) in the installed extension's schema, on its types too"
else
  bad "the owner plants overloads in the installed extension's schema" "$(tail -3 <<<"$out" | cut -c1-300)"
fi
calls_plain=${calls//"$hostile"/SET search_path = registry, public;}
for r in postgres "$owner" msc_sec_site_a msc_sec_admin; do
  week=$((week + 1))
  before=$(planted_calls "$db")
  out=$( { [ "$r" = postgres ] || echo "SET SESSION AUTHORIZATION $r;"; [ "$r" = "$owner" ] && echo '\set import 1';
           echo "\set code Placebo-P$week"; echo "\set week $week"; echo "$calls_plain"; } | psql -X -q -At -d "$db" 2>&1)
  after=$(planted_calls "$db")
  if [ "$before" = "$after" ] && grep -q "calls done" <<<"$out" && ! grep -q ERROR <<<"$out"; then
    ok "as $([ "$r" = postgres ] && echo a superuser || echo "$r"), $([ "$r" = "$owner" ] && echo "ctgov_import, ")every function, view, policy and write runs none of the overloads planted after the install"
  else
    bad "as $r, no overload planted after the install runs" "planted calls: $((after - before))
$(grep -E "ERROR|CONTEXT" <<<"$out" | head -6)"
  fi
done

# (c) the owner renames the extension's schema and makes a new one of its
# name holding look-alikes of what the PL/pgSQL code names (PL/pgSQL looks
# names up when it runs): a domain trial_id whose check runs planted code,
# condition_category, pain_instrument_range.  A superuser's insert (the
# trigger), import and text reader refuse (55000) and run none of them.
out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" 2>&1 <<SQL
SET SESSION AUTHORIZATION $owner;
ALTER SCHEMA registry RENAME TO registry_moved;
CREATE SCHEMA registry;
CREATE FUNCTION registry.planted_check(text) RETURNS boolean LANGUAGE plpgsql
    AS \$\$ BEGIN PERFORM pg_catalog.nextval('planted_log.calls'); RETURN true; END \$\$;
CREATE DOMAIN registry.trial_id AS text CHECK (registry.planted_check(VALUE));
CREATE FUNCTION registry.condition_category(text[]) RETURNS text LANGUAGE plpgsql
    AS \$\$ BEGIN PERFORM pg_catalog.nextval('planted_log.calls'); RETURN 'knee_oa'; END \$\$;
CREATE FUNCTION registry.pain_instrument_range(text) RETURNS numrange LANGUAGE plpgsql
    AS \$\$ BEGIN PERFORM pg_catalog.nextval('planted_log.calls'); RETURN '[0,10]'; END \$\$;
SELECT 'planted';
SQL
)
before=$(planted_calls "$db")
refused=0
for stmt in "INSERT INTO registry_moved.trial (trial_id, title, conditions) VALUES ('NCT09999907', 'renamed', '{Knee Osteoarthritis}')" \
            "SELECT registry_moved.ctgov_import(\$json\$$study\$json\$::jsonb)" \
            "SELECT registry_moved.pain_scale_of('vas', 'Pain VAS', 'cm', '0 to 10')"; do
  got=$(psql -X -q -At -d "$db" -v ON_ERROR_STOP=0 2>&1 <<SQL
$stmt;
\echo :SQLSTATE
SQL
)
  if [ "$(tail -1 <<<"$got")" = 55000 ] && grep -q 'is not the schema of msc_registry' <<<"$got"; then refused=$((refused + 1)); fi
done
after=$(planted_calls "$db")
if grep -q -x planted <<<"$out" && [ "$refused" = 3 ] && [ "$before" = "$after" ]; then
  ok "after the owner renames the schema and plants look-alikes under its old name, a superuser's insert (trigger), import and text reader refuse (55000) and run none of them"
else
  bad "a renamed schema with look-alikes under its old name runs none of them" "refused $refused of 3; planted calls: $((after - before)); $(tail -2 <<<"$out")"
fi
rm -rf "$work"

summary security
