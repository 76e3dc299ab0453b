"""A `--resume` at a terminal that meets a damaged session database while the session's answers wait in the answer
journal offers to move the file aside and resumes from them there and then, as a new session offers the move (it
only printed the mv command and exited). Real pty, real damaged SQLite file."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from tests.test_damaged_database_early_answer import ANSWER, _asked_to_move_it_aside
from tests.test_session_tty import PATIENCE, Terminal


def _kept_at_a_damaged_database(data_dir: Path) -> str:
    """An answer submitted while a new session met the damaged database, Ctrl-C at its question: the session id."""
    term = _asked_to_move_it_aside(data_dir)
    try:
        term.proc.send_signal(signal.SIGINT)
        assert term.exit_code() == 130
    finally:
        term.close()
    (kept,) = (data_dir / "pending").glob("*.json")
    return kept.stem


def _typed_while_getting_ready(data_dir: Path, tmp_path: Path, typed: str, reply: str) -> tuple[Terminal, str]:
    """`--resume` of a session kept at a damaged database, held while it gets ready (tests.slow_hook) as `typed` is
    typed, then `reply` given to the move-aside question: the open terminal (the caller closes it) and the session."""
    from tests.slow_hook import release, slow_call

    session = _kept_at_a_damaged_database(data_dir)
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "resume_driver", seconds=PATIENCE)
    term = Terminal(["--resume", session], extra_env=env)
    try:
        term.wait_for_mark(mark)
        term.wait_for("you can start typing")
        term.type(typed)
        term.wait_read()  # the keys arrived and the busy reader took them all: the resume goes on
        release(mark)
        term.wait_for("from its kept answers? [y/N]")
        term.type(f"{reply}\r")
    except BaseException:
        term.close()
        raise
    return term, session


def test_resume_on_a_damaged_database_offers_the_move_and_grades_the_kept_answer(isolated_data_dir: Path) -> None:
    session = _kept_at_a_damaged_database(isolated_data_dir)
    term = Terminal(["--resume", session])
    try:
        term.wait_for(f"resume session {session} from its kept answers? [y/N]")
        term.type("y\r")
        term.wait_for_prompt(after="Question 2/2")  # the kept answer was graded: the interview went on
        term.type("/end\r")
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
        screen = " ".join(term.text().split())
    finally:
        term.close()
    assert "Moved the damaged database to" in screen and "Traceback" not in screen, screen[-1500:]
    assert list(isolated_data_dir.glob("sessions.sqlite.damaged-*"))
    turns = json.loads((isolated_data_dir / "reports" / f"{session}.json").read_text(encoding="utf-8"))["turns"]
    assert [t["answer"] for t in turns if not t["skipped"]] == [ANSWER]


def test_no_to_the_move_on_resume_leaves_the_file_and_says_where_the_answer_is(isolated_data_dir: Path) -> None:
    session = _kept_at_a_damaged_database(isolated_data_dir)
    database = isolated_data_dir / "sessions.sqlite"
    before = database.read_bytes()
    term = Terminal(["--resume", session])
    try:
        term.wait_for("from its kept answers? [y/N]")
        term.type("n\r")
        exited = term.exit_code()
        screen = term.said()
    finally:
        term.close()
    assert exited == 2, screen[-1500:]
    assert "Your answer is kept in" in screen and "Traceback" not in screen, screen[-1500:]
    assert database.read_bytes() == before and (isolated_data_dir / "pending" / f"{session}.json").exists()


def test_keys_typed_while_the_resume_got_ready_are_the_draft_not_the_reply_to_the_question(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """Keys typed under "Getting the interview ready… (you can start typing)" waited in the terminal: the y/N question
    read them as the start of its reply ("<keys>y" is not yes). They are the first prompt's draft instead."""
    typed = "Draft typed early about the Porto rollout"
    term, _ = _typed_while_getting_ready(isolated_data_dir, tmp_path, typed, "y")
    try:
        term.wait_for_prompt(after="Question 2/2")
        term.wait_for(typed)  # back in the prompt as the draft
        screen = " ".join(term.text().split())
    finally:
        term.close()
    assert "Moved the damaged database to" in screen, screen[-1500:]


def test_no_to_the_move_keeps_the_keys_typed_while_the_resume_got_ready(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """sweep32 S6: keys typed under "Getting the interview ready… (you can start typing)", then "n" at the move-aside
    question: dropped without a word (a Ctrl-C there kept them). They are kept with the session, back in the prompt
    once the file is moved aside."""
    typed = "Draft typed early about the Lisbon cutover"
    term, session = _typed_while_getting_ready(isolated_data_dir, tmp_path, typed, "n")
    try:
        exited = term.exit_code()
        screen = term.said()
    finally:
        term.close()
    assert exited == 2, screen[-1500:]
    assert "What you typed while the session got ready is kept" in screen, screen[-1500:]
    kept = json.loads((isolated_data_dir / "pending" / f"{session}.json").read_text(encoding="utf-8"))
    assert kept["draft"] == typed and [m["text"] for m in kept["moves"].values()] == [ANSWER]
