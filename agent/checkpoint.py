"""Sessions on SQLite: a SqliteSaver at data_dir()/sessions.sqlite and the session registry in the same file.

SqliteStore implements agent.store.SessionStore with two tables: interview_sessions (role, status, stored
Context, move count, last use) and interview_moves (the journal of answers, skips and ends). The file runs in
WAL mode; `safe_point` copies the WAL into the database after every answer so a lost or truncated -wal file
costs nothing already answered. Disk problems surface as agent.storage.StorageError naming the file.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver

from agent import session_lock
from agent.registry_peek import RegistryReads
from agent.storage import StorageError, private_if_empty, storage_error
from agent.store import SessionRow, now_iso, stamped
from knowledge.paths import data_dir

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS interview_sessions (
        thread_id TEXT PRIMARY KEY, role TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, context TEXT NOT NULL, moves INTEGER NOT NULL DEFAULT 0,
        used INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS interview_moves (
        thread_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        at TEXT NOT NULL, PRIMARY KEY (thread_id, seq))""",
)
# Columns added since the first release; sessions from before keep moves = -1 ("unknown", never hidden).
_ADDED = {"moves": "INTEGER NOT NULL DEFAULT -1", "used": "INTEGER NOT NULL DEFAULT 0"}


@functools.cache
def own_tables() -> frozenset[str]:
    """The tables the tool writes into a session database, asked of the installed SqliteSaver (its setup() run on
    an empty in-memory database) plus the session registry's: a langgraph-checkpoint-sqlite release that adds,
    renames or drops a table moves the check of another program's database with it (a hard-coded list would refuse
    the tool's own database, or adopt a database holding a table the saver no longer makes)."""
    from contextlib import closing

    with closing(sqlite3.connect(":memory:", check_same_thread=False)) as conn:
        SqliteSaver(conn).setup()
        for statement in _SCHEMA:
            conn.execute(statement)
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        return frozenset(str(row[0]) for row in conn.execute(query))


def sessions_path() -> Path:
    """The session database file."""
    return data_dir() / "sessions.sqlite"


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if not readonly:
        return sqlite3.connect(str(path), check_same_thread=False)
    if _wal_pending(path):
        # Commits the -wal holds and the file does not yet (a full disk stopped their copy into the file half-way:
        # the file alone read as "malformed" and the listing offered to move the sessions aside, sweep 33 S3): read
        # through the -wal, where the -shm SQLite keeps beside it can be opened.
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            try:
                if (conn.execute("PRAGMA quick_check(1)").fetchone() or [""])[0] == "ok":
                    return conn
            except sqlite3.Error:
                pass
            conn.close()
    # A read-only folder cannot hold the -shm file SQLite wants: read the file as it is (nobody writes there).
    return sqlite3.connect(f"file:{path}?immutable=1", uri=True, check_same_thread=False)


def _wal_pending(path: Path) -> bool:
    """A non-empty -wal with its -shm beside the database."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0 and Path(f"{path}-shm").is_file()
    except OSError:
        return False


def open_checkpointer(path: Path | None = None, readonly: bool = False) -> SqliteSaver:
    """A SqliteSaver on the session database, registry tables created (StorageError on a disk problem)."""
    path = path or sessions_path()
    if not readonly:
        private_if_empty(path)  # an empty file the user made first holds the answers from now on: 0600 (sweep32 S7)
    try:
        conn = _connect(path, readonly)
        saver = SqliteSaver(conn)
        _check_pages(conn)
        if readonly:
            saver.is_setup = True  # never CREATE or switch journal modes on a file we may not write
            return saver
        saver.setup()  # also switches the file to WAL
        # WAL + NORMAL: a commit survives the process being killed; safe points cover a lost -wal file.
        conn.execute("PRAGMA synchronous=NORMAL")
        with saver.lock:
            for statement in _SCHEMA:
                conn.execute(statement)
            have = {row[1] for row in conn.execute("PRAGMA table_info(interview_sessions)")}
            for column, spec in _ADDED.items():
                if column not in have:
                    conn.execute(f"ALTER TABLE interview_sessions ADD COLUMN {column} {spec}")
            conn.commit()
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) or exc from None
    return saver


def _check_pages(conn: sqlite3.Connection) -> None:
    """A damaged page anywhere in the file fails here, at open, where it is named with the way out (a damaged
    header fails the first read; a damaged interior page only the query that meets it, mid-session)."""
    found = conn.execute("PRAGMA quick_check(1)").fetchone()
    if not found or found[0] != "ok":
        detail = " ".join(str(found[0]).split()) if found else "no answer"
        raise sqlite3.DatabaseError(f"database disk image is malformed: {detail}")


def db_path(saver: SqliteSaver) -> Path:
    """The file behind a saver's connection."""
    row = saver.conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else sessions_path()


class SqliteStore(RegistryReads):
    """agent.store.SessionStore on a SqliteSaver's connection (shares its lock)."""

    def __init__(self, saver: SqliteSaver, owns: bool = False) -> None:
        self.saver = saver
        self.path = db_path(saver)
        self._owns = owns

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        try:
            with self.saver.lock:
                self.saver.conn.execute(sql, params)
                self.saver.conn.commit()
        except sqlite3.DatabaseError as exc:
            self.saver.conn.rollback()
            raise storage_error(exc, self.path) or exc from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with self.saver.lock:
                return list(self.saver.conn.execute(sql, params).fetchall())
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and str(exc).startswith("no such table"):
                # a database file opened read-only before any session set its tables up (a first session stopped
                # while it got ready): nothing is registered in it
                return []
            raise storage_error(exc, self.path) or exc from None

    def register(self, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
        self._write(
            "INSERT INTO interview_sessions (thread_id, role, status, created_at, updated_at, context, moves, used) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT(thread_id) DO UPDATE SET status=excluded.status, "
            "updated_at=excluded.updated_at",
            (thread_id, str(context.get("role", "")), status, now_iso(), now_iso(), json.dumps(stamped(context)),
             time.time_ns()),
        )  # fmt: skip

    def record_move(self, thread_id: str, seq: int, move: dict[str, str]) -> None:
        try:
            with self.saver.lock:
                conn = self.saver.conn
                conn.execute("DELETE FROM interview_moves WHERE thread_id = ? AND seq >= ?", (thread_id, seq))
                conn.execute(
                    "INSERT INTO interview_moves (thread_id, seq, kind, text, at) VALUES (?, ?, ?, ?, ?)",
                    (thread_id, seq, move["kind"], move.get("text", ""), now_iso()),
                )
                # an end is the session's end from the moment it is recorded, in the same commit (a kill before
                # the graph's step is saved: --resume finishes it, and the listing already says done)
                conn.execute(
                    "UPDATE interview_sessions SET moves = ?, used = ?, updated_at = ?, "
                    "status = CASE WHEN ? = 'end' THEN 'done' ELSE status END WHERE thread_id = ?",
                    (seq + 1, time.time_ns(), now_iso(), move["kind"], thread_id),
                )
                conn.commit()
        except sqlite3.DatabaseError as exc:
            self.saver.conn.rollback()
            raise storage_error(exc, self.path) or exc from None

    def delete(self, thread_id: str) -> None:
        self._write("DELETE FROM interview_moves WHERE thread_id = ?", (thread_id,))
        self._write("DELETE FROM interview_sessions WHERE thread_id = ?", (thread_id,))

    def empty_sessions(self) -> list[str]:
        rows = self._read("SELECT thread_id FROM interview_sessions WHERE status = 'active' AND moves = 0")
        return [str(r[0]) for r in rows if not session_lock.is_locked(self._lock_path(str(r[0])))]

    def safe_point(self) -> None:
        self.flush_wal()

    def flush_wal(self) -> bool:
        """Copy the WAL into the database file; True when all of it got there (no reader held a frame back)."""
        try:
            with self.saver.lock:
                row = self.saver.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, self.path) or exc from None
        return bool(row) and row[0] == 0 and row[1] == row[2]

    def _lock_path(self, thread_id: str) -> Path:
        return session_lock.lock_path(self.path, thread_id)

    def hold(self, thread_id: str) -> None:
        try:
            session_lock.acquire(self._lock_path(thread_id), thread_id)
        except OSError as exc:
            raise storage_error(exc, self.path) or StorageError("io", self.path, str(exc)) from None

    def release(self, thread_id: str) -> None:
        session_lock.release(self._lock_path(thread_id))

    def recheck(self, thread_id: str) -> None:
        try:
            session_lock.recheck(self._lock_path(thread_id), thread_id)
        except OSError as exc:  # SessionLockedError is no OSError: it goes to the caller as it is
            raise storage_error(exc, self.path) or StorageError("io", self.path, str(exc)) from None

    def close(self) -> None:
        if self._owns:
            self.saver.conn.close()


# -- the functions earlier callers use -------------------------------------------------------------------------
def save_session(saver: SqliteSaver, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
    """Register a session or update its status (the stored context of an existing row is kept)."""
    SqliteStore(saver).register(thread_id, context, status)


def load_session(saver: SqliteSaver, thread_id: str | None = None) -> tuple[str, dict[str, Any], str] | None:
    """(thread_id, stored context, status) of a session, or of the latest unfinished one when no id is given."""
    return SqliteStore(saver).load(thread_id)


def list_sessions(saver: SqliteSaver, limit: int = 20) -> list[SessionRow]:
    """The most recent sessions, newest first (for a CLI listing)."""
    return SqliteStore(saver).listing(limit)
