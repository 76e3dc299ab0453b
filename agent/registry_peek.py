"""The session registry read before the session store opens, while a resume gets ready ("you can start typing").

Keys typed there are kept as the resumed session's (agent.cli_busy_keys): its draft, and an answer submitted with
Esc Enter as its next move in the answer journal. That needs the session's name (a bare --resume: agent.resume_pick,
asked here as the resume itself asks it) and its move count, on every backend that outlives the process: the SQLite
file read-only (nothing written, no lock kept), PostgreSQL on one short connection. memory: has nothing to resume.
Any failure reads as "not known" (None): the keys are then shown to copy at a stop, as before.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from agent.backend import is_postgres, own_database
from agent.store import last_use_ns, of_this_folder


class RegistryReads:
    """The registry's reads (agent.store.SessionStore's load, moves, listing, last_used) over `_read`, one copy for
    every store that keeps it in SQL: agent.checkpoint.SqliteStore, agent.store_postgres.PostgresStore and
    SqliteRegistry below. Their SQL differs only in the parameter mark and the last tie-break between sessions used
    together."""

    _ARG = "?"  # the driver's parameter mark (psycopg: %s)
    _NEWEST = "used DESC, rowid DESC"  # newest first (PostgreSQL has no rowid)

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def load(self, thread_id: str | None = None, anywhere: bool = False) -> tuple[str, dict[str, Any], str] | None:
        query = "SELECT thread_id, context, status FROM interview_sessions "
        if thread_id:
            rows = self._read(query + f"WHERE thread_id = {self._ARG}", (thread_id,))
            return (str(rows[0][0]), json.loads(rows[0][1]), str(rows[0][2])) if rows else None
        # the newest unfinished session this data folder started: a store shared by several folders holds others'
        shared = not anywhere and not own_database(os.environ.get("INTERVIEWER_CHECKPOINTER", ""))
        rows = self._read(query + f"WHERE status = 'active' AND moves <> 0 ORDER BY {self._NEWEST} "
                          f"LIMIT {200 if shared else 1}")  # fmt: skip
        for name, context, status in rows:
            found = json.loads(context)
            if anywhere or of_this_folder(found):
                return str(name), found, str(status)
        return None

    def _sessions(self, where: str, limit: int) -> list[dict[str, Any]]:
        """Session rows matching `where`, newest first: what listing() and unanswered() read."""
        keys = ("thread_id", "role", "status", "created_at", "updated_at", "moves")
        rows = self._read(
            f"SELECT {', '.join(keys)} FROM interview_sessions WHERE {where} "
            f"ORDER BY updated_at DESC, {self._NEWEST} LIMIT {self._ARG}",
            (limit,),
        )
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def listing(self, limit: int = 20) -> list[dict[str, Any]]:
        return self._sessions("NOT (status = 'active' AND moves = 0)", limit)

    def last_used(self, thread_id: str) -> int | None:
        rows = self._read(
            f"SELECT used, updated_at FROM interview_sessions WHERE thread_id = {self._ARG}", (thread_id,)
        )
        return last_use_ns(rows[0][0], str(rows[0][1])) if rows else None

    def unanswered(self, limit: int = 20) -> list[dict[str, Any]]:
        return self._sessions("status = 'active' AND moves = 0", limit)

    def moves(self, thread_id: str) -> list[dict[str, str]]:
        rows = self._read(
            f"SELECT kind, text FROM interview_moves WHERE thread_id = {self._ARG} ORDER BY seq", (thread_id,)
        )
        return [{"kind": str(kind), "text": str(text)} for kind, text in rows]


class SqliteRegistry(RegistryReads):
    """The registry of a SQLite file, opened read-only for each query (nothing written, no lock kept)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if not self.path.is_file():  # never created by a connect
            return []
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=1)) as conn:
            return list(conn.execute(sql, params).fetchall())


@contextmanager
def registry() -> Iterator[Any]:
    """The configured backend's registry to read, or None (memory:, a backend this tool does not serve). A server
    that is not reached raises: the callers read any failure as "not known"."""
    from agent.cli_preflight import backend_is_sqlite, sqlite_database

    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    if backend_is_sqlite():
        yield SqliteRegistry(sqlite_database())
    elif is_postgres(url):
        from agent.store_postgres import registry_reader

        with registry_reader(url) as store:
            yield store
    else:  # memory: (nothing outlives the process)
        yield None


def unfinished_moves(thread_id: str) -> int | None:
    """How many moves an unfinished session's registry holds (the number of the next one; 0 for a session the
    answer journal alone keeps, stopped before its start registered it), else None (finished, unknown, or the
    registry not readable)."""
    from agent import answer_journal

    try:
        with registry() as store:
            if store is None:
                return None
            row = store.load(thread_id)
            if row is None:
                entry = answer_journal.load(thread_id)
                return 0 if entry is not None and entry.context else None
            return len(store.moves(thread_id)) if row[2] == "active" else None
    except Exception:  # damaged, locked, not ours, the server gone: not known
        return None


def known(thread_id: str) -> bool:
    """The session is in the registry (any status)."""
    try:
        with registry() as store:
            return store is not None and store.load(thread_id) is not None
    except Exception:
        return False


def bare_resume_target() -> str | None:
    """The session a `--resume` without an id opens, named before it opens (agent.resume_pick), else None."""
    from agent.resume_pick import due_session, picked

    try:
        with registry() as store:
            if store is None:
                return None
            name = picked(store)
            if name:
                return name
            row = store.load(None)
            return str(row[0]) if row is not None else (due_session(store) or None)
    except Exception:  # damaged or not ours: the checks after this one name it
        return None


def resume_refused(session_id: str | None) -> str | None:
    """What a `--resume` (of `session_id`, or bare) will refuse with, known before it invites typing (sweep 39 RR8:
    "you can start typing", then the refusal dropped what was typed), else None: it may open a session, or the
    registry cannot be read (the resume's own checks then name the problem)."""
    from agent.resume_pick import refusal

    try:
        with registry() as store:
            return None if store is None else refusal(store, session_id)
    except Exception:  # damaged, locked, not ours, the server gone: not known
        return None
