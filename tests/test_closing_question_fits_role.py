"""The closing points at a prepared question that fits the role interviewed for: a question about "the director"
closes a director's interview, not an engineer's or an engineering manager's (newcomer37 N14), and when every
prepared question is about another job none of them is offered. Scripted sessions of the real CLI over invented
notes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STORY = """\
# Prep

## Story: Retiring the nightly export

The nightly export to the warehouse kept failing and nobody owned it. I moved it to an hourly incremental job,
added a row-count check and wrote the runbook. Failed runs went from 9 a month to 1.

## Questions for them

"""
DIRECTOR_ONLY = "- What does the director have to show by the end of the first year?\n"
ANY_ROLE = "- Which part of the platform do teams complain about most?\n"


def _closing(tmp_path: Path, role: str, questions: str) -> str:
    notes, answers = tmp_path / "prep.md", tmp_path / "answers.json"
    notes.write_text(STORY + questions, encoding="utf-8")
    answers.write_text(json.dumps(["I made the export incremental and failed runs fell from 9 a month to 1."]))
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", role, "--offline", "--questions", "1",
         "--follow-ups", "0", "--embedder", "hashing", "--docs", str(notes), "--answers", str(answers)],
        capture_output=True, text=True, cwd=REPO, timeout=180, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    closing = str(json.loads(transcript.read_text(encoding="utf-8"))["closing"])
    assert " ".join(closing.split()[-6:]) in " ".join(run.stdout.split()), "the closing is shown"
    return closing


@pytest.mark.usefixtures("isolated_data_dir")
@pytest.mark.parametrize("role", ["senior-genai-engineer", "engineering-manager"])
def test_a_question_about_the_director_does_not_close_another_role(tmp_path: Path, role: str) -> None:
    closing = _closing(tmp_path, role, DIRECTOR_ONLY + ANY_ROLE)
    assert "director" not in closing.lower()
    assert '"Which part of the platform do teams complain about most?"' in closing


@pytest.mark.usefixtures("isolated_data_dir")
def test_the_director_question_still_closes_a_director_interview(tmp_path: Path) -> None:
    closing = _closing(tmp_path, "director", DIRECTOR_ONLY + ANY_ROLE)
    assert '"What does the director have to show by the end of the first year?"' in closing


@pytest.mark.usefixtures("isolated_data_dir")
def test_no_prepared_question_is_offered_when_none_fits(tmp_path: Path) -> None:
    closing = _closing(tmp_path, "engineering-manager", DIRECTOR_ONLY)
    assert "first year" not in closing
    assert "ask about the director, so they suit another interview" in closing
