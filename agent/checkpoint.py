"""Where sessions live: a SqliteSaver at data_dir()/sessions.sqlite plus a small sessions table.

The table maps a thread id to its role, status and stored Context (runtime context is not
checkpointed), so `--resume` with no id finds the latest session and rebuilds its settings.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver

from knowledge.paths import data_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS interview_sessions (
    thread_id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    context TEXT NOT NULL
)
"""


def sessions_path() -> Path:
    """The session database file."""
    return data_dir() / "sessions.sqlite"


def open_checkpointer(path: Path | None = None) -> SqliteSaver:
    """A SqliteSaver on the session database (tables created on first use)."""
    conn = sqlite3.connect(str(path or sessions_path()), check_same_thread=False)
    saver = SqliteSaver(conn)
    saver.setup()  # also switches the file to WAL
    # WAL + NORMAL: a commit survives the process being killed; only an OS crash could lose the last one.
    conn.execute("PRAGMA synchronous=NORMAL")
    with saver.lock:
        conn.execute(_SCHEMA)
        conn.commit()
    return saver


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_session(saver: SqliteSaver, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
    """Register a session or update its status (the stored context of an existing row is kept)."""
    with saver.lock:
        saver.conn.execute(
            "INSERT INTO interview_sessions (thread_id, role, status, created_at, updated_at, context) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(thread_id) DO UPDATE SET status=excluded.status, "
            "updated_at=excluded.updated_at",
            (thread_id, str(context.get("role", "")), status, _now(), _now(), json.dumps(context)),
        )
        saver.conn.commit()


def load_session(saver: SqliteSaver, thread_id: str | None = None) -> tuple[str, dict[str, Any], str] | None:
    """(thread_id, stored context, status) of a session, or of the latest unfinished one when no id is given."""
    query = "SELECT s.thread_id, s.context, s.status FROM interview_sessions s "
    if thread_id:
        row = saver.conn.execute(query + "WHERE s.thread_id = ?", (thread_id,)).fetchone()
    else:
        # "Latest" = most recently answered: checkpoint ids are time-ordered (uuid6), so no extra
        # write per answer is needed to keep a last-used column current.
        row = saver.conn.execute(
            query + "LEFT JOIN (SELECT thread_id, MAX(checkpoint_id) AS last FROM checkpoints GROUP BY thread_id) c "
            "ON c.thread_id = s.thread_id WHERE s.status = 'active' "
            "ORDER BY COALESCE(c.last, '') DESC, s.updated_at DESC, s.rowid DESC LIMIT 1"
        ).fetchone()
    if row is None:
        return None
    return str(row[0]), json.loads(row[1]), str(row[2])


def list_sessions(saver: SqliteSaver, limit: int = 20) -> list[dict[str, str]]:
    """The most recent sessions, newest first (for a CLI listing)."""
    rows = saver.conn.execute(
        "SELECT thread_id, role, status, created_at, updated_at FROM interview_sessions "
        "ORDER BY updated_at DESC, rowid DESC LIMIT ?",
        (limit,),
    ).fetchall()
    keys = ("thread_id", "role", "status", "created_at", "updated_at")
    return [dict(zip(keys, row, strict=True)) for row in rows]
