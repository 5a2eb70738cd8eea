#!/usr/bin/env bash
# Hostile ClinicalTrials.gov documents against ctgov_import() (the
# documents are built by test/hostile_import.sql: deep nesting, 10 MB
# strings, wrong JSON types at every module, missing modules, bad nctId).
# Each must give its documented SQLSTATE or an import_problem row, and the
# server must never restart while they run:
#   - the postmaster's auxiliary processes (checkpointer, background
#     writer, WAL writer, autovacuum launcher) have the same process ids
#     before and after: after a backend crash the postmaster kills and
#     restarts them all (pg_postmaster_start_time() is checked too, though
#     PostgreSQL 15 does not reset it on such a restart);
#   - one session runs every document and is still the same backend at the
#     end (a crash of any backend ends every session);
#   - the server log, when it can be found, has no line saying a server
#     process was terminated by a signal or exited abnormally.
#
# Needs a running server where msc_registry is installed, reached through
# the usual PGHOST, PGPORT, PGUSER ... (as pg_virtualenv sets them).
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

db=msc_hostile_import
mkdir -p build
out=build/hostile_import.out
dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION msc_registry"

aux="SELECT pg_postmaster_start_time() || ' ' || string_agg(backend_type || ' ' || pid, ', ' ORDER BY backend_type)
     FROM pg_stat_activity
     WHERE backend_type IN ('checkpointer', 'background writer', 'walwriter', 'autovacuum launcher')"
started=$(q "$aux")

# the server log: pg_virtualenv's (next to its configuration), else the
# logging collector's current file when the server can tell
log=""
if [ -n "${PG_CLUSTER_CONF_ROOT:-}" ]; then
  for f in "$(dirname "$PG_CLUSTER_CONF_ROOT")"/log/postgresql-*.log; do [ -r "$f" ] && log=$f; done
fi
if [ -z "$log" ]; then
  f=$(q "SELECT pg_current_logfile()" 2>/dev/null || true)
  d=$(q "SHOW data_directory" 2>/dev/null || true)
  case "$f" in /*) ;; ?*) f="$d/$f" ;; esac
  [ -n "$f" ] && [ -r "$f" ] && log=$f
fi
offset=0
[ -n "$log" ] && offset=$(stat -c %s "$log")

status=0
psql -X -v ON_ERROR_STOP=1 -d "$db" \
     -f test/hostile_import.sql > "$out" 2>&1 || { echo "hostile_import: psql failed (see $out)"; tail -20 "$out"; status=1; }
grep '^hostile_import:' "$out" || echo "hostile_import: no summary (see $out)"
grep -q '^hostile_import: same backend from the first document to the last: t$' "$out" || status=1
# the number of documents of test/hostile_import.sql, counted by hand: fewer
# (a VALUES row lost, nothing run) is a failure, not a smaller pass
documents=96
if ! grep -q "^hostile_import: $documents documents, 0 not as expected\$" "$out"; then
  grep -E '\| f +\|' "$out" | head -40 || true
  status=1
fi

after=$(q "$aux")
if [ "$started" != "$after" ]; then
  echo "hostile_import: the server restarted: before: $started; after: $after"; status=1
else
  echo "hostile_import: postmaster start time and auxiliary processes unchanged ($started)"
fi
if [ -n "$log" ]; then
  crashes=$(tail -c +"$((offset + 1))" "$log" | grep -E "terminated by signal|exited with exit code|was terminated|all server processes terminated|server process .* exited abnormally|PANIC" || true)
  if [ -n "$crashes" ]; then
    echo "hostile_import: the server log reports a crash:"; echo "$crashes" | head -10; status=1
  else
    echo "hostile_import: server log $log: no server process crashed"
  fi
else
  echo "hostile_import: server log not found; start time and session checked only"
fi
exit $status
