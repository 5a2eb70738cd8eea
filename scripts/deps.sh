#!/usr/bin/env bash
# Install, with apt-get, what building and testing msc_registry needs and
# this machine lacks.  Safe to run again: installed packages are skipped.
set -euo pipefail

packages=(
  build-essential            # gcc, make
  postgresql-15              # the server the tests run against
  postgresql-server-dev-15   # PGXS and server headers
  postgresql-15-pgtap        # pgTAP
  libtap-parser-sourcehandler-pgtap-perl   # pg_prove
  postgresql-common          # pg_virtualenv
  postgresql-contrib         # amcheck etc.
  libxml2-utils              # xmllint: forest plots are well-formed XML
  librsvg2-bin               # rsvg-convert: forest plots render
  fonts-dejavu-core          # a sans-serif font for the rendered text
  clang                      # libFuzzer targets (scripts/fuzz.sh)
  libclang-rt-14-dev         # libFuzzer, ASan and UBSan runtimes for clang
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]}; run this as root to install them" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
