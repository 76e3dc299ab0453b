"""op37 O18: the server wrote outside INTERVIEWER_DATA_DIR: onnxruntime, loaded for the MiniLM model (the critic's
warm-up, a candidate's story index), kept a device id and a telemetry database under $HOME/.cache/Microsoft. The
model is now loaded with ORT_DISABLE_TELEMETRY set (an operator's own value kept), so the server's home holds
nothing of it. A real `langgraph dev` with its own HOME, one interview started through langgraph-sdk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev, wait_warm
from tests.service_threads import CONTEXT

NOTES = "## Billing move\nI moved our invoices to a new platform over two quarters; failed payments fell by half.\n"


def test_the_server_writes_nothing_under_its_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "minilm"}
    monkeypatch.delenv("ORT_DISABLE_TELEMETRY", raising=False)  # as an operator's shell has it: unset
    with langgraph_dev(env, home=tmp_path / "server") as url:
        client: Any = dev_client(url)
        thread_id = client.threads.create(metadata={"user_id": "home-check"})["thread_id"]
        documents = [{"name": "notes.md", "text": NOTES}]
        first = client.runs.wait(thread_id, "interviewer", input={"documents": documents}, context=CONTEXT)
        assert first["__interrupt__"][0]["value"]["kind"] == "question"
        assert wait_warm(client, str(CONTEXT["role"])) == "ready"  # the MiniLM model is loaded by now
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []
