#!/usr/bin/env bash
# The msc_registry demo, from a fresh clone: install what is missing, build,
# install, start a throw-away cluster (pg_virtualenv; the server runs as the
# postgres user), load a few example rows, show the types at work in psql,
# and drop the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
make -s 2>&1 | { grep -E "warning:|error:" || true; }
make -s install
pg_virtualenv -t psql -X -q -v ON_ERROR_STOP=1 -f scripts/demo.sql
if [ -s build/demo_forest.svg ]; then
  rsvg-convert -o build/demo_forest.png build/demo_forest.svg
  echo "forest plot: build/demo_forest.svg and build/demo_forest.png"
fi
