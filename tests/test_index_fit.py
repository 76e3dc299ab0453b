"""Retrieval on a realistic bank with MiniLM: a pitch answers "tell me about yourself" without becoming a hub,
references are never returned, and the index says when no prepared story fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.retrieval import LABELS, load_labels, matches
from knowledge import index_dense
from knowledge.index import StoryIndex, open_story_index
from knowledge.index_dense import fit_threshold
from knowledge.index_views import undated
from knowledge.models import Story

# A pitch that names every story of the sample bank in a sentence: the classic hub.
PITCH = Story(
    id="pitch",
    title="My elevator pitch",
    kind="answer",
    format="prose",
    questions=["Tell me about yourself."],
    source="pitch.md",
    text="I lead data and ML platform teams. I ran the response to a feature store outage at peak, moved thousands "
    "of pipelines off a legacy Hadoop cluster, built an evaluation harness for a support copilot, cut GPU inference "
    "spend by 41 percent, grew a platform team from 9 to 31, settled a dispute between analytics and product, "
    "stopped schema drift in billing and coached a struggling lead. Next I want to own an AI platform end to end.",
)
LEGEND = Story(
    id="legend",
    title="Story Bank Structure",
    kind="reference",
    source="pitch.md",
    situation="Context and challenges: the outage, the migration, the team.",
    task="What you had to achieve.",
    action="The steps you took, in the first person.",
    result="The measurable outcome, with numbers.",
    text="S: context and challenges. T: your goal. A: the steps you took. R: the measurable outcome.",
)


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> list[Story]:
    return [*open_story_index(embedder="bm25").stories, PITCH, LEGEND]


def _open(bank: list[Story], folder: Path) -> StoryIndex:
    return StoryIndex.open(bank, index_dir=folder, embedder="minilm")


def test_references_are_never_indexed(bank: list[Story], tmp_path: Path) -> None:
    index = _open(bank, tmp_path)
    assert "legend" not in {s.id for s in index.stories}
    assert all(h.story.id != "legend" for h in index.search("What structure do you use for STAR stories?", k=20))


def test_pitch_is_not_a_hub(bank: list[Story], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    labels = [label for label in load_labels(LABELS) if label.relevant]

    def pitch_shown_and_recall(index: StoryIndex) -> tuple[int, int]:
        """(questions whose top 3 show the pitch, questions whose top 3 hold a relevant story)."""
        tops = [index.search(label.question, k=3, competency=label.competency) for label in labels]
        shown = sum(1 for hits in tops if any(h.story.id == "pitch" for h in hits))
        found = sum(
            1
            for hits, lb in zip(tops, labels, strict=True)
            if any(matches(h.story, w) for h in hits for w in lb.relevant)
        )
        return shown, found

    corrected_shown, corrected_found = pitch_shown_and_recall(_open(bank, tmp_path))
    monkeypatch.setattr(index_dense, "HUB_WEIGHT", 0.0)
    raw_shown, raw_found = pitch_shown_and_recall(_open(bank, tmp_path))
    # 38 questions about specific stories: the pitch names them all, yet never shows up for them (a question that
    # does not ask for the pitch ranks it last, whatever the hub correction does), and the correction costs nothing.
    assert corrected_shown == 0 and raw_shown == 0, (corrected_shown, raw_shown)
    assert corrected_found >= raw_found


def test_a_pitch_ranks_last_for_other_questions(bank: list[Story], tmp_path: Path) -> None:
    index = _open(bank, tmp_path)
    hits = index.search("Tell me about the feature store outage during the holiday peak.", k=len(index.stories))
    assert hits[-1].story.id == "pitch"
    assert index.search("Tell me about yourself.", k=1)[0].story.id == "pitch"


@pytest.mark.parametrize("question", ["Tell me about yourself.", "Walk me through your background and career so far."])
def test_pitch_answers_its_own_question(bank: list[Story], tmp_path: Path, question: str) -> None:
    best = _open(bank, tmp_path).best_fit(question)
    assert best is not None and best.story.id == "pitch"


@pytest.mark.parametrize(
    "question",
    [
        "Tell me about a research paper you published at an academic conference.",
        "How would you design the login screen of a mobile banking app for blind users?",
        "What is your favourite recipe for sourdough bread?",
    ],
)
def test_no_prepared_story_fits(bank: list[Story], tmp_path: Path, question: str) -> None:
    index = _open(bank, tmp_path)
    hits = index.search(question, k=3)
    assert hits and not any(h.fits for h in hits), [(h.story.title, h.similarity) for h in hits]
    assert index.best_fit(question) is None


def test_a_fitting_story_is_found(bank: list[Story], tmp_path: Path) -> None:
    index = _open(bank, tmp_path)
    best = index.best_fit("What was the worst production outage you have run the response for?")
    assert best is not None and "Outage" in best.story.title and best.evidence is not None
    assert best.evidence >= (fit_threshold("minilm", len(index.stories)) or 0.0)


def test_fit_is_calibrated_per_embedder(bank: list[Story], tmp_path: Path) -> None:
    hashing = StoryIndex.open(bank, index_dir=tmp_path, embedder="hashing")
    assert hashing.threshold is None  # uncalibrated embedders never claim "no story fits"
    assert all(h.fits and h.similarity is not None for h in hashing.search("outage at peak", k=3))
    lexical = StoryIndex.open(bank, embedder="bm25")
    assert [h.similarity for h in lexical.search("outage at peak", k=1)] == [None]


def test_a_pitch_known_only_by_its_title_answers_a_background_question(bank: list[Story], tmp_path: Path) -> None:
    """A "90-second version" with no question written above it: asked for the candidate's background, the index
    does not hold its hub correction against it and it fits (it is what that question asks for)."""
    titled = PITCH.model_copy(update={"id": "ninety", "title": "The 90-second version", "questions": []})
    index = _open([s for s in bank if s.id != "pitch"] + [titled], tmp_path)
    best = index.best_fit("Give me a quick overview of your background and what you are looking for next.")
    assert best is not None and best.story.id == "ninety"
    # Any other question still meets the corrected pitch: not a fit for a question on a topic it only names.
    hits = index.search("Tell me about putting quality gates around a generative AI product.", k=3)
    assert not any(h.fits for h in hits if h.story.id == "ninety")


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("2025-01-11 (Sat)", ""),
        ("2024-02-03 — reorg story (rewrite #3)", "reorg story (rewrite #3)"),
        ("3 March 2024: the outage", "the outage"),
        ("3 Decisions I regret", "3 Decisions I regret"),
        ("The 2024 plan", "The 2024 plan"),
    ],
)
def test_a_journal_date_stamp_is_not_what_a_story_is_about(title: str, head: str) -> None:
    assert undated(title) == head
