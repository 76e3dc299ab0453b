"""Paraphrase: how closely each sentence says what each signal of the role pack asks for, word by word.

Averaging a sentence's word vectors into one vector drowns a signal's few telling words in the rest of a long
sentence, and the signal matcher's word rule (signals.py) needs the signal's own words: a sentence that compares
"each input's histogram against the training window" shows "monitors input drift" in words of its own and was
missed. Here every content word of a signal is matched with its closest word in the sentence (static word vectors:
"histogram" ~ "distribution", "refused" ~ "resisted"), and the signal's score is the mean of those closeness values,
each word weighted by how rare it is among the pack's signals (a word many signals use says little). A sentence
shows a signal in its own words when that score is at least PARAPHRASE and the signal is among the RANK signals of
the whole pack the sentence scores highest on: a story that is about another question scores higher on that
question's signals. Thresholds were chosen on the tuned labelled set and checked on evals/critic_dev and
evals/critic_dev2 (python -m evals.calibrate reports signal precision and recall).
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from agent.critic.text import STOPWORDS, word_set, words

PARAPHRASE = 0.36  # weighted mean closeness at which a sentence says what a signal asks for
RANK = 3  # ... when the signal is among this many of the pack's signals the sentence scores highest on
BLOCK = 2  # answer words per matrix product (_closeness says why)
COLUMNS = 8192  # answer words' closeness columns kept (~2 KB each for a pack of ~500 signal words); then start over
MIN_LETTERS = 3  # shorter words ("ml", "ci") are matched by the sentence vectors, not here
# How a signal is phrased ("Names ... such as ..."), not what it asks for.
_PHRASING = word_set("names name gives give says say states state describes describe explains explain example such "
                     "concrete clear specific")  # fmt: skip

WordVectors = Callable[[list[str]], "np.ndarray | None"]  # unit vectors for single words (semantic.Semantic.words)
# (word vectors, pack vocabulary) -> (word, last odd word) -> its closeness column (_closeness)
_COLUMNS: dict[tuple[Any, tuple[str, ...]], dict[tuple[str, bool], np.ndarray]] = {}
_LOCK = threading.Lock()


def content_words(text: str) -> list[str]:
    """The words of `text` that carry meaning (no stopwords, no very short words), in order, without repeats."""
    return list(dict.fromkeys(w for w in words(text) if len(w) >= MIN_LETTERS and w not in STOPWORDS))


@dataclass(frozen=True)
class _Pack:
    """A pack's signal words and each signal's weights over them (rows sum to 1)."""

    vocabulary: tuple[str, ...]
    weights: np.ndarray  # (signals, vocabulary)


@lru_cache(maxsize=64)  # each question puts its own signals first: one reordering per question
def _pack(pool: tuple[str, ...]) -> _Pack:
    """The pack's table with its rows in `pool`'s order."""
    table = _table(tuple(sorted(set(pool))))
    return _Pack(table.vocabulary, table.weights[[table.rows[s] for s in pool]])


@dataclass(frozen=True)
class _Table(_Pack):
    rows: dict[str, int]  # signal -> its row


@lru_cache(maxsize=16)  # a role pack's signals are fixed: one table per pack, whatever order they come in
def _table(pool: tuple[str, ...]) -> _Table:
    bags = [[w for w in content_words(s) if w not in _PHRASING] for s in pool]
    df = Counter(w for bag in bags for w in bag)
    vocabulary = tuple(sorted(df))
    index = {w: i for i, w in enumerate(vocabulary)}
    weights = np.zeros((len(pool), len(vocabulary)), dtype=np.float32)
    for row, bag in enumerate(bags):
        for w in bag:
            weights[row, index[w]] = math.log((len(pool) + 1) / (df[w] + 0.5))
    sums = weights.sum(axis=1, keepdims=True)
    return _Table(vocabulary, weights / np.clip(sums, 1e-9, None), {s: i for i, s in enumerate(pool)})


def warm(pool: tuple[str, ...], vectors: WordVectors) -> None:
    """Build the pack's table and embed its signal words once (a session's start, before the first answer)."""
    vocabulary = _pack(pool).vocabulary
    if vocabulary:
        vectors(list(vocabulary))


def scores(pool: tuple[str, ...], sentences: Sequence[str], vectors: WordVectors) -> np.ndarray | None:
    """(sentences, pool) closeness of each sentence to each signal of the pack; None without word vectors."""
    pack = _pack(pool)
    bags = [content_words(s) for s in sentences]
    said = list(dict.fromkeys(w for bag in bags for w in bag))
    if not pack.vocabulary or not said:
        return np.zeros((len(sentences), len(pool)), dtype=np.float32)
    sims = _closeness(pack.vocabulary, said, vectors)
    if sims is None:
        return None
    column = {w: i for i, w in enumerate(said)}
    best = np.zeros((len(sentences), len(pack.vocabulary)), dtype=np.float32)
    for row, bag in enumerate(bags):
        if bag:
            best[row] = sims[:, [column[w] for w in bag]].max(axis=1)
    return best @ pack.weights.T


def _closeness(vocabulary: tuple[str, ...], said: list[str], vectors: WordVectors) -> np.ndarray | None:
    """(vocabulary, said) cosine of each signal word with each answer word; None without word vectors.

    A column depends on its word alone, so it is kept (COLUMNS per process): most of an answer's words were said in
    earlier answers. It is computed as it always was, BLOCK answer words per matrix product (one large product is
    handed to every BLAS thread, which on a busy two-core machine waits on the other processes: 10-20 ms instead of
    ~1 ms): a word in a pair by a product of two columns, the odd last word by a product of one, each keyed apart, so
    every value is bit for bit the value of one product over the answer's words (a BLAS may sum one column
    differently from two)."""
    table = vectors(list(vocabulary))
    if table is None:
        return None
    paired = len(said) - len(said) % BLOCK
    keys = [(w, i >= paired) for i, w in enumerate(said)]
    key = (vectors, vocabulary)
    with _LOCK:
        kept = _COLUMNS.get(key)
        found = {k: c for k in keys if kept is not None and (c := kept.get(k)) is not None}
    missing = [k for k in dict.fromkeys(keys) if k not in found]
    if missing:
        said_vecs = vectors([w for w, _ in missing])
        if said_vecs is None:
            return None
        for (word, alone), vec in zip(missing, said_vecs, strict=True):
            # the word with itself as the product's other column: its own column is the same as beside any other
            found[word, alone] = table @ vec[None, :].T if alone else (table @ np.stack([vec] * BLOCK).T)[:, :1]
        with _LOCK:
            kept = _COLUMNS.setdefault(key, {})
            if sum(len(c) for c in _COLUMNS.values()) + len(missing) > COLUMNS:
                _COLUMNS.clear()
                kept = _COLUMNS[key] = {}
            kept.update((k, found[k]) for k in missing)
    return np.concatenate([found[k] for k in keys], axis=1)


def shown_by(table: np.ndarray, k: int) -> int | None:
    """The sentence that shows pool signal `k` in its own words (the closest that qualifies), or None."""
    col = table[:, k]
    above = (table > col[:, None]).sum(axis=1)
    ok = [i for i in range(len(col)) if col[i] >= PARAPHRASE and above[i] < RANK]
    return max(ok, key=lambda i: float(col[i])) if ok else None


def shown_in(table: np.ndarray) -> np.ndarray:
    """(sentence, pool signal): whether the sentence shows the signal in its own words, as shown_by judges it. Fewer
    than RANK signals score higher in the sentence exactly when the score is at least the sentence's RANK-th highest,
    so one partial sort per sentence does what comparing every pair of signals did."""
    if not table.size:
        return np.zeros(table.shape, dtype=bool)
    rank = min(RANK, table.shape[1])
    kth = np.partition(table, -rank, axis=1)[:, -rank]
    return np.asarray((table >= PARAPHRASE) & (table >= kth[:, None]))


def shown_any(table: np.ndarray) -> np.ndarray:
    """For every pool signal, whether some sentence shows it in its own words (shown_by is not None), at once."""
    if not table.size:
        return np.zeros(table.shape[1], dtype=bool)
    return np.asarray(shown_in(table).any(axis=0))
