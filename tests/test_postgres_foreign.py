"""sweep 33 S12: a Postgres database that belongs to another program was adopted as the session store (the saver's
and the registry's tables written beside the program's own, the session run). The twin of the SQLite guard: the
terminal and the server refuse it in one line and write nothing, unless every table there is the saver's, the
registry's or one a LangGraph server keeps in the same database. A real PostgreSQL (INTERVIEWER_TEST_POSTGRES)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_persistence import A1, FAST, run, scripted
from tests.test_server_checkpointer import stopped

SERVER = os.environ.get("INTERVIEWER_TEST_POSTGRES", "")
pytestmark = pytest.mark.skipif(not SERVER, reason="no INTERVIEWER_TEST_POSTGRES")


@pytest.fixture
def database() -> Iterator[tuple[str, object]]:
    """(URL, an autocommit connection) of a new database on the test server, dropped afterwards."""
    import psycopg

    admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=5)
    name = f"interviewer_foreign_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    url = f"{SERVER.rsplit('/', 1)[0]}/{name}"
    conn = psycopg.connect(url, autocommit=True)
    try:
        yield url, conn
    finally:
        conn.close()
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def _tables(conn: object) -> list[str]:
    rows = conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")  # type: ignore[attr-defined]
    return sorted(row[0] for row in rows.fetchall())


def test_the_terminal_refuses_another_programs_database_untouched(database: tuple[str, object]) -> None:
    url, conn = database
    conn.execute("CREATE TABLE invoices (id SERIAL PRIMARY KEY, customer TEXT)")  # type: ignore[attr-defined]
    refused = run(*FAST, "--questions", "1", stdin=scripted(A1), env={"INTERVIEWER_CHECKPOINTER": url})
    assert refused.returncode == 2, refused.stdout + refused.stderr
    errors = refused.stderr.strip().splitlines()
    assert len(errors) == 1 and "is not a session database" in errors[0] and "invoices" in errors[0], errors
    assert "Question 1" not in refused.stdout
    assert _tables(conn) == ["invoices"]  # nothing written beside it


def test_a_database_shared_with_a_langgraph_server_is_used(database: tuple[str, object]) -> None:
    url, conn = database
    for table in ("assistant", "thread", "run", "cron"):  # a LangGraph server's own tables in the same database
        conn.execute(f"CREATE TABLE {table} (id UUID PRIMARY KEY)")  # type: ignore[attr-defined]
    finished = run(*FAST, "--questions", "1", stdin=scripted(A1), env={"INTERVIEWER_CHECKPOINTER": url})
    assert finished.returncode == 0, finished.stdout + finished.stderr
    again = run(*FAST, "--questions", "1", stdin=scripted(A1), env={"INTERVIEWER_CHECKPOINTER": url})
    assert again.returncode == 0, again.stdout + again.stderr  # the tool's own tables are its own


def test_the_server_refuses_another_programs_database_untouched(database: tuple[str, object], tmp_path: Path) -> None:
    url, conn = database
    conn.execute("CREATE TABLE invoices (id SERIAL PRIMARY KEY, customer TEXT)")  # type: ignore[attr-defined]
    lines = stopped(url, tmp_path / "server")
    said = [line for line in lines if line.startswith("interviewer: INTERVIEWER_CHECKPOINTER=")]
    assert len(said) == 1 and "is not a session database" in said[0] and "invoices" in said[0], lines[-5:]
    assert not any("Traceback" in line for line in lines)
    assert _tables(conn) == ["invoices"]
