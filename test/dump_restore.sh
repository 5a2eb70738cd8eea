#!/usr/bin/env bash
# pg_dump and restore keep everything: a database holding msc_registry (in
# a schema of its own), the demo registry (scripts/demo_registry.sql, 44
# trials, in the extension's tables) and user objects using every type
# (test/dump_restore.sql: typmod columns, arrays, a domain, a composite
# type, B-tree, hash, unique, partial, expression and GIN indexes, a view, a
# materialized view) is dumped and restored three ways into fresh databases:
#   custom     pg_dump -Fc, pg_restore
#   directory  pg_dump -Fd -j 2; pg_restore --section=pre-data, then
#              --section=data, then --section=post-data -j 2 (a parallel
#              restore of the data section ignores the foreign-key order of
#              the extension's tables: see doc/testing.md)
#   plain      pg_dump -Fp, psql -v ON_ERROR_STOP=1
# and each restored database must give
#   - the same schema: pg_dump --schema-only output identical;
#   - the same data: every table, view, materialized view and sequence of
#     the public and msc schemas, each table's rows ordered by their text,
#     identical (the reporting views recompute from the restored rows);
#   - sound indexes: every index valid, amcheck's bt_index_check (with
#     heapallindexed) passes on each B-tree index, and lookups through the
#     hash indexes find every row.
#
# Needs a running server where msc_registry and amcheck (postgresql-contrib)
# are installed, reached through PGHOST, PGPORT, PGUSER ... (as
# pg_virtualenv sets them).  Creates and drops its own databases.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

src=msc_dump_source
formats=(custom directory plain)
tmp=$(mktemp -d /tmp/msc_dump_restore.XXXXXX)
cleanup() {
  rm -rf "$tmp"
  for db in "$src" "${formats[@]/#/msc_dump_}"; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

# the schema as pg_dump writes it (the \restrict lines carry a random key)
dump_schema() {
  pg_dump --schema-only -d "$1" | grep -v -E '^\\(un)?restrict '
}
# every relation's data, in an order that does not depend on storage
dump_data() {
  local rel kind
  psql -X -At -F '|' -d "$1" -c "
    SELECT format('%I.%I', n.nspname, c.relname), c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('public', 'msc') AND c.relkind IN ('r', 'v', 'm', 'S')
    ORDER BY 1" |
  while IFS='|' read -r rel kind; do
    echo "== $rel ($kind)"
    if [ "$kind" = S ]; then
      psql -X -At -d "$1" -c "SELECT last_value, is_called FROM $rel"
    else
      psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "COPY (SELECT * FROM $rel x ORDER BY x::text COLLATE \"C\") TO STDOUT"
    fi
  done
}

for db in "$src" "${formats[@]/#/msc_dump_}"; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done
createdb "$src"
psql -X -q -v ON_ERROR_STOP=1 -d "$src" -f test/dump_restore.sql >/dev/null
dump_schema "$src" > "$tmp/schema.src"
dump_data "$src" > "$tmp/data.src"
rows=$(grep -v -c '^== ' "$tmp/data.src")
rels=$(grep -c '^== ' "$tmp/data.src")
echo "# dump_restore: source database: $rels relations, $rows rows, $(grep -c -E '^CREATE (UNIQUE )?INDEX' "$tmp/schema.src") indexes, $(wc -l < "$tmp/schema.src") lines of schema"

for f in "${formats[@]}"; do
  dst=msc_dump_$f
  createdb "$dst"
  case $f in
    custom)    pg_dump -Fc -d "$src" -f "$tmp/dump.custom"
               restore=(pg_restore --exit-on-error -d "$dst" "$tmp/dump.custom") ;;
    directory) pg_dump -Fd -j 2 -d "$src" -f "$tmp/dump.dir"
               # the data section serially: a parallel restore ignores the
               # foreign-key order of the extension's tables (see doc/testing.md)
               restore=(sh -c "pg_restore --exit-on-error --section=pre-data -d $dst $tmp/dump.dir &&
                               pg_restore --exit-on-error --section=data -d $dst $tmp/dump.dir &&
                               pg_restore --exit-on-error --section=post-data -j 2 -d $dst $tmp/dump.dir") ;;
    plain)     pg_dump -Fp -d "$src" -f "$tmp/dump.sql"
               restore=(psql -X -q -v ON_ERROR_STOP=1 -d "$dst" -f "$tmp/dump.sql") ;;
  esac
  if out=$("${restore[@]}" 2>&1); then
    result "$f: restored without an error" 0 ""
  else
    result "$f: restored without an error" 1 "$(head -5 <<<"$out")"
    continue
  fi

  dump_schema "$dst" > "$tmp/schema.$f"
  if diff -u "$tmp/schema.src" "$tmp/schema.$f" > "$tmp/schema.$f.diff"; then
    result "$f: pg_dump --schema-only of the restored database is identical" 0 ""
  else
    result "$f: pg_dump --schema-only of the restored database is identical" 1 "$(head -20 "$tmp/schema.$f.diff")"
  fi

  dump_data "$dst" > "$tmp/data.$f"
  if diff -u "$tmp/data.src" "$tmp/data.$f" > "$tmp/data.$f.diff"; then
    result "$f: the data of all $rels relations ($rows rows) are identical" 0 ""
  else
    result "$f: the data of all $rels relations are identical" 1 "$(head -20 "$tmp/data.$f.diff")"
  fi

  v=$(psql -X -At -d "$dst" -c "SELECT extversion || ' in ' || extnamespace::regnamespace FROM pg_extension WHERE extname = 'msc_registry'")
  w=$(psql -X -At -d "$src" -c "SELECT extversion || ' in ' || extnamespace::regnamespace FROM pg_extension WHERE extname = 'msc_registry'")
  result "$f: msc_registry $v, as in the source" "$([ "$v" = "$w" ] && echo 0 || echo 1)" "source: $w"

  # the indexes (amcheck is created after the schema comparison)
  out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$dst" 2>&1 <<'SQL'
CREATE EXTENSION amcheck;
SELECT count(*) FILTER (WHERE NOT (i.indisvalid AND i.indisready AND i.indislive)), count(*),
       count(*) FILTER (WHERE am.amname = 'btree'), count(*) FILTER (WHERE am.amname = 'hash')
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
WHERE c.relnamespace IN ('public'::regnamespace, 'msc'::regnamespace);
SELECT count(bt_index_check(c.oid, true))
FROM pg_class c JOIN pg_am am ON am.oid = c.relam
WHERE c.relkind = 'i' AND am.amname = 'btree' AND c.relnamespace IN ('public'::regnamespace, 'msc'::regnamespace);
BEGIN;
-- only the hash indexes answer: the B-tree indexes on the same columns go
-- (until the ROLLBACK)
DROP INDEX visit_trial, visit_trial_id, visit_dose, visit_any;
SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off;
SET LOCAL search_path = public, msc;
SELECT (SELECT count(*) FROM (SELECT source, count(*) AS n FROM visit GROUP BY source) g
        WHERE n <> (SELECT count(*) FROM visit v WHERE v.source = g.source))
     + (SELECT count(*) FROM (SELECT trial, count(*) AS n FROM visit GROUP BY trial) g
        WHERE n <> (SELECT count(*) FROM visit v WHERE v.trial = g.trial))
     + (SELECT count(*) FROM (SELECT dose, count(*) AS n FROM visit WHERE dose IS NOT NULL GROUP BY dose) g
        WHERE n <> (SELECT count(*) FROM visit v WHERE v.dose = g.dose))
     + (SELECT count(*) FROM (SELECT any_score, count(*) AS n FROM visit GROUP BY any_score) g
        WHERE n <> (SELECT count(*) FROM visit v WHERE v.any_score = g.any_score));
EXPLAIN (COSTS off)
SELECT (SELECT count(*) FROM visit v WHERE v.source = 'adipose'), (SELECT count(*) FROM visit v WHERE v.trial = 'NCT01234567'),
       (SELECT count(*) FROM visit v WHERE v.dose = '5e7'), (SELECT count(*) FROM visit v WHERE v.any_score = 'nrs:7');
ROLLBACK;
SQL
) || true
  IFS='|' read -r invalid total btree hash <<<"$(sed -n 1p <<<"$out")"
  checked=$(sed -n 2p <<<"$out")
  lost=$(sed -n 3p <<<"$out")
  if [ "$invalid" = 0 ] && [ "$checked" = "$btree" ] && [ "$lost" = 0 ] && [ "$(grep -c -E 'Index Scan using visit_(source|trial|dose|score)_hash' <<<"$out")" = 4 ]; then
    result "$f: all $total indexes valid; amcheck passes on the $btree B-tree indexes; lookups through the hash indexes find every row" 0 ""
  else
    result "$f: indexes valid, amcheck, hash lookups" 1 "$out"
  fi
done

echo "# dump_restore: $checks checks, $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]
