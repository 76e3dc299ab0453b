"""Before a session starts: can its answers be saved at all? Said in one line before the first question.

A read-only data folder and a full disk are found now, not after the candidate's first answer; a Postgres
checkpointer without the postgres extra installed is named with the install command, not a ModuleNotFoundError,
and a --checkpointer file that is not a session database is said to be one, never called damaged.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from agent.backend import is_postgres, is_sqlite, memory_only, sqlite_file
from agent.cli_input import confirm  # Ctrl-D answers it at once, also while the keys are held
from knowledge.paths import DataDirError, data_dir


def check_store_writable() -> None:
    """StorageError("readonly") when new answers could not be saved (SQLite backend; others check on connect),
    StorageError("full") when the data folder's disk is full (reports, history and the answer journal live there
    whatever the backend)."""
    from agent.storage import check_space, check_writable

    if backend_is_sqlite():
        check_writable(data_dir() / "sessions.sqlite")
    check_space(data_dir())


def check_session_header(ask: bool) -> None:
    """The tool's own session database with a damaged header is named before the banner and the first question
    (it was named after them): on a terminal (`ask`) the candidate may move it aside and go on, otherwise
    StorageError("corrupt") with the way out."""
    import sqlite3
    import sys

    from agent.storage import move_aside, not_sqlite, storage_error

    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    db = data_dir() / "sessions.sqlite"
    if (url and Path(url).expanduser().resolve() != db.resolve()) or not db.is_file() or not not_sqlite(db):
        return
    error = storage_error(sqlite3.DatabaseError("file is not a database (its header is damaged)"), db)
    assert error is not None
    if not ask or not confirm(f"{error}\nMove it aside and start afresh? [y/N] "):
        raise error
    print(f"Moved the damaged database to {move_aside(db)}.", file=sys.stderr)


def backend_is_sqlite() -> bool:
    """True when the configured backend (INTERVIEWER_CHECKPOINTER, default the data folder's file) is SQLite."""
    return is_sqlite(os.environ.get("INTERVIEWER_CHECKPOINTER", ""))


POSTGRES_MODULES = ("psycopg", "psycopg_pool", "langgraph.checkpoint.postgres")


def missing_backend_packages() -> str | None:
    """The one-line problem when the configured checkpointer needs packages that are not installed, else None."""
    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    if not url.startswith(("postgresql://", "postgres://")):
        return None
    missing = [name for name in POSTGRES_MODULES if not _installed(name)]
    if not missing:
        return None
    return (
        f"a Postgres checkpointer needs the postgres extra ({', '.join(missing)} not installed): "
        "pip install -e '.[postgres]' in a clone of the repository, or pip install 'mock-interviewer[postgres]'"
    )


def postgres_problem(timeout: int = 5) -> str | None:
    """The one-line problem with a Postgres checkpointer's database, asked on one direct connection (at most
    `timeout` seconds to connect), else None: a server that cannot be reached (the pool behind the session otherwise
    retried for 30 s under the first question and ended with a PoolTimeout line), or a database holding another
    program's tables (never adopted: agent.postgres_guard)."""
    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    if not url.startswith(("postgresql://", "postgres://")):
        return None
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    from agent.postgres_guard import foreign_message, foreign_tables
    from agent.safe_text import hide_credentials

    try:
        conninfo_to_dict(url)  # a malformed URL is said to be one, not a server that "cannot be reached"
        with psycopg.connect(url, connect_timeout=timeout) as conn:
            tables = foreign_tables(conn)
    except psycopg.Error as exc:
        # the driver quotes the URL as given: its password is hidden there too (sweep 35 B28)
        reason = hide_credentials(" ".join(str(exc).split()), url) or type(exc).__name__
        setting = given_checkpointer(url)
        if isinstance(exc, psycopg.ProgrammingError):
            return f"{setting} is not a valid Postgres URL ({reason}); nothing was asked or saved"
        return f"the Postgres server of {setting} cannot be reached ({reason}); nothing was asked or saved"
    return foreign_message(given_checkpointer(url), tables) if tables else None


_FROM_FLAG: list[bool] = [False]  # --checkpointer named the store (else INTERVIEWER_CHECKPOINTER did)


def checkpointer_from_flag(given: bool) -> None:
    """Say whether --checkpointer gave the store's URL (agent.session copies it into INTERVIEWER_CHECKPOINTER)."""
    _FROM_FLAG[0] = given


def given_checkpointer(value: str | Path) -> str:
    """The setting a refusal names, as the user gave it: `--checkpointer VALUE` or `INTERVIEWER_CHECKPOINTER=VALUE`
    (sweep 33 S4: a refused variable was blamed on a flag nobody gave), credentials hidden."""
    from agent.safe_text import redact_url

    shown = redact_url(str(value))
    return f"--checkpointer {shown}" if _FROM_FLAG[0] else f"INTERVIEWER_CHECKPOINTER={shown}"


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a parent package missing or broken
        return False


def foreign_checkpointer() -> str | None:
    """The one-line problem when --checkpointer / INTERVIEWER_CHECKPOINTER is a URL of a kind not served (mysql://,
    http://: it was taken for a folder and called read-only) or names a file that is not a session database: not
    SQLite, or another program's SQLite database (checked before SQLite is asked to open it for writing, so nothing
    is written into it), else None."""
    from agent.storage import companion_message, foreign_message, not_sqlite, other_programs_tables

    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    if not url:
        return _default_not_a_file()
    if memory_only(url) or is_postgres(url):
        return None
    if not is_sqlite(url):
        return (f"{given_checkpointer(url)} is not a kind of session store this tool serves: give a SQLite "
                "file path (or sqlite:///PATH), a postgresql:// URL, or memory:")  # fmt: skip
    path = sqlite_file(url)
    if problem := _unusable_path(path) or companion_message(path, given_checkpointer(path)):
        return problem
    if path.resolve() == (data_dir() / "sessions.sqlite").resolve():
        # the tool's own database, named explicitly: a damaged one is offered the move as ever
        return _default_not_a_file()
    if not path.exists():
        return None
    if problem := _odd_companion(path, "give a session database file"):
        return problem
    if not_sqlite(path):
        return foreign_message(path)
    if others := other_programs_tables(path):  # an SQLite database of another program (sweep30 S17)
        tables = "a table" if others == 1 else f"{others} tables"
        return foreign_message(path, f"an SQLite database with {tables} of another program")
    return None


def _default_not_a_file() -> str | None:
    """The data folder's sessions.sqlite that is a pipe, device, socket or folder, named as such (sweep28 S15: "the
    disk holding ... failed to read or write (disk I/O error)"), else None."""
    from knowledge.paths import DataDirError

    try:
        db = data_dir() / "sessions.sqlite"
    except DataDirError:
        return None  # said by the data folder's own check
    if not db.exists():
        return None
    if db.is_file():
        return _odd_companion(db, "run again") or _default_of_another_program(db)
    what = "a folder" if db.is_dir() else "not a regular file (a pipe, device or socket)"
    return f"the session database {db} is {what}: move it away (or point --checkpointer at a file) and run again"


def _odd_companion(db: Path, then: str) -> str | None:
    """The one line for a file SQLite keeps beside the database `db` (its -wal, -shm or -journal) that is a pipe or
    a device, or a link to one, else None: SQLite's error for it was "the data folder is read-only", and the
    listing it said still worked failed the same way (sweep 41 SP2)."""
    import shlex

    from agent.storage import COMPANIONS
    from knowledge.data_files import NOT_REGULAR, is_special

    for suffix, what in COMPANIONS.items():
        companion = Path(f"{db}{suffix}")
        if is_special(companion):
            moved = shlex.quote(f"{companion}.moved")
            return (f"the {what} {companion} of the session database {db} is {NOT_REGULAR}: move it away "
                    f"(mv {shlex.quote(str(companion))} {moved}) and {then}")  # fmt: skip
    return None


def blocked_folder(resuming: bool) -> str | None:
    """The one line for a data folder that cannot hold its own folders, said before the session starts (or resumes),
    else None: a file where it keeps one of them (reports, pending, history, locks; sweep 35 R05/R08: a raw "File
    exists" at the start or after the last answer, or the coaching history silently off), a reports folder this
    user cannot write (a read-only mount: the answers were taken and the report refused at the end), or an answer
    journal folder this user cannot write. Every submitted answer goes to that journal before the prompt shows it
    accepted; without it a kill right after the submit lost the answer without a word (sweep 35 R07). A session kept
    in memory only never uses the journal; a read-only data folder is said (or its saved report shown) by its own
    check."""
    from agent.answer_journal import FOLDER
    from agent.storage import OWN_FOLDERS, blocked_message

    folder = data_dir()
    for name in OWN_FOLDERS:
        path = folder / name
        if os.path.lexists(path) and not path.is_dir():
            return f"{blocked_message(path)}, then run again"
    then = "the session is kept as it was" if resuming else "nothing was asked or saved"
    reports = folder / "reports"
    if os.access(folder, os.W_OK) and reports.is_dir() and not os.access(reports, os.W_OK | os.X_OK):
        # the interview would be taken whole and its report then refused at the end (sweep 39 E5)
        return (f"the reports folder {reports} cannot be written (a read-only disk or no permission), so this "
                f"session's report could not be saved: make it writable (remount it read-write, or fix its "
                f"permissions) and run the command again; {then}")  # fmt: skip
    locks = sqlite_database().parent / "locks" if backend_is_sqlite() and not memory_only() else None
    if locks and os.access(locks.parent, os.W_OK) and locks.is_dir() and not os.access(locks, os.W_OK | os.X_OK):
        # the session's lock file could not be made: Q1 was asked, then a raw "[Errno 30]" (sweep 41 RO1)
        return (f"the locks folder {locks} cannot be written (a read-only disk or no permission), so this session "
                f"could not be kept from a second process running it: make it writable (remount it read-write, or "
                f"fix its permissions) and run the command again; {then}")  # fmt: skip
    journal = folder / FOLDER
    if memory_only() or not os.access(folder, os.W_OK) or not journal.is_dir() or os.access(journal, os.W_OK | os.X_OK):
        return None
    return (f"the answer journal {journal} cannot be written, so a submitted answer could not be kept safe until the "
            f"session database holds it: move it aside (mv '{journal}' '{journal}.moved-aside') and run the command "
            f"again; {then}")  # fmt: skip


def _default_of_another_program(db: Path) -> str | None:
    """The data folder's sessions.sqlite when it is another program's SQLite database (a folder of an app that keeps
    its own sessions.sqlite), refused untouched as the same file named by --checkpointer is (sweep 35 B30: the
    session's tables were written into it); a damaged file is not this: it is offered the move aside, as ever."""
    from agent.storage import not_sqlite, other_programs_tables
    from knowledge.paths import data_dir_setting

    if not_sqlite(db) or not (others := other_programs_tables(db)):
        return None
    tables = "a table" if others == 1 else f"{others} tables"
    return (f"{db} is not a session database (an SQLite database with {tables} of another program); it was left "
            f"untouched: point {data_dir_setting()} at a folder of the interviewer's own, or --checkpointer at a "
            "new file name")  # fmt: skip


def _unusable_path(path: Path) -> str | None:
    """Why a SQLite --checkpointer path can hold no session database, named with the path as given, else None
    (sweep27 S14: a link loop exited 1 with "RuntimeError: Symlink loop"; S13: a missing folder, a link to one, or a
    folder under a file were called "the data folder ... is read-only", pointing at INTERVIEWER_DATA_DIR)."""
    import errno

    given = given_checkpointer(path)
    try:
        target = path.resolve()
        if path.is_symlink():
            os.stat(path)  # a loop pathlib's resolve() let through (ELOOP)
    except RuntimeError:  # pathlib: "Symlink loop from ..."
        return f"{given} is a link that loops back on itself"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{given} is a link that loops back on itself"
    folder = target.parent
    link = f" (a link to {target})" if path.is_symlink() else ""
    if target.exists() and not target.is_file():
        # a pipe hung every command that opened it, a device was "a failing disk" (sweep28 S15)
        what = "a folder" if target.is_dir() else "not a regular file (a pipe, device or socket)"
        return f"{given}{link} is {what}: give a session database file"
    for part in (folder, *folder.parents):
        if part.is_dir():
            break
        if part.exists():
            return f"{given}{link}: {part} is a file, not a folder"
    if not folder.is_dir():
        return f"{given}{link}: the folder {folder} does not exist"
    return None


def sqlite_database() -> Path:
    """The session database of the SQLite backend: --checkpointer / INTERVIEWER_CHECKPOINTER's path, else the data
    folder's sessions.sqlite (callers check backend_is_sqlite() first)."""
    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    return sqlite_file(url) if url else data_dir() / "sessions.sqlite"


def emptied_database() -> str | None:
    """The one-line problem when the tool's own session database is a 0-byte file while the history folder holds
    saved sessions: emptied outside the tool (a crash, a sync tool, a bad copy). SQLite would read it as a new,
    empty database and every saved session would vanish without a word; said instead, for every command."""
    try:
        db = data_dir() / "sessions.sqlite"
    except DataDirError:  # a data folder that cannot be used: its own one-line error comes next
        return None
    try:
        if sqlite_database().resolve() != db.resolve() or db.stat().st_size:
            return None
        saved = sum(1 for _ in (data_dir() / "history").glob("*.json"))
    except OSError:  # no database yet (a first session), or no history folder
        return None
    if not saved:
        return None
    return (f"the session database {db} is empty (0 bytes) while the history folder holds {saved} saved "
            f"session{'s' if saved != 1 else ''}: it was emptied outside this tool (a crash, a sync tool, a copy); "
            f"restore it from a backup, or move it aside to start afresh: mv {db} {db}.emptied")  # fmt: skip


def missing_database() -> str | None:
    """The problem a --resume that finds nothing names when the tool's own session database is gone while the
    history folder holds saved sessions: deleted or moved outside this tool (sweep 39 K31: "recent sessions: none"
    was all it said). Read before the resume creates the file anew; None when it exists or history/ is empty."""
    try:
        db = data_dir() / "sessions.sqlite"
        if not backend_is_sqlite() or sqlite_database().resolve() != db.resolve() or db.exists():
            return None
        saved = sum(1 for _ in (data_dir() / "history").glob("*.json"))
    except (OSError, DataDirError):  # no history folder: nothing says a database was there
        return None
    from agent.stores_elsewhere import own_count

    saved = own_count(saved)  # sessions kept by a --checkpointer elsewhere were never in it (sweep 42b G1)
    if not saved:
        return None
    return (f"the session database {db} is missing while the history folder holds {saved} saved "
            f"session{'s' if saved != 1 else ''}: it was deleted or moved outside this tool (a sync tool, a "
            "cleanup); restore it from a backup to resume")  # fmt: skip


def held_elsewhere(session_id: str) -> str | None:
    """The one-line problem when `--resume ID` names a session another process is running (SQLite backend), else
    None: said before the banner and the spinner, which would otherwise invite typing an answer that the late
    refusal then drops. (Postgres holds its sessions in the database: refused once connected, as before.)
    The session's lock is taken here, not once the session is open (sweep25 S4: a second `--resume` started while
    the first one got ready found nothing held, spun 8-10 s, took keys, then refused); release_early() gives
    this hold back when the session ends (the open session holds the lock on its own too)."""
    from agent import session_lock

    if not session_id or not backend_is_sqlite():
        return None
    database = sqlite_database()
    path = session_lock.lock_path(database, session_id)
    if not database.is_file():
        return session_lock.locked_message(path, session_id) if session_lock.is_locked(path) else None
    try:
        session_lock.acquire(path, session_id)
    except session_lock.SessionLockedError as exc:
        return str(exc)
    except OSError:  # a read-only or full data folder: only looked at (the session's own checks name the problem)
        return session_lock.locked_message(path, session_id) if session_lock.is_locked(path) else None
    _EARLY.append(path)
    return None


_EARLY: list[Path] = []  # session locks taken by held_elsewhere() for this process


def release_early() -> None:
    """Give back the holds held_elsewhere() took (the session is over, or was never opened)."""
    from agent import session_lock

    while _EARLY:
        session_lock.release(_EARLY.pop())
