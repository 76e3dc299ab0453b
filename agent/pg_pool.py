"""The Postgres backend's connection pool: a turn's calls share one pooled connection (issue 11's load bar).

A submitted answer reads and writes the database five times: the lease recheck, the moves and the move's record
(agent.store_postgres), the checkpoint read, and the checkpoint write and its pending writes, which LangGraph runs
on two background threads. Each call taking its own pooled connection made a turn queue for the pool four times,
among ~100 session threads per worker racing for 10 connections (load43 --phases: pool wait was 2/3 of a turn's
wall time, median and tail). TurnPool.one_turn() takes one connection for the whole block: every pool call made
inside it, on this thread or on a thread that copies its context (LangGraph's checkpoint writers do), runs on that
connection, one call at a time. The pool's FIFO queue is then also the only wait of a turn, so at most max_size
turns of a process run at once and the others wait their turn in order instead of racing for the GIL.

Each call still runs as it would on a connection of its own (autocommit; the saver's pipeline or transaction
opened and closed inside the call), so each write is durable when its call returns. A call after the block ended
(a thread that outlived it) takes a pooled connection of its own.

one_transaction() makes the calls inside it one transaction on the held connection: the graph run's checkpoint
and its pending writes (two commits, each a WAL flush, when every saver call committed on its own) commit together
when the block ends, or neither does.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from psycopg_pool import AsyncConnectionPool, ConnectionPool, PoolTimeout


class _Held:
    """The connection a one_turn() block holds; `lock` lets one call use it at a time (re-entrant: a call on the
    owning thread inside another one)."""

    def __init__(self, pool: TurnPool, conn: Any) -> None:
        self.pool, self.conn, self.open = pool, conn, True
        self.lock = threading.RLock()


_HELD: ContextVar[_Held | None] = ContextVar("interviewer_pg_turn", default=None)


LOST_WAIT_S = 3.0  # how long a call waits for a new connection once the server dropped the pool's (PG5)
RECONNECT_EVERY_S = 1.0  # the longest pause between two attempts to replace a connection while the server is away
CONNECT_TIMEOUT_S = 5  # one attempt to connect (a host that does not answer would hold a pool worker for minutes)


class Unreachable(PoolTimeout):
    """No connection could be made to the Postgres server within LOST_WAIT_S: it is down or cannot be reached."""


def policy_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The connection arguments every pool of this tool gives psycopg: `kwargs` with a bounded connect attempt."""
    return {"connect_timeout": CONNECT_TIMEOUT_S, **kwargs}


def _is_reconnect(task: Any) -> bool:
    return type(task).__name__ == "AddConnection"  # psycopg_pool's task that makes a connection (sync and async)


def _reconnect_pause(task: Any, delay: float) -> float:
    """psycopg_pool doubles the pause between two attempts to make a connection (1, 2, 4 ... s, up to its
    reconnect_timeout of 5 minutes): after an outage of a few minutes the pool tried again only a minute after the
    server was back, and every request waited for it (sweep 41 PD1). The pause stays at most RECONNECT_EVERY_S."""
    return min(delay, RECONNECT_EVERY_S) if _is_reconnect(task) else delay


def _waited_enough(pool: Any) -> bool:
    """A reconnect attempt failed LOST_WAIT_S or more after the pool lost its server: the callers queued for a
    connection before the loss (each with the pool's whole timeout) are told now, as later callers are after their
    LOST_WAIT_S (sweep 41 Q3: a call queued as the server stopped waited 30 s and ended in a raw PoolTimeout)."""
    return bool(pool.lost) and time.monotonic() - pool.lost_since >= LOST_WAIT_S


def _unreachable() -> Unreachable:
    return Unreachable(f"no connection to the Postgres server could be made (waited {LOST_WAIT_S:.0f} s)")


class TurnPool(ConnectionPool):
    """A psycopg ConnectionPool whose connection() hands out the connection a one_turn() block holds, if any.

    Every pool of this tool follows one policy when the server goes away (this class; AsyncPolicyPool for the
    service's): each connection is checked before it is handed out, so one the server dropped (a restart) is
    replaced instead of failing the call (sweep 40 PG6), and a failed check sweeps out the other idle connections
    too (all dropped at once by a restart: psycopg_pool tried them one by one, pausing 1, 2, 4, 8, 16 s between,
    so a request waited past its 30 s: sweep 41 P5b). Once a check or a connect failed and none succeeded since,
    the server is likely down: a call then waits LOST_WAIT_S for a new connection, not the pool's whole timeout,
    and raises Unreachable, so the caller says so in seconds (sweep 40 PG5). The pool tries to reconnect every
    RECONNECT_EVERY_S at most, so the first call after the server is back is served at once. A busy pool on a
    live server fails no check: its callers wait their turn as long as before."""

    def __init__(self, *args: Any, kwargs: dict[str, Any] | None = None, **options: Any) -> None:
        self.lost = False  # a check or a connect failed and none succeeded since
        self.lost_since = 0.0
        self.lost_wait = LOST_WAIT_S  # 0 once answers() found the server down: each call then fails at once
        super().__init__(*args, kwargs=policy_kwargs(kwargs or {}), check=self._alive, **options)

    def _set_lost(self, lost: bool) -> None:
        if lost and not self.lost:
            self.lost_since = time.monotonic()
        if not lost:
            self.lost_wait = LOST_WAIT_S
        self.lost = lost

    def answers(self, wait: float) -> bool:
        """Whether the server gives a connection within `wait` s. When it does not, each later call fails at once
        (until a connection is made again) instead of waiting LOST_WAIT_S: a stopping session's few calls then
        leave in a moment, where they waited 3-5 s each (sweep 41 Q5: 12-16 s with nothing on screen)."""
        try:
            with self.connection(timeout=wait):
                return True
        except Exception:
            if self.lost:
                self.lost_wait = 0.0
            return False

    def _alive(self, conn: Any) -> None:
        try:
            ConnectionPool.check_connection(conn)
        except Exception:
            self._set_lost(True)
            self.check()  # the other idle connections are likely dropped too: replaced now, not one per pause
            raise
        self._set_lost(False)

    def _connect(self, timeout: float | None = None) -> Any:
        try:
            conn = super()._connect(timeout)
        except Exception:
            self._set_lost(True)
            if _waited_enough(self):
                for waiting in list(self._waiting):  # queued before the loss, with the pool's whole timeout
                    waiting.fail(_unreachable())
            raise
        self._set_lost(False)
        return conn

    def schedule_task(self, task: Any, delay: float) -> None:
        super().schedule_task(task, _reconnect_pause(task, delay))

    def _getconn_unchecked(self, timeout: float) -> Any:
        # psycopg_pool's wait for a connection, called again after each failed check with the time left
        return super()._getconn_unchecked(min(timeout, self.lost_wait) if self.lost else timeout)

    def getconn(self, timeout: float | None = None) -> Any:
        try:
            return super().getconn(timeout)
        except PoolTimeout:
            if self.lost:
                raise _unreachable() from None
            raise

    @contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[Any]:
        held = _HELD.get()
        if held is not None and held.pool is self:
            with held.lock:
                if held.open:
                    yield held.conn
                    return
        with super().connection(timeout) as conn:
            yield conn

    @contextmanager
    def one_turn(self) -> Iterator[None]:
        """The pool calls made inside the block (see the module docstring) run on one connection, taken once. A
        block inside another one keeps the outer block's connection."""
        held = _HELD.get()
        if held is not None and held.pool is self and held.open:
            yield
            return
        with super().connection() as conn:
            held = _Held(self, conn)
            token = _HELD.set(held)
            try:
                yield
            finally:
                _HELD.reset(token)
                with held.lock:  # a call still running on another thread ends before the connection goes back
                    held.open = False

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Inside a one_turn() block: the calls made inside this one run in one transaction on the turn's
        connection, committed when it ends (rolled back if it raises); outside one, each call commits on its own."""
        held = _HELD.get()
        if held is None or held.pool is not self or not held.open:
            yield
            return
        with held.lock:
            transaction = held.conn.transaction()
            transaction.__enter__()
        try:
            yield
        except BaseException as exc:
            with held.lock:
                if not transaction.__exit__(type(exc), exc, exc.__traceback__):
                    raise
        else:
            with held.lock:
                transaction.__exit__(None, None, None)


POOL_CHATTER = ("error connecting in", "discarding broken connection", "reconnection attempt in pool")
SERVICE_LOG = logging.getLogger("interviewer.service")


class _PoolChatter(logging.Filter):
    """Drops psycopg_pool's warning for each failed reconnect attempt and each dropped connection (one a second per
    pending connection while the server is away): AsyncPolicyPool says the loss and the return once each."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(POOL_CHATTER)


def _quiet_chatter() -> None:
    logger = logging.getLogger("psycopg.pool")
    if not any(isinstance(f, _PoolChatter) for f in logger.filters):
        logger.addFilter(_PoolChatter())


class AsyncPolicyPool(AsyncConnectionPool):
    """The service's AsyncConnectionPool (the checkpointer's and the run lock's) under TurnPool's policy: checked
    connections, a failed check sweeping the idle ones, a bounded wait once the server is away (Unreachable: the
    service answers 503 in one line, agent.server_checkpointer), and reconnect attempts at most RECONNECT_EVERY_S
    apart, so the first request after the server is back is served at once (sweep 41 PD1: HTTP 500 for a minute).
    The server's log says once that the database cannot be reached and once that it is back, in place of the
    pool's warning per attempt."""

    def __init__(self, *args: Any, kwargs: dict[str, Any] | None = None, **options: Any) -> None:
        self.lost = False
        self.lost_since = 0.0
        _quiet_chatter()
        super().__init__(*args, kwargs=policy_kwargs(kwargs or {}), check=self._alive, **options)

    def _set_lost(self, lost: bool, why: BaseException | None = None) -> None:
        if lost and not self.lost:
            self.lost_since = time.monotonic()
            SERVICE_LOG.warning("the Postgres server cannot be reached (%s): requests that need it answer 503 until "
                                "it is back", type(why).__name__)  # fmt: skip
        elif self.lost and not lost:
            SERVICE_LOG.warning("the Postgres server is reachable again")
        self.lost = lost

    async def _alive(self, conn: Any) -> None:
        try:
            await AsyncConnectionPool.check_connection(conn)
        except Exception as exc:
            self._set_lost(True, exc)
            await self.check()
            raise
        self._set_lost(False)

    async def _connect(self, timeout: float | None = None) -> Any:
        try:
            conn = await super()._connect(timeout)
        except Exception as exc:
            self._set_lost(True, exc)
            if _waited_enough(self):
                for waiting in list(self._waiting):
                    await waiting.fail(_unreachable())
            raise
        self._set_lost(False)
        return conn

    async def schedule_task(self, task: Any, delay: float) -> None:
        await super().schedule_task(task, _reconnect_pause(task, delay))

    async def _getconn_unchecked(self, timeout: float) -> Any:
        return await super()._getconn_unchecked(min(timeout, LOST_WAIT_S) if self.lost else timeout)

    async def getconn(self, timeout: float | None = None) -> Any:
        try:
            return await super().getconn(timeout)
        except PoolTimeout:
            if self.lost:
                raise _unreachable() from None
            raise
