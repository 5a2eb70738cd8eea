# The one library of msc_registry's shell tests (sourced from the
# repository root, never run; test/README.md lists the tests).
#
# Reporting, one line per check, TAP-like; the counters are checks and
# failures:
#   ok NAME                    "ok N - NAME"
#   bad NAME [DETAIL]          "not ok N - NAME", DETAIL below it as "#" lines
#   check NAME EXPECTED ACTUAL ok when the two are equal, else bad with both
#   result NAME FAILURES [DETAIL]  ok when FAILURES is 0, else bad
#   summary NAME               "NAME: C checks, P passed, F failed"; its
#                              status is 0 when nothing failed
# A server of the environment (PGHOST, PGPORT, PGUSER ... as pg_virtualenv
# sets them):
#   psql_db DB [psql args]     psql in DB, no psqlrc, stopping at the first error
#   q [SQL | psql args]        the same in $db, rows unaligned without headers;
#                              a first argument not starting with "-" is the SQL
# The shared data (never copied into the repository):
#   shared_data SUBDIR         prints the directory shared/data/SUBDIR, found
#                              by test/shared_data.sh ($MSC_SHARED_DATA, else
#                              ../shared/data next to the checkout); prints
#                              nothing when absent
# Throw-away clusters of their own (bench/scaleout.sh, test/load.sh): the
# servers run as the postgres user, listen on 127.0.0.1 at free high ports,
# keep their data and logs under one temporary directory, and are stopped
# and removed on exit, also on failure.
#   cluster_setup [--installed]   build this checkout into build/destdir (the
#                                 servers load msc_registry from there, as
#                                 scripts/dev-check.sh does), or with
#                                 --installed use the system's installation;
#                                 unsets the caller's PG* variables (the
#                                 clusters are reached by port)
#   cluster_start NAME [-c setting=value ...]
#   cluster_psql NAME [psql args]  (ON_ERROR_STOP, no psqlrc)
#   cluster_port NAME, cluster_log NAME

checks=0
failures=0
ok() { checks=$((checks + 1)); echo "ok $checks - $1"; }
bad() {
  checks=$((checks + 1)); failures=$((failures + 1))
  echo "not ok $checks - $1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/#   /'; fi
}
check() {
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected: $2
got:      $3"; fi
}
result() { if [ "$2" = 0 ]; then ok "$1"; else bad "$1" "${3:-}"; fi; }
summary() {
  echo "$1: $checks checks, $((checks - failures)) passed, $failures failed"
  [ "$failures" = 0 ]
}

psql_db() { command psql -X -q -v ON_ERROR_STOP=1 -d "$1" "${@:2}"; }
q() {
  if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then set -- -c "$@"; fi
  command psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
}

. test/shared_data.sh   # shared_data_find, shared_data_require

shared_data() {   # the directory shared/data/SUBDIR, or nothing (test/shared_data.sh)
  local d
  d=$(shared_data_find "$1")
  if [ -n "$d" ]; then (cd "$d/$1" && pwd); fi
}

# ---- throw-away clusters ----
cluster_bin=$(pg_config --bindir)
cluster_opts=""
cluster_work=""
cluster_started=()
declare -A cluster_ports

cluster_setup() {
  unset PGHOST PGPORT PGUSER PGDATABASE PGSERVICE PGSERVICEFILE PGSYSCONFDIR PGPASSWORD PGOPTIONS
  if [ "${1:-}" != "--installed" ]; then
    local dest="$PWD/build/destdir"
    make -s 2>&1 | { grep -E "warning:|error:" || true; }
    make -s install DESTDIR="$dest" >/dev/null
    chmod -R a+rX "$dest"
    cluster_opts="-c extension_destdir=$dest -c dynamic_library_path=$dest$(pg_config --pkglibdir):\$libdir"
  fi
  if [ "$(id -u)" = 0 ]; then
    as_pg() { runuser -u postgres -- "$@"; }
  elif [ "$(id -un)" = postgres ]; then
    as_pg() { "$@"; }
  else
    echo "run as root (the servers run as the postgres user) or as the postgres user" >&2; exit 2
  fi
  cluster_work=$(mktemp -d /tmp/msc_cluster.XXXXXX)
  chmod 755 "$cluster_work"
  chown postgres: "$cluster_work" 2>/dev/null || true
  trap cluster_cleanup EXIT
  trap 'exit 130' INT TERM
}

cluster_cleanup() {
  local rc=$? n
  for n in "${cluster_started[@]}"; do
    as_pg "$cluster_bin/pg_ctl" -D "$cluster_work/$n" -m immediate stop >/dev/null 2>&1 || true
  done
  if [ $rc != 0 ]; then
    for n in "${cluster_started[@]}"; do
      echo "--- last lines of the $n server log"; tail -n 15 "$cluster_work/$n.log" 2>/dev/null || true
    done
  fi
  [ -n "$cluster_work" ] && rm -rf "$cluster_work"
  exit $rc
}

cluster_next_port=$(( 40000 + RANDOM % 20000 ))
cluster_free_port() {
  while (exec 3<>"/dev/tcp/127.0.0.1/$cluster_next_port") 2>/dev/null; do
    cluster_next_port=$((cluster_next_port + 1))
  done
  cluster_next_port=$((cluster_next_port + 1))
}

cluster_start() {
  local n=$1; shift
  cluster_free_port
  local port=$((cluster_next_port - 1))
  cluster_ports[$n]=$port
  as_pg "$cluster_bin/initdb" -D "$cluster_work/$n" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  as_pg "$cluster_bin/pg_ctl" -D "$cluster_work/$n" -l "$cluster_work/$n.log" -w \
    -o "-p $port -k $cluster_work -c listen_addresses=127.0.0.1 $cluster_opts $*" start >/dev/null
  cluster_started+=("$n")
}

cluster_port() { echo "${cluster_ports[$1]}"; }
cluster_log() { echo "$cluster_work/$1.log"; }
cluster_psql() {
  local n=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${cluster_ports[$n]}" -U postgres "$@"
}
