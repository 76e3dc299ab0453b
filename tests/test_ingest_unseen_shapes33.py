"""Layouts no reader was written for, read by rules about what a story looks like rather than by the tool that
wrote the file: entries split by a run of `=` under whole paragraphs, paragraphs opening with a run-in name, a
commit log whose messages are indented, a template filled in with run-in fields of any wording, a two-column table
per story, question cards under a sub-heading every entry repeats, and boxed notes with Obsidian block ids.

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from tests.ingested import kinds_and_titles, story_titles

KILN = (
    "we had three kilns and the firing log lived on a whiteboard that got wiped every Friday. I photographed it for a "
    "month, typed the times into a sheet, and found the middle kiln ran forty minutes long on every second load. I "
    "moved the long loads to the night slot and asked the supplier to recalibrate the thermocouple. Breakages went "
    "from nine a week to two and we stopped paying for overtime on Saturdays."
)
VAN = (
    "the delivery van broke down twice in one week in December, our busiest month. I rang the three other shops on "
    "our street, borrowed a van from the florist for the mornings, and drove the afternoon runs myself. We lost no "
    "orders and I set up a shared van rota with the florist that we still use."
)


def test_paragraphs_named_in_their_first_words_between_separator_runs(tmp_path: Path) -> None:
    # A reader's export: each entry ends with a run of "=", short quotes between the notes; the notes open with a
    # bracketed tag and a name set off by " -- ". The quotes are no headings and no stories.
    path = tmp_path / "reading notes.txt"
    path.write_text(
        "Pots and People (Marl, Ada)\n- highlight | page 3 | Monday\n\nA workshop is a set of habits.\n==========\n"
        f"Pots and People (Marl, Ada)\n- note | page 3 | Monday\n\n[story] The long kiln -- {KILN}\n==========\n"
        "Small Shops (Fenn, Ivo)\n- highlight | page 40 | Friday\n\nNeighbours are logistics.\n==========\n"
        f"Small Shops (Fenn, Ivo)\n- note | page 41 | Friday\n\n[story] Borrowed van -- {VAN}\n==========\n",
        encoding="utf-8",
    )
    assert story_titles(path) == ["The long kiln", "Borrowed van"]


def test_one_dashed_paragraph_is_a_sentence_not_a_name(tmp_path: Path) -> None:
    # Alone in its section, "Potter at a small studio — ..." is how a pitch opens, not a story's name.
    path = tmp_path / "about.md"
    path.write_text(
        "# About me\n\nPotter at a small studio — I took over the kilns in 2021 and moved the firing log into a "
        "sheet. I found the slow kiln, moved its loads to the night slot and cut breakages from nine a week to two. "
        "I like the part where numbers change what people do on the floor.\n",
        encoding="utf-8",
    )
    assert all(title != "Potter at a small studio" for _, title in kinds_and_titles(path))


def test_a_long_question_underlined_by_dashes_stays_a_heading(tmp_path: Path) -> None:
    question = (
        "Question 1 of 2. Tell us about a time you had to change how a small team worked when the old way was "
        "comfortable for everyone, what you did first, and what you would do differently next time. (250 words)"
    )
    path = tmp_path / "form.txt"
    path.write_text(f"FORM\n\n{question}\n----\nIn 2022 {KILN}\n", encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert [s.line for s in stories if s.kind == "story"] == [3]


def test_commit_messages_indented_under_their_headers_are_read_and_named_by_their_subject(tmp_path: Path) -> None:
    body_a = "\n".join(f"    {x}" for x in ["bank: add \"the long kiln\"", "", *_wrap(f"In spring {KILN}")])
    body_b = "\n".join(f"    {x}" for x in ["bank: add \"borrowed van\"", "", *_wrap(f"Last winter {VAN}")])
    path = tmp_path / "log.txt"
    path.write_text(
        "commit 4be1f07a9c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f\nAuthor: Ann Pot <ann@example.org>\n"
        f"Date:   Mon Mar 2 10:11:12 2026 +0000\n\n{body_a}\n\n"
        "commit 9c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f4be1f07a\nAuthor: Ann Pot <ann@example.org>\n"
        f"Date:   Sun Mar 1 09:08:07 2026 +0000\n\n{body_b}\n",
        encoding="utf-8",
    )
    assert story_titles(path) == ['add "the long kiln"', 'add "borrowed van"']


def test_a_template_with_run_in_fields_of_any_wording_holds_a_story(tmp_path: Path) -> None:
    # The fields are a course's reflection stages, none of them a STAR label.
    path = tmp_path / "reflections.md"
    path.write_text(
        "# Reflections\n\n## Reflection 1 - The slow kiln\n\n"
        "**What happened.** The middle kiln ran long. I logged every firing for a month and moved the long loads to "
        "the night slot.\n\n**How I felt.** Annoyed that nobody had looked before.\n\n"
        "**What it meant.** Breakages fell from nine a week to two after I asked for a recalibration.\n\n"
        "**Next time.** Look at the log first.\n",
        encoding="utf-8",
    )
    assert story_titles(path) == ["Reflection 1 - The slow kiln"]


def test_one_two_column_table_per_story_is_named_by_its_first_row(tmp_path: Path) -> None:
    rows = [
        ("The long kiln", "I logged every firing for a month.", "I moved the long loads to the night slot.",
         "Breakages fell from nine a week to two."),
        ("Borrowed van", "Our van broke down twice in December.", "I borrowed the florist's van and drove myself.",
         "We lost no orders that week."),
    ]
    tables = "\n\n".join(
        f"| **Name** | {name} |\n|---|---|\n| **Situation** | {s} |\n| **Action** | {a} |\n| **Result** | {r} |"
        for name, s, a, r in rows
    )
    path = tmp_path / "cards.md"
    path.write_text(f"# Studio stories\n\n## My stories\n\nOne table each.\n\n{tables}\n", encoding="utf-8")
    assert story_titles(path) == ["The long kiln", "Borrowed van"]


def test_question_cards_under_a_repeated_sub_heading_tell_the_entry_above_them(tmp_path: Path) -> None:
    def entry(name: str, hard: str, did: str, result: str) -> str:
        return (
            f"## LAUNCH NOTE: {name}\n\nA short announcement nobody reads.\n\n### Team FAQ\n\n"
            f"**Q: What was hard?**\n{hard}\n\n**Q: What did you do?**\n{did}\n\n**Q: Did it work?**\n{result}\n"
        )

    path = tmp_path / "launch notes.md"
    path.write_text(
        "I write one of these after every launch; the FAQ part is what happened.\n\n"
        + entry("Night firing", "The middle kiln ran long and broke pots.", f"In spring {KILN}", "Yes, for a year.")
        + "\n"
        + entry("Shared van", "Our van broke down twice in December.", f"Last winter {VAN}", "We lost no orders."),
        encoding="utf-8",
    )
    titles = story_titles(path)
    assert titles == ["LAUNCH NOTE: Night firing", "LAUNCH NOTE: Shared van"], titles


def test_boxed_notes_with_block_ids_are_stories_named_by_their_first_line(tmp_path: Path) -> None:
    path = tmp_path / "board.md"
    path.write_text(
        "# Text Elements\n\n"
        f"the long kiln\nIn spring {KILN} ^e5f6a7b8\n\n"
        f"borrowed van\nLast winter {VAN} ^c9d0e1f2\n",
        encoding="utf-8",
    )
    stories = ingest_paths([path]).stories
    assert [s.title for s in stories if s.kind == "story"] == ["the long kiln", "borrowed van"]
    assert not any("^" in s.text for s in stories)


def _wrap(text: str, width: int = 72) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*out, line]
