"""Two Ctrl-C 5 ms apart at a prompt leave at once, and say the session is saved and how to resume it once an answer
is saved (sweep23 S7: a bare "Interrupted." in 3 of 4 runs). Real pty, signals as a terminal sends them."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."


def test_a_double_interrupt_at_a_prompt_prints_the_resume_command(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt()
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/3")
        term.proc.send_signal(signal.SIGINT)
        time.sleep(0.005)
        term.proc.send_signal(signal.SIGINT)
        term.wait_for("Resume with")
        assert term.exit_code() == 130
    finally:
        term.close()
