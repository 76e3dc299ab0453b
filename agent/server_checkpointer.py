"""The checkpointer LangGraph Server uses for the interview graph (langgraph.json's `checkpointer.path`).

INTERVIEWER_CHECKPOINTER picks it, as for the terminal:
    postgresql://user@host/db   AsyncPostgresSaver on a psycopg async pool (tables created on start)
    a .sqlite path (or sqlite:///PATH)  AsyncSqliteSaver
    unset, or memory:           InMemorySaver (threads last as long as the server process)
The server opens it once at start and closes it at shutdown. A value of another kind (mysql://, a typo of
postgresql://, a bare word) or a Postgres server that cannot be reached stops the server at start with one line
naming the value and what is accepted (exit status 2; under `langgraph dev`'s reloader the
whole command ends too, see _stop_supervisor): never a SQLite file made of a typo, nor 30 s of pool
retries ending in a traceback. So do a Postgres server that refuses the database or role (named as a refusal, not
as unreachable) and a SQLite path that cannot be opened or is not a SQLite database.

A database that fails later, during a run (a SQLite file damaged or replaced, a Postgres error), fails that run with
one line for the client naming the checkpointer and what failed (CheckpointerFault), never a server path.

The same hook refuses an INTERVIEWER_AUTH_SECRET shorter than agent.service_auth.MIN_SECRET (one line, exit 2,
as the token tool does) and a numeric INTERVIEWER_* setting it does not accept (agent.env_settings), and checks
INTERVIEWER_DATA_DIR (the candidates' documents, indexes and reports): a folder the server cannot create or write in
(a file in the way, no permission, a parent that cannot be made) stops the server at start with one line naming the
setting, instead of failing every run later.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any, NoReturn

from langgraph.checkpoint.base import BaseCheckpointSaver

POOL_ENV = "INTERVIEWER_PG_POOL"
POOL_MIN, POOL_MAX = 10, 40  # the default's bounds; Postgres's own default max_connections is 100
POOL_LIMIT = 1000
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
ACCEPTED = "a postgresql:// URL, a .sqlite file path (or sqlite:///PATH), memory:, or unset"
CONNECT_TIMEOUT_S = 5


def checkpointer_kind(url: str) -> str | None:
    """'postgres', 'sqlite' or 'memory' for an INTERVIEWER_CHECKPOINTER value; None for one of another kind."""
    if url in ("", "memory:"):
        return "memory"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgres"
    if url.startswith("sqlite:///") or ("://" not in url and url.lower().endswith(SQLITE_SUFFIXES)):
        return "sqlite"
    return None


def _base_url_problem() -> str | None:
    """Why OPENAI_BASE_URL cannot be used, in the words the terminal refuses it with (agent.cli_context), else None
    (sweep 40 V14: file:///etc/passwd started the server, which then blamed "cannot connect" for every answer)."""
    from agent.cli_context import UsageError, check_base_url

    url = os.environ.get("OPENAI_BASE_URL", "").strip()
    if not url:
        return None
    try:
        check_base_url(url)
    except UsageError as exc:
        return str(exc)
    return None


def _stop(line: str) -> NoReturn:
    """Say why the server cannot start, in one line, and exit (a raise here prints the ASGI lifespan's traceback)."""
    sys.stderr.write(f"interviewer: {line}\n")
    sys.stderr.flush()
    _stop_supervisor()
    os._exit(2)


def _stop_supervisor() -> None:
    """`langgraph dev` without --no-reload serves from a worker process that uvicorn's reloader started (a
    multiprocessing child); the worker's exit alone left the reloader waiting for file changes, the command hanging
    after the line (sweep 33 S2). The reloader is asked to stop its own way (SIGTERM), so the command ends; its exit
    status is then the reloader's own (0): only a server without a reloader can exit 2."""
    import multiprocessing
    import signal

    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid is not None and parent.is_alive():
        with contextlib.suppress(OSError):
            os.kill(parent.pid, signal.SIGTERM)


def pool_size() -> int:
    """Connections of the Postgres checkpointer's pool: INTERVIEWER_PG_POOL, else the server's runs at once
    (N_JOBS_PER_WORKER, langgraph dev's --n-jobs-per-worker) plus 5 for the API's reads of threads and state,
    within POOL_MIN..POOL_MAX. Each checkpoint call holds a connection only while it runs (the saver takes no lock
    on a pool), so more connections than calls at once only cost the database memory. A value that is not a whole
    number from 1 to POOL_LIMIT stops the server (one line)."""
    given = os.environ.get(POOL_ENV, "").strip()
    if not given:
        jobs = os.environ.get("N_JOBS_PER_WORKER", "10").strip()
        return min(max((int(jobs) if jobs.isdigit() else 10) + 5, POOL_MIN), POOL_MAX)
    if not given.isdigit() or not 1 <= int(given) <= POOL_LIMIT:
        _stop(f"{POOL_ENV}={given[:40]} is not a pool size: give a whole number of connections from 1 to {POOL_LIMIT}")
    return int(given)


def _data_dir_problem() -> str | None:
    """Why the server cannot keep candidates' files in its data folder (created, then written once), else None."""
    import tempfile

    from knowledge.paths import DataDirError, data_dir

    try:
        with tempfile.TemporaryFile(dir=data_dir()):
            pass
    except DataDirError as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot write in it: {exc.strerror or exc}"
    return None


async def _reachable(url: str) -> str | None:
    """Why one direct connection to the Postgres server fails (at most CONNECT_TIMEOUT_S), else None."""
    import psycopg

    try:
        conn = await psycopg.AsyncConnection.connect(url, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        return " ".join(str(exc).split()) or type(exc).__name__
    await conn.close()
    return None


def _malformed(url: str) -> bool:
    """True when `url` is no Postgres URL at all (said so, not called a server that cannot be reached)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return True
    return False


RECORDED = "failed on this run, nothing was recorded: "
SEE_LOG = "; the server's log says what to do"


class CheckpointerFault(RuntimeError):
    """The checkpoint database failed during a run (LangGraph Server tells a client a RuntimeError's message, and
    any other error only as 'An internal error occurred'): one line naming the database and what failed."""


UNREACHABLE = ("the Postgres checkpointer cannot be reached (no connection to it could be made): nothing was "
               "recorded; try again once it is back")  # fmt: skip


def _fault(label: str, exc: BaseException) -> CheckpointerFault:
    from agent.pg_pool import Unreachable

    if isinstance(exc, Unreachable):  # the pool waited its few seconds: the database is down, not this request
        return CheckpointerFault(UNREACHABLE)
    why = " ".join(str(exc).split())[:160]
    if label != "SQLite" or "/" in why or not why:
        why = type(exc).__name__  # a Postgres error names hosts and databases; a path is the server's
    return CheckpointerFault(f"the {label} checkpointer {RECORDED}{why}{SEE_LOG}")


def guard_errors(saver: Any, errors: tuple[type[BaseException], ...], label: str) -> Any:
    """The saver, its async methods raising CheckpointerFault in place of the database driver's errors."""

    def wrap(method: Any) -> Any:
        async def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return await method(*args, **kwargs)
            except errors as exc:
                raise _fault(label, exc) from exc

        return call

    def wrap_iter(method: Any) -> Any:
        async def listing(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
            try:
                async for item in method(*args, **kwargs):
                    yield item
            except errors as exc:
                raise _fault(label, exc) from exc

        return listing

    for name in ("aget_tuple", "aput", "aput_writes", "adelete_thread"):
        setattr(saver, name, wrap(getattr(saver, name)))
    saver.alist = wrap_iter(saver.alist)
    return saver


async def _async_saver_tables() -> frozenset[str]:
    """The tables the installed AsyncSqliteSaver makes (its setup() on an empty in-memory database): the server's
    SQLite file holds these and nothing else of the tool's, whatever a langgraph-checkpoint-sqlite release names."""
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    async with AsyncSqliteSaver.from_conn_string(":memory:") as saver:
        await saver.setup()
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        async with saver.conn.execute(query) as cursor:
            return frozenset(str(row[0]) for row in await cursor.fetchall())


@asynccontextmanager
async def checkpointer() -> AsyncIterator[BaseCheckpointSaver[Any]]:
    from agent.env_settings import SERVER_SETTINGS
    from agent.env_settings import problem as setting_problem
    from agent.safe_text import hide_credentials, redact_url
    from agent.service_auth import SHORT_SECRET_SERVER, short_secret

    if short_secret():  # every token it signs could be forged: no request is served under it
        _stop(SHORT_SECRET_SERVER)
    if problem := setting_problem(SERVER_SETTINGS):  # a typo was silently the default (sweep 37 V21)
        _stop(problem)
    if problem := _base_url_problem():
        _stop(problem)
    pool_size()  # a bad INTERVIEWER_PG_POOL stops the server whatever the checkpointer (sweep 38 V25: on SQLite it was
    # never read, so a typo went unnoticed until the checkpointer changed)
    if problem := _data_dir_problem():
        shown = os.environ.get("INTERVIEWER_DATA_DIR") or "(unset: the platform's user data folder)"
        _stop(f"INTERVIEWER_DATA_DIR={shown[:200]} cannot be used: {problem}")
    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    kind = checkpointer_kind(url)
    if kind is None:
        shown = str(redact_url(url))[:120]
        _stop(f"INTERVIEWER_CHECKPOINTER={shown} is not a checkpointer this server opens: give {ACCEPTED}")
    if kind == "postgres":
        from psycopg.rows import dict_row

        from agent.pg_pool import AsyncPolicyPool
        from agent.postgres_saver import PooledAsyncPostgresSaver
        from agent.store_postgres import SETUP_LOCK_KEY, SETUP_WAIT_S

        size = pool_size()  # a bad INTERVIEWER_PG_POOL is said before any connection is tried
        if reason := await _reachable(url):
            why = hide_credentials(reason, url)[:300]  # the driver quotes a malformed URL whole (sweep 35 B28)
            if _malformed(url):
                _stop(f"INTERVIEWER_CHECKPOINTER={redact_url(url)} is not a valid Postgres URL ({why})")
            # "FATAL:" is the server's own answer (no such database or role, a refused password): it was reached
            what = "refused the connection" if "FATAL:" in reason else "cannot be reached"
            _stop(f"the Postgres server of INTERVIEWER_CHECKPOINTER={redact_url(url)} {what} ({why})")
        from agent.postgres_guard import foreign_message, foreign_tables_async

        if others := await foreign_tables_async(url, CONNECT_TIMEOUT_S):  # never adopted (sweep 33 S12)
            _stop(foreign_message(f"INTERVIEWER_CHECKPOINTER={redact_url(url)}", others))
        kwargs = {"autocommit": True, "prepare_threshold": None, "row_factory": dict_row}
        # the pools' policy (agent.pg_pool): a connection a restart dropped is replaced before a request uses it, and
        # while the server is away a request fails in seconds (sweep 40 P5b, sweep 41 PD1)
        pool = AsyncPolicyPool(url, min_size=min(4, size), max_size=size, kwargs=kwargs, open=False)
        async with pool:
            postgres = PooledAsyncPostgresSaver(pool)  # its calls run at once, each on a pooled connection
            async with pool.connection() as conn:  # one setup at a time (see agent.store_postgres.setup_lock)
                for _ in range(int(SETUP_WAIT_S / 0.05)):
                    cur = await conn.execute("SELECT pg_try_advisory_lock(%s) AS held", (SETUP_LOCK_KEY,))
                    held: Any = await cur.fetchone()  # a dict row (the pool's row_factory)
                    if held and held["held"]:
                        break
                    await asyncio.sleep(0.05)
                try:
                    await postgres.setup()
                finally:
                    await conn.execute("SELECT pg_advisory_unlock_all()")
            import psycopg

            yield guard_errors(postgres, (psycopg.Error,), "Postgres")
    elif kind == "sqlite":
        from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

        from agent.storage import companion_message, other_programs_tables, private_if_empty

        file = Path(url.removeprefix("sqlite:///")).expanduser()
        if problem := companion_message(file, f"INTERVIEWER_CHECKPOINTER={url[:200]}"):
            _stop(problem)  # SQLite's own -wal / -shm / -journal name: deleted with the sessions (sweep32 S10)
        private_if_empty(file)  # an empty file made first holds the sessions from now on: 0600 (sweep32 S7)
        # never adopted (sweep30 S17's server side); the tool's tables are the ones the installed saver makes
        if file.is_file() and (n_others := other_programs_tables(file, await _async_saver_tables())):
            tables = "a table" if n_others == 1 else f"{n_others} tables"
            _stop(f"INTERVIEWER_CHECKPOINTER={url[:200]} is not a session database (an SQLite database with {tables} "
                  "of another program); it was left untouched: give a session database or a new file name")  # fmt: skip
        async with AsyncExitStack() as stack:
            try:  # opened and its tables made now: a file that is no database, or cannot be made, stops the start
                sqlite = await stack.enter_async_context(
                    AsyncSqliteSaver.from_conn_string(url.removeprefix("sqlite:///"))
                )
                await sqlite.setup()
            except (sqlite3.Error, OSError) as exc:
                _stop(f"INTERVIEWER_CHECKPOINTER={url[:200]} cannot be opened as a SQLite database ({exc})")
            yield guard_errors(sqlite, (sqlite3.Error,), "SQLite")
    else:
        from langgraph.checkpoint.memory import InMemorySaver

        yield InMemorySaver()
