"""`--list-sessions`: the saved sessions, most recent first, with the id to pass to --resume.

A session whose submitted answers only the answer journal holds (stopped while it got ready, or a lost -wal
file; agent.cli_pending) is listed too, with what `--resume` does with them: it is not "no session"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.table import Table

from agent.answer_journal import kept_drafts, take_notices
from agent.cli_pending import modified_at, waiting_sessions
from agent.cli_render import Renderer, session_command, store_args


def no_sessions_line() -> str:
    """The line for a store without sessions; its command keeps --data-dir / --checkpointer, so following it starts
    a session in the store just listed (sweep 35 X06: it started one in the default folder)."""
    return f"No saved sessions yet. Start one with: {session_command('--role', 'director', *store_args())}"


def show_sessions(render: Renderer, limit: int = 20) -> None:
    """Print a table of saved sessions (or a one-line note when there are none)."""
    from agent.cli_preflight import missing_database
    from agent.report_repair import due_reports

    due = due_reports()  # the reports folder listed once: finish_stopped writes what it can of these
    # the data folder's database deleted outside the tool while history/ holds sessions: said as --resume says it,
    # and not opened (which would make an empty one in its place; sweep 40 K31b: "No saved sessions yet")
    missing = missing_database()
    sessions, full, finished = ([], None, []) if missing else _saved(limit, due)
    waiting = waiting_sessions()
    listed = {s["thread_id"] for s in sessions}
    for w in waiting:
        if w.thread_id not in listed:  # only in the answer journal: not registered, or its rows lost with a -wal
            sessions.append({"thread_id": w.thread_id, "role": w.role, "status": "answers kept, not graded",
                             "updated_at": w.updated, "ns": _file_ns(w.path)})  # fmt: skip
    drafted = kept_drafts()
    for s in sessions:
        if s["thread_id"] in drafted and "draft" not in str(s["status"]):
            # a draft kept mid-session: back in the prompt on a resume at a terminal (a finished session's is saved
            # beside its report when it is resumed, agent.cli_drafts)
            s["status"] = f"{s['status']}, draft kept"
    due = _due(sessions, due)
    sessions.sort(key=_when, reverse=True)
    from agent.stores_elsewhere import listing_lines, store_label, where

    elsewhere = listing_lines()  # sessions of this folder a --checkpointer elsewhere keeps (sweep 42b G1)
    if not sessions:
        if missing:
            render.line(f"No sessions to list: {missing}.")
        elif elsewhere:
            render.line(f"No sessions in {where(store_label())}.")
        else:
            render.line(no_sessions_line())
    else:
        _table(render, sessions)
        for w in waiting:
            render.line(w.line())
    for line in elsewhere:
        render.line(line)
    for line in finished:  # a session's end a stop cut off, finished now (agent.report_repair)
        render.line(line)
    for thread_id in due:
        render.line(f"Session {thread_id} is over and every answer is saved, but its report could not be written (the "
                    "disk was full): once there is space, listing the sessions again writes it, or run "
                    f"{session_command('--resume', thread_id)}")  # fmt: skip
    if full is not None:
        render.line(f"Note: {full}")
    for line in take_notices():  # a damaged answer journal met on the way was moved aside: never silently
        render.line(line)


def _due(sessions: list[dict[str, Any]], due: list[str]) -> list[str]:
    """Listed sessions whose report is still to be written (of `due`, agent.report_repair.due_reports: those whose
    marker the listing's finish_stopped left), marked so in place of a bare "done" (sweep 33 S3: a finished session
    with no report was listed "done")."""
    from agent.report import due_marker, kept_due_marker

    waiting = {t for t in due if due_marker(t).exists() or kept_due_marker(t).exists()}
    for s in sessions:
        if s["thread_id"] in waiting:
            s["status"] = f"{s['status']}, report not written yet"
    return [str(s["thread_id"]) for s in sessions if s["thread_id"] in waiting]


def _table(render: Renderer, sessions: list[dict[str, Any]]) -> None:
    rows = [(s["thread_id"], s["role"], s["status"], str(s["updated_at"]).replace("T", " ")[:19]) for s in sessions]
    headers = ("ID", "Role", "Status", "Updated (UTC)")
    # the narrowest table that cuts nothing: the whole id, and every other cell wrapped between its words
    widths = [max(len(word) for text in (headers[i], *(str(row[i]) for row in rows)) for word in text.split())
              for i in range(4)]  # fmt: skip
    if sum(widths) + 13 > render.console.width:  # 13: borders and padding of four columns
        # too narrow for the table (its cells came out cut to "…" or blank): one block per session instead
        render.line("Saved sessions (resume with --resume ID):")
        for thread_id, role, status, updated in rows:
            render.line(f"{thread_id}\n  {role}, {status}\n  updated {updated} UTC")
        return
    table = Table(title="Saved sessions (resume with --resume ID)")
    # The ID is what the candidate copies into --resume: never shortened, whatever the terminal's width.
    table.add_column("ID", no_wrap=True, min_width=max(len(s["thread_id"]) for s in sessions))
    for col, width in zip(headers[1:], widths[1:], strict=True):
        table.add_column(col, min_width=width)  # wrapped between words, never cut to "…"
    for row in rows:
        table.add_row(*row)
    render.console.print(table)


def _saved(limit: int, due: list[str]) -> tuple[list[dict[str, Any]], str | None, list[str]]:
    """The registry's sessions, what to free when the disk is full, and what a stop cut off at a session's end
    that is finished now (agent.report_repair: the list then agrees with the checkpoint). Otherwise listing only
    reads: a read-only folder or a full disk (where opening for writing fails: SQLite cannot even grow its -shm
    file) is read from the file as it is. `due`: the sessions whose report is due (written here when it can be)."""
    from agent.backend import (  # lazy: LangGraph's saver
        checkpointer_url,
        is_postgres,
        memory_only,
        open_backend,
        sqlite_file,
        sqlite_never_created,
        sqlite_readonly,
    )
    from agent.storage import disk_full, full_message
    from agent.store import MemoryStore

    url = checkpointer_url()
    full = None
    readonly = sqlite_readonly()
    if not memory_only(url) and not is_postgres(url):
        db = sqlite_file(url)
        if sqlite_never_created(url) is not None or not db.exists():
            # a stop while the first session got ready keeps its draft in the answer journal only: nothing to
            # open, the journal's drafts to list (and no empty database made by looking: a data folder whose
            # sessions a --checkpointer elsewhere keeps has none, sweep 42b G1)
            return _drafts(MemoryStore()), full, []
        if disk_full(db.parent):
            full = full_message(db.parent, "before starting or resuming a session")
            if not db.is_file():
                return [], full, []
            readonly = True
    backend = open_backend(readonly=readonly)
    try:
        from agent.report_repair import finish_stopped

        finished = [] if full is not None else finish_stopped(backend, due=due)
        rows = [dict(s) for s in backend.store.listing(limit)]
        for row in rows:  # to the ns, as a draft's file time: the registry's updated_at says whole seconds
            row["ns"] = backend.store.last_used(row["thread_id"]) or 0
        opened = _open_now(backend.store, limit)
        running = {s["thread_id"] for s in opened}
        # a draft typed in a session a running process still holds is that session's prompt, not a kept draft
        # (sweep 42b G2: listed as "draft kept" while it was open)
        drafts = [d for d in _drafts(backend.store) if d["thread_id"] not in running]
        return rows + drafts + opened, full, finished
    finally:
        backend.close()


def _open_now(store: Any, limit: int) -> list[dict[str, Any]]:
    """Sessions at their first question in a running process, nothing answered or kept yet: listed from the moment
    the question is on screen (newcomer37 N12: a session open at question 1 was in no listing). The registry hides
    unanswered sessions, and one no process holds any more (a kill with nothing typed) is pruned by the next start;
    a draft typed there lists it as kept (_drafts), also after a kill -9 (agent.cli_draft_saver)."""
    idle = set(store.empty_sessions())  # the unanswered sessions no process holds
    return [s | {"status": "open now, nothing answered yet"} for s in store.unanswered(limit)
            if s["thread_id"] not in idle]  # fmt: skip


def _drafts(store: Any) -> list[dict[str, Any]]:
    """Sessions stopped at question 1 with nothing answered and a draft kept (the registry hides unanswered
    sessions): `--resume` opens the question with the draft in the prompt."""
    from agent import answer_journal
    from agent.resume_pick import draft_sessions

    rows = []
    for thread_id in draft_sessions(store):
        entry = answer_journal.load(thread_id)
        if entry is not None:
            role = str(entry.context.get("role", "")) if isinstance(entry.context, dict) else ""
            rows.append({"thread_id": thread_id, "role": role, "status": "draft kept, nothing answered",
                         "updated_at": modified_at(entry.path), "ns": _file_ns(entry.path)})  # fmt: skip
    return rows


def _when(row: dict[str, Any]) -> int:
    """When a listed session was last used, in ns since the epoch: its "ns" when known, else its updated_at read
    as a time (a string comparison put a draft's "...:SS" before a session's "...:SS+00:00" of the same second)."""
    if row.get("ns"):
        return int(row["ns"])
    value = row.get("updated_at")
    try:
        when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return 0
    return int((when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp() * 1_000_000_000)


def _file_ns(path: Path | None) -> int:
    """The file's modification time in ns (0 when it is gone)."""
    try:
        return path.stat().st_mtime_ns if path is not None else 0
    except OSError:
        return 0
