"""A cue's time bound counts the search's own CPU, not other threads': a cue that finishes well inside the bound is
found however busy the process is, and is not skipped afterwards (the same answer, the same verdict)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from knowledge import cue_patterns

# Backtracks over the run of "a"s at every start (the first branch never matches), then the second branch matches:
# a search of a few hundredths of a second of its own CPU that does find something.
SLOW_BUT_FOUND = r"(?:(?:a|aa)+c|a+b)"


def _own_cpu(text: str) -> float:
    started = time.thread_time()
    assert cue_patterns.compiled(SLOW_BUT_FOUND).search(text) is not None
    return time.thread_time() - started


@pytest.fixture
def text() -> str:
    """A run of "a"s long enough for the search to need ~0.03-0.1 s of its own CPU on this machine."""
    n = 18
    while _own_cpu("a" * n + "b") < 0.03 and n < 40:
        n += 1
    return "a" * n + "b"


def _busy(stop: threading.Event) -> None:
    """Matrix products release the GIL: this thread's CPU counts in the process's while the search runs."""
    m = np.ones((700, 700), dtype=np.float64)
    while not stop.is_set():
        m @ m


def test_other_threads_cpu_never_times_a_cue_out(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    own = _own_cpu(text)
    monkeypatch.setattr(cue_patterns, "CUE_TIMEOUT_S", max(3 * own, 0.05))
    monkeypatch.setattr(cue_patterns, "_slow", set())
    stop = threading.Event()
    burners = [threading.Thread(target=_busy, args=(stop,), daemon=True) for _ in range(4)]
    for b in burners:
        b.start()
    try:
        time.sleep(0.2)
        found = [cue_patterns.search(SLOW_BUT_FOUND, text) is not None for _ in range(5)]
    finally:
        stop.set()
        for b in burners:
            b.join()
    assert found == [True] * 5
    assert SLOW_BUT_FOUND not in cue_patterns._slow


def test_a_runaway_cue_is_still_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cue_patterns, "CUE_TIMEOUT_S", 0.05)
    monkeypatch.setattr(cue_patterns, "_slow", set())
    started = time.thread_time()
    assert cue_patterns.search(r"(?:a|aa)+c", "a" * 60) is None
    assert time.thread_time() - started < 1.0
    assert r"(?:a|aa)+c" in cue_patterns._slow
