#!/usr/bin/env bash
# Build the libFuzzer targets of test/fuzz (clang, -fsanitize=fuzzer,
# address,undefined) and run each for a time budget, one after another,
# from its seed corpus test/fuzz/corpus/<target>/, with leak detection on.
# Fails when any target finds a crash, a leak, undefined behaviour, an
# invariant violation (abort), a timeout or runs out of memory.
#
#   scripts/fuzz.sh [seconds-per-target] [target ...]
#
# seconds default to 15; targets default to all (fuzz_*.c without the
# prefix: vocab, pain_score, ...).  Output goes to $FUZZ_OUT (default
# build/fuzz): the binaries, a log per target (<target>.log), the corpus
# each run grew (corpus/<target>/, started afresh from the seeds every run)
# and any crashing input (artifacts/).  One summary line per target gives
# executions, executions per second, coverage (cov: edges, ft: features),
# corpus size and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-15}
shift || true
out=${FUZZ_OUT:-build/fuzz}
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null || { echo "fuzz: $CLANG not found (scripts/deps.sh installs clang)" >&2; exit 1; }

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for f in test/fuzz/fuzz_*.c; do t=$(basename "$f" .c); targets+=("${t#fuzz_}"); done
fi

flags=(-std=c99 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer
       -fno-sanitize-recover=all -Isrc/core -Itest/fuzz)
mkdir -p "$out/obj" "$out/artifacts"
echo "== fuzz: building ${#targets[@]} target(s) in $out"
objs=()
for src in src/core/*.c; do
  o="$out/obj/$(basename "$src" .c).o"
  "$CLANG" "${flags[@]}" -fsanitize=fuzzer-no-link,address,undefined -c "$src" -o "$o"
  objs+=("$o")
done
for t in "${targets[@]}"; do
  [ -f "test/fuzz/fuzz_$t.c" ] || { echo "fuzz: no target test/fuzz/fuzz_$t.c" >&2; exit 1; }
  "$CLANG" "${flags[@]}" -fsanitize=fuzzer,address,undefined "test/fuzz/fuzz_$t.c" "${objs[@]}" -lm -o "$out/fuzz_$t"
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=64:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  seeds="test/fuzz/corpus/$t"
  [ -d "$seeds" ] && [ -n "$(ls -A "$seeds")" ] || { echo "fuzz: $t has no seed corpus in $seeds" >&2; status=1; continue; }
  work="$out/corpus/$t"
  rm -rf "$work"; mkdir -p "$work"
  rm -f "$out/artifacts/$t-"*
  log="$out/$t.log"
  rc=0
  "$out/fuzz_$t" -max_total_time="$secs" -detect_leaks=1 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" "$work" "$seeds" > "$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  last=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(ls "$work" | wc -l)
  crashes=$(ls "$out/artifacts" | grep -c "^$t-" || true)
  printf 'fuzz %-11s %4ss  %10s execs  %7s exec/s  cov %5s  ft %6s  corpus %5s  rss %4s MB  crashes %s\n' \
    "$t" "$secs" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$corp" "${rss:-?}" "$crashes"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    echo "fuzz: $t FAILED (exit $rc); the log is $log:" >&2
    grep -E 'invariant violated|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" | head -10 >&2 || true
    ls "$out/artifacts/$t-"* 2>/dev/null >&2 || true
    status=1
  fi
done
exit $status
