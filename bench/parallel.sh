#!/usr/bin/env bash
# Row 1c of bench/run.sh alone, with more repetitions (default 15):
# score_summary and the built-ins with 2 workers (and ours with 1) against
# serial, interleaved, on 10M rows, on a throw-away cluster.
#   bench/parallel.sh [reps]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-15}
dest="$PWD/build/destdir"
make -s >/dev/null && make -s install DESTDIR="$dest" >/dev/null && chmod -R a+rX "$dest"
pg_virtualenv -t -o "extension_destdir=$dest" -o "dynamic_library_path=$dest$(pg_config --pkglibdir):\$libdir" \
  -o shared_buffers=2GB -o jit=off -o autovacuum=off \
  bash -c "psql -X -q -c 'CREATE EXTENSION msc_registry' && psql -X -q -v reps=$reps -f bench/parallel.sql"
