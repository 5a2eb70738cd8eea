# The Debian 13 (trixie) root with PostgreSQL 17, shared by
# scripts/pg17-check.sh and scripts/citus-check.sh (sourced, not run).  The
# caller sets top (the checkout) and runs as root; this sets root (the
# root's path: $PG17_ROOT, default build/pg17-root of the checkout) and
# pgver, and unmounts on exit whatever it mounted.
#
#   root_refuse_if_mounted   stop when a killed run left mounts in the root
#   root_ensure              debootstrap and the base packages, once
#   root_mount_system        /proc, /dev, /dev/pts, /dev/shm
#   root_copy_checkout       the working tree (tracked and untracked files,
#                            not ignored ones) to /src/msc_registry
#   root_bind_shared_data    ../shared/data read-only at /work/shared/data;
#                            sets root_shared_env for root_run
#   root_run CMD...          CMD in the root with a clean environment
#   mount_in_root TYPE SRC TARGET    (TYPE bind or a file system type)

root=${PG17_ROOT:-$top/build/pg17-root}
case $root in /*) ;; *) root=$top/$root;; esac
pgver=17
root_shared_env=()

if [ "$(id -u)" -ne 0 ]; then
  echo "$(basename "$0"): run as root (debootstrap, chroot and mount need it)" >&2
  exit 1
fi

mounted=()
root_cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
}
trap root_cleanup EXIT
mount_in_root() {	# type-or-bind source target
  mkdir -p "$3"
  if mountpoint -q "$3"; then return; fi
  if [ "$1" = bind ]; then mount --bind "$2" "$3"; else mount -t "$1" "$2" "$3"; fi
  mounted+=("$3")
}
root_mount_system() {
  mount_in_root proc proc "$root/proc"
  mount_in_root bind /dev "$root/dev"
  mount_in_root bind /dev/pts "$root/dev/pts"
  mount_in_root tmpfs shm "$root/dev/shm"
}

# A run killed before its cleanup can leave /proc, /dev or the shared data
# mounted in the root: never delete anything there while that is so.
root_refuse_if_mounted() {
  if findmnt -rn -o TARGET | grep -q "^$root/"; then
    echo "$(basename "$0"): something is still mounted under $root (findmnt); unmount it first" >&2
    exit 1
  fi
}

root_run() {
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root \
    DEBIAN_FRONTEND=noninteractive "${root_shared_env[@]}" PG_CONFIG=/usr/lib/postgresql/$pgver/bin/pg_config "$@"
}

# apt-get install PACKAGE... in the root, with no daemon starting
root_apt_install() {
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  root_run bash -c 'set -e
      apt-get update -qq
      nice -n 10 apt-get install -y -qq --no-install-recommends "$@" > /dev/null
      apt-get clean' apt "$@"
}

root_ensure() {
  # the mirror: the environment's, else the Debian archive of this machine's
  # apt sources (deb822 URIs: lines or one-line deb entries), else none given
  # (debootstrap picks its default)
  local mirror
  mirror=${DEBIAN_MIRROR:-$( { sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n'
    sed -n -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } | grep -m1 -E '/debian/?$' || true)}
  [ -e "$root/.msc-packages-installed" ] && return 0
  if [ ! -x "$root/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
    echo "== debootstrap trixie into $root from ${mirror:-the default mirror of debootstrap}"
    rm -rf "$root"
    mkdir -p "$(dirname "$root")"
    nice -n 10 debootstrap --variant=minbase trixie "$root" ${mirror:+"$mirror"} > "$root.debootstrap.log" 2>&1 ||
      { tail -20 "$root.debootstrap.log"; exit 1; }
  fi
  root_mount_system
  echo "== apt-get install postgresql-$pgver and the build and test tools"
  root_apt_install postgresql-$pgver postgresql-server-dev-$pgver postgresql-$pgver-pgtap \
        libtap-parser-sourcehandler-pgtap-perl postgresql-common \
        build-essential libxml2-utils librsvg2-bin fonts-dejavu-core ca-certificates git ||
    { echo "$(basename "$0"): apt-get install in the root failed" >&2; exit 1; }
  # no cluster of its own: the tests make throw-away ones
  root_run bash -c "pg_dropcluster --stop $pgver main 2>/dev/null || true"
  touch "$root/.msc-packages-installed"
}

root_copy_checkout() {
  local src=$root/src/msc_registry
  rm -rf "$src"
  mkdir -p "$src"
  (cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src" 2>/dev/null ||
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
      [ -e "$f" ] && cp --parents -t "$src" "$f"; done)
}

root_bind_shared_data() {
  local data
  . "$top/test/shared_data.sh"
  data=$(cd "$top" && shared_data_find .)
  if [ -n "$data" ]; then
    mount_in_root bind "$(cd "$data" && pwd)" "$root/work/shared/data"
    mount -o remount,bind,ro "$root/work/shared/data" 2>/dev/null || true
    root_shared_env=(MSC_SHARED_DATA=/work/shared/data)
  else
    root_shared_env=(MSC_SHARED_DATA=/nonexistent MSC_SKIP_SHARED_DATA=1)
    echo "$(basename "$0"): no shared/data found; the tests that read it will say SKIPPED"
  fi
}
