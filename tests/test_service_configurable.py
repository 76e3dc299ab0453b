"""A client cannot pass a URL, key, path or model name to the interview service through `config.configurable`, nor
through a cron's or a batch's `context` or `configurable`: such a request is refused with one line (HTTP 422) before
anything runs or is stored. Before, configurable's keys were not used but were written into every checkpoint's
metadata and the run's record. A real `langgraph dev`, driven through langgraph-sdk as a client."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from evals.langgraph_dev import dev_client, langgraph_dev

CANARY = "sk-client-own-key-5d1e"
SETTINGS = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 4, "offline": True}
HOSTILE = {"base_url": "http://127.0.0.1:9/v1", "api_key": CANARY, "model": "client-model",
           "docs": ["/etc"], "index_dir": "/tmp/somewhere-else"}  # fmt: skip
ALLOWED = "checkpoint_id, checkpoint_ns, feedback, follow_ups, offline, questions, role, seed, thread_id"
CONFIG_LINE = ("the server does not take api_key, base_url, docs, index_dir, model in config.configurable from a "
               f"client (allowed: {ALLOWED})")  # fmt: skip
CONTEXT_LINE = ("the server does not take api_key, base_url, docs, index_dir, model from a client (allowed: "
                "feedback, follow_ups, offline, questions, role, seed)")  # fmt: skip
ANSWER = "I moved our four release trains to one weekly cut; I ran the rollout myself and lead time fell to two days."
SCHEDULE = "0 3 1 1 *"  # once a year: never fires while the test runs


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data = tmp_path_factory.mktemp("server-data")
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_OFFLINE": "1", "INTERVIEWER_EMBEDDER": "hashing"}
    with langgraph_dev(env, jobs=4) as url:
        yield dev_client(url)


def refused(call: Any) -> str:
    with pytest.raises(httpx.HTTPStatusError) as caught:
        call()
    assert caught.value.response.status_code == 422, caught.value.response.text
    return str(caught.value.response.json()["detail"])


def stored(client: Any, thread_id: str) -> str:
    """Everything the server keeps of a thread that a client can read: its state, checkpoints and runs."""
    return json.dumps([client.threads.get(thread_id), client.threads.get_history(thread_id, limit=50),
                       client.runs.list(thread_id)], default=str)  # fmt: skip


def test_configurable_keys_that_are_not_settings_are_refused_and_never_stored(client: Any) -> None:
    thread_id = client.threads.create()["thread_id"]
    config = {"configurable": {**SETTINGS, **HOSTILE}}
    assert refused(lambda: client.runs.wait(thread_id, "interviewer", input={}, config=config)) == CONFIG_LINE
    assert refused(lambda: client.runs.wait(None, "interviewer", input={}, config=config)) == CONFIG_LINE
    batch = [{"assistant_id": "interviewer", "input": {}, "config": config}]
    assert refused(lambda: client.runs.create_batch(batch)) == CONFIG_LINE
    assert client.runs.list(thread_id) == [] and not client.threads.get(thread_id).get("values")  # nothing ran
    # the settings keys are still read from configurable (LangGraph maps them onto the context)
    mapped = {"configurable": {**SETTINGS, "role": "engineering-manager", "thread_id": thread_id}}
    run = client.runs.wait(thread_id, "interviewer", input={}, config=mapped)
    assert run["settings"]["role"] == "engineering-manager", run.get("settings")
    waiting = client.threads.get_state(thread_id)["interrupts"][0]["value"]
    move = {"kind": "answer", "text": ANSWER, "step": waiting["step"]}
    resume = {"configurable": {"api_key": CANARY}}
    said = refused(lambda: client.runs.wait(thread_id, "interviewer", command={"resume": move}, config=resume))
    assert said.startswith("the server does not take api_key in config.configurable from a client (allowed: ")
    assert client.threads.get_state(thread_id)["interrupts"][0]["value"]["step"] == waiting["step"]  # not taken
    client.runs.wait(thread_id, "interviewer", command={"resume": move}, config={"configurable": SETTINGS})
    assert client.threads.get_state(thread_id)["values"]["turns"][0]["answer"] == ANSWER
    kept = stored(client, thread_id)
    assert CANARY not in kept and "127.0.0.1:9" not in kept and "client-model" not in kept


def test_a_cron_with_keys_the_server_does_not_take_is_refused(client: Any) -> None:
    """sweep30 S6's cron path (untested until now) and configurable on a cron, made and changed."""
    thread_id = client.threads.create()["thread_id"]
    context = {**SETTINGS, **HOSTILE}
    on_thread = refused(lambda: client.crons.create_for_thread(thread_id, "interviewer", schedule=SCHEDULE,
                                                               input={}, context=context))  # fmt: skip
    assert on_thread == CONTEXT_LINE
    assert refused(lambda: client.crons.create("interviewer", schedule=SCHEDULE, input={}, context=context)) == \
        CONTEXT_LINE  # fmt: skip
    config = {"configurable": {**SETTINGS, **HOSTILE}}
    assert refused(lambda: client.crons.create("interviewer", schedule=SCHEDULE, input={}, config=config)) == \
        CONFIG_LINE  # fmt: skip
    assert client.crons.search() == []  # none was made
    # no client makes a cron at all (agent.service_auth: 403), but a change's keys are refused before that check
    cron_id = str(uuid.uuid4())
    assert refused(lambda: client.crons.update(cron_id, context=context)) == CONTEXT_LINE
    assert refused(lambda: client.crons.update(cron_id, config=config)) == CONFIG_LINE
    assert CANARY not in json.dumps(client.crons.search(), default=str)
