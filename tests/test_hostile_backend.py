"""A --checkpointer the session cannot use is said in one line, exit 2, and nothing is touched (sweep N6, N7).

N6: a file that is not SQLite (even /etc/passwd) was called a damaged session database, with advice to `mv` it.
N7: a postgresql:// URL without the postgres extra installed gave a raw ModuleNotFoundError, rc 1. Driven as a user
runs it: the command line in a subprocess; the missing extra is a Python path on which its packages cannot be found.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]

# a Python path entry under which psycopg cannot be imported, as when the postgres extra was never installed
NO_POSTGRES = '''
import sys
class _NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg", "psycopg_pool") or name == "langgraph.checkpoint.postgres":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, _NotInstalled())
'''


def _run(*args: str, env: dict[str, str] | None = None, typed: str = "/end\n") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=typed, capture_output=True,
                          text=True, cwd=REPO, timeout=120, env=env or dict(os.environ))  # fmt: skip


@pytest.mark.parametrize("command", [ARGS, ["--resume"], ["--list-sessions"]])
def test_a_checkpointer_file_that_is_not_sqlite_is_named_and_left_alone(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "elsewhere").mkdir()
    other = tmp_path / "elsewhere" / "passwd"
    other.write_bytes(Path("/etc/passwd").read_bytes() if Path("/etc/passwd").is_file() else b"root:x:0:0::/root:\n")
    before = other.read_bytes()
    done = _run(*command, "--checkpointer", str(other))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == (
        f"error: {other} is not a session database (not an SQLite file); it was left untouched: point "
        "--checkpointer (or INTERVIEWER_CHECKPOINTER) at a session database or at a new file name"
    )
    assert "damaged" not in done.stdout + done.stderr and "mv " not in done.stdout + done.stderr
    assert other.read_bytes() == before
    assert sorted(p.name for p in other.parent.iterdir()) == ["passwd"]  # no -wal, -shm or lock beside it


def _other_programs_database(path: Path, wal: bool) -> sqlite3.Connection:
    """An app's own SQLite database (a table of users and one of notes); with `wal` its schema is left in the -wal
    file by a connection the caller keeps open, as while that app runs."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, handle TEXT)")
    conn.execute("CREATE TABLE memos (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO members (handle) VALUES ('kestrel')")
    conn.commit()
    return conn


@pytest.mark.parametrize("wal", [False, True], ids=["closed", "open in WAL mode"])
@pytest.mark.parametrize("command", [ARGS, ["--resume"], ["--list-sessions"]])
def test_another_programs_sqlite_database_is_named_and_left_alone(
    tmp_path: Path, command: list[str], wal: bool
) -> None:
    """sweep30 S17: a --checkpointer naming another program's SQLite database adopted it: the session's tables were
    written beside the program's own, rc 0."""
    (tmp_path / "app").mkdir()
    other = tmp_path / "app" / "app.db"
    def files() -> dict[str, bytes]:  # the -shm file is SQLite's lock and read-mark index, which any reader moves
        return {p.name: b"" if p.name.endswith("-shm") else p.read_bytes() for p in other.parent.iterdir()}

    with closing(_other_programs_database(other, wal)):
        beside = files()
        done = _run(*command, "--checkpointer", str(other))
        assert done.returncode == 2, done.stdout + done.stderr
        assert done.stderr.strip() == (
            f"error: {other} is not a session database (an SQLite database with 2 tables of another program); it "
            "was left untouched: point --checkpointer (or INTERVIEWER_CHECKPOINTER) at a session database or at a "
            "new file name"
        )
        assert "Question 1" not in done.stdout
        assert files() == beside  # not a byte of the database or its -wal written, no file made
    with closing(sqlite3.connect(other)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"members", "memos"}


def test_an_empty_sqlite_file_and_the_tools_own_database_are_taken(tmp_path: Path) -> None:
    """What the refusal above must not catch: an SQLite file with no tables yet, then the same file once it holds a
    session (its tables are all the tool's)."""
    store = tmp_path / "mine.sqlite"
    with closing(sqlite3.connect(store)) as conn:
        conn.execute("PRAGMA user_version = 7")  # an SQLite header, no table
    assert store.read_bytes().startswith(b"SQLite format 3")
    for command in (ARGS, ARGS):
        done = _run(*command, "--checkpointer", str(store))
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Question 1" in done.stdout
    # the tables taken as the tool's are the installed saver's own (asked of it here) and the registry's two
    assert _tables(store) == _saver_tables() | {"interview_sessions", "interview_moves"}


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _saver_tables() -> set[str]:
    """What the installed langgraph-checkpoint-sqlite's SqliteSaver makes in an empty database (not a list of
    names kept in this test)."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    with closing(sqlite3.connect(":memory:", check_same_thread=False)) as conn:
        SqliteSaver(conn).setup()
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


# a later langgraph-checkpoint-sqlite whose SqliteSaver.setup() makes one more table than the installed one
SAVER_WITH_A_NEW_TABLE = """
import langgraph.checkpoint.sqlite as _sqlite

_setup = _sqlite.SqliteSaver.setup


def setup(self):
    first = not self.is_setup
    _setup(self)
    if first:
        self.conn.execute("CREATE TABLE IF NOT EXISTS checkpoint_migrations (v INTEGER PRIMARY KEY)")
        self.conn.commit()


_sqlite.SqliteSaver.setup = setup
"""


def test_a_saver_release_that_adds_a_table_keeps_its_own_database_and_refuses_another(tmp_path: Path) -> None:
    """The check of another program's database (sweep30 S17) asks the installed SqliteSaver which tables are its
    own: with a release that adds one, the database the tool made is resumed, not refused as another program's
    (a hard-coded list of the saver's tables did that), and an app's database is still refused untouched."""
    release = tmp_path / "site"
    release.mkdir()
    (release / "sitecustomize.py").write_text(SAVER_WITH_A_NEW_TABLE)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(release), os.environ.get("PYTHONPATH", "")]))
    store = tmp_path / "mine.sqlite"
    two = [*ARGS[:-4], "--questions", "2", "--follow-ups", "0"]
    first = _run(*two, "--checkpointer", str(store), env=env, typed="I moved the nightly batch to streaming myself.\n")
    assert first.returncode == 3, first.stdout + first.stderr  # one answer given, then the input ended
    assert "checkpoint_migrations" in _tables(store)  # the release's table is there
    listed = _run("--list-sessions", "--checkpointer", str(store), env=env)
    assert listed.returncode == 0 and "active" in listed.stdout, listed.stdout + listed.stderr
    resumed = _run("--resume", "--checkpointer", str(store), env=env, typed="/end\n")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "Resuming session" in resumed.stdout and "not a session database" not in resumed.stderr
    other = tmp_path / "app.db"
    with closing(_other_programs_database(other, wal=False)):
        pass
    before = other.read_bytes()
    refused = _run(*ARGS, "--checkpointer", str(other), env=env)
    assert refused.returncode == 2 and "(an SQLite database with 2 tables of another program)" in refused.stderr
    assert other.read_bytes() == before


def test_a_postgres_checkpointer_without_the_extra_names_the_install_command(tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(NO_POSTGRES)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]))
    for command in (ARGS, ["--list-sessions"]):
        done = _run(*command, "--checkpointer", "postgresql://me@127.0.0.1:9/none", env=env)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "Traceback" not in done.stderr and "ModuleNotFoundError" not in done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert "pip install -e '.[postgres]'" in line


@pytest.mark.parametrize("url", ["mysql://x", "http://me:secret@x/y"])
def test_a_checkpointer_url_of_another_kind_is_bad_input(tmp_path: Path, url: str) -> None:
    # sweep21 S9: "the data folder mysql: is read-only", exit 1; the folder named was neither
    for command in (ARGS, ["--resume"], ["--list-sessions"]):
        done = _run(*command, "--checkpointer", url)
        assert done.returncode == 2, done.stdout + done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert "read-only" not in line and "secret" not in line, line
        assert line.startswith("error: --checkpointer ") and "postgresql://" in line and "memory:" in line, line


def test_an_unreachable_postgres_server_is_said_in_one_line_before_the_interview() -> None:
    # sweep21 S8: 30 s of spinner under question 1, ten raw pool errors, "error: PoolTimeout ...", exit 1
    for command in (ARGS, ["--list-sessions"]):
        started = time.monotonic()
        done = _run(*command, "--checkpointer", "postgresql://nobody:pw@127.0.0.1:1/x")
        took = time.monotonic() - started
        assert done.returncode == 2, done.stdout + done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert "cannot be reached" in line and "127.0.0.1" in line and "pw" not in line, line
        assert "Question 1" not in done.stdout
        assert took < 20, took


REFUSED_URLS = [
    ("mysql://ops:hunter2@db.internal/crm", "mysql://***@db.internal/crm"),
    ("sqlite://", "sqlite://"),
    ("postgresql://ops:hunter2@127.0.0.1:1/x", "postgresql://***@127.0.0.1:1/x"),  # unreachable
]


@pytest.mark.parametrize(("url", "named"), REFUSED_URLS)
def test_a_refused_checkpointer_variable_is_named_as_the_variable_as_given(url: str, named: str) -> None:
    """sweep 33 S4, S5: INTERVIEWER_CHECKPOINTER refused by the terminal tool was called `--checkpointer ...`, a flag
    nobody gave, and `sqlite://` was quoted back as `sqlite:`. The line names the variable and the value as set
    (credentials hidden); with the flag it names the flag."""
    for command in (ARGS, ["--list-sessions"]):
        done = _run(*command, env=dict(os.environ, INTERVIEWER_CHECKPOINTER=url))
        assert done.returncode == 2, done.stdout + done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert f"INTERVIEWER_CHECKPOINTER={named} " in line, line
        assert "--checkpointer" not in line and "hunter2" not in line, line
    flagged = _run(*ARGS, "--checkpointer", url)
    assert f"--checkpointer {named} " in flagged.stderr and "INTERVIEWER_CHECKPOINTER" not in flagged.stderr
