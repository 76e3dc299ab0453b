"""A stop that arrives once the interview is over (sweep25 S8: SIGTERM ~150 ms after `/end`): the report is saved and
on screen, so the session leaves without a word about it. It printed "Interrupted before the session started;
nothing was saved." under the saved report (2 of 5 runs), or "Session saved. Resume with ..." for a finished
session. Real pty; the signal is sent the moment the scorecard, or the report's path, is drawn."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from tests.test_session_tty import PATIENCE, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("seen", ["Overall:", "Transcript:"])
def test_a_stop_once_the_report_is_shown_says_nothing_more(isolated_data_dir: Path, seen: str, sig: int) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/2")
        term.type("/end\r")
        term.wait_for(seen)
        term.proc.send_signal(sig)
        try:
            exited: int | None = term.proc.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            exited = None
        term.drain()
        screen = term.text()
    finally:
        term.close()
    # 0: it had ended before the signal came; -sig: the signal ended the interpreter's own shutdown (the shell says
    # 128 + sig, as for the session's own exit code on a stop)
    assert exited in (0, 128 + sig, -sig), screen[-1500:]
    after = screen[screen.index("Overall:") :]
    assert "Interrupted" not in after and "Resume with" not in after and "nothing was saved" not in after, after
    assert "Transcript:" in after, after  # the report is shown whole
    assert list((isolated_data_dir / "reports").glob("*.md"))
