"""A warmed-up process keeps its long-lived objects out of full garbage collections (agent.heap)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from agent import heap
from agent.context import Context
from agent.nodes import critique


@pytest.fixture
def cold(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    heap.reset()
    monkeypatch.setattr(critique, "_WARM", False)
    yield
    heap.reset()


def test_first_warm_up_freezes_the_loaded_heap(cold: None) -> None:
    assert gc.get_freeze_count() == 0
    critique.warm_up(Context(role="director", offline=True))
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the loaded libraries, graph and role pack
    # objects made after the freeze are collected as before
    made_later = [[] for _ in range(1000)]
    for item in made_later:
        item.append(item)  # a cycle only a collection frees
    del made_later, item
    assert gc.collect() >= 1000


def test_only_the_first_warm_up_freezes(cold: None) -> None:
    critique.warm_up(Context(role="director", offline=True))
    frozen = gc.get_freeze_count()
    junk = [object() for _ in range(5000)]  # a session's objects since
    critique.warm_up(Context(role="engineering-manager", offline=True))
    assert gc.get_freeze_count() == frozen
    assert heap.freeze_warm_heap() is False
    del junk
