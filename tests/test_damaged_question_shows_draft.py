"""sweep29 S3: a draft typed at question 1 (not submitted) while the start met a damaged session database, then
Ctrl-C or SIGTERM at "Move it aside and start afresh? [y/N]": the draft was dropped without a word ("N" showed it to
copy) and the run said "Stopped before the first question" with question 1 on screen. Now it is shown to copy and
the line names the question it stopped at. Real pty, real damaged SQLite file, real signals."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from tests.slow_hook import release, slow_call
from tests.test_damaged_database_early_answer import ARGS
from tests.test_session_tty import PATIENCE, Terminal

DRAFT = "Half a story about the Lisbon data-centre move"


@pytest.mark.parametrize(("how", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stop_at_the_damaged_database_question_shows_the_typed_draft(
    isolated_data_dir: Path, tmp_path: Path, how: signal.Signals, code: int, damaged_database: Any
) -> None:
    damaged_database(ARGS, "A first session's answer.")
    # the start meets the damaged database only once the draft is typed (a loaded machine decides it otherwise)
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "new_driver", "'ask' not in kwargs", seconds=PATIENCE)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT)
        release(mark)  # typed: the start may meet the damage now (a 4 s pause ran out first under load)
        term.wait_for("afresh? [y/N]")
        term.proc.send_signal(how)
        exited = term.exit_code()
        term.drain()
        screen = term.text()
    finally:
        term.close()
    tail = screen[screen.index("afresh? [y/N]"):]
    assert exited == code, tail
    assert "Here it is, to copy:" in tail and DRAFT in tail, tail
    assert "before the first question" not in tail and "Traceback" not in tail, tail


@pytest.mark.parametrize("how", ["close the terminal", "close the terminal, its SIGHUP late", "kill -HUP", "Ctrl-C"])
def test_a_draft_at_the_damaged_database_question_is_kept_with_the_session_through_a_hang_up(
    isolated_data_dir: Path, tmp_path: Path, how: str, damaged_database: Any
) -> None:
    """sweep30 O1: a hang-up at "Move it aside and start afresh? [y/N]" with a draft typed at question 1 lost the
    draft (shown to copy on a terminal that was gone). It is kept with the session, as a stop a moment earlier
    keeps it: the process exits 129 (130 for Ctrl-C, which shows it to copy as well), and once the damaged
    database is moved aside the session's resume has the draft back in the prompt.

    "its SIGHUP late": a closed terminal wakes the y/N read before the kernel sends its SIGHUP, so the read can end
    (end of input) first; on a quiet machine that lost the draft about one run in five (taken as "No"). The SIGHUP
    is blocked here, so the read always ends first."""
    damaged_database(ARGS, "A first session's answer.")
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "new_driver", "'ask' not in kwargs", seconds=PATIENCE)
    term = Terminal(ARGS, controlling=True, sighup_late=how.endswith("late"), extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT)
        release(mark)  # typed: the start may meet the damage now (a 4 s pause ran out first under load)
        term.wait_for("afresh? [y/N]")
        if how.startswith("close the terminal"):
            term.hang_up()
        else:
            term.proc.send_signal(signal.SIGHUP if how == "kill -HUP" else signal.SIGINT)
        exited = term.proc.wait(timeout=60)
        if how == "Ctrl-C":
            term.drain()
    finally:
        term.close()
    assert exited == (130 if how == "Ctrl-C" else 129)  # handled, not killed by the signal
    if how == "Ctrl-C":
        tail = " ".join(term.text()[term.text().index("afresh? [y/N]"):].split())
        assert "The draft you had typed is kept in " in tail and f"Here it is, to copy: {DRAFT}" in tail, tail
    (kept,) = (isolated_data_dir / "pending").glob("*.json")
    assert DRAFT in kept.read_text(encoding="utf-8")
    damaged = isolated_data_dir / "sessions.sqlite"
    for path in isolated_data_dir.glob("sessions.sqlite*"):
        path.rename(path.with_name(path.name.replace("sessions.sqlite", "sessions.sqlite.moved")))
    assert not damaged.exists()
    again = Terminal(["--resume", kept.stem])
    try:
        again.wait_for_prompt(after="Question 1/2")
        again.wait_for(DRAFT)
        assert "The draft you had typed last time is back in the prompt." in " ".join(again.text().split())
    finally:
        again.close()
