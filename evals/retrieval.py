"""Measure story retrieval: Recall@1/@3 and "no prepared story fits" accuracy over labelled interview questions.

    python -m evals.retrieval [--set DIR|sample ...] [--labels FILE --docs PATH...]
                              [--embedder minilm|hashing|bm25|openai] [--no-competency] [--calibrate]
                              [--min-recall3 X] [--json]

A set is a folder with docs/ (the prep documents) and labels.yaml; "sample" is the bundled sample bank with
evals/retrieval.yaml (the default). Labels are a list of {question, competency (optional), relevant: [...]}.
A relevant entry matches a story whose id equals it, whose title contains it, or whose title line as written in
its document contains it (case-insensitive: the labels copy the heading, Subject: line or list item the story
sits under, and ingestion may clean a title, e.g. "Story 3: X" -> "X"); `relevant: []` marks a question no story
answers. Per set:
- Recall@1 / Recall@3 over the answerable questions: a relevant story ranked first / in the top 3;
- no-fit accuracy: the unanswerable questions for which the index says no prepared story fits (best_fit is None);
- cut off: the answerable questions for which it wrongly says so.
Labels that match no story are reported: the labels and the documents (or the ingester) disagree, and the question
counts as a miss. --calibrate prints the "fits" threshold that best separates the set's answerable questions from
its unanswerable ones (run it on the dev set only; never on the blind set).
Exit 0, or 1 when --min-recall3 is given and not reached, 2 on unusable labels or arguments.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from evals.retrieval_report import calibrate, print_report
from knowledge.models import Story

LABELS = Path(__file__).resolve().parent / "retrieval.yaml"


class RetrievalLabel(BaseModel):
    """One labelled question; an empty `relevant` list means no prepared story answers it."""

    question: str = Field(min_length=1)
    competency: str | None = None
    relevant: list[str]


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
    """A relevant entry names a story by id, by (a substring of) its title or of its title line as written."""
    want = wanted.strip().lower()
    return story.id == wanted or want in story.title.lower() or want in _title_line(story.source, story.line)


@functools.lru_cache(maxsize=4096)
def _title_line(source: str, line: int) -> str:
    """The (lower-cased) line a story starts at in its document; "" when the document cannot be read."""
    try:
        lines = _document_lines(source)
    except OSError:
        return ""
    return lines[line - 1].lower() if 0 < line <= len(lines) else ""


@functools.lru_cache(maxsize=64)
def _document_lines(source: str) -> list[str]:
    return Path(source).read_text(encoding="utf-8", errors="replace").split("\n")


def evaluate(labels: Sequence[RetrievalLabel], index: Any, use_competency: bool = True, k: int = 3) -> dict[str, Any]:
    """Run every labelled question through `index.search` and score it."""
    hits1 = hits3 = cut_off = no_fit_ok = 0
    misses: list[dict[str, Any]] = []
    unmatched: set[str] = set()
    latencies: list[float] = []
    best_similarity: list[tuple[float | None, bool]] = []  # (best fit evidence in the top k, answerable)
    for label in labels:
        for wanted in label.relevant:
            if not any(matches(s, wanted) for s in index.stories):
                unmatched.add(wanted)
        start = time.perf_counter()
        found = index.search(label.question, k=k, competency=label.competency if use_competency else None)
        latencies.append(time.perf_counter() - start)
        fits = any(hit.fits for hit in found)
        sims = [hit.evidence for hit in found if hit.evidence is not None]
        best_similarity.append((max(sims) if sims else None, bool(label.relevant)))
        if not label.relevant:
            no_fit_ok += not fits
            if fits:
                misses.append({"question": label.question, "relevant": [], "rank": None, "top": _titles(found)})
            continue
        cut_off += not fits
        ranks = [r for r, hit in enumerate(found, start=1) if any(matches(hit.story, w) for w in label.relevant)]
        first = ranks[0] if ranks else None
        hits1 += first == 1
        hits3 += first is not None and first <= 3
        if first != 1:
            miss = {"question": label.question, "relevant": label.relevant, "rank": first, "top": _titles(found)}
            misses.append(miss)
    answerable = sum(1 for label in labels if label.relevant)
    unanswerable = len(labels) - answerable
    latencies.sort()
    return {
        "questions": len(labels),
        "answerable": answerable,
        "unanswerable": unanswerable,
        "stories": len(index.stories),
        "recall_at_1": round(hits1 / answerable, 3) if answerable else None,
        "recall_at_3": round(hits3 / answerable, 3) if answerable else None,
        "no_fit_accuracy": round(no_fit_ok / unanswerable, 3) if unanswerable else None,
        "cut_off": round(cut_off / answerable, 3) if answerable else None,
        "threshold": getattr(index, "threshold", None),
        "search_ms_p95": round(1000 * latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 2),
        "misses": misses,
        "unmatched_labels": sorted(unmatched),
        "calibration": calibrate(best_similarity),
    }


def _titles(hits: Sequence[Any]) -> list[str]:
    return [hit.story.title + ("" if hit.fits else " (no fit)") for hit in hits]


def _sets(args: argparse.Namespace) -> list[tuple[str, Path, list[str] | None]]:
    """(name, labels file, documents or None for the sample bank) for every set asked for."""
    if args.labels or args.docs:
        return [(str(args.labels or LABELS), args.labels or LABELS, args.docs)]
    chosen: list[tuple[str, Path, list[str] | None]] = []
    for name in args.set or ["sample"]:
        if name == "sample":
            chosen.append(("sample", LABELS, None))
            continue
        folder = Path(name)
        docs = sorted(str(p) for p in (folder / "docs").glob("*") if p.is_file())
        if not docs:
            raise ValueError(f"{folder}: no documents in {folder / 'docs'}")
        chosen.append((folder.name, folder / "labels.yaml", docs))
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m evals.retrieval", description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", metavar="DIR", help="a set folder (docs/ + labels.yaml) or sample")
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "hashing", "bm25", "openai"))
    parser.add_argument("--labels", type=Path, help="labels YAML (default evals/retrieval.yaml)")
    parser.add_argument("--docs", nargs="+", metavar="PATH", help="story documents (default: the sample bank)")
    parser.add_argument("--index", type=Path, help="index directory (default: in the data dir)")
    parser.add_argument("--no-competency", action="store_true", help="ignore the labels' competency (no boost)")
    parser.add_argument("--calibrate", action="store_true", help="print the best 'fits' threshold for each set")
    parser.add_argument("--min-recall3", type=float, help="exit 1 when Recall@3 is below this")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from knowledge.index import open_story_index

    reports: list[dict[str, Any]] = []
    try:
        for name, labels_path, docs in _sets(args):
            labels = load_labels(labels_path)
            index = open_story_index(docs, index_dir=args.index, embedder=args.embedder)
            index.warm()  # the one-off session load is not a search latency
            report = evaluate(labels, index, use_competency=not args.no_competency)
            reports.append({"set": name, "embedder": index.embedder_name, **report, "notices": index.notices})
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out: Any = reports[0] if len(reports) == 1 else reports
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            print_report(report, show_calibration=args.calibrate)
    low = [r for r in reports if r["recall_at_3"] is not None and r["recall_at_3"] < (args.min_recall3 or 0)]
    return 1 if args.min_recall3 is not None and low else 0


if __name__ == "__main__":
    sys.exit(main())
