"""Keys typed while a resume gets ready ("you can start typing") on the backends beside the data folder's SQLite
file: a `--resume ID` on PostgreSQL, and a bare `--resume` whose session only the answer journal can name (another
session's kept draft, a journal's ungraded answer). The keys were read (never left for the shell) but kept in memory
only: after a kill -9 an answer submitted there with Esc Enter was in no file. Now it is kept in the answer journal as
that session's next move, as for a `--resume ID` on SQLite, and graded on the next resume. `memory:` keeps nothing
across processes: its keys are only never run by the shell.

A real bash on a pty runs the tool; the moment is made certain with tests.slow_hook. PostgreSQL tests need
INTERVIEWER_TEST_POSTGRES (.ci/postgres start DIR prints one)."""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.slow_hook import slow_import
from tests.test_busy_keys_never_reach_the_shell import (
    _bash,
    _moves,
    _shell_after_kill,
    _tool_pid,
    _wait_until,
    typed_while_the_model_grades,
    waiting_in_terminal,
)
from tests.test_persistence import FAST, answers_in_transcript, run, scripted, session_id
from tests.test_session_tty import PATIENCE, REPO, Terminal

SEED = "We folded three release trains into one and shipped weekly instead of monthly within a quarter."
TYPED = "I wrote the rollback runbook myself and failed deploys fell from 9 to 2 a month"
SERVER = os.environ.get("INTERVIEWER_TEST_POSTGRES", "")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database of its own (a bare --resume picks the newest session in it), dropped afterwards."""
    if not SERVER:
        if os.environ.get("CI"):
            pytest.fail("no INTERVIEWER_TEST_POSTGRES")
        pytest.skip("no PostgreSQL for this test: set INTERVIEWER_TEST_POSTGRES (.ci/postgres start DIR)")
    import psycopg

    admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=5)
    name = f"interviewer_keys_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{SERVER.rsplit('/', 1)[0]}/{name}"
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def _submit_while_ready_then_kill(tmp_path: Path, args: str, data_dir: Path, sid: str, env: dict[str, str]) -> str:
    """Run the tool from a real shell, submit an answer (and a line that is a command) during "you can start typing"
    and kill -9 it once the answer is in the journal (or after PATIENCE s); what the shell showed after."""
    ran = tmp_path / "SHELL-RAN"
    hook, mark = slow_import(tmp_path / "hook", "agent.cli_run", seconds=60)
    shell = _bash({**hook, **env})
    try:
        shell.type(f"cd {REPO} && {sys.executable} -m agent.session {args}\r")
        shell.wait_for_mark(mark, PATIENCE)
        shell.wait_for("you can start typing")
        shell.type(f"{TYPED}\rtouch {ran}\r\x1b\r")
        _wait_until(lambda: TYPED in _moves(data_dir, sid))
        after = _shell_after_kill(shell, _tool_pid(shell))
    finally:
        shell.close()
    assert not ran.exists() and "command not found" not in after, after[-800:]
    return after


def _graded_on_resume(sid: str, env: dict[str, str], data_dir: Path) -> None:
    resumed = run("--resume", sid, stdin="", env=env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    answers = answers_in_transcript(data_dir, sid)
    assert answers[0] == SEED and TYPED in answers[1] and len(answers) == 2, answers


def test_an_answer_typed_while_a_postgres_resume_gets_ready_survives_a_kill(
    isolated_data_dir: Path, tmp_path: Path, pg_url: str
) -> None:
    env = {"INTERVIEWER_CHECKPOINTER": pg_url}
    saved = run(*FAST, "--questions", "2", stdin=scripted(SEED), env=env)
    assert saved.returncode == 3, saved.stdout + saved.stderr
    sid = session_id(saved.stdout)
    _submit_while_ready_then_kill(tmp_path, f"--resume {sid}", isolated_data_dir, sid, env)
    assert TYPED in _moves(isolated_data_dir, sid), "the answer is in no file after the kill"
    _graded_on_resume(sid, env, isolated_data_dir)


def test_an_answer_typed_while_a_bare_postgres_resume_gets_ready_survives_a_kill(
    isolated_data_dir: Path, tmp_path: Path, pg_url: str
) -> None:
    env = {"INTERVIEWER_CHECKPOINTER": pg_url}
    saved = run(*FAST, "--questions", "2", stdin=scripted(SEED), env=env)
    sid = session_id(saved.stdout)
    _submit_while_ready_then_kill(tmp_path, "--resume", isolated_data_dir, sid, env)
    assert TYPED in _moves(isolated_data_dir, sid), "the answer is in no file after the kill"
    _graded_on_resume(sid, env, isolated_data_dir)


def _stopped_just_before_last_use(data_dir: Path, sid: str) -> None:
    """The kept drafts' journal files, dated 1 ns before `sid`'s last move was recorded (its `used`, in ns)."""
    with closing(sqlite3.connect(data_dir / "sessions.sqlite")) as db:
        (used,) = db.execute("SELECT used FROM interview_sessions WHERE thread_id = ?", (sid,)).fetchone()
    for path in (data_dir / "pending").glob("*.json"):
        if path.stem != sid:
            os.utime(path, ns=(used - 1, used - 1))


def test_an_answer_typed_while_a_bare_resume_the_journal_decides_gets_ready_survives_a_kill(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """Another session stopped with a draft at question 1, older than the session with an answer: the journal (not
    the registry alone) decides what a bare --resume opens; it is named before the session opens all the same.
    The draft is made to have stopped a moment before the answer was recorded, in the same second (as on a fast
    machine): the registry's updated_at says whole seconds, and the draft's session was opened instead about 1 run
    in 6 in CI (the answer then kept as that session's move)."""
    first = Terminal([*FAST, "--questions", "2"])
    try:
        first.wait_for_prompt(after="Question 1/2")
        first.type_seen("A draft left in an older session")
        first.proc.send_signal(signal.SIGTERM)
        assert first.proc.wait(timeout=PATIENCE) == 143
    finally:
        first.close()
    saved = run(*FAST, "--questions", "2", stdin=scripted(SEED))
    assert saved.returncode == 3, saved.stdout + saved.stderr
    sid = session_id(saved.stdout)
    _stopped_just_before_last_use(isolated_data_dir, sid)
    _submit_while_ready_then_kill(tmp_path, "--resume", isolated_data_dir, sid, {})
    assert TYPED in _moves(isolated_data_dir, sid), "the answer is in no file after the kill"
    _graded_on_resume(sid, {}, isolated_data_dir)


def test_keys_typed_while_the_model_grades_a_memory_session_never_run_in_the_shell(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """Nothing to keep them for (memory: ends with the process): read all the same, so the kill waits for the
    terminal to hold none of them. (It failed about 1 run in 4 while the keys reached the terminal after the test
    first asked it: the kernel hands keys written to a pty to the reading side a moment later, so "none waiting"
    held at once and the kill came before the tool could read them. typed_while_the_model_grades now lets the
    reader start only once the terminal holds them all.)"""
    _, read = typed_while_the_model_grades(
        tmp_path, lambda shell, _: waiting_in_terminal(shell) == 0, "--checkpointer memory:"
    )
    assert read
