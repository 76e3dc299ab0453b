"""One check at a time per thread, across every server process: the interview service's run guard
(agent.service_http) checks a run request against the thread and queues it before the next request on that thread
is checked, so a move sent at the same moment as an `end` meets the state it will find.

Within a process an asyncio lock does that. Server processes that share a Postgres checkpointer
(INTERVIEWER_CHECKPOINTER=postgresql://...) also take a Postgres advisory lock keyed by the thread, on a connection
of their own, from the check until the run is queued: a lock in the database every process reaches, not in one
process's memory. Waiters poll pg_try_advisory_lock rather than block in pg_advisory_lock, whose waiting statement
would be an open transaction (agent.store_postgres.setup_lock says why that matters). A lock the database cannot
give (Postgres unreachable, or held past WAIT_S by a process that hangs) is logged and the check goes on with the
process's own lock, as a server on SQLite does; except when the pool found the server down (agent.pg_pool.Unreachable):
the run would need the same database, so the check raises DatabaseUnreachable and the guard answers 503 at once
(sweep 42 F3: the guard went on, a start run on a new thread was queued and failed, HTTP 200 with an `__error__` body
after 6.5-6.8 s, and a run on a thread with history got its 503 only after the state read's own wait, ~6 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

RUN_CHECK_CLASS = 0x696E7477  # the advisory lock's first key: "run check" locks of this tool (int4)
WAIT_S = 60.0  # at most this long for another process's check of the same thread (one takes milliseconds)
POLL_S = 0.02
LOG = logging.getLogger("interviewer.service")

_LOCAL: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
_POOLS: dict[int, Any] = {}  # id(event loop) -> its AsyncConnectionPool (the server runs one loop)


class DatabaseUnreachable(Exception):
    """The Postgres server gives the run check no connection within the pool's wait: no run can be recorded now."""


def lock_key(thread_id: str) -> int:
    """The advisory lock's second key for a thread (a signed 32-bit int from the thread id's hash)."""
    return int.from_bytes(hashlib.sha256(thread_id.encode()).digest()[:4], "big", signed=True)


def shared_url() -> str | None:
    """The Postgres every server process of this deployment reaches (the checkpointer's), or None."""
    from agent.server_checkpointer import checkpointer_kind

    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    return url if checkpointer_kind(url) == "postgres" else None


def _local(thread_id: str) -> asyncio.Lock:
    lock = _LOCAL.get(thread_id)
    if lock is None:
        lock = _LOCAL[thread_id] = asyncio.Lock()
    return lock


async def _pool(url: str) -> Any:
    from agent.pg_pool import AsyncPolicyPool

    loop = id(asyncio.get_running_loop())
    pool = _POOLS.get(loop)
    if pool is None:
        pool = _POOLS[loop] = AsyncPolicyPool(url, min_size=1, max_size=10, kwargs={"autocommit": True}, open=False)
        await pool.open()
    return pool


async def _take(conn: Any, key: int) -> bool:
    """Take the thread's advisory lock on `conn` (True), or give up after WAIT_S (False)."""
    deadline = asyncio.get_running_loop().time() + WAIT_S
    while True:
        cur = await conn.execute("SELECT pg_try_advisory_lock(%s, %s)", (RUN_CHECK_CLASS, key))
        row = await cur.fetchone()
        if row and row[0]:
            return True
        if asyncio.get_running_loop().time() >= deadline:
            return False
        await asyncio.sleep(POLL_S)


@asynccontextmanager
async def thread_check(thread_id: str) -> AsyncIterator[None]:
    """Hold the thread's check: this process's lock, and the database's when the checkpointer is Postgres."""
    async with _local(thread_id):
        url = shared_url()
        if url is None:
            yield
            return
        import psycopg

        key = lock_key(thread_id)
        entered = False
        try:
            async with (await _pool(url)).connection() as conn:
                if not await _take(conn, key):
                    LOG.warning("another server process held the run check of a thread for %.0f s: checked anyway",
                                WAIT_S)  # fmt: skip
                try:
                    entered = True
                    yield
                finally:
                    with contextlib.suppress(psycopg.Error):  # a broken connection: Postgres unlocks with it
                        await conn.execute("SELECT pg_advisory_unlock(%s, %s)", (RUN_CHECK_CLASS, key))
        except psycopg.Error as exc:
            if entered:
                raise  # the check's own failure, not the lock's
            from agent.pg_pool import Unreachable

            if isinstance(exc, Unreachable):  # down, not busy: the run's checkpoints could not be written either
                raise DatabaseUnreachable(str(exc)) from exc
            LOG.warning("the run check's Postgres lock could not be taken (%s): checked in this process only",
                        type(exc).__name__)  # fmt: skip
            yield
