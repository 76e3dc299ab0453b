"""A plain-text grid (a tracker of which stories are ready, columns set apart by runs of spaces, its header row
opening with a `#` column) above the stories it tracks, written to disk and read by the real ingester: the grid's
rows are a status list, never a story, and the stories under it are still found.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.ingest.terse_notes import terse_story

GRID = [
    " #   case                          state      good for",
    " 1   the flaky deploy train        READY      incident, ownership",
    " 2   two leads, one roadmap        READY      conflict",
    " 3   the intern who shipped        DRAFT      mentoring",
    " 4   vendor cut-over               PARKED     (too thin - 2 weeks of work)",
    " -   a failure story               NONE       nothing yet",
]

NOTES = "\n".join([
    "PREP BOOK - platform lead loops",
    "",
    "=" * 70,
    "TRACKER - WHICH CASES ARE READY",
    "=" * 70,
    *GRID,
    "",
    "=" * 70,
    "THE FLAKY DEPLOY TRAIN",
    "=" * 70,
    "In 2023 our weekly deploy train failed one week in three, and each failure cost the product teams a day.",
    "I took ownership of it although no team had it on their list. I sorted the last 20 failures by cause and",
    "found that 14 came from two shared test fixtures, so I rewrote both fixtures with one engineer.",
    "The train then ran 11 weeks in a row without a failure, and I handed it to the platform team with a runbook.",
    "",
])


def test_a_grid_of_rows_is_no_terse_story() -> None:
    assert not terse_story(GRID[1:], "case state good for")


def test_a_tracker_grid_is_not_stored_as_a_story(tmp_path: Path) -> None:
    path = tmp_path / "prep book.txt"
    path.write_text(NOTES, encoding="utf-8")
    stories = [s for s in ingest_paths([path]).stories if s.kind == "story"]
    assert not any("READY" in s.text or "PARKED" in s.text for s in stories), [s.title for s in stories]
    assert any("14 came from two shared test fixtures" in s.text for s in stories), [s.title for s in stories]
