"""Routers: pure functions of the state that name the next step, and raise on an impossible state."""

from __future__ import annotations

from typing import Literal

from agent.nodes.ask import InvalidStateError
from agent.state import State, next_question_index


def _more_questions(state: State) -> bool:
    return next_question_index(state) < len(state.get("plan", []))


def after_question(state: State) -> Literal["answered", "next_question", "wrap_up"]:
    """After a main question: critique the answer, or move on after a skip, or stop."""
    pending = state.get("pending_answer")
    if state.get("ended"):
        return "wrap_up"
    if pending is not None:
        if pending["is_follow_up"]:
            raise InvalidStateError("a follow-up answer is pending after a main question")
        return "answered"
    return "next_question" if _more_questions(state) else "wrap_up"


def after_follow_up(state: State) -> Literal["answered", "next_question", "wrap_up"]:
    """After a follow-up: critique the answer, or move on after a skip, or stop."""
    pending = state.get("pending_answer")
    if state.get("ended"):
        return "wrap_up"
    if pending is not None:
        if not pending["is_follow_up"]:
            raise InvalidStateError("a main answer is pending after a follow-up")
        return "answered"
    return "next_question" if _more_questions(state) else "wrap_up"


def decide(state: State) -> Literal["follow_up", "next_question", "wrap_up"]:
    """After a critique: ask its follow-up, or the next question, or wrap up."""
    turns = state.get("turns", [])
    if not turns or turns[-1]["critique"] is None:
        raise InvalidStateError("decide reached without a critiqued answer")
    if state.get("pending_answer") is not None:
        raise InvalidStateError("decide reached with an answer still pending")
    if turns[-1]["follow_up"] is not None:
        return "follow_up"
    return "next_question" if _more_questions(state) else "wrap_up"


def after_plan(state: State) -> Literal["question", "follow_up", "wrap_up", "done"]:
    """After plan_interview in the service, where a start run leads: a fresh plan to its first question; an
    interview under way back to the prompt waiting (the follow-up its last critique chose, else the next main
    question), so a repeated start never replaces it; an ended one nowhere; one that is over but whose wrap-up
    never finished (its run failed: a full disk while the report was written) to wrap_up, so the report is written
    then (sweep 39 SV19: nothing else could ever write it)."""
    turns = state.get("turns", [])
    if state.get("scorecard") is not None:  # wrap_up ran (the service sets the report in the same update)
        return "done"
    if state.get("ended"):
        return "wrap_up"
    if turns and turns[-1]["critique"] is not None and turns[-1]["follow_up"] is not None:
        return "follow_up"
    return "question" if _more_questions(state) else "wrap_up"
