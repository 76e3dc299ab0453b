"""What can go wrong with the disk under the session store, said in one line a candidate can act on.

SQLite reports a full disk, a read-only folder and a damaged file as bare `sqlite3` errors without the file's
name; `storage_error` turns them into a StorageError naming the file and what to do. `check_writable` and
`check_space` run before an interview starts, so a read-only data folder or a full disk is reported before the
first question, not after the first answer.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

# gone: the database file was deleted under a running session; blocked: a file where a folder of ours belongs;
# unreachable: the Postgres server holding the sessions does not answer (stopped, restarting, network)
Problem = Literal["full", "readonly", "corrupt", "foreign", "io", "blocked", "gone", "unreachable"]
SQLITE_HEADER = b"SQLite format 3\x00"
_FULL = ("database or disk is full", "no space left")
_READONLY = ("readonly database", "read-only", "unable to open database file", "permission denied")
_CORRUPT = ("malformed", "not a database", "file is encrypted")


class StorageError(RuntimeError):
    """The session store cannot be used; str(error) is the one-line message for the user."""

    def __init__(self, problem: Problem, path: Path, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.path = path


def _free_mb(path: Path) -> str:
    try:
        return f"{shutil.disk_usage(path).free / 2**20:.1f} MB free"
    except OSError:
        return "free space unknown"


MIN_FREE = 1 << 20  # bytes a new session needs at least (database pages, journal, report, history summary)


def full_message(path: Path, then: str = "then try again") -> str:
    """What to free when the disk under `path` is full."""
    folder = path if path.is_dir() else path.parent
    return (
        f"the disk holding {folder} is full ({_free_mb(folder)}): free a few MB there "
        f"({_what_can_go(folder)} can go), {then}"
    )


def _what_can_go(folder: Path) -> str:
    """Where old files are, in the data folder's own words when `folder` is in it (its reports/ folder was told
    to hold "index folders", stop 32)."""
    from knowledge.paths import DataDirError, data_dir

    try:
        root = data_dir()
        inside = folder.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, DataDirError):
        inside = False
    if not inside:
        return f"old reports or index folders under {folder}"
    return f"old reports in {root / 'reports'} or story index folders in {root / 'index'}"


def disk_full(folder: Path) -> bool:
    """True when the disk under `folder` has less than MIN_FREE left (False when that cannot be read)."""
    try:
        return shutil.disk_usage(folder).free < MIN_FREE
    except OSError:
        return False


def check_space(folder: Path) -> None:
    """Raise StorageError("full") before an interview starts on a full disk (not after its first answer)."""
    if disk_full(folder):
        raise StorageError("full", folder, full_message(folder))


def storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """A StorageError for a disk problem behind `exc` (sqlite3 or OS error), None when it is something else."""
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or any(s in text for s in _FULL):
        return StorageError("full", path, full_message(path))
    if isinstance(exc, sqlite3.DatabaseError) and any(s in text for s in _CORRUPT):
        if not_sqlite(path) and not _ours(path):  # somebody else's file: never advise moving it
            return StorageError("foreign", path, foreign_message(path))
        return StorageError(
            "corrupt",
            path,
            f"the session database {path} is damaged ({exc}); move it aside to start afresh "
            f"(mv '{path}' '{aside_name(path)}'); the moved file keeps its bytes, but the sessions in it cannot be "
            "read back from it (finished ones keep their reports)",
        )
    if isinstance(exc, FileExistsError | NotADirectoryError) and (blocker := in_the_way(exc.filename)) is not None:
        return StorageError("blocked", blocker, blocked_message(blocker))  # (sweep 35 R05: a raw FileExistsError)
    if isinstance(exc, sqlite3.OperationalError | PermissionError) and any(s in text for s in _READONLY):
        return StorageError("readonly", path, readonly_message(path.parent, path))
    if isinstance(exc, sqlite3.OperationalError) and "disk i/o error" in text:
        if disk_full(path.parent):  # SQLite's word when a full disk cannot take its -shm / -wal file (sweep25 S6)
            return StorageError("full", path, full_message(path))
        return StorageError("io", path, f"the disk holding {path} failed to read or write ({exc})")
    return None


def unreachable_error(exc: BaseException, url: str) -> StorageError | None:
    """A StorageError("unreachable") for a lost or refused Postgres connection behind `exc` (psycopg's
    OperationalError, the pool's timeout among them), None for anything else. psycopg is looked up, never imported:
    it is an optional extra, and a session that never opened it cannot have met its errors."""
    import sys

    psycopg = sys.modules.get("psycopg")
    if psycopg is None or not isinstance(exc, psycopg.OperationalError):
        return None
    from agent.safe_text import redact_url

    shown = redact_url(url) or "the Postgres server"
    pool_errors = sys.modules.get("psycopg_pool")
    if pool_errors is not None and isinstance(exc, pool_errors.PoolTimeout):  # its text names a timeout, not why
        reason = "no connection to it could be made"
    else:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return StorageError("unreachable", Path(shown), f"the session database {shown} cannot be reached ({reason})")


def not_sqlite(path: Path) -> bool:
    """True when `path` is a folder or a non-empty file that does not start as an SQLite database does."""
    if path.is_dir():
        return True
    from knowledge import data_files

    try:
        fd = data_files.open_regular(path)  # a pipe never makes this wait (its own check names it)
    except OSError:
        return False
    try:
        head = os.read(fd, len(SQLITE_HEADER))
    except OSError:
        return False
    finally:
        os.close(fd)
    return bool(head) and head != SQLITE_HEADER


def _ours(path: Path) -> bool:
    """True for the session database the tool creates itself (data_dir()/sessions.sqlite): a damaged one of those
    may be moved aside; a file the user named with --checkpointer is never touched."""
    from knowledge.paths import data_dir

    try:
        return path.resolve() == (data_dir() / "sessions.sqlite").resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def _data_folder() -> Path | None:
    from knowledge.paths import data_dir

    try:
        return data_dir().resolve()
    except Exception:  # a data folder that cannot be used (DataDirError): said by its own check
        return None


def foreign_message(path: Path, what: str = "not an SQLite file") -> str:
    """A checkpointer path that holds something else: say so, and touch nothing."""
    return (
        f"{path} is not a session database ({what}); it was left untouched: point --checkpointer "
        "(or INTERVIEWER_CHECKPOINTER) at a session database or at a new file name"
    )


# The files SQLite keeps beside a database, named after it: it deletes or rewrites them when that database is opened.
COMPANIONS = {"-wal": "write-ahead log", "-shm": "shared-memory index", "-journal": "rollback journal"}


def companion_message(path: Path, given: str) -> str | None:
    """Why `path` cannot be a session database because its name is one SQLite gives a database's own companion
    file (sweep32 S10: `<data dir>/sessions.sqlite-wal` was taken as a new file name, and the next command that
    opened sessions.sqlite deleted it with the session and its answers), else None. `given`: how it was named."""
    for suffix, what in COMPANIONS.items():
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            database = path.name[: -len(suffix)]
            return (f"{given} ends in {suffix}, the name of the {what} SQLite keeps beside a database named "
                    f"{database}; SQLite deletes or rewrites such a file when {database} is opened, and the session "
                    "with it: give a file name that does not end in -wal, -shm or -journal")  # fmt: skip
    return None


def private_if_empty(path: Path) -> None:
    """A session database file the user made first and left empty (`touch`: 0644 under the usual umask) is made
    0600 before the first answer is written into it; SQLite gives its -wal and -shm files the same mode (sweep32 S7:
    the answers were readable by every user). A file with content keeps its mode: it is not ours to change."""
    import stat

    with contextlib.suppress(OSError):
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size == 0 and info.st_mode & 0o077:
            os.chmod(path, 0o600)


def read_one(path: Path | str, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """The first row of one query of an SQLite file opened read-only (no lock kept, nothing written), or None when
    there is none or the file cannot be read (missing, damaged, locked, not a session database): for a listing or a
    check before the session store is opened, which treats both the same."""
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)) as conn:
            row = conn.execute(sql, params).fetchone()
    except sqlite3.Error:
        return None
    return tuple(row) if row is not None else None


def other_programs_tables(path: Path, own: frozenset[str] | None = None) -> int:
    """How many tables of `path`, an SQLite file, are not the tool's own (0 for a new or empty database or a session
    database; sweep30 S17: another program's database was adopted and the session's tables written beside its own).
    Read without writing a byte: `immutable` takes no lock and makes no -wal or -shm file beside it; the schema
    of a file whose -wal still holds it is read through that -wal, read-only. The tool's tables are the installed
    SqliteSaver's own and the registry's (agent.checkpoint.own_tables) unless `own` names them (the server asks its
    AsyncSqliteSaver), never a list kept here."""
    import sqlite3
    from contextlib import closing
    from urllib.parse import quote

    from agent.checkpoint import own_tables

    uri = f"file:{quote(str(path.resolve()))}"
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    names: set[str] = set()
    for mode in ("immutable=1", "mode=ro"):
        if mode == "mode=ro" and (names or not _has_wal(path)):
            break
        try:
            with closing(sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=1)) as conn:
                names = {str(row[0]) for row in conn.execute(query)}
        except sqlite3.Error:  # damaged or locked: the checks after this one name it
            return 0
    return len(names - (own_tables() if own is None else own))


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def readonly_message(folder: Path, database: Path | None = None) -> str:
    """The read-only data folder, and the way out; for a --checkpointer file elsewhere (`database`), that file's
    folder and --checkpointer as the way out (sweep32 S5: a --checkpointer on a read-only disk was called "the data
    folder", with INTERVIEWER_DATA_DIR to change, which changed nothing)."""
    if database is not None and not _ours(database) and folder.resolve() != _data_folder():
        return (f"the session database {database} is in a folder that cannot be written ({folder}: a read-only disk "
                "or no permission), so answers could not be saved: point --checkpointer (or INTERVIEWER_CHECKPOINTER) "
                "at a file in a writable folder")  # fmt: skip
    from knowledge.paths import data_dir_setting

    return (
        f"the data folder {folder} is read-only, so answers could not be saved: point {data_dir_setting()} at a "
        "writable folder (--list-sessions and the reports of finished sessions can still be read)"
    )


def check_writable(db_path: Path) -> None:
    """Raise StorageError("readonly") unless a session database can be created or written at db_path."""
    folder = db_path.parent
    if not os.access(folder, os.W_OK | os.X_OK) or (db_path.exists() and not os.access(db_path, os.W_OK)):
        raise StorageError("readonly", db_path, readonly_message(folder, db_path))


# The folders the interviewer keeps in its data folder, and what each holds (said when a file stands in the way).
OWN_FOLDERS = {
    "reports": "the interview reports",
    "pending": "answers not graded yet",
    "history": "the coaching history",
    "locks": "which sessions are open",
}


def in_the_way(filename: object) -> Path | None:
    """The entry that is not a folder where `filename`, or a folder above it, should be one (a file named `reports`
    in the data folder), else None."""
    if not isinstance(filename, str | os.PathLike):
        return None
    path = Path(filename)
    for entry in (path, *path.parents):
        if os.path.lexists(entry) and not entry.is_dir():
            return entry if entry != path or entry.name in OWN_FOLDERS else None
    return None


def blocked_message(path: Path) -> str:
    """One line for a file where the interviewer keeps a folder, and the command that moves it away."""
    import shlex

    what = f" ({OWN_FOLDERS[path.name]})" if path.name in OWN_FOLDERS else ""
    moved = path.with_name(f"{path.name}.moved")
    return (f"{path} is a file where the interviewer keeps its {path.name} folder{what}: move it away "
            f"(mv {shlex.quote(str(path))} {shlex.quote(str(moved))})")  # fmt: skip


def aside_name(path: Path) -> Path:
    """Where a damaged database is moved: beside it, stamped with when it was last written (not "now": the name
    the notice suggests and the name it is moved to were a second apart, sweep27 S3), never over an earlier one."""
    try:
        when = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        when = datetime.now(UTC)
    base = path.with_name(f"{path.name}.damaged-{when.strftime('%Y%m%d-%H%M%S')}")
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    return target


def move_aside(path: Path) -> Path:
    """Move a damaged database and its -wal/-shm files aside; returns the new name of the database."""
    target = aside_name(path)
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target
