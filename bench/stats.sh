#!/usr/bin/env bash
# Benchmark of the statistics aggregates, in one run on one throw-away
# cluster (run as root from the repository root after `make install`, or
# through scripts/bench.sh):
#   1. score_summary(pain_score) against count/avg/stddev_samp/min/max on a
#      float8 column of the same 10 million rows, serial and with 2 workers;
#   2. meta_analysis(yi, vi, 'REML') grouped over 100,000 groups of 10
#      studies, against a DerSimonian-Laird written with plain aggregates.
# Each query runs 5 times; the median wall time is reported.  Writes
# bench/results-stats.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000000}
GROUPS_=${GROUPS_:-100000}
REPS=${REPS:-7}
out=bench/results-stats.md

pg_virtualenv -t -o shared_buffers=2GB -o max_parallel_workers_per_gather=2 -o jit=off -o autovacuum=off \
  bash -c "psql -X -q -v ON_ERROR_STOP=1 -v rows=$ROWS -v groups=$GROUPS_ -v reps=$REPS -f bench/stats.sql" \
  | tee /tmp/msc_registry_bench_stats.txt

{
  echo "# Statistics benchmark"
  echo
  echo "One run on this machine ($(nproc) cores), $(date -u +%Y-%m-%d), PostgreSQL $(pg_config --version | awk '{print $2}'),"
  echo "median of $REPS runs each; command: \`bash bench/stats.sh\`."
  echo
  echo "| comparison | ours (ms) | baseline (ms) | ratio ours/baseline |"
  echo "|---|---:|---:|---:|"
  grep '^|' /tmp/msc_registry_bench_stats.txt | grep -v '^| comparison' || true
} > "$out"
echo "wrote $out"
