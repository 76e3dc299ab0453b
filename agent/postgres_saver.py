"""LangGraph's PostgresSaver without its one lock around every call when it runs on a connection pool.

PostgresSaver._cursor holds `self.lock` (one threading.Lock per saver) around each database call. On a single
psycopg connection that lock is needed: a connection runs one statement at a time and must not be shared by two
threads mid-call. On a ConnectionPool it is not: every call checks out a connection of its own, the saver keeps no
other state between calls, and the library refuses a pipeline (the one shared object) together with a pool. The
lock then only queues every thread's checkpoint reads and writes behind each other (load37: a turn's median wait
on it was 1.27 s against 0.1 ms of CPU, 50 users on two workers). AsyncPostgresSaver (the server's checkpointer)
holds an asyncio.Lock the same way: every run on the server waited for every other run's checkpoint calls. The same
change is proposed upstream for the async saver (langgraph issue 7259, pull request 7269).

PooledPostgresSaver and PooledAsyncPostgresSaver swap the lock for one that never waits when their connection is a
pool, and keep the library's lock on a single connection. Everything else, including `_cursor`, is the library's
own, so a later version's changes to the calls carry over; tests/test_postgres_saver_parallel.py (the terminal's
saver) and tests/test_server_saver_parallel.py (the server's, through langgraph dev) fail if calls are serialised
again.
"""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from psycopg_pool import AsyncConnectionPool, ConnectionPool


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


class _PerCallConnectionAsync:
    """The async saver's lock on a pool: never waits (an asyncio.Lock's `async with` and acquire/release/locked
    shape), since the pool hands each call its own connection."""

    async def acquire(self) -> bool:
        return True

    def release(self) -> None:
        return None

    def locked(self) -> bool:
        return False

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None


class PooledAsyncPostgresSaver(AsyncPostgresSaver):
    """AsyncPostgresSaver whose calls on an AsyncConnectionPool run at the same time, each on its own pooled
    connection (the server's checkpointer, agent.server_checkpointer): with the library's asyncio.Lock every run on
    the server waited for every other run's checkpoint reads and writes (tests/test_server_saver_parallel.py)."""

    lock: Any  # an asyncio.Lock on one connection, a _PerCallConnectionAsync on a pool

    def __init__(self, conn: Any, pipe: Any = None, serde: Any = None) -> None:
        super().__init__(conn, pipe, serde)
        if isinstance(conn, AsyncConnectionPool):  # the library refuses a pipe with a pool, so nothing else is shared
            self.lock = _PerCallConnectionAsync()
