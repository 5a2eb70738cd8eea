#!/usr/bin/env bash
# The install script of an earlier release, built from the commit that
# released it (src/sql/RELEASES) with that commit's own Makefile.
#   scripts/release_script.sh VERSION OUTPUT
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1 out=$2
commit=$(awk -v v="$version" '$1 == v { print $2 }' src/sql/RELEASES)
[ -n "$commit" ] || { echo "release_script: $version is not in src/sql/RELEASES" >&2; exit 1; }
if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "release_script: commit $commit of release $version is not in this checkout's history;" \
       "the upgrade and security tests need a full clone (git clone, not --depth or an export)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$commit" | tar -x -C "$work"
make -s -C "$work" "build/msc_registry--$version.sql" >/dev/null
mkdir -p "$(dirname "$out")"
cp "$work/build/msc_registry--$version.sql" "$out"
