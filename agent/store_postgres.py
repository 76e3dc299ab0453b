"""Sessions on PostgreSQL: langgraph's PostgresSaver on a psycopg pool, and the session registry beside it.

`open_postgres(url)` is what `--checkpointer postgresql://...` opens (the `postgres` extra installs the
driver). PostgresStore implements agent.store.SessionStore in two tables of the same database, so list,
resume and reports work for every process that reaches the server. A running session is held by a lease
row (holder "pid on host", renewed on every move): another process is refused while the lease is live;
a holder that died on this host is recognised at once, one on another host once its lease runs out.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from agent.backend import Backend
from agent.registry_peek import RegistryReads
from agent.session_lock import SessionLockedError
from agent.storage import unreachable_error
from agent.store import now_iso, stamped

LEASE_S = 15 * 60  # a session untouched this long may be taken over from a holder on another host
RENEW_BELOW = LEASE_S / 2  # a lease of ours with less left is renewed before a move (recheck_moves)
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS interview_sessions (
        thread_id TEXT PRIMARY KEY, role TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, context TEXT NOT NULL, moves INTEGER NOT NULL DEFAULT 0,
        used BIGINT NOT NULL DEFAULT 0, holder TEXT, held_until DOUBLE PRECISION)""",
    """CREATE TABLE IF NOT EXISTS interview_moves (
        thread_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        at TEXT NOT NULL, PRIMARY KEY (thread_id, seq))""",
    "CREATE INDEX IF NOT EXISTS interview_sessions_used ON interview_sessions (status, used)",
)
_STORES: dict[int, PostgresStore] = {}


def _me() -> str:
    return f"pid {os.getpid()} on {socket.gethostname()}"


def _holder_dead(holder: str) -> bool:
    """A holder on this host whose process is gone."""
    parts = holder.split()
    if len(parts) != 4 or parts[3] != socket.gethostname() or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class PostgresStore(RegistryReads):
    """agent.store.SessionStore on a psycopg ConnectionPool (autocommit connections)."""

    _ARG = "%s"
    _NEWEST = "used DESC"

    def __init__(self, pool: Any, owns: bool = False, schema: bool = True) -> None:
        self.pool = pool
        self._owns = owns
        self._wanted: set[str] = set()  # sessions held before their row exists
        self._held = threading.local()  # the connection one_connection() holds for this thread, if any
        if not schema:  # only read (agent.registry_peek): a database without the tables is one that holds none
            return
        with pool.connection() as conn:
            for statement in _SCHEMA:
                conn.execute(statement)

    @contextmanager
    def one_connection(self) -> Iterator[None]:
        """The store's calls made on this thread inside the block run on one pooled connection, taken once; on
        open_pool's agent.pg_pool.TurnPool the saver's calls too, on this thread and on the threads LangGraph writes
        the checkpoint from (one wait for the pool per turn: load42/43, pool wait was the largest phase).

        The connection autocommits, so each statement is still durable when it returns; a block inside another one
        keeps the outer block's connection."""
        one_turn = getattr(self.pool, "one_turn", None)
        if one_turn is not None:
            with one_turn():
                yield
            return
        if getattr(self._held, "conn", None) is not None:
            yield
            return
        with self.pool.connection() as conn:
            self._held.conn = conn
            try:
                yield
            finally:
                self._held.conn = None

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Inside one_connection() on a TurnPool: the store's and the saver's calls in the block commit together at
        its end (agent.pg_pool); otherwise each call commits on its own, as outside it."""
        one_transaction = getattr(self.pool, "one_transaction", None)
        if one_transaction is None:
            yield
            return
        with one_transaction():
            yield

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        """The connection one_connection() holds for this thread, else one from the pool for this call (a TurnPool
        hands out the one its block holds itself)."""
        try:
            held = getattr(self._held, "conn", None)
            if held is not None:
                yield held
                return
            with self.pool.connection() as conn:
                yield conn
        except Exception as exc:
            # a server gone (stopped, restarting): a StorageError the session says in one line, as for a disk
            # (sweep 40 PG5: a raw PoolTimeout ended a stopped session with "error: PoolTimeout")
            lost = None if isinstance(self.pool, _OneConnection) else unreachable_error(exc, self._url())
            if lost is None:
                raise
            raise lost from None

    def _url(self) -> str:
        return str(getattr(self.pool, "conninfo", "") or "")

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._connection() as conn, conn.cursor() as cur:
            cur.execute(sql, params)
            return [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in cur.fetchall()]

    _read = _rows  # what RegistryReads reads with

    def _run(self, *statements: tuple[str, tuple[Any, ...]]) -> int:
        """Run the statements as one transaction; the last one's row count. One statement runs on its own (the
        connection autocommits: no BEGIN and COMMIT round trips around it)."""
        if len(statements) == 1:
            with self._connection() as conn, conn.cursor() as cur:
                cur.execute(*statements[0])
                return int(cur.rowcount)
        with self._connection() as conn, conn.transaction(), conn.cursor() as cur:
            count = 0
            for sql, params in statements:
                cur.execute(sql, params)
                count = cur.rowcount
            return count

    def register(self, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
        holder = _me() if thread_id in self._wanted else None  # held before its row existed (a new session)
        self._run((
            "INSERT INTO interview_sessions (thread_id, role, status, created_at, updated_at, context, moves, used, "
            "holder, held_until) VALUES (%s, %s, %s, %s, %s, %s, 0, %s, %s, %s) ON CONFLICT (thread_id) DO UPDATE "
            "SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at",
            (thread_id, str(context.get("role", "")), status, now_iso(), now_iso(), json.dumps(stamped(context)),
             time.time_ns(), holder, time.time() + LEASE_S if holder else None),
        ))  # fmt: skip
        self._wanted.discard(thread_id)

    def record_move(self, thread_id: str, seq: int, move: dict[str, str]) -> None:
        # One statement (atomic on its own, one round trip; it was BEGIN, three statements and COMMIT): moves after
        # `seq` go, the move at `seq` is written or replaced, and the session's counters and lease move on (and an
        # end marks the session done at once, as on SQLite).
        self._rows(
            "WITH gone AS (DELETE FROM interview_moves WHERE thread_id = %s AND seq > %s), "
            "kept AS (INSERT INTO interview_moves (thread_id, seq, kind, text, at) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (thread_id, seq) DO UPDATE SET kind = EXCLUDED.kind, text = EXCLUDED.text, at = EXCLUDED.at) "
            "UPDATE interview_sessions SET moves = %s, used = %s, updated_at = %s, held_until = "
            "CASE WHEN holder = %s THEN %s ELSE held_until END, status = CASE WHEN %s = 'end' THEN 'done' ELSE "
            "status END WHERE thread_id = %s RETURNING moves",
            (thread_id, seq, thread_id, seq, move["kind"], move.get("text", ""), now_iso(),
             seq + 1, time.time_ns(), now_iso(), _me(), time.time() + LEASE_S, move["kind"], thread_id),
        )  # fmt: skip

    def delete(self, thread_id: str) -> None:
        self._run(
            ("DELETE FROM interview_moves WHERE thread_id = %s", (thread_id,)),
            ("DELETE FROM interview_sessions WHERE thread_id = %s", (thread_id,)),
        )

    def empty_sessions(self) -> list[str]:
        rows = self._rows(
            "SELECT thread_id, holder, held_until FROM interview_sessions WHERE status = 'active' AND moves = 0"
        )
        return [str(t) for t, holder, until in rows if not holder or (until or 0) < time.time() or _holder_dead(holder)]

    def safe_point(self) -> None:
        return None  # every commit is on the server's disk already

    def hold(self, thread_id: str) -> None:
        me = _me()
        # One statement: take the lease if free, else read who holds it (one round trip; the outer SELECT sees the
        # row as it was before the UPDATE, which is all a refusal needs).
        rows = self._rows(
            "WITH taken AS (UPDATE interview_sessions SET holder = %s, held_until = %s WHERE thread_id = %s AND "
            "(holder IS NULL OR holder = %s OR held_until < %s) RETURNING 1) "
            "SELECT (SELECT count(*) FROM taken) AS taken, holder FROM interview_sessions WHERE thread_id = %s",
            (me, time.time() + LEASE_S, thread_id, me, time.time(), thread_id),
        )  # fmt: skip
        if rows and rows[0][0]:
            return
        holder = str(rows[0][1]) if rows and rows[0][1] else ""
        if not rows:
            self._wanted.add(thread_id)  # a new session: its row is written holding the lease
            return
        if _holder_dead(holder):
            self._run((
                "UPDATE interview_sessions SET holder = %s, held_until = %s WHERE thread_id = %s",
                (me, time.time() + LEASE_S, thread_id),
            ))  # fmt: skip
            return
        raise SessionLockedError(
            f"session {thread_id} is open in another process ({holder}); finish or quit it there first"
        )

    def recheck(self, thread_id: str) -> None:
        self.hold(thread_id)  # the lease renewed while it is ours, refused once another process took it

    def recheck_moves(self, thread_id: str) -> int:
        """recheck(), then the number of moves the session holds: one read while the lease is ours with more than
        RENEW_BELOW left (the move's record renews it; a turn used to rewrite it here and read every move's text
        to count them, two statements and a commit), else hold() as recheck() does and a second read."""
        sql = "SELECT holder, held_until, moves FROM interview_sessions WHERE thread_id = %s"
        rows = self._rows(sql, (thread_id,))
        if rows and rows[0][0] == _me() and (rows[0][1] or 0) > time.time() + RENEW_BELOW:
            return int(rows[0][2])
        self.hold(thread_id)  # free, lapsing or another's: taken, renewed or refused (SessionLockedError)
        rows = self._rows(sql, (thread_id,))
        return int(rows[0][2]) if rows else 0

    def release(self, thread_id: str) -> None:
        self._wanted.discard(thread_id)
        self._run((
            "UPDATE interview_sessions SET holder = NULL, held_until = NULL WHERE thread_id = %s AND holder = %s",
            (thread_id, _me()),
        ))  # fmt: skip

    def close(self) -> None:
        if self._owns:
            self.pool.close()


def open_pool(url: str, max_size: int | None = None) -> Any:
    """A psycopg pool whose connections suit PostgresSaver (autocommit, dict rows, no prepared statements); a turn
    holds one of them for all its calls (agent.pg_pool). Its size: `max_size`, else INTERVIEWER_PG_POOL when set,
    else the default (30) cut to this process's fair_share of the server's connections."""
    from psycopg.rows import dict_row

    from agent.env_settings import value
    from agent.pg_pool import TurnPool

    given = max_size or (int(value("INTERVIEWER_PG_POOL")) if os.environ.get("INTERVIEWER_PG_POOL", "").strip() else 0)
    kwargs = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
    quiet_pool_log()  # a dropped connection is replaced (TurnPool checks each one): said by the session, not the log
    pool = TurnPool(url, min_size=1, max_size=given or int(value("INTERVIEWER_PG_POOL")), kwargs=kwargs, open=True)
    if not given:  # the default: no more than this process's share of what the server accepts
        try:
            with pool.connection() as conn:
                row = conn.execute(_SLOTS).fetchone()
        except BaseException:
            pool.close()  # its workers would go on trying to connect
            raise
        pool.resize(1, min(pool.max_size, fair_share(int(row["slots"]), int(row["reserved"]))))
    return pool


_SLOTS = (
    "SELECT current_setting('max_connections')::int AS slots, "
    "current_setting('superuser_reserved_connections')::int AS reserved"
)
PROCESSES_SHARING = 5  # a share for each of four load or server workers, and one for terminals, psql, a backup


def fair_share(slots: int, reserved: int) -> int:
    """Connections one process's pool may open by default: the server's max_connections less the slots it keeps for
    superusers, split PROCESSES_SHARING ways (at least 2). With Postgres's default 100 (97 open), four load workers'
    pools of 30 could ask for 120, and whatever connected next was refused ("too many clients")."""
    return max(2, (slots - reserved) // PROCESSES_SHARING)


def quiet_pool_log() -> None:
    """psycopg_pool logs each failed reconnect (every second while the server is down) and each dropped connection
    as a warning; without a handler of the program's, Python prints them to stderr, over a terminal session's
    prompt (sweep 40 PG5). A session says a lost database in its own line; a server's logging still gets them."""
    import logging

    logger = logging.getLogger("psycopg.pool")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


# Every process of this tool creates the tables it needs on first use; two at once on a fresh database (two workers,
# two terminals, a server and a terminal) would race LangGraph's migrations (UniqueViolation on checkpoint_migrations,
# seen with two load-test workers). A session-level advisory lock on this key serializes the setup.
SETUP_LOCK_KEY = 0x696E7476  # any constant shared by every version of the tool


SETUP_WAIT_S = 120.0


@contextmanager
def setup_lock(pool: Any) -> Iterator[None]:
    """Hold the schema-setup advisory lock (on its own pooled connection) while creating tables. Waiters poll with
    pg_try_advisory_lock rather than block in pg_advisory_lock: a blocked statement is an open transaction, which
    the holder's CREATE INDEX CONCURRENTLY would wait for (a deadlock)."""
    with pool.connection() as conn:
        deadline = time.monotonic() + SETUP_WAIT_S
        while not _try_lock(conn) and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock_all()")


def _try_lock(conn: Any) -> bool:
    row = conn.execute("SELECT pg_try_advisory_lock(%s) AS held", (SETUP_LOCK_KEY,)).fetchone()
    return bool(row["held"] if isinstance(row, dict) else row[0])


def open_postgres(url: str) -> Backend:
    """PostgresSaver (agent.postgres_saver's, its calls not serialised on the pool) + PostgresStore on one pool
    (tables created on first use, one process at a time)."""
    from agent.postgres_saver import PooledPostgresSaver

    pool = None
    try:
        pool = open_pool(url)
        saver = PooledPostgresSaver(pool)  # checkpoint calls in parallel, each on its own pooled connection
        # the setup's calls on the lock's own connection: with a pool of one (INTERVIEWER_PG_POOL=1) the lock held
        # the only connection while the saver's migrations waited for another one, the pool's 30 s timeout
        with pool.one_turn(), setup_lock(pool):
            saver.setup()
            store = PostgresStore(pool, owns=True)
    except Exception as exc:
        # the server went away after the preflight's check, while the session got ready: the one line a lost
        # server gets later too, not a raw PoolTimeout after 30 s (sweep 41 Q3)
        if pool is not None:
            pool.close()
        if (lost := unreachable_error(exc, url)) is None:
            raise
        raise lost from None
    _STORES[id(saver)] = store
    return Backend(saver, store, url)


class _OneConnection:
    """A single psycopg connection shaped like a pool (`with pool.connection() as conn`), used one at a time."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.lock = threading.Lock()

    @contextmanager
    def connection(self) -> Iterator[Any]:
        with self.lock:
            yield self.conn

    def close(self) -> None:
        return None


def store_for_saver(saver: Any) -> PostgresStore:
    """The registry beside a PostgresSaver the caller opened (on a pool or on one connection)."""
    store = _STORES.get(id(saver))
    if store is None:
        pool = saver.conn if hasattr(saver.conn, "getconn") else _OneConnection(saver.conn)
        store = _STORES[id(saver)] = PostgresStore(pool)
    return store


@contextmanager
def registry_reader(url: str, timeout: int = 3) -> Iterator[PostgresStore]:
    """The registry on one short connection, for reading before the session store opens (agent.registry_peek):
    no tables made, no pool; a server that does not answer within `timeout` seconds raises psycopg's error."""
    import psycopg

    conn = psycopg.connect(url, autocommit=True, connect_timeout=timeout)
    try:
        yield PostgresStore(_OneConnection(conn), schema=False)
    finally:
        conn.close()
