#!/usr/bin/env bash
# Developer loop: build this checkout, install it into build/destdir (not
# the system), and run the tests against that installation on a throw-away
# cluster that loads the extension from there through Debian's
# extension_destdir.  Several checkouts can run this side by side.
#   scripts/dev-check.sh [test ...]   pg_regress (all tests, or the ones named)
#   scripts/dev-check.sh --tap        pg_regress, pgTAP and the shell tests
#                                     (make installcheck tap shelltest)
#   scripts/dev-check.sh --all        every test: make standalone, then
#                                     make servertest (see test/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=regress
case "${1:-}" in --tap) mode=tap; shift;; --all) mode=all; shift;; esac
dest="$PWD/build/destdir"
make -s 2>&1 | { grep -E "warning:|error:" || true; }
make -s install install-old-releases DESTDIR="$dest" >/dev/null
chmod -R a+rX "$dest"
tests="${*:-}"
case $mode in
  regress) targets="installcheck";;
  tap) targets="installcheck tap shelltest";;
  all) targets="servertest";;
esac
status=0
# the tests that start clusters of their own build into build/destdir too
if [ $mode = all ]; then make -s standalone CLUSTER_FROM= || status=1; fi
# one throw-away cluster at a time on this machine
exec 9>/tmp/msc_registry_dev_check.lock
flock 9
pg_virtualenv -t -o "extension_destdir=$dest" -o "dynamic_library_path=$dest$(pg_config --pkglibdir):\$libdir" \
  bash -c "
  set -uo pipefail
  status=0
  for t in $targets; do
    make -s --no-print-directory \$t ${tests:+REGRESS=\"$tests\"} || status=1
  done
  exit \$status
" 2>&1 | grep -v -E '^(ALTER DATABASE|Creating new|Dropping cluster)' || status=1
exit $status
