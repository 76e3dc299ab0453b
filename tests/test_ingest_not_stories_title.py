"""Sections the author says hold no interview story, read from files on disk by the real ingester: a title saying
so ("... - not interview stories") holds even when the text under it tells a case in the first person, and a
question heading over a note that there is no story for it yet is no prepared answer; the story beside each is
still stored. Written in our own words."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

NOTES = """\
# Prep notes

## The stuck release train
In 2024 I found that our weekly release had slipped four weeks running because one flaky test suite blocked it.
I quarantined the 30 flakiest tests, gave each an owner and a fix date, and I ran the train myself for a month.
The release went out on time for the next 12 weeks and the quarantine list was empty by June.

## Harvest weekends (family farm, 2012) - not interview stories
In 2012 I drove the grain trailer for my uncle every weekend of the harvest. I fixed the auger twice with
fencing wire and I learned to back a trailer into a barn in the dark. We brought in 400 tonnes that year.
"""


def test_a_section_titled_not_interview_stories_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "prep.md"
    path.write_text(NOTES, encoding="utf-8")
    result = ingest_paths([path])
    titles = [s.title for s in result.stories if s.kind == "story"]
    assert not any("Harvest" in t for t in titles), titles
    assert any("release train" in t for t in titles), titles


CARDS = """\
# Cards by theme

## The stuck release train
In 2024 I found that our weekly release had slipped four weeks running because one flaky test suite blocked it.
I quarantined the 30 flakiest tests, gave each an owner and a fix date, and I ran the train myself for a month.
The release went out on time for the next 12 weeks and the quarantine list was empty by June.

## the empty card — data retention?

Owner: · Team: · Year:

**Opening** — they may ask how we delete customer data on request. I don't have a story for this yet.
"""


def test_a_question_over_a_note_that_no_story_exists_yet_is_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "cards.md"
    path.write_text(CARDS, encoding="utf-8")
    result = ingest_paths([path])
    kept = [s.title for s in result.stories]
    assert not any("retention" in t for t in kept), kept
    assert any("release train" in t for t in kept), kept

