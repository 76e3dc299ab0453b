"""A story written twice in one file is one story (sweep 39 N14: `cat a.md a.md` gave each story twice, and the
session indexed every copy). Only a copy with the same title and text is dropped: two stories under one title stay."""

from __future__ import annotations

from knowledge.ingest.api import ingest_text

NOTES = """# Prep notes

## Warehouse move
**Situation:** Our two warehouses ran separate stock systems and orders shipped late every Monday.
**Task:** I had to merge them before the holiday peak.
**Action:** I mapped both catalogues, ran the cutover over one weekend and kept the old system read-only for a week.
**Result:** Late Monday orders fell from 18% to 3% within a month.

## Rota rebuild
**Situation:** The support rota left nights to the same four people and two of them resigned.
**Task:** I owned a fairer rota without hiring.
**Action:** I moved to follow-the-sun handovers with the Lisbon office and paid nights as overtime.
**Result:** Night pages per person fell by half and nobody else left that year.
"""


def _titles(text: str) -> list[str]:
    return [story.title for story in ingest_text(text, "notes.md").stories]


def test_a_file_joined_to_itself_gives_each_story_once() -> None:
    once = _titles(NOTES)
    assert len(once) == 2, once
    assert _titles(NOTES + "\n" + NOTES) == once


def test_only_a_copy_with_the_same_title_and_text_is_dropped() -> None:
    other = NOTES.replace("Late Monday orders fell from 18% to 3%", "Late orders fell from 20% to 5%")
    assert len(_titles(NOTES + "\n" + other)) == 3
