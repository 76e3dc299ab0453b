"""sweep29 S3: a draft typed at question 1 (not submitted) while the start met a damaged session database, then
Ctrl-C or SIGTERM at "Move it aside and start afresh? [y/N]": the draft was dropped without a word ("N" showed it to
copy) and the run said "Stopped before the first question" with question 1 on screen. Now it is shown to copy and
the line names the question it stopped at. Real pty, real damaged SQLite file, real signals."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from tests.slow_hook import slow_call
from tests.test_damaged_database_early_answer import ARGS
from tests.test_session_tty import Terminal

DRAFT = "Half a story about the Lisbon data-centre move"


@pytest.mark.parametrize(("how", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stop_at_the_damaged_database_question_shows_the_typed_draft(
    isolated_data_dir: Path, tmp_path: Path, how: signal.Signals, code: int, damaged_database: Any
) -> None:
    damaged_database(ARGS, "A first session's answer.")
    # the start meets the damaged database only once the draft is typed (a loaded machine decides it otherwise)
    env, _ = slow_call(tmp_path / "hook", "agent.cli_run", "new_driver", "'ask' not in kwargs", seconds=4)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT)
        term.wait_for("afresh? [y/N]")
        term.proc.send_signal(how)
        exited = term.exit_code()
        while term._read():
            pass
        screen = term.text()
    finally:
        term.close()
    tail = screen[screen.index("afresh? [y/N]"):]
    assert exited == code, tail
    assert "Here it is, to copy:" in tail and DRAFT in tail, tail
    assert "before the first question" not in tail and "Traceback" not in tail, tail
