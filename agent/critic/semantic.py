"""Sentence vectors for the critic: the local embedding model, one per process, with the role pack's texts cached.

The critic compares an answer's sentences with the question asked, the role pack's other questions and the
question's signals. Those texts are few and fixed, so their vectors are computed once per process; only the
answer's sentences are embedded per turn, and those already embedded while the answer was typed (`ahead`, fed by
agent.typing_ahead) are reused. When the model cannot run, `vectors`
returns None and the critic falls back to word overlap, saying so nowhere louder than the index already does.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

MAX_SENTENCES = 24  # a pasted essay is judged on its first 24 sentences' meaning (the rest still counts for cues)
MAX_AHEAD = 256  # sentences embedded ahead and kept (a few answers' worth)


class Semantic:
    """Unit-length sentence vectors (inner product = cosine) from one embedder, with a cache for fixed texts."""

    def __init__(self, embedder: Any) -> None:
        self._embedder = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._ahead: OrderedDict[str, np.ndarray] = OrderedDict()  # sentences embedded while being typed
        self._lock = threading.Lock()
        self.available = embedder is not None

    def vectors(self, texts: Sequence[str]) -> np.ndarray | None:
        """Vectors for `texts` (answer sentences); None when the model cannot run. Sentences embedded ahead, while
        the answer was typed (`ahead`), are not embedded again: a text's vector is the same whenever it is
        computed."""
        if not self.available or not texts:
            return None
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
        """Vectors for texts that recur (questions, signals), computed once per process."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            fresh = self.vectors(missing)
            if fresh is None:
                return None
            with self._lock:
                self._cache.update(zip(missing, fresh, strict=True))
        return np.stack([self._cache[t] for t in texts]) if texts else None


@lru_cache(maxsize=4)
def semantic(name: str = "minilm") -> Semantic:
    """The process-wide Semantic for an embedder name ("minilm" default; "hashing" in tests; "none" = off)."""
    if name == "none":
        return Semantic(None)
    from knowledge.embeddings import load_embedder, shared_minilm

    # the critic never calls a remote model; MiniLM is the process's one session, shared with the story indexes
    embedder = shared_minilm() if name in ("minilm", "openai") else load_embedder(name)
    return Semantic(None if getattr(embedder, "notice", None) else embedder)
