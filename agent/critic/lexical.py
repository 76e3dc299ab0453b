"""Lexical fit: how many of a question's distinctive words an answer uses, against every question of its role pack.

Each question of the pack is a bag of word roots (its text and its signals). A root that few questions of the pack
use (high inverse document frequency) says what that question is about: "priorities" and "cut" for a budget
trade-off, "profile" and "vectorise" for a slow Python step. An answer's fit to a question is the sum of the
weights of the roots they share, over the square root of the question's size. The sentence embedder sees "budget"
in "error budget" and calls it close to a money-budget question; the words show the answer shares that one word
with the question asked and many more with another question of the pack (relevance.py combines both).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from agent.critic.question import QuestionInfo
from agent.critic.text import content_stems, word_set

ROOT = 6  # characters of a stem kept, so "priorities"/"prioritise" and "profiling"/"profiler" meet
MAX_REPEAT = 3  # a word said many times counts as said three times (a rambling answer is not more on topic)
# Everyday words any story uses whatever its subject: counts, time, common verbs ("two weeks later I called a
# meeting and gave them the first draft" says nothing about which question it answers).
EVERYDAY = word_set(
    "one two three four five six seven eight nine ten first second third next last new old day days week weeks "
    "month months quarter quarters year years later early before after since call called give gave given take took "
    "taken make made show showed come came back left set work worked working thing things people way lot good "
    "better best big small part end start started keep kept put want wanted need needed try tried use used"
)
_SKIP = frozenset(s[:ROOT] for s in content_stems(" ".join(sorted(EVERYDAY))))


def roots(text: str) -> Counter[str]:
    """Word roots of the content words of `text`, with their counts."""
    return Counter(r for s in content_stems(text) if (r := s[:ROOT]) not in _SKIP)


def _weights(docs: tuple[tuple[str, ...], ...]) -> tuple[tuple[frozenset[str], ...], dict[str, float]]:
    """Each question's root set, in `docs`' order, and the IDF of every root over the pack."""
    bag_of, idf = _pack_weights(tuple(sorted(docs)))
    return tuple(bag_of[d] for d in docs), idf


@lru_cache(maxsize=16)
def _pack_weights(docs: tuple[tuple[str, ...], ...]) -> tuple[dict[tuple[str, ...], frozenset[str]], dict[str, float]]:
    """The pack's table, whatever question is asked: each question puts itself first in `fits`, but the pack is
    the same set of questions, so one table per pack serves them all (cached: the pack is fixed)."""
    bags = [frozenset(roots(" ".join(d))) for d in docs]
    df = Counter(r for bag in bags for r in bag)
    return dict(zip(docs, bags, strict=True)), {r: math.log(len(bags) / n) for r, n in df.items()}


def fits(info: QuestionInfo, answer: str) -> tuple[float, list[float]]:
    """The answer's lexical fit to the asked question and to each of `info.others` (same order)."""
    signals = info.other_signals or tuple(() for _ in info.others)
    docs = (
        (info.text, *info.signals),
        *((text, *sig) for (text, _c, _t), sig in zip(info.others, signals, strict=True)),
    )
    bags, idf = _weights(docs)
    said = roots(answer)
    scores = [
        sum(idf[r] * math.sqrt(min(said[r], MAX_REPEAT)) for r in bag if r in said) / math.sqrt(max(len(bag), 1))
        for bag in bags
    ]
    return scores[0], scores[1:]
