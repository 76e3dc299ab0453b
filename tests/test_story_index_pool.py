"""Shared story indexes in one process: bounded by a memory cap (LRU), and a build never holds up another
candidate's search. Real ingest, real FAISS (hashing embedder for speed), real thread pools."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.context import Context
from agent.nodes import retrieve
from evals.bench_data import synthetic_story_bank
from knowledge.threads import BACKGROUND_NICE

QUESTION = "Tell me about a time you turned around a failing effort."


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    retrieve.wait_for_searches()
    monkeypatch.setattr(retrieve, "_INDEXES", {})
    monkeypatch.setattr(retrieve, "_SIZES", {})
    monkeypatch.setattr(retrieve, "_HITS", {})
    yield
    retrieve.wait_for_searches()


def bank(tmp_path: Path, name: str, stories: int, first: int = 0) -> Context:
    folder = synthetic_story_bank(tmp_path / name, stories=stories, first=first)
    return Context(docs=[str(folder)], index_dir=str(tmp_path / f"{name}-index"), embedder="hashing")


def test_open_indexes_stay_under_the_memory_cap_and_an_evicted_one_reopens(
    tmp_path: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    contexts = [bank(tmp_path, f"user{i}", stories=20, first=100 * i) for i in range(8)]
    one = retrieve.index_size(retrieve.story_index(contexts[0]))
    monkeypatch.setenv("INTERVIEWER_INDEX_CACHE_MB", "1")
    cap = retrieve.cache_limit_bytes()
    for ctx in contexts[1:]:
        assert retrieve.search_stories(ctx, QUESTION, None)
    held = retrieve.open_indexes()
    assert 1 <= held < len(contexts) and held <= max(1, cap // one)
    assert sum(retrieve._SIZES.values()) <= cap
    # The least recently used (the first) was closed; asking again reopens it from its files, embedding nothing.
    assert retrieve._key(contexts[0]) not in retrieve._INDEXES
    reopened = retrieve.story_index(contexts[0])
    assert reopened.embedded == 0 and len(reopened.stories) == 20


def test_a_slow_index_build_does_not_hold_up_another_candidates_search(
    tmp_path: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready = bank(tmp_path, "ready", stories=5)
    assert retrieve.search_stories(ready, QUESTION, None)  # this candidate's index is open
    from knowledge import index as index_module

    real_open = index_module.open_story_index
    release = threading.Event()

    def slow_open(docs: Any = None, **kwargs: Any) -> Any:
        if docs and "big" in str(docs[0]):
            release.wait(30)  # a 200-story build that takes as long as the test needs
        return real_open(docs, **kwargs)

    monkeypatch.setattr(index_module, "open_story_index", slow_open)
    builders = [bank(tmp_path, f"big{i}", stories=10, first=1000 * (i + 1)) for i in range(3)]
    for ctx in builders:
        retrieve.prefetch_stories(ctx, QUESTION, None)  # every build worker is now busy
    try:
        began = time.perf_counter()
        for n in range(6):
            assert retrieve.search_stories(ready, f"{QUESTION} ({n})", None)  # new searches, not cached ones
        assert time.perf_counter() - began < 5.0
        assert not any(retrieve.index_future(ctx).done() for ctx in builders)
    finally:
        release.set()
    assert all(retrieve.search_stories(ctx, QUESTION, None) is not None for ctx in builders)


def test_the_critic_and_every_story_index_share_one_minilm_session() -> None:
    from agent.critic.semantic import semantic

    model = retrieve.shared_embedder("minilm")
    assert getattr(model, "notice", None) is None  # the real model loaded
    assert semantic("minilm")._embedder is model  # the critic's answer vectors come from the same ONNX session


def _nice(tid: int) -> int:
    """A thread's nice value, as the kernel sees it (field 19 of /proc/self/task/<tid>/stat)."""
    stat = Path(f"/proc/self/task/{tid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="per-thread priorities are a Linux feature")
def test_an_index_build_runs_on_background_threads_and_turns_keep_their_priority(
    tmp_path: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real MiniLM build of 40 stories: the builder thread and the embedding helpers it fans out to.
    folder = synthetic_story_bank(tmp_path / "big", stories=40)
    ctx = Context(docs=[str(folder)], index_dir=str(tmp_path / "big-index"), embedder="minilm")
    seen: dict[str, int] = {}
    from knowledge import embedding_minilm

    forward = embedding_minilm.MiniLMEmbeddings._forward

    def spying(self: Any, feeds: Any) -> Any:
        seen[threading.current_thread().name] = _nice(threading.get_native_id())
        return forward(self, feeds)

    monkeypatch.setattr(embedding_minilm.MiniLMEmbeddings, "_forward", spying)
    # The child interpreter that normally does this build is unavailable: the in-process build takes over.
    monkeypatch.setattr("agent.index_build.build_caches_in_child", lambda *args, **kwargs: False)
    # Relative to where the test started: pytest run under `nice -n 10` starts every thread at 10 already.
    caller = threading.get_native_id()
    before = _nice(caller)
    assert len(retrieve.index_future(ctx).result(timeout=300).stories) == 40
    assert any(name.startswith("story-build") for name in seen), seen
    assert any(name.startswith("minilm") for name in seen), seen  # the build fanned out to helpers
    assert all(nice >= max(before, BACKGROUND_NICE) for nice in seen.values()), (before, seen)
    if before < BACKGROUND_NICE:  # else the lowering cannot show: the helpers are at the background level anyway
        assert all(nice > before for nice in seen.values()), (before, seen)
    assert _nice(caller) == before  # the caller (a turn's thread) was not lowered


def test_a_candidates_bank_is_built_in_a_child_interpreter_and_opened_from_its_caches(
    tmp_path: Path, fresh_cache: None
) -> None:
    # A real MiniLM build of 40 stories in the background (as the service starts a candidate's own bank): the
    # ingest and embedding CPU is spent by a child process, this process only opens what it left on disk.
    import resource

    folder = synthetic_story_bank(tmp_path / "own", stories=40, first=5000)
    ctx = Context(docs=[str(folder)], index_dir=str(tmp_path / "own-index"), embedder="minilm")
    retrieve.shared_embedder("minilm")  # loaded already in a serving process
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = time.process_time()
    index = retrieve.index_future(ctx).result(timeout=300)
    own = time.process_time() - own
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    assert len(index.stories) == 40 and index.embedded == 0  # every vector came from the child's cache
    assert child > 3 * own, (child, own)
