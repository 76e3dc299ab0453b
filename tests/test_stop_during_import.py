"""SIGTERM while the session's start is still importing its modules, just after an answer was submitted: the stop
says the answer is saved and exits 143, never a traceback with exit 1 (sweep28 S16: the exit path called a function
of agent.coaching.record while another thread was still importing it: "partially initialized module"). Real pty,
real SIGTERM; the moment is made certain by holding that import in the child (tests.slow_hook.slow_import)."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.slow_hook import slow_import
from tests.test_session_tty import ARGS, Terminal

ANSWER = "I moved our alerting to error budgets and pages per week fell from 30 to 11 in two months."


def test_sigterm_while_the_start_imports_its_modules_exits_143_without_a_traceback(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    env, mark = slow_import(tmp_path / "hook", "agent.coaching.record", seconds=30)
    term = Terminal([*ARGS, "--questions", "2"], extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for_mark(mark, 120)
        term.wait_for("Getting the interview ready")  # submitted while the start is held in that import
        term.proc.send_signal(signal.SIGTERM)
        code = term.proc.wait(timeout=60)
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert "Traceback" not in screen and "partially initialized" not in screen, screen[-1500:]
    assert code == 143, screen[-1500:]
    assert "Your answer is saved" in screen, screen[-1500:]
    (journal,) = (isolated_data_dir / "pending").glob("*.json")
    assert ANSWER in journal.read_text(encoding="utf-8")
