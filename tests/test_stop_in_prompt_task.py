"""A SIGTERM that lands while the prompt's event loop runs one of its own tasks (the completer prompt_toolkit starts
after each key, a redraw) stops the session as one landing while the prompt waits for a key: the save line, exit
143, the draft kept, and never prompt_toolkit's "Unhandled exception in event loop" traceback with its "Press ENTER
to continue..." (sweep 39 S118, 1 run in 20: the KeyboardInterrupt raised inside that task was kept by the task and
reported by prompt_toolkit as the loop wound down). The moment is made certain by tests/slow_hook.py: the completer's
call for the draft's last word pauses, and the signals are sent while it does. Real pty, real answer journal."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_session_tty import PATIENCE, Terminal
from tests.test_submit_durable_tty import _holds

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "1"]
FIRST = "I moved the payments team off a shared database; incidents went from six a month to one in 2023."
DRAFT = "The follow-up part: we split the schema per service, starting with refunds"


@pytest.mark.parametrize("second", [None, 0.02, 0.1], ids=["once", "twice-20ms", "twice-100ms"])
def test_sigterm_inside_a_prompt_task_shows_no_traceback(
    isolated_data_dir: Path, tmp_path: Path, second: float | None
) -> None:
    # the completer prompt_toolkit runs as a task of its event loop once the draft ends with "refunds"
    env, mark = slow_call(
        tmp_path / "hook", "prompt_toolkit.completion.base", "DummyCompleter.get_completions",
        condition="args[1].text.endswith('refunds')", seconds=1.0,
    )  # fmt: skip
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/1")
        term.submit(FIRST)
        term.wait_for_prompt(after="Follow-up")
        term.type(DRAFT)
        term.wait_for_mark(mark)  # the main thread is inside that task now
        term.proc.send_signal(signal.SIGTERM)
        if second is not None:
            time.sleep(second)
            term.proc.send_signal(signal.SIGTERM)
        exited = term.proc.wait(timeout=PATIENCE)
        said = term.said()
    finally:
        term.close()
    assert "Unhandled exception" not in said and "Press ENTER" not in said, said[-2000:]
    assert "Traceback" not in said and "Exception ignored" not in said, said[-2000:]
    assert exited == 128 + signal.SIGTERM, said[-1500:]
    assert "Session saved" in said and "--resume" in said, said[-1500:]
    assert any(_holds(path, DRAFT) for path in (isolated_data_dir / "pending").glob("*.json")), said[-1500:]
