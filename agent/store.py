"""The session registry every checkpointer backend provides, and its in-memory implementation.

A session's row says which role it is, whether it is active or done, and holds its stored Context (runtime
context is not checkpointed). Beside it lies the move journal: every answer, skip and end is recorded here
*before* the graph runs it, so an answer is durable the moment it is submitted, and a checkpoint that lacks
moves the journal knows of (a kill during grading, a rolled-back file) is caught up on resume.
Implementations: MemoryStore (memory:), agent.checkpoint.SqliteStore, agent.store_postgres.PostgresStore.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any, Protocol

SessionRow = dict[str, Any]  # thread_id, role, status, created_at, updated_at, moves


def now_iso() -> str:
    """The registry's timestamp format (UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def last_use_ns(used: int, updated_at: str) -> int:
    """When a session was last used, in ns since the epoch: its `used` (the exact time of its last move or start),
    or its `updated_at` when that says later (a status change since; whole seconds) or `used` was never set (0)."""
    try:
        updated = int(datetime.fromisoformat(updated_at).timestamp()) * 1_000_000_000
    except (TypeError, ValueError):
        updated = 0
    return max(int(used or 0), updated)


FOLDER_KEY = "data_folder"  # the data folder a session was started with, kept in its registry row's context


def stamped(context: dict[str, Any]) -> dict[str, Any]:
    """The context a new registry row keeps: with the data folder the session was started with (its drafts, answer
    journal, reports and history live there), so a bare --resume on a store several data folders share opens this
    folder's session only (sweep 42b: it opened another folder's on a shared Postgres)."""
    if FOLDER_KEY in context:
        return context
    from knowledge.paths import data_dir_path

    return {**context, FOLDER_KEY: str(data_dir_path())}


def of_this_folder(context: dict[str, Any]) -> bool:
    """A registry row's context is of a session this data folder may resume bare: any row of the folder's own
    sessions.sqlite (a folder moved or renamed keeps its sessions), a row stamped with this folder, or one written
    before rows were stamped (stop 43)."""
    import os

    from agent.backend import own_database
    from knowledge.paths import data_dir_path

    folder = context.get(FOLDER_KEY)
    if not isinstance(folder, str) or own_database(os.environ.get("INTERVIEWER_CHECKPOINTER", "")):
        return True
    return os.path.realpath(folder) == os.path.realpath(data_dir_path())


class SessionStore(Protocol):
    """Where sessions are registered and their moves journalled (see the module docstring)."""

    def register(self, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
        """Create the session row, or update its status (the stored context of an existing row is kept)."""

    def load(self, thread_id: str | None = None, anywhere: bool = False) -> tuple[str, dict[str, Any], str] | None:
        """(thread_id, context, status) of a session, or of the most recently used unfinished one with moves that
        this data folder started (of_this_folder; `anywhere`: of any data folder)."""

    def listing(self, limit: int = 20) -> list[SessionRow]:
        """Sessions newest first, without the active ones nobody answered anything in."""

    def last_used(self, thread_id: str) -> int | None:
        """When the session was last used (last_use_ns), or None for a session it does not hold."""

    def unanswered(self, limit: int = 20) -> list[SessionRow]:
        """The active sessions nobody answered anything in, newest first (the rows listing() leaves out)."""

    def record_move(self, thread_id: str, seq: int, move: dict[str, str]) -> None:
        """Journal move number `seq` (0-based) of a session before the graph runs it."""

    def moves(self, thread_id: str) -> list[dict[str, str]]:
        """The journalled moves of a session, in order."""

    def delete(self, thread_id: str) -> None:
        """Forget a session's row and journal (the caller deletes its checkpoints)."""

    def empty_sessions(self) -> list[str]:
        """Active sessions with no move at all (left behind by a kill at the first question)."""

    def safe_point(self) -> None:
        """Make what is committed survive the loss of transient files (SQLite: checkpoint the WAL)."""

    def hold(self, thread_id: str) -> None:
        """Hold the session for this process while it runs; raises SessionLockedError naming the holder."""

    def release(self, thread_id: str) -> None:
        """Give the session back (also happens by itself when the process dies)."""

    def recheck(self, thread_id: str) -> None:
        """Before a move: the session held here is still this process's; raises SessionLockedError naming the one
        that took it meanwhile (its lock file deleted under a running session)."""

    def close(self) -> None:
        """Release connections this store opened."""


class MemoryStore:
    """The registry of `memory:` sessions (and of drivers given an InMemorySaver): lives as long as the process."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}
        self._moves: dict[str, list[dict[str, str]]] = {}
        self._held: set[str] = set()
        self._lock = threading.Lock()

    def register(self, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
        with self._lock:
            row = self._rows.get(thread_id)
            if row is None:
                row = {"thread_id": thread_id, "role": str(context.get("role", "")), "context": dict(context),
                       "created_at": now_iso(), "used": time.time_ns()}  # fmt: skip
                self._rows[thread_id] = row
            row.update(status=status, updated_at=now_iso())

    def load(self, thread_id: str | None = None, anywhere: bool = False) -> tuple[str, dict[str, Any], str] | None:
        with self._lock:  # one process, one data folder: every row is this folder's
            if thread_id:
                row = self._rows.get(thread_id)
            else:
                live = [r for r in self._rows.values() if r["status"] == "active" and self._moves.get(r["thread_id"])]
                row = max(live, key=lambda r: r["used"], default=None)
            return None if row is None else (row["thread_id"], dict(row["context"]), row["status"])

    def listing(self, limit: int = 20) -> list[SessionRow]:
        with self._lock:
            rows = [
                {k: r[k] for k in ("thread_id", "role", "status", "created_at", "updated_at")}
                | {"moves": len(self._moves.get(r["thread_id"], []))}
                for r in self._rows.values()
            ]
        rows = [r for r in rows if r["moves"] or r["status"] != "active"]
        return sorted(rows, key=lambda r: r["updated_at"], reverse=True)[:limit]

    def last_used(self, thread_id: str) -> int | None:
        with self._lock:
            row = self._rows.get(thread_id)
            return None if row is None else last_use_ns(row["used"], row["updated_at"])

    def unanswered(self, limit: int = 20) -> list[SessionRow]:
        with self._lock:
            rows = [
                {k: r[k] for k in ("thread_id", "role", "status", "created_at", "updated_at")} | {"moves": 0}
                for r in self._rows.values()
                if r["status"] == "active" and not self._moves.get(r["thread_id"])
            ]
        return sorted(rows, key=lambda r: r["updated_at"], reverse=True)[:limit]

    def record_move(self, thread_id: str, seq: int, move: dict[str, str]) -> None:
        with self._lock:
            journal = self._moves.setdefault(thread_id, [])
            del journal[seq:]  # a replay after a rollback rewrites the same moves
            journal.append(dict(move))
            if thread_id in self._rows:
                self._rows[thread_id].update(used=time.time_ns(), updated_at=now_iso())
                if move["kind"] == "end":  # the session's end from the moment it is recorded (as on SQLite)
                    self._rows[thread_id]["status"] = "done"

    def moves(self, thread_id: str) -> list[dict[str, str]]:
        with self._lock:
            return [dict(m) for m in self._moves.get(thread_id, [])]

    def delete(self, thread_id: str) -> None:
        with self._lock:
            self._rows.pop(thread_id, None)
            self._moves.pop(thread_id, None)

    def empty_sessions(self) -> list[str]:
        with self._lock:
            return [
                t
                for t, r in self._rows.items()
                if r["status"] == "active" and not self._moves.get(t) and t not in self._held
            ]

    def safe_point(self) -> None:
        return None

    def hold(self, thread_id: str) -> None:
        with self._lock:  # one process owns memory: sessions; held ones are only kept from pruning
            self._held.add(thread_id)

    def release(self, thread_id: str) -> None:
        with self._lock:
            self._held.discard(thread_id)

    def recheck(self, thread_id: str) -> None:
        return None  # nothing outside this process can take a memory: session

    def close(self) -> None:
        return None
