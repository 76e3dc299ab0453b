"""The closeness columns paraphrase.py keeps between answers (paraphrase._closeness): a kept column must be the
value the products over the answer's own words give, bit for bit, whichever answer said the word first and
wherever it stands (in a pair, or last and alone), or judgments would depend on what earlier candidates said.

Every answer here is written for this file.
"""

from __future__ import annotations

import numpy as np
import pytest

from agent.critic import paraphrase
from agent.critic.semantic import semantic
from knowledge.roles import shared_role

FIRST = "Our nightly reconciliation job kept missing its window, so I split it by region and the backlog cleared."
SECOND = "I split the ledger export by region after the window slipped twice; finance signed off within a week."


def _fresh(vocabulary: tuple[str, ...], said: list[str]) -> np.ndarray:
    """The products as computed before any column was kept: BLOCK answer words at a time."""
    sem = semantic()
    table, vecs = sem.words(list(vocabulary)), sem.words(said)
    assert table is not None and vecs is not None
    step = paraphrase.BLOCK
    return np.concatenate([table @ vecs[i : i + step].T for i in range(0, len(said), step)], axis=1)


def test_kept_columns_equal_the_products_over_each_answers_own_words() -> None:
    pack = shared_role("director")
    pool = tuple(s for q in pack.questions for s in q.signals)
    vocabulary = paraphrase._pack(pool).vocabulary
    sem = semantic()
    paraphrase._COLUMNS.clear()
    for text in (FIRST, SECOND, FIRST + " " + SECOND):
        said = paraphrase.content_words(text)
        # the same word at another place (and once as the odd last word) is read from what the first answer kept
        for words in (said, said[1:], said[::-1]):
            kept = paraphrase._closeness(vocabulary, words, sem.words)
            assert kept is not None
            assert np.array_equal(kept, _fresh(vocabulary, words))
    assert paraphrase._COLUMNS  # and they were kept


def test_scores_are_the_same_with_and_without_kept_columns() -> None:
    pack = shared_role("director")
    pool = tuple(s for q in pack.questions for s in q.signals)
    sentences = [FIRST, SECOND]
    paraphrase._COLUMNS.clear()
    cold = paraphrase.scores(pool, sentences, semantic().words)
    warm = paraphrase.scores(pool, sentences, semantic().words)
    assert cold is not None and warm is not None
    assert np.array_equal(cold, warm)


def test_the_kept_columns_start_over_past_their_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    pack = shared_role("director")
    vocabulary = paraphrase._pack(tuple(s for q in pack.questions for s in q.signals)).vocabulary
    monkeypatch.setattr(paraphrase, "COLUMNS", 4)
    paraphrase._COLUMNS.clear()
    paraphrase._closeness(vocabulary, paraphrase.content_words(FIRST), semantic().words)
    assert sum(len(c) for c in paraphrase._COLUMNS.values()) <= 4 + len(paraphrase.content_words(FIRST))
    paraphrase._closeness(vocabulary, paraphrase.content_words(SECOND), semantic().words)
    assert sum(len(c) for c in paraphrase._COLUMNS.values()) <= len(paraphrase.content_words(SECOND))
