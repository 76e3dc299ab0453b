"""`--resume ID` of a session another process is running is refused at once, before the banner and the spinner
(sweep22 S3: the second process showed "Getting the interview ready… (you can start typing)" for 8-10 s, took a
typed answer, then refused and dropped it); a bare `--resume` that would pick that session too (sweep23 S1: 5 s of
the same spinner). Real pty for both processes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."


@pytest.mark.parametrize("named", [True, False], ids=["resume-id", "bare-resume"])
def test_resuming_a_session_open_elsewhere_is_refused_before_anything_is_asked(
    isolated_data_dir: Path, named: bool
) -> None:
    first = Terminal(ARGS)
    try:
        first.wait_for_prompt()
        first.submit(FIRST)
        first.wait_for("Question 2/2")
        first.wait_for_prompt()  # the first process holds the session, waiting for an answer
        with sqlite3.connect(isolated_data_dir / "sessions.sqlite") as db:
            ((thread_id,),) = db.execute("SELECT thread_id FROM interview_sessions").fetchall()
        second = Terminal(["--resume", thread_id] if named else ["--resume"])
        try:
            second.wait_for("open in another process")
            assert second.exit_code() == 2
            while second._read():
                pass
            screen = second.text()
        finally:
            second.close()
    finally:
        first.close()
    assert "Getting the interview ready" not in screen and "Resuming session" not in screen, screen
    assert f"error: session {thread_id} is open in another process (pid {first.proc.pid}" in screen, screen
