#!/usr/bin/env bash
# Import every ClinicalTrials.gov API v2 record of the shared data's
# ctgov_v2 and the synthetic record of test/fixtures into a fresh database
# and check, record by record, the arms, pain outcome values and adverse
# event counts against numbers written by hand from each record (table
# want below), the design and context of three records (want_design), and that every value of the JSON is loaded or dropped with
# an import_problem row saying why; that a second import changes nothing;
# and that pg_dump keeps the registry's rows.
#
# Needs a running server where msc_registry is installed, reached through
# the usual PGHOST, PGPORT, PGUSER ... (as pg_virtualenv sets them).  The
# shared data are found by test/shared_data.sh; without them the test
# fails, unless MSC_SKIP_SHARED_DATA=1 (then only the synthetic record is
# imported and a SKIPPED line says so).
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

files=(test/fixtures/ctgov_synthetic_study.json)
if shared_data_require ctgov_v2 "ctgov_import: the import of the real records of ctgov_v2"; then
  shopt -s nullglob
  real=("$SHARED_DATA_DIR"/ctgov_v2/*.json)
  [ ${#real[@]} -gt 0 ] || { echo "ctgov_import: FAILED: no *.json record in $SHARED_DATA_DIR/ctgov_v2"; exit 1; }
  files+=("${real[@]}")
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

echo "ctgov_import: ${#files[@]} records: the synthetic one of test/fixtures and $(( ${#files[@]} - 1 )) shared ones"
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
-- Written by hand from the records, not from the extension.  pain_measure:
-- the outcome measures (0-based) that report a pain instrument.  The shared
-- records have none (NCT02210780's NRS is of pruritus, the others measure
-- BMI, CRP, antibody titres ...); the synthetic record's are all but [7]
-- (body mass index).  want: per record the arms of the protocol, the values
-- of those measures, the values loaded (the synthetic record drops "NA",
-- womac_total without its scale, a VAS of 120, a "Total" group and an
-- ambiguous time frame), the adverse-event counts, and those loaded (the
-- synthetic record drops a group matching no arm, an "x" and a group EG009).
CREATE TEMP TABLE pain_measure (name text, om int);
INSERT INTO pain_measure SELECT 'ctgov_synthetic_study.json', i FROM unnest(ARRAY[0, 1, 2, 3, 4, 5, 6, 8, 9, 10]) i;
CREATE TEMP TABLE want (name text PRIMARY KEY, arms int, measurements int, outcomes int, event_counts int, events int);
INSERT INTO want VALUES
  ('ctgov_synthetic_study.json', 4, 24, 19, 12, 10),
  ('NCT00465816.json', 0, 0, 0, 0, 0), ('NCT00763412.json', 2, 0, 0, 0, 0),
  ('NCT00973089.json', 2, 0, 0, 0, 0), ('NCT02210780.json', 2, 0, 0, 18, 18),
  ('NCT03418623.json', 2, 0, 0, 0, 0), ('NCT03453554.json', 0, 0, 0, 0, 0),
  ('NCT03475563.json', 1, 0, 0, 0, 0), ('NCT04207047.json', 4, 0, 0, 0, 0);

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
    WHERE (f.name, oi - 1) IN (SELECT * FROM pain_measure)
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
       -- every count is an adverse_event row: of an arm, or of a result group mapped to none
       (SELECT count(*) FROM adverse_event e LEFT JOIN arm a USING (arm_id) LEFT JOIN result_group r USING (result_group_id)
        WHERE coalesce(a.trial_id, r.trial_id) = x.tid) AS events,
       (SELECT count(*) FROM import_problem p WHERE p.trial_id = x.tid) AS problems
FROM expected x;

-- every record imported is in want (a record without a row there fails)
CREATE TEMP VIEW verdict AS
SELECT c.*, coalesce(c.trials = 1 AND c.arms = c.json_arms AND c.arms = w.arms
          AND c.json_measurements = w.measurements AND c.outcomes = w.outcomes
          AND c.outcomes + c.dropped_measurements = c.json_measurements
          AND c.json_event_counts = w.event_counts AND c.events = w.events
          AND c.events + c.dropped_event_counts = c.json_event_counts, false) AS ok
FROM check_counts c LEFT JOIN want w USING (name);
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
  echo "ctgov_import: FAILED: counts differ from the record (rows with ok = f above)"
  status=1
fi

# design and context of three real records, written by hand from the records
if [ ${#files[@]} -gt 1 ]; then
  design=$(psql_db "$db" -At -F '|' <<'EOF'
SET DateStyle = ISO; SET IntervalStyle = postgres;
SELECT trial_id, allocation, intervention_model, masking, who_masked, primary_purpose, enrollment_type, sex,
       minimum_age_text, minimum_age, maximum_age_text, maximum_age, healthy_volunteers, lead_sponsor, lead_sponsor_class,
       countries, start_date, start_date_precision, primary_completion_date, primary_completion_date_precision,
       completion_date, completion_date_precision, results_first_posted, results_first_posted_precision
FROM trial_design WHERE trial_id IN ('NCT02210780', 'NCT00763412') ORDER BY trial_id;
SELECT trial_id, string_agg(name || ':' || sponsor_class, '; ' ORDER BY json_path) FROM trial_collaborator
WHERE trial_id IN ('NCT02210780', 'NCT00763412') GROUP BY trial_id ORDER BY trial_id;
SELECT trial_id, reference_no, pmid, reference_type, left(citation, 18) FROM trial_reference WHERE trial_id = 'NCT00465816' ORDER BY reference_no;
EOF
)
  want_design='NCT00763412|randomized|parallel|quadruple|{participant,care_provider,investigator,outcomes_assessor}|other|actual|all|12 Years|12 years|24 Years|24 years|f|Arbelaez, Ana Maria|indiv|{"United States"}|2006-11-01|month|2013-01-01|month|2013-01-01|month|2017-06-05|day
NCT02210780|randomized|parallel|triple|{participant,investigator,outcomes_assessor}|treatment|actual|all|18 Years|18 years|64 Years|64 years|f|Regeneron Pharmaceuticals|industry|{"United States"}|2014-08-05|day|2015-09-15|day|2015-09-15|day|2020-05-07|day
NCT00763412|Washington University School of Medicine:other; National Institutes of Health (NIH):nih; Novo Nordisk A/S:industry; National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK):nih
NCT02210780|Sanofi:industry
NCT00465816|0|22107850|background|Ostergaard L, Silf
NCT00465816|1||background|Ostergaard L et al'
  if [ "$design" = "$want_design" ]; then
    echo "ctgov_import: design and context of NCT02210780, NCT00763412 and NCT00465816 as the records give them"
  else
    echo "ctgov_import: FAILED: design and context differ from the records"; diff <(echo "$want_design") <(echo "$design") || true
    status=1
  fi
fi

# a second import of every record leaves the same rows
snapshot="SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
    SELECT 't' || t.trial_id || t.title || t.condition_category FROM trial t
    UNION ALL SELECT 'a' || a.trial_id || a.label || coalesce(a.route::text, '') || a.is_msc FROM arm a
    UNION ALL SELECT 'o' || a.trial_id || a.label || o.instrument || o.week || o.kind || o.mean FROM outcome o JOIN arm a USING (arm_id)
    UNION ALL SELECT 'e' || a.trial_id || a.label || e.term || e.serious || e.n_affected || e.n_at_risk FROM adverse_event e JOIN arm a USING (arm_id)
    UNION ALL SELECT 'p' || p.trial_id || p.json_path || p.reason FROM import_problem p
    UNION ALL SELECT 'd' || to_jsonb(d)::text FROM trial_design d
    UNION ALL SELECT 'c' || to_jsonb(c)::text FROM trial_collaborator c
    UNION ALL SELECT 'r' || to_jsonb(r)::text FROM trial_reference r) AS s(x)"
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
