"""A terminal session on a Postgres checkpointer stopped (Ctrl-C) while that Postgres server is down (sweep 41 Q5).

The screen showed nothing for 12-16 s after the Ctrl-C, then "Session saved": each of the stop's database calls
waited for the pool; a user pressed Ctrl-C again. Now a line says at once that the session database is not
answering, the stop leaves within a few seconds with the resume command, and the draft typed at the prompt is kept
in the answer journal (back in the prompt on resume). Each test runs a Postgres cluster of its own (.ci/postgres),
stopped under a real session on a pty; they need INTERVIEWER_TEST_POSTGRES as every Postgres test does."""

from __future__ import annotations

import contextlib
import re
import signal
import time
from pathlib import Path

import pytest

from tests.test_persistence import FAST
from tests.test_postgres_restart_cli import FIRST, TRACEBACK_SIGNS, Cluster
from tests.test_postgres_restart_cli import cluster as cluster  # the fixture: a throwaway cluster
from tests.test_session_tty import Terminal

DRAFT = "Half way through: the rota I drew up for the three on-call teams"
SAID_AT_ONCE_S = 2.0  # the line saying what the stop waits for, after the Ctrl-C (a loaded machine adds some)
LEAVES_WITHIN_S = 10.0  # the whole stop: a few seconds of waiting for the database, said on screen


def test_ctrl_c_while_postgres_is_down_says_so_at_once_and_leaves_with_the_draft_kept(
    isolated_data_dir: Path, cluster: Cluster
) -> None:
    term = Terminal([*FAST, "--questions", "3", "--checkpointer", cluster.url])
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/3")
        cluster.stop()
        term.type_seen(DRAFT)
        time.sleep(1)
        term.drain()
        before = len(term.text())
        term.type("\x03")
        start = time.monotonic()
        first_word = None
        while term.proc.poll() is None and time.monotonic() - start < 60:
            term._read()
            if first_word is None and "not answering" in term.text()[before:]:
                first_word = time.monotonic() - start
        left = time.monotonic() - start
        code = term.proc.wait(timeout=60)
        said = term.said()
    finally:
        term.close()
    assert first_word is not None and first_word < SAID_AT_ONCE_S, (first_word, said[-1500:])
    assert left < LEAVES_WITHIN_S, (left, said[-1500:])
    assert code == 130 and "Resume with:" in said and "not answering" in said, said[-1500:]
    assert not [sign for sign in TRACEBACK_SIGNS if sign in said], said[-2500:]
    journal = list((isolated_data_dir / "pending").glob("*.json"))
    assert journal and DRAFT in journal[0].read_text(encoding="utf-8"), journal


def _wait_started(url: str) -> None:
    """Until the session's first checkpoint (its question 1, asked by the graph) is in the database."""
    import psycopg

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(psycopg.Error), psycopg.connect(url, autocommit=True) as conn:
            row = conn.execute("SELECT count(*) FROM checkpoints").fetchone()
            if row and row[0]:
                time.sleep(0.5)  # the start's last local steps (history, prefetch)
                return
        time.sleep(0.2)
    raise AssertionError("the session never reached the database")


@pytest.mark.parametrize(
    ("stop", "code"), [("ctrl-c", 130), ("ctrl-d", 0), ("sigterm", 143)], ids=["ctrl-c", "ctrl-d", "sigterm"]
)
def test_a_stop_at_question_1_while_postgres_is_down_keeps_the_draft_and_says_how_to_resume(
    isolated_data_dir: Path, cluster: Cluster, stop: str, code: int
) -> None:
    """Sweep 42 F1: at question 1, nothing answered yet, a draft typed, the server stopped: Ctrl-C and Ctrl-D printed
    a bare "error: ... cannot be reached" and exited 1 (SIGTERM 143 but no resume command either), although the draft
    was kept. Now the stop says what is kept and the resume command, with the documented exit code, and that command
    brings the draft back once the server is up."""
    term = Terminal([*FAST, "--questions", "3", "--checkpointer", cluster.url], columns=400)
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.type_seen(DRAFT)
        _wait_started(cluster.url)  # question 1 shows before the session is in the database (another case)
        cluster.stop()
        time.sleep(1)
        term.drain()
        start = time.monotonic()
        if stop == "sigterm":
            term.proc.send_signal(signal.SIGTERM)
        else:
            term.type("\x03" if stop == "ctrl-c" else "\x04")
        while term.proc.poll() is None and time.monotonic() - start < 60:
            term._read()
        left = time.monotonic() - start
        exited = term.proc.wait(timeout=60)
        said = term.said()
    finally:
        term.close()
    assert exited == code, (exited, said[-1500:])
    assert left < LEAVES_WITHIN_S, (left, said[-1500:])
    assert "error:" not in said and not [sign for sign in TRACEBACK_SIGNS if sign in said], said[-2500:]
    assert "draft you had typed is kept" in said, said[-1500:]
    resume = re.search(r"Resume with: \S+ -m agent\.session --resume (\S+)", said)
    assert resume is not None, said[-1500:]
    journal = list((isolated_data_dir / "pending").glob("*.json"))
    assert journal and DRAFT in journal[0].read_text(encoding="utf-8"), journal

    cluster.start()
    again = Terminal(["--resume", resume.group(1), "--checkpointer", cluster.url], columns=400)
    try:
        again.wait_for_prompt(after="Question 1/3")
        again.wait_for("draft you had typed last time is back")
        assert DRAFT in again.text()
    finally:
        again.close()


def test_a_ctrl_c_at_question_1_with_nothing_typed_while_postgres_is_down_says_the_session_stays(
    isolated_data_dir: Path, cluster: Cluster
) -> None:
    """The same stop with no draft: an empty session is dropped at a stop, but not while its database is away; it
    said "error: ... cannot be reached" and exited 1. Now: the session stays, and how to resume."""
    term = Terminal([*FAST, "--questions", "3", "--checkpointer", cluster.url], columns=400)
    try:
        term.wait_for_prompt(after="Question 1/3")
        _wait_started(cluster.url)
        cluster.stop()
        time.sleep(1)
        term.drain()
        term.type("\x03")
        start = time.monotonic()
        while term.proc.poll() is None and time.monotonic() - start < 60:
            term._read()
        exited = term.proc.wait(timeout=60)
        said = term.said()
    finally:
        term.close()
    assert exited == 130, (exited, said[-1500:])
    assert "error:" not in said and not [sign for sign in TRACEBACK_SIGNS if sign in said], said[-2500:]
    assert "Nothing was answered yet" in said and "empty session stays" in said, said[-1500:]
    assert re.search(r"Resume with: \S+ -m agent\.session --resume \S+", said), said[-1500:]
