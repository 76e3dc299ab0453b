"""retrieve_stories: the candidate's prepared stories closest to the question being answered.

The story index is opened once per process (it is expensive) and cached outside the graph state,
keyed by (docs, index_dir, embedder), in an LRU bounded by an estimate of its memory
(INTERVIEWER_INDEX_CACHE_MB); the state keeps only {id, title, score} per hit. The query is
the question text (with its competency): embedding a long answer with MiniLM costs ~80 ms, which would
break the turn latency budget, while a question's hits can be searched (and cached) as soon as it is
asked, in a background thread, so the answer's turn does not wait for the embedder.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from agent.context import Context
from agent.nodes.ask import InvalidStateError
from agent.state import State, StoryRef, next_question_index
from knowledge.models import Story
from knowledge.threads import lower_this_thread
from knowledge.title_tags import spoken_title

STORIES_PER_QUESTION = 3
_IndexKey = tuple[tuple[str, ...], str | None, str]
_HitKey = tuple[_IndexKey, str, str | None, int]
_INDEXES: dict[_IndexKey, Any] = {}  # least recently used first
_SIZES: dict[_IndexKey, int] = {}
_BUILDS: dict[_IndexKey, Future[Any]] = {}  # one build per index, however many candidates ask at once
_HITS: dict[_HitKey, Future[list[Any]]] = {}
_LOCK = threading.Lock()
MAX_HITS = 4096  # cached searches (a question's hits are reused by its follow-ups and after a resume)
# Searches of many candidates run side by side (ONNX and faiss reads are thread-safe), one worker per core;
# index builds (ingest + embedding, seconds for a big bank) run on their own workers, so a build never takes
# the place of another candidate's search: a turn waits only for its own index.
_POOL = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1), thread_name_prefix="story-search")
# Builds run at a lower priority (knowledge.threads): a waiting turn gets a core before a build does.
_BUILD_POOL = ThreadPoolExecutor(
    max_workers=max(2, (os.cpu_count() or 2) // 2), thread_name_prefix="story-build", initializer=lower_this_thread
)


def cache_limit_bytes() -> int:
    """Memory the open indexes may hold together (INTERVIEWER_INDEX_CACHE_MB, default 256); least recently
    used indexes beyond it are closed (their files stay: reopening one embeds nothing). A set value that is not a
    whole number of at least 1 was refused at start (agent.env_settings)."""
    from agent.env_settings import value

    return int(value("INTERVIEWER_INDEX_CACHE_MB")) * 1024 * 1024


def index_size(index: Any) -> int:
    """An estimate of an open index's memory: its vectors plus ~8 bytes per character of story text (the
    Story objects, BM25 tokens and postings)."""
    vectors = getattr(getattr(getattr(index, "_dense", None), "vectors", None), "views", None)
    dense = int(getattr(vectors, "nbytes", 0) or 0)
    text = sum(len(s.model_dump_json()) for s in getattr(index, "stories", []))
    return dense + 8 * text + 64 * 1024


def _key(ctx: Context) -> _IndexKey:
    return (tuple(ctx.docs), ctx.index_dir, ctx.embedder)


def _build(ctx: Context, key: _IndexKey, in_child: bool = False) -> Any:
    from knowledge.index import open_story_index

    try:
        if in_child and ctx.docs and ctx.embedder.strip().lower() == "minilm":
            # A candidate's own bank, built in the background while others answer: its cold work runs in a child
            # interpreter (agent.index_build) and this process only reads the caches it leaves. The bundled bank
            # is small and usually cached, and the other embedders are cheap: a child would cost more than it saves.
            from agent.index_build import build_caches_in_child

            build_caches_in_child(list(ctx.docs), ctx.index_dir, ctx.embedder)
        index = open_story_index(
            docs=list(ctx.docs) or None,
            index_dir=Path(ctx.index_dir) if ctx.index_dir else None,
            embedder=_embedder_for(ctx),
        )
    except BaseException:
        with _LOCK:
            _BUILDS.pop(key, None)  # a failed build is tried again by the next caller
        raise
    size = index_size(index)
    with _LOCK:
        _INDEXES[key] = index
        _SIZES[key] = size
        _BUILDS.pop(key, None)
        _evict(keep=key)
    return index


def _build_here(ctx: Context) -> Future[Any]:
    """Open this context's index in the calling thread (the terminal waits for the user's own documents anyway),
    unless it is open or being built already; the returned future is done."""
    key = _key(ctx)
    with _LOCK:
        if key in _INDEXES or key in _BUILDS:
            mine = None
        else:
            mine = _BUILDS[key] = Future()
    if mine is None:
        index_future(ctx).result()
        return index_future(ctx)
    try:
        mine.set_result(_build(ctx, key))
    except BaseException as exc:
        mine.set_exception(exc)
        raise
    return mine


def _evict(keep: _IndexKey) -> None:
    """Close least recently used indexes until the rest fit the cap (under _LOCK; never the one in use)."""
    limit = cache_limit_bytes()
    for key in list(_INDEXES):
        if sum(_SIZES.get(k, 0) for k in _INDEXES) <= limit:
            break
        if key != keep:
            _INDEXES.pop(key, None)
            _SIZES.pop(key, None)
            for hit in [h for h in _HITS if h[0] == key]:
                _HITS.pop(hit, None)


def index_future(ctx: Context) -> Future[Any]:
    """The story index for this context's documents: done when open, else its (single) build in progress."""
    key = _key(ctx)
    with _LOCK:
        if key in _INDEXES:
            _INDEXES[key] = _INDEXES.pop(key)  # most recently used
            done: Future[Any] = Future()
            done.set_result(_INDEXES[key])
            return done
        if key not in _BUILDS:
            _BUILDS[key] = _BUILD_POOL.submit(_build, ctx, key, True)
        return _BUILDS[key]


def story_index(ctx: Context) -> Any:
    """The story index (knowledge.index.StoryIndex), opened on first use (waits for its build)."""
    return index_future(ctx).result()


def open_indexes() -> int:
    """How many story indexes this process holds open (for the load benchmark and tests)."""
    with _LOCK:
        return len(_INDEXES)


def _embedder_for(ctx: Context) -> Any:
    """The embedder of this context's index: OpenAI's through the session's own base URL (--base-url, kept with
    the session), which the name alone would not carry (sweep 35 B23: it went to api.openai.com instead)."""
    if ctx.embedder.strip().lower() == "openai" and ctx.base_url:
        from knowledge.embeddings import EmbedderUnavailableError, load_embedder

        try:
            return load_embedder("openai", base_url=ctx.base_url)
        except EmbedderUnavailableError:
            pass  # no key: the index says so by name, as before
    return shared_embedder(ctx.embedder)


def shared_embedder(name: str) -> Any:
    """One MiniLM model (one ONNX session, ~100 MB) per process for every candidate's index and the critic.

    Other embedders, and a MiniLM that could not load (the index then searches lexically), pass by name.
    """
    if name.strip().lower() != "minilm":
        return name
    from knowledge.embeddings import shared_minilm

    model = shared_minilm()
    return name if getattr(model, "notice", None) else model


def _search_when_open(ctx: Context, question: str, comp: str | None, k: int) -> Future[list[Any]]:
    """The search runs on the search pool once this context's index is open; nothing waits on a pool
    thread for a build."""
    result: Future[list[Any]] = Future()

    def search(index: Any) -> None:
        try:
            result.set_result(list(index.search(question, k=k, competency=comp)))
        except BaseException as exc:  # handed to whoever waits on the result
            result.set_exception(exc)

    def opened(build: Future[Any]) -> None:
        if (error := build.exception()) is not None:
            result.set_exception(error)
            return
        try:
            _POOL.submit(search, build.result())
        except RuntimeError:  # the pool is shut down (the interpreter is exiting): search here, never leave a
            search(build.result())  # waiter hanging on a result nobody will set

    index_future(ctx).add_done_callback(opened)
    return result


def _hits(ctx: Context, question: str, competency: str | None, k: int) -> Future[list[Any]]:
    comp = None if competency in (None, "general") else competency
    key = (_key(ctx), question, comp, k)
    with _LOCK:
        if key in _HITS:
            return _HITS[key]
    found = _search_when_open(ctx, question, comp, k)  # takes _LOCK itself
    with _LOCK:
        while len(_HITS) >= MAX_HITS:
            _HITS.pop(next(iter(_HITS)))
        return _HITS.setdefault(key, found)  # two callers at once: both get the first search


def open_index(ctx: Context) -> Future[Any]:
    """Start opening the story index and loading the query embedder ahead of the first answer.

    The user's own documents are opened now (their notices and prepared questions matter at the start);
    the bundled sample bank opens in the background, taking its ~0.6 s import off the launch. Either
    way a throwaway search loads the ONNX session (~0.4 s) in the background.
    """
    opened = _build_here(ctx) if ctx.docs else index_future(ctx)
    _hits(ctx, "warm up", None, 1)
    return opened


def wait_for_searches(timeout: float = 120.0) -> None:
    """Block until every background build and search started so far is done (before swapping or dropping the
    index, e.g. between tests). Waits on the futures themselves: with several workers per pool, a no-op
    submitted behind them can finish while another worker is still building."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _LOCK:
            pending = [f for f in (*_BUILDS.values(), *_HITS.values()) if not f.done()]
        if not pending:
            return
        wait(pending, timeout=max(0.0, deadline - time.monotonic()))


def prefetch_stories(ctx: Context, question: str, competency: str | None) -> None:
    """Start searching for a question's stories in the background (the driver calls it when asking)."""
    _hits(ctx, question, competency, STORIES_PER_QUESTION)


def search_stories(ctx: Context, question: str, competency: str | None, k: int = STORIES_PER_QUESTION) -> list[Any]:
    """Story hits (StoryHit: .story, .score) for a question, cached per process."""
    return _hits(ctx, question, competency, k).result()


def stories_for(ctx: Context, refs: list[StoryRef], question: str, competency: str | None) -> list[Story]:
    """The Story objects behind the refs kept in state (re-searched after a resume in a new process)."""
    by_id = {hit.story.id: hit.story for hit in search_stories(ctx, question, competency)}
    if any(ref["id"] not in by_id for ref in refs):  # a told story that is not among the question's hits
        by_id.update((s.id, s) for s in story_index(ctx).stories if s.id not in by_id)
    return [by_id[ref["id"]] for ref in refs if ref["id"] in by_id]


def told_story(ctx: Context, answer: str) -> Any:
    """The candidate's story this answer retells, searched over all their stories, or None.

    The question's hits may not hold it (an answer telling another story than the question asks for), and the
    critic checks a retold story's figures against the notes whether or not it fits."""
    from agent.critic.story_notes import told_index

    stories = story_index(ctx).stories
    found = told_index(answer, stories)
    return stories[found] if found is not None else None


def retrieve_stories(state: State, runtime: Runtime[Context]) -> dict:
    """Find the candidate's stories closest to the question just answered."""
    pending = state.get("pending_answer")
    if pending is None:
        raise InvalidStateError("retrieve_stories reached without an answer")
    q = state["plan"][next_question_index(state)]
    # Every hit is kept with its fit: the critic recognises a told story even when it does not fit the question,
    # but suggests (and the turn lists) only stories that fit.
    hits = search_stories(runtime.context, q["text"], q["competency"])
    return {"stories": story_refs(hits, told_story(runtime.context, pending["text"]))}


def story_refs(hits: Sequence[Any], told: Story | None) -> list[StoryRef]:
    """What a turn keeps of its stories: the question's hits with their fit, then the story the answer retells
    when it is not among them (never suggested: it does not fit). evals.calibrate gives a labelled answer's notes
    to the critic through this too."""
    refs: list[StoryRef] = [
        {
            "id": h.story.id,
            "title": spoken_title(h.story.title),
            "score": round(float(h.score), 4),
            "fits": bool(h.fits),
        }
        for h in hits
    ]
    if told is not None and all(ref["id"] != told.id for ref in refs):
        refs.append({"id": told.id, "title": spoken_title(told.title), "score": 0.0, "fits": False})
    return refs
