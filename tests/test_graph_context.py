"""Context: documented defaults, environment overrides, one-line validation errors, JSON round trip."""

from __future__ import annotations

import json

import pytest

from agent.checkpoint import SqliteStore, list_sessions, open_checkpointer, save_session
from agent.context import DEFAULT_ROLE, Context, new_session_id


def test_defaults() -> None:
    c = Context()
    assert (c.role, c.questions, c.follow_ups, c.embedder, c.timeout) == (DEFAULT_ROLE, 5, 2, "minilm", 30.0)
    assert c.docs == [] and c.fixed_questions is None and not c.offline and c.model is None


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_ROLE", "director")
    monkeypatch.setenv("INTERVIEWER_MODEL", "some-model")
    monkeypatch.setenv("INTERVIEWER_EMBEDDER", "hashing")
    monkeypatch.setenv("INTERVIEWER_OFFLINE", "1")
    c = Context()
    assert (c.role, c.model, c.embedder, c.offline) == ("director", "some-model", "hashing", True)
    assert Context(role="ai-engineer").role == "ai-engineer"  # an explicit value wins


def test_round_trip_through_json_ignores_unknown_keys() -> None:
    c = Context(role="director", seed=3, docs=["a.md"], fixed_questions=["Why?", None])
    data = json.loads(json.dumps(c.to_dict()))
    assert Context.from_dict({**data, "from_a_newer_version": 1}) == c


@pytest.mark.parametrize(("field", "value"), [("questions", 0), ("follow_ups", -1)])
def test_bad_settings_are_one_line_errors(field: str, value: int) -> None:
    with pytest.raises(ValueError, match=field):
        Context(**{field: value})  # type: ignore[arg-type]


def test_thread_ids_are_readable_and_unique() -> None:
    ids = {new_session_id("director") for _ in range(20)}
    assert len(ids) > 1 and all("-director-" in i for i in ids)
    assert "-my-pack-" in new_session_id("/tmp/packs/my-pack.yaml")


def test_session_listing_newest_first() -> None:
    saver = open_checkpointer()
    save_session(saver, "t-old", {"role": "director"})
    save_session(saver, "t-new", {"role": "ai-engineer"})
    save_session(saver, "t-empty", {"role": "ai-engineer"})
    SqliteStore(saver).record_move("t-new", 0, {"kind": "answer", "text": "an answer"})
    save_session(saver, "t-old", {"role": "director"}, status="done")
    rows = list_sessions(saver)
    assert {r["thread_id"] for r in rows} == {"t-old", "t-new"}  # nobody answered anything in t-empty
    assert next(r for r in rows if r["thread_id"] == "t-old")["status"] == "done"


def test_state_schemas_build_for_studio_on_python_311() -> None:
    # LangGraph Server's schema endpoints turn the state into pydantic models; typing.TypedDict fails on < 3.12.
    from pydantic import TypeAdapter

    from agent.state import State, TurnRecord

    assert TypeAdapter(State).json_schema()["title"] == "State"
    assert "answer" in TypeAdapter(TurnRecord).json_schema()["properties"]


def test_a_session_without_a_seed_gets_a_random_plan() -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.graph import compile_graph

    graph = compile_graph(InMemorySaver())
    plans = set()
    for n in range(6):
        config = {"configurable": {"thread_id": f"server-{n}"}}
        result = graph.invoke({}, config, context=Context(role="director", seed=None, embedder="hashing"))
        plans.add(tuple(q["id"] for q in graph.get_state(config).values["plan"]))
        assert result["__interrupt__"]
    assert len(plans) > 1


def test_session_ids_of_one_minute_do_not_collide() -> None:
    # A service starts hundreds of sessions a minute; 16 random bits collided in about one minute in four.
    ids = [new_session_id("director") for _ in range(5000)]
    assert len(set(ids)) == len(ids)
    assert len(ids[0].rsplit("-", 1)[1]) == 12
