"""A draft typed at the prompt and not submitted survives a kill -9, at question 1 as at a later question: the
session is listed with its draft kept, and `--resume ID` opens the question with the draft in the prompt
(newcomer37 N12: typed at question 1 of a `--docs` session, kill -9, the session was not listed and the resume's
prompt was empty). Real pty, real session database, a real SIGKILL: nothing of the program runs at the stop."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_first_draft_kept import _wait_until_started
from tests.test_session_cli import answers_in, only_transcript
from tests.test_session_tty import PATIENCE, REPO, Terminal
from tests.test_submit_durable_tty import _holds

LINES = ("I made every platform change ship behind a flag with an owner on call,", "and a rollback drill each month.")
LATER = "Second answer in progress: we cut the flaky suite from 300 tests to 40"


def _notes(tmp_path: Path) -> Path:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "prep.md").write_text(
        "## 1. Release train\n- Situation: releases slipped two weeks a quarter\n- I set a fixed weekly train\n"
        "- Result: slips fell to one in six months\n\n## 2. On-call reset\n- Situation: 30 pages a week\n"
        "- I moved alerts to the owning teams\n- Result: 8 pages a week\n",
        encoding="utf-8",
    )
    return notes


def _saved(term: Terminal, typed: str, data_dir: Path) -> None:
    """Wait until the saver has written the draft."""
    # a user who pauses after typing: until the saver's write is done (was a fixed sleep first; a deadline for a hang)
    deadline = time.monotonic() + PATIENCE
    while not any(_holds(t, typed) for t in (data_dir / "pending").glob("*.json")):
        assert time.monotonic() < deadline and term.proc.poll() is None, f"{typed!r} not saved: {term.text()[-1500:]}"
        time.sleep(0.05)


def _killed(term: Terminal, typed: str, data_dir: Path) -> str:
    """Wait until the saver has written the draft, kill -9 the session; its id from the banner."""
    _saved(term, typed, data_dir)
    term.proc.send_signal(signal.SIGKILL)
    assert term.proc.wait(timeout=60) == -signal.SIGKILL
    return _session(term)


def _session(term: Terminal) -> str:
    """The session id the banner shows."""
    found = re.search(r"Session: (\S+)", term.text())
    assert found is not None, term.text()[-1500:]
    return found.group(1)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120, env=dict(os.environ))  # fmt: skip


def _listed(session: str) -> str:
    listed = _run("--list-sessions")
    row = " ".join(listed.stdout.split())
    assert session in row, listed.stdout
    return row


@pytest.mark.parametrize("started", [False, True], ids=["while-it-gets-ready", "started"])
def test_a_draft_at_question_1_survives_kill_9(isolated_data_dir: Path, tmp_path: Path, started: bool) -> None:
    args = ["--role", "engineering-manager", "--docs", str(_notes(tmp_path)), "--embedder", "hashing", "--seed", "5",
            "--questions", "2", "--follow-ups", "0"]  # fmt: skip
    term = Terminal(args)
    try:
        term.wait_for_prompt(after="Question 1/2")
        if started:
            _wait_until_started(isolated_data_dir)  # registered in the database, nothing answered
            assert "open now" in _listed(_session(term))  # listed while the question is asked
        term.type(f"{LINES[0]}\r{LINES[1]}\r")
        term.wait_for(LINES[1])
        if started:  # the draft saved while the session runs: still open now, not a kept draft (sweep 42b G2)
            _saved(term, LINES[1], isolated_data_dir)
            row = _listed(_session(term))
            assert "open now" in row and "draft kept, nothing answered" not in row, row
        session = _killed(term, LINES[1], isolated_data_dir)
    finally:
        term.close()
    assert "draft kept" in _listed(session)
    wrong = _run("--resume", "20000101-0000-engineering-manager-000000000000")
    assert wrong.returncode == 2 and session in wrong.stderr, wrong.stderr  # named among the recent sessions
    resumed = Terminal(["--resume", session])
    try:
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(LINES[1])
        resumed.type("\x1b\r")  # submitted as it was typed
        resumed.wait_for_prompt(after="Question 2/2")
        resumed.type("/end\r")
        resumed.wait_for("Transcript:")
        assert resumed.exit_code() == 0
    finally:
        resumed.close()
    assert [a.strip() for a in answers_in(only_transcript(isolated_data_dir))] == ["\n".join(LINES)]


def test_a_draft_at_question_2_survives_kill_9(isolated_data_dir: Path) -> None:
    term = Terminal(["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2",
                     "--follow-ups", "0"])  # fmt: skip
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type("I moved four teams to trunk-based delivery; lead time fell from 9 days to 2.\x1b\r")
        term.wait_for_prompt(after="Question 2/2")
        term.type(LATER)
        term.wait_for(LATER)
        session = _killed(term, LATER, isolated_data_dir)
    finally:
        term.close()
    assert "draft kept" in _listed(session)
    resumed = Terminal(["--resume", session])
    try:
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(LATER)
        resumed.type(".\x1b\r")
        resumed.wait_for("Transcript:")
        assert resumed.exit_code() == 0
    finally:
        resumed.close()
    assert answers_in(only_transcript(isolated_data_dir))[-1] == LATER + "."
