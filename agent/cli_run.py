"""Run one interview on the driver: open (new or resumed), loop, then the closing screen.

Imported lazily by agent.session, because importing the driver imports LangGraph and the story index.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from agent.checkpoint import list_sessions, load_session, open_checkpointer
from agent.cli_loop import InterviewLoop
from agent.cli_notices import fresh_notices
from agent.cli_render import Renderer
from agent.context import Context
from agent.driver import InterviewDriver, SessionNotFoundError

RECENT_IDS = 5  # ids listed when --resume names an unknown session


class ResumeError(LookupError):
    """--resume found nothing to resume; the message lists recent session ids."""


def new_driver(context: Context, thread_id: str | None = None) -> InterviewDriver:
    """A driver for a new session (the thread id exists before the first question is planned)."""
    return InterviewDriver(context, thread_id=thread_id)


def resume_driver(session_id: str) -> InterviewDriver:
    """A driver for a saved session: the given id, or the latest unfinished one when the id is empty."""
    saver = open_checkpointer()
    if load_session(saver, session_id or None) is None:
        recent = ", ".join(s["thread_id"] for s in list_sessions(saver, RECENT_IDS)) or "none"
        what = f"unknown session id {session_id!r}" if session_id else "no unfinished session to resume"
        raise ResumeError(f"{what}; recent sessions: {recent}")
    try:
        return InterviewDriver.resume(session_id or None, checkpointer=saver)
    except SessionNotFoundError as exc:
        raise ResumeError(str(exc)) from None


def first_step(driver: InterviewDriver, resume: bool, render: Renderer) -> Any:
    """The question waiting for an answer, with any index/driver notices shown first."""
    try:
        step = driver.pending() if resume else driver.start()
    except SessionNotFoundError as exc:
        raise ResumeError(str(exc)) from None
    for notice in fresh_notices(step.notices, driver.context.docs):
        render.notice(notice)
    if resume and step.kind == "done":
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
        turns = json.loads(Path(path).read_text(encoding="utf-8")).get("turns", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [t for t in turns if isinstance(t, dict)]
