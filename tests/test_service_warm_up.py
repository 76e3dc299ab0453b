"""A service process warms the critic for a role pack when the pack's first session starts (as the terminal's driver
does for its one session), on a background thread, so the first candidates' answers do not pay for it.
The served graph itself (agent.service), run in process on an in-memory checkpointer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent import service
from agent.nodes import critique


def test_the_first_session_of_a_pack_warms_the_critic_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(critique, "_WARM_PACKS", set())  # no pack warmed in this process yet
    monkeypatch.setattr(service, "_WARMING", set(), raising=False)
    graph = service.compile_service(InMemorySaver())
    context = {"role": "engineering-manager", "questions": 2, "follow_ups": 0, "seed": 3, "offline": True}
    started = []
    real = threading.Thread.start

    def start(self: threading.Thread) -> None:
        if self.name == "critic-warm-up":
            started.append(self)
        real(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    for n in range(2):
        values = graph.invoke({}, {"configurable": {"thread_id": f"t{n}"}}, context=context)
        assert values["__interrupt__"]  # the first question waits for its answer
    assert len(started) == 1  # one warm-up for the pack, not one per session
    started[0].join(60)
    assert "engineering-manager" in critique._WARM_PACKS
