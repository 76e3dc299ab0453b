"""evals.retrieval_calibrate: the "no fit" threshold per bank size and its log fit, on a small made-up set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evals.retrieval_calibrate import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "classes"


def test_thresholds_rise_with_the_bank_and_a_log_fit_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    docs = tmp_path / "set" / "docs"
    docs.mkdir(parents=True)
    for name in ("mail-folder-export.txt", "readme-story-bank.md", "word-pandoc-export.md", "outliner-page.md"):
        shutil.copy(FIXTURES / name, docs / name)
    (tmp_path / "set" / "labels.yaml").write_text(
        '- {question: "Tell me about an outage you handled as the manager.", relevant: ["the midnight rollback"]}\n'
        '- {question: "Tell me about negotiating with a labour union.", relevant: []}\n'
        '- {question: "Describe organising a charity bake sale.", relevant: []}\n'
        '- {question: "How did you choose a new office building?", relevant: []}\n',
        encoding="utf-8",
    )
    assert main(["--set", str(tmp_path / "set"), "--sizes", "3,6,12", "--draws", "3"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("N=")]
    assert len(rows) == 3
    values = [float(line.split("threshold ")[1].split()[0]) for line in rows]
    assert values[0] <= values[-1]  # the best of more stories scores higher on a question none answers
    assert "fit: threshold(N) = " in out
