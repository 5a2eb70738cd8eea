# shared_data.sh — the one way the shell tests (and the psql scripts they
# run) find the shared data, the real records and reference values kept
# outside the repository: $MSC_SHARED_DATA when set, else ../shared/data
# relative to the checkout.  Source it; psql scripts get the directory as a
# variable (psql -v shared_data="$SHARED_DATA_DIR"), never a path of their own.
#
#   shared_data_find SUB       print the directory holding SUB, or nothing
#   shared_data_require SUB WHAT
#                              set SHARED_DATA_DIR to it; without it exit 1
#                              with a message, or, with MSC_SKIP_SHARED_DATA=1,
#                              print "SKIPPED: WHAT ..." and return 1

shared_data_find() {
  local checkout d
  checkout=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  d=${MSC_SHARED_DATA:-$checkout/../shared/data}
  if [ -e "$d/$1" ]; then (cd "$d" && pwd); fi
}

shared_data_require() {
  SHARED_DATA_DIR=$(shared_data_find "$1")
  [ -n "$SHARED_DATA_DIR" ] && return 0
  if [ "${MSC_SKIP_SHARED_DATA:-}" = 1 ]; then
    echo "SKIPPED: $2: shared data $1 not found (MSC_SKIP_SHARED_DATA=1)"
    return 1
  fi
  echo "FAILED: $2: shared data $1 not found in ${MSC_SHARED_DATA:-../shared/data}:" \
       "set MSC_SHARED_DATA to the shared data directory, or MSC_SKIP_SHARED_DATA=1 to skip" >&2
  exit 1
}
