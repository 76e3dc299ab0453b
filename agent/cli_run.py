"""Run one interview on the driver: open (new or resumed), loop, then the closing screen.

Imported lazily by agent.session, because importing the driver imports LangGraph and the story index.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

from agent import answer_journal
from agent.backend import open_backend, sqlite_readonly
from agent.cli_input import confirm  # Ctrl-D answers it at once, also while the keys are held
from agent.cli_loop import InterviewLoop
from agent.cli_notices import fresh_notices
from agent.cli_render import Renderer, resume_command
from agent.context import Context
from agent.driver import InterviewDriver, SessionExistsError, SessionNotFoundError
from agent.memory_report import keep_answers
from agent.recovery import restore_journal
from agent.report_repair import finish_stopped
from agent.resume_pick import due_session, nothing_to_resume, picked
from agent.session_lock import SessionLockedError
from agent.storage import StorageError, move_aside, readonly_message
from knowledge import data_files


class ResumeError(LookupError):
    """--resume found nothing to resume; the message lists recent session ids (`notices`: to show before it)."""

    def __init__(self, message: str, notices: list[str] | None = None) -> None:
        super().__init__(message)
        self.notices = notices or []


def new_driver(context: Context, thread_id: str | None = None, ask: bool = False) -> InterviewDriver:
    """A driver for a new session (the thread id exists before the first question is planned).

    A damaged session database is named; on a terminal (`ask`) the candidate may move it aside and go on.
    """
    try:
        return InterviewDriver(context, thread_id=thread_id)
    except StorageError as exc:
        if exc.problem != "corrupt" or not ask or not confirm(f"{exc}\nMove it aside and start afresh? [y/N] "):
            raise
        moved = move_aside(exc.path)
        print(f"Moved the damaged database to {moved}.", file=sys.stderr)
        return InterviewDriver(context, thread_id=thread_id)


def resume_driver(session_id: str, embedder: str | None = None, offline: bool = False) -> InterviewDriver:
    """A driver for a saved session: the given id, or the latest unfinished one when the id is empty
    (`embedder`: --embedder given on resume, used only instead of an openai embedder that has no key now;
    `offline`: --offline given on resume, the session is graded offline from now on)."""
    _journal_only_on_readonly(session_id)
    backend = open_backend(readonly=sqlite_readonly())
    restored: list[str] = []
    # a bare --resume picks first a session whose answer the answer journal keeps but the database lacks (stopped
    # while the session got ready, or a lost -wal file), then one kept for a draft: read-only folders too, so the
    # candidate is told which session waits and that the folder must be writable, not that none does
    session_id = session_id or picked(backend.store)
    if not session_id and backend.store.load(None) is None:  # nothing unfinished: a finished one's report due
        session_id = due_session(backend.store)
    if session_id and not backend.readonly:  # that journal's answer is put back first
        try:
            backend.store.hold(session_id)  # never under a process still running it
            try:
                restored = restore_journal(backend.store, session_id)
            finally:
                backend.store.release(session_id)
        except SessionLockedError as exc:
            backend.close()
            raise ResumeError(str(exc)) from None
        except StorageError:
            backend.close()
            raise
    # a session the graph ended whose "done" a stop cut off is done, not the latest unfinished one (sweep29 S8)
    finished = finish_stopped(backend, skip=session_id)
    row = backend.store.load(session_id or None)
    if row is None and backend.readonly and session_id and answer_journal.load(session_id) is not None:
        # kept only in the answer journal (stopped while it got ready): resuming writes it into the database
        backend.close()
        raise ResumeError(f"session {session_id} waits in {Path(backend.url).parent}, which is read-only: once it "
                          f"is writable again, resume it with: {resume_command(session_id)}")  # fmt: skip
    if row is None:
        refused = nothing_to_resume(backend.store, session_id)
        backend.close()
        raise ResumeError(refused, finished)
    try:
        local = _local_embedder(row, embedder)
        driver = InterviewDriver.resume(session_id or None, checkpointer=backend, embedder=local, offline=offline)
    except (SessionNotFoundError, SessionLockedError, ResumeError) as exc:
        backend.close()
        raise ResumeError(str(exc)) from None
    driver.owns_backend = True
    driver.restored = restored
    driver.finished = finished
    if local is not None:
        driver.restored.append(f"This session was started with the openai embedder and OPENAI_API_KEY is not set: "
                               f"your stories are searched with the local {local} embedder from here on.")  # fmt: skip
    return driver


def _local_embedder(row: tuple[str, dict[str, Any], str], asked: str | None) -> str | None:
    """The embedder to resume with instead of the stored one, or None (the stored one). A session started with the
    openai embedder (before the key was checked at the start) cannot grade without OPENAI_API_KEY: it goes on with
    a local embedder the candidate names, or ResumeError says how to go on (before any question is shown)."""
    import os

    from agent.cli_render import session_command
    from knowledge.embedder_names import EMBEDDER_NAMES

    thread_id, stored, status = row
    if stored.get("embedder") != "openai" or os.environ.get("OPENAI_API_KEY") or status != "active":
        return None
    if asked in EMBEDDER_NAMES and asked != "openai":
        return asked
    raise ResumeError(f"session {thread_id} was started with --embedder openai, which needs OPENAI_API_KEY: set "
                      "it and resume again, or go on with the local embedder: "
                      f"{session_command('--resume', thread_id, '--embedder', 'minilm')}")  # fmt: skip


def _journal_only_on_readonly(session_id: str) -> None:
    """A read-only folder whose session database was never created (the first session was stopped while it got
    ready, its answer or draft kept in the answer journal only): name the session that waits, as for a database
    that exists, instead of failing to create one."""
    from agent.backend import sqlite_never_created
    from agent.store import MemoryStore

    db = sqlite_never_created()
    if db is None:
        return
    empty = MemoryStore()
    waiting = session_id or picked(empty)
    if waiting and answer_journal.load(waiting) is not None:
        raise ResumeError(f"session {waiting} waits in {db.parent}, which is read-only: once it is writable again, "
                          f"resume it with: {resume_command(waiting)}")  # fmt: skip


def saved_hint(
    driver: InterviewDriver | None, render: Renderer, reason: str = "Session saved.", kept: str | None = None
) -> None:
    """How to resume, or why there is nothing to resume (stopped before the first question, or nothing answered).

    `kept`: the session whose answer, submitted while it got ready, is in the answer journal (graded on resume).
    """
    if kept is not None:
        if driver is not None and driver.started:
            with contextlib.suppress(StorageError):  # the journal file keeps it anyway
                restore_journal(driver.store, kept)  # in the database now: --list-sessions shows it
        render.resume_hint(kept, "Your answer is saved; it is graded when you resume.", report=keep_answers(driver))
    elif driver is None or not driver.started:
        # question 1 may be on screen already (shown before the session starts): "before the first question" read
        # wrong under it (sweep 37 S80)
        docs = driver is not None and driver.context.docs
        dropped = " (the story index build is dropped; it runs again next time)" if docs else ""
        render.line(f"Stopped while the interview was getting ready{dropped}; nothing was answered yet, so nothing "
                    "was saved.")  # fmt: skip
    elif report := _finished_report(driver):
        # the stop waited for LangGraph to save the last answer's step, and the interview ran on to its end: a
        # resume command here would only say the session is finished
        render.line(f"Stopped as the interview ended: every answer is graded and the report is saved. Report: {report}")
    elif (gone := _discarded(driver)) is None:  # the empty session stays: its database is not answering
        render.resume_hint(driver.thread_id, "Nothing was answered yet; the session database is not answering, so "
                           "the empty session stays in it.")  # fmt: skip
    elif gone:
        render.line("Nothing was answered yet, so nothing was saved.")
    else:
        render.resume_hint(driver.thread_id, reason, report=keep_answers(driver))


def _discarded(driver: InterviewDriver) -> bool | None:
    """driver.discard_if_empty(), or None when its Postgres server is away: the empty session cannot be dropped then,
    it stays and can be resumed (sweep 42 F1: a bare "error: ... cannot be reached", exit 1, at question 1)."""
    try:
        return driver.discard_if_empty()
    except StorageError as exc:
        if exc.problem != "unreachable":
            raise
        return None


def _finished_report(driver: InterviewDriver) -> str:
    """The report of a session that finished before the stop was taken (its registry row says done and the
    report file is there), else ""."""
    from agent.report import report_paths

    try:
        row = driver.store.load(driver.thread_id)
    except StorageError:
        return ""
    markdown, _ = report_paths(driver.thread_id)
    return str(markdown) if row is not None and row[2] == "done" and markdown.is_file() else ""


def started_step(driver: InterviewDriver, resume: bool) -> Any:
    """The question waiting for an answer (a new session is started; a resumed one read back)."""
    try:
        step = driver.pending() if resume else driver.start()
    except (SessionNotFoundError, SessionExistsError) as exc:
        raise ResumeError(str(exc)) from None
    if not resume:  # what stops cut off at earlier sessions' ends (a resume did it before it opened the session)
        step.notices[:0] = finish_stopped(driver.backend, skip=driver.thread_id)
    if step.kind != "done" and driver.backend.readonly:
        database = Path(driver.backend.url)
        raise StorageError("readonly", database, readonly_message(database.parent, database))
    return step


def _report_written(driver: InterviewDriver) -> bool:
    """The session's report and transcript are on disk before the resume reads it back."""
    from agent.report import report_paths

    return all(path.is_file() for path in report_paths(driver.thread_id))


def first_step(driver: InterviewDriver, resume: bool, render: Renderer) -> Any:
    """The question waiting for an answer, with any index/driver notices shown first."""
    shown_before = resume and _report_written(driver)
    step = started_step(driver, resume)
    for notice in fresh_notices(step.notices, driver.context.docs):
        render.notice(notice)
    if resume and step.kind == "done" and not shown_before:
        # the interview ended (its last step saved, or an /end or last answer recovered from the journal now) and
        # the process stopped before the report was written: it was never said to be finished, nor its report
        # shown (sweep29 S8: "already finished ... here is its report again")
        render.notice("The interview had ended when the session stopped; its report is written now.")
    elif resume and step.kind == "done":
        render.notice("This session is already finished; here is its report again.")
    if step.total:
        render.total = step.total
    return step


def closing(step: Any, loop: InterviewLoop, render: Renderer) -> None:
    """The closing line, held-back critiques, the scorecard and where the files are."""
    report = step.report or {}
    if step.text:
        render.prose(step.text)
    if loop.deferred or not loop.feedback:
        # feedback off: every critique of the session not yet shown, including turns before a resume
        turns = _transcript_turns(report.get("json"))
        render.deferred([t for t in turns if t.get("critique") and t not in loop.shown] or loop.deferred)
    card = report.get("scorecard") or {}
    rows = [
        {
            "question": r.get("question", ""),
            "type": r.get("type", ""),
            "score": "skipped" if r.get("skipped") else (r.get("score") if r.get("asked") else "unanswered"),
            "gap": r.get("primary_gap", ""),
        }
        for r in card.get("questions", [])
    ]
    render.scorecard(rows, card.get("overall"), [p.get("gap", "") for p in card.get("practice", [])])
    render.saved({"Report": report.get("markdown", ""), "Transcript": report.get("json", "")})


def _transcript_turns(path: str | None) -> list[dict[str, Any]]:
    """Turns of the saved JSON transcript ([] when it cannot be read)."""
    if not path:
        return []
    try:
        turns = data_files.load_json(Path(path), data_files.REPORT_BYTES).get("turns", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [t for t in turns if isinstance(t, dict)]
