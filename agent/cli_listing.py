"""`--list-sessions`: the saved sessions, most recent first, with the id to pass to --resume."""

from __future__ import annotations

from rich.table import Table

from agent.cli_render import Renderer, session_command


def show_sessions(render: Renderer, limit: int = 20) -> None:
    """Print a table of saved sessions (or a one-line note when there are none)."""
    from agent.backend import open_backend, sqlite_readonly  # lazy: imports LangGraph's saver

    # A read-only data folder can still be listed: open the file without writing to it.
    backend = open_backend(readonly=sqlite_readonly())
    sessions = backend.store.listing(limit)
    backend.close()
    if not sessions:
        render.line(f"No saved sessions yet. Start one with: {session_command('--role', 'director')}")
        return
    table = Table(title="Saved sessions (resume with --resume ID)")
    # The ID is what the candidate copies into --resume: never shortened, whatever the terminal's width.
    table.add_column("ID", no_wrap=True, min_width=max(len(s["thread_id"]) for s in sessions))
    for col in ("Role", "Status", "Updated (UTC)"):
        table.add_column(col)
    for s in sessions:
        table.add_row(s["thread_id"], s["role"], s["status"], s["updated_at"].replace("T", " ")[:19])
    render.console.print(table)
