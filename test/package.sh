#!/usr/bin/env bash
# Package test (issue 18): the Debian package of this checkout built,
# installed, tested as installed, upgraded to from the 0.2.0 package, and
# removed.  By hand, as root, not in `make shelltest` (it installs into the
# system's PostgreSQL directories and takes minutes; doc/testing.md has a
# run):
#   test/package.sh
#
# 1. In a temporary directory, with DEB_BUILD_OPTIONS=nocheck (the suite
#    runs against the installed package below): dpkg-buildpackage of this
#    checkout (tracked and untracked files, as scripts/pg17-check.sh copies
#    them), and of release 0.2.0 (its commit in src/sql/RELEASES, exported
#    with git archive, with this checkout's debian/ and a changelog entry
#    for 0.2.0-1).  lintian: no error on either.
# 2. Under /tmp/msc_registry_dev_check.lock (one throw-away cluster at a
#    time, and the other checkouts' tests read the same directories): any
#    msc_registry file already in the server's directories (a `make
#    install`) is moved aside and put back at the end, byte for byte.
# 3. apt install ./postgresql-V-msc-registry_<current>.deb; pg_buildext
#    installcheck (pg_regress against the installed files, throw-away
#    cluster); on a pg_virtualenv cluster a database owner without
#    superuser creates the extension and uses it.  dpkg -r: no file of the
#    package left.
# 4. apt install the 0.2.0 package; the owner creates 0.2.0 and writes a
#    trial; apt install the current package; the owner runs ALTER EXTENSION
#    msc_registry UPDATE: version current, the trial kept, the new version's
#    functions there.  dpkg -r: nothing left.
#
#   test/package.sh --in-root ROOT
# runs the same test inside the Debian 13 root of scripts/pg17-check.sh
# (ROOT: its build/pg17-root), for the PostgreSQL 17 package: under
# /tmp/pg17-root.lock (others use the root too), it mounts /proc and /dev
# there as pg17-check.sh does (and unmounts what it mounted), installs
# debhelper, lintian and postgresql-all in the root, puts a clone of this
# checkout (the history, for release 0.2.0, then the working tree's files
# over it) at /src/msc_package, runs test/package.sh there, and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "package: run as root (apt install, dpkg -r)" >&2; exit 2; }

if [ "${1:-}" = --in-root ]; then
  root=$(cd "${2:?package: --in-root ROOT}" && pwd)
  [ -e "$root/.msc-packages-installed" ] || { echo "package: $root is not ready (scripts/pg17-check.sh --setup)" >&2; exit 2; }
  exec 8>/tmp/pg17-root.lock
  flock 8
  mounted=()
  unmount() { local i; for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" || true; done
              rm -rf "$root/src/msc_package"; }
  trap unmount EXIT
  mount_in_root() {	# type-or-bind source target
    mkdir -p "$3"
    if mountpoint -q "$3"; then return; fi
    if [ "$1" = bind ]; then mount --bind "$2" "$3"; else mount -t "$1" "$2" "$3"; fi
    mounted+=("$3")
  }
  mount_in_root proc proc "$root/proc"
  mount_in_root bind /dev "$root/dev"
  mount_in_root bind /dev/pts "$root/dev/pts"
  mount_in_root tmpfs shm "$root/dev/shm"
  rm -rf "$root/src/msc_package"
  git clone -q --no-hardlinks . "$root/src/msc_package"
  git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$root/src/msc_package"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root DEBIAN_FRONTEND=noninteractive \
    bash -c 'set -e
      apt-get install -y -qq --no-install-recommends debhelper lintian postgresql-all > /tmp/package-apt.log 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends debhelper lintian postgresql-all > /tmp/package-apt.log 2>&1; } ||
        { cat /tmp/package-apt.log; exit 1; }
      echo "== in the root: $(. /etc/os-release; echo "$PRETTY_NAME"), $(pg_config --version)"
      cd /src/msc_package && test/package.sh'
  exit
fi

. test/lib.sh

pgver=$(pg_config --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
pkg=postgresql-$pgver-msc-registry
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" msc_registry.control)
old=0.2.0
old_commit=$(awk -v v=$old '$1 == v { print $2 }' src/sql/RELEASES)
[ -n "$old_commit" ] || { echo "package: release $old is not in src/sql/RELEASES" >&2; exit 2; }
if dpkg -s "$pkg" >/dev/null 2>&1; then
  echo "package: $pkg is installed already; remove it first" >&2; exit 2
fi

work=$(mktemp -d /tmp/msc_package.XXXXXX)
chmod 755 "$work"
restored=no

share=$(pg_config --sharedir) libdir=$(pg_config --pkglibdir) pgdoc=$(pg_config --docdir)
# every msc_registry file in the server's directories (from make install or
# the package) and the package's documentation
all_files() {
  { find "$share/extension" "$libdir" "$libdir/bitcode" -maxdepth 1 -name 'msc_registry*' \( -type f -o -type l \)
    find "$libdir/bitcode/msc_registry" "$pgdoc/extension/msc_registry" "/usr/share/doc/$pkg" \( -type f -o -type l \)
  } 2>/dev/null | sort -u || true
}
checksums() { all_files | while read -r f; do sha256sum "$f"; done; }
remove_all() {
  all_files | xargs -r rm -f
  rm -rf "$libdir/bitcode/msc_registry" "$pgdoc/extension/msc_registry" "/usr/share/doc/$pkg"
}

finish() {
  local rc=$?
  if dpkg -s "$pkg" >/dev/null 2>&1; then dpkg --purge "$pkg" >/dev/null 2>&1 || true; fi
  if [ "$restored" = moved ]; then
    remove_all
    tar -C / -xpf "$work/backup.tar"
    checksums > "$work/after.sums"
    if cmp -s "$work/before.sums" "$work/after.sums"; then
      echo "package: the $(wc -l < "$work/before.sums") msc_registry files in the system before the test are back, unchanged"
    else
      echo "package: the system's msc_registry files differ from before:"; diff "$work/before.sums" "$work/after.sums" || true; rc=1
    fi
  fi
  rm -rf "$work"
  exit $rc
}
trap finish EXIT
trap 'exit 130' INT TERM

# ---- 1. build both packages ----
build_package() {	# DIR LABEL: dpkg-buildpackage in DIR, the .deb lands in DIR/..
  local log=$1.build.log start=$SECONDS
  # debian/control lists the server versions of the machine that wrote it:
  # regenerated for this one (as Debian's builds of other versions do)
  if (cd "$1" && pg_buildext updatecontrol && DEB_BUILD_OPTIONS=nocheck nice dpkg-buildpackage -us -uc -b) > "$log" 2>&1; then
    ok "dpkg-buildpackage of $2 ($((SECONDS - start)) s)"
  else
    bad "dpkg-buildpackage of $2" "$(tail -30 "$log")"; return 1
  fi
  check "no compiler warning building $2" "" "$(grep -E "warning:" "$log" | grep -v -E "^(dpkg|install: WARNING)" || true)"
}
lint() {	# CHANGES: lintian, no error
  local out
  out=$(lintian "$1" 2>&1 || true)
  printf '%s\n' "$out" | sed 's/^/# lintian: /'
  result "lintian $(basename "$1"): no error" "$(grep -c '^E:' <<<"$out" || true)" "$out"
}

mkdir -p "$work/new/src" "$work/old/src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/new/src"
build_package "$work/new/src" "this checkout ($current)"
lint "$work/new/msc-registry_${current}-1_$(dpkg --print-architecture).changes"

git archive "$old_commit" | tar -x -C "$work/old/src"
cp -r debian "$work/old/src/"
{ printf 'msc-registry (%s-1) unstable; urgency=medium\n\n  * Release %s, packaged by test/package.sh.\n\n' $old $old
  sed -n '/^ -- /{p;q}' debian/changelog; } > "$work/old/src/debian/changelog"
build_package "$work/old/src" "release $old ($old_commit)"
lint "$work/old/msc-registry_${old}-1_$(dpkg --print-architecture).changes"
new_deb=$(ls "$work"/new/"${pkg}_${current}"-1_*.deb)
old_deb=$(ls "$work"/old/"${pkg}_${old}"-1_*.deb)

# ---- 2. the system's own msc_registry files aside ----
exec 9>/tmp/msc_registry_dev_check.lock
flock 9
checksums > "$work/before.sums"
all_files | sed 's|^/||' | tar -C / -cpf "$work/backup.tar" -T - || { echo "package: backup failed" >&2; exit 1; }
restored=moved
remove_all
check "nothing of msc_registry in the system before the package" "" "$(all_files)"

apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" > "$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; return 1; }; }
# dpkg -r, then every file the package had installed must be gone
remove_clean() {	# LABEL
  local listed left
  listed=$(dpkg -L "$pkg" | while read -r f; do [ -d "$f" ] || echo "$f"; done)
  dpkg -r "$pkg" > /dev/null 2>&1
  left=$(while read -r f; do [ -e "$f" ] && echo "$f"; done <<<"$listed"; all_files)
  check "$1: dpkg -r leaves none of the package's $(wc -l <<<"$listed") files" "" "$left"
  dpkg --purge "$pkg" > /dev/null 2>&1
}

# ---- 3. the current package as installed ----
apt_install "$new_deb"
check "apt install $(basename "$new_deb")" "install ok installed $current-1" "$(dpkg-query -W -f '${Status} ${Version}' "$pkg")"
check "the package ships the install script and every upgrade script" \
  "msc_registry--0.1.0--0.2.0.sql msc_registry--0.2.0--0.3.0.sql msc_registry--$current.sql msc_registry.control" \
  "$(dpkg -L "$pkg" | grep '/extension/msc_registry' | xargs -n1 basename | sort | xargs)"
start=$SECONDS
(cd "$work/new/src" && pg_buildext installcheck) > "$work/installcheck.log" 2>&1
result "pg_buildext installcheck against the installed package ($((SECONDS - start)) s): $(grep -Eo 'All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests failed' "$work/installcheck.log" | head -1)" $? \
  "$(tail -40 "$work/installcheck.log")" || true

# a database owner, no superuser, in a database of their own
owner_sql() { psql -X -q -At -v ON_ERROR_STOP=1 -U msc_pkg_owner -d msc_pkg "$@"; }
setup_owner() {
  psql -X -q -v ON_ERROR_STOP=1 -d postgres <<SQL
CREATE ROLE msc_pkg_owner LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB;
CREATE DATABASE msc_pkg OWNER msc_pkg_owner;
SQL
  if [ -n "${PGPASSWORD:-}" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -v pw="$PGPASSWORD" <<<"ALTER ROLE msc_pkg_owner PASSWORD :'pw';"
  fi
}
export -f owner_sql setup_owner
pg_virtualenv -v "$pgver" bash -c '
  set -euo pipefail
  setup_owner
  owner_sql -c "CREATE EXTENSION msc_registry"
  owner_sql -c "SELECT extversion, extowner::regrole, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                FROM pg_extension WHERE extname = '\''msc_registry'\''"
  owner_sql -c "SELECT '\''nct00000102'\''::trial_id, '\''BM-MSC'\''::msc_source"
' > "$work/owner.out" 2>&1 || true
check "a database owner (no superuser) creates the installed extension and uses it" \
  "$current|msc_pkg_owner|f
NCT00000102|bone_marrow" "$(grep -v -E '^(Creating new|Dropping cluster|ALTER DATABASE)' "$work/owner.out")"
remove_clean "$current"

# ---- 4. from the 0.2.0 package to the current one ----
apt_install "$old_deb"
check "apt install $(basename "$old_deb")" "install ok installed $old-1" "$(dpkg-query -W -f '${Status} ${Version}' "$pkg")"
export new_deb work
export -f apt_install
pg_virtualenv -v "$pgver" bash -c '
  set -euo pipefail
  setup_owner
  owner_sql -c "CREATE EXTENSION msc_registry"
  owner_sql -c "SELECT extversion FROM pg_extension WHERE extname = '\''msc_registry'\''"
  owner_sql -c "INSERT INTO trial (trial_id, title, conditions) VALUES ('\''NCT00000102'\'', '\''package upgrade'\'', ARRAY['\''knee osteoarthritis'\''])"
  apt_install "$new_deb"
  owner_sql -c "ALTER EXTENSION msc_registry UPDATE"
  owner_sql -c "SELECT extversion FROM pg_extension WHERE extname = '\''msc_registry'\''"
  owner_sql -c "SELECT trial_id, title FROM trial"
  # a function 0.2.0 lacks, from the new shared library: log(3/7)
  owner_sql -c "SELECT round((prop(3, 10)).yi::numeric, 4)"
' > "$work/upgrade.out" 2>&1 || true
check "0.2.0 package, CREATE EXTENSION by the owner, current package, ALTER EXTENSION UPDATE by the owner" \
  "$old
$current
NCT00000102|package upgrade
-0.8473" "$(grep -v -E '^(Creating new|Dropping cluster|ALTER DATABASE)' "$work/upgrade.out")"
check "after the upgrade the current package is installed" "install ok installed $current-1" \
  "$(dpkg-query -W -f '${Status} ${Version}' "$pkg")"
remove_clean "upgraded"

summary package
