"""At a plain start: say which earlier sessions hold answers that only the answer journal kept.

A session stopped (Ctrl-C, kill -9, a closed terminal) while an answer was being saved, or whose -wal file was
lost, keeps that answer in data_dir()/pending (agent.answer_journal) until `--resume` grades it. A new session
says so before its first question, so the answer is not forgotten. Cheap: a folder listing, and one read-only
query of the session database per waiting session (no LangGraph import).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from agent import answer_journal, session_lock
from agent.cli_render import resume_command
from knowledge.paths import data_dir

SHOWN = 3  # sessions named at most


def _stored_moves(db: Path, thread_id: str) -> int:
    """Moves the session database journal holds for the session (0 when it cannot be read)."""
    if not db.is_file():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT count(*) FROM interview_moves WHERE thread_id = ?", (thread_id,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


def _running(folder: Path, thread_id: str) -> bool:
    digest = hashlib.sha256(thread_id.encode("utf-8")).hexdigest()[:24]
    return session_lock.is_locked(folder / "locks" / f"{digest}.lock")


def waiting_answers() -> list[str]:
    """One notice per session (newest first) whose kept answers are not in the session database yet."""
    folder = data_dir()
    lines = []
    for entry in answer_journal.waiting():
        if _running(folder, entry.thread_id):
            continue
        missing = entry.missing_from(_stored_moves(folder / "sessions.sqlite", entry.thread_id))
        answers = sum(1 for _, move in missing if move["kind"] == "answer")
        if answers:
            lines.append(
                f"Session {entry.thread_id} holds {answers} answer(s) you submitted that were not graded yet "
                f"(kept in {entry.path}); resume it to grade them: {resume_command(entry.thread_id)}"
            )
    return lines[:SHOWN]
