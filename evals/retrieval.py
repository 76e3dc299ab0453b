"""Measure story retrieval: Recall@1 and Recall@3 of labelled interview questions over a story bank.

    python -m evals.retrieval [--embedder minilm|hashing|bm25] [--labels FILE] [--docs PATH...]
                              [--no-competency] [--min-recall3 X] [--json]

Labels (evals/retrieval.yaml) are a list of {question, competency (optional), relevant: [story titles or ids]}.
A relevant entry matches a story whose id equals it or whose title contains it (case-insensitive). A question is a
hit at k when any relevant story is in the top k. Labels that match no story are reported: they mean the labels and
the documents (or the ingester) disagree, and the question is counted as a miss.
Exit 0, or 1 when --min-recall3 is given and not reached, 2 on unusable labels or arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from knowledge.models import Story

LABELS = Path(__file__).resolve().parent / "retrieval.yaml"


class RetrievalLabel(BaseModel):
    """One labelled question."""

    question: str = Field(min_length=1)
    competency: str | None = None
    relevant: list[str] = Field(min_length=1)


def load_labels(path: Path) -> list[RetrievalLabel]:
    """Read and validate a labels file; ValueError with a one-line reason when unusable."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read labels ({type(exc).__name__})") from exc
    if not isinstance(data, list) or not data:
        raise ValueError(f"{path}: expected a non-empty list of {{question, relevant}} items")
    try:
        return [RetrievalLabel.model_validate(item) for item in data]
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValueError(f"{path}: invalid label at {first['loc']}: {first['msg']}") from exc


def matches(story: Story, wanted: str) -> bool:
    """A relevant entry names a story by id or by (a substring of) its title."""
    return story.id == wanted or wanted.strip().lower() in story.title.lower()


def evaluate(labels: Sequence[RetrievalLabel], index: Any, use_competency: bool = True, k: int = 3) -> dict[str, Any]:
    """Run every labelled question through `index.search` and score it."""
    hits1 = hits3 = 0
    misses: list[dict[str, Any]] = []
    unmatched: set[str] = set()
    latencies: list[float] = []
    for label in labels:
        for wanted in label.relevant:
            if not any(matches(s, wanted) for s in index.stories):
                unmatched.add(wanted)
        start = time.perf_counter()
        found = index.search(label.question, k=k, competency=label.competency if use_competency else None)
        latencies.append(time.perf_counter() - start)
        ranks = [r for r, hit in enumerate(found, start=1) if any(matches(hit.story, w) for w in label.relevant)]
        first = ranks[0] if ranks else None
        hits1 += first == 1
        hits3 += first is not None and first <= 3
        if first != 1:
            misses.append(
                {
                    "question": label.question,
                    "relevant": label.relevant,
                    "rank": first,
                    "top": [hit.story.title for hit in found],
                }
            )
    n = len(labels)
    latencies.sort()
    return {
        "questions": n,
        "stories": len(index.stories),
        "recall_at_1": round(hits1 / n, 3),
        "recall_at_3": round(hits3 / n, 3),
        "search_ms_p95": round(1000 * latencies[min(n - 1, int(0.95 * n))], 2),
        "misses": misses,
        "unmatched_labels": sorted(unmatched),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m evals.retrieval", description=__doc__.split("\n")[0])
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "hashing", "bm25", "openai"))
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels YAML (default evals/retrieval.yaml)")
    parser.add_argument("--docs", nargs="+", metavar="PATH", help="story documents (default: the sample bank)")
    parser.add_argument("--index", type=Path, help="index directory (default: in the data dir)")
    parser.add_argument("--no-competency", action="store_true", help="ignore the labels' competency (no boost)")
    parser.add_argument("--min-recall3", type=float, help="exit 1 when Recall@3 is below this")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        labels = load_labels(args.labels)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    from knowledge.index import open_story_index

    try:
        index = open_story_index(args.docs, index_dir=args.index, embedder=args.embedder)
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    index.warm()  # the one-off session load is not a search latency
    report = {"embedder": index.embedder_name, **evaluate(labels, index, use_competency=not args.no_competency)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report, index.notices)
    if args.min_recall3 is not None and report["recall_at_3"] < args.min_recall3:
        return 1
    return 0


def _print_report(report: dict[str, Any], notices: list[str]) -> None:
    for notice in notices:
        print(f"note: {notice}")
    print(f"Retrieval over {report['stories']} stories, {report['questions']} questions, embedder {report['embedder']}")
    print(
        f"  Recall@1 {report['recall_at_1']:.3f}   Recall@3 {report['recall_at_3']:.3f}   "
        f"p95 search {report['search_ms_p95']:.1f} ms"
    )
    for miss in report["misses"]:
        where = f"rank {miss['rank']}" if miss["rank"] else "not in top 3"
        print(f"  - {where}: {miss['question']}\n      want {miss['relevant'][0]!r}; got {miss['top']}")
    for wanted in report["unmatched_labels"]:
        print(f"  ! label matches no story: {wanted!r}")


if __name__ == "__main__":
    sys.exit(main())
