"""Turn a session's graph values into its history summary, and feed it after every answer.

The driver calls `record_progress` whenever the graph returns, so a session saved half-way (Ctrl-D, scripted
answers run out) counts with what it has, and a finished one is marked finished. The story an answer retold is the
one the critique found (the turn's "told": the story, fitting the question or not, whose words the answer shares
most).
The summary is built and written (with an fsync, ~10 ms on a disk) on one background thread, off the turn's
critical path; interpreter exit waits for it, and `flush_history` lets a hard exit (second Ctrl-C) wait too.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait
from functools import cache, lru_cache
from typing import Any

from agent.backend import store_label
from agent.coaching.feed import AnswerRecord, HistoryFeed, SessionSummary, now_iso, open_feed
from agent.context import Context
from agent.report import build_scorecard
from agent.state import PlannedQuestion, TurnRecord
from agent.storage import blocked_message, in_the_way
from knowledge.threads import lower_this_thread
from knowledge.title_tags import spoken_title


def _told(ctx: Context, q: PlannedQuestion, turn: TurnRecord) -> tuple[str | None, str | None]:
    """(id, title) of the candidate's story the main answer retold, or (None, None)."""
    if turn["skipped"]:
        return None, None
    if told := turn.get("told"):  # found by the critique over all the turn's stories, fitting or not
        return told["id"], told["title"]
    if not turn["stories"]:
        return None, None
    # A turn saved before "told" was kept: matched over the stories that fit the question (a retold story that
    # does not fit it is missed).
    refs = tuple(ref["id"] for ref in turn["stories"])
    return _told_once(tuple(ctx.docs), ctx.index_dir, ctx.embedder, refs, q["text"], q["competency"], turn["answer"])


@lru_cache(maxsize=4096)
def _told_once(
    docs: tuple[str, ...],
    index_dir: str | None,
    embedder: str,
    refs: tuple[str, ...],
    question: str,
    competency: str | None,
    answer: str,
) -> tuple[str | None, str | None]:
    """The summary is rebuilt after every answer; an answer already matched to its story is not matched again
    (a long interview would otherwise redo every earlier answer's match on each turn)."""
    from agent.critic.story_notes import told_index
    from agent.nodes.retrieve import stories_for

    ctx = Context(docs=list(docs), index_dir=index_dir, embedder=embedder)
    stories = stories_for(ctx, [{"id": i, "title": "", "score": 0.0} for i in refs], question, competency)
    best = told_index(answer, stories)
    return (stories[best].id, spoken_title(stories[best].title)) if best is not None else (None, None)


def _answer(ctx: Context | None, q: PlannedQuestion, row: dict[str, Any], turns: list[TurnRecord]) -> AnswerRecord:
    mine = [t for t in turns if t["question_index"] == row["index"]]
    main = next((t for t in mine if not t["is_follow_up"]), None)
    probes = [(t["critique"] or {}).get("probes") for t in mine if t["is_follow_up"] and not t["skipped"]]
    story_id, title = _told(ctx, q, main) if ctx is not None and main is not None else (None, None)
    return AnswerRecord(
        question_id=q["id"],
        question=q["text"],
        competency=q["competency"],
        type=q["type"],
        skipped=bool(row["skipped"]),
        score=row["score"],
        first_score=row.get("first_score"),
        follow_ups=len(probes),
        prompted=any(p not in (None, "none") for p in probes),
        gaps=list(row.get("gaps") or []),
        story_id=story_id,
        story_title=title,
    )


@cache
def pack_name(role: str) -> str:
    """The role pack's name for a role given by name or path (the role itself when the pack cannot be read)."""
    from knowledge.roles import load_role

    try:
        return load_role(role).name
    except (ValueError, OSError):
        return role


def summarize(thread_id: str, context: Context, values: dict[str, Any], ctx: Context | None = None) -> SessionSummary:
    """The summary of a session from its graph values (`ctx` given: also find the stories told)."""
    plan: list[PlannedQuestion] = values.get("plan", [])
    turns: list[TurnRecord] = values.get("turns", [])
    card = values.get("scorecard") or build_scorecard(plan, turns, bool(values.get("ended")))
    rows = [r for r in card["questions"] if r["asked"]]
    return SessionSummary(
        thread_id=thread_id,
        role=pack_name(context.role),
        role_ref=context.role,
        started=now_iso(),
        updated=now_iso(),
        finished=bool(values.get("scorecard")),
        docs=list(context.docs),
        jd=context.jd,
        answers=[_answer(ctx, plan[r["index"]], r, turns) for r in rows],
        store=store_label(),  # a later command on this data folder names where the session is (sweep 42b G1)
    )


# One writer, so summaries land in order; a background thread (knowledge.threads): a turn gets a core first.
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history-feed", initializer=lower_this_thread)


# Why a session's latest summary did not reach the history (thread id -> one line), until a later write succeeds.
_UNWRITTEN: dict[str, str] = {}
_SAID: set[str] = set()  # sessions whose failure newly_unwritten() has handed out (said again after a success)


def _record(thread_id: str, context: Context, values: dict[str, Any], feed: HistoryFeed | None) -> None:
    try:
        (feed or open_feed()).record(summarize(thread_id, context, values, ctx=context))
    except OSError as exc:
        # best effort: the answers are in the checkpoint and the next write rewrites the summary; the session's
        # end says it was missed (sweep 38 R16: a file in place of history/ dropped it without a word)
        blocker = in_the_way(exc.filename)
        _UNWRITTEN[thread_id] = blocked_message(blocker) if blocker else f"the coaching history failed to write ({exc})"
        return
    _UNWRITTEN.pop(thread_id, None)
    _SAID.discard(thread_id)


def unwritten_summary(thread_id: str) -> str | None:
    """Once the writer is done: why the session's summary is not in the history, or None when it is."""
    flush_history()
    return _UNWRITTEN.get(thread_id)


def newly_unwritten(thread_id: str, patience: float = 2.0) -> str | None:
    """Why the session's summary just failed to reach the history, the first time it fails (None when it was
    written, or the failure was handed out already): the terminal says so after that answer, not only at the
    session's end (sweep 38 R16). Waits for the writer up to `patience` s (a write takes ~10 ms); a write still
    running then is said after a later answer."""
    flush_history(patience)
    why = _UNWRITTEN.get(thread_id)
    if why is None or thread_id in _SAID:
        return None
    _SAID.add(thread_id)
    return why


def record_progress(thread_id: str, context: Context, values: dict[str, Any], feed: HistoryFeed | None = None) -> None:
    """Feed the session's summary to the history (in the background) once it has an answer."""
    if any(not t["is_follow_up"] for t in values.get("turns", [])):
        _WRITER.submit(_record, thread_id, context, values, feed)


def flush_history(timeout: float = 5.0) -> None:
    """Wait until summaries handed to the writer are on disk (before a hard exit; in tests)."""
    wait([_WRITER.submit(lambda: None)], timeout=timeout)
