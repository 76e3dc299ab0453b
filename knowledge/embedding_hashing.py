"""A deterministic lexical embedder: hashed word and bigram counts, L2-normalised.

No model file, no randomness, same vector on every machine and process (blake2b, not Python's salted hash()).
Used in tests, and as the fallback when the MiniLM model cannot load: it still finds stories that share words
with the question, which is most of what retrieval needs for a candidate's own vocabulary.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import re
from collections import Counter

import numpy as np
from langchain_core.embeddings import Embeddings

_WORD = re.compile(r"[a-z0-9]+(?:[.+#][a-z0-9]+)*")
_STOPWORD_TEXT = """a about after all also an and any are as at be been but by can could did do does for from
had has have how i if in into is it its me my no not of on or our out over so than that the their them then there
these they this those to up us was we were what when where which while who why will with would you your
tell describe walk talk example ever actually"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens minus stopwords and interview filler, lightly stemmed: 'migrating' ~ 'migrate'."""
    tokens: list[str] = []
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS:
            continue
        tokens.append(_stem(word))
    return tokens


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand words recur across stories and queries
def _stem(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _bucket(feature: str, dimension: int) -> tuple[int, float]:
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    # The sign bit keeps collisions from always adding up (the "hashing trick").
    return value % dimension, (1.0 if (value >> 63) & 1 else -1.0)


class HashingEmbeddings(Embeddings):
    """Hashed bag of words + bigrams (bigrams weigh half), sublinear term frequency, unit length."""

    name = "hashing"

    def __init__(self, dimension: int = 512, notice: str | None = None) -> None:
        if dimension < 8:
            raise ValueError(f"hashing embedder dimension must be >= 8, got {dimension}")
        self.dimension = dimension
        self.model_hash = f"hashing-v1-{dimension}"
        # Set when this embedder stands in for one that could not load; callers surface it to the user.
        self.notice = notice

    def _vector(self, text: str) -> np.ndarray:
        tokens = tokenize(text)
        features: Counter[str] = Counter(tokens)
        features.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))
        vec = np.zeros(self.dimension, dtype=np.float32)
        for feature, count in features.items():
            index, sign = _bucket(feature, self.dimension)
            weight = 1.0 + math.log(count)
            vec[index] += sign * weight * (0.5 if " " in feature else 1.0)
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 0 else vec

    def embed_array(self, texts: list[str]) -> np.ndarray:
        """Embed texts as an (n, dimension) float32 array."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain API: one vector per text."""
        return self.embed_array(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain API: queries are embedded like documents."""
        return self._vector(text).tolist()
