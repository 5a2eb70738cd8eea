#!/usr/bin/env bash
# Run inside the PostgreSQL 17 root (scripts/pg17-check.sh,
# scripts/citus-check.sh) in the copy of the checkout: build with
# -Wall -Wextra (a warning fails it) and make install.
set -uo pipefail
echo "== in the root: $(. /etc/os-release; echo "$PRETTY_NAME"), $($PG_CONFIG --version), $(gcc --version | head -1)"
echo "== build (warnings are errors)"
make -s clean >/dev/null
make -s PG_CONFIG="$PG_CONFIG" 2>&1 | tee /tmp/build.log
if grep -q "warning:\|error:" /tmp/build.log; then echo "the build printed warnings or errors" >&2; exit 1; fi
make -s PG_CONFIG="$PG_CONFIG" install >/dev/null || exit 1
chown -R postgres: .
