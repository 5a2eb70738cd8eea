#!/usr/bin/env bash
# Benchmark of the free-text classifiers against SQL doing the same jobs
# with regular expressions, over ../shared/data/ctgov_msc_interventions.tsv
# (MSC_SHARED_DATA overrides the directory) repeated COPIES times, on one
# throw-away cluster.  Run from the repository root after `make install`
# (or with the same extension_destdir settings as scripts/dev-check.sh).
# Each query runs REPS times; the median wall time is reported.  Writes
# bench/results-classify.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/shared_data.sh
data=$(shared_data_find ctgov_msc_interventions.tsv)
if [ -z "$data" ]; then
  echo "SKIPPED: bench/classify.sh: no ctgov_msc_interventions.tsv in the shared data (set MSC_SHARED_DATA)"; exit 0
fi
data="$data/ctgov_msc_interventions.tsv"
COPIES=${COPIES:-8}
REPS=${REPS:-5}
out=bench/results-classify.md

pg_virtualenv -t -o jit=off -o max_parallel_workers_per_gather=0 ${PGVIRTUALENV_OPTS:-} \
  bash -c "psql -X -q -v ON_ERROR_STOP=1 -v data='$data' -v copies=$COPIES -v reps=$REPS -f bench/classify.sql" \
  | tee /tmp/msc_registry_bench_classify.txt

{
  echo "# Classifier benchmark"
  echo
  echo "One run on this machine ($(nproc) cores), $(date -u +%Y-%m-%d), PostgreSQL $(pg_config --version | awk '{print $2}'),"
  echo "$(grep '^records' /tmp/msc_registry_bench_classify.txt);"
  echo "median of $REPS runs each; command: \`bash bench/classify.sh\`."
  echo
  echo "| comparison | ours (ms) | regex SQL (ms) | regex / ours |"
  echo "|---|---:|---:|---:|"
  grep '^|' /tmp/msc_registry_bench_classify.txt || true
} > "$out"
echo "wrote $out"
