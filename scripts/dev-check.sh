#!/usr/bin/env bash
# Developer loop: build this checkout, install it into build/destdir (not
# the system), and run pg_regress (and pgTAP with --tap) on a throw-away
# cluster that loads the extension from there through Debian's
# extension_destdir.  Several checkouts can run this side by side.
#   scripts/dev-check.sh [--tap] [test ...]
set -euo pipefail
cd "$(dirname "$0")/.."
tap=0
if [ "${1:-}" = "--tap" ]; then tap=1; shift; fi
dest="$PWD/build/destdir"
make -s 2>&1 | { grep -E "warning:|error:" || true; }
make -s install install-old-releases DESTDIR="$dest" >/dev/null
chmod -R a+rX "$dest"
tests="${*:-}"
flock /tmp/msc_registry_dev_check.lock \
  pg_virtualenv -t -o "extension_destdir=$dest" -o "dynamic_library_path=$dest$(pg_config --pkglibdir):\$libdir" \
  bash -c "
  set -uo pipefail
  status=0
  make -s installcheck ${tests:+REGRESS=\"$tests\"} || status=1
  if [ $tap = 1 ]; then
    createdb msc_tap
    psql -q -X -v ON_ERROR_STOP=1 -d msc_tap -c 'CREATE EXTENSION pgtap; CREATE EXTENSION msc_registry;' &&
    pg_prove -d msc_tap --ext .sql -r test/pgtap || status=1
    test/forest_plot.sh || status=1
    test/ctgov_import.sh || status=1
    test/hostile_import.sh || status=1
    test/upgrade.sh || status=1
    test/lossless.sh || status=1
    test/dump_restore.sh || status=1
    test/security.sh || status=1
    test/demo_report.sh || status=1
  fi
  exit \$status
" 2>&1 | grep -v -E '^(ALTER DATABASE|Creating new|Dropping cluster)'
