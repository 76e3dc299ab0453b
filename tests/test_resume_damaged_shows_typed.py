"""sweep29 S4: an interactive `--resume ID` says "Getting the interview ready… (you can start typing)"; when it then
met a damaged session database it exited with the error and dropped what was typed meanwhile without a word. The
typed keys are now shown to copy, as when a new session's database refuses it. Real pty, real damaged SQLite file;
tests/slow_hook holds the resume 3 s so the keys are typed while it gets ready."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.slow_hook import release, slow_call
from tests.test_persistence import A1, FAST, session_id
from tests.test_session_tty import PATIENCE, Terminal

TYPED = "EARLY keys about the Oslo migration"


def test_keys_typed_while_a_resume_meets_a_damaged_database_are_shown_to_copy(
    isolated_data_dir: Path, tmp_path: Path, damaged_database: Any
) -> None:
    first = damaged_database([*FAST, "--questions", "3"], A1)
    assert first.returncode == 3, first.stdout + first.stderr  # saved after answer 1
    sid = session_id(first.stdout)
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "resume_driver", seconds=PATIENCE)
    term = Terminal(["--resume", sid], extra_env=env)
    try:
        term.wait_for_mark(mark)
        term.wait_for("you can start typing")
        term.type(TYPED)
        term.wait_read()  # the keys arrived and the busy reader took them all: the resume goes on
        release(mark)
        exited = term.exit_code()
        screen = term.said()
    finally:
        term.close()
    assert exited == 2, screen[-1500:]
    assert "is damaged" in screen and "Traceback" not in screen, screen[-1500:]
    assert f"here it is, to copy before you start again: {TYPED}" in screen, screen[-1500:]
