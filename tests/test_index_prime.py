"""StoryIndex.prime embeds the queries about to be searched in one batch: every hit stays exactly the same (MiniLM's
vector for a text does not depend on the batch it is embedded in), and only one model call is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.index import StoryIndex
from knowledge.roles import load_role
from tests.test_index_minilm import STORIES

QUESTIONS = [q.text for q in load_role("director").questions][:12]


def _hits(index: StoryIndex) -> list[list[tuple[str, float, float | None, bool]]]:
    return [[(h.story.id, h.score, h.similarity, h.fits) for h in index.search(q, k=3)] for q in QUESTIONS]


def test_primed_searches_return_exactly_the_same_hits_with_one_model_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = _hits(StoryIndex.open(STORIES, index_dir=tmp_path / "s", embedder="minilm"))
    plain = StoryIndex.open(STORIES, index_dir=tmp_path / "a", embedder="minilm")
    plain._shipped = {}  # these are pack questions, whose vectors ship (knowledge.embedding_fixed): embed them here
    expected = _hits(plain)
    assert shipped == expected  # the shipped vectors give the very same hits
    primed = StoryIndex.open(STORIES, index_dir=tmp_path / "b", embedder="minilm")
    primed._shipped = {}
    calls: list[int] = []
    real = primed._embedder.embed_array  # type: ignore[union-attr]

    def counted(texts: list[str]) -> object:
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(primed._embedder, "embed_array", counted)
    primed.prime(QUESTIONS)
    assert _hits(primed) == expected
    assert calls == [len(QUESTIONS)]  # one batch; the searches reused its vectors


def test_a_query_that_was_not_primed_is_still_embedded(tmp_path: Path) -> None:
    index = StoryIndex.open(STORIES, index_dir=tmp_path, embedder="minilm")
    index.prime(QUESTIONS[:1])
    assert index.search("Tell me about a time you cut cloud costs.", k=1)[0].story.id == "costs"
