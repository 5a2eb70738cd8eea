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
# 1. build/pg17-root: debootstrap trixie from $DEBIAN_MIRROR, else from the
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
root=$top/build/pg17-root
# the mirror: the environment's, else the Debian archive of this machine's
# apt sources (deb822 URIs: lines or one-line deb entries), else none given
# (debootstrap picks its default)
mirror=${DEBIAN_MIRROR:-$( { sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n'
  sed -n -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
} | grep -m1 -E '/debian/?$' || true)}
pgver=17

if [ "$(id -u)" -ne 0 ]; then
  echo "pg17-check: run as root (debootstrap, chroot and mount need it)" >&2
  exit 1
fi

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
mount_in_root() {	# type-or-bind source target
  mkdir -p "$3"
  if mountpoint -q "$3"; then return; fi
  if [ "$1" = bind ]; then mount --bind "$2" "$3"; else mount -t "$1" "$2" "$3"; fi
  mounted+=("$3")
}
mount_system() {
  mount_in_root proc proc "$root/proc"
  mount_in_root bind /dev "$root/dev"
  mount_in_root bind /dev/pts "$root/dev/pts"
  mount_in_root tmpfs shm "$root/dev/shm"
}

# A run killed before its cleanup can leave /proc, /dev or the shared data
# mounted in the root: never delete anything there while that is so.
if findmnt -rn -o TARGET | grep -q "^$root/"; then
  echo "pg17-check: something is still mounted under $root (findmnt); unmount it first" >&2
  exit 1
fi

# ---- 1. the root ----
if [ ! -e "$root/.msc-packages-installed" ]; then
  if [ ! -x "$root/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
    echo "== debootstrap trixie into $root from ${mirror:-the default mirror of debootstrap}"
    rm -rf "$root"
    nice -n 10 debootstrap --variant=minbase trixie "$root" ${mirror:+"$mirror"} > "$top/build/pg17-debootstrap.log" 2>&1 ||
      { tail -20 "$top/build/pg17-debootstrap.log"; exit 1; }
  fi
  mount_system
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  # no daemons start inside the root while packages are installed
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  echo "== apt-get install postgresql-$pgver and the build and test tools"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    bash -c "set -e
      apt-get update -qq
      nice -n 10 apt-get install -y -qq --no-install-recommends \
        postgresql-$pgver postgresql-server-dev-$pgver postgresql-$pgver-pgtap \
        libtap-parser-sourcehandler-pgtap-perl postgresql-common \
        build-essential libxml2-utils librsvg2-bin fonts-dejavu-core \
        ca-certificates git > /dev/null
      apt-get clean
      # no cluster of its own: the tests make throw-away ones
      pg_dropcluster --stop $pgver main 2>/dev/null || true" ||
    { echo "pg17-check: apt-get install in the root failed" >&2; exit 1; }
  touch "$root/.msc-packages-installed"
fi
if [ "${1:-}" = "--setup" ]; then
  echo "pg17-check: root ready in $root"
  exit 0
fi

# ---- 2. the checkout and the mounts ----
mount_system
src=$root/src/msc_registry
rm -rf "$src"
mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src" 2>/dev/null ||
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [ -e "$f" ] && cp --parents -t "$src" "$f"; done
. test/shared_data.sh
data=$(shared_data_find .)
if [ -n "$data" ]; then
  mount_in_root bind "$(cd "$data" && pwd)" "$root/work/shared/data"
  mount -o remount,bind,ro "$root/work/shared/data" 2>/dev/null || true
  shared="MSC_SHARED_DATA=/work/shared/data"
else
  shared="MSC_SHARED_DATA=/nonexistent MSC_SKIP_SHARED_DATA=1"
  echo "pg17-check: no shared/data found; the tests that read it will say SKIPPED"
fi

# ---- 3. build and test inside the root ----
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root $shared \
  PG_CONFIG=/usr/lib/postgresql/$pgver/bin/pg_config \
  bash -c '
  set -uo pipefail
  cd /src/msc_registry
  status=0
  echo "== in the root: $(. /etc/os-release; echo "$PRETTY_NAME"), $($PG_CONFIG --version), $(gcc --version | head -1)"
  echo "== build (warnings are errors)"
  make -s clean >/dev/null
  make -s PG_CONFIG=$PG_CONFIG 2>&1 | tee /tmp/build.log
  if grep -q "warning:\|error:" /tmp/build.log; then echo "pg17-check: the build printed warnings or errors" >&2; exit 1; fi
  make -s PG_CONFIG=$PG_CONFIG install >/dev/null || exit 1
  chown -R postgres: /src/msc_registry
  make -s PG_CONFIG=$PG_CONFIG check-all PG_VIRTUALENV_OPTS="-v '"$pgver"'" \
    STANDALONE="metacheck doccheck coretest scaleouttest loadtest" || status=1
  exit $status
' 2>&1 | grep --line-buffered -v -E '^(Creating new|Dropping cluster)'
rc=${PIPESTATUS[0]}
if [ "$rc" = 0 ]; then echo "pg17-check: all passed on PostgreSQL $pgver"; else echo "pg17-check: FAILED on PostgreSQL $pgver"; fi
exit "$rc"
