"""Notes kept as paragraphs, each opening with the story's name in bold closed by a full stop ("**Name.** text"),
are a story per paragraph named by the bold words (wrapped or one line each; a paragraph on the file's first line
needs a second line to make room for its heading), read through the real ingester from real files. Under headings
such a bold opening stays a lead-in of its section, and a bold STAR label stays a label. Every word here was written
for this test."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

KIOSK = (
    "**Kiosk printers at the depots.** Our twelve depots printed shipping labels from kiosks that jammed every\n"
    "morning, and drivers waited up to forty minutes. I replaced the print queue with a small local spooler, had "
    "each kiosk report its paper level, and trained one person per depot to clear jams. Morning waits fell to under "
    "five minutes within a month.\n"
)
GRANTS = (
    "**Grant reports for the charity.** Quarterly grant reports took the finance team nine days to assemble by\n"
    "hand from three systems. I wrote one export that joined the donation, project and payroll data and a template "
    "the funders accepted, so the report took two days the next quarter and nobody worked the weekend for it.\n"
)


def _titles(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "my stories.md"
    path.write_text(text, encoding="utf-8")
    return [s.title for s in ingest_paths([path]).stories if s.kind == "story"]


def test_each_bold_named_paragraph_is_a_story_of_its_own(tmp_path: Path) -> None:
    assert _titles(tmp_path, f"{KIOSK}\n{GRANTS}") == ["Kiosk printers at the depots", "Grant reports for the charity"]


def test_a_single_bold_named_paragraph_on_the_first_line_is_named_by_it(tmp_path: Path) -> None:
    assert _titles(tmp_path, GRANTS) == ["Grant reports for the charity"]


def test_one_line_paragraphs_after_the_first_are_stories_too(tmp_path: Path) -> None:
    one_line = GRANTS.replace("\n", " ").strip() + "\n"
    assert _titles(tmp_path, f"{KIOSK}\n{one_line}")[-1] == "Grant reports for the charity"


def test_under_a_heading_the_bold_opening_is_a_lead_in(tmp_path: Path) -> None:
    titles = _titles(tmp_path, f"## Depot printers\n\n{KIOSK}")
    assert "Kiosk printers at the depots" not in titles


def test_a_bold_star_label_is_not_a_story_name(tmp_path: Path) -> None:
    text = KIOSK + "\n**Result.** " + "Waits stayed under five minutes for the rest of the year, " * 5 + "\n"
    assert "Result" not in _titles(tmp_path, text)
