"""A damaged answer journal met when a session is resumed is moved aside and said in one line naming where it is
kept (sweep 35 K12: renamed `.damaged-<stamp>` without a word, so an answer it held would be set aside unseen)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"}, "NO_COLOR": "1", "COLUMNS": "400"}
    return subprocess.run([sys.executable, "-m", "agent.session", *args, "--data-dir", str(folder)],
                          capture_output=True, text=True, timeout=120, cwd=REPO, env=env,
                          stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.mark.parametrize("by_id", [False, True])
def test_a_damaged_journal_is_said_when_the_session_resumes(tmp_path: Path, by_id: bool) -> None:
    folder = tmp_path / "data"
    answers = tmp_path / "answers.txt"
    answers.write_text("I split the test suite across four runners; builds went from 40 minutes to 9.\n", "utf-8")
    first = _run(folder, "--role", "director", "--questions", "2", "--follow-ups", "0", "--offline",
                 "--answers", str(answers))  # fmt: skip
    assert first.returncode == 3, first.stderr  # one answer for two questions: saved, unfinished
    with closing(sqlite3.connect(folder / "sessions.sqlite")) as conn:
        (session,) = conn.execute("SELECT thread_id FROM interview_sessions").fetchone()
    journal = folder / "pending" / f"{session}.json"
    journal.parent.mkdir(mode=0o700, exist_ok=True)
    journal.write_text('{"answers": [not json', encoding="utf-8")
    resumed = _run(folder, "--resume", *([session] if by_id else []), "--answers", str(answers))
    assert resumed.returncode == 0, resumed.stderr
    (aside,) = journal.parent.glob(f"{session}.json.damaged-*")
    said = [line for line in (resumed.stdout + resumed.stderr).splitlines() if "answer journal" in line]
    assert len(said) == 1 and f"{journal}" in said[0] and f"{aside}" in said[0], resumed.stdout[-2000:]
