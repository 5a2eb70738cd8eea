#!/usr/bin/env bash
# Run every test of msc_registry on this machine, from a fresh clone (what
# CI runs): install what is missing, build warning-free, install into the
# system, then `make check-all`, the one list of tests (test/README.md):
# the META.json and documentation checks, the core unit tests under
# AddressSanitizer and UBSan, the fuzz targets (15 s each), the scale-out
# and load tests on clusters of their own, and on a throw-away cluster
# (pg_virtualenv; the server runs as the postgres user) pg_regress, pgTAP,
# the shell tests and the demo.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

echo "== build (warnings are errors)"
make -s clean >/dev/null
mkdir -p build
make -s 2>&1 | tee build/build.log
if grep -q "warning:" build/build.log; then
  echo "the build printed warnings" >&2; exit 1
fi
make -s install install-old-releases

make -s check-all FUZZ_SECONDS=15
