"""Which session a `--resume` without an id opens, decided the same way wherever it is asked.

First a session whose answer journal file holds moves its database lacks (stopped while it got ready, or a lost -wal
file), then one kept only for a draft typed at question 1 (when it was stopped after the latest unfinished session
with answers was last used), else the registry's latest unfinished session with answers. The resume itself asks it
on the opened session store; a resume getting ready asks it on the registry read before that store opens
(agent.registry_peek), so keys typed meanwhile are kept as that session's. Light: no LangGraph import.
"""

from __future__ import annotations

from typing import Any

from agent import answer_journal
from agent.cli_preflight import backend_is_sqlite, missing_database, sqlite_database
from agent.damaged_leftovers import gone_with_moved

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
    # to the ns on both sides: the registry's updated_at says whole seconds, and a draft stopped in the same second
    # before the answer was recorded read as stopped after it (CI: the draft's session opened, 1 run in 6)
    used = store.last_used(latest[0])
    entry = answer_journal.load(drafts[0])
    try:
        stopped = entry.path.stat().st_mtime_ns if entry and entry.path else None
    except OSError:
        return ""
    return drafts[0] if stopped is not None and (used is None or stopped > used) else ""


def recent_ids(store: Any) -> list[str]:
    """The ids an unknown --resume id is answered with: the registry's latest sessions, then those kept only for a
    draft typed at question 1 (the registry hides them; newcomer37 N12: the session killed there was not named)."""
    ids = [str(s["thread_id"]) for s in store.listing(RECENT_IDS)]
    return ids + [t for t in draft_sessions(store)[:RECENT_IDS] if t not in ids]


def nothing_to_resume(store: Any, session_id: str | None) -> str:
    """The refusal of a --resume that opens no session: the unknown id (or that nothing is unfinished), the recent
    ids, and a session database deleted outside the tool while history/ lists sessions (sweep 39 K31: it only said
    "recent sessions: none")."""
    what = f"unknown session id {session_id!r}" if session_id else "no unfinished session to resume"
    recent = ", ".join(recent_ids(store)) or "none"
    if moved := _in_a_moved_database(session_id):
        return f"{'' if session_id else 'no unfinished session to resume. '}{moved} Recent sessions: {recent}."
    from agent.stores_elsewhere import bare_resume_line, other_folder_line, resume_line

    if not session_id and (other := other_folder_line(store)):  # a store shared by several data folders
        return other

    if kept := resume_line(session_id) if session_id else bare_resume_line():  # sweep 42b G1
        return kept if session_id else f"no unfinished session to resume here; {kept}"
    gone = missing_database()
    return f"{what}; {gone}" if gone else f"{what}; recent sessions: {recent}"


def _in_a_moved_database(session_id: str | None) -> str | None:
    """The session asked for (a bare --resume: the newest unfinished one) was in a damaged session database moved
    aside: where, and what is left of it (sweep 38 K28: after the mv, only "unknown session id"). None otherwise."""
    try:
        return gone_with_moved(sqlite_database(), session_id or None) if backend_is_sqlite() else None
    except OSError:
        return None


def refusal(store: Any, session_id: str | None) -> str | None:
    """What a --resume will refuse with, read on the registry before the session store opens (agent.registry_peek),
    else None (it may open a session). Only the plain cases: the id in neither the registry nor the answer journal,
    or a bare --resume that neither the journal, a draft nor the registry gives a session."""
    if session_id:
        if store.load(session_id) is not None or answer_journal.load(session_id) is not None:
            return None
    elif picked(store) or store.load(None) is not None or due_session(store):
        return None
    return nothing_to_resume(store, session_id)


def due_session(store: Any) -> str:
    """For a bare --resume that finds no unfinished session: the newest finished session whose report is still to
    be written (agent.report_repair.due_reports; sweep 39 E2: an unwritable reports/ at the last answer, then a bare
    --resume said nothing was unfinished), resumed to write it; else ""."""
    from agent.report_repair import due_reports

    for thread_id in reversed(due_reports()):  # ids start with the start time: newest last
        row = store.load(thread_id)
        if row is not None and row[2] == "done":
            return thread_id
    return ""


def picked(store: Any) -> str:
    """The session a bare --resume opens, by journal first ("" when neither the journal nor a draft decides: the
    store's latest unfinished session with answers, `store.load(None)`, is resumed)."""
    return waiting_session(store) or newest_draft(store)
