"""A session database with a damaged header is named before the banner and the first question, never after them
(sweep: question 1 was shown, then the error). Scripted: exit 2 with the way out; at a terminal the move aside is
offered first, and the interview then starts afresh."""

from __future__ import annotations

from pathlib import Path

from tests.test_persistence import A1, FAST, run, scripted
from tests.test_session_tty import Terminal

GARBAGE = b"this is not a database, just bytes " * 200


def test_a_damaged_header_is_named_before_question_1(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    db = isolated_data_dir / "sessions.sqlite"
    db.write_bytes(GARBAGE)
    done = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 2, done.stdout + done.stderr
    assert str(db) in done.stderr and "damaged" in done.stderr and "mv " in done.stderr
    assert "Question 1" not in done.stdout and "Session:" not in done.stdout
    assert db.read_bytes() == GARBAGE  # untouched until the candidate moves it


def test_at_a_terminal_the_move_is_offered_before_question_1(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    db = isolated_data_dir / "sessions.sqlite"
    db.write_bytes(GARBAGE)
    term = Terminal([*FAST, "--questions", "1"])
    try:
        term.wait_for("Move it aside and start afresh?")
        assert "Question 1" not in term.text()
        term.type("y\r")
        term.wait_for("Question 1/1")
    finally:
        term.close()
    (moved,) = isolated_data_dir.glob("sessions.sqlite.damaged-*")
    assert moved.read_bytes() == GARBAGE


def test_the_name_suggested_for_the_damaged_file_is_the_name_it_is_moved_to(isolated_data_dir: Path) -> None:
    """sweep27 S3: the notice suggested `mv ... sessions.sqlite.damaged-<second>` and the file went to a name
    stamped a second later (the "y" came in the next second)."""
    import re
    import time

    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    db = isolated_data_dir / "sessions.sqlite"
    db.write_bytes(GARBAGE)
    term = Terminal([*FAST, "--questions", "1"])
    try:
        term.wait_for("Move it aside and start afresh?")
        seen = int(time.time())  # the candidate reads the question first: the clock is in another second
        while int(time.time()) <= seen:  # (was a fixed 1.2 s sleep)
            time.sleep(0.01)  # polling the clock, not a pause to wait for something
        term.type("y\r")
        term.wait_for("Question 1/1")
        screen = " ".join(term.text().split())
    finally:
        term.close()
    suggested = re.search(r"mv '[^']+' '([^']+)'", screen)
    moved = re.search(r"Moved the damaged database to (\S+?)\.? ", screen)
    assert suggested and moved, screen[-1500:]
    assert suggested.group(1) == moved.group(1)
    (aside,) = isolated_data_dir.glob("sessions.sqlite.damaged-*")
    assert str(aside) == moved.group(1) and aside.read_bytes() == GARBAGE
