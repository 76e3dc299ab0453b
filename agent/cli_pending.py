"""Sessions holding answers that only the answer journal kept: said at a plain start, listed by --list-sessions
and by agent.progress.

A session stopped (Ctrl-C, kill -9, a closed terminal) while an answer was being saved, or whose -wal file was
lost, keeps that answer in data_dir()/pending (agent.answer_journal) until `--resume` grades it. A new session
says so before its first question, and the listings show it, so the answer is not thought lost. Cheap: a folder
listing, and one read-only query of the session database per waiting session (no LangGraph import).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from agent import answer_journal, session_lock
from agent.cli_render import resume_command
from agent.storage import read_one
from knowledge.paths import data_dir

SHOWN = 3  # sessions named at most


def _stored_moves(db: Path, thread_id: str) -> int:
    """Moves the session database journal holds for the session (0 when it cannot be read)."""
    if not db.is_file():
        return 0
    row = read_one(db, "SELECT count(*) FROM interview_moves WHERE thread_id = ?", (thread_id,))
    return int(row[0]) if row else 0


def _running(folder: Path, thread_id: str) -> bool:
    digest = hashlib.sha256(thread_id.encode("utf-8")).hexdigest()[:24]
    return session_lock.is_locked(folder / "locks" / f"{digest}.lock")


@dataclass(frozen=True)
class Waiting:
    """A session (not running now) with submitted answers the session database does not hold yet."""

    thread_id: str
    role: str
    answers: int
    path: Path | None
    updated: str  # when the journal file was last written, UTC ISO 8601 (as the registry)

    def line(self) -> str:
        """What `--resume` will do with them."""
        return (
            f"Session {self.thread_id} holds {self.answers} answer(s) you submitted that were not graded yet "
            f"(kept in {self.path}); resume it to grade them: {resume_command(self.thread_id)}"
        )


def waiting_sessions() -> list[Waiting]:
    """Every such session, newest first."""
    folder = data_dir()
    found = []
    for entry in answer_journal.waiting():
        if _running(folder, entry.thread_id):
            continue
        missing = entry.missing_from(_stored_moves(folder / "sessions.sqlite", entry.thread_id))
        answers = sum(1 for _, move in missing if move["kind"] == "answer")
        if answers:
            role = str(entry.context.get("role", "")) if isinstance(entry.context, dict) else ""
            found.append(Waiting(entry.thread_id, role, answers, entry.path, modified_at(entry.path)))
    return found


def modified_at(path: Path | None) -> str:
    try:
        stamp = path.stat().st_mtime if path is not None else 0.0
    except OSError:
        return ""
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%S") if stamp else ""


def waiting_answers() -> list[str]:
    """One notice per session (newest first) whose kept answers are not in the session database yet, after one
    per damaged journal file met (what was recovered from it, where it is kept)."""
    lines = [w.line() for w in waiting_sessions()[:SHOWN]]
    return [*answer_journal.take_notices(), *lines]
