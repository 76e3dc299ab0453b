"""The closing points at a question the candidate prepared for the interviewer: one that names no company or
product when the notes have one, else the first, said to be written for one company (newcomer30 N25: a question
about another company's product closed every interview). Scripted sessions of the real CLI over invented notes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STORY = """\
# My prep

## Story: Cutting the search bill

Our search cluster cost too much and I owned its budget. I profiled which indexes were queried, moved cold ones to
cheaper storage and turned off two idle replicas. The monthly bill fell from $42,000 to $27,000.

## Questions to ask the interviewer

"""
NAMED = "- How does Northwind's platform group decide what Quillstack builds next?\n"
PORTABLE = "- What would make someone in this role successful after six months?\n"


def _closing(tmp_path: Path, questions: str) -> str:
    notes, answers = tmp_path / "prep.md", tmp_path / "answers.json"
    notes.write_text(STORY + questions, encoding="utf-8")
    answers.write_text(json.dumps(["I profiled the queries and cut the bill from $42,000 to $27,000 a month."]))
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--offline", "--questions", "1",
         "--follow-ups", "0", "--embedder", "hashing", "--docs", str(notes), "--answers", str(answers)],
        capture_output=True, text=True, cwd=REPO, timeout=180, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    closing = json.loads(transcript.read_text(encoding="utf-8"))["closing"]
    assert " ".join(closing.split()[:4]) in " ".join(run.stdout.split()), "the closing is shown"
    return str(closing)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_question_naming_no_company_is_the_one_pointed_at(tmp_path: Path) -> None:
    closing = _closing(tmp_path, NAMED + PORTABLE)
    assert '"What would make someone in this role successful after six months?"' in closing
    assert "Northwind" not in closing


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_question_written_for_one_company_is_said_to_be(tmp_path: Path) -> None:
    closing = _closing(tmp_path, NAMED)
    assert 'Quillstack builds next?" It names Northwind, Quillstack: written for one company' in closing
