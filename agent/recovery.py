"""Bring a checkpoint level with the move journal before a resumed session goes on.

Two ways a checkpoint falls behind what the candidate submitted: the process stopped while a node ran
(Ctrl-C, kill or hang-up while the LLM graded an answer: the thread waits *at* critique_answer with the
answer pending, no interrupt), or the checkpoint lost writes the journal kept (a rolled-back or truncated
database file). Both are fixed here by running the graph on: the stopped node again, then every journalled
move the checkpoint lacks, in order. Grading is deterministic offline, so a re-graded answer scores the same.
"""

from __future__ import annotations

import contextlib
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.types import Command

from agent.context import Context
from agent.store import SessionStore


def moves_in(values: dict[str, Any]) -> int:
    """How many moves (answers, skips, an end) a checkpoint's state reflects."""
    pending = 1 if values.get("pending_answer") is not None else 0
    return len(values.get("turns", [])) + (1 if values.get("ended") else 0) + pending


def catch_up(graph: Any, config: RunnableConfig, context: Context, store: SessionStore, thread_id: str) -> list[str]:
    """Finish a stopped run and replay lost moves; returns notices for the candidate (empty when level)."""
    notices: list[str] = []
    snapshot = graph.get_state(config)
    stopped = bool(snapshot.next) and not any(task.interrupts for task in snapshot.tasks)
    if stopped and snapshot.values:
        graph.invoke(None, config, context=context, durability="exit")
        notices.append("The session stopped while your last answer was being graded; it is graded now.")
    values = dict(graph.get_state(config).values or {})
    journal = store.moves(thread_id)
    have = moves_in(values)
    if values and len(journal) > have:
        lost = journal[have:]
        for move in lost:
            if not graph.get_state(config).next:
                break  # the interview ended: nothing left to answer
            graph.invoke(Command(resume=move), config, context=context, durability="exit")
        notices.append(recovered_line(lost))
    return notices


# What a recovered move is called; any other kind is counted under its own name.
_MOVE_NAMES = {
    "answer": ("answer", "answers"),
    "skip": ("skipped question", "skipped questions"),
}


def recovered_line(moves: list[dict[str, str]]) -> str:
    """One plain sentence for moves the saved session lacked and that are graded now (from the answer journal or
    the session's own move journal: the same event, so the same words)."""
    ended = any(move["kind"] == "end" for move in moves)
    counts: dict[str, int] = {}
    for move in moves:
        if move["kind"] != "end":  # an end is not graded: said apart (sweep30 S4: "1 request to end ... graded now")
            counts[move["kind"]] = counts.get(move["kind"], 0) + 1
    if not counts:
        return ("Recovered your request to end the interview, made before the session stopped; the interview is ended "
                "now.")
    parts = []
    for kind, n in counts.items():
        one, many = _MOVE_NAMES.get(kind, (kind, kind))
        parts.append(f"{n} {one if n == 1 else many}")
    then = ", and your request to end the interview: it is ended now" if ended else ""
    return f"Recovered {' and '.join(parts)} you submitted before the session stopped; graded now{then}."


def restore_journal(store: SessionStore, thread_id: str) -> list[str]:
    """Put the moves kept in the answer journal (agent.answer_journal) that the session database lacks back into
    the database's move journal, registering the session if the database never saw it; returns notices. The
    graph then grades them on resume (catch_up, or the driver's first start)."""
    from agent import answer_journal

    entry = answer_journal.load(thread_id)
    damaged = answer_journal.take_notices()  # a damaged journal file: what was recovered, where it is now
    if entry is not None and not entry.moves and entry.draft.strip() and entry.context:
        if store.load(thread_id) is None:  # stopped at question 1 before the session was saved: start it now
            store.register(thread_id, entry.context, "active")
        return damaged
    if entry is None or not entry.moves:
        return damaged
    if store.load(thread_id) is None:
        if not entry.context:  # cut off before its settings: the session cannot be started from it
            return [*damaged, f"The answers kept in {entry.path} cannot be resumed (the session's settings were "
                              "lost with the damage); the file keeps their text."]  # fmt: skip
        store.register(thread_id, entry.context, "active")
    missing = entry.missing_from(len(store.moves(thread_id)))
    for seq, move in missing:
        store.record_move(thread_id, seq, move)
    if not missing:
        return damaged
    return [*damaged, recovered_line([m for _, m in missing])]


def settle_journal(store: SessionStore, wal_journal: bool, thread_id: str, moves: int) -> None:
    """A safe point: the moves the database holds leave the answer journal (agent.answer_journal).

    SQLite (`wal_journal`): only once its WAL is copied into the database file (a lost -wal file loses nothing).
    Other backends hold a move once it is committed; their journal file only ever holds an answer submitted
    while the session got ready, and it goes once the session has it (it used to stay, named as ungraded).
    """
    from agent import answer_journal
    from agent.checkpoint import SqliteStore

    if not wal_journal:
        store.safe_point()
        if moves:
            with contextlib.suppress(OSError):
                answer_journal.confirm(thread_id, moves - 1)
        return
    assert isinstance(store, SqliteStore)
    if store.flush_wal() and moves:
        answer_journal.confirm(thread_id, moves - 1)
