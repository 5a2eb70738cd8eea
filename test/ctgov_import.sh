#!/usr/bin/env bash
# Import every ClinicalTrials.gov API v2 record of shared/data/ctgov_v2 into
# a fresh database and check, trial by trial, that the trial is there and
# that its arms, outcomes and adverse events match what plain SQL reads from
# the same JSON (each value loaded, or dropped with an import_problem row
# saying why); that a second import changes nothing; and that pg_dump keeps
# the registry's rows.
#
# Needs a running server where msc_registry is installed, reached through
# the usual PGHOST, PGPORT, PGUSER ... (as pg_virtualenv sets them).  The
# data are looked for in $MSC_SHARED_DATA when it is set, else in
# ../shared/data, ../../shared/data and /work/shared/data; without them the
# test prints a line saying it was skipped and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

data=$(shared_data ctgov_v2)
if [ -z "$data" ]; then
  echo "ctgov_import: skipped: no shared/data/ctgov_v2 found (set MSC_SHARED_DATA to the shared/data directory)"
  exit 0
fi
shopt -s nullglob
files=("$data"/*.json)
if [ ${#files[@]} -eq 0 ]; then
  echo "ctgov_import: skipped: no *.json record in $data"
  exit 0
fi

db=msc_ctgov_import_test
db2=msc_ctgov_import_restored
dump=$(mktemp /tmp/msc_ctgov_import.XXXXXX.sql)
cleanup() {
  rm -f "$dump"
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
  dropdb --if-exists "$db2" >/dev/null 2>&1 || true
}
trap cleanup EXIT

dropdb --if-exists "$db" >/dev/null 2>&1 || true
dropdb --if-exists "$db2" >/dev/null 2>&1 || true
createdb "$db"
psql_db "$db" -c "CREATE EXTENSION msc_registry" \
              -c "CREATE TABLE ctgov_file (name text PRIMARY KEY, doc jsonb NOT NULL)"

echo "ctgov_import: ${#files[@]} records from $data"
for f in "${files[@]}"; do
  name=$(basename "$f")
  # psql reads the file itself (\set with backticks): no server file access needed
  psql_db "$db" <<EOF
\set doc \`cat '$f'\`
INSERT INTO ctgov_file VALUES ('$name', :'doc'::jsonb);
EOF
done

# one import, then the counts; the counts query is a file of its own so the
# second import can be checked against it
counts=$(cat <<'EOF'
CREATE TEMP VIEW expected AS
WITH f AS (
    SELECT name, doc, (doc #>> '{protocolSection,identificationModule,nctId}')::trial_id AS tid FROM ctgov_file
), measurement AS (
    SELECT f.name, f.tid,
           format('$.resultsSection.outcomeMeasuresModule.outcomeMeasures[%s]', oi - 1) AS mpath,
           format('$.resultsSection.outcomeMeasuresModule.outcomeMeasures[%s].classes[%s].categories[%s].measurements[%s]',
                  oi - 1, ci - 1, ki - 1, mi - 1) AS path
    FROM f,
         jsonb_array_elements(coalesce(doc #> '{resultsSection,outcomeMeasuresModule,outcomeMeasures}', '[]')) WITH ORDINALITY AS o(om, oi),
         jsonb_array_elements(coalesce(om -> 'classes', '[]')) WITH ORDINALITY AS c(cls, ci),
         jsonb_array_elements(coalesce(cls -> 'categories', '[]')) WITH ORDINALITY AS k(cat, ki),
         jsonb_array_elements(coalesce(cat -> 'measurements', '[]')) WITH ORDINALITY AS x(meas, mi)
    WHERE pain_instrument_of(om ->> 'title', om ->> 'unitOfMeasure') IS NOT NULL
), event_count AS (
    SELECT f.name, f.tid, st ->> 'groupId' AS gid,
           format('$.resultsSection.adverseEventsModule.%s[%s].stats[%s]', l, ei - 1, si - 1) AS path
    FROM f, unnest(ARRAY['seriousEvents', 'otherEvents']) AS l,
         jsonb_array_elements(coalesce(doc #> ARRAY['resultsSection', 'adverseEventsModule', l], '[]')) WITH ORDINALITY AS e(ev, ei),
         jsonb_array_elements(coalesce(ev -> 'stats', '[]')) WITH ORDINALITY AS s(st, si)
)
SELECT f.name, f.tid,
       (SELECT count(DISTINCT btrim(g ->> 'label'))
        FROM jsonb_array_elements(coalesce(doc #> '{protocolSection,armsInterventionsModule,armGroups}', '[]')) AS g
        WHERE btrim(g ->> 'label') <> '') AS json_arms,
       (SELECT count(*) FROM measurement m WHERE m.name = f.name) AS json_measurements,
       (SELECT count(*) FROM measurement m WHERE m.name = f.name
          AND EXISTS (SELECT 1 FROM import_problem p
                      WHERE p.trial_id = m.tid AND p.dropped
                        AND (m.path = p.json_path OR m.path LIKE p.json_path || '.%'
                             OR p.json_path LIKE m.path || '.%' OR p.json_path = m.mpath))) AS dropped_measurements,
       (SELECT count(*) FROM event_count e WHERE e.name = f.name) AS json_event_counts,
       (SELECT count(*) FROM event_count e WHERE e.name = f.name
          AND EXISTS (SELECT 1 FROM import_problem p
                      WHERE p.trial_id = e.tid AND p.dropped
                        AND (p.json_path = e.path OR p.json_path LIKE e.path || '.%' OR p.raw_value ->> 'id' = e.gid))) AS dropped_event_counts
FROM f;

CREATE TEMP VIEW check_counts AS
SELECT x.name, x.tid AS trial_id,
       (SELECT count(*) FROM trial t WHERE t.trial_id = x.tid) AS trials,
       x.json_arms, (SELECT count(*) FROM arm a WHERE a.trial_id = x.tid) AS arms,
       x.json_measurements, x.dropped_measurements,
       (SELECT count(*) FROM outcome o JOIN arm a USING (arm_id) WHERE a.trial_id = x.tid) AS outcomes,
       x.json_event_counts, x.dropped_event_counts,
       (SELECT count(*) FROM adverse_event e JOIN arm a USING (arm_id) WHERE a.trial_id = x.tid) AS events,
       (SELECT count(*) FROM import_problem p WHERE p.trial_id = x.tid) AS problems
FROM expected x;

CREATE TEMP VIEW verdict AS
SELECT *, trials = 1 AND arms = json_arms
          AND outcomes + dropped_measurements = json_measurements
          AND events + dropped_event_counts = json_event_counts AS ok
FROM check_counts;
EOF
)

psql_db "$db" -c "SELECT count(ctgov_import(doc)) AS imported FROM (SELECT doc FROM ctgov_file ORDER BY name) AS f" >/dev/null
status=0
first=$(psql_db "$db" -P footer=off <<EOF
$counts
SELECT name, trial_id, trials, json_arms, arms, json_measurements, dropped_measurements, outcomes,
       json_event_counts, dropped_event_counts, events, problems, ok
FROM verdict ORDER BY name;
EOF
)
echo "$first"
if [ "$(psql_db "$db" -At -c "$counts" -c "SELECT bool_and(ok) FROM verdict")" != "t" ]; then
  echo "ctgov_import: FAILED: counts differ from the JSON (rows with ok = f above)"
  status=1
fi

# a second import of every record leaves the same rows
snapshot="SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
    SELECT 't' || t.trial_id || t.title || t.condition_category FROM trial t
    UNION ALL SELECT 'a' || a.trial_id || a.label || coalesce(a.route::text, '') || a.is_msc FROM arm a
    UNION ALL SELECT 'o' || a.trial_id || a.label || o.instrument || o.week || o.kind || o.mean FROM outcome o JOIN arm a USING (arm_id)
    UNION ALL SELECT 'e' || a.trial_id || a.label || e.term || e.serious || e.n_affected || e.n_at_risk FROM adverse_event e JOIN arm a USING (arm_id)
    UNION ALL SELECT 'p' || p.trial_id || p.json_path || p.reason FROM import_problem p) AS s(x)"
before=$(psql_db "$db" -At -c "$snapshot")
psql_db "$db" -c "SELECT count(ctgov_import(doc)) FROM (SELECT doc FROM ctgov_file ORDER BY name) AS f" >/dev/null
after=$(psql_db "$db" -At -c "$snapshot")
if [ "$before" = "$after" ]; then
  echo "ctgov_import: a second import of every record left the same rows"
else
  echo "ctgov_import: FAILED: a second import changed the rows"
  status=1
fi

# pg_dump keeps the rows of the extension's tables, and the identity
# sequences go on from where they were
pg_dump -d "$db" -f "$dump"
createdb "$db2"
psql_db "$db2" -f "$dump" >/dev/null
restored=$(psql_db "$db2" -At -c "$snapshot")
if [ "$before" = "$restored" ]; then
  echo "ctgov_import: pg_dump and restore kept every row of the registry"
else
  echo "ctgov_import: FAILED: the restored database differs"
  status=1
fi
if psql_db "$db2" -c "INSERT INTO arm (trial_id, label) SELECT trial_id, 'new arm after restore' FROM trial LIMIT 1" >/dev/null \
   && psql_db "$db2" -c "INSERT INTO import_problem (trial_id, json_path, reason) SELECT trial_id, '$', 'after restore' FROM trial LIMIT 1" >/dev/null; then
  echo "ctgov_import: new rows after the restore get fresh keys"
else
  echo "ctgov_import: FAILED: inserting after the restore failed"
  status=1
fi

if [ $status -eq 0 ]; then echo "ctgov_import: ok"; fi
exit $status
