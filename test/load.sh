#!/usr/bin/env bash
# Load test: pgbench with 8 clients mixing ctgov_import (weight 2),
# participant enrolments with four assessments each (weight 6) and the
# report views (weight 2) on a throw-away cluster, then checks that
#   - pgbench finished with no failed transaction and no aborted client
#     (an unexpected error aborts the client);
#   - the server counted no deadlock and logged no ERROR, FATAL or PANIC;
#   - the registry's rows match exactly what was committed: every writing
#     transaction logs itself in load.committed in the same transaction;
#     every transaction pgbench counted is in the log (which may hold one
#     more per client: pgbench does not count those in flight when -T
#     ends, though they commit), participants and
#     assessments equal the logged ones, and every trial re-imported under
#     load equals what its first import left (test/load/check.sql);
#   - expected errors (a score out of range 22003, a duplicate baseline
#     23505, a document that is not a study 22023; caught where provoked,
#     test/load/setup.sql) occurred only where provoked.
# It prints the throughput and the per-script counts.
#
#   test/load.sh [--installed] [seconds (60)] [clients (8)]
#
# ctgov records: the real ones of the shared data's ctgov_v2 (found by
# test/shared_data.sh) when there, and
# always 8 copies of the synthetic study test/fixtures/ctgov_synthetic_study.json
# under other NCT ids.  Builds into build/destdir unless --installed (see
# test/lib.sh); run as root or as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

installed=""
if [ "${1:-}" = "--installed" ]; then installed=--installed; shift; fi
secs="${1:-60}"
clients="${2:-8}"
case "$secs$clients" in ''|*[!0-9]*) echo "usage: $0 [--installed] [seconds] [clients]" >&2; exit 2;; esac

. test/lib.sh
data=$(shared_data_find ctgov_v2)
data=${data:+$data/ctgov_v2}
shopt -s nullglob
real=()
if [ -n "$data" ]; then real=("$data"/NCT*.json); fi

cluster_setup $installed
mkdir -p build
cluster_start load -c log_lock_waits=on -c "log_line_prefix='%m [%p] %q%u@%d %e '" \
  -c max_connections=50 -c shared_buffers=128MB
q() { cluster_psql load -d msc_load "$@"; }
cluster_psql load -d postgres -c "CREATE DATABASE msc_load"
q -c "CREATE EXTENSION msc_registry"
q -f test/load/setup.sql

k=0
for f in "${real[@]}"; do
  k=$((k + 1))
  q -v k=$k <<EOF
\set doc \`cat '$f'\`
INSERT INTO load.record SELECT :k, :'doc'::jsonb #>> '{protocolSection,identificationModule,nctId}', :'doc', 'real';
EOF
done
if [ ${#real[@]} -gt 0 ]; then
  echo "load: ${#real[@]} real ClinicalTrials.gov records from $data"
else
  echo "SKIPPED: load: the real records: no ctgov_v2 in the shared data (test/shared_data.sh; set MSC_SHARED_DATA)"
fi
q -v k=$k <<'EOF'
\set doc `cat test/fixtures/ctgov_synthetic_study.json`
INSERT INTO load.record
SELECT :k + i, format('NCT0888880%s', i),
       jsonb_set(:'doc'::jsonb, '{protocolSection,identificationModule,nctId}', to_jsonb(format('NCT0888880%s', i))),
       'synthetic'
FROM generate_series(1, 8) i;
INSERT INTO load.record VALUES (:k + 9, 'not a study', '{"resource": "Patient", "id": "x"}', 'not_a_study');
-- every trial imported once before the run: the arms the enrolments go to,
-- and the reference that re-imports under load are compared with
SELECT count(ctgov_import(doc)) AS imported FROM load.record WHERE origin <> 'not_a_study' \gset
CREATE TABLE load.fingerprint_before AS SELECT * FROM load.fingerprint();
VACUUM ANALYZE;
EOF
nrec=$(q -Atc "SELECT count(*) FROM load.record")
echo "load: $nrec records ($(q -Atc "SELECT count(*) FROM load.record WHERE origin = 'synthetic'") synthetic, 1 not a study), $(q -Atc "SELECT count(*) FROM arm") arms"

log=$(cluster_log load)
log_start=$(stat -c %s "$log")
echo "load: pgbench, $clients clients, $secs s: import@2 assess@6 report@2"
set +e
pgbench -n -h 127.0.0.1 -p "$(cluster_port load)" -U postgres -c "$clients" -j 2 -T "$secs" \
  -D nrec="$nrec" --failures-detailed \
  -f test/load/import.pgb@2 -f test/load/assess.pgb@6 -f test/load/report.pgb@2 \
  msc_load > build/load_pgbench.out 2>&1
pgb_rc=$?
set -e
status=0
sed -n '/^transaction type/,$p' build/load_pgbench.out | grep -v "^ - weight\|^transaction type\|^scaling factor\|^query mode\|^duration\|^maximum number of tries"
if [ $pgb_rc != 0 ] || grep -q "aborted\|^pgbench: error" build/load_pgbench.out; then
  echo "FAIL: pgbench exited with $pgb_rc"; grep -i "error\|abort" build/load_pgbench.out | head -20; status=1
fi
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' build/load_pgbench.out)
if [ "${failed:-x}" != 0 ]; then echo "FAIL: ${failed:-unknown} failed transactions"; status=1; fi

# pgbench's per-script counts, in the order of the -f options
mapfile -t per_script < <(sed -n 's/^ - \([0-9]*\) transactions (.*/\1/p' build/load_pgbench.out)
if [ ${#per_script[@]} != 3 ]; then echo "FAIL: no per-script counts in the pgbench output"; exit 1; fi

deadlocks=$(q -Atc "SELECT deadlocks FROM pg_stat_database WHERE datname = 'msc_load'")
# pgbench stops at its time limit without waiting for the transactions in
# flight (one at most per client); the server may then log that it lost
# their connections, which is no error of the registry's
lost_re="FATAL:  connection to client lost"
lost=$(tail -c +"$((log_start + 1))" "$log" | grep -c "$lost_re" || true)
errors=$(tail -c +"$((log_start + 1))" "$log" | grep -E "(ERROR|FATAL|PANIC):" | grep -v -c "$lost_re" || true)
if [ "$lost" -gt "$clients" ]; then echo "FAIL: $lost connections lost, more than the $clients clients"; status=1; fi
lockwaits=$(tail -c +"$((log_start + 1))" "$log" | grep -c "still waiting for" || true)
echo "load: server: $deadlocks deadlocks, $errors ERROR/FATAL/PANIC lines in the log ($lost connections lost at the end besides), $lockwaits lock waits over deadlock_timeout (1 s) logged"
if [ "$deadlocks" != 0 ] || grep -q "deadlock detected" <(tail -c +"$((log_start + 1))" "$log"); then
  echo "FAIL: deadlocks"; status=1
fi
if [ "$errors" != 0 ]; then
  echo "FAIL: errors in the server log:"; tail -c +"$((log_start + 1))" "$log" | grep -v "$lost_re" | grep -E -A3 "(ERROR|FATAL|PANIC):" | head -30; status=1
fi

if ! q -v pgb_import="${per_script[0]}" -v pgb_assess="${per_script[1]}" -v clients="$clients" -f test/load/check.sql; then status=1; fi
if [ $status = 0 ]; then echo "load: ok"; else echo "load: FAILED"; fi
exit $status
