"""A story kept as clipped notes whose lines end with a full stop, two or three notes to a line, no "I" or "we"
("nightly ETL ~5h, 3 late reports a week. Split by region, ran in parallel."), is a story under its title, as the
same notes without the stops are; a dated log of the same look is not. Read through the real ingester from real
files; every word here was written for this test."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

CLIPPED = """**Nightly ETL rescue (2024)**
nightly ETL ~5h, 3 late reports a week. Split the load by region, ran 4 regions in parallel.
Moved the slowest join to the warehouse, dropped 2 unused tables. Finance sign-off after 2 wks.
Result: runtime 5h -> 50 min, late reports 3/wk -> 0 for a quarter.
"""
LOG = """REVIEW NOTES
2024-03-04  R2 reopened, vendor slipped 2 weeks. Chase legal.
2024-02-05  R4 closed. Budget 10% under.
2024-01-08  R1 raised to high after the audit, 3 findings.
"""


def _titles(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "prep.md"
    path.write_text(text, encoding="utf-8")
    return [s.title for s in ingest_paths([path]).stories if s.kind == "story"]


def test_clipped_notes_ending_in_full_stops_are_a_story(tmp_path: Path) -> None:
    assert _titles(tmp_path, CLIPPED) == ["Nightly ETL rescue (2024)"]


def test_a_dated_log_is_not(tmp_path: Path) -> None:
    assert _titles(tmp_path, LOG) == []
