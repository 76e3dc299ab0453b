"""A figure that contradicts the candidate's notes is chased first only once the answer is on the question: a story
told to another question is chased on relevance, its contradicted figure stays a story note. Driven through the CLI
(a scripted offline session over a real notes folder); stories and answers in our own words."""

from __future__ import annotations

from pathlib import Path

from tests.scripted_critique import main_critique

QUEUE_STORY = """## Story 1: Support queue rebuild

**Situation:** Our support desk of twelve agents took tickets in arrival order, and urgent billing cases sat for days.
**Task:** I was asked to fix how the queue was triaged.
**Action:** I sorted tickets by account tier and topic, and set up a rota so two agents always held billing.
**Result:** Median wait for billing cases fell from 30 hours to 6 within one quarter.
"""
# The queue story retold with its result figure changed (the notes say 6 hours).
QUEUE_ANSWER = ("I took over our support desk of twelve agents, where urgent billing cases waited days. I sorted "
                "tickets by account tier and topic and set up a rota so two agents always held billing. Median wait "
                "for billing cases fell from 30 hours to 2 within one quarter.")  # fmt: skip
PEER_STORY = """## Story 1: Launch date dispute with product

**Situation:** The product director wanted our new pricing engine live for the spring campaign.
**Task:** My team ran the engine and I thought it was not safe to launch yet.
**Action:** I proposed one shared measure, refund requests, and a launch to a tenth of accounts first.
**Result:** Refund requests fell from 3% to 1% and the full launch went out two weeks later.
"""
PEER_ANSWER = ("The product director wanted our new pricing engine live for the spring campaign, and I thought it was "
               "not safe yet. I proposed we agree on one measure, refund requests, and launch to a tenth of accounts "
               "first. She agreed; refund requests fell from 3% to 0.5% and the full launch went out two "
               "weeks later.")  # fmt: skip
ASKED = "serious disagreement with a peer director"


def _notes(tmp_path: Path, story: str) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "stories.md").write_text(story, encoding="utf-8")
    return folder


def test_a_story_told_to_another_question_is_chased_on_relevance_first(isolated_data_dir: Path, tmp_path: Path) -> None:
    c = main_critique(tmp_path, "director", 1, QUEUE_ANSWER, ASKED, docs=_notes(tmp_path, QUEUE_STORY))
    assert c["relevance"] == "off_topic", c["relevance_note"]
    assert c["weak_or_missing"][0] == "relevance", c["weak_or_missing"]
    assert "quantified_result" in c["weak_or_missing"]
    assert "question was" in c["gap"], c["gap"]  # the relevance note, not the figure
    assert [n["kind"] for n in c["story_notes"]].count("contradiction") == 1, c["story_notes"]
    assert c["score"] <= 2


def test_an_on_topic_story_with_a_changed_figure_is_chased_on_the_figure(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    c = main_critique(tmp_path, "director", 1, PEER_ANSWER, ASKED, docs=_notes(tmp_path, PEER_STORY))
    assert c["relevance"] == "on_topic", c["relevance_note"]
    assert c["weak_or_missing"][0] == "quantified_result", c["weak_or_missing"]
    assert "notes say" in c["gap"], c["gap"]
