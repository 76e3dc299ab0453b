"""`python -m evals.retrieval`: Recall@k over labelled questions, misses and label problems reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.retrieval import main

DOC = """# Stories

## Story 1: Untangling the Nightly Batch

**Situation:** The nightly batch that fed finance dashboards ran for eleven hours and often missed the morning.
**Task:** Get it under four hours without rewriting every job.
**Action:** I profiled the slowest stages, partitioned the biggest table by day and parallelised the joins.
**Result:** Runtime fell to three hours and the dashboards were ready by 6 am every day that quarter.

## Story 2: Coaching a Reluctant Manager

**Situation:** A strong engineer I promoted to manager was avoiding hard conversations with her team.
**Task:** Help her grow into the role instead of quietly taking it back.
**Action:** We role-played two difficult feedback talks and I sat in on her first skip-level meeting.
**Result:** Six months later her team's engagement score was the highest in my org.
"""

LABELS = """
- question: "How did you speed up a nightly batch that kept missing its deadline?"
  competency: data_platform
  relevant: ["Untangling the Nightly Batch"]
- question: "Tell me about developing a new manager who was struggling."
  relevant: ["coaching a reluctant"]
- question: "What is your favourite programming language?"
  relevant: ["A Story Nobody Wrote"]
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    doc = tmp_path / "bank.md"
    doc.write_text(DOC, encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text(LABELS, encoding="utf-8")
    return doc, labels


def test_recall_and_misses_are_reported(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    doc, labels = files
    code = main(["--labels", str(labels), "--docs", str(doc), "--embedder", "hashing", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["questions"] == 3 and report["stories"] == 2 and report["embedder"] == "hashing"
    # Two of three labelled questions find their story first; the third names a story that does not exist.
    assert report["recall_at_1"] == pytest.approx(2 / 3, abs=0.001)
    assert report["recall_at_3"] == pytest.approx(2 / 3, abs=0.001)
    assert [m["question"] for m in report["misses"]] == ["What is your favourite programming language?"]
    assert report["unmatched_labels"] == ["A Story Nobody Wrote"]


def test_threshold_and_text_report(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    doc, labels = files
    assert main(["--labels", str(labels), "--docs", str(doc), "--embedder", "bm25", "--min-recall3", "0.9"]) == 1
    out = capsys.readouterr().out
    assert "Recall@1 0.667   Recall@3 0.667" in out
    assert "! label matches no story: 'A Story Nobody Wrote'" in out


def test_unusable_labels_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "labels.yaml"
    bad.write_text("- question: 'no relevant list'\n", encoding="utf-8")
    assert main(["--labels", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}: invalid label at") and "\n" not in err
    assert main(["--labels", str(tmp_path / "missing.yaml")]) == 2
