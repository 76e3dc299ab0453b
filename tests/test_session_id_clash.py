"""A new session never continues another session that happens to have the same id."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.context import Context
from agent.driver import InterviewDriver, SessionExistsError


def test_a_second_driver_given_a_taken_id_refuses_to_start(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    saver = InMemorySaver()
    first = InterviewDriver(
        Context(role="director", seed=1, questions=2, follow_ups=0, embedder="hashing", offline=True),
        checkpointer=saver,
        thread_id="clash",
    )
    asked = first.start()
    first.submit("My first answer, about the planning review I ran across four teams.")
    second = InterviewDriver(
        Context(role="director", seed=2, questions=2, follow_ups=0, embedder="hashing", offline=True),
        checkpointer=saver,
        thread_id="clash",
    )
    with pytest.raises(SessionExistsError, match="already exists"):
        second.start()
    # The first candidate's session is untouched and still theirs.
    assert first.start().kind in ("question", "follow_up", "done")
    turns = first._values().get("turns", [])
    assert [t["answer"] for t in turns][:1] == ["My first answer, about the planning review I ran across four teams."]
    assert asked.kind == "question"
