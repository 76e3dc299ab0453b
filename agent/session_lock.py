"""One process at a time per session: an advisory file lock that names its holder.

Two processes answering the same session would each write their own branch of the thread and one side's
answers would silently vanish. The lock is an flock on `<locks>/<thread>.lock`: the kernel drops it when
the holder exits, even on kill -9, so a stale lock never blocks a resume. The file records who holds it
(pid, host, since) for the message the second process prints. Within one process the lock is re-entrant
(tests and the server may open a thread twice).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shlex
import socket
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from knowledge import data_files


class SessionLockedError(RuntimeError):
    """Another process holds the session; str(error) says who."""


class SessionTakenError(RuntimeError):
    """A move was refused: another process took the session meanwhile (its lock file was deleted under this one).
    str(error) is the one line for the user; the move was kept aside, not added."""


_HOLDER_BYTES = 4096  # {"pid", "host", "since"}
_HELD: dict[Path, tuple[IO[str], int]] = {}  # lock file -> (open file, holders in this process)
_GUARD = threading.Lock()


class LockFileError(SessionLockedError):
    """The session's lock file is a pipe, device or socket (or a link to one): it cannot hold the lock and is not
    waited on; str(error) names it and the command that moves it away."""


def _holder(path: Path) -> str:
    try:
        info = data_files.load_json(path, _HOLDER_BYTES)  # never waits on a pipe (sweep 41 SP1c)
        return f"pid {info['pid']} on {info['host']}, since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


def lock_path(database: Path, thread_id: str) -> Path:
    """The lock file of a session kept in the SQLite file `database` (a hostile id never names a path)."""
    digest = hashlib.sha256(thread_id.encode("utf-8")).hexdigest()[:24]
    return database.parent / "locks" / f"{digest}.lock"


def locked_message(path: Path, thread_id: str) -> str:
    """What a second process says about a session held at `path`."""
    return (f"session {thread_id} is open in another process ({_holder(path)}); finish or quit it there first "
            "(a lock held by a process that died is released by itself)")  # fmt: skip


def acquire(path: Path, thread_id: str) -> None:
    """Take the lock at `path` or raise SessionLockedError naming the holder."""
    with _GUARD:
        if path in _HELD:
            handle, count = _HELD[path]
            _HELD[path] = (handle, count + 1)
            return
        _HELD[path] = (_take(path, thread_id), 1)


def _take(path: Path, thread_id: str) -> IO[str]:
    """Open and flock the lock file at `path`, naming this process as its holder; SessionLockedError when another
    process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = data_files.open_regular(path, os.O_RDWR | os.O_CREAT)
    except data_files.SpecialFileError:
        moved = shlex.quote(f"{path}.moved")
        raise LockFileError(f"the lock file {path} of session {thread_id} is {data_files.NOT_REGULAR}, so the "
                            f"session cannot be held: move it away (mv {shlex.quote(str(path))} {moved}) and run "
                            "the command again") from None  # fmt: skip
    handle = os.fdopen(fd, "r+", encoding="utf-8")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise SessionLockedError(locked_message(path, thread_id)) from None
    since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    holder = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since})
    try:  # unbuffered: a full disk fails here, never later when the handle is closed
        os.ftruncate(fd, 0)
        os.pwrite(fd, holder.encode("utf-8"), 0)
    except OSError:  # a full disk: the lock holds all the same, only unnamed ("another process")
        pass
    return handle


def release(path: Path) -> None:
    """Give back one hold on the lock; the last one unlocks."""
    with _GUARD:
        if path not in _HELD:
            return
        handle, count = _HELD.pop(path)
        if count > 1:
            _HELD[path] = (handle, count - 1)
            return
        handle.close()  # closing the descriptor drops the flock


def recheck(path: Path, thread_id: str) -> None:
    """Before a move: the lock this process holds at `path` still guards the session, or SessionLockedError.

    An flock belongs to the file, not the name: once the lock file is deleted (`rm -rf locks/`) or replaced, a
    second process creates a new one and takes the session beside the holder (sweep 37 C10: both answered it, and
    one side's accepted answer was dropped). So the holder takes the name again: a lock file of its own (the same
    one, or a new one it locks) means nobody else holds it now; one locked by another process is that process's."""
    with _GUARD:
        if path not in _HELD:
            return  # not held here (another backend's lock, or never taken): nothing to check
        handle, count = _HELD[path]
        try:
            same = os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
        except OSError:
            same = False
        if same:
            return
        renewed = _take(path, thread_id)
        handle.close()
        _HELD[path] = (renewed, count)


def is_locked(path: Path) -> bool:
    """True while some process (this one included) holds the lock."""
    if path in _HELD:
        return True
    try:
        fd = data_files.open_regular(path)  # a pipe there hung a bare --resume (sweep 41 SP1c); it locks nothing
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
