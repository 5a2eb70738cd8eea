#!/usr/bin/env bash
# Upgrade test: for every earlier release R (src/sql/RELEASES; its install
# script built from the commit that released it and installed by `make
# install-old-releases`), install R, walk ALTER EXTENSION msc_registry UPDATE to
# the current version, and compare the extension's objects with a fresh
# install of the current version.  The objects are compared as pg_dump
# --binary-upgrade writes them (that mode dumps every member of an
# extension: types, functions, operators, operator classes, casts, tables,
# views, policies, comments, grants), with the lines that carry OIDs left
# out, since OIDs differ between any two databases.
#
# Also checks that registry rows written under R survive the update.
#
# Needs a running server where msc_registry is installed, reached through
# the usual PGHOST, PGPORT, PGUSER ... (as pg_virtualenv sets them).
set -euo pipefail
cd "$(dirname "$0")/.."

current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" msc_registry.control)
out=build/upgrade
mkdir -p "$out"
status=0

# The extension's objects as pg_dump --binary-upgrade writes them, without
# OIDs, without the ALTER EXTENSION ADD bookkeeping lines that only differ
# in order, and without the version line of CREATE EXTENSION.
# Sequence positions are data, and the tables registered for pg_dump
# (extconfig) are listed by name, as their OIDs differ.
dump_objects() {
  pg_dump --schema-only --binary-upgrade --no-owner -d "$1" |
    grep -v -E "binary_upgrade_set_next_|binary_upgrade_set_record_init_privs|^-- (Name|Dependencies|TOC entry|Data for)|^SET |^SELECT pg_catalog.set_config|^-- Dumped (from|by)|^WHERE oid = '[0-9]+';|^\\\\(un)?restrict |^SELECT pg_catalog.setval\(" |
    sed -E "s/(binary_upgrade_create_empty_extension\('msc_registry', '[^']*', (true|false), )'[^']*', '\{[0-9,]*\}'/\1'VERSION', '{extconfig}'/" |
    grep -v -E '^$'
  psql -X -q -At -d "$1" -c "SELECT 'extconfig: ' || string_agg(c::regclass::text || ' ' || quote_literal(w), ', ' ORDER BY c::regclass::text)
                             FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS u(c, w) WHERE e.extname = 'msc_registry'"
}

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS msc_upgrade_fresh" -c "DROP DATABASE IF EXISTS msc_upgrade_updated"
createdb msc_upgrade_fresh
psql -X -q -v ON_ERROR_STOP=1 -d msc_upgrade_fresh -c "CREATE EXTENSION msc_registry"
dump_objects msc_upgrade_fresh > "$out/fresh-$current.sql"

releases=$(awk '!/^#/ && NF == 2 { print $1 }' src/sql/RELEASES | grep -v -x -F "$current" || true)
if [ -z "$releases" ]; then
  echo "upgrade: no earlier release to upgrade from"; exit 1
fi
installed=$(psql -X -q -At -d postgres -c "SELECT string_agg(version, ' ') FROM pg_available_extension_versions WHERE name = 'msc_registry'")
for from in $releases; do
  if ! grep -q -w -F "$from" <<<"$installed"; then
    echo "upgrade: release $from is not installed (available: $installed); run make install-old-releases"; status=1; continue
  fi
  db=msc_upgrade_from_${from//./_}
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db"
  createdb "$db"
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
CREATE EXTENSION msc_registry VERSION '$from';
-- a little registry written under $from, which the update must keep
INSERT INTO trial (trial_id, title, conditions)
  VALUES ('NCT00000102', 'upgrade fixture', ARRAY['knee osteoarthritis']);
INSERT INTO arm (trial_id, label, is_msc, source, route)
  VALUES ('NCT00000102', 'MSC', true, 'adipose', 'intra-articular');
-- (0.2.0 and later know sites by a table of their own)
DO \$\$ BEGIN IF to_regclass('site') IS NOT NULL THEN EXECUTE 'INSERT INTO site (site) VALUES (''Site A'')'; END IF; END \$\$;
INSERT INTO participant (trial_id, arm_id, code, site)
  SELECT 'NCT00000102', arm_id, 'P01', 'Site A' FROM arm;
INSERT INTO assessment (participant_id, week, score)
  SELECT participant_id, w, ('vas:' || (60 - w))::pain_score FROM participant, generate_series(0, 24, 12) w;
SQL
  psql -X -q -At -d "$db" -c "SELECT string_agg(format('%s %s %s', p.code, a.week, a.score), ', ' ORDER BY a.week) FROM assessment a JOIN participant p USING (participant_id)" > "$out/rows-before-$from.txt"
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "ALTER EXTENSION msc_registry UPDATE"
  got=$(psql -X -q -At -d "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'msc_registry'")
  if [ "$got" != "$current" ]; then
    echo "upgrade: $from: ALTER EXTENSION UPDATE left version $got, not $current"; status=1; continue
  fi
  psql -X -q -At -d "$db" -c "SELECT string_agg(format('%s %s %s', p.code, a.week, a.score), ', ' ORDER BY a.week) FROM assessment a JOIN participant p USING (participant_id)" > "$out/rows-after-$from.txt"
  if ! cmp -s "$out/rows-before-$from.txt" "$out/rows-after-$from.txt"; then
    echo "upgrade: $from -> $current: registry rows changed"; diff "$out/rows-before-$from.txt" "$out/rows-after-$from.txt" || true; status=1
  fi
  # the registry rows are data, not schema: leave them out of the comparison
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "TRUNCATE trial CASCADE"
  dump_objects "$db" > "$out/updated-$from.sql"
  if diff -u "$out/fresh-$current.sql" "$out/updated-$from.sql" > "$out/diff-$from.txt"; then
    echo "upgrade: $from -> $current: ok, $(grep -c '^ALTER EXTENSION msc_registry ADD' "$out/fresh-$current.sql") objects identical to a fresh install of $current, registry rows kept"
  else
    echo "upgrade: $from -> $current: the updated extension differs from a fresh install ($out/diff-$from.txt):"
    head -80 "$out/diff-$from.txt"; status=1
  fi
done
exit $status
