"""The CLI shows the first question before LangGraph loads: it must be exactly what the graph then asks."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.context import Context
from agent.driver import InterviewDriver
from agent.planning import record_session
from agent.preview import first_question


@pytest.mark.parametrize("role", ["director", "senior-genai-engineer", "ai-engineer", "engineering-manager"])
@pytest.mark.parametrize("seed", [1, 7, 42])
def test_preview_is_the_graphs_first_question(role: str, seed: int) -> None:
    # History matters to planning: give the role a recent session so the preview must honour it too.
    from knowledge.roles import load_role

    record_session(role, "earlier", [q.id for q in load_role(role).questions[seed % 5 :: 3]])
    context = Context(role=role, questions=4, seed=seed, embedder="hashing", offline=True)
    preview = first_question(context)
    step = InterviewDriver(context, checkpointer=InMemorySaver()).start()
    assert preview is not None
    assert (preview.text, preview.total) == (step.text, step.total)


def test_preview_follows_fixed_questions() -> None:
    context = Context(role="director", questions=1, seed=3, embedder="hashing", offline=True,
                      fixed_questions=["Tell me about a time you failed."])
    preview = first_question(context)
    assert preview is not None and preview.text.endswith("Tell me about a time you failed.")


def test_no_preview_for_an_unknown_role() -> None:
    assert first_question(Context(role="no-such-role", seed=1)) is None
