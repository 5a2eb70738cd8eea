#!/usr/bin/env bash
# The demo in one's own database, as doc/registry.md tells it: a database
# with the extension, scripts/demo_registry.sql loaded into it, and
# scripts/demo_report.sql run from another directory.  Checks that the
# report runs there, shows no SVG unless asked to write one (psql variable
# forest_svg), writes the SVG where asked, and that the safety totals have
# rows.  Runs against the server of the environment (PGHOST, PGPORT ...,
# as pg_virtualenv sets them) with msc_registry installed.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
db=msc_demo_report_test
out=$(mktemp -d /tmp/msc_demo_report.XXXXXX)
failures=0
checks=0
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$out"; }
trap cleanup EXIT
ok() { checks=$((checks + 1)); echo "ok $checks - $1"; }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok $checks - $1"; echo "# $2" | head -20; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION msc_registry" -f "$top/scripts/demo_registry.sql" >/dev/null

cd "$out"
if report=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$top/scripts/demo_report.sql" 2>&1); then
  ok "demo_report.sql runs from another directory"
else
  bad "demo_report.sql runs from another directory" "$report"
fi
if ! grep -q "<svg" <<<"$report" && grep -q "svg_bytes" <<<"$report"; then
  ok "without forest_svg the SVG is not printed, its size is"
else
  bad "without forest_svg the SVG is not printed" "$(grep -c '<svg' <<<"$report") lines with <svg"
fi
safety=$(psql -X -q -At -d "$db" -c "SELECT count(*) FILTER (WHERE is_msc) || ' ' || count(*) FILTER (WHERE NOT is_msc) || ' ' || count(DISTINCT condition) FROM safety_totals_by_route WHERE sae_at_risk > 0")
if [ "$(cut -d' ' -f1 <<<"$safety")" -gt 0 ] && [ "$(cut -d' ' -f2 <<<"$safety")" -gt 0 ] && [ "$(cut -d' ' -f3 <<<"$safety")" -eq 8 ]; then
  ok "safety_totals_by_route has MSC and control rows in the 8 conditions of the demo ($safety)"
else
  bad "safety_totals_by_route has MSC and control rows in every condition" "$safety"
fi
if psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v forest_svg="$out/forest.svg" -f "$top/scripts/demo_report.sql" >/dev/null 2>&1 \
   && head -c 200 "$out/forest.svg" | grep -q "<svg" && tail -c 20 "$out/forest.svg" | grep -q "</svg>"; then
  ok "with forest_svg the SVG is written to that file"
else
  bad "with forest_svg the SVG is written to that file" "$(head -c 200 "$out/forest.svg" 2>&1)"
fi
echo "# demo_report: $checks checks, $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
