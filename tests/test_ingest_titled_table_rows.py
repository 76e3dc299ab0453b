"""A story bank kept as a table, one story per row under a title column, whose other columns name one STAR part at
most ("| Story | Who for | Method | Figures | Outcome |"): each row that tells enough is a story titled by its title
cell, its other cells its text; a row of a few words is a label. Read through the real ingester from a real file;
every word here was written for this test."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

ROW = (
    "| Warehouse pick routes | floor leads at the Leeds site | rebuilt the pick-path solver, walked each lead through"
    " a week of routes side by side | walking per shift 11 km -> 7 km | all three shifts moved to the new routes"
    " within a month |"
)
TABLE = (
    "| Story | Who for | Method | Figures | Outcome |\n|---|---|---|---|---|\n"
    + ROW
    + ("\n| Vendor audit | procurement | checklist | 4 vendors | done |\n")
)


def test_each_row_that_tells_a_story_is_one(tmp_path: Path) -> None:
    path = tmp_path / "story table.md"
    path.write_text(TABLE, encoding="utf-8")
    stories = [s for s in ingest_paths([path]).stories if s.kind == "story"]
    assert [s.title for s in stories] == ["Warehouse pick routes"]
    assert "Figures: walking per shift 11 km -> 7 km" in stories[0].text
    assert stories[0].result.startswith("all three shifts moved")
