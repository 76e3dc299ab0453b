"""A draft typed at question 1 and not submitted survives Ctrl-C, Ctrl-D and a closed terminal, with nothing answered
yet: the session is kept for it (not dropped as empty), the screen gives the exact resume command, `--list-sessions`
shows it, a new session started meanwhile does not prune it, and a bare `--resume` opens question 1 with the draft in
the prompt. Also when the stop comes while the interview is still getting ready. Real pty, real session database."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_early_answer_durable import _docs
from tests.test_session_cli import answers_in, only_transcript
from tests.test_session_tty import REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
DRAFT = "Half typed: I got four teams to adopt trunk-based delivery by"
KEYS = {"ctrl-c": ("\x03", 130), "ctrl-d": ("\x04", 0)}


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, timeout=120, env=dict(os.environ))  # fmt: skip


def _wait_until_started(data_dir: Path) -> None:
    """Until the graph has saved question 1 (the session start beside the prompt is done, or nearly)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = sqlite3.connect(f"file:{data_dir / 'sessions.sqlite'}?mode=ro", uri=True, timeout=1)
            try:
                if conn.execute("SELECT count(*) FROM checkpoints").fetchone()[0]:
                    return
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # not created yet
        time.sleep(0.1)
    raise AssertionError("the session never saved its first question")


def _resume_and_finish(data_dir: Path, *args: str) -> None:
    """`--resume [ID]` at a terminal: question 1 with the draft in the prompt; finish it, then /end."""
    resumed = Terminal(["--resume", *args])
    try:
        resumed.wait_for("Question 1/2")
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(DRAFT)  # the prompt starts with it
        resumed.type(" pairing with their leads.\x1b\r")
        resumed.wait_for_prompt(after="Question 2/2")
        resumed.type("/end\r")
        resumed.wait_for("Transcript:")
        assert resumed.exit_code() == 0
    finally:
        resumed.close()
    assert answers_in(only_transcript(data_dir)) == [DRAFT + " pairing with their leads."]


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d", "hang-up"])
def test_a_draft_at_question_1_keeps_the_session_to_resume(isolated_data_dir: Path, how: str) -> None:
    term = Terminal(ARGS, controlling=how == "hang-up")
    try:
        term.wait_for_prompt(after="Question 1/2")
        _wait_until_started(isolated_data_dir)  # beside the prompt: a stop now meets the session running
        term.type(DRAFT)
        term.wait_for(DRAFT)
        if how == "hang-up":
            term.hang_up()
            assert term.proc.wait(timeout=60) == 129
            command = None
        else:
            key, code = KEYS[how]
            term.type(key)
            term.wait_for("Resume with")
            assert term.exit_code() == code
            screen = term.text()
            assert "nothing was saved" not in screen and "not kept" not in screen
            assert "draft you had typed is kept" in screen
            command = re.search(r"Resume with: (\S+ -m agent\.session --resume (\S+))", screen)
            assert command is not None and command.group(1).startswith(sys.executable)
    finally:
        term.close()
    listed = _run("--list-sessions")
    assert "draft kept" in listed.stdout, listed.stdout
    fresh = _run(*ARGS, "--seed", "4", stdin="/end\n")  # another session starts (and prunes empty ones), ends
    assert fresh.returncode == 0, fresh.stderr
    for path in (isolated_data_dir / "reports").glob("*"):
        path.unlink()  # only the resumed session's transcript is read below
    _resume_and_finish(isolated_data_dir, *([command.group(2)] if command else []))


def test_a_draft_typed_while_the_interview_gets_ready_is_kept(isolated_data_dir: Path, tmp_path: Path) -> None:
    # 1000 cold documents keep the start busy well past the Ctrl-C: the session is not in the database yet
    term = Terminal([*ARGS, "--docs", str(_docs(tmp_path, 1000))], controlling=True)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type(DRAFT)
        term.wait_for(DRAFT)  # the prompt took it all (it echoes what it took)
        term.type("\x03")
        term.wait_for("Resume with")
        assert term.exit_code() == 130
        screen = term.text()
    finally:
        term.close()
    assert "Stopped while the interview was getting ready" in screen
    assert "draft you had typed is kept" in screen and "nothing was saved" not in screen
    command = re.search(r"--resume (\S+)", screen)
    assert command is not None
    _resume_and_finish(isolated_data_dir, command.group(1))
