"""`--resume ID` of a session another process is running is refused at once, before the banner and the spinner
(sweep22 S3: the second process showed "Getting the interview ready… (you can start typing)" for 8-10 s, took a
typed answer, then refused and dropped it); a bare `--resume` that would pick that session too (sweep23 S1: 5 s of
the same spinner). Real pty for both processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_session_tty import PATIENCE, REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."


def _saved_after_one_answer(data_dir: Path) -> str:
    """A session whose piped answer ran out after FIRST (exit 3: saved, resumable); its id."""
    saved = subprocess.run([sys.executable, "-m", "agent.session", *ARGS], input=FIRST + "\n", text=True,
                           capture_output=True, cwd=REPO, timeout=PATIENCE)  # fmt: skip
    assert saved.returncode == 3, saved.stdout + saved.stderr
    with sqlite3.connect(data_dir / "sessions.sqlite") as db:
        ((thread_id,),) = db.execute("SELECT thread_id FROM interview_sessions").fetchall()
    return str(thread_id)


def _refused(args: list[str]) -> str:
    """Run `args` (a resume of a session another process holds) at a terminal: it exits 2; its screen."""
    second = Terminal(args)
    try:
        second.wait_for("open in another process")
        assert second.exit_code() == 2
        second.drain()
        return second.text()
    finally:
        second.close()


def _refused_at_once(screen: str, thread_id: str, pid: int) -> None:
    """Refused before the spinner and the banner, naming the session and the process that holds it."""
    assert "Getting the interview ready" not in screen and "Resuming session" not in screen, screen
    assert f"error: session {thread_id} is open in another process (pid {pid}" in screen, screen


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
        screen = _refused(["--resume", thread_id] if named else ["--resume"])
    finally:
        first.close()
    _refused_at_once(screen, thread_id, first.proc.pid)


@pytest.mark.parametrize("named", [True, False], ids=["resume-id", "bare-resume"])
def test_a_second_resume_while_the_first_gets_ready_is_refused_at_once(isolated_data_dir: Path, named: bool) -> None:
    """sweep25 S4: the first `--resume` took the session's lock only once the session was open (8-10 s of getting
    ready at load), so a second one started meanwhile found nothing held, spun, invited typing, then refused."""
    thread_id = _saved_after_one_answer(isolated_data_dir)
    args = ["--resume", thread_id] if named else ["--resume"]
    first = Terminal(args)
    try:
        first.wait_for("Getting the interview ready")  # the first resume is still loading the session
        screen = _refused(args)
        first.wait_for_prompt(after="Question 2/2")  # the first one resumes as ever
    finally:
        first.close()
    _refused_at_once(screen, thread_id, first.proc.pid)


def test_keys_typed_for_a_refused_resume_never_reach_the_shell(isolated_data_dir: Path) -> None:
    """sweep26 S2: what the candidate typed into a `--resume` that then refused was left in the terminal, and the
    shell read it as its next command line. Run as from a shell, which reads the terminal after the session exits."""
    thread_id = _saved_after_one_answer(isolated_data_dir)
    first = Terminal(["--resume", thread_id])
    try:
        first.wait_for_prompt(after="Question 2/2")  # the first process holds the session
        shell = f'"{sys.executable}" -m agent.session "$@"; echo "RC=$?"; read -t 5 line; echo "LEFTOVER=[$line]"'
        second = Terminal(["--resume", thread_id], program=["bash", "-c", shell, "session"])
        try:
            second.type("echo TYPED-KEYS\r")  # typed at once, while the second session starts
            second.wait_for("LEFTOVER=[")
            second.drain()
            screen = second.text()
        finally:
            second.close()
    finally:
        first.close()
    assert "open in another process" in screen and "RC=2" in screen, screen
    assert "LEFTOVER=[]" in screen, screen
