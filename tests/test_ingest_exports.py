"""Export and deck shapes (issue 10): `???`-separated flashcard decks, Google Docs run-in labels and heading
anchors, and journal entries mostly about other people. Whole-document hand counts live in
tests/fixtures/classes (separator-deck.txt, gdocs-export.md, dated-journal.md); these pin the single rules."""

from __future__ import annotations

from knowledge.ingest import ingest_text
from knowledge.ingest.blocks import clean_heading
from knowledge.ingest.decks import unsplit
from knowledge.ingest.labels import parse_label

DECK = """Q: the pager storm [incident]
???
I was on call when a bad config change paged forty people at 3am. I rolled it back within ten minutes and
wrote to every team that had been woken. We added a review step for alert changes and nobody was paged by one since.
---
what is a write-ahead log? [tech]
??
A log written before the data pages, so a crash can be replayed.
---
"""


def test_a_deck_becomes_cards_with_the_same_line_count() -> None:
    lines = DECK.split("\n")
    out = unsplit(lines)
    assert len(out) == len(lines)
    assert out[0] == "Q: the pager storm [incident]"  # a cue keeps its tag: it says what the card is
    assert out[5] == "Q: what is a write-ahead log?"  # a question loses it
    assert out[1] == "" and out[6] == "" and out[4] == "***" and out[8] == "***"


def test_cue_fronts_title_stories_and_only_questions_go_to_the_bank() -> None:
    result = ingest_text(DECK, "deck.txt")
    titles = {s.title: s for s in result.stories}
    assert titles["the pager storm [incident]"].kind == "story"
    assert titles["the pager storm [incident]"].question is None
    assert [q.text for q in result.questions] == ["what is a write-ahead log?"]


def test_one_stray_question_mark_line_is_not_a_deck() -> None:
    lines = ["## The outage", "We lost the queue.", "???", "Result: fixed", "---"]
    assert unsplit(lines) == lines


def test_question_mark_placeholders_under_star_labels_are_not_cards() -> None:
    lines = ["## The outage", "", "**Task:**", "???", "", "**Result:**", "???", ""]
    assert unsplit(lines) == lines
    story = ingest_text("\n".join([*lines[:2], "**Situation:** The queue filled up at noon.", "", *lines[2:]]), "s.md")
    assert [s.title for s in story.stories] == ["The outage"] and story.stories[0].unfinished


def test_question_mark_lines_inside_code_are_not_cards() -> None:
    lines = ["```", "a", "???", "b", "???", "```"]
    assert unsplit(lines) == lines


def test_run_in_bold_labels_closed_by_a_period() -> None:
    context = parse_label("**Context.** A Tuesday in March.")
    did = parse_label("**What I did.** I paged the owner.")
    assert context is not None and context.canon == "situation" and context.rest == "A Tuesday in March."
    assert did is not None and did.canon == "action"
    assert parse_label("**Honestly.** It was my fault.") is None  # an emphasised word is not a label


def test_heading_anchor_attributes_are_not_part_of_the_title() -> None:
    assert clean_heading("**3.1 Podcast outage** {#3.1-podcast-outage}") == "3.1 Podcast outage"
    assert clean_heading("Why {curly} braces") == "Why {curly} braces"


def test_a_journal_entry_mostly_about_someone_else_is_a_story() -> None:
    doc = """### 2024-05-02 (Thu)

Marta joined from support and struggled with code reviews for her first months. Her pull requests waited for days
because she was afraid to ask. Her mentor had moved teams and nobody replaced him. I noticed it in a skip-level
when she asked whether she was doing badly. We set up pairing twice a week and I asked her to present one design
each month. Her second design changed how our retries worked. A year later she was the reviewer others asked for.
"""
    stories = ingest_text(doc, "journal.md").stories
    assert [s.title for s in stories] == ["2024-05-02 (Thu)"] and stories[0].kind == "story"
