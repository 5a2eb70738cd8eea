#!/usr/bin/env bash
# Bulk import, versions and corrections on the real ClinicalTrials.gov API
# v2 records of the shared data (ctgov_v2) and the synthetic record of
# test/fixtures: all of them as JSON lines through \copy and one
# ctgov_import_staged() call; the rows equal those one ctgov_import() per
# record loads; the same lines again change nothing and make no version; a
# record changed in one place makes one version naming that path; a
# curator's correction of an adverse-event count of a real record survives
# the re-import; one of its enrollment is reported when the record's
# enrollment changes.
#
# Needs a running server where msc_registry is installed, reached through
# the usual PGHOST, PGPORT, PGUSER ... (as pg_virtualenv sets them).  The
# shared data are found by test/shared_data.sh; without them the test
# fails, unless MSC_SKIP_SHARED_DATA=1 (then only the synthetic record is
# used and a SKIPPED line says so).
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh
checks=0; failures=0

files=(test/fixtures/ctgov_synthetic_study.json)
if shared_data_require ctgov_v2 "registry_versions: the real records of ctgov_v2"; then
  shopt -s nullglob
  real=("$SHARED_DATA_DIR"/ctgov_v2/NCT*.json)
  [ ${#real[@]} -gt 0 ] || { echo "registry_versions: FAILED: no NCT*.json record in $SHARED_DATA_DIR/ctgov_v2"; exit 1; }
  files+=("${real[@]}")
fi

db=msc_registry_versions_test
work=$(mktemp -d)
cleanup() { rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
q "CREATE EXTENSION msc_registry"

# one record per line: the files' line breaks are white space between
# tokens (JSON escapes those inside strings)
for f in "${files[@]}"; do tr '\n\r' '  ' < "$f"; echo; done > "$work/records.jsonl"
n=${#files[@]}

rows_sql="SELECT string_agg(format('%s|%s|%s', i.table_name, i.row_key,
                                   i.row_data - '{outcome_id,adverse_event_id,arm_id,result_group_id,imported_at}'::text[]), E'\n'
                            ORDER BY t.trial_id, i.table_name, i.row_key::text)
          FROM trial t, registry_imported_rows(t.trial_id) i"

# one ctgov_import per record first, as the reference
for f in "${files[@]}"; do
  q -v rec="$(cat "$f")" <<<"SELECT ctgov_import(:'rec')" >/dev/null
done
q "$rows_sql" > "$work/one_by_one"
q "DELETE FROM trial"

stage="CREATE TEMP TABLE staging (line bigint GENERATED ALWAYS AS IDENTITY, doc text);
\\copy staging (doc) FROM '$work/records.jsonl' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
out=$(q 2>&1 <<SQL
$stage
SELECT records, imported, failed FROM ctgov_import_staged('staging', 3);
SQL
)
check "the $n records in one ctgov_import_staged call: all imported, none failed" "$n|$n|0" "$(grep -v NOTICE <<<"$out")"
check "a progress NOTICE every 3 records" "$((n / 3))" "$(grep -c 'NOTICE:  ctgov_import_staged: [0-9]* of '"$n"' records' <<<"$out")"
q "$rows_sql" > "$work/bulk"
if cmp -s "$work/one_by_one" "$work/bulk"; then
  ok "the bulk import loads the rows one ctgov_import per record loads ($(wc -l < "$work/bulk") rows)"
else
  bad "the bulk import loads the rows one ctgov_import per record loads" "$(diff "$work/one_by_one" "$work/bulk" | head -10)"
fi

out=$(q <<SQL
$stage
SELECT records, imported, failed FROM ctgov_import_staged('staging');
SELECT count(*) FROM trial_version;
SQL
)
check "the same records again: all imported, no version" "$n|$n|0
0" "$out"
q "$rows_sql" > "$work/again"
if cmp -s "$work/bulk" "$work/again"; then ok "the same records again change no row"; else
  bad "the same records again change no row" "$(diff "$work/bulk" "$work/again" | head -10)"; fi

if [ ${#files[@]} -gt 1 ]; then
  # a real record with adverse events: a curator's correction of a count
  ae=$(q "SELECT a.trial_id FROM adverse_event e JOIN arm a USING (arm_id) JOIN trial t USING (trial_id)
          WHERE t.ctgov_record::text <> '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
  f="$SHARED_DATA_DIR/ctgov_v2/$ae.json"
  target="SELECT e.adverse_event_id, e.n_affected FROM adverse_event e JOIN arm a USING (arm_id)
          WHERE a.trial_id = '$ae' ORDER BY a.label, e.serious, e.term, e.organ_system LIMIT 1"
  before=$(q "$target")
  q "UPDATE adverse_event SET n_affected = n_affected + 1 WHERE adverse_event_id = ${before%%|*}"
  out=$(q -v rec="$(cat "$f")" <<'SQL'
SELECT ctgov_import(:'rec');
SELECT count(*) FROM correction_conflict;
SQL
)
  after=$(q "$target")
  check "$ae: a corrected adverse-event count survives the re-import of the real record" \
    "$ae
0 $(( ${before#*|} + 1 ))" "$out ${after#*|}"
  # a corrected enrollment, and a new version of the record with another
  # one: the correction is reported, not applied
  q "UPDATE trial SET enrollment = enrollment + 1 WHERE trial_id = '$ae'"
  out=$(q -v rec="$(cat "$f")" <<'SQL' 2>&1
SELECT ctgov_import(jsonb_set(:'rec'::jsonb, '{protocolSection,designModule,enrollmentInfo,count}',
                              to_jsonb((:'rec'::jsonb #>> '{protocolSection,designModule,enrollmentInfo,count}')::int + 2)));
SELECT changed_paths FROM trial_version;
SELECT count(*) FROM correction_conflict;
SQL
)
  check "$ae: a new version of the real record (one path) and the correction made against the old enrollment reported" \
    "1 {\$.protocolSection.designModule.enrollmentInfo.count} 1" \
    "$(grep -c 'NOTICE:  correction [0-9]* of '"$ae"'.*enrollment) not applied: the record now gives' <<<"$out") $(tail -2 <<<"$out" | tr '\n' ' ' | sed 's/ $//')"
fi

summary registry_versions
