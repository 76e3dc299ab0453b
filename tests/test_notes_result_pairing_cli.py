"""A before -> after pair in the notes is compared role for role (sweep 43 F3): the notes say the bill started at
one level and fell to another; an answer giving its own end level is told it differs from the notes' end level,
never paired with the level the notes started from, and that end level is not "left out" (the answer gave it,
with another value). Driven through the real CLI (tests/notes_drift_cli.py)."""

from __future__ import annotations

from pathlib import Path

from tests.notes_drift_cli import contradictions, story_notes

NOTES = """## Story 1: Shrinking the warehouse bill
Situation: In 2022 the analytics warehouse cost us $5.0M a year and the bill kept climbing each quarter.
Task: I owned the data platform budget.
Action: I moved cold tables to object storage, set query quotas per team, and retired nine unused pipelines.
Result: Spend fell 36% to $3.2M a year, and dashboard refreshes went from 40 minutes to 12 minutes, within 5 months.
"""
ANSWER = ("I cut the analytics warehouse spend by 20% to $4.0M a year: I moved cold tables to object storage, set "
          "query quotas per team and retired unused pipelines; refreshes went from 40 minutes to 12 minutes within "
          "5 months.")  # fmt: skip


def test_the_answers_end_level_is_compared_with_the_notes_end_level(tmp_path: Path) -> None:
    (notes,) = story_notes(tmp_path, [ANSWER], NOTES)
    pairs = contradictions(notes)
    assert ("$3.2M a year", "$4.0M a year") in pairs, notes
    assert not any(noted == "$5.0M a year" for noted, _ in pairs), notes  # the starting level is another quantity
    assert not any(n["kind"] == "omitted_metric" and "$3.2M" in n["message"] for n in notes), notes
