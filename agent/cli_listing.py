"""`--list-sessions`: the saved sessions, most recent first, with the id to pass to --resume.

A session whose submitted answers only the answer journal holds (stopped while it got ready, or a lost -wal
file; agent.cli_pending) is listed too, with what `--resume` does with them: it is not "no session"."""

from __future__ import annotations

from rich.table import Table

from agent.cli_pending import waiting_sessions
from agent.cli_render import Renderer, session_command


def show_sessions(render: Renderer, limit: int = 20) -> None:
    """Print a table of saved sessions (or a one-line note when there are none)."""
    from agent.backend import open_backend, sqlite_readonly  # lazy: imports LangGraph's saver

    # A read-only data folder can still be listed: open the file without writing to it.
    backend = open_backend(readonly=sqlite_readonly())
    sessions = backend.store.listing(limit)
    backend.close()
    waiting = waiting_sessions()
    listed = {s["thread_id"] for s in sessions}
    for w in waiting:
        if w.thread_id not in listed:  # only in the answer journal: not registered, or its rows lost with a -wal
            sessions.append({"thread_id": w.thread_id, "role": w.role, "status": "answers kept, not graded",
                             "updated_at": w.updated})  # fmt: skip
    sessions.sort(key=lambda s: str(s["updated_at"]), reverse=True)
    if not sessions:
        render.line(f"No saved sessions yet. Start one with: {session_command('--role', 'director')}")
        return
    table = Table(title="Saved sessions (resume with --resume ID)")
    # The ID is what the candidate copies into --resume: never shortened, whatever the terminal's width.
    table.add_column("ID", no_wrap=True, min_width=max(len(s["thread_id"]) for s in sessions))
    for col in ("Role", "Status", "Updated (UTC)"):
        table.add_column(col)
    for s in sessions:
        table.add_row(s["thread_id"], s["role"], s["status"], str(s["updated_at"]).replace("T", " ")[:19])
    render.console.print(table)
    for w in waiting:
        render.line(w.line())
