"""LangGraph's PostgresSaver without its one lock around every call when it runs on a connection pool.

PostgresSaver._cursor holds `self.lock` (one threading.Lock per saver) around each database call. On a single
psycopg connection that lock is needed: a connection runs one statement at a time and must not be shared by two
threads mid-call. On a ConnectionPool it is not: every call checks out a connection of its own, the saver keeps no
other state between calls, and the library refuses a pipeline (the one shared object) together with a pool. The
lock then only queues every thread's checkpoint reads and writes behind each other (load37: a turn's median wait
on it was 1.27 s against 0.1 ms of CPU, 50 users on two workers). The same change is proposed upstream for the
async saver (langgraph issue 7259, pull request 7269).

PooledPostgresSaver swaps the lock for one that never waits when its connection is a pool, and keeps the library's
lock on a single connection. Everything else, including `_cursor`, is the library's own, so a later version's
changes to the calls carry over; tests/test_postgres_saver_parallel.py fails if calls are serialised again.
"""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.postgres import PostgresSaver
from psycopg_pool import ConnectionPool


class _PerCallConnection:
    """A lock that never waits: the pool hands each call its own connection. It keeps the acquire/release shape
    of threading.Lock, so code that wraps a saver's lock (evals.load_phases times its wait) still works."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return True

    def release(self) -> None:
        return None

    def __enter__(self) -> bool:
        return True

    def __exit__(self, *exc: object) -> None:
        return None


class PooledPostgresSaver(PostgresSaver):
    """PostgresSaver whose calls on a ConnectionPool run in parallel, each on its own pooled connection."""

    lock: Any  # a threading.Lock on one connection, a _PerCallConnection on a pool

    def __init__(self, conn: Any, pipe: Any = None, serde: Any = None) -> None:
        super().__init__(conn, pipe, serde)
        if isinstance(conn, ConnectionPool):  # the library refuses a pipe with a pool, so nothing else is shared
            self.lock = _PerCallConnection()
