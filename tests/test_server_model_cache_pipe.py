"""The server's data folder with a named pipe as model-verified.json, the checksum cache of the MiniLM model (sweep 41
SP1s): every answer's run waited on the pipe for ever (no reply to the client, the answer missing from the report).
The cache is a file like any other of the data folder (knowledge.data_files): a pipe is no cache, the model is
hashed again and the run goes on. A real `langgraph dev` through langgraph-sdk; each call under a deadline, so a hang
fails the test."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev, wait_warm
from tests.service_threads import ANSWER, CONTEXT


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """call()'s result, or a test failure when it has not returned after `seconds` (the call is left to the server's
    stop)."""
    out: dict[str, Any] = {}

    def go() -> None:
        try:
            out["value"] = call()
        except BaseException as exc:  # handed to the test below
            out["error"] = exc

    worker = threading.Thread(target=go, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"no reply from the server in {seconds:.0f} s")
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_an_answer_is_taken_with_a_pipe_as_the_model_cache(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    os.mkfifo(data / "model-verified.json", 0o600)
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "minilm"}
    with langgraph_dev(env, home=tmp_path / "server") as url:
        client: Any = dev_client(url)
        thread_id = client.threads.create(metadata={"user_id": "pipe-cache"})["thread_id"]
        first = within(120, lambda: client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT))
        assert first["__interrupt__"][0]["value"]["kind"] == "question", first
        after = within(120, lambda: client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER},
                                                     context=CONTEXT))  # fmt: skip
        assert after["__interrupt__"][0]["value"]["kind"] in ("question", "feedback"), after
        assert within(200, lambda: wait_warm(client, str(CONTEXT["role"]))) == "ready"
        answers = [t.get("answer") for t in client.threads.get_state(thread_id)["values"].get("turns", [])]
        assert ANSWER in answers, answers
    assert (data / "model-verified.json").is_file()  # a checksum cache again
