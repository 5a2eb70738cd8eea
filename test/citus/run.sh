#!/usr/bin/env bash
# The Citus checks, run by scripts/citus-check.sh inside the PostgreSQL 17
# root (as root; the servers run as postgres), with Citus and msc_registry
# (this version, and the earlier releases' install scripts) installed.
#
#  - a coordinator and two workers on loopback, each with
#    shared_preload_libraries = citus, stopped and removed on exit;
#  - msc_registry 0.2.0 on every node, the registry's tables adapted to what
#    Citus requires (distribute.sql), participant, assessment and
#    participant_adverse_event distributed by participant_id in 32 shards,
#    the arm-level and site tables reference tables;
#  - a synthetic registry (load.sql; 12 trials, PARTICIPANTS_PER_ARM per
#    arm, 4 visits) and an input table for every aggregate (agg_input);
#  - ALTER EXTENSION ... UPDATE to this version: every node follows;
#  - every aggregate of the extension (pg_aggregate, pg_depend: new ones are
#    covered, or fail for want of a call in aggregates.sql) grouped by a
#    non-distribution column: EXPLAIN VERBOSE must show it computed on the
#    workers (worker_binary_partial_agg, or the aggregate itself), and the
#    result must equal the same query on a local copy (texts and integers
#    exactly, floats to 1e-12 relative);
#  - errors (mixed instruments, mixed methods, bad input) reach the client
#    with the SQLSTATE of the single-node run;
#  - row-level security by site on the distributed tables;
#  - timings of the report query, distributed and on one node, and of
#    meta_analysis with a method text, with and without the partial
#    aggregates on the workers.
set -uo pipefail
cd "$(dirname "$0")"
here=$PWD
per_arm=${PARTICIPANTS_PER_ARM:-2084}
dir=/tmp/msc-citus
bin=$($PG_CONFIG --bindir)
status=0
fail() { echo "FAIL: $*"; status=1; }

nodes=(coord worker1 worker2)
declare -A port
free_port() {	# the first port from $1 on that nobody listens on
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
stop_all() {
  local n
  for n in "${nodes[@]}"; do
    [ -d "$dir/$n" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/$n" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$dir"
}
# CITUS_KEEP=1 leaves the cluster running (in the root, $dir) to look into a failure
[ "${CITUS_KEEP:-}" = 1 ] || trap stop_all EXIT

rm -rf "$dir"
mkdir -p "$dir"
chown postgres: "$dir"
p=57600
for n in "${nodes[@]}"; do
  p=$(free_port $((p + 1)))
  port[$n]=$p
  runuser -u postgres -- "$bin/initdb" -D "$dir/$n" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
  cat >> "$dir/$n/postgresql.conf" <<EOF
port = $p
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_preload_libraries = 'citus'
fsync = off
max_connections = 200
EOF
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/$n" -l "$dir/$n.log" -w start >/dev/null ||
    { cat "$dir/$n.log"; exit 1; }
done
echo "citus: coordinator on port ${port[coord]}, workers on ${port[worker1]} and ${port[worker2]}"

# q NODE [psql args]: psql as postgres on the registry database of NODE
q() { local n=$1; shift; runuser -u postgres -- "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "${port[$n]}" -d registry "$@"; }
for n in "${nodes[@]}"; do
  runuser -u postgres -- "$bin/psql" -X -q -h "$dir" -p "${port[$n]}" -d postgres -c "CREATE DATABASE registry" || exit 1
  q $n -c "CREATE EXTENSION citus" || exit 1
done
echo "citus: $(q coord -Atc "SELECT 'Citus ' || citus_version()")"
q coord -c "SELECT citus_set_coordinator_host('127.0.0.1', ${port[coord]})" \
        -c "SELECT citus_add_node('127.0.0.1', ${port[worker1]})" \
        -c "SELECT citus_add_node('127.0.0.1', ${port[worker2]})" >/dev/null || exit 1

# ---- msc_registry 0.2.0 on every node (Citus propagates CREATE EXTENSION) ----
old=$(awk '!/^#/ && NF == 2 { v = $1 } END { print v }' /src/msc_registry/src/sql/RELEASES)
new=$(sed -n "s/^default_version = '\(.*\)'/\1/p" /src/msc_registry/msc_registry.control)
q coord -c "CREATE EXTENSION msc_registry VERSION '$old'" || exit 1
versions() {
  local n
  for n in "${nodes[@]}"; do q $n -Atc "SELECT extversion FROM pg_extension WHERE extname = 'msc_registry'"; done | sort -u | tr '\n' ' '
}
echo "citus: msc_registry on the three nodes: $(versions)"

# ---- the registry distributed ----
echo "== adapt the registry's tables to Citus (on every node), distribute them"
for n in coord worker1 worker2; do q $n -f distribute.sql -v step=adapt -v node=${n%[12]} >/dev/null || exit 1; done
q coord -f distribute.sql -v step=distribute -v node=coord || exit 1

echo "== load"
q coord -v per_arm="$per_arm" -f load.sql || exit 1

[ "${STOP_AFTER:-}" = load ] && exit $status

# ---- the upgrade, on every node ----
# The update refuses to bind to functions not its own, which the policies of
# distribute.sql call: they are dropped on every node (DDL propagation off,
# the shards keep theirs) and made again after.  Propagated from the
# coordinator, the update fails: Citus sends a DDL statement of the script
# on a reference table (trial) to the workers with the whole script as its
# text ("cannot insert multiple commands into a prepared statement").  So
# each node is updated on its own, without DDL propagation.
echo "== ALTER EXTENSION msc_registry UPDATE TO '$new'"
for n in "${nodes[@]}"; do
  q $n -c "SET citus.enable_ddl_propagation = off" -v action=drop -f policies.sql || fail "dropping the policies on $n"
done
if q coord -c "ALTER EXTENSION msc_registry UPDATE TO '$new'" 2>&1 | sed 's/^/-- propagated from the coordinator: /'; then
  echo "-- (the propagated update went through)"
else
  for n in worker1 worker2 coord; do
    q $n -c "SET citus.enable_ddl_propagation = off" -c "ALTER EXTENSION msc_registry UPDATE TO '$new'" ||
      fail "ALTER EXTENSION msc_registry UPDATE on $n"
  done
fi
for n in "${nodes[@]}"; do
  q $n -c "SET citus.enable_ddl_propagation = off" -v action=create -f policies.sql || fail "making the policies on $n"
done
v=$(versions)
if [ "$v" = "$new " ]; then echo "-- every node now at $new"; else fail "extension versions after the update: $v"; fi

# ---- every aggregate: on the workers, and equal to one node ----
echo "== every aggregate of msc_registry, grouped by a non-distribution column"
q coord -f aggregates.sql || status=1

# ---- errors and row-level security ----
echo "== errors reach the client with their SQLSTATE"
q coord -f errors.sql || status=1
echo "== row-level security by site"
q coord -f rls.sql || status=1

echo "== timings"
q coord -f timing.sql || status=1

if [ $status = 0 ]; then echo "citus: ok"; else echo "citus: FAILED"; fi
exit $status
