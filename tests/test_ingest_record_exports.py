"""Work stories kept in the records of other trades' forms and apps' exports, written to disk and read by the real
ingester (stop 41's dev sets 43/44 showed the three shapes; the documents here are new ones in the same shapes).

- A lab's sample sheets: each record's header (its banner and a line of facts) boxed between two rules, its text
  right under the closing rule. Read as Markdown, that rule underlined the line of facts as a heading and the
  banner joined the record above, so two records read as one or a story was named by its facts.
- A form's responses saved as CSV: the title column is "Entry title", not "title", and one row's answer names
  another row's title.
- A music library's tag export: each record's `Comment:` wraps onto lines indented to the value's column (an
  indented code block to Markdown), the record is named by its `Title:` field, and a `#` note above every record
  made the whole export one section.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from knowledge.ingest import ingest_paths

RULE = "-" * 80

LAB_SHEETS = "\n".join(
    [
        "QA LAB - sample sheets reused for interview stories (old habit from the dairy lab)",
        "",
        RULE,
        "ANALYST PROFILE   (= tell me about yourself)",
        RULE,
        "Data engineer for six years, the last three leading the platform team at a grocery delivery firm. Before",
        "that I tested milk for a living, which is where the sample sheets come from.",
        "",
        RULE,
        'SAMPLE No. 31 | Batch: K-118 "the fridge that lied" | Matrix: sensor data',
        "Weight: 2 weeks   Received: 03/24   Analyst: RP",
        RULE,
        "OBSERVED: the cold-chain alerts for our grocery vans stopped firing for nine days and nobody noticed.",
        "FINDING: I traced it to a firmware update that changed the sensors' unit from Celsius to tenths of a degree,",
        "so every reading looked normal to our thresholds while two vans ran warm.",
        "METHOD: I wrote a unit check into the ingestion job, replayed the nine days, and paged the fleet team myself",
        "before breakfast. We binned one load of dairy and I added a contract test with the sensor vendor.",
        "OUTCOME: no silent unit change since; the vendor now sends us release notes a week ahead.",
        "",
        RULE,
        'SAMPLE No. 32 | Batch: K-121 "two labs, one bench" | Matrix: team',
        "Weight: 6 weeks   Received: 09/24   Analyst: RP",
        RULE,
        "OBSERVED: two senior analysts on my team disagreed about replacing our hand-built forecasting notebooks.",
        "FINDING: I learned the real quarrel was about who got credit for the last model, not the notebooks.",
        "METHOD: I met each of them alone, then asked them to write the options down together with the criteria",
        "agreed before the options. I chaired it as a note-taker and we picked a staged move both of them had shaped.",
        "OUTCOME: reviews that waited four days now wait one, and both names are on the design.",
        "",
        RULE,
        "SAMPLE No. 33 | Batch: ??? | Matrix:",
        "Weight:   Received:   Analyst:",
        RULE,
        "OBSERVED:",
        "",
        "=" * 80,
        "OLD SHEETS FROM THE DAIRY (kept for the format, not stories)",
        "=" * 80,
        "SAMPLE No. 7 | Batch: milk 0412 | Matrix: raw milk",
        "Fat 4.1%, protein 3.3%, cell count in range. Passed.",
        "",
    ]
)


def _form_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Timestamp", "Entry title", "Good for which questions?", "Context", "My part", "How it ended"])
    writer.writerow(
        [
            "02/05/2025 20:10",
            "WHO I AM (short)",
            "tell me about yourself",
            "I build search for a marketplace of used bikes. My best work so far is the parts matcher\n"
            "and the seller photo checker.",
            "I like the moment real users break a model.",
            "",
        ]
    )
    writer.writerow(
        [
            "03/05/2025 07:45",
            "the parts matcher",
            "hardest thing shipped",
            "Sellers typed part names fifty different ways, so buyers never found the right chain or\n"
            "cassette and listings sat unsold for weeks.",
            "I built a matcher that mapped free text to a parts catalogue, labelled 600 listings with two\n"
            "mechanics, and shipped it behind a flag to one region first.",
            "Matched listings sold in 9 days instead of 23, and support tickets about wrong parts halved.",
        ]
    )
    writer.writerow(
        [
            "05/05/2025 22:02",
            "the seller photo checker",
            "a model that went wrong",
            "We launched a check that rejected blurry photos, and the next week honest sellers\n"
            "complained that their listings were refused.",
            "I pulled every rejected photo from the week, found that dark garages fooled the blur score,\n"
            "and retrained it with 400 dim photos we had labelled by hand.",
            "Wrong rejections fell from 11% to 2% and we now show sellers why a photo was refused.",
        ]
    )
    writer.writerow(["", "", "", "", "", ""])
    return out.getvalue()


TAG_EXPORT = "\n".join(
    [
        "Library tag export - MusicBox 4.2 (plain text)",
        "Playlist:  interview tracks",
        "Fields:    Track, Title, Artist, Album, Comment",
        "",
        "# note: the comment of each track holds a work story, the title is the song I had on that week.",
        "",
        "=" * 70,
        "Track:     04",
        "Title:     Harbour lights (live)",
        "Artist:    The Lanterns",
        "Comment:   Our nightly billing export to the accounting system started dropping refunds without",
        "           any error. I found that a schema change upstream had renamed the refund flag, so the",
        "           join quietly matched nothing. I rebuilt the export with a row-count check that blocks",
        "           publishing, replayed three weeks of refunds with finance, and wrote the runbook step.",
        "           Refunds have matched to the cent every night since, and two later renames were caught.",
        "Album:     Live at the Pier",
        "",
        "=" * 70,
        "Track:     07",
        "Title:     Slow river",
        "Artist:    Fenwick",
        "Comment:   Support wanted our ticket classifier to also answer customers directly. I explained with",
        "           fifty real tickets where the classifier was right about the topic but a direct answer",
        "           would have been wrong, and we agreed on suggested replies an agent approves instead.",
        "           I ran the pilot with six agents for a month and read every rejected suggestion with them.",
        "           Agents accepted 64% of suggestions in the first month and handle time fell by a fifth.",
        "Album:     Estuary",
        "",
    ]
)


def _stories(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = ingest_paths([path])
    return [s for s in result.stories if s.kind != "reference"]


def test_records_with_boxed_headers_are_stories_of_their_own(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "sample sheets.txt", LAB_SHEETS)
    titles = [s.title for s in stories]
    fridge = [s for s in stories if "the fridge that lied" in s.title]
    bench = [s for s in stories if "two labs, one bench" in s.title]
    assert len(fridge) == 1 and len(bench) == 1, titles
    assert "two senior analysts" not in fridge[0].text  # the next record is not part of this one
    assert "unit check" in fridge[0].text and "staged move" in bench[0].text
    assert not any(t.startswith(("Weight", "2 weeks", "6 weeks")) for t in titles)  # facts name nothing


def test_a_title_alone_between_two_rules_stays_a_heading_beside_boxed_titles(tmp_path: Path) -> None:
    """The dairy sheets' `=` box makes every other rule a separator; the profile between two `-` rules must still
    head its own text, not join the document's opening note."""
    stories = _stories(tmp_path, "sample sheets.txt", LAB_SHEETS)
    profile = [s for s in stories if s.title.startswith("ANALYST PROFILE")]
    assert len(profile) == 1, [s.title for s in stories]
    assert "tested milk" in profile[0].text and "old habit" not in profile[0].text


def test_form_responses_csv_rows_are_named_by_their_title_column(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "Story log (Responses).csv", _form_csv())
    by_title = {s.title: s for s in stories}
    assert {"the parts matcher", "the seller photo checker"} <= set(by_title), list(by_title)
    assert "fifty different ways" in by_title["the parts matcher"].text
    assert "dark garages" in by_title["the seller photo checker"].text


def test_aligned_fields_wrapped_under_their_value_are_read_and_named_by_title(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "tags.txt", TAG_EXPORT)
    titles = [s.title for s in stories]
    assert "Harbour lights (live)" in titles and "Slow river" in titles, titles
    harbour = next(s for s in stories if s.title == "Harbour lights (live)")
    assert "row-count check" in harbour.text and "suggested replies" not in harbour.text
