"""The critic's recurring text lists are stacked once: a turn reuses the matrix of a pack's signals and signal words
instead of stacking ~120 vectors again, and the reused matrix equals a fresh one and cannot be written to."""

from __future__ import annotations

import numpy as np
import pytest

from agent.critic import semantic as semantic_module
from agent.critic.semantic import Semantic
from knowledge.embeddings import shared_static

TEXTS = ["owned the rollout plan end to end", "a measured drop in support tickets", "the trade-off we chose"]
WORDS = ["rollout", "tickets", "tradeoff", "latency"]


def test_fixed_texts_are_stacked_once_and_equal_a_fresh_stack() -> None:
    sem = Semantic(shared_static())
    first = sem.fixed(TEXTS)
    again = sem.fixed(list(TEXTS))
    assert first is not None and again is first  # the same matrix, not stacked again
    fresh = Semantic(shared_static()).fixed(TEXTS[::-1])
    assert fresh is not None and np.array_equal(fresh[::-1], first)  # another order: its own, correct matrix
    with pytest.raises(ValueError):
        first[0, 0] = 1.0  # shared by later calls: read-only


def test_word_lists_are_stacked_once_and_equal_a_fresh_stack() -> None:
    sem = Semantic(shared_static())
    first = sem.words(WORDS)
    assert first is not None and sem.words(list(WORDS)) is first
    fresh = Semantic(shared_static()).words(WORDS[1:])
    assert fresh is not None and np.array_equal(fresh, first[1:])
    with pytest.raises(ValueError):
        first[0, 0] = 1.0


def test_kept_stacks_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic_module, "MAX_STACKS", 2)
    monkeypatch.setattr(semantic_module, "MAX_WORD_STACKS", 2)
    sem = Semantic(shared_static())
    for i in range(5):
        sem.fixed([f"{TEXTS[0]} {i}"])
        sem.words([f"{WORDS[0]}{i}"])
    assert len(sem._stacks) == 2 and len(sem._word_stacks) == 2
