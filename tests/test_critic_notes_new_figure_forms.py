"""Drift over figure forms the notes check did not compare: money said per the same period in other words
("$800k a year" / "1.5 million dollars a year"), a range ("2-3 weeks" / "5-6 weeks"), cents for a dollar figure and a
change stated after "doubled". The changed retellings get a contradiction naming both figures; the faithful ones get
none and no line saying a figure was left out. Notes and answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.models import Story

QUESTION = "Tell me about a time you cut freight costs across your warehouses."
NOTES = Story(
    id="s-freight", title="Freight consolidation", source="notes.md", competencies=["execution"],
    text=("Situation: every warehouse booked its own freight and loads left half empty. Action: I built a shared "
          "booking board and a planning horizon of 2-3 weeks for the four warehouses. Result: weekly shipments "
          "doubled, from 6 to 12 full loads, ~$800k a year of freight recovered, and label printing cost went from "
          "$0.09 to $0.04 per parcel."),
)  # fmt: skip
FAITHFUL = (
    "Every warehouse booked its own freight and trucks left half empty. I built one booking board for the four "
    "warehouses with a planning horizon of two to three weeks. Full loads a week doubled, from 6 to 12, which "
    "brought back roughly $800k a year, and printing a label went from 9 cents to 4 cents per parcel."
)


def _notes(answer: str) -> list[tuple[str, str, str]]:
    c = critique_answer(QUESTION, "behavioral", answer, [NOTES], "execution")
    return [(n.kind, n.notes_value, n.said_value) for n in c.story_notes if n.kind != "better_story"]


def test_the_faithful_retelling_gets_no_note() -> None:
    assert _notes(FAITHFUL) == []


def test_money_per_year_in_other_words_is_compared() -> None:
    told = FAITHFUL.replace("roughly $800k a year", "about 1.5 million dollars a year")
    assert ("contradiction", "$800k a year", "1.5 million dollars") in _notes(told)


def test_a_range_moved_is_a_contradiction() -> None:
    told = FAITHFUL.replace("two to three weeks", "5-6 weeks")
    assert ("contradiction", "2-3 weeks", "5-6 weeks") in _notes(told)


def test_a_change_after_doubled_is_compared() -> None:
    told = FAITHFUL.replace("Full loads a week doubled, from 6 to 12", "Full loads went from 6 a week to 15")
    assert any(k == "contradiction" and n.startswith("from 6 to 12") and "15" in s for k, n, s in _notes(told))


def test_a_value_inside_the_range_restates_it() -> None:
    told = FAITHFUL.replace("two to three weeks", "three weeks")
    assert [n for n in _notes(told) if n[0] == "contradiction"] == []
