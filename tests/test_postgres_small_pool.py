"""A Postgres backend on a pool of one connection (INTERVIEWER_PG_POOL=1) opens at once and runs a session.

The schema setup held the pool's only connection for its advisory lock while the saver's migrations and the
registry's tables asked the pool for another one: open_postgres waited for the pool's 30 s timeout (a fresh
database) before it went on. Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server

T = TypeVar("T")


def _within(seconds: float, call: Callable[[], T]) -> T:
    """call() on a thread, its result; fails the test if it has not returned after `seconds`."""
    out: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            out.append(call())
        except BaseException as exc:  # reported below
            failed.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    began = time.monotonic()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still waiting after {time.monotonic() - began:.0f} s"
    if failed:
        raise failed[0]
    return out[0]


def test_a_pool_of_one_connection_opens_a_fresh_database_and_runs_a_session(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.store_postgres import open_postgres

    monkeypatch.setenv("INTERVIEWER_PG_POOL", "1")
    backend = _within(10, lambda: open_postgres(pg_url))
    try:
        assert backend.saver.conn.max_size == 1

        def session() -> list[str]:
            ctx = Context(role="director", questions=2, follow_ups=0, seed=7, offline=True)
            driver = InterviewDriver(ctx, checkpointer=backend)
            driver.start()
            driver.submit("Two teams argued over one queue, so I split it by owner and the pages halved in a month.")
            done = driver.submit("I paired with the new lead for a sprint and she ran the next incident review alone.")
            assert done.kind == "done"
            driver.close()
            return [t["answer"][:8] for t in driver.values()["turns"]]

        assert _within(20, session) == ["Two team", "I paired"]
    finally:
        backend.close()
