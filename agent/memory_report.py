"""What a session kept in memory only (`--checkpointer memory:`) leaves when it stops before its end.

Nothing of such a session outlives its process, so the answers given so far would be gone with it. When it stops
(Ctrl-C, the end of scripted answers, a closed input) they are written to the session's report files (0600, the
same Markdown report and JSON transcript a finished session gets), with an answer submitted but not graded yet
listed as such; the answer journal's entry is then dropped: the report holds its answers and there is nothing to
resume.
"""

from __future__ import annotations

import contextlib
from typing import Any

from agent import answer_journal
from agent.backend import memory_only
from agent.report import write_report


def keep_answers(driver: Any) -> str:
    """Write the report of a stopped memory-only session that holds answers; its Markdown path, else ""."""
    if driver is None or not driver.started or not memory_only(driver.backend.url):
        return ""
    values = driver.values()
    answered = {t.get("answer") for t in values.get("turns") or [] if not t.get("skipped")}
    ungraded: list[str] = []
    if pending := values.get("pending_answer"):
        ungraded.append(str(pending["text"]))
    entry = answer_journal.load(driver.thread_id)  # submitted while the session got ready, or while grading
    for _, move in sorted((entry.moves if entry else {}).items()):
        text = move.get("text", "")
        if move.get("kind") == "answer" and text and text not in answered and text not in ungraded:
            ungraded.append(text)
    if not answered and not ungraded:
        return ""
    try:
        paths = write_report(driver.thread_id, {**values, "ungraded": ungraded}, driver.context.to_dict())
    except OSError:  # a full or read-only disk: the journal keeps them, as it does for any session
        return ""
    with contextlib.suppress(OSError):
        answer_journal.forget_moves(driver.thread_id)
    return paths["markdown"]


def keep_unstarted(thread_id: str, context: dict[str, Any]) -> str:
    """A memory-only session stopped while it got ready, with an answer submitted (kept in the answer journal): the
    answer goes to the session's report as not graded, as it would once the session had started; its Markdown
    path, else "" (sweep27 S6: the stop said the session could not be resumed and wrote nothing)."""
    if not memory_only():
        return ""
    entry = answer_journal.load(thread_id)
    ungraded = [m["text"] for _, m in sorted((entry.moves if entry else {}).items())
                if m.get("kind") == "answer" and m.get("text")]  # fmt: skip
    if not ungraded:
        return ""
    try:
        paths = write_report(thread_id, {"ungraded": ungraded}, context)
    except OSError:  # a full or read-only disk: the journal keeps them
        return ""
    with contextlib.suppress(OSError):
        answer_journal.forget_moves(thread_id)
    return paths["markdown"]
