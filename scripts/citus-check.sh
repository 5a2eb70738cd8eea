#!/usr/bin/env bash
# msc_registry on a Citus cluster: PostgreSQL 17 in the Debian 13 root of
# scripts/pg17-check.sh (made here too when missing), Citus built from the
# vendored snapshot (../shared/vendor/citus-*.tar.gz, AGPL: a test server,
# never linked into the extension nor copied into the repository), a
# coordinator and two workers on loopback.  Not part of scripts/test.sh or
# CI (it needs the root, about 2 GB, and runs for minutes); run it by hand,
# as root:
#
#   scripts/citus-check.sh
#
# PG17_ROOT names the root (default build/pg17-root of the checkout);
# CITUS_TARBALL the Citus source (default ../shared/vendor/citus-*.tar.gz
# next to the checkout, else next to $MSC_SHARED_DATA).
#
# 1. The root, and in it Citus' build dependencies (once).
# 2. The install scripts of the earlier releases (`make old-releases`, built
#    here outside the root from git history: the root's copy has no .git)
#    and the working tree are copied into the root; Citus is built from the
#    snapshot (again only when the snapshot changed) and msc_registry with
#    -Wall -Wextra (a warning fails the check), both installed in the root.
# 3. test/citus/run.sh in the root: the cluster, the distributed registry
#    and the checks (see there and doc/scaleout.md).
# Exit status 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
. scripts/lib/pg17_root.sh	# root ($PG17_ROOT or build/pg17-root), mounts, root_run

tarball=${CITUS_TARBALL:-$(ls "$top"/../shared/vendor/citus-*.tar.gz \
  ${MSC_SHARED_DATA:+"$MSC_SHARED_DATA"/../vendor/citus-*.tar.gz} 2>/dev/null | head -1 || true)}
if [ ! -f "$tarball" ]; then
  echo "citus-check: no Citus source: set CITUS_TARBALL, or put citus-*.tar.gz in ../shared/vendor" >&2
  exit 1
fi

# ---- 1. the root and Citus' build dependencies ----
root_refuse_if_mounted
root_ensure
root_mount_system
if [ ! -e "$root/.msc-citus-deps-installed" ]; then
  echo "== apt-get install Citus' build dependencies"
  root_apt_install libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev \
    libxslt1-dev libpam0g-dev libreadline-dev libicu-dev
  touch "$root/.msc-citus-deps-installed"
fi

# ---- 2. the earlier releases, the checkout, Citus and msc_registry ----
make -s old-releases
root_copy_checkout
rm -rf "$root/src/msc_releases"
mkdir -p "$root/src/msc_releases"
cp build/releases/*.sql "$root/src/msc_releases/"

citus_src=$root/src/citus
if [ "$(cat "$citus_src/.msc-built-from" 2>/dev/null)" != "$(basename "$tarball")" ] ||
   [ ! -e "$root/usr/lib/postgresql/$pgver/lib/citus.so" ]; then
  echo "== build Citus from $(basename "$tarball")"
  rm -rf "$citus_src"
  mkdir -p "$citus_src"
  tar -xzf "$tarball" -C "$citus_src" --strip-components=1
  root_run bash -c 'set -e; cd /src/citus
    ./configure PG_CONFIG=$PG_CONFIG > /tmp/citus-configure.log 2>&1 || { tail -30 /tmp/citus-configure.log; exit 1; }
    nice -n 10 make -s -j2 with_llvm=no > /tmp/citus-build.log 2>&1 || { tail -30 /tmp/citus-build.log; exit 1; }
    make -s install with_llvm=no > /dev/null' ||
    { echo "citus-check: building Citus failed" >&2; exit 1; }
  basename "$tarball" > "$citus_src/.msc-built-from"
fi

# ---- 3. msc_registry and the checks, in the root ----
rc=0
root_run bash -c '
  set -uo pipefail
  cd /src/msc_registry
  scripts/lib/root_build.sh || exit 1
  install -m 644 /src/msc_releases/*.sql "$($PG_CONFIG --sharedir)/extension/" || exit 1
  test/citus/run.sh
' 2>&1 || rc=$?
if [ "$rc" = 0 ]; then echo "citus-check: all passed"; else echo "citus-check: FAILED"; fi
exit "$rc"
