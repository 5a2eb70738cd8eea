#!/usr/bin/env bash
# Instruction counts of the hot paths under callgrind, as bench/PROFILE.md
# records them (run as root from the repository root; needs valgrind):
#   bench/profile.sh [case ...]
# cases: reml floor copy_typed copy_plain donor index_score index_float8
#        index_score_fmgr (the pain_score index built without sort support)
# Builds this checkout into build/destdir, creates a throw-away cluster as
# the postgres user, fills it, then runs each case's statement in a
# single-user backend under valgrind --tool=callgrind, counting only the
# statement (--toggle-collect), and prints the total and the extension's
# functions.  Callgrind output stays in build/profile/ for callgrind_annotate.
# Counts are deterministic (no timing): the machine's load does not change them.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=("${@:-reml floor copy_typed copy_plain donor index_score index_float8 index_score_fmgr}")
read -r -a cases <<< "${cases[*]}"
dest="$PWD/build/destdir"
bin=$(pg_config --bindir)
make -s 2>&1 | { grep -E "warning:|error:" || true; }
make -s install DESTDIR="$dest" >/dev/null
chmod -R a+rX "$dest"
out="$PWD/build/profile"
mkdir -p "$out"
chown postgres "$out"
work=$(mktemp -d /tmp/msc_profile.XXXXXX)
chown postgres "$work"
trap 'su postgres -c "$bin/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

su postgres -c "$bin/initdb -D $work/data -A trust" >/dev/null
cat >> "$work/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$work'
extension_destdir = '$dest'
dynamic_library_path = '$dest$(pg_config --pkglibdir):\$libdir'
jit = off
autovacuum = off
EOF
su postgres -c "$bin/pg_ctl -D $work/data -l $work/log -w start" >/dev/null
. test/shared_data.sh
data="$(shared_data_find ctgov_msc_interventions.tsv)/ctgov_msc_interventions.tsv"
psql -X -q -h "$work" -U postgres -v ON_ERROR_STOP=1 -d postgres <<EOF
CREATE EXTENSION msc_registry;
-- 20,000 groups of 10 studies (work_mem stays at its default, 4MB)
CREATE TABLE studies AS
SELECT g, (random() - 0.5)::float8 AS yi, (0.01 + random() * 0.1)::float8 AS vi
FROM generate_series(1, 20000) g, generate_series(1, 10);
VACUUM ANALYZE studies;
-- 100,000 rows for COPY, as bench/run.sql makes them
CREATE TABLE copy_src (participant int, week int2, score pain_score, source msc_source,
                       route msc_route, dose cell_dose);
INSERT INTO copy_src
SELECT i / 12, (i % 12)::int2,
       pain_score(CASE WHEN i % 2 = 0 THEN 'vas' ELSE 'nrs' END,
                  CASE WHEN i % 2 = 0 THEN floor(random() * 201) / 2 ELSE floor(random() * 11) END::numeric),
       (ARRAY['bone_marrow', 'adipose', 'umbilical_cord', 'placenta'])[1 + i % 4]::msc_source,
       (ARRAY['intra_articular', 'intradiscal', 'intravenous'])[1 + i % 3]::msc_route,
       (ARRAY['1e7 cells', '5e7 cells', '1e8 cells', '2e6 cells/kg', '1.5e6 cells/kg'])[1 + i % 5]::cell_dose
FROM generate_series(0, 99999) i;
COPY copy_src TO '$work/typed.tsv';
COPY (SELECT participant, week, split_part(score::text, ':', 1), split_part(score::text, ':', 2)::numeric,
             source::text, route::text, split_part(dose::text, ' ', 1)::numeric,
             substr(dose::text, strpos(dose::text, ' ') + 1)
      FROM copy_src) TO '$work/plain.tsv';
CREATE TABLE copy_typed (LIKE copy_src);
CREATE TABLE copy_plain (participant int, week int2, instrument text, value numeric,
                         source text, route text, dose numeric, dose_unit text);
-- 1,000,000 VAS scores and the same as float8, for index builds
CREATE TABLE idx AS SELECT pain_score('vas', (floor(random() * 201) / 2)::numeric) AS s FROM generate_series(1, 1000000);
ALTER TABLE idx ADD COLUMN f float8;
UPDATE idx SET f = score(s)::float8;
VACUUM ANALYZE idx;
-- the 1,536 real texts once
CREATE TABLE corpus(nct text, title text, conditions text, itype text, iname text, idesc text,
                    arms text, phase text, status text, enroll text);
\set cmd 'tail -n +2 $data'
COPY corpus FROM PROGRAM :'cmd' WITH (FORMAT text, DELIMITER E'\t', NULL '');
CREATE TABLE doc AS SELECT nct, concat_ws(' | ', title, iname, idesc, arms) AS t FROM corpus;
EOF
su postgres -c "$bin/pg_ctl -D $work/data -w stop" >/dev/null

for c in "${cases[@]}"; do
  case $c in
    reml) toggle=standard_ExecutorRun
      sql="SELECT count(*) FROM (SELECT g, meta_analysis(yi, vi, 'REML') AS m FROM studies GROUP BY g OFFSET 0) x WHERE (m).estimate IS NOT NULL" ;;
    floor) toggle=standard_ExecutorRun
      sql="SELECT count(*) FROM (SELECT g, count(*) AS m FROM studies GROUP BY g OFFSET 0) x WHERE m IS NOT NULL" ;;
    copy_typed) toggle=CopyFrom; sql="COPY copy_typed FROM '$work/typed.tsv'" ;;
    copy_plain) toggle=CopyFrom; sql="COPY copy_plain FROM '$work/plain.tsv'" ;;
    donor) toggle=standard_ExecutorRun
      sql="SELECT count(*) FROM doc WHERE msc_donor_in(t)::text IS DISTINCT FROM 'x'" ;;
    index_score) toggle=index_build; sql="CREATE INDEX idx_s ON idx (s); DROP INDEX idx_s" ;;
    index_float8) toggle=index_build; sql="CREATE INDEX idx_f ON idx (f); DROP INDEX idx_f" ;;
    index_score_fmgr) toggle=index_build
      sql="BEGIN; ALTER OPERATOR FAMILY pain_score_ops USING btree DROP FUNCTION 2 (pain_score, pain_score); CREATE INDEX idx_s ON idx (s); ROLLBACK" ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
  esac
  echo "$sql" | su postgres -c "valgrind --tool=callgrind --callgrind-out-file=$out/$c.out --toggle-collect=$toggle \
    $bin/postgres --single -D $work/data -c jit=off postgres" >/dev/null 2>"$work/valgrind.err"
  echo "== $c: $sql"
  callgrind_annotate --inclusive=yes "$out/$c.out" 2>/dev/null |
    grep -E "PROGRAM TOTALS|msc_registry.so|InputFunctionCall|numeric_in|textin|LogicalTape|FunctionCall2Coll|btfloat8fastcmp" | sed 's/ \[.*//' | head -14
done
