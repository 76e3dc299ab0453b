"""sweep30 S14: a `--resume` that meets a damaged session database said only "move it aside to start afresh ...,
older sessions stay in the moved file": not that the session being resumed is in that file and cannot be resumed
once it is moved, nor, for a session that kept only a draft, that the draft comes back after the move. Both are
said now, and what is left of the session elsewhere (tests/test_damaged_resume_names_what_is_left.py). Real damaged
SQLite files; the CLI as a subprocess and through a pty."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

from tests.slow_hook import release, slow_call
from tests.test_damaged_database_early_answer import ARGS
from tests.test_persistence import A1, run, scripted, session_id
from tests.test_session_tty import PATIENCE, Terminal

DRAFT = "Half a story about the Oslo warehouse cut-over"


def test_resuming_a_session_in_a_damaged_database_says_the_move_ends_it(damaged_database: Any) -> None:
    first = damaged_database(ARGS, A1)
    assert first.returncode == 3, first.stdout + first.stderr  # saved after answer 1 of 2
    sid = session_id(first.stdout)
    for how in ([sid], []):
        resumed = run("--resume", *how, stdin=scripted("/end"))
        said = " ".join((resumed.stdout + resumed.stderr).split())
        assert resumed.returncode == 2, said
        assert "is damaged" in said and "Traceback" not in said, said
        # named by its id on a bare --resume too (the coaching history holds it as unfinished; sweep 38 K28)
        assert f"Session {sid} cannot be resumed, moved aside or not" in said, said


def test_resuming_a_damaged_database_says_a_kept_draft_comes_back_after_the_move(
    isolated_data_dir: Path, tmp_path: Path, damaged_database: Any
) -> None:
    damaged_database(ARGS, "A first session's answer.")
    # Ctrl-C while the new session still gets ready (its start slowed), a draft typed: kept with the session
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "new_driver", "'ask' not in kwargs", seconds=PATIENCE)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT)
        term.proc.send_signal(signal.SIGINT)
        term.wait_delivered(signal.SIGINT)  # while the start is held (a 6 s pause ran out first under load)
        release(mark)
        assert term.exit_code() == 130
        screen = term.said()
    finally:
        term.close()
    assert "draft you had typed is kept" in screen, screen[-1500:]
    (kept,) = (isolated_data_dir / "pending").glob("*.json")
    resumed = run("--resume", kept.stem, stdin=scripted("/end"))
    said = " ".join((resumed.stdout + resumed.stderr).split())
    assert resumed.returncode == 2 and "is damaged" in said, said
    assert f"The draft you had typed for session {kept.stem} is kept in {kept}: once the damaged database is moved " \
           "aside" in said, said  # fmt: skip
    database = isolated_data_dir / "sessions.sqlite"
    database.rename(database.with_name("sessions.sqlite.aside"))  # the mv the line names
    term = Terminal(["--resume", kept.stem])
    try:
        term.wait_for_prompt()
        term.wait_for(DRAFT)  # back in the prompt, as the line said
    finally:
        term.close()
