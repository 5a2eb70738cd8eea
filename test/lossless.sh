#!/usr/bin/env bash
# "Nothing is lost": property tests of every msc_registry type on random
# values (test/lossless.sql makes them, deterministically with setseed):
# 100,000 each of msc_source, msc_route, msc_donor, msc_manipulation,
# pain_score, pain_score(vas), pain_score(womac_pain_va), cell_dose and
# trial_id, and 5,000 in a pain_score(<instrument>) column of each other
# instrument.  For every table:
#   values     the generator covers the value space (every value of a small
#              type; at least a quarter of the rows distinct otherwise), and
#              pain_score hits each instrument's minimum and maximum
#   text       v::text read back is the same value (=), prints the same
#              text, has the same binary form (send), and the text is the
#              canonical form the generator expects
#   binary     COPY ... TO STDOUT (FORMAT binary) then COPY FROM STDIN into
#              a table of the same column type (typmod included) gives the
#              same values, text and bytes, row by row
#   hash       with only a hash index on v, an index lookup of each distinct
#              value returns every row that holds it (the plan is checked
#              to use the index); hash(v) is the low half of
#              hash_extended(v, 0)
#   btree      amcheck's bt_index_check and bt_index_parent_check, with
#              heapallindexed, pass on a B-tree index on v, and a lookup of
#              each distinct value returns every row that holds it
# plus: binary COPY of pain_score(vas) values into a pain_score(nrs) column
# is refused (the typmod is checked on binary input).
#
# Needs a running server where msc_registry and amcheck (postgresql-contrib)
# are installed, reached through PGHOST, PGPORT, PGUSER ... (as
# pg_virtualenv sets them).  Creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

db=msc_lossless_test
tmp=$(mktemp -d /tmp/msc_lossless.XXXXXX)
cleanup() {
  rm -rf "$tmp"
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
}
trap cleanup EXIT
start=$(date +%s)
dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
q -c "CREATE EXTENSION msc_registry; CREATE EXTENSION amcheck;"
q -f test/lossless.sql >/dev/null
total=$(q -c "SELECT sum(n) FROM (SELECT (xpath('//n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', tab), false, false, '')))[1]::text::bigint AS n FROM lossless_case) c")
echo "# lossless: $total random values in $(q -c "SELECT count(*) FROM lossless_case") tables, made in $(( $(date +%s) - start )) s"

# The checks of lossless_check() per table: values, text, binary, hash
# lookup, amcheck, B-tree lookup; plus instrument bounds for pain_score and
# the hash(v) identity for the types with their own hash functions (not the
# enums).  A table giving another number (an error, a lost RETURN NEXT) fails.
want_checks() {
  local n=6
  case "$1" in pain_score*) n=$((n + 1));; esac
  case "$1" in msc_donor|msc_manipulation) ;; *) n=$((n + 1));; esac
  echo $n
}

tables=0
q -F '|' -c "SELECT tab, typ FROM lossless_case ORDER BY tab" > "$tmp/cases"
[ -s "$tmp/cases" ] || result "lossless_case lists the tables" 1 "it is empty"
while IFS='|' read -r tab typ; do
  tables=$((tables + 1))
  q -c "COPY (SELECT id, v FROM $tab ORDER BY id) TO STDOUT (FORMAT binary)" > "$tmp/$tab.bin"
  q -c "CREATE TABLE ${tab}_bin (LIKE $tab)"
  if ! out=$(q -c "COPY ${tab}_bin (id, v) FROM STDIN (FORMAT binary)" < "$tmp/$tab.bin" 2>&1); then
    result "$tab: binary COPY in" 1 "$out"
  fi
  # psql's own status is checked: an ERROR must not just leave fewer rows
  if q -F '|' -c "SELECT name, bad, replace(detail, E'\n', ' ') FROM lossless_check('$tab')" \
       > "$tmp/check.out" 2> "$tmp/check.err"; then
    n=0
    while IFS='|' read -r name bad detail; do
      n=$((n + 1))
      result "$name" "$bad" "$detail"
    done < "$tmp/check.out"
    want=$(want_checks "${typ%%(*}")
    [ "$n" = "$want" ] && bad=0 || bad=1
    result "$tab: $want checks ran" "$bad" "$n checks ran"
  else
    result "$tab: lossless_check ran" 1 "$(tr '\n' ' ' < "$tmp/check.err")"
  fi
  q -c "DROP TABLE ${tab}_bin"
done < "$tmp/cases"

# binary input checks the typmod: vas scores do not go into pain_score(nrs)
q -c "CREATE TABLE nrs_only (id int, v pain_score(nrs))"
if out=$(q -c "COPY nrs_only FROM STDIN (FORMAT binary)" < "$tmp/lossless_pain_score_vas.bin" 2>&1); then
  result "binary COPY of vas scores into a pain_score(nrs) column is refused" 1 "it was accepted"
else
  grep -q 'does not fit pain_score(nrs)' <<<"$out" && bad=0 || bad=1
  result "binary COPY of vas scores into a pain_score(nrs) column is refused" "$bad" "$out"
fi

echo "# lossless: $checks checks, $((checks - failures)) passed, $failures failed, in $(( $(date +%s) - start )) s"
[ "$failures" = 0 ]
