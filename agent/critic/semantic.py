"""Sentence vectors for the critic: static word vectors by default (CRITIC_EMBEDDER), one table per process, with the
role pack's texts cached.

The critic compares an answer's sentences with the question asked, the role pack's other questions and the
question's signals. Those texts are few and fixed: the bundled packs' vectors ship with the package
(knowledge.embedding_fixed) and any other is computed once per process. Only the answer's sentences are embedded per
turn, and those already embedded while the answer was typed (`ahead`, fed by agent.typing_ahead) are reused; a
follow-up question is embedded in the background while the candidate reads it (`ahead_later`), since judging the
reply compares the reply with it. When the model cannot run, `vectors`
returns None and the critic falls back to word overlap, saying so nowhere louder than the index already does.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np

from knowledge.threads import lower_this_thread

MAX_SENTENCES = 24  # a pasted essay is judged on its first 24 sentences' meaning (the rest still counts for cues)
# Sentences embedded ahead and kept. In a server, every candidate reading a follow-up has the answer it follows here
# (~8 sentences, MiniLM) until the reply: 256 kept ~30 candidates' worth, so with 200 at once most short replies
# embedded their answer again inside the turn. 4,096 keep ~500 answers: at most 6 MB of MiniLM vectors.
MAX_AHEAD = 4096
MAX_WORDS = 50_000  # single words' vectors kept (paraphrase.py); the cache starts over past this
# Stacked matrices of recurring text lists kept (a pack's signal pool and examples per asked question, its signal
# groups, its signal words): stacking ~120 vectors one by one each turn cost more than the comparisons made with them.
# ~120 KB each at most (256 dims), so at most ~30 MB.
MAX_STACKS = 256
MAX_WORD_STACKS = 32  # words()'s results kept: a pack's signal words recur, an answer's words mostly do not
# How long a reply waits for its text's background embedding. Waiting is never slower than embedding the text
# again (the same work, already started), so this only bounds a stuck thread; 1 s was too short on a loaded
# machine (the wait ran out and the text was embedded twice).
PENDING_WAIT = 10.0
# The ahead work of a follow-up (MiniLM over the answer it follows, ~40 ms of CPU) runs while the candidate reads;
# a reply sent at once came back while it still ran on both cores (the caller and MiniLM's helper): it now runs on one
# thread at the background priority (knowledge.threads), so a turn keeps a core of its own.
_LATER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="critic-ahead", initializer=lower_this_thread)


class Semantic:
    """Unit-length sentence vectors (inner product = cosine) from one embedder, with a cache for fixed texts."""

    def __init__(self, embedder: Any) -> None:
        self._embedder = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._ahead: OrderedDict[str, np.ndarray] = OrderedDict()  # sentences embedded while being typed
        self._lock = threading.Lock()
        self._filling = threading.Lock()  # one thread embeds a batch of recurring texts; the others wait for it
        self.available = embedder is not None
        self._shipped: dict[str, np.ndarray] | None = None  # the bundled packs' vectors (knowledge.embedding_fixed)
        self._later: dict[str, Future[None]] = {}  # texts handed to ahead_later and not embedded yet
        self._stops: dict[Future[None], threading.Event] = {}  # set to stop that ahead_later work (drop_later)
        self._topics: dict[tuple[str, tuple[str, ...], float], np.ndarray] = {}  # questions' topic vectors
        self._words: dict[str, np.ndarray] = {}  # single words' vectors (paraphrase.py)
        self._stacks: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()  # fixed()'s results, read-only
        self._word_stacks: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()  # words()'s results, read-only

    def vectors(self, texts: Sequence[str]) -> np.ndarray | None:
        """Vectors for `texts` (answer sentences); None when the model cannot run. Sentences embedded ahead, while
        the answer was typed (`ahead`), are not embedded again: a text's vector is the same whenever it is
        computed."""
        if not self.available or not texts:
            return None
        with self._lock:
            pending = {f for t in texts if (f := self._later.get(t)) is not None}
        for future in pending:  # a reply sent at once: finish that embedding rather than do it twice
            with contextlib.suppress(Exception):  # stuck or failed: the text is embedded below
                future.result(timeout=PENDING_WAIT)
        with self._lock:
            known = {t: v for t in texts if (v := self._ahead.get(t)) is not None}
        if not known:
            return self._embed(list(texts))
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        fresh = self._embed(missing) if missing else np.zeros((0, 0), dtype=np.float32)
        if fresh is None:
            return None
        known.update(zip(missing, fresh, strict=True))
        return np.stack([known[t] for t in texts])

    def words(self, items: list[str]) -> np.ndarray | None:
        """Unit vectors for single words (paraphrase.py matches a signal's words with a sentence's), cached: the
        pack's words recur every turn and an answer's mostly do too. None when the model cannot run."""
        key = tuple(items)
        with self._lock:
            if (stacked := _recent(self._word_stacks, key)) is not None:  # a pack's words outlive an answer's
                return stacked
            known = {w: v for w in items if (v := self._words.get(w)) is not None}
        missing = [w for w in dict.fromkeys(items) if w not in known]
        if missing:
            fresh = self._embed(missing) if self.available else None
            if fresh is None:
                return None
            found = dict(zip(missing, fresh, strict=True))
            known.update(found)
            with self._lock:
                if len(self._words) + len(found) > MAX_WORDS:
                    self._words.clear()
                self._words.update(found)
        if not items:
            return None
        with self._lock:
            return _kept(self._word_stacks, key, [known[w] for w in items], MAX_WORD_STACKS)

    def ahead(self, texts: Sequence[str]) -> None:
        """Embed answer sentences before the answer is submitted (while it is typed), for `vectors` to reuse."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._ahead]
        fresh = self._embed(missing) if missing and self.available else None
        if fresh is None:
            return
        with self._lock:
            self._ahead.update(zip(missing, fresh, strict=True))
            while len(self._ahead) > MAX_AHEAD:
                self._ahead.popitem(last=False)

    def ahead_later(self, texts: Sequence[str]) -> None:
        """`ahead` on a background thread: for a text asked now and judged against on the next turn."""
        if not self.available or not texts:
            return
        stop = threading.Event()
        future = _LATER.submit(self._ahead_quietly, list(texts), stop)
        with self._lock:
            self._later.update(dict.fromkeys(texts, future))
            self._stops[future] = stop
        future.add_done_callback(lambda done: self._forget(texts, done))

    def drop_later(self, texts: Sequence[str]) -> None:
        """Stop the `ahead_later` work that embeds `texts` (nothing will compare with them now): the batches it has
        not run are skipped and nothing of it is kept. A text asked for after all is embedded when asked."""
        with self._lock:
            futures = {f for t in texts if (f := self._later.get(t)) is not None}
            stops = [self._stops[f] for f in futures if f in self._stops]
        for stop in stops:
            stop.set()
        for future in futures:
            future.cancel()

    def _forget(self, texts: Sequence[str], done: Future[None]) -> None:
        with self._lock:
            self._stops.pop(done, None)
            for t in texts:
                if self._later.get(t) is done:
                    del self._later[t]

    def _ahead_quietly(self, texts: list[str], stop: threading.Event | None = None) -> None:
        from knowledge.embedding_minilm import alone

        try:
            with alone(stop):
                self.ahead(texts)
        except Exception:  # only a speed-up: the next turn embeds the text itself and reports a real failure
            return

    def clear_ahead(self) -> None:
        """Forget the sentences embedded ahead."""
        with self._lock:
            self._ahead.clear()

    def _embed(self, texts: list[str]) -> np.ndarray | None:
        from knowledge.embeddings import EmbedderUnavailableError, embed_matrix

        try:
            return embed_matrix(self._embedder, texts)
        except EmbedderUnavailableError:
            self.available = False
            return None

    def fixed(self, texts: Sequence[str]) -> np.ndarray | None:
        """Vectors for texts that recur (questions, signals): shipped for the bundled role packs, otherwise
        computed once per process."""
        key = tuple(texts)
        with self._lock:
            if (stacked := _recent(self._stacks, key)) is not None:
                return stacked
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing and self.available:
            missing = self._from_shipped(missing)
        if missing:
            # Many sessions meet a pack's texts (its signal examples: ~110 a pack) at once in a service; without this
            # each of them embedded the whole batch, and every turn of those sessions waited behind it.
            with self._filling:
                missing = [t for t in missing if t not in self._cache]
                fresh = self.vectors(missing) if missing else None
                if missing and fresh is None:
                    return None
                if fresh is not None:
                    with self._lock:
                        self._cache.update(zip(missing, fresh, strict=True))
        if not texts:
            return None
        with self._lock:
            return _kept(self._stacks, key, [self._cache[t] for t in texts], MAX_STACKS)

    def topic(self, text: str, signals: Sequence[str], weight: float) -> np.ndarray | None:
        """A question's unit vector for relevance: its own vector plus `weight` x the unit mean of its signals'
        vectors (features.TOPIC_SIGNALS says why); cached per process, questions and signals are fixed."""
        key = (text, tuple(signals), weight)
        if (hit := self._topics.get(key)) is not None:
            return hit
        vecs = self.fixed([text, *signals])
        if vecs is None:
            return None
        vec = vecs[0].copy()
        if len(vecs) > 1 and weight:
            mean = vecs[1:].mean(axis=0)
            vec += weight * mean / max(float(np.linalg.norm(mean)), 1e-9)
        vec /= max(float(np.linalg.norm(vec)), 1e-9)
        with self._lock:
            self._topics[key] = vec
        return vec

    def _from_shipped(self, texts: list[str]) -> list[str]:
        """Take the texts' shipped vectors into the cache; returns the texts that have none."""
        from knowledge.embedding_fixed import shipped_vectors, text_key

        if self._shipped is None:
            self._shipped = shipped_vectors(self._embedder)
        found = {t: v for t in texts if (v := self._shipped.get(text_key(t))) is not None}
        if found:
            with self._lock:
                self._cache.update(found)
        return [t for t in texts if t not in found]


def _recent(stacks: OrderedDict[tuple[str, ...], np.ndarray], key: tuple[str, ...]) -> np.ndarray | None:
    """A stacked result kept in `stacks` (least recently used first), marked as just used; None if not kept."""
    if (stacked := stacks.get(key)) is not None:
        stacks.move_to_end(key)
    return stacked


def _kept(
    stacks: OrderedDict[tuple[str, ...], np.ndarray], key: tuple[str, ...], rows: list[np.ndarray], cap: int
) -> np.ndarray:
    """Stack `rows`, keep the read-only result under `key` (it is shared by every later call for the same texts),
    and drop the least recently used results past `cap`."""
    stacked = np.stack(rows)
    stacked.flags.writeable = False
    stacks[key] = stacked
    if len(stacks) > cap:
        stacks.popitem(last=False)
    return stacked


# The critic's sentence vectors: static word vectors (knowledge.embedding_static), ~0.1 ms a sentence. MiniLM
# (45 ms an answer) was measured against them on the tuned set (python -m evals.calibrate): the same or better on
# every figure but signal coverage (precision 63.5% -> 62.1%, recall 49.4% -> 44.4%). features.TOPIC_SIGNALS,
# signals.COVERS* and follow_up.CLEARLY_ON say what was recalibrated; a short unclear follow-up reply still asks
# MiniLM.
CRITIC_EMBEDDER = "wordllama"


_MADE: dict[str, Semantic] = {}
_MAKING = threading.Lock()


def semantic(name: str = CRITIC_EMBEDDER) -> Semantic:
    """The process-wide Semantic for an embedder name ("wordllama" default; "minilm" for the coaching matcher;
    "hashing" in tests; "none" = off).

    Exactly one per name, however many threads ask first: the critic tells its own model from one a caller gave by
    identity (`sem is semantic()`), and lru_cache let threads asking at once each build one, so the first answers
    judged in parallel took the given-model path (no MiniLM check) and got other verdicts than the same answers alone.
    """
    if (made := _MADE.get(name)) is not None:
        return made
    with _MAKING:
        if name not in _MADE:
            _MADE[name] = _make(name)
        return _MADE[name]


def _make(name: str) -> Semantic:
    if name == "none":
        return Semantic(None)
    from agent.blas_threads import one_blas_thread
    from knowledge.embeddings import load_embedder, shared_minilm, shared_static

    # the critic never calls a remote model; MiniLM is the process's one session, shared with the story indexes
    if name == "wordllama":
        embedder = shared_static()
    else:
        embedder = shared_minilm() if name in ("minilm", "openai") else load_embedder(name)
    one_blas_thread()  # the critic's products are small and many sessions run at once (agent.blas_threads)
    return Semantic(None if getattr(embedder, "notice", None) else embedder)
