"""The real MiniLM embedder's helper threads run at the priority of the thread that asked: a candidate's own
ingest (a foreground thread) is not slowed to the background priority meant for a server's index builds."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from knowledge.embedding_minilm import MiniLMEmbeddings
from knowledge.threads import BACKGROUND_NICE, lower_this_thread

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="per-thread priorities are a Linux feature")

TEXTS = [f"Story {i}: I moved {i} pipelines off the old cluster and cut the bill by {i} percent." for i in range(40)]


def _helper_nices(prefix: str) -> list[int]:
    return [
        os.getpriority(os.PRIO_PROCESS, t.native_id)
        for t in threading.enumerate()
        if t.name.startswith(prefix) and t.native_id is not None
    ]


def test_a_foreground_embedding_gets_foreground_helpers() -> None:
    """At the caller's own priority. A caller already at the background priority (pytest itself run under
    `nice -n 10`) is a background caller to the embedder: its helpers are the background set, at its priority too."""
    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    vectors = MiniLMEmbeddings().embed_array(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    nices = _helper_nices("minilm-bg" if own >= BACKGROUND_NICE else "minilm_")
    assert nices and all(n == own for n in nices)


def test_a_background_build_gets_background_helpers() -> None:
    done: list[int] = []

    def build() -> None:
        lower_this_thread()
        done.append(len(MiniLMEmbeddings().embed_array(TEXTS)))

    worker = threading.Thread(target=build)
    worker.start()
    worker.join()
    assert done == [len(TEXTS)]
    nices = _helper_nices("minilm-bg")
    assert nices and all(n >= BACKGROUND_NICE for n in nices)
