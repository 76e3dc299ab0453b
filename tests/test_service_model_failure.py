"""The interview service when the server's model fails (a real `langgraph dev` whose model is the repo's stub
OpenAI server answering HTTP 500 to every call), driven through langgraph-sdk.

The answers are still graded (by the offline critic) and the client is told so: each next prompt carries a one-line
`notice`, the report says it per turn, and its header does not claim an LLM-assisted critique that never happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev
from evals.stub_openai import Action, StubOpenAI

FAILED = "offline critique: the model failed: server error (HTTP 500)"
ANSWERS = [
    "I led the move of our billing to a new platform across three teams; cost fell 20% in two quarters.",
    "I set up the hiring loop for the data team and we hired eleven engineers in six months.",
]


@pytest.fixture(scope="module")
def failing_model() -> Iterator[StubOpenAI]:
    with StubOpenAI() as stub:
        stub.push(*[Action(status=500) for _ in range(500)])
        yield stub


def test_a_failing_model_is_said_per_turn_in_the_prompts_and_the_report(
    tmp_path_factory: pytest.TempPathFactory, failing_model: StubOpenAI
) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path_factory.mktemp("failing-model")), "INTERVIEWER_EMBEDDER": "minilm",
           "OPENAI_BASE_URL": failing_model.url, "OPENAI_API_KEY": "sk-test-500", "INTERVIEWER_MODEL": "stub-model"}
    context = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 11}
    home = tmp_path_factory.mktemp("failing-model-server")
    with langgraph_dev(env, home=home) as url:
        client: Any = dev_client(url)
        thread_id = client.threads.create(metadata={"user_id": "model-down"})["thread_id"]
        first = client.runs.wait(thread_id, "interviewer", input={}, context=context)
        assert "notice" not in first["__interrupt__"][0]["value"]  # nothing graded yet
        after = client.runs.wait(thread_id, "interviewer", command={"resume": ANSWERS[0]}, context=context)
        assert after["__interrupt__"][0]["value"]["notice"] == FAILED  # the client learns it with the next question
        client.runs.wait(thread_id, "interviewer", command={"resume": ANSWERS[1]}, context=context)
        values = client.threads.get_state(thread_id)["values"]
    assert failing_model.calls > 0  # the model was tried, and failed
    markdown = values["report"]["markdown"]
    header = markdown.splitlines()[0]
    assert "LLM-assisted" not in header and "offline critic" in header and "graded 0 of 2" in header
    assert markdown.count(f"- {FAILED}") == 2
    assert [t["critique"]["source"] for t in values["turns"]] == ["offline", "offline"]
    # The operator watching warnings sees each answer the model failed on, in one line, without the key.
    log = (home / "server.log").read_text(errors="replace")
    said = [line for line in log.splitlines() if "an answer was graded offline: the model failed: server error" in line]
    assert len(said) == 2 and "warning" in said[0] and "stub-model" in said[0] and "sk-test-500" not in log


def test_follow_up_answers_the_model_never_saw_are_not_counted_as_its_failures(
    tmp_path_factory: pytest.TempPathFactory, failing_model: StubOpenAI
) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path_factory.mktemp("failing-follow-ups")), "INTERVIEWER_EMBEDDER": "minilm",
           "OPENAI_BASE_URL": failing_model.url, "OPENAI_API_KEY": "sk-test-500", "INTERVIEWER_MODEL": "stub-model"}
    context = {"role": "director", "questions": 2, "follow_ups": 1, "seed": 11}
    with langgraph_dev(env) as url:
        client: Any = dev_client(url)
        thread_id = client.threads.create(metadata={"user_id": "model-down-follow-ups"})["thread_id"]
        values = client.runs.wait(thread_id, "interviewer", input={}, context=context)
        for n in range(6):
            if not values.get("__interrupt__"):
                break
            values = client.runs.wait(thread_id, "interviewer", command={"resume": ANSWERS[n % 2]}, context=context)
        values = client.threads.get_state(thread_id)["values"]
    follow_ups = sum(1 for t in values["turns"] if t["is_follow_up"])
    assert follow_ups > 0  # the offline critic asked at least one (the case the header miscounted)
    header = values["report"]["markdown"].splitlines()[0]
    assert "failed on every answer sent to it, graded 0 of 2" in header
    assert f"(and {follow_ups} follow-up answer{'s' * (follow_ups != 1)} offline, as always)" in header
