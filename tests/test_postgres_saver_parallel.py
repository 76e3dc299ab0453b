"""The Postgres saver the tool opens runs checkpoint calls of different threads at the same time on its pool
(agent.postgres_saver), each thread reading back only what it wrote; on a single connection it keeps the lock.

Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from langgraph.checkpoint.base import empty_checkpoint

from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server

MEET_S = 20.0  # only bounds a hang: a serialised saver never lets the second call in, however long this is


def _config(thread: str) -> dict[str, Any]:
    return {"configurable": {"thread_id": thread, "checkpoint_ns": ""}}


def test_two_threads_are_inside_checkpoint_calls_at_once(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call waits, holding its pooled connection, until the other call is inside too: with the library's lock
    around every call the second never gets in, the barrier breaks and the test fails."""
    from agent.store_postgres import PostgresStore, open_postgres

    backend = open_postgres(pg_url)
    assert isinstance(backend.store, PostgresStore)
    pool = backend.store.pool
    meet = threading.Barrier(2, timeout=MEET_S)
    taken = pool.connection

    @contextmanager
    def meeting(*args: Any, **kwargs: Any) -> Iterator[Any]:
        with taken(*args, **kwargs) as conn:
            if threading.current_thread().name.startswith("reader"):
                meet.wait()
            yield conn

    errors: list[BaseException] = []

    def read(thread: str) -> None:
        try:
            assert backend.saver.get_tuple(_config(thread)) is None  # nothing written yet: one query, no rows
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    monkeypatch.setattr(pool, "connection", meeting)
    try:
        readers = [threading.Thread(target=read, args=(f"t{i}",), name=f"reader{i}") for i in range(2)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
    finally:
        monkeypatch.undo()
        backend.close()
    assert errors == [], f"the two calls did not overlap: {errors!r}"


def test_parallel_writes_each_read_back_in_their_own_thread(pg_url: str) -> None:
    """Eight threads write checkpoints at once on the pool; each thread's latest checkpoint is its own."""
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    saver = backend.saver
    errors: list[BaseException] = []

    def write(user: int) -> None:
        try:
            for step in range(5):
                checkpoint = empty_checkpoint()
                checkpoint["channel_values"] = {"owner": f"user {user} step {step}"}
                checkpoint["channel_versions"] = {"owner": step + 1}
                saver.put(_config(f"w{user}"), checkpoint, {"step": step}, {"owner": step + 1})
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    try:
        writers = [threading.Thread(target=write, args=(user,)) for user in range(8)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert errors == []
        for user in range(8):
            got = saver.get_tuple(_config(f"w{user}"))
            assert got is not None and got.checkpoint["channel_values"] == {"owner": f"user {user} step 4"}
            assert len(list(saver.list(_config(f"w{user}")))) == 5
    finally:
        backend.close()


def test_on_one_connection_the_saver_keeps_its_lock(pg_url: str) -> None:
    """A single connection runs one statement at a time: there the library's lock stays."""
    import psycopg
    from psycopg.rows import dict_row

    from agent.postgres_saver import PooledPostgresSaver

    with psycopg.connect(pg_url, autocommit=True, prepare_threshold=0, row_factory=dict_row) as conn:
        saver = PooledPostgresSaver(conn)
        assert type(saver.lock) is type(threading.Lock())
        assert saver.lock.acquire(blocking=False)
        try:
            assert not saver.lock.acquire(blocking=False)  # a second caller would wait
        finally:
            saver.lock.release()


def test_a_driver_given_the_saver_finds_its_registry_in_postgres(pg_url: str) -> None:
    """backend_for (what InterviewDriver(checkpointer=...) calls) knows the subclass as a PostgresSaver: the
    registry beside it is the Postgres one, not a throwaway in-memory store."""
    from agent.backend import backend_for
    from agent.store_postgres import PostgresStore, open_postgres

    backend = open_postgres(pg_url)
    try:
        assert isinstance(backend_for(backend.saver).store, PostgresStore)
    finally:
        backend.close()
