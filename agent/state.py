"""The interview's graph state: plain JSON-able TypedDicts (critiques are stored as model_dump dicts).

`turns` is the one accumulating field (reducer: list concatenation). Everything about the current
question is derived from `plan` and `turns`, so a resumed session needs nothing else.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, NotRequired

# typing_extensions' TypedDict: LangGraph Server's schema endpoints (pydantic) reject typing.TypedDict on 3.11.
from typing_extensions import TypedDict

StepKind = Literal["question", "follow_up", "done"]


class PlannedQuestion(TypedDict):
    """One main question of the plan."""

    id: str
    text: str
    type: str
    competency: str
    signals: list[str]


class StoryRef(TypedDict):
    """A story hit kept in state: only its id, title, score and whether it fits the question (the story itself
    stays in the index). Hits that do not fit are kept so the critic can still recognise the story an answer
    tells; only fitting ones are suggested or listed (a ref without "fits", from an older checkpoint, fits)."""

    id: str
    title: str
    score: float
    fits: NotRequired[bool]


class FollowUp(TypedDict):
    """A follow-up the interviewer will ask next, and the gap it probes."""

    text: str
    probes: str


class TurnRecord(TypedDict):
    """One answer (or skip) of the candidate and what the interviewer made of it.

    For a follow-up answer, `critique` judges the whole answer so far (main answer + follow-up
    answers), so a gap the follow-up closed no longer shows.
    """

    question_index: int
    question_id: str
    question: str
    question_type: str
    competency: str
    answer: str
    is_follow_up: bool
    skipped: bool
    critique: dict[str, Any] | None
    follow_up: FollowUp | None
    stories: list[StoryRef]
    usage: dict[str, Any] | None
    left: NotRequired[dict[str, list[str]]]  # a follow-up turn: the main answer's gaps and signals still open after it
    # The candidate's story the answer retells (the one the critic checks figures against), fitting or not; absent
    # when the answer retells none of them (and in turns saved before it was kept).
    told: NotRequired[StoryRef]


class PendingAnswer(TypedDict):
    """An answer received at an interrupt and not yet critiqued."""

    text: str
    is_follow_up: bool


class InputState(TypedDict, total=False):
    """What starting a session needs (the rest comes from the runtime Context)."""

    recent_question_ids: list[str]
    candidate_questions: list[str]


class State(InputState, total=False):
    """The full state of one interview."""

    plan: list[PlannedQuestion]
    opening: str
    closing: str
    turns: Annotated[list[TurnRecord], operator.add]
    pending_answer: PendingAnswer | None
    stories: list[StoryRef]
    ended: bool
    scorecard: dict[str, Any]


def main_turns(state: State) -> list[TurnRecord]:
    """Records of main questions (answered or skipped), in order."""
    return [t for t in state.get("turns", []) if not t["is_follow_up"]]


def next_question_index(state: State) -> int:
    """Index in the plan of the next main question to ask."""
    return len(main_turns(state))


def turns_for(state: State, question_index: int) -> list[TurnRecord]:
    """Every record (main + follow-ups) of one main question."""
    return [t for t in state.get("turns", []) if t["question_index"] == question_index]
