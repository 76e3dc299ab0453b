"""Ctrl-C, SIGTERM or a hang-up at a y/N question ("Move it aside and start afresh? [y/N]") always ends the process.

A clean-clone CI run hung 240 s after a SIGINT at that question: input() had written the question and not yet begun
its read() when the signal came, so Python only noted it, and the read then waited for a key that never came. The
moment is made certain here (tests/slow_hook.py: input() waits for the signal right there). And a stop that is due
and was not raised (swallowed on the way) is taken before the question, never left behind it.
Real pty, real damaged files, real signals."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.slow_hook import signal_before_read
from tests.test_damaged_database_early_answer import ANSWER, ARGS
from tests.test_damaged_header_first import GARBAGE
from tests.test_persistence import FAST
from tests.test_session_tty import Terminal

QUESTION = "afresh? [y/N]"


def _ended(term: Terminal, how: signal.Signals) -> tuple[int | None, str]:
    """Send `how` at the question; (exit code or None after 60 s, the screen)."""
    term.proc.send_signal(how)
    try:
        exited: int | None = term.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        exited = None  # the hang: reported with the screen
    term.drain()
    return exited, " ".join(term.text().split())


@pytest.mark.parametrize(("how", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stop_just_as_the_damaged_header_question_shows_ends_the_process(
    isolated_data_dir: Path, tmp_path: Path, how: signal.Signals, code: int
) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "sessions.sqlite").write_bytes(GARBAGE)
    term = Terminal([*FAST, "--questions", "1"], extra_env=signal_before_read(tmp_path / "hook"))
    try:
        term.wait_for(QUESTION)
        exited, screen = _ended(term, how)
    finally:
        term.close()
    assert exited == code, screen[-1500:]
    assert "Traceback" not in screen and "Question 1" not in screen, screen[-1500:]
    assert (isolated_data_dir / "sessions.sqlite").read_bytes() == GARBAGE  # untouched: nothing was answered


def test_ctrl_c_just_as_the_question_shows_after_an_early_answer_keeps_the_answer(
    isolated_data_dir: Path, tmp_path: Path, damaged_database: Any
) -> None:
    """The CI hang's own path: an answer submitted while the start meets a damaged database, then the question."""
    damaged_database(ARGS, "A first session's answer.")
    term = Terminal(ARGS, extra_env=signal_before_read(tmp_path / "hook"))
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for(QUESTION)
        exited, screen = _ended(term, signal.SIGINT)
    finally:
        term.close()
    assert exited == 130, screen[-1500:]
    (kept,) = (isolated_data_dir / "pending").glob("*.json")
    assert "Your answer is kept in" in screen and "Traceback" not in screen, screen[-1500:]
    assert ANSWER in json.dumps(json.loads(kept.read_text(encoding="utf-8")))


# A stop that is due and was never raised (a library swallowed its KeyboardInterrupt before the question): the
# question leaves on it, as the next prompt would (cli_signals.check_stop), instead of waiting for a key.
_SWALLOWED = """
import os, signal, time
from agent import cli_signals
from agent.cli_input import confirm
cli_signals.install()
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
except KeyboardInterrupt:
    pass  # swallowed, as a library may
try:
    print("answered:", confirm("Go on? [y/N] "), flush=True)
except KeyboardInterrupt:
    print("left on the stop", flush=True)
    os._exit(130)
"""


def test_a_question_after_a_swallowed_stop_leaves_on_it() -> None:
    term = Terminal([], program=[sys.executable, "-c", _SWALLOWED])
    try:
        try:
            exited: int | None = term.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            exited = None
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert exited == 130 and "left on the stop" in screen, screen[-1500:]
    assert "Go on?" not in screen  # not asked: the stop is taken first
