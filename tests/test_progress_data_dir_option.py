"""`python -m agent.progress --data-dir DIR` reads the sessions of DIR as `agent.session --data-dir DIR` keeps them
(newcomer39 N2: progress had no such option, so one who ran sessions with it saw "no sessions" unless they knew the
environment variable). Same semantics and errors as the session's option: it wins over INTERVIEWER_DATA_DIR, a
relative folder is read from the current one, an empty value or a file in the folder's place is one line and exit 2
naming --data-dir, and the hint printed for a folder with no sessions keeps the folder."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

from agent.coaching.feed import AnswerRecord, FileFeed, SessionSummary
from knowledge.roles import load_role

REPO = Path(__file__).resolve().parents[1]


def _progress(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"}
    return subprocess.run([sys.executable, "-m", "agent.progress", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, stdin=subprocess.DEVNULL,
                          env={**base, "NO_COLOR": "1", "COLUMNS": "250", **(env or {})})  # fmt: skip


def _earlier_session(folder: Path) -> None:
    """One graded director session (two answers) in the folder's history, as a finished session leaves it."""
    competency = {q.id: q.competency for q in load_role("director").questions}
    answers = [AnswerRecord(question_id=qid, question=qid, competency=competency[qid], type="behavioral", score=s)
               for qid, s in (("big-migration", 4), ("hiring-mistake", 2))]  # fmt: skip
    FileFeed(folder / "history").record(SessionSummary(thread_id="20251110-0800-director-0000000000c1",
                                                       role="director", role_ref="director",
                                                       started="2025-11-10T08:00:00", answers=answers))  # fmt: skip


def test_the_option_reads_that_folder_over_the_variable(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    _earlier_session(mine)
    other.mkdir()
    for folder, cwd in ((str(mine), REPO), ("mine", tmp_path)):  # absolute, then relative to the current folder
        done = _progress("--data-dir", folder, "--json", "--no-coverage", cwd=cwd,
                         env={"INTERVIEWER_DATA_DIR": str(other)})  # fmt: skip
        assert done.returncode == 0, done.stderr
        view = json.loads(done.stdout)
        assert view["role"] == "director" and view["progress"]["sessions"] == 1 and view["progress"]["answers"] == 2


def test_the_option_errors_as_the_session_option_does(tmp_path: Path) -> None:
    empty = _progress("--data-dir", "")
    assert empty.returncode == 2
    assert empty.stderr.strip() == "error: --data-dir needs a value, not an empty string (see --help)"
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    done = _progress("--data-dir", str(blocker), "--no-coverage")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"error: data folder {blocker} is not a folder (check --data-dir)"
    session = subprocess.run([sys.executable, "-m", "agent.session", "--role", "director", "--data-dir", str(blocker)],
                             capture_output=True, text=True, timeout=120, cwd=REPO, stdin=subprocess.DEVNULL,
                             env={k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"})  # fmt: skip
    assert session.stderr.strip() == done.stderr.strip()


def test_a_folder_without_sessions_hints_a_command_that_keeps_it(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    done = _progress("--data-dir", str(folder), "--no-coverage")
    assert done.returncode == 2
    hint = done.stderr.split("run `", 1)[1].split("`", 1)[0]
    assert shlex.split(hint)[-2:] == ["--data-dir", str(folder)], done.stderr
