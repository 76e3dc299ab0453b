"""Signals: which of the question's signals (what a strong answer shows) the answer covers, and where.

A signal is covered by the sentence most similar to it (local sentence embeddings) when that similarity clears a
threshold chosen on the tuned labelled set, or a lower one when the sentence also shares a content word with the
signal. Without an embedding model, two shared content words are required.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from agent.critic.text import Sentence, content_stems, stem, word_set

COVERS = 0.40  # cosine at which a sentence shows a signal on its own
COVERS_WITH_WORDS = 0.25  # cosine that suffices when the sentence also shares a content word with the signal
# Words of how a signal is phrased ("Names ... such as ..."), not of what it asks for; stemmed like the answer.
_GENERIC = frozenset(stem(w) for w in word_set("answer example concrete clear names gives says describes explains"))


@dataclass(frozen=True)
class SignalHit:
    """One signal, whether it is covered, and the covering sentence."""

    signal: str
    covered: bool
    sentence: Sentence | None


def _shared(signal: str, sentence: str) -> int:
    return len((set(content_stems(signal)) - _GENERIC) & set(content_stems(sentence)))


def check(signals: tuple[str, ...], sents: list[Sentence], sent_vecs: np.ndarray | None,
          signal_vecs: np.ndarray | None) -> list[SignalHit]:  # fmt: skip
    """Every signal with its verdict."""
    hits: list[SignalHit] = []
    for k, signal in enumerate(signals):
        best: Sentence | None = None
        if sent_vecs is not None and signal_vecs is not None and len(sents):
            sims = sent_vecs @ signal_vecs[k]
            order = np.argsort(-sims)
            for i in order[:3]:
                sim = float(sims[i])
                if sim >= COVERS or (sim >= COVERS_WITH_WORDS and _shared(signal, sents[i].text) >= 1):
                    best = sents[int(i)]
                    break
        else:
            best = next((s for s in sents if _shared(signal, s.text) >= 2), None)
        hits.append(SignalHit(signal, best is not None, best))
    return hits
