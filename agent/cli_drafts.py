"""A typed but unsubmitted draft survives Ctrl-C, Ctrl-D and a closed terminal: it is kept with the session and is
back in the prompt on `--resume`; when there is nothing to resume, the candidate is told plainly it was not kept.

The draft goes into the session's answer journal file (agent.answer_journal: atomic, 0600), not the database: it is
not an answer, and the graph never sees it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from agent import answer_journal
from agent.backend import memory_only
from agent.cli_draft_saver import draft_on_disk
from agent.cli_input import AnswerSource, PromptSource
from agent.cli_render import Renderer
from knowledge import data_files
from knowledge.paths import write_private


def _not_kept_in_memory(draft: str, render: Renderer) -> None:
    """A session kept in memory only cannot be resumed: its draft is shown to copy, never journalled (a kept draft
    was listed as resumable, and `--resume` then started that id afresh and overwrote its report, sweep25 S5)."""
    render.line("The draft you had typed is not kept: a session kept in memory only ends with this process. "
                "Here it is, to copy:")  # fmt: skip
    render.line(draft)


def keep_draft(source: AnswerSource, driver: Any, kept: str | None, context: Any, render: Renderer) -> None:
    """After the session stopped at the prompt: keep the draft typed there (`kept`: a session id whose answer is
    journalled already; otherwise the driver's session when it can be resumed)."""
    draft = source.draft() if isinstance(source, PromptSource) else ""
    if not draft.strip():
        return
    if memory_only():
        _not_kept_in_memory(draft, render)
        return
    thread_id = kept or (driver.thread_id if driver is not None and driver.started else None)
    if thread_id is None:  # shown to copy, as when the database refused the session ("N" to moving it aside)
        render.line("The draft you had typed was not kept: there is no session to resume. Here it is, to copy:")
        render.line(draft)
        return
    stored = context.to_dict() if context is not None else {}
    try:
        kept_now = answer_journal.keep_draft(thread_id, stored, draft)
    except OSError as exc:  # a full disk: the answer the disk refused is this draft (sweep 35 K09), never dropped
        render.line(f"The draft you had typed could not be kept ({exc.strerror or exc}). Here it is, to copy:")
        render.line(draft)
        return
    if kept_now:  # said only when a draft really is kept (a submitted answer is not one)
        draft_on_disk(thread_id, draft)
        render.line("The draft you had typed is kept: it is back in the prompt when you resume.")


def keep_first_draft(source: AnswerSource, thread_id: str, context: Any, question: str, render: Renderer) -> bool:
    """Stopped with nothing answered yet but an answer typed at the first question: the draft is kept with the
    session (an unanswered session is dropped otherwise), so `--resume` opens that question with the draft in the
    prompt. True when the draft was dealt with here (kept, or why it could not be said)."""
    draft = source.draft() if isinstance(source, PromptSource) else ""
    if not draft.strip():
        return False
    if memory_only():
        render.line("Nothing was answered yet, so nothing was saved.")
        _not_kept_in_memory(draft, render)
        return True
    try:
        answer_journal.keep_draft(thread_id, context.to_dict(), draft, question)
    except OSError as exc:
        render.line("Nothing was answered yet, so nothing was saved; the draft you had typed could not be kept "
                    f"({exc.strerror or exc}). Here it is, to copy:")  # fmt: skip
        render.line(draft)
        return True
    draft_on_disk(thread_id, draft)
    render.resume_hint(thread_id, "Nothing was answered yet; the draft you had typed is kept with the session.")
    return True


def restore_draft(source: AnswerSource, thread_id: str, render: Renderer) -> None:
    """On resume at a terminal: the kept draft starts the first prompt."""
    if not isinstance(source, PromptSource):
        _not_used_here(thread_id, render)  # scripted answers: the draft stays kept for a resume at the terminal
        return
    try:
        draft = answer_journal.take_draft(thread_id)
    except OSError:
        return
    if draft:
        source.keep_draft(draft)
        render.notice("The draft you had typed last time is back in the prompt.")


def _not_used_here(thread_id: str, render: Renderer) -> None:
    """A scripted resume (--answers, piped stdin) answers the question a kept draft was typed for without it: the
    draft is set aside beside the session's report and the run says so, never silently (sweep26 S1). Left in the
    journal it came back pre-filled at a later question on the next resume at a terminal (sweep27 S1)."""
    if (moved := _set_aside_kept(thread_id)) is None:
        return
    kept, target = moved
    if isinstance(target, OSError):
        render.notice(f"A draft you typed at the terminal stays kept in {kept}; scripted answers do not use it "
                      f"(it could not be set aside: {target.strerror or target}).")  # fmt: skip
        return
    render.notice(f"The draft you typed at the terminal for this question is not used by scripted answers; it is "
                  f"kept in {target}.")  # fmt: skip


def unused_draft_path(thread_id: str) -> Path:
    """Where a session's unused draft is kept: beside its report."""
    from agent.report import report_paths

    markdown, _ = report_paths(thread_id)
    return markdown.with_suffix(".unused-draft.txt")


def _set_aside(thread_id: str, draft: str) -> Path:
    """The draft leaves the answer journal for a file of its own beside the report (0600; an earlier one set aside
    stays above it). OSError when it cannot be written: the journal keeps it then."""
    target = unused_draft_path(thread_id)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        before = data_files.read_text(target, data_files.REPORT_BYTES, errors="replace")  # a pipe: OSError, no wait
    except FileNotFoundError:
        before = ""
    text = draft if draft.endswith("\n") else draft + "\n"
    write_private(target, f"{before}\n---\n\n{text}" if before else text)
    answer_journal.take_draft(thread_id)
    return target


def _set_aside_kept(thread_id: str) -> tuple[Path | None, Path | OSError] | None:
    """(the answer journal's file, where its kept draft now is or why it could not move there) when the session has a
    kept draft; None when it has none."""
    entry = answer_journal.load(thread_id)
    if entry is None or not entry.draft.strip():
        return None
    if _submitted_already(thread_id, entry.draft):
        with contextlib.suppress(OSError):  # a stale snapshot of an answer that was graded: no draft to keep
            answer_journal.take_draft(thread_id)
        return None
    try:
        return entry.path, _set_aside(thread_id, entry.draft)
    except OSError as exc:
        return entry.path, exc


def settle_unused_draft(thread_id: str, render: Renderer) -> None:
    """The session is finished, so a draft still kept for it can never come back in a prompt (e.g. kept by an older
    version, or at a finished session's resume): it is set aside beside the report and leaves the answer journal,
    which would otherwise hold it forever, and the run says where it is."""
    if (moved := _set_aside_kept(thread_id)) is None:
        return
    kept, target = moved
    if isinstance(target, OSError):
        render.line(f"A draft you typed at the terminal stays kept in {kept} (it could not be set aside beside "
                    f"the report: {target.strerror or target}).")  # fmt: skip
        return
    render.line(f"The draft you typed at the terminal was not used (the session is finished); it is kept in {target}.")


def _submitted_already(thread_id: str, draft: str) -> bool:
    """The draft is the start of (or all of) an answer the session holds: the draft file's last snapshot before that
    answer was submitted, left by a kill before it was dropped (sweep 39 RR4: reported as a draft not used)."""
    from agent.registry_peek import registry

    typed = " ".join(draft.split())
    try:
        with registry() as store:
            moves = store.moves(thread_id) if store is not None else []
    except Exception:  # the registry not readable: the draft is kept, as before
        return False
    return any(" ".join(move["text"].split()).startswith(typed) for move in moves)
