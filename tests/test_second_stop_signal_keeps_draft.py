"""A second stop signal that lands before the first stop has kept the draft (SIGTERM twice, or Ctrl-C then SIGTERM,
as a supervisor or a closing terminal sends them) waits for that keep: the draft typed at the prompt is on disk and
the save line is on screen (sweep 37 S88/S89: a second SIGTERM within 50 ms left at once; the screen said nothing and
the end of the draft was gone). The moment is made certain by tests/slow_hook.py: the stop's first step
(cli_signals.rearm) pauses until the second signal has been sent. Real pty, real answer journal."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.slow_hook import release, slow_call
from tests.test_first_draft_kept import _run
from tests.test_session_tty import PATIENCE, Terminal
from tests.test_submit_durable_tty import _holds

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I took our release train from monthly to weekly; rollbacks went from nine a quarter to two."
START = "Begun: the vendor deal slipped twice, so I"
TAIL = ", then rewrote the clause"


def _saved(term: Terminal, pending: Path, text: str) -> None:
    """Wait until the draft saver has put `text` in the session's answer journal (a deadline for a hang only; the
    message says what the journal folder held, so a failure tells a slow saver from one that wrote nothing)."""
    start = time.monotonic()
    while not any(_holds(t, text) for t in pending.glob("*.json")):
        if time.monotonic() - start > PATIENCE or term.proc.poll() is not None:
            held = {t.name: _tail(t) for t in pending.glob("*")} if pending.is_dir() else "no pending/ folder"
            raise AssertionError(f"{text!r} not saved in {time.monotonic() - start:.0f} s; pending/: {held}; "
                                 f"screen:\n{term.text()[-1500:]}")  # fmt: skip
        term._read()  # what the session prints meanwhile is in the message above (stop 40: 240 s, none shown)


def _tail(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-300:]
    except OSError as exc:  # renamed into place meanwhile
        return str(exc)


@pytest.mark.parametrize("first", [signal.SIGTERM, signal.SIGINT], ids=["term-term", "int-term"])
def test_a_second_sigterm_before_the_draft_is_kept_waits_for_it(
    first: signal.Signals, isolated_data_dir: Path, tmp_path: Path
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.cli_signals", "rearm", seconds=60)
    term = Terminal(ARGS, extra_env=env)
    pending = isolated_data_dir / "pending"
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/2")
        term.type_seen(START)
        _saved(term, pending, START)  # the saver has written the start of the draft
        term.type_seen(TAIL)  # the saver's next write is SAVE_EVERY s away: the stop keeps this part (its save line)
        term.proc.send_signal(first)
        term.wait_for_mark(mark)  # the first stop has begun and kept nothing yet
        term.proc.send_signal(signal.SIGTERM)
        term.wait_delivered(signal.SIGTERM)  # so its handler runs in the pause (it left at once, before the fix)
        release(mark)
        exited = term.proc.wait(timeout=PATIENCE)
        said = term.said()
    finally:
        term.close()
    assert any(_holds(t, START + TAIL) for t in pending.glob("*.json")), said[-1500:]
    assert "draft you had typed is kept" in said, said[-1500:]
    assert "Traceback" not in said and "Exception ignored" not in said, said[-1500:]
    assert exited == (130 if first == signal.SIGINT else 128 + signal.SIGTERM), said[-1500:]  # the first stop's
    assert "draft kept" in _run("--list-sessions").stdout
