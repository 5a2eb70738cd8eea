#!/usr/bin/env bash
# The benchmark suite of msc_registry, in one command from the repository
# root (as root or a user pg_virtualenv works for):
#   bench/run.sh
# Builds this checkout into build/destdir, starts a throw-away cluster
# (pg_virtualenv) that loads the extension from there, creates the data, runs
# each comparison with ours and its baseline interleaved over several
# repetitions, and writes bench/results.md (medians, ratios, targets).
# Sizes and repetitions can be set in the environment: ROWS, GROUPS_,
# COPY_ROWS, SIZE_ROWS, COPIES, REPS, REPS_SLOW, R_GROUPS, R_REPS; BENCH_NOTE
# adds a line to the results (say what else the machine was running).
# ONLY=2 (or a list such as ONLY="2 5") runs only those sections (6 runs
# with 1) and writes bench/results-partial.md instead of bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--inside" ]; then
  # ---- inside the throw-away cluster ----
  log=$2
  dataopt=()
  [ -n "${BENCH_DATA:-}" ] && dataopt=(-v "data=$BENCH_DATA")
  sections=()
  for n in 1 2 3 4 5; do
    case " ${ONLY:-1 2 3 4 5} " in *" $n "*) sections+=(-v "run_$n=true") ;; *) sections+=(-v "run_$n=false") ;; esac
  done
  psql -X -q -v ON_ERROR_STOP=1 "${sections[@]}" -v rows="$ROWS" -v groups="$GROUPS_" -v copy_rows="$COPY_ROWS" \
    -v size_rows="$SIZE_ROWS" -v copies="$COPIES" -v reps="$REPS" -v reps_slow="$REPS_SLOW" \
    -v r_groups="$R_GROUPS" "${dataopt[@]}" -f bench/run.sql | tee "$log"

  # 2d, 2f, 2h: metafor looped over the first R_GROUPS groups of a table,
  # interleaved with our aggregate over the same groups.
  #   r_compare ROW WHAT TABLE COLUMNS MODE QUERY
  r_compare() {
    local row=$1 what=$2 table=$3 cols=$4 mode=$5 q i out tmp
    echo "# $row. metafor $(date -u +%T)" | tee -a "$log"
    tmp=$(mktemp -d)
    psql -X -q -c "\\copy (SELECT $cols FROM $table ORDER BY g) TO '$tmp/groups.csv' CSV"
    q="SELECT bench_once(\$\$$6\$\$)"
    psql -X -qAt -c "$q" >/dev/null      # warm
    local ours=() theirs=() failed=0
    for i in $(seq 1 "$R_REPS"); do
      if [ $((i % 2)) = 1 ]; then
        ours+=("$(psql -X -qAt -c "$q")"); out=$(Rscript bench/metafor.R "$mode" "$tmp/groups.csv")
      else
        out=$(Rscript bench/metafor.R "$mode" "$tmp/groups.csv"); ours+=("$(psql -X -qAt -c "$q")")
      fi
      theirs+=("${out%% *}"); failed=$(echo "$out" | awk '{print $3}')
    done
    rm -rf "$tmp"
    local mo mr rver target met
    mo=$(med "${ours[@]}"); mr=$(med "${theirs[@]}")
    rver=$(Rscript -e 'cat(as.character(getRversion()), as.character(packageVersion("metafor")))')
    target=NULL; met=NULL
    if [ -n "${7:-}" ]; then target="'$7'"; met="$mo / $mr <= $8"; fi
    psql -X -qAt -c "SELECT report('$row', '$what vs R ${rver%% *} metafor ${rver##* } $(echo "$mode" | sed -e 's/^rma$/rma(method = "REML")/' -e 's/^mods$/rma(mods = ~ x1 + x2, method = "REML")/' -e 's/^prop$/rma(measure = "PLO", method = "REML")/') looped over the same $R_GROUPS groups (median of $R_REPS; metafor failed on $failed of them)', $mo, $mr, 'ms', $target, $met)" | tee -a "$log"
  }
  med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
  case " ${ONLY:-2} " in *" 2 "*) ;; *) exit 0 ;; esac
  if command -v Rscript >/dev/null && Rscript -e 'quit(status = !requireNamespace("metafor", quietly = TRUE))' 2>/dev/null; then
    r_compare 2d 'meta_analysis REML' studies_r 'g, yi, vi' rma \
      "SELECT g, meta_analysis(yi, vi, 'REML') FROM studies_r GROUP BY g"
    r_compare 2f 'meta_regression(yi, vi, ARRAY[x1, x2]) REML' studies_r 'g, yi, vi, x1, x2' mods \
      "SELECT g, meta_regression(yi, vi, ARRAY[x1, x2]) FROM studies_r GROUP BY g" '≤ 0.01 (≥ 100× faster per group)' 0.01
    r_compare 2h 'meta_prop(x, n) PLO REML' props_r 'g, x, n' prop \
      "SELECT g, meta_prop(x, n) FROM props_r GROUP BY g" '≤ 0.01 (≥ 100× faster per group)' 0.01
  else
    echo "- 2d, 2f, 2h skipped: R or its metafor package is not installed, so nothing is compared with metafor" | tee -a "$log"
  fi
  exit 0
fi

ROWS=${ROWS:-10000000}
GROUPS_=${GROUPS_:-100000}
COPY_ROWS=${COPY_ROWS:-1000000}
SIZE_ROWS=${SIZE_ROWS:-10000000}
COPIES=${COPIES:-651}           # 1,536 texts x 651 = 999,936 rows
REPS=${REPS:-7}
REPS_SLOW=${REPS_SLOW:-3}
R_GROUPS=${R_GROUPS:-2000}
R_REPS=${R_REPS:-3}
ONLY=${ONLY:-}
export ROWS GROUPS_ COPY_ROWS SIZE_ROWS COPIES REPS REPS_SLOW R_GROUPS R_REPS ONLY

. test/shared_data.sh
data=$(shared_data_find ctgov_msc_interventions.tsv)
if [ -n "$data" ]; then
  export BENCH_DATA="$data/ctgov_msc_interventions.tsv"
else
  echo "SKIPPED: bench/run.sh: the classifier comparison: no ctgov_msc_interventions.tsv in the shared data (set MSC_SHARED_DATA)"
fi

dest="$PWD/build/destdir"
make -s 2>&1 | { grep -E "warning:|error:" || true; }
make -s install DESTDIR="$dest" >/dev/null
chmod -R a+rX "$dest"

log=$(mktemp /tmp/msc_registry_bench.XXXXXX)
chmod a+rw "$log"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
t0=$(date +%s)
pg_virtualenv -t -o "extension_destdir=$dest" -o "dynamic_library_path=$dest$(pg_config --pkglibdir):\$libdir" \
  -o shared_buffers=2GB -o work_mem=256MB -o jit=off -o autovacuum=off -o max_parallel_workers_per_gather=2 \
  "$0" --inside "$log" 2>&1 | grep -v -E '^(ALTER DATABASE|Creating new|Dropping cluster)'
minutes=$(( ($(date +%s) - t0 + 30) / 60 ))
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

out=bench/results.md
[ -n "$ONLY" ] && out=bench/results-partial.md
{
  echo "# Benchmark results"
  echo
  echo "Command: \`${ONLY:+ONLY=\"$ONLY\" }bench/run.sh\` (REPS=$REPS, REPS_SLOW=$REPS_SLOW, R_REPS=$R_REPS), started $started, took about $minutes min."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), PostgreSQL $(pg_config --version | awk '{print $2}');"
  echo "load average (1, 5, 15 min) $load_start at the start and $load_end at the end."
  echo "Cluster: pg_virtualenv, shared_buffers 2GB, work_mem 256MB, jit off, autovacuum off; serial unless a row says otherwise."
  [ -n "${BENCH_NOTE:-}" ] && echo "Note: $BENCH_NOTE"
  echo
  echo "Each time is the median of REPS runs (REPS_SLOW for index builds and the classifiers, R_REPS for metafor),"
  echo "ours and the baseline interleaved (alternating which goes first) after one warm-up run of each"
  echo "(none for index builds and the classifiers). ratio = ours / baseline; a ratio below 1 means ours is"
  echo "faster or smaller. Targets are stated on the ratio."
  echo
  echo "| # | comparison | ours | baseline | ratio | target | met |"
  echo "|---|---|---:|---:|---:|---|---|"
  grep '^|' "$log" | sort -t'|' -k2,2 -s
  echo
  grep '^- ' "$log" || true
  echo
  cat bench/targets.md
} > "$out"
echo "wrote $out"
