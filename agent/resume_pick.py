"""Which session a `--resume` without an id opens, decided the same way wherever it is asked.

First a session whose answer journal file holds moves its database lacks (stopped while it got ready, or a lost -wal
file), then one kept only for a draft typed at question 1 (when it was stopped after the latest unfinished session
with answers was last used), else the registry's latest unfinished session with answers. The resume itself asks it
on the opened session store; a resume getting ready asks it on the registry read before that store opens
(agent.registry_peek), so keys typed meanwhile are kept as that session's. Light: no LangGraph import.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from agent import answer_journal

RECENT_IDS = 5  # ids listed when --resume names an unknown session


def waiting_session(store: Any) -> str | None:
    """The newest session whose journal file holds moves its database lacks (for a `--resume` without an id)."""
    for entry in answer_journal.waiting():
        if entry.missing_from(len(store.moves(entry.thread_id))):
            return entry.thread_id
    return None


def draft_sessions(store: Any) -> list[str]:
    """Unfinished sessions with nothing answered that the answer journal keeps a draft for, newest first (stopped
    at question 1 with an answer typed but not submitted): resumable, listed, never pruned as empty."""
    found = []
    for entry in answer_journal.drafts():
        row = store.load(entry.thread_id)
        unfinished = (row is None and bool(entry.context)) or (row is not None and row[2] == "active")
        if unfinished and not store.moves(entry.thread_id):
            found.append(entry.thread_id)
    return found


def newest_draft(store: Any) -> str:
    """For a bare --resume: the newest session kept only for a draft typed at question 1, when it was stopped after
    the latest unfinished session with answers was last used; else "" (that session is resumed)."""
    drafts = draft_sessions(store)
    if not drafts:
        return ""
    latest = store.load(None)
    if latest is None:
        return drafts[0]
    used = next((str(s["updated_at"]) for s in store.listing(RECENT_IDS * 4) if s["thread_id"] == latest[0]), "")
    entry = answer_journal.load(drafts[0])
    try:
        stopped = datetime.fromtimestamp(entry.path.stat().st_mtime, UTC) if entry and entry.path else None
        return drafts[0] if stopped is not None and (not used or stopped > datetime.fromisoformat(used)) else ""
    except (OSError, ValueError, TypeError):
        return ""


def picked(store: Any) -> str:
    """The session a bare --resume opens, by journal first ("" when neither the journal nor a draft decides: the
    store's latest unfinished session with answers, `store.load(None)`, is resumed)."""
    return waiting_session(store) or newest_draft(store)
