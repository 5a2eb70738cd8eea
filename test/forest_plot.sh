#!/usr/bin/env bash
# Draw forest and funnel plots in the database and check them with the tools a
# reader's software would use: xmllint (well-formed XML, the expected
# number of study rows) and rsvg-convert from librsvg (renders to a PNG of
# the declared size).  Runs against the server of the environment (PGHOST,
# PGPORT, PGUSER as pg_virtualenv sets them) with msc_registry installed;
# creates and drops its own database.
#   test/forest_plot.sh              check; the SVG and PNG files are kept
#                                    in a temporary directory when a check
#                                    fails (always with FOREST_PLOT_KEEP=1)
#   test/forest_plot.sh --write-doc  also write doc/forest_plot.svg and
#                                    doc/forest_plot.png (the README figure,
#                                    from doc/forest_plot_example.sql) and
#                                    doc/forest_subgroups.png (from
#                                    doc/forest_subgroups_example.sql),
#                                    doc/funnel_plot.png (from
#                                    doc/funnel_plot_example.sql)
# Needs the Debian packages libxml2-utils (xmllint) and librsvg2-bin
# (rsvg-convert); a font for sans-serif (fonts-dejavu-core) for the text to
# be drawn.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

write_doc=0
if [ "${1:-}" = "--write-doc" ]; then write_doc=1; shift; fi

missing=()
command -v xmllint >/dev/null 2>&1 || missing+=("xmllint (Debian package libxml2-utils)")
command -v rsvg-convert >/dev/null 2>&1 || missing+=("rsvg-convert (Debian package librsvg2-bin)")
command -v psql >/dev/null 2>&1 || missing+=("psql (Debian package postgresql-client-15)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'forest_plot.sh: FAILED: missing %s\n' "${missing[@]}" >&2
  echo "forest_plot.sh: install them with: apt-get install libxml2-utils librsvg2-bin" >&2
  exit 1
fi

db=msc_forest_plot_test
out=$(mktemp -d /tmp/msc_forest_plot.XXXXXX)
cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
  if [ "$failures" -eq 0 ] && [ -z "${FOREST_PLOT_KEEP:-}" ]; then rm -rf "$out"
  else echo "forest_plot.sh: files kept in $out" >&2; fi
}
trap cleanup EXIT

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
psql() { psql_db "$db" "$@"; }
psql -c 'CREATE EXTENSION msc_registry'

# the cases: name, expected number of study rows, SQL (one value: the SVG)
psql <<'SQL'
CREATE TABLE knee (study text, yr int, yi float8, vi float8);
INSERT INTO knee VALUES
  ('Aster 2016', 2016, -1.32, 0.138), ('Borealis 2017', 2017, 0.05, 0.168),
  ('Corvin 2018', 2018, -0.48, 0.069), (NULL, 2019, -0.30, 0.09),
  ('no numbers 2020', 2020, NULL, 0.1);
CREATE TABLE hostile (n int, label text);
INSERT INTO hostile VALUES
  (1, '<script>alert("x")</script>'), (2, 'Tom & Jerry''s <b>trial</b>'),
  (3, E'bell\x07and\x1bescape\x7f'), (4, E'  tab\tnew\nline  '),
  (5, 'Müller 2019 – 東京 😀 Ωμέγα'), (6, ']]><!-- --><![CDATA[ &amp; &#0;'),
  (7, repeat('long label ', 1000)), (8, ''), (9, NULL);
SQL

plot_check() {
  local name=$1 k=$2 sql=$3 svg png n w h pw ph
  svg="$out/$name.svg"
  png="$out/$name.png"
  checks=$((checks + 1))
  if ! psql -A -t -c "$sql" > "$svg"; then
    echo "FAIL $name: the query failed" >&2; failures=$((failures + 1)); return
  fi
  if ! xmllint --noout "$svg"; then
    echo "FAIL $name: xmllint: not well-formed XML" >&2; failures=$((failures + 1)); return
  fi
  n=$(xmllint --xpath 'count(//*[local-name()="g"][@class="study"])' "$svg")
  if [ "$n" != "$k" ]; then
    echo "FAIL $name: $n study rows, expected $k" >&2; failures=$((failures + 1)); return
  fi
  if ! rsvg-convert -o "$png" "$svg"; then
    echo "FAIL $name: rsvg-convert could not render it" >&2; failures=$((failures + 1)); return
  fi
  # the PNG's size (IHDR) is the SVG's width and height
  w=$(xmllint --xpath 'string(/*/@width)' "$svg")
  h=$(xmllint --xpath 'string(/*/@height)' "$svg")
  read -r pw ph < <(od -An -tu1 -j16 -N8 "$png" |
    awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
  if [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ] || [ "$pw" != "$w" ] || [ "$ph" != "$h" ]; then
    echo "FAIL $name: the PNG is not ${w}x${h} (got ${pw}x${ph})" >&2; failures=$((failures + 1)); return
  fi
  echo "ok $name: $k study rows, well-formed, rendered ${pw}x${ph}"
}

plot_check readme_example 7 "$(cat doc/forest_plot_example.sql)"
for m in FE DL REML PM; do
  plot_check "knee_$m" 4 "SELECT forest_plot(study, yi, vi, '$m', 'SMD (< 0 favours MSC)' ORDER BY yr) FROM knee"
done
plot_check one_study 1 "SELECT forest_plot('only study', 0.4, 0.04, 'REML')"
plot_check no_studies 0 "SELECT forest_plot(study, yi, vi, 'REML') FROM knee WHERE false"
plot_check only_null_rows 0 "SELECT forest_plot(study, NULL, vi, 'REML') FROM knee"
plot_check identical 4 "SELECT forest_plot('same ' || i, 0.5, 0.04, 'REML') FROM generate_series(1, 4) i"
plot_check hostile_labels 9 "SELECT forest_plot(label, n / 10.0, 0.05, 'DL', E'<axis> & \"title\" \x01' ORDER BY n) FROM hostile"
plot_check studies_200 200 "SELECT forest_plot('study ' || i, sin(i), 0.01 + (i % 9) * 0.01, 'REML' ORDER BY i) FROM generate_series(1, 200) i"
plot_check log_risk_ratio 3 "SELECT forest_plot(s, (e).yi, (e).vi, 'FE', 'log risk ratio of a serious adverse event')
  FROM (VALUES ('a', log_rr(2, 40, 1, 40)), ('b', log_rr(3, 25, 2, 26)), ('c', log_rr(0, 30, 1, 30))) v(s, e)"
plot_check tiny_numbers 3 "SELECT forest_plot('x' || i, 1e-9 * (1 + i / 10.0), 1e-20, 'FE') FROM generate_series(1, 3) i"
plot_check large_numbers 3 "SELECT forest_plot('x' || i, 1e9 * (1 + i / 10.0), 1e14, 'FE') FROM generate_series(1, 3) i"
# subgroup blocks, Knapp-Hartung and prediction intervals (doc/forest_plot.md)
plot_check subgroups_example 7 "$(cat doc/forest_subgroups_example.sql)"
plot_check subgroups_common 4 "SELECT forest_plot(study, CASE WHEN yr < 2018 THEN 'early' ELSE 'late' END, yi, vi, 'DL', NULL, 'z', true, 'common' ORDER BY yr) FROM knee"
for t in z knha; do
  plot_check "prediction_$t" 4 "SELECT forest_plot(study, yi, vi, 'REML', NULL, '$t', true ORDER BY yr) FROM knee"
done
plot_check subgroups_hostile 9 "SELECT forest_plot(label, coalesce(label, 'none'), n / 10.0, 0.05, 'PM', NULL ORDER BY n) FROM hostile"

# funnel plots: the doc/funnel_plot.md example, every method, the edge cases
plot_check funnel_example 12 "$(cat doc/funnel_plot_example.sql)"
for m in FE DL REML PM; do
  plot_check "funnel_knee_$m" 4 "SELECT funnel_plot(study, yi, vi, '$m' ORDER BY yr) FROM knee"
done
plot_check funnel_one_study 1 "SELECT funnel_plot('only study', 0.4, 0.04)"
plot_check funnel_no_studies 0 "SELECT funnel_plot(study, yi, vi) FROM knee WHERE false"
plot_check funnel_hostile_labels 9 "SELECT funnel_plot(label, n / 10.0, 0.05 * n, 'DL' ORDER BY n) FROM hostile"
plot_check funnel_studies_2000 2000 "SELECT funnel_plot('study ' || i, sin(i), 0.01 + (i % 9) * 0.01) FROM generate_series(1, 2000) i"
plot_check funnel_large_numbers 3 "SELECT funnel_plot('x' || i, 1e9 * (1 + i / 10.0), 1e14 * i, 'FE') FROM generate_series(1, 3) i"

# other database encodings: labels arrive as UTF-8 (LATIN1 is converted;
# SQL_ASCII bytes that are not UTF-8 are drawn as U+FFFD) and the document
# is ASCII in any encoding
for enc in LATIN1 SQL_ASCII; do
  checks=$((checks + 1))
  encdb="${db}_$(echo "$enc" | tr 'A-Z' 'a-z')"
  dropdb --if-exists "$encdb" >/dev/null 2>&1 || true
  createdb -E "$enc" -T template0 --locale=C "$encdb"
  command psql -X -q -v ON_ERROR_STOP=1 -d "$encdb" -c 'CREATE EXTENSION msc_registry'
  # the label is sent as UTF-8 (client_encoding) and stored in the database's encoding
  PGCLIENTENCODING=UTF8 command psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$encdb" \
    -c "SELECT forest_plot(l, 0.1, 0.05, 'FE' ORDER BY l) FROM (VALUES ('Müller 2019'), (E'bad \\xff byte')) v(l)" \
    > "$out/encoding_$enc.svg" || true
  if [ "$enc" = LATIN1 ]; then byte='&#xFF;'; else byte='&#xFFFD;'; fi
  dropdb --if-exists "$encdb" >/dev/null 2>&1 || true
  if xmllint --noout "$out/encoding_$enc.svg" 2>/dev/null && grep -q '>M&#xFC;ller 2019<' "$out/encoding_$enc.svg" &&
     grep -q ">bad $byte byte<" "$out/encoding_$enc.svg" &&
     ! LC_ALL=C grep -q '[^ -~]' "$out/encoding_$enc.svg" && rsvg-convert -o "$out/encoding_$enc.png" "$out/encoding_$enc.svg"; then
    echo "ok encoding_$enc: labels drawn as M&#xFC;ller and bad $byte byte, the document is ASCII"
  else
    echo "FAIL encoding_$enc: see $out/encoding_$enc.svg" >&2; failures=$((failures + 1))
  fi
done

if [ "$write_doc" = 1 ] && [ "$failures" -eq 0 ]; then
  cp "$out/readme_example.svg" doc/forest_plot.svg
  rsvg-convert -z 2 -o doc/forest_plot.png doc/forest_plot.svg
  rsvg-convert -z 2 -o doc/forest_subgroups.png "$out/subgroups_example.svg"
  rsvg-convert -z 2 -o doc/funnel_plot.png "$out/funnel_example.svg"
  echo "wrote doc/forest_plot.svg, doc/forest_plot.png, doc/forest_subgroups.png and doc/funnel_plot.png"
fi

if [ "$failures" -gt 0 ]; then
  echo "forest_plot.sh: FAILED: $failures of $checks checks" >&2
  exit 1
fi
echo "forest_plot.sh: all $checks plots are well-formed and render"
