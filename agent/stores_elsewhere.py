"""Sessions of this data folder kept in another session store than the one a command opened.

A session run with `--checkpointer FILE` (or a Postgres URL) keeps its reports and history in the data folder and
its checkpoints in that store; its history record says which store (agent.coaching.feed.SessionSummary.store, since
stop 43). A later `--list-sessions`, `--resume` or `--resume ID` on the same data folder without that checkpointer
names the store and the command that opens it (sweep 42b G1: they called the data folder's database "deleted or
moved outside this tool", which nothing had done). Sessions kept in memory only are never named: they ended with
their process. Records older than stop 43 say no store and are taken as the data folder's own.
"""

from __future__ import annotations

from typing import Any

from agent.backend import memory_only, same_store, store_label
from agent.coaching.feed import FileFeed, SessionSummary
from knowledge.paths import data_dir


def elsewhere() -> list[SessionSummary]:
    """This data folder's sessions whose history record names another store than the configured one (memory:
    left out), oldest first."""
    here = store_label()
    try:
        summaries = FileFeed().sessions()
    except (OSError, ValueError):  # no history folder, or a data folder that cannot be used (said by its check)
        return []
    return [s for s in summaries if s.store is not None and not memory_only(s.store) and not same_store(s.store, here)]


def where(label: str) -> str:
    """A store label (agent.backend.store_label) in words."""
    if not label:
        return f"this data folder's session database {data_dir() / 'sessions.sqlite'}"
    return f"--checkpointer {label}"


def command(label: str, *args: str) -> str:
    """The session command `args` run against the store `label`, with this data folder."""
    import os

    from agent.cli_render import session_command

    given = os.environ.get("INTERVIEWER_DATA_DIR", "").strip()
    folder = ["--data-dir", given] if given else []
    store = label or str(data_dir() / "sessions.sqlite")
    line = session_command(*args, *folder, "--checkpointer", store)
    return f"{line} (put the password back in place of ***)" if ":***@" in store else line


def resume_line(session_id: str) -> str | None:
    """For `--resume ID` of a session the opened store lacks: where this data folder's history says it is kept, and
    the command that resumes it there; else None."""
    for summary in elsewhere():
        if summary.thread_id == session_id and summary.store is not None:
            return (f"session {session_id} is kept in {where(summary.store)}, not in {where(store_label())}: "
                    f"resume it with: {command(summary.store, '--resume', session_id)}")  # fmt: skip
    return None


def bare_resume_line() -> str | None:
    """For a bare `--resume` that finds nothing unfinished in the opened store: this data folder's latest unfinished
    session kept in another store, and the command that resumes it there; else None."""
    unfinished = [s for s in elsewhere() if not s.finished]
    if not unfinished or unfinished[-1].store is None:
        return None
    latest = unfinished[-1]
    assert latest.store is not None
    return (f"this data folder's latest unfinished session, {latest.thread_id}, is kept in {where(latest.store)}: "
            f"resume it with: {command(latest.store, '--resume', latest.thread_id)}")  # fmt: skip


def listing_lines() -> list[str]:
    """For `--list-sessions`: one line per other store holding sessions of this data folder, with its listing
    command."""
    stores: dict[str, int] = {}
    for summary in elsewhere():
        assert summary.store is not None
        key = next((k for k in stores if same_store(k, summary.store)), summary.store)
        stores[key] = stores.get(key, 0) + 1
    lines = []
    for label, count in stores.items():
        many = count != 1
        listed = command(label, "--list-sessions")
        lines.append(f"{count} saved session{'s' if many else ''} of this data folder {'are' if many else 'is'} kept "
                     f"in {where(label)}: list {'them' if many else 'it'} with: {listed}")  # fmt: skip
    return lines


def own_count(files: int) -> int:
    """Of `files` history records in this data folder, how many may be sessions of its own database (those whose
    record names another store, or memory only, are not)."""
    try:
        summaries = FileFeed().sessions()
    except (OSError, ValueError):
        return files
    return max(files - sum(1 for s in summaries if s.store), 0)


def other_folder_line(store: Any) -> str | None:
    """For a bare `--resume` that finds no unfinished session of this data folder in a store several data folders
    share: the store's latest unfinished session of another folder, and the command that resumes it with that
    folder (its drafts and reports live there); else None."""
    from agent.cli_render import session_command
    from agent.store import FOLDER_KEY

    row = store.load(None, anywhere=True)
    folder = row[1].get(FOLDER_KEY) if row is not None else None
    if row is None or not isinstance(folder, str):
        return None
    label = store_label()
    line = session_command("--resume", row[0], "--data-dir", folder, "--checkpointer", label)
    note = " (put the password back in place of ***)" if ":***@" in label else ""
    return (f"no unfinished session of this data folder to resume in {where(label)}; its latest unfinished session, "
            f"{row[0]}, was started with the data folder {folder}: resume it with: {line}{note}")  # fmt: skip
