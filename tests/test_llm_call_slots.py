"""Model calls past their limit are left to end on their own, but only MAX_CALL_THREADS of them live at once: a call
that finds every slot taken waits within its own limit, then times out without sending anything."""

from __future__ import annotations

import threading
import time

import pytest

from agent.llm import structured
from agent.llm.faults import Fault


def test_a_call_past_the_cap_times_out_unsent_and_the_slot_frees_when_the_stalled_call_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(structured, "_slots", threading.BoundedSemaphore(1), raising=False)
    monkeypatch.setattr(structured, "MAX_CALL_THREADS", 1, raising=False)
    release = threading.Event()
    sent: list[str] = []

    def stalled() -> str:
        sent.append("stalled")
        release.wait(10)
        return "late"

    def quick() -> str:
        sent.append("quick")
        return "reply"

    with pytest.raises(Fault) as first:
        structured._within(0.2, 0.2, stalled)  # its limit passes; its thread (and slot) lives on
    assert first.value.kind == "timeout"
    began = time.monotonic()
    with pytest.raises(Fault) as second:
        structured._within(0.3, 0.3, quick)
    assert second.value.kind == "timeout" and "busy" in second.value.detail
    assert 0.25 <= time.monotonic() - began < 5
    assert sent == ["stalled"]  # the second call was never sent
    release.set()  # the stalled reply ends: its slot is free again
    assert structured._within(5.0, 5.0, quick) == "reply"
    assert sent == ["stalled", "quick"]


def test_the_cap_setting_is_a_positive_whole_number_or_the_default() -> None:
    # a typo in the server's configuration never stops every call (0) nor the server's start (a traceback)
    values = ("", "abc", "0", "-3", "2.5", " 5 ", "64")
    assert [structured._call_threads(v) for v in values] == [32, 32, 32, 32, 32, 5, 64]
