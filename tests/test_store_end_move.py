"""An end recorded marks the session done in the same write, on SQLite and in memory (Postgres:
tests/test_store_postgres_moves.py): a kill after /end, before the graph saved its step, leaves a session the listing
calls done and a bare --resume does not pick as unfinished (sweep27 S11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agent.checkpoint import SqliteStore, open_checkpointer
from agent.store import MemoryStore


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param == "memory":
        yield MemoryStore()
        return
    saver = open_checkpointer(tmp_path / "sessions.sqlite")
    yield SqliteStore(saver)
    saver.conn.close()


def test_an_end_recorded_marks_the_session_done(store: Any) -> None:
    store.register("t1", {"role": "director"}, "active")
    store.record_move("t1", 0, {"kind": "answer", "text": "an answer"})
    store.record_move("t1", 1, {"kind": "skip", "text": ""})
    assert store.load("t1")[2] == "active"
    assert store.load(None)[0] == "t1"
    store.record_move("t1", 2, {"kind": "end", "text": ""})
    assert store.load("t1")[2] == "done"
    assert [r["status"] for r in store.listing() if r["thread_id"] == "t1"] == ["done"]
    assert store.load(None) is None
