"""Before a new interview starts: can its answers be saved at all? Said in one line before the first question.

A read-only data folder and a full disk are found now, not after the candidate's first answer.
"""

from __future__ import annotations

import os

from knowledge.paths import data_dir


def check_store_writable() -> None:
    """StorageError("readonly") when new answers could not be saved (SQLite backend; others check on connect),
    StorageError("full") when the data folder's disk is full (reports, history and the answer journal live there
    whatever the backend)."""
    from agent.storage import check_space, check_writable

    if backend_is_sqlite():
        check_writable(data_dir() / "sessions.sqlite")
    check_space(data_dir())


def backend_is_sqlite() -> bool:
    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    return not url or not (url == "memory:" or url.startswith(("postgresql://", "postgres://")))
