"""`langgraph dev` given an INTERVIEWER_CHECKPOINTER it cannot open (another kind of URL, a typo, a bare word, a
Postgres server that does not answer or refuses the database or role, a SQLite file that cannot be opened or is no
database) stops at start with one line naming the value and what is accepted, as an operator meets it: the real
server started as the README says, its log read."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev, langgraph_dev_process
from evals.stub_openai import free_port

ACCEPTED = "give a postgresql:// URL, a .sqlite file path (or sqlite:///PATH), memory:, or unset"


def stopped(value: str, home: Path) -> list[str]:
    """Start the server with this checkpointer; it must exit (status 2). Returns its log's lines."""
    env = {"INTERVIEWER_CHECKPOINTER": value, "INTERVIEWER_DATA_DIR": str(home / "data"), "INTERVIEWER_OFFLINE": "1"}
    exited = pytest.raises(RuntimeError, match=r"langgraph dev exited \(2\)")
    with exited, langgraph_dev_process(env, home=home, timeout=120):
        pass
    return (home / "server.log").read_text(errors="replace").splitlines()


@pytest.mark.parametrize("value", ["mysql://x@127.0.0.1/db", "pstgresql://postgres@127.0.0.1:5432/ops", "bogus"])
def test_a_checkpointer_of_another_kind_stops_the_server_with_one_line(value: str, tmp_path: Path) -> None:
    lines = stopped(value, tmp_path / "server")
    said = [line for line in lines if line.startswith("interviewer: INTERVIEWER_CHECKPOINTER=")]
    assert len(said) == 1 and said[0].endswith(ACCEPTED), lines[-5:]
    assert "x@" not in said[0]  # the user name is not repeated into the log
    assert not any("Traceback" in line for line in lines)
    assert not (tmp_path / "server" / "bogus").exists()  # no SQLite file made of a typo


def test_an_unreachable_postgres_stops_the_server_with_one_line(tmp_path: Path) -> None:
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/interviewer"  # nothing listens there
    lines = stopped(url, tmp_path / "server")
    said = [line for line in lines if "cannot be reached" in line]
    assert len(said) == 1 and said[0].startswith("interviewer: the Postgres server of INTERVIEWER_CHECKPOINTER=")
    assert "refused" in said[0].lower()
    assert not any("Traceback" in line or "PoolTimeout" in line for line in lines)


@pytest.mark.parametrize("case", ["a folder that does not exist", "a file that is no database"])
def test_a_sqlite_file_that_cannot_be_opened_stops_the_server_with_one_line(case: str, tmp_path: Path) -> None:
    if case == "a file that is no database":
        value = tmp_path / "junk.sqlite"
        value.write_text("these are notes, not a database\n" * 200)
    else:
        value = tmp_path / "no-such-folder" / "checkpoints.sqlite"
    lines = stopped(str(value), tmp_path / "server")
    start = f"interviewer: INTERVIEWER_CHECKPOINTER={value} cannot be opened"
    said = [line for line in lines if line.startswith(start)]
    assert len(said) == 1, lines[-5:]
    assert not any("Traceback" in line for line in lines)


def test_another_programs_sqlite_database_stops_the_server_untouched(tmp_path: Path) -> None:
    """sweep30 S17's server side: a SQLite database of another program was adopted, LangGraph's tables written
    beside its own. The server stops at start with one line; the file is not written."""
    import sqlite3
    from contextlib import closing

    value = tmp_path / "shop.sqlite"
    with closing(sqlite3.connect(value)) as conn:
        conn.execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY, label TEXT)")
        conn.execute("INSERT INTO parcels (label) VALUES ('fragile')")
        conn.commit()
    before = value.read_bytes()
    lines = stopped(str(value), tmp_path / "server")
    said = [line for line in lines if line.startswith(f"interviewer: INTERVIEWER_CHECKPOINTER={value} is not a ")]
    assert len(said) == 1, lines[-5:]
    assert "(an SQLite database with a table of another program); it was left untouched" in said[0]
    assert not any("Traceback" in line for line in lines)
    assert value.read_bytes() == before and sorted(p.name for p in tmp_path.glob("shop*")) == ["shop.sqlite"]


@pytest.mark.skipif(not os.environ.get("INTERVIEWER_TEST_POSTGRES"), reason="no INTERVIEWER_TEST_POSTGRES")
@pytest.mark.parametrize("case", ["database", "role"])
def test_a_postgres_that_refuses_the_database_or_role_is_named_as_such(case: str, tmp_path: Path) -> None:
    url = urlsplit(os.environ["INTERVIEWER_TEST_POSTGRES"])
    if case == "database":
        value = url._replace(path="/no_such_database_svc24").geturl()
    else:
        value = url._replace(netloc=f"no_such_role_svc24@{url.hostname}:{url.port}").geturl()
    lines = stopped(value, tmp_path / "server")
    said = [line for line in lines if line.startswith("interviewer: the Postgres server of INTERVIEWER_CHECKPOINTER=")]
    assert len(said) == 1 and " refused the connection (" in said[0] and "cannot be reached" not in said[0], lines[-5:]
    assert f'{case} "no_such_{case}_svc24" does not exist' in said[0]


def test_a_sqlite_file_damaged_while_the_server_runs_fails_each_run_with_one_log_line(tmp_path: Path) -> None:
    db, home = tmp_path / "checkpoints.sqlite", tmp_path / "server"
    env = {"INTERVIEWER_CHECKPOINTER": str(db), "INTERVIEWER_DATA_DIR": str(tmp_path / "data"),
           "INTERVIEWER_EMBEDDER": "hashing", "INTERVIEWER_OFFLINE": "1"}  # fmt: skip
    context = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 3}
    with langgraph_dev(env, home=home) as url:
        client: Any = dev_client(url)
        thread_id = client.threads.create()["thread_id"]
        client.runs.wait(thread_id, "interviewer", input={}, context=context)
        for damaged in [db, *tmp_path.glob("checkpoints.sqlite-*")]:  # a restore gone wrong, a disk fault
            damaged.write_bytes(b"not a database any more " * 400)
        for _ in range(2):
            values = client.runs.wait(thread_id, "interviewer", command={"resume": "An answer."}, context=context,
                                      raise_error=False)  # fmt: skip
            told = values["__error__"]  # what the client reads: the checkpointer and what failed, no server path
            assert told["error"] == "CheckpointerFault" and str(tmp_path) not in repr(told), told
            assert told["message"].startswith("the SQLite checkpointer failed on this run, nothing was recorded: "
                                              "file is not a database"), told  # fmt: skip
        said = damaged_lines(home / "server.log", 2)  # the worker logs the failed run after the client sees it
    assert len(said) == 2 and "file is not a database" in said[0] and "restore the file" in said[0]
    assert not any("Traceback" in line for line in (home / "server.log").read_text(errors="replace").splitlines())


def damaged_lines(log: Path, count: int, timeout: float = 60.0) -> list[str]:
    """The server log's lines about the damaged checkpointer, once there are `count` of them (or the deadline)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = log.read_text(errors="replace").splitlines()
        said = [line for line in lines if "the SQLite checkpointer (INTERVIEWER_CHECKPOINTER) failed on" in line]
        if len(said) >= count or time.monotonic() > deadline:
            return said
        time.sleep(0.2)


def test_a_sqlite_companion_file_name_stops_the_server_untouched(tmp_path: Path) -> None:
    """sweep32 S10's server side: INTERVIEWER_CHECKPOINTER=<db>-wal was opened as a database of its own, which SQLite
    deletes as <db>'s write-ahead log the next time <db> is opened. The server stops at start with one line."""
    value = tmp_path / "sessions.sqlite-wal"  # a bare path of that name is refused as no .sqlite file already
    lines = stopped(f"sqlite:///{value}", tmp_path / "server")
    start = f"interviewer: INTERVIEWER_CHECKPOINTER=sqlite:///{value} ends in -wal"
    said = [line for line in lines if line.startswith(start)]
    assert len(said) == 1, lines[-5:]
    assert not value.exists()
