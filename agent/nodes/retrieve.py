"""retrieve_stories: the candidate's prepared stories closest to the question being answered.

The story index is opened once per process (it is expensive) and cached outside the graph state,
keyed by (docs, index_dir, embedder); the state keeps only {id, title, score} per hit. The query is
the question text (with its competency): embedding a long answer with MiniLM costs ~80 ms, which would
break the turn latency budget, while a question's hits can be searched (and cached) as soon as it is
asked, in a background thread, so the answer's turn does not wait for the embedder.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from agent.context import Context
from agent.nodes.ask import InvalidStateError
from agent.state import State, StoryRef, next_question_index
from knowledge.models import Story

STORIES_PER_QUESTION = 3
_IndexKey = tuple[tuple[str, ...], str | None, str]
_HitKey = tuple[_IndexKey, str, str | None, int]
_INDEXES: dict[_IndexKey, Any] = {}
_HITS: dict[_HitKey, Future[list[Any]]] = {}
_LOCK = threading.Lock()
_OPENING: dict[_IndexKey, threading.Lock] = {}  # one build per index, however many candidates ask at once
# Searches of many candidates run side by side (ONNX and faiss reads are thread-safe), one worker per core,
# so one candidate's index build never holds up another's turn; the driver prefetches while they type.
_POOL = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1), thread_name_prefix="story-search")


def _key(ctx: Context) -> _IndexKey:
    return (tuple(ctx.docs), ctx.index_dir, ctx.embedder)


def story_index(ctx: Context) -> Any:
    """The story index for this context's documents (knowledge.index.StoryIndex), opened on first use."""
    key = _key(ctx)
    if key in _INDEXES:
        return _INDEXES[key]
    with _LOCK:
        opening = _OPENING.setdefault(key, threading.Lock())
    with opening:
        if key not in _INDEXES:
            from knowledge.index import open_story_index

            _INDEXES[key] = open_story_index(
                docs=list(ctx.docs) or None,
                index_dir=Path(ctx.index_dir) if ctx.index_dir else None,
                embedder=shared_embedder(ctx.embedder),
            )
    return _INDEXES[key]


_EMBEDDERS: dict[str, Any] = {}


def shared_embedder(name: str) -> Any:
    """One MiniLM model (one ONNX session, ~100 MB) per process for every candidate's index.

    Other embedders, and a MiniLM that could not load (the index then searches lexically), pass by name.
    """
    if name.strip().lower() != "minilm":
        return name
    with _LOCK:
        if name not in _EMBEDDERS:
            from knowledge.embeddings import load_embedder

            _EMBEDDERS[name] = load_embedder(name)
        model = _EMBEDDERS[name]
    return name if getattr(model, "notice", None) else model


def _hits(ctx: Context, question: str, competency: str | None, k: int) -> Future[list[Any]]:
    comp = None if competency in (None, "general") else competency
    key = (_key(ctx), question, comp, k)
    with _LOCK:
        if key not in _HITS:
            _HITS[key] = _POOL.submit(lambda: list(story_index(ctx).search(question, k=k, competency=comp)))
        return _HITS[key]


def open_index(ctx: Context) -> Future[Any]:
    """Open the story index and load the query embedder ahead of the first answer.

    The user's own documents are opened now (their notices and prepared questions matter at the start);
    the bundled sample bank opens on the search thread, taking its ~0.6 s import off the launch. Either
    way a throwaway search loads the ONNX session (~0.4 s) in the background.
    """
    if ctx.docs:
        opened: Future[Any] = Future()
        opened.set_result(story_index(ctx))
    else:
        opened = _POOL.submit(story_index, ctx)
    _POOL.submit(lambda: story_index(ctx).search("warm up", k=1))
    return opened


def wait_for_searches() -> None:
    """Block until background searches are done (before swapping or dropping the index, e.g. in tests)."""
    _POOL.submit(lambda: None).result()


def prefetch_stories(ctx: Context, question: str, competency: str | None) -> None:
    """Start searching for a question's stories in the background (the driver calls it when asking)."""
    _hits(ctx, question, competency, STORIES_PER_QUESTION)


def search_stories(ctx: Context, question: str, competency: str | None, k: int = STORIES_PER_QUESTION) -> list[Any]:
    """Story hits (StoryHit: .story, .score) for a question, cached per process."""
    return _hits(ctx, question, competency, k).result()


def stories_for(ctx: Context, refs: list[StoryRef], question: str, competency: str | None) -> list[Story]:
    """The Story objects behind the refs kept in state (re-searched after a resume in a new process)."""
    by_id = {hit.story.id: hit.story for hit in search_stories(ctx, question, competency)}
    return [by_id[ref["id"]] for ref in refs if ref["id"] in by_id]


def retrieve_stories(state: State, runtime: Runtime[Context]) -> dict:
    """Find the candidate's stories closest to the question just answered."""
    if state.get("pending_answer") is None:
        raise InvalidStateError("retrieve_stories reached without an answer")
    q = state["plan"][next_question_index(state)]
    # Every hit is kept with its fit: the critic recognises a told story even when it does not fit the question,
    # but suggests (and the turn lists) only stories that fit.
    hits = search_stories(runtime.context, q["text"], q["competency"])
    refs: list[StoryRef] = [
        {"id": h.story.id, "title": h.story.title, "score": round(float(h.score), 4), "fits": bool(h.fits)}
        for h in hits
    ]
    return {"stories": refs}
