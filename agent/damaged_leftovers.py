"""What is left of a session whose session database is damaged, outside that database, said where a resume fails.

SQLite cannot read a damaged file back, so the unfinished sessions in it cannot be resumed, before or after the
file is moved aside (`mv` keeps its bytes, not its use). The words must not promise more (sweep 38 K28: "older
sessions stay in the moved file", then "unknown session id" once it was moved). What survives elsewhere is named
instead: the session's coaching summary (history/<id>.json: the questions asked and their scores), and beside the
reports, the whole text of answers over the length cap, a draft set aside, a report. A session's id is found in a
damaged file by its bytes (the registry row holds it as text), and the files moved aside by the name
storage.aside_name gives them.
"""

from __future__ import annotations

import mmap
from pathlib import Path

from knowledge import data_files


def _summary(thread_id: str) -> Path | None:
    """The session's coaching summary file, when it exists."""
    from agent.coaching.feed import FileFeed

    path = FileFeed()._path(thread_id)
    return path if path.is_file() else None


def _unfinished() -> list[str]:
    """Sessions the coaching history holds as unfinished, newest first (a finished one has its report)."""
    from agent.coaching.feed import FileFeed

    try:
        summaries = FileFeed().sessions()
    except OSError:
        return []
    return [s.thread_id for s in reversed(summaries) if not s.finished]


def holds(database: Path, thread_id: str) -> bool:
    """True when `thread_id`'s bytes are in the file `database` (read, never opened as a database)."""
    try:
        fd = data_files.open_regular(database)  # a pipe there never makes this wait
        with open(fd, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return view.find(thread_id.encode()) >= 0
    except (OSError, ValueError):  # gone, unreadable, or empty (mmap of 0 bytes)
        return False


def unfinished_in(database: Path) -> list[str]:
    """The unfinished sessions (per the coaching history) whose ids are in the damaged file, newest first."""
    return [t for t in _unfinished() if holds(database, t)]


def moved_copies(database: Path) -> list[Path]:
    """Damaged session databases moved aside beside `database` (storage.aside_name), newest first."""
    found = [p for p in database.parent.glob(f"{database.name}.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    return sorted(found, key=lambda p: p.name, reverse=True)


def moved_holding(database: Path, thread_id: str) -> Path | None:
    """The damaged database moved aside that held `thread_id`, or None."""
    return next((copy for copy in moved_copies(database) if holds(copy, thread_id)), None)


def left_of(thread_id: str) -> str:
    """One sentence: what of the session is kept outside the session database, or that nothing is."""
    from agent.report import report_paths

    kept = []
    if (summary := _summary(thread_id)) is not None:
        kept.append(f"its coaching summary in {summary} (the questions asked and their scores, not your answers' "
                    "words; agent.progress reads it)")  # fmt: skip
    markdown, _ = report_paths(thread_id)
    if markdown.is_file():
        kept.append(f"its report {markdown}")
    folder = markdown.parent
    if wholes := sorted(folder.glob(f"{thread_id}.whole-answer-*.txt")):
        kept.append(f"the whole text of {len(wholes)} long answer(s) in {folder} ({wholes[0].name}…)")
    if (draft := markdown.with_suffix(".unused-draft.txt")).is_file():
        kept.append(f"a draft set aside in {draft}")
    if not kept:
        return "Nothing of it is kept outside that file."
    return f"What is left of it: {'; '.join(kept)}."


def unresumable(database: Path, session_id: str | None) -> str:
    """What a --resume that met the damaged `database` adds to the damage line: which unfinished session(s) in it
    cannot be resumed, whether the file is moved or not, and what is left of each elsewhere."""
    ids = [session_id] if session_id else unfinished_in(database)[:3]
    if not ids:
        return ("The unfinished sessions in it cannot be resumed, moved aside or not: the interviewer cannot read "
                "them back from a damaged file (finished sessions keep their reports).")  # fmt: skip
    lines = [f"Session {t} cannot be resumed, moved aside or not: the interviewer cannot read its answers back from "
             f"the damaged file. {left_of(t)}" for t in ids]  # fmt: skip
    return " ".join(lines)


def gone_with_moved(database: Path, session_id: str | None) -> str | None:
    """For a --resume that found no session: the session (the one asked for, else the newest unfinished one) that was
    in a damaged database moved aside beside `database`, where that file is, and what is left of the session; None
    when no moved file holds it."""
    if not moved_copies(database):
        return None
    for thread_id in [session_id] if session_id else _unfinished():
        if (copy := moved_holding(database, thread_id)) is not None:
            unfinished = "" if session_id else ", unfinished,"
            return (f"Session {thread_id}{unfinished} was in the damaged session database moved aside to {copy}, "
                    f"which the interviewer cannot read back, so it cannot be resumed. "
                    f"{left_of(thread_id)}")  # fmt: skip
    return None
