"""The Postgres session registry's moves, each written in one statement: a move recorded again at an earlier number
replaces it and drops the ones after it (a retried move after a crash), and the session's count follows.

Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it)."""

from __future__ import annotations

import pytest

from agent.session_lock import SessionLockedError
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server


def test_a_move_recorded_again_replaces_it_and_drops_the_later_ones(pg_url: str) -> None:
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    store = backend.store
    try:
        store.hold("t1")
        store.register("t1", {"role": "director"}, "active")
        for seq, text in enumerate(["first", "second", "third"]):
            store.record_move("t1", seq, {"kind": "answer", "text": text})
        assert [m["text"] for m in store.moves("t1")] == ["first", "second", "third"]
        store.record_move("t1", 1, {"kind": "skip", "text": ""})
        assert store.moves("t1") == [{"kind": "answer", "text": "first"}, {"kind": "skip", "text": ""}]
        [row] = [r for r in store.listing() if r["thread_id"] == "t1"]
        assert row["moves"] == 2
        store.record_move("t1", 2, {"kind": "end", "text": ""})
        assert [m["kind"] for m in store.moves("t1")] == ["answer", "skip", "end"]
        # the lease taken and refused in one statement: another holder is named
        store._run(("UPDATE interview_sessions SET holder = 'pid 1 on elsewhere' WHERE thread_id = %s", ("t1",)))
        with pytest.raises(SessionLockedError, match="pid 1 on elsewhere"):
            store.hold("t1")
    finally:
        backend.close()


def test_an_end_recorded_marks_the_session_done_in_the_same_statement(pg_url: str) -> None:
    """A kill after /end but before the graph saved its step: the listing says done (resume finishes it) and a bare
    resume does not pick it as unfinished (sweep27 S11, on Postgres)."""
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    store = backend.store
    try:
        store.hold("t2")
        store.register("t2", {"role": "director"}, "active")
        store.record_move("t2", 0, {"kind": "answer", "text": "an answer"})
        assert store.load("t2") == ("t2", {"role": "director"}, "active")
        assert store.load(None) is not None and store.load(None)[0] == "t2"  # type: ignore[index]
        store.record_move("t2", 1, {"kind": "end", "text": ""})
        assert store.load("t2") == ("t2", {"role": "director"}, "done")
        assert [r["status"] for r in store.listing() if r["thread_id"] == "t2"] == ["done"]
        assert store.load(None) is None
    finally:
        backend.close()
