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

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from psycopg_pool import ConnectionPool


class _Held:
    """The connection a one_turn() block holds; `lock` lets one call use it at a time (re-entrant: a call on the
    owning thread inside another one)."""

    def __init__(self, pool: TurnPool, conn: Any) -> None:
        self.pool, self.conn, self.open = pool, conn, True
        self.lock = threading.RLock()


_HELD: ContextVar[_Held | None] = ContextVar("interviewer_pg_turn", default=None)


LOST_WAIT_S = 5.0  # how long a call waits for a new connection once the server dropped the pool's (PG5)


class TurnPool(ConnectionPool):
    """A psycopg ConnectionPool whose connection() hands out the connection a one_turn() block holds, if any.

    Each connection is checked before it is handed out, so one the server dropped (a restart) is replaced instead
    of failing the call (sweep 40 PG6). Once a check failed and no new connection has been made since, the server
    is likely down: a call then waits LOST_WAIT_S for a new one, not the pool's whole timeout, so a terminal session
    says so in seconds instead of freezing its prompt for 30 (sweep 40 PG5). A busy pool on a live server fails no
    check: its callers wait their turn as long as before."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.lost = False  # a check failed and no connection has been made since
        super().__init__(*args, check=self._alive, configure=self._made, **kwargs)

    def _alive(self, conn: Any) -> None:
        try:
            ConnectionPool.check_connection(conn)
        except Exception:
            self.lost = True
            raise

    def _made(self, conn: Any) -> None:
        self.lost = False

    def _getconn_unchecked(self, timeout: float) -> Any:
        # psycopg_pool's wait for a connection, called again after each failed check with the time left
        return super()._getconn_unchecked(min(timeout, LOST_WAIT_S) if self.lost else timeout)

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
