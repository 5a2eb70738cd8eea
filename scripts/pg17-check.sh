#!/usr/bin/env bash
# Build and test msc_registry on PostgreSQL 17, in a Debian 13 (trixie)
# root made with debootstrap, without touching the machine's own
# PostgreSQL 15.  Not part of scripts/test.sh (it downloads about 400 MB of
# packages, the root takes about 2 GB, and it runs for minutes); run it by
# hand, as root:
#
#   scripts/pg17-check.sh            # make the root if needed, then test
#   scripts/pg17-check.sh --setup    # only make the root
#
# 1. $PG17_ROOT, default build/pg17-root: debootstrap trixie from $DEBIAN_MIRROR, else from the
#    Debian archive this machine's apt sources name, else from debootstrap's
#    own default; then apt-get install postgresql-17,
#    its server headers, pgTAP, pg_prove, amcheck's contrib, the compiler
#    and what the shell tests use.  Made once; delete it to start again.
# 2. The working tree (tracked and untracked files, not ignored ones) is
#    copied to /src/msc_registry in the root; /proc, /dev and /dev/shm are
#    mounted; ../shared/data (if found) is bound read-only at
#    /work/shared/data so the tests that read it run.
# 3. In the root: build with -Wall -Wextra (a warning fails the check),
#    the core unit tests under ASan+UBSan, make install, then on a
#    throw-away PostgreSQL 17 cluster (pg_virtualenv; the server runs as the
#    postgres user) the tests of `make check-all` but the fuzz targets (no
#    clang in the root): the META.json and documentation checks, the
#    scale-out and short load tests, pg_regress, pgTAP, the shell tests and
#    the demo.
# Exit status 0 when every step passed.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
. scripts/lib/pg17_root.sh	# root ($PG17_ROOT or build/pg17-root), mounts, root_run

root_refuse_if_mounted
# ---- 1. the root ----
root_ensure
if [ "${1:-}" = "--setup" ]; then
  echo "pg17-check: root ready in $root"
  exit 0
fi

# ---- 2. the checkout and the mounts ----
root_mount_system
root_copy_checkout
root_bind_shared_data

# ---- 3. build and test inside the root ----
root_run bash -c '
  set -uo pipefail
  cd /src/msc_registry
  status=0
  scripts/lib/root_build.sh || exit 1
  make -s PG_CONFIG=$PG_CONFIG check-all PG_VIRTUALENV_OPTS="-v '"$pgver"'" \
    STANDALONE="metacheck doccheck coretest scaleouttest loadtest" || status=1
  exit $status
' 2>&1 | grep --line-buffered -v -E '^(Creating new|Dropping cluster)'
rc=${PIPESTATUS[0]}
if [ "$rc" = 0 ]; then echo "pg17-check: all passed on PostgreSQL $pgver"; else echo "pg17-check: FAILED on PostgreSQL $pgver"; fi
exit "$rc"
