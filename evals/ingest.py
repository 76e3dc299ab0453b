"""Measure ingestion against hand-counted prep documents: story and question recall and precision.

    python -m evals.ingest [--fixtures DIR] [--json]

DIR (default tests/fixtures/classes) holds one document per document class and EXPECTED.yaml with every
retrievable item (title, kind, linked questions, unfinished), the references that must never be retrievable, and
every interview question (its header explains the format). Items match by title, questions by text (case and
punctuation ignored). Stories: recall = expected items found / expected items; precision = found retrievable
items (kind story or answer) that were expected / found retrievable items. Kinds, links and unfinished flags are
compared on the matched items. Exit 0, or 1 when anything was missed or a wrong item was found.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from knowledge.ingest import ingest_paths
from knowledge.models import Story

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "classes"


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def measure_file(path: Path, want: dict[str, Any]) -> dict[str, Any]:
    """Matches, misses and extras of one document."""
    result = ingest_paths([path])
    kept = [s for s in result.stories if s.kind != "reference"]
    by_title: dict[str, Story] = {norm(s.title): s for s in [*result.stories, *result.references]}
    items = want.get("items", [])
    missed = [i["title"] for i in items if norm(i["title"]) not in by_title]
    expected_titles = {norm(i["title"]) for i in items}
    extra = [s.title for s in kept if norm(s.title) not in expected_titles]
    wrong: list[str] = []
    for item in items:
        story = by_title.get(norm(item["title"]))
        if story is None:
            continue
        if story.kind != item["kind"]:
            wrong.append(f"{story.title}: kind {story.kind}, expected {item['kind']}")
        if [norm(q) for q in story.questions] != [norm(q) for q in item.get("questions", [])]:
            wrong.append(f"{story.title}: linked {story.questions}, expected {item.get('questions', [])}")
        if story.unfinished != bool(item.get("unfinished", False)):
            wrong.append(f"{story.title}: unfinished {story.unfinished}")
    for title in want.get("references", []):
        story = by_title.get(norm(title))
        if story is not None and story.kind != "reference":
            wrong.append(f"{story.title}: kind {story.kind}, expected reference")
    asked = {norm(q.text) for q in result.questions}
    expected_q = [norm(q) for q in want.get("questions", [])]
    return {
        "file": path.name,
        "stories": {"expected": len(items), "found": len(kept), "missed": missed, "extra": extra},
        "questions": {
            "expected": len(expected_q),
            "found": len(asked),
            "missed": [q for q in want.get("questions", []) if norm(q) not in asked],
            "extra": [q.text for q in result.questions if norm(q.text) not in set(expected_q)],
        },
        "candidate": {"expected": want.get("candidate", 0), "found": len(result.candidate_questions)},
        "wrong": wrong,
    }


def totals(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Recall and precision of stories and questions over all documents."""
    out: dict[str, dict[str, float]] = {}
    for key in ("stories", "questions"):
        expected = sum(r[key]["expected"] for r in rows)
        found = sum(r[key]["found"] for r in rows)
        hits = expected - sum(len(r[key]["missed"]) for r in rows)
        right = found - sum(len(r[key]["extra"]) for r in rows)
        out[key] = {
            "expected": expected,
            "found": found,
            "recall": round(hits / expected, 3) if expected else 1.0,
            "precision": round(right / found, 3) if found else 1.0,
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.ingest", description=__doc__.split("\n")[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder with documents and EXPECTED.yaml")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    expected = yaml.safe_load((args.fixtures / "EXPECTED.yaml").read_text(encoding="utf-8"))
    rows = [measure_file(args.fixtures / name, want) for name, want in expected.items()]
    summary = totals(rows)
    if args.json:
        print(json.dumps({"files": rows, "total": summary}, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            s, q = row["stories"], row["questions"]
            print(f"{row['file']}: stories {s['expected'] - len(s['missed'])}/{s['expected']} found"
                  f" (+{len(s['extra'])} extra), questions {q['expected'] - len(q['missed'])}/{q['expected']}"
                  f" (+{len(q['extra'])} extra), candidate {row['candidate']['found']}/{row['candidate']['expected']}")
            for label, values in (("missed", s["missed"] + q["missed"]), ("extra", s["extra"] + q["extra"])):
                for value in values:
                    print(f"  {label}: {value}")
            for problem in row["wrong"]:
                print(f"  wrong: {problem}")
        for key, t in summary.items():
            print(f"{key}: recall {t['recall']:.3f} precision {t['precision']:.3f} "
                  f"({t['expected']} expected, {t['found']} found)")
    clean = all(not r["wrong"] and r["candidate"]["found"] == r["candidate"]["expected"] for r in rows)
    perfect = all(t["recall"] == 1.0 and t["precision"] == 1.0 for t in summary.values())
    return 0 if clean and perfect else 1


if __name__ == "__main__":
    sys.exit(main())
