"""A prepared answer (an opinion, a plan, an explanation: not a past situation) fits the question it was prepared
for, not every question its text touches: asked for a story about something else, the index does not offer it."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.index import StoryIndex, open_story_index
from knowledge.models import Story

# Written for this test: a flashcard about whom to hire first, whose answer talks about infrastructure.
CARD = Story(
    id="card",
    title="Your plan says four new engineers next year. Which one do you hire first?",
    kind="answer",
    format="qa",
    questions=["Your plan says four new engineers next year. Which one do you hire first?"],
    source="cards.md",
    text="A senior platform engineer before any researcher. The models are a commodity; what keeps us ahead is the "
    "platform around them: evaluation, guardrails, the data contracts and the deployment path. I want someone who "
    "has run that kind of infrastructure at scale to set its technical direction from day one.",
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> StoryIndex:
    bank = [*open_story_index(embedder="bm25").stories, CARD]
    return StoryIndex.open(bank, index_dir=tmp_path_factory.mktemp("index"), embedder="minilm")


def _card(index: StoryIndex, question: str) -> bool | None:
    """Whether the card fits `question` (None when it is not among the top 20)."""
    return next((hit.fits for hit in index.search(question, k=20) if hit.story.id == "card"), None)


def test_the_card_fits_its_own_question(index: StoryIndex) -> None:
    assert _card(index, "Which engineer would you hire first for a new team?") is True


def test_asked_for_a_story_the_card_is_never_the_one_that_fits(index: StoryIndex) -> None:
    question = "Tell me about setting the technical direction for an area where engineers disagreed."
    assert _card(index, question) is not True
    best = index.best_fit(question)
    assert best is None or best.story.id != "card"


def test_stories_are_not_held_to_the_rule(index: StoryIndex, tmp_path: Path) -> None:
    assert index.best_fit("Tell me about a time you cut cloud costs.") is not None
