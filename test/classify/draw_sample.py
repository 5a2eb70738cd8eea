#!/usr/bin/env python3
"""Draw the unseen samples of issue 15 (see LABELLING.md) and print their NCT numbers.

usage: draw_sample.py 200|100|fresh100 [corpus.tsv]
  200: random.Random(15).sample(pool, 200)
  100: random.Random(1515).sample(pool minus the 200, 100)
pool: the sorted NCT numbers of the corpus in none of labels/heldout/final.tsv.
  fresh100: random.Random(20261204).sample(fresh, 100), fresh: the sorted NCT
  numbers of the corpus in none of the label files of 2026-12-04 (labels,
  heldout, final, unseen200, unseen100.tsv)
"""
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.environ.get("MSC_SHARED_DATA", os.path.join(here, "..", "..", "..", "shared", "data")),
    "ctgov_msc_interventions.tsv")
used = set()
for name in ("labels.tsv", "heldout.tsv", "final.tsv"):
    with open(os.path.join(here, name), encoding="utf-8") as f:
        used.update(line.split("\t")[0] for line in f if line.startswith("NCT"))
with open(corpus, encoding="utf-8") as f:
    pool = sorted(line.split("\t")[0] for line in list(f)[1:] if line.split("\t")[0] not in used)
first = random.Random(15).sample(pool, 200)
if sys.argv[1] == "fresh100":
    for name in ("unseen200.tsv", "unseen100.tsv"):
        with open(os.path.join(here, name), encoding="utf-8") as f:
            used.update(line.split("\t")[0] for line in f if line.startswith("NCT"))
    fresh = [n for n in pool if n not in used]
    chosen = random.Random(20261204).sample(fresh, 100)
elif sys.argv[1] == "200":
    chosen = first
else:
    rest = [n for n in pool if n not in set(first)]
    chosen = random.Random(1515).sample(rest, 100)
print("\n".join(sorted(chosen)))
