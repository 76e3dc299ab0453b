"""`/feedback off` is in the transcript's context, also when it was chosen before a resume (sweep: the transcript
said "feedback": true for a session that held every critique back)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]


def _run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, timeout=120)  # fmt: skip


def test_feedback_off_is_recorded_in_the_transcript_across_a_resume(isolated_data_dir: Path) -> None:
    first = _run(*ARGS, stdin="/feedback off\nI cut deploys from 40 to 9 minutes in a quarter.\n")
    assert first.returncode == 3, first.stderr  # the scripted answers ran out at question 2: saved
    resumed = _run("--resume", stdin="I mentored two engineers into tech leads within a year.\n")
    assert resumed.returncode == 0, resumed.stderr
    (transcript,) = (isolated_data_dir / "reports").glob("*.json")
    assert json.loads(transcript.read_text(encoding="utf-8"))["context"]["feedback"] is False
