"""Which checkpointer holds the sessions: `--checkpointer URL` / INTERVIEWER_CHECKPOINTER.

    a path (default data_dir()/sessions.sqlite)  SqliteSaver + agent.checkpoint.SqliteStore
    postgresql://user@host/db                     agent.postgres_saver.PooledPostgresSaver on a psycopg pool
                                                  + agent.store_postgres.PostgresStore
    memory:                                       InMemorySaver + agent.store.MemoryStore (this process only)

A Backend pairs the LangGraph saver with the session registry that lives beside it, so list, resume and
reports work the same on every backend.
"""

from __future__ import annotations

import os
import threading
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from agent.store import MemoryStore, SessionStore

ENV = "INTERVIEWER_CHECKPOINTER"
_MEMORY: tuple[Any, MemoryStore] | None = None  # `memory:` is one store per process
_FOR_SAVER: weakref.WeakKeyDictionary[Any, MemoryStore] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


@dataclass
class Backend:
    """A checkpointer and its session registry; `owned` ones are closed by close()."""

    saver: Any
    store: SessionStore
    url: str
    owned: bool = True
    readonly: bool = False  # opened to read a read-only data folder: list and finished reports only

    def close(self) -> None:
        if self.owned:
            self.store.close()


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def memory_only(url: str | None = None) -> bool:
    """True when sessions live in this process's memory only (`--checkpointer memory:`): nothing to resume.
    Without an argument, the configured backend (INTERVIEWER_CHECKPOINTER)."""
    return (os.environ.get(ENV, "") if url is None else url).strip() == "memory:"


def is_sqlite(url: str) -> bool:
    """True when `url` names a SQLite session database: a path or sqlite:///PATH ("" is the default file). Not
    memory:, postgresql:// or any other scheme:// (mysql://, http://: a URL this tool does not serve). The one
    rule for "is this a SQLite path", read the same way (spaces around it ignored) wherever it is asked."""
    url = url.strip()
    if memory_only(url) or is_postgres(url) or url.startswith("memory:"):
        return False  # memory:x, a typo of memory:, became a SQLite file named so in the current folder (sweep27 S15)
    return "://" not in url or url.startswith("sqlite:///")


def absolute(url: str) -> str:
    """A SQLite backend named by a relative path, made absolute (the printed resume command must work from any
    folder, and a run elsewhere must not create a new empty database); other URLs as they are."""
    if not url.strip() or not is_sqlite(url):
        return url
    return str(sqlite_file(url.strip()).absolute())


def sqlite_file(url: str) -> Path:
    """The session database a SQLite backend URL names: a path, or sqlite:///PATH."""
    return Path(url.removeprefix("sqlite:///")).expanduser()


def shown_url(url: str) -> str | None:
    """`url` as a printed command names it: a password shown as *** (the user name, host and port kept, so the
    command works once the password is put back); None for text no parser reads as a URL."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        if parts.password is not None:
            host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname or ""
            netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
            url = urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return None  # not a URL the tool could have opened
    return url


def own_database(url: str) -> bool:
    """`url` (a configured checkpointer, "" for none) is the data folder's own sessions.sqlite."""
    from knowledge.paths import data_dir_path

    if not url.strip():
        return True
    if not is_sqlite(url):
        return False
    return os.path.realpath(sqlite_file(url.strip())) == os.path.realpath(data_dir_path() / "sessions.sqlite")


def store_label(url: str | None = None) -> str:
    """Where this run's sessions are kept, as a session's history record says it (agent.coaching.feed): "" for the
    data folder's own sessions.sqlite, else the checkpointer as a printed command names it (a password as ***,
    never written to a file). Without an argument, the configured one (INTERVIEWER_CHECKPOINTER)."""
    url = (os.environ.get(ENV, "") if url is None else url).strip()
    return _label(url, os.environ.get("INTERVIEWER_DATA_DIR", ""))


@lru_cache(maxsize=16)
def _label(url: str, folder: str) -> str:
    """store_label() once per checkpointer and data folder: the history writer asks it after every answer."""
    return "" if own_database(url) else shown_url(url) or ""


def same_store(one: str, other: str) -> bool:
    """Two store labels (store_label) name the same store: SQLite files compared by their real path."""
    if one == other:
        return True
    if not one or not other:
        return own_database(one) and own_database(other)
    if is_sqlite(one) and is_sqlite(other):
        return os.path.realpath(sqlite_file(one)) == os.path.realpath(sqlite_file(other))
    return False


def checkpointer_url(url: str | None = None) -> str:
    """The configured backend URL: the argument, else INTERVIEWER_CHECKPOINTER, else the SQLite default."""
    from agent.checkpoint import sessions_path

    return (url or os.environ.get(ENV, "").strip()) or str(sessions_path())


def open_backend(url: str | None = None, readonly: bool = False) -> Backend:
    """Open the sessions' backend (see the module docstring); readonly opens SQLite without writing."""
    global _MEMORY
    url = checkpointer_url(url)
    if memory_only(url):
        with _GUARD:
            if _MEMORY is None:
                from langgraph.checkpoint.memory import InMemorySaver

                _MEMORY = (InMemorySaver(), MemoryStore())
        return Backend(_MEMORY[0], _MEMORY[1], url, owned=False)
    if is_postgres(url):
        from agent.store_postgres import open_postgres

        return open_postgres(url)
    from agent.checkpoint import SqliteStore, open_checkpointer

    path = sqlite_file(url)
    saver = open_checkpointer(path, readonly=readonly)
    return Backend(saver, SqliteStore(saver, owns=True), str(path), readonly=readonly)


def sqlite_readonly(url: str | None = None) -> bool:
    """True when the configured backend is a SQLite file in a folder this process cannot write."""
    url = checkpointer_url(url)
    if memory_only(url) or is_postgres(url):
        return False
    path = sqlite_file(url)
    return path.exists() and not os.access(path.parent, os.W_OK)


def sqlite_never_created(url: str | None = None) -> Path | None:
    """The configured SQLite session database when it does not exist and its folder cannot be written (a read-only
    folder where the first session was stopped before it created one: nothing to open, nothing may create it), else
    None. sqlite_readonly() is the same folder once the database exists."""
    url = checkpointer_url(url)
    if not is_sqlite(url):
        return None
    path = sqlite_file(url)
    return None if path.exists() or os.access(path.parent, os.W_OK) else path


def backend_for(saver: Any) -> Backend:
    """The Backend of a saver the caller opened (left open by close())."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    if isinstance(saver, SqliteSaver):
        from agent.checkpoint import SqliteStore, db_path

        return Backend(saver, SqliteStore(saver), str(db_path(saver)), owned=False)
    if any(kind.__name__ == "PostgresSaver" for kind in type(saver).__mro__):  # or agent.postgres_saver's subclass
        from agent.store_postgres import store_for_saver

        return Backend(saver, store_for_saver(saver), "postgresql", owned=False)
    with _GUARD:
        store = _FOR_SAVER.get(saver)
        if store is None:
            store = _FOR_SAVER[saver] = MemoryStore()
    return Backend(saver, store, "memory:", owned=False)
