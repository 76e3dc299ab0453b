"""The answers evals.load's users type: labelled answers of typed length, to the question asked where one exists.

    answer(user, turn, "labelled", role="director", question_id="org-design")
    warm("labelled")      # a load worker reads the labelled files once, before its users start

`labelled` (the default): an answer from evals/labeled written for the question asked (the role's item with that
question_id, or that question's text), on topic and 90-220 words long; a question none was written for takes one
of the labelled strong answers of that length instead (the texts evals.bench times the critic on). `template`: the
one 50-word answer earlier stops measured with. Every answer starts with a tag, `[u{user}t{turn}]`, that says whose
it is, so evals.load can tell a lost answer from one that reached another user's thread.

The labelled files take ~0.5 s of CPU to parse. They are parsed once per process, under a lock: a hundred user
threads reaching their first turn together would each parse them (functools.cache does not hold back a second
caller while the first one computes).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

KINDS = ("labelled", "template")
WORDS = (90, 220)  # as long as candidates type: evals.bench.turn_answers' range
_lock = threading.Lock()


@dataclass(frozen=True)
class Pools:
    """The labelled answers, parsed once: `strong` for any question, `asked[(role, question_id)]` for that one."""

    strong: tuple[str, ...]
    asked: dict[tuple[str, str], tuple[str, ...]]


def answer(
    user: int, turn: int, kind: str = "labelled", role: str | None = None, question_id: str | None = None
) -> str:
    """User `user`'s answer at turn `turn` to question `question_id` of `role` (see the module docstring)."""
    if kind == "template":
        return (
            f"[u{user}t{turn}] I led the move of our nightly batch jobs to a streaming pipeline. I set the plan, "
            f"negotiated the cut-over window with two teams and ran the rollout myself. Freshness went from "
            f"{20 + turn} hours to {turn + 1} minutes and the compute bill fell {10 + user % 30}% in one quarter."
        )
    found = pools()
    pool = found.asked.get((role or "", question_id or "")) or found.strong
    return f"[u{user}t{turn}] " + pool[(user * 7 + turn * 13) % len(pool)]


def warm(kind: str) -> None:
    """Parse the labelled files now (a load worker's warm-up), not inside a user's timed turn."""
    if kind == "labelled":
        pools()


def pools() -> Pools:
    """The answer pools of this process, built once."""
    with _lock:
        return _build()


@functools.cache
def _build() -> Pools:
    from evals.bench import turn_answers
    from evals.labels import load_labeled

    items = load_labeled()
    asked: dict[tuple[str, str], list[str]] = {}
    for item in items:
        qid = _question_id(item.role, item.question_id, item.question)
        words = len(item.answer.split())
        # injection answers are on topic but talk to the grader, not the interviewer: no candidate types them
        if qid and item.labels.relevance == "on_topic" and item.style != "injection" and WORDS[0] <= words <= WORDS[1]:
            asked.setdefault((item.role, qid), []).append(item.answer)
    return Pools(tuple(turn_answers(items)), {key: tuple(texts) for key, texts in asked.items()})


def _question_id(role: str, question_id: str | None, question: str) -> str | None:
    """The id of the role pack's question an item answers (its question_id, else its question's text), or None."""
    ids = _pack_questions(role)
    if question_id in ids.values():
        return question_id
    return ids.get(question)


@functools.cache
def _pack_questions(role: str) -> dict[str, str]:
    """Role `role`'s questions, text -> id (empty for a role with no installed pack)."""
    from agent.nodes.plan import load_pack

    try:
        return {q.text: q.id for q in load_pack(role).questions}
    except (LookupError, OSError, ValueError):
        return {}
