"""What the "no prepared story fits" decision rests on: fit evidence (hub-corrected similarity plus a share of the
story's BM25 score), and stubs (a heading left for a story not yet written) that are never offered as a story."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.index import StoryIndex, is_retrievable
from knowledge.index_dense import LEXICAL_EVIDENCE, fit_evidence, fit_threshold
from knowledge.index_views import told_words
from knowledge.models import Story


def _story(sid: str, title: str, text: str, unfinished: bool = False) -> Story:
    return Story(id=sid, title=title, text=text, source="notes.md", unfinished=unfinished, format="prose")


GREENHOUSE = _story(
    "greenhouse",
    "Irrigation controller recall",
    "I led the recall of 4,000 irrigation controllers after a valve firmware bug flooded greenhouses. I set up a "
    "hotline, shipped patched units within ten days and we kept every one of our three largest growers.",
)
BAKERY = _story(
    "bakery",
    "Oven scheduling at the bakery chain",
    "I rebuilt the oven schedule for 40 bakeries so the morning bake finished before opening. Waste fell by a "
    "fifth and I trained each store manager to adjust the plan themselves.",
)
STUB = _story("stub", "Customer delight — [?]", "[FILL: find a story] maybe the florist thing? TODO", unfinished=True)
UNFINISHED = _story(
    "unfinished",
    "Warehouse heat wave",
    "During a heat wave our warehouse pickers slowed down and orders piled up. I moved the shifts to the early "
    "morning, rented cooling fans and paid a heat bonus. Late orders dropped back to normal within a week. [?] check "
    "the exact number of late orders.",
    unfinished=True,
)


def test_a_stub_is_kept_out_of_the_index_but_an_unfinished_story_is_not() -> None:
    assert told_words(STUB) < 10
    assert not is_retrievable(STUB)
    assert is_retrievable(UNFINISHED)
    index = StoryIndex.open([GREENHOUSE, BAKERY, STUB, UNFINISHED], embedder="bm25")
    assert [s.id for s in index.stories] == ["greenhouse", "bakery", "unfinished"]


def test_evidence_adds_a_share_of_the_lexical_score() -> None:
    assert fit_evidence(0.2, 0.0) == pytest.approx(0.2)
    assert fit_evidence(0.2, 5.0) == pytest.approx(0.2 + 5 * LEXICAL_EVIDENCE)
    assert fit_evidence(0.2, -1.0) == pytest.approx(0.2)  # a negative BM25 (very common words) is no evidence


def test_hits_carry_their_evidence(tmp_path: Path) -> None:
    index = StoryIndex.open([GREENHOUSE, BAKERY, UNFINISHED], index_dir=tmp_path, embedder="minilm")
    named = index.search("Tell me about a product recall of irrigation controllers.", k=3)
    assert named[0].story.id == "greenhouse"
    top = named[0]
    assert top.similarity is not None and top.evidence is not None
    assert top.evidence > top.similarity  # it shares the question's rare words
    assert top.fits
    unrelated = index.search("What is your view on quantum error correction codes?", k=3)
    assert all(h.evidence is not None and not h.fits for h in unrelated)
    # No word in common: the evidence is the similarity alone.
    assert all(h.evidence == h.similarity for h in unrelated if h.bm25_rank is None)


def test_the_fit_threshold_rises_with_the_bank_size() -> None:
    small, medium, large = (fit_threshold("minilm", n) for n in (3, 40, 400))
    assert small is not None and medium is not None and large is not None
    assert small < medium < large
    assert large - medium < medium - small  # it levels off: a big bank is not held to an ever higher bar
    assert fit_threshold("minilm", 100) == large  # beyond the measured range: the biggest calibrated bank's value
    assert fit_threshold("hashing", 40) is None
    assert fit_threshold("minilm", 1) == small  # below the measured range: the smallest calibrated bank's value


def test_a_small_bank_still_finds_its_story(tmp_path: Path) -> None:
    """Three stories: a paraphrase that shares almost no words with its story still fits."""
    index = StoryIndex.open([GREENHOUSE, BAKERY, UNFINISHED], index_dir=tmp_path, embedder="minilm")
    best = index.best_fit("Describe handling a defective product that had already reached customers.")
    assert best is not None and best.story.id == "greenhouse"
