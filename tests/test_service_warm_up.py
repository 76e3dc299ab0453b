"""A service process warms the critic for a role pack when the pack's first session starts (as the terminal's driver
does for its one session), on a background thread, once per pack, and says when it is over (agent.service_warm).
The served graph itself (agent.service), run in process on an in-memory checkpointer; the status as a client reads
it from a real server is in tests/test_service_body_cap.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent import heap, service, service_warm
from agent.context import Context
from agent.nodes import critique


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(critique, "_WARM_PACKS", set())  # no pack warmed in this process yet
    service_warm.reset()
    yield
    service_warm.reset()
    heap.reset()  # the warm-up freezes the heap it leaves (agent.heap): give it back to this worker's collector


def test_the_first_session_of_a_pack_warms_the_critic_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
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
    started[0].join(120)
    assert service_warm.status() == {"engineering-manager": "ready"}
    assert "engineering-manager" in critique._WARM_PACKS


def test_a_failed_warm_up_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(_: object) -> None:
        raise RuntimeError("no model")

    monkeypatch.setattr(critique, "warm_up", broken)
    thread = service_warm.warm_pack_once(Context(role="director", offline=True))
    assert thread is not None
    thread.join(60)
    assert service_warm.status() == {"director": "failed"}  # a probe waiting on it stops waiting
