"""The interview service when its model server stalls every reply (the stub OpenAI server sends a 200 and then one
byte every 0.3 s, never tripping the client's per-byte timeout): each answer is graded offline at the server's limit
(INTERVIEWER_LLM_TIMEOUT), and the calls left running past it are bounded (INTERVIEWER_LLM_THREADS), where each
answer used to leave one more thread and connection behind. A real `langgraph dev` driven through langgraph-sdk,
several candidates answering at once."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev
from evals.stub_openai import Action, StubOpenAI

CANDIDATES = 6
THREADS = 2
ANSWER = "I moved our three release trains onto one weekly cut; incidents after release fell by a third in a quarter."


def _answer_once(url: str, n: int) -> tuple[dict[str, Any], float]:
    client: Any = dev_client(url)
    context = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 40 + n}
    thread_id = client.threads.create(metadata={"user_id": f"stalled-{n}"})["thread_id"]
    client.runs.wait(thread_id, "interviewer", input={}, context=context)
    began = time.monotonic()
    client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=context)
    took = time.monotonic() - began
    return client.threads.get_state(thread_id)["values"], took


def test_stalled_model_calls_are_bounded_and_every_answer_is_still_graded(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with StubOpenAI() as stub:
        stub.push(*[Action(drip=40.0) for _ in range(50)])
        env = {"INTERVIEWER_DATA_DIR": str(tmp_path_factory.mktemp("stalled-model")), "INTERVIEWER_EMBEDDER": "minilm",
               "OPENAI_BASE_URL": stub.url, "OPENAI_API_KEY": "sk-test-stall", "INTERVIEWER_MODEL": "stub-model",
               "INTERVIEWER_LLM_TIMEOUT": "1.5", "INTERVIEWER_LLM_THREADS": str(THREADS)}  # fmt: skip
        with langgraph_dev(env) as url, ThreadPoolExecutor(CANDIDATES) as pool:
            results = list(pool.map(lambda n: _answer_once(url, n), range(CANDIDATES)))
            most = stub.max_in_flight
    for values, took in results:
        assert [t["critique"]["source"] for t in values["turns"]] == ["offline"]  # graded, by the offline critic
        assert took < 30, took  # the limit (1.5 s) plus the dev server's queue and a loaded machine, not the 40 s drip
    assert stub.calls >= 1
    assert most <= THREADS, f"{most} stalled model calls at once, cap {THREADS}"
