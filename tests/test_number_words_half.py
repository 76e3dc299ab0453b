"""A spelled-out "nine and a half thousand" is 9,500, not "thousand" (1,000): the candidate's notes saying 9,400 are
then not contradicted by it."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.ingest import ingest_text
from knowledge.metrics import extract_metrics
from knowledge.number_words import word_value

NOTES = """## Warehouse scanner outage

- Our handheld scanners lost their sync service for a morning and about 4,400 parcels were booked twice.
- I rolled the sync service back, wrote the dedup script and ran the review.
- We have had zero double bookings since.
"""
ANSWER = (
    "Our handheld scanners lost their sync service for a morning, and roughly four and a half thousand parcels were "
    "booked twice. I rolled the sync service back myself, wrote the dedup script that night and ran the review the "
    "next week. We have had zero double bookings since."
)


def test_and_a_half_belongs_to_the_multiplier() -> None:
    assert word_value("nine and a half thousand") == 9500
    assert word_value("two and a half million") == 2_500_000
    assert [(m.text, m.value) for m in extract_metrics("about six and a half thousand orders")] == [
        ("six and a half thousand orders", 6500.0)
    ]


def test_a_spelled_out_figure_close_to_the_notes_is_not_a_contradiction() -> None:
    stories = ingest_text(NOTES, "prep.md").stories
    critique = critique_answer("Tell me about a production incident you handled.", "behavioral", ANSWER, stories)
    assert not [n for n in critique.story_notes if n.kind == "contradiction"], critique.story_notes
