"""One prep document per document class (issue 10), hand counted in tests/fixtures/classes/EXPECTED.yaml: every
story and question found, nothing else retrievable, kinds, links and unfinished flags as counted, and STAR parts
that stop where they should."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from evals.ingest import FIXTURES, measure_file, norm, totals
from knowledge.ingest import ingest_paths

EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((FIXTURES / "EXPECTED.yaml").read_text(encoding="utf-8"))


def test_every_class_document_has_hand_counts() -> None:
    docs = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt", ".org", ".adoc"))
    assert docs == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_items_questions_kinds_and_links_match_hand_counts(name: str) -> None:
    row = measure_file(FIXTURES / name, EXPECTED[name])
    assert row["stories"]["missed"] == [] and row["questions"]["missed"] == []
    assert row["stories"]["extra"] == [] and row["questions"]["extra"] == []
    assert row["wrong"] == []
    assert row["candidate"]["found"] == row["candidate"]["expected"]


@pytest.mark.parametrize("name", sorted(n for n, want in EXPECTED.items() if want.get("parts")))
def test_star_parts_are_filled_and_stop_where_they_should(name: str) -> None:
    stories = {norm(s.title): s for s in ingest_paths([FIXTURES / name]).stories}
    for title, parts in EXPECTED[name]["parts"].items():
        story = stories[norm(title)]
        for part, never in parts.items():
            value = getattr(story, part)
            if never in ("FILL", "TODO", "[?]"):
                assert value == "", (title, part, value)  # a placeholder is not a part
            else:
                assert value and never not in value, (title, part, value)


def test_the_bar_recall_one_precision_at_least_095() -> None:
    rows = [measure_file(FIXTURES / name, want) for name, want in EXPECTED.items()]
    summary = totals(rows)
    assert summary["stories"]["recall"] == 1.0 and summary["questions"]["recall"] == 1.0
    assert summary["stories"]["precision"] >= 0.95 and summary["questions"]["precision"] >= 0.95


def test_measure_command_prints_the_figures() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "evals.ingest"], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "stories: recall 1.000 precision 1.000" in run.stdout
    assert "questions: recall 1.000 precision 1.000" in run.stdout


def test_cli_json_carries_kinds_links_and_unfinished_flags() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(FIXTURES / "question-map.md"), "--json"],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    payroll = next(s for s in doc["stories"] if s["title"] == "The payroll cut-over")
    assert payroll["kind"] == "story" and payroll["unfinished"] is False
    assert payroll["questions"] == ["Time you met a tough deadline", "Time you changed someone's mind"]
    linked = {q["text"]: q["story_ids"] for q in doc["questions"]}
    assert linked["Time you changed someone's mind"] == [payroll["id"]]
