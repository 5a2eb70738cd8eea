#!/usr/bin/env bash
# The C classifiers of this checkout against those of an earlier commit
# (OLD, default bbea7c0: main before the first merge of issue 15), in one
# process over ../shared/data/ctgov_msc_interventions.tsv (MSC_SHARED_DATA
# overrides the directory).  The earlier src/core is linked in with every
# global symbol renamed old_*.  Both built with the same compiler and
# flags (CFLAGS, default -O2).  usage: bench/classify_c.sh [rounds [reps]]
set -euo pipefail
cd "$(dirname "$0")/.."
. test/shared_data.sh
data=$(shared_data_find ctgov_msc_interventions.tsv)
if [ -z "$data" ]; then
  echo "SKIPPED: bench/classify_c.sh: no ctgov_msc_interventions.tsv in the shared data (set MSC_SHARED_DATA)"; exit 0
fi
OLD=${OLD:-bbea7c0}
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive "$OLD" src/core | tar -x -C "$tmp"
for c in "$tmp"/src/core/*.c; do
  $CC -std=c99 $CFLAGS -I"$tmp/src/core" -c "$c" -o "$tmp/$(basename "$c" .c).o"
done
ld -r -o "$tmp/old_all.o" "$tmp"/*.o
nm -g --defined-only "$tmp/old_all.o" | awk '{print $3" old_"$3}' > "$tmp/syms"
objcopy --redefine-syms="$tmp/syms" "$tmp/old_all.o" "$tmp/old.o"
$CC -std=c99 $CFLAGS -Wall -Wextra -Isrc/core -o "$tmp/classify_c" bench/classify_c.c src/core/*.c "$tmp/old.o" -lm
echo "old: $(git log -1 --format='%h %ad' --date=short "$OLD"); new: $(git log -1 --format='%h' HEAD)$(git diff --quiet HEAD -- src/core || echo ' + changes'); $CC $CFLAGS; load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$tmp/classify_c" "$data/ctgov_msc_interventions.tsv" "$@"
