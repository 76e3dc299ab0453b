"""A duration the notes give as how long the work took is compared only with a duration the answer says the same way:
a lead time the change brought ("a release reached customers in about nine days") is another quantity, and a wrapped
"it took us / 5 months" is still how long the work took."""

from __future__ import annotations

from pathlib import Path

from agent.critic import critique_answer
from knowledge.ingest.api import ingest_paths

NOTES = """**Split the payments monolith (Orla Freight)**
- before: one deploy train for 6 squads
- after: 3 services each owned by 2 squads
- took 2 quarters end to end
- cost: duplicated retry logic, accepted it
"""
QUESTION = "Tell me about a large migration you led."


def _contradictions(tmp_path: Path, answer: str) -> list[str]:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    stories = list(ingest_paths([tmp_path / "notes.md"]).stories)
    critique = critique_answer(QUESTION, "behavioral", answer, stories=stories)
    return [n.message for n in critique.story_notes if n.kind == "contradiction"]


def test_a_lead_time_after_the_change_is_no_contradiction(tmp_path: Path) -> None:
    answer = (
        "At Orla Freight six squads shared one deploy train for the payments monolith. I split it into three "
        "services, each owned by two squads, and accepted some duplicated retry logic as the price. After the "
        "split, a payments release reached customers in about nine days instead of waiting for the train."
    )
    assert _contradictions(tmp_path, answer) == []


def test_a_wrapped_took_us_is_still_compared(tmp_path: Path) -> None:
    answer = (
        "At Orla Freight six squads shared one deploy train for the payments monolith. I split it into three\n"
        "services, each owned by two squads, and accepted some duplicated retry logic. It took us\n"
        "5 months end to end."
    )
    notes = _contradictions(tmp_path, answer)
    assert len(notes) == 1 and "2 quarters" in notes[0] and "5 months" in notes[0], notes
