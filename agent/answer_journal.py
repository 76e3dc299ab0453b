"""Submitted answers kept in a small file of their own until the session database is known to hold them.

The session database (SQLite in WAL mode) can lose a just-submitted answer two ways: the session is not in it
yet (an answer submitted while the interview was still getting ready, then Ctrl-C, kill -9, SIGTERM or a
closed terminal), or the -wal file that held the answer is lost or damaged after a kill. So every submitted
move is first written here, atomically and 0600 (temp file, fsync, rename), and the entry is dropped only once
the database's WAL has been copied into the main file (a complete checkpoint). `--resume` puts any entry the
database lacks back into the session's journal and grades it (agent.recovery.restore_journal).

One file per session: data_dir()/pending/<session id>.json holding the stored Context (the session may not
be registered yet), the question on screen, the moves by number, and a draft typed but not submitted.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import shlex
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from agent.journal_temps import MAX_BYTES, finish_writes
from knowledge import data_files
from knowledge.paths import data_dir, write_private

FOLDER = "pending"
_T = TypeVar("_T")
_P = ParamSpec("_P")
# One read-modify-write of a journal file at a time in this process (the keys read while the session is busy are
# kept from a thread of their own, agent.cli_busy_keys, while the session settles the same file); one lock per file,
# so sessions never queue behind each other's fsyncs. The table below is guarded by _GUARD and drops a file's lock
# once no thread holds or waits for it.
_GUARD = threading.Lock()
_FILE_LOCKS: dict[str, tuple[threading.RLock, list[int]]] = {}  # journal file -> (its lock, [threads using it])
# The folder is removed when emptied, so a write of another session between its mkdir and its file's creation would
# find it gone: writes register here (under _FOLDER_GUARD) before their mkdir and _settle's rmdir, under the same
# lock, leaves a folder with a write in progress. Another process's rmdir is met by _write trying again.
_FOLDER_GUARD = threading.Lock()
_WRITING: dict[Path, int] = {}  # folder -> writes in progress in it
_ATTEMPTS = 50  # each failed attempt means another process emptied and removed the folder in that instant


def _locked(func: Callable[Concatenate[str, _P], _T]) -> Callable[Concatenate[str, _P], _T]:
    @functools.wraps(func)
    def run(thread_id: str, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        key = str(journal_path(thread_id))
        with _GUARD:
            lock, users = _FILE_LOCKS.get(key) or _FILE_LOCKS.setdefault(key, (threading.RLock(), [0]))
            users[0] += 1
        try:
            with lock:
                return func(thread_id, *args, **kwargs)
        finally:
            with _GUARD:
                users[0] -= 1
                if not users[0]:
                    del _FILE_LOCKS[key]

    return run


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")


@dataclass
class Pending:
    """What one session's journal file holds."""

    thread_id: str
    context: dict[str, Any]
    moves: dict[int, dict[str, str]] = field(default_factory=dict)  # move number -> {"kind", "text"}
    question: str = ""  # the question on screen when the first move was made
    draft: str = ""  # typed at the prompt, not submitted (kept on Ctrl-C / Ctrl-D)
    path: Path | None = None

    def missing_from(self, stored: int) -> list[tuple[int, dict[str, str]]]:
        """The moves a database journal of `stored` moves lacks, in order (only a gap-free run)."""
        found: list[tuple[int, dict[str, str]]] = []
        for seq in sorted(self.moves):
            if seq == stored + len(found):
                found.append((seq, self.moves[seq]))
        return found


def journal_path(thread_id: str) -> Path:
    """The session's journal file (a hostile id never names a path outside the folder)."""
    name = thread_id if _SAFE_ID.match(thread_id) else hashlib.sha256(thread_id.encode()).hexdigest()[:32]
    return data_dir() / FOLDER / f"{name}.json"


def load(thread_id: str) -> Pending | None:
    """The session's journal, or None (no file, or one that cannot be read)."""
    path = journal_path(thread_id)
    finish_writes(path.parent, path.name)
    return _read(path)


def _read(path: Path) -> Pending | None:
    try:
        text = data_files.read_text(path, MAX_BYTES, errors="replace")
    except (data_files.SpecialFileError, data_files.TooLargeError) as exc:  # a pipe hung every command (sweep 41 SP1)
        _not_a_journal(path, str(exc.strerror))
        return None
    except OSError:
        return None
    try:
        raw = data_files.parse_json(text)  # 200,000 nested brackets: damaged, not RecursionError (sweep 41 SP3)
        moves = {int(k): {"kind": str(v["kind"]), "text": str(v.get("text", ""))} for k, v in raw["moves"].items()}
        return Pending(str(raw["thread_id"]), dict(raw["context"]), moves, str(raw.get("question", "")),
                       str(raw.get("draft", "")), path)  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError):
        return _damaged(path, text)


_notices: list[str] = []  # what was done with damaged files, said by the next take_notices()
# Sessions of one process read journals in parallel (one lock per file): a notice added between another thread's
# copy and clear of the list would be dropped unsaid.
_NOTICES_LOCK = threading.Lock()


def take_notices() -> list[str]:
    """One line per damaged journal file met since the last call: what was recovered, where the file is now."""
    with _NOTICES_LOCK:
        found = list(dict.fromkeys(_notices))
        _notices.clear()
    return found


def _notice(line: str) -> None:
    with _NOTICES_LOCK:
        _notices.append(line)


def _aside(path: Path) -> Path:
    """Where a damaged or foreign file of the folder is moved (a name the folder's *.json listing never matches),
    never over one moved before."""
    from agent.storage import aside_name

    return aside_name(path)


def _not_a_journal(path: Path, why: str) -> None:
    """A pipe, device, socket, folder or oversized file under a journal's name: nothing is read from it (a pipe would
    block the open, a device never ends); it is moved aside like a damaged journal, so it is said once, not at
    every command (stop 42: it stayed, and every launch, listing and resume said "move it away")."""
    aside = _aside(path)
    try:
        os.rename(path, aside)  # a rename opens nothing: no wait on a pipe
    except OSError as exc:
        move = f"mv {shlex.quote(str(path))} {shlex.quote(f'{path}.moved')}"
        _notice(f"The file {path} in the answer journal folder is {why}, so no answer was read from it, and it could "
                f"not be moved aside ({exc.strerror or exc}): move it away ({move})")  # fmt: skip
        return
    _notice(f"The file {path} in the answer journal folder was {why}, so no answer was read from it; it is moved "
            f"aside to {aside}.")  # fmt: skip


def _damaged(path: Path, text: str) -> Pending | None:
    """A journal file that is not the JSON we write: keep what can be read, move the file aside, say so once."""
    from agent.journal_salvage import salvage

    aside = _aside(path)
    try:
        os.replace(path, aside)
    except OSError as exc:
        _notice(f"The answer journal {path} is damaged and could not be moved aside ({exc.strerror or exc}); "
                        "it is left as it is: open it to copy what you typed.")  # fmt: skip
        return None
    found = salvage(text)
    if found is None:
        _notice(f"The answer journal {path} was damaged and no answer could be read from it; it is kept as "
                        f"{aside}: open it to copy what you typed.")  # fmt: skip
        return None
    thread_id = found.thread_id or path.name.removesuffix(".json")
    entry = Pending(thread_id, found.context, found.moves, found.question, found.draft, path)
    answers = sum(1 for move in found.moves.values() if move["kind"] == "answer")
    cut = " and the cut-off text of the last one as a draft for the prompt" if found.cut_answer else ""
    try:
        _write(entry)
    except OSError:
        os.replace(aside, path)  # left as it was: the next reader tries again
        return entry
    _notice(f"The answer journal {path} was damaged; recovered from it: {answers} answer(s){cut} (the "
                    f"damaged file is kept as {aside}).")  # fmt: skip
    return entry


def _write(entry: Pending) -> None:
    path = journal_path(entry.thread_id)
    body = {
        "thread_id": entry.thread_id,
        "context": entry.context,
        "question": entry.question,
        "moves": {str(k): v for k, v in sorted(entry.moves.items())},
        "draft": entry.draft,
    }
    with _FOLDER_GUARD:
        _WRITING[path.parent] = _WRITING.get(path.parent, 0) + 1
    try:
        for attempt in range(_ATTEMPTS):
            path.parent.mkdir(mode=0o700, exist_ok=True)
            try:
                write_private(path, json.dumps(body, ensure_ascii=False))
                break
            except FileNotFoundError:  # another process removed the emptied folder just now
                if attempt == _ATTEMPTS - 1:
                    raise
        with contextlib.suppress(OSError):  # the rename itself reaches the disk (a power cut after a kill -9)
            fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    finally:
        with _FOLDER_GUARD:
            _WRITING[path.parent] -= 1
            if not _WRITING[path.parent]:
                del _WRITING[path.parent]


@_locked
def record(thread_id: str, context: dict[str, Any], seq: int, move: dict[str, str], question: str = "") -> None:
    """Keep move number `seq` (OSError when even this file cannot be written: the caller says so)."""
    entry = load(thread_id) or Pending(thread_id, context, question=question)
    entry.moves = {k: v for k, v in entry.moves.items() if k < seq}  # a redone move replaces later ones
    entry.moves[seq] = {"kind": move["kind"], "text": move.get("text", "")}
    if entry.draft.strip() == move.get("text", "").strip():
        entry.draft = ""  # submitted: no longer a draft (one kept for the terminal outlives a scripted resume)
    _write(entry)


@_locked
def keep_draft(thread_id: str, context: dict[str, Any], draft: str, question: str = "") -> bool:
    """Keep a typed, unsubmitted draft (an empty one clears it); True when a draft is kept."""
    entry = load(thread_id)
    if entry is None and not draft.strip():
        return False
    entry = entry or Pending(thread_id, context, question=question)
    # a text journalled as a submitted answer is no longer a draft: put back, it would be submitted twice
    submitted = {move["text"].strip() for move in entry.moves.values() if move["kind"] == "answer"}
    entry.draft = draft if draft.strip() and draft.strip() not in submitted else ""
    _settle(entry)
    return bool(entry.draft)


@_locked
def take_draft(thread_id: str) -> str:
    """The kept draft (and forget it): the prompt starts with it."""
    entry = load(thread_id)
    if entry is None or not entry.draft:
        return ""
    draft, entry.draft = entry.draft, ""
    _settle(entry)
    return draft


@_locked
def confirm(thread_id: str, upto: int) -> None:
    """The database holds moves 0..upto in its main file: forget them here."""
    entry = load(thread_id)
    if entry is None:
        return
    entry.moves = {k: v for k, v in entry.moves.items() if k > upto}
    _settle(entry)


@_locked
def forget_moves(thread_id: str) -> None:
    """Drop the moves (an answer to a question the session then did not ask stays only a draft)."""
    entry = load(thread_id)
    if entry is not None:
        entry.moves = {}
        _settle(entry)


def _settle(entry: Pending) -> None:
    if entry.moves or entry.draft:
        _write(entry)
        return
    path = journal_path(entry.thread_id)
    path.unlink(missing_ok=True)
    with _FOLDER_GUARD, contextlib.suppress(OSError):  # the folder goes with its last file (another session's file,
        if not _WRITING.get(path.parent):  # or a write of this process about to make one, keeps it)
            path.parent.rmdir()


def waiting() -> list[Pending]:
    """Every session with moves kept here, newest first."""
    return [p for p in _entries() if p.moves]


def drafts() -> list[Pending]:
    """Every session whose file holds a draft and no moves, newest first (the database may hold answers of it:
    a draft kept mid-session; agent.recovery picks those it holds none of)."""
    return [p for p in _entries() if p.draft.strip() and not p.moves]


def kept_drafts() -> set[str]:
    """The sessions whose file holds a draft (with or without moves)."""
    return {p.thread_id for p in _entries() if p.draft.strip()}


def _entries() -> list[Pending]:
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # settled by its session meanwhile
            return 0.0

    finish_writes(data_dir() / FOLDER)
    try:
        files = sorted((data_dir() / FOLDER).glob("*.json"), key=age, reverse=True)
    except OSError:
        return []
    return [p for p in (_read(path) for path in files) if p is not None]
