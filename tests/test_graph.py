"""The graph's wiring: it compiles with both checkpointers, nodes read like the interview, routers refuse
impossible states, and langgraph.json points at the exported graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.checkpoint import open_checkpointer
from agent.graph import build_graph, compile_graph, graph
from agent.nodes.ask import InvalidStateError, ask_follow_up, ask_question, parse_resume
from agent.nodes.decide import after_follow_up, after_question, decide
from agent.state import PlannedQuestion, State, TurnRecord

REPO = Path(__file__).resolve().parents[1]
NODES = {"plan_interview", "ask_question", "retrieve_stories", "critique_answer", "ask_follow_up", "wrap_up"}
Q: PlannedQuestion = {"id": "q1", "text": "Why?", "type": "motivation", "competency": "motivation", "signals": []}


def turn(**kw: object) -> TurnRecord:
    base: TurnRecord = {
        "question_index": 0, "question_id": "q1", "question": "Why?", "question_type": "motivation",
        "competency": "motivation", "answer": "Because.", "is_follow_up": False, "skipped": False,
        "critique": {"score": 3}, "follow_up": None, "stories": [], "usage": None,
    }  # fmt: skip
    return {**base, **kw}  # type: ignore[typeddict-item]


def test_graph_compiles_with_sqlite_and_memory_checkpointers() -> None:
    assert set(build_graph().nodes) == NODES
    assert compile_graph(InMemorySaver()).checkpointer is not None
    assert compile_graph(open_checkpointer()).checkpointer is not None
    assert graph.checkpointer is None


def test_langgraph_json_serves_the_service_graph_with_our_checkpointer() -> None:
    config = json.loads((REPO / "langgraph.json").read_text(encoding="utf-8"))
    assert config["graphs"]["interviewer"] == "./agent/service.py:graph"
    assert config["checkpointer"]["path"] == "./agent/server_checkpointer.py:checkpointer"
    from agent.service import graph as served

    assert set(served.nodes) == set(graph.nodes)  # the same interview, with the server's own context
    assert set(served.get_context_jsonschema()["properties"]) == {  # no URL, key, model, embedder or path
        "role",
        "questions",
        "follow_ups",
        "seed",
        "feedback",
        "offline",
    }


def test_decide_routes_on_the_last_critiqued_turn() -> None:
    two: State = {"plan": [Q, Q], "turns": []}
    assert decide({**two, "turns": [turn(follow_up={"text": "And?", "probes": "rationale"})]}) == "follow_up"
    assert decide({**two, "turns": [turn()]}) == "next_question"
    assert decide({"plan": [Q], "turns": [turn()]}) == "wrap_up"


@pytest.mark.parametrize(
    "state",
    [
        {"plan": [Q], "turns": []},  # nothing critiqued yet
        {"plan": [Q], "turns": [turn(critique=None, skipped=True)]},  # a skip is not critiqued
        {"plan": [Q], "turns": [turn()], "pending_answer": {"text": "x", "is_follow_up": False}},
    ],
)
def test_decide_raises_on_impossible_state(state: State) -> None:
    with pytest.raises(InvalidStateError):
        decide(state)


def test_after_question_and_after_follow_up_routes() -> None:
    main = {"text": "a", "is_follow_up": False}
    follow = {"text": "a", "is_follow_up": True}
    assert after_question({"plan": [Q], "pending_answer": main}) == "answered"  # type: ignore[typeddict-item]
    assert after_question({"plan": [Q, Q], "turns": [turn(skipped=True, critique=None)]}) == "next_question"
    assert after_question({"plan": [Q], "turns": [turn(skipped=True, critique=None)]}) == "wrap_up"
    assert after_question({"plan": [Q], "ended": True}) == "wrap_up"
    assert after_follow_up({"plan": [Q], "pending_answer": follow}) == "answered"  # type: ignore[typeddict-item]
    with pytest.raises(InvalidStateError):
        after_question({"plan": [Q], "pending_answer": follow})  # type: ignore[typeddict-item]
    with pytest.raises(InvalidStateError):
        after_follow_up({"plan": [Q], "pending_answer": main})  # type: ignore[typeddict-item]


def test_ask_nodes_refuse_impossible_state() -> None:
    with pytest.raises(InvalidStateError):
        ask_question({"plan": [Q], "turns": [turn()]})  # every question already asked
    with pytest.raises(InvalidStateError):
        ask_follow_up({"plan": [Q], "turns": [turn()]})  # no follow-up was chosen


def test_resume_values_are_validated() -> None:
    assert parse_resume("an answer") == ("answer", "an answer")
    assert parse_resume({"kind": "skip"}) == ("skip", "")
    with pytest.raises(ValueError, match="resume value"):
        parse_resume({"kind": "explode"})
