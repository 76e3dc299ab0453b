"""ask_question and ask_follow_up: the two places the graph stops and waits for the candidate.

Each calls interrupt() with what the interviewer says; the driver resumes with
{"kind": "answer" | "skip" | "end", "text": ...}. A node that interrupts re-runs from its top on
resume, so everything before interrupt() is pure.
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.types import interrupt

from agent.nodes.lines import question_preamble
from agent.state import PlannedQuestion, State, TurnRecord, next_question_index

ResumeKind = Literal["answer", "skip", "end"]


class InvalidStateError(RuntimeError):
    """The graph reached a state its wiring should make impossible."""


MAX_ANSWER_CHARS = 20_000  # as the terminal's cap: a server client cannot make one turn grade megabytes


def parse_resume(value: Any) -> tuple[ResumeKind, str]:
    """The candidate's move from the resume value (a bare string is an answer)."""
    if isinstance(value, str):
        return "answer", value[:MAX_ANSWER_CHARS]
    if isinstance(value, dict) and value.get("kind") in ("answer", "skip", "end"):
        return value["kind"], str(value.get("text") or "")[:MAX_ANSWER_CHARS]
    raise ValueError(f"resume value must be an answer string or {{'kind': answer|skip|end}}, got {repr(value)[:80]}")


def skipped_record(q: PlannedQuestion, index: int, question: str, is_follow_up: bool) -> TurnRecord:
    """The record of a question the candidate skipped."""
    return {
        "question_index": index,
        "question_id": q["id"],
        "question": question,
        "question_type": q["type"],
        "competency": q["competency"],
        "answer": "",
        "is_follow_up": is_follow_up,
        "skipped": True,
        "critique": None,
        "follow_up": None,
        "stories": [],
        "usage": None,
    }


def _after_move(kind: ResumeKind, text: str, is_follow_up: bool, skipped: TurnRecord) -> dict:
    if kind == "answer":
        return {"pending_answer": {"text": text, "is_follow_up": is_follow_up}}
    if kind == "skip":
        return {"turns": [skipped], "pending_answer": None}
    return {"ended": True, "pending_answer": None}


def ask_question(state: State) -> dict:
    """Ask the next main question of the plan and wait for the answer."""
    index = next_question_index(state)
    plan = state.get("plan", [])
    if index >= len(plan):
        raise InvalidStateError(f"no question {index + 1} in a plan of {len(plan)}")
    q = plan[index]
    preamble = question_preamble(state, index, q["id"])
    kind, text = parse_resume(
        interrupt(
            {
                "kind": "question",
                "text": f"{preamble}\n\n{q['text']}" if preamble else q["text"],
                "question": q["text"],
                "main_question": q["text"],
                "question_id": q["id"],
                "competency": q["competency"],
                "turn_index": index,
                "total": len(plan),
            }
        )
    )
    update = _after_move(kind, text, False, skipped_record(q, index, q["text"], False))
    if kind == "answer":
        update["stories"] = []  # hits of the previous question no longer apply
    return update


def ask_follow_up(state: State) -> dict:
    """Ask the follow-up the critique step chose and wait for the answer."""
    turns = state.get("turns", [])
    follow_up = turns[-1]["follow_up"] if turns else None
    if follow_up is None:
        raise InvalidStateError("ask_follow_up reached without a chosen follow-up")
    last = turns[-1]
    q = state["plan"][last["question_index"]]
    kind, text = parse_resume(
        interrupt(
            {
                "kind": "follow_up",
                "text": follow_up["text"],
                "question": follow_up["text"],
                "main_question": q["text"],
                "question_id": q["id"],
                "competency": q["competency"],
                "turn_index": last["question_index"],
                "total": len(state["plan"]),
                "probes": follow_up["probes"],
            }
        )
    )
    return _after_move(kind, text, True, skipped_record(q, last["question_index"], follow_up["text"], True))
