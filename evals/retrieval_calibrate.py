"""Fit the "no prepared story fits" threshold of knowledge.index_dense against the size of the bank.

    python -m evals.retrieval_calibrate [--set DIR ...] [--sizes 5,10,...] [--draws N] [--target 0.8] [--seed S]

The best of N stories scores higher on a question none of them answers the more stories there are, so the
threshold rises with the bank's size. For each size, `draws` random sub-banks of the set's stories (seeded, so the
figures repeat) are searched with the set's unanswerable questions; the threshold at that size is the value that
says "no fit" to `target` of them (pooled over the draws). Printed per size, with the share of answerable questions
(whose story is in the sub-bank) it would cut off, then the least-squares fit threshold(N) = base + per_log * ln(N)
to copy into FIT_THRESHOLDS. Several sets (default: both dev sets) are never mixed into one bank, since one set's
stories may answer what another set calls unanswerable: each size draws its sub-banks within each set that has that
many stories, and the values are pooled. Run it on the dev sets only; never on a blind set.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from evals.retrieval import load_labels, matches


def best_evidence(index: object, question: str, competency: str | None) -> float | None:
    """The highest fit evidence among the top 3 hits (what the eval's no-fit decision compares)."""
    hits = index.search(question, k=3, competency=competency)  # type: ignore[attr-defined]
    values = [hit.evidence for hit in hits if hit.evidence is not None]
    return max(values) if values else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.retrieval_calibrate", description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", help="a set folder (docs/ + labels.yaml); default: both dev sets")
    parser.add_argument("--sizes", default="5,10,20,35,50,70,100")
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--target", type=float, default=0.8, help="share of unanswerable questions to reject")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    from knowledge.index import StoryIndex, is_retrievable
    from knowledge.ingest import ingest_paths

    sets = []
    for name in args.set or ["evals/retrieval_dev", "evals/retrieval_dev2"]:
        folder = Path(name)
        docs = sorted(p for p in (folder / "docs").glob("*") if p.is_file())
        stories = [s for s in ingest_paths(docs).stories if is_retrievable(s)]
        whole = StoryIndex.open(stories)  # embeds every story once; sub-banks reuse the cached vectors
        sets.append((load_labels(folder / "labels.yaml"), stories, whole))
    rng = random.Random(args.seed)
    xs: list[float] = []
    ys: list[float] = []
    largest = max(len(stories) for _, stories, _ in sets)
    for size in (int(x) for x in args.sizes.split(",")):
        size = min(size, largest)
        rejected: list[float] = []
        answerable: list[float] = []
        for labels, stories, whole in sets:
            if size > len(stories) or (size < len(stories) and size == largest):
                continue
            draws = 1 if size == len(stories) else args.draws
            for _ in range(draws):
                bank = rng.sample(stories, size) if size < len(stories) else stories
                index = whole if bank is stories else StoryIndex.open(bank, embedder=whole._embedder)  # type: ignore[arg-type]
                for label in labels:
                    if label.relevant and not any(matches(s, w) for s in bank for w in label.relevant):
                        continue  # its story is not in this sub-bank: neither answerable nor a fair unanswerable
                    value = best_evidence(index, label.question, label.competency)
                    if value is not None:
                        (answerable if label.relevant else rejected).append(value)
        if not rejected:
            continue
        threshold = float(np.quantile(rejected, args.target))
        cut = sum(1 for v in answerable if v < threshold) / max(1, len(answerable))
        print(f"N={size:4d}  threshold {threshold:.4f}  cuts off {cut:.3f} of {len(answerable)} answerable searches")
        xs.append(math.log(size))
        ys.append(threshold)
    if len(xs) >= 2:
        per_log, base = np.polyfit(xs, ys, 1)
        low, high = math.exp(min(xs)), math.exp(max(xs))
        print(f"fit: threshold(N) = {base:.4f} + {per_log:.4f} * ln(N), N {low:.0f}..{high:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
