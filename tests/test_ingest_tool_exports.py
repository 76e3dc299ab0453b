"""Documents other tools write (issue 10): pandoc exports of Word files, mail folder exports, outliner pages and
GitHub-README story banks. Whole-document hand counts live in tests/fixtures/classes (word-pandoc-export.md,
mail-folder-export.txt, outliner-page.md, readme-story-bank.md); these pin the single rules."""

from __future__ import annotations

from pathlib import Path

from evals.retrieval import matches
from knowledge.ingest import ingest_text
from knowledge.ingest.mail import unmail
from knowledge.ingest.outline import unoutline
from knowledge.ingest.pandoc import unpandoc
from knowledge.ingest.readme import unreadme

PANDOC = """# Stories

## 1. [The outage]{.underline}

**Situation.** The queue filled up.

::: {custom-style="Story Heading"}
The vendor call
:::

Our vendor cut us off \\[add number\\] days early.[^1]

+-------------+----------------------------+
| **Result**  | We moved in two weeks and  |
|             | saved money.               |
+-------------+----------------------------+

[^1]: Check the date.
"""


def test_pandoc_divs_spans_grid_tables_and_footnotes_read_as_markdown() -> None:
    lines = PANDOC.split("\n")
    out = unpandoc(lines)
    assert len(out) == len(lines)
    assert out[2] == "## 1. The outage"
    assert out[6] == "" and out[7] == "## The vendor call" and out[8] == ""  # a styled title, a sibling heading
    assert out[10] == "Our vendor cut us off [add number] days early."
    assert out[13] == "**Result:** We moved in two weeks and saved money." and out[14] == "" and out[12] == ""
    assert out[17] == ""  # the footnote definition


def test_markdown_without_pandoc_marks_is_left_alone() -> None:
    lines = ["# Notes", "", "A [link](https://example.com) and \\[brackets\\].", "+ a plus bullet"]
    assert unpandoc(lines) == lines


MAIL = """export

==========
From: Ann <a@x.example>
To: Ann <a@x.example>
Date: Sat, 4 Jan 2025 09:00:00 +0000
Subject: story - the outage

I was on call when the queue filled up and I rolled the release back within ten minutes, then I wrote the
postmortem and we added a canary; nothing like it happened again in the following year.

--
Ann
sent from my phone

==========
From: Bo <b@x.example>
To: Ann <a@x.example>
Date: Sun, 5 Jan 2025 09:00:00 +0000
Subject: Re: story - the outage

> I rolled the release back within ten minutes

Lead with this. I would say how many users were hit, you told me it was 4,000 when we spoke.
"""


def test_mail_subjects_become_headings_and_headers_signatures_vanish() -> None:
    lines = MAIL.split("\n")
    out = unmail(lines)
    assert len(out) == len(lines)
    assert out[2] == "" and out[3] == "" and out[5] == "" and out[6] == "## story - the outage"
    assert out[11:14] == ["", "", ""]  # the signature
    assert out[19] == "## Re: story - the outage"


def test_a_reply_quoting_a_story_is_never_retrievable() -> None:
    result = ingest_text(MAIL, "mail.txt")
    assert [(s.title, s.kind) for s in result.stories] == [("the outage", "story")]
    assert all(s.kind == "reference" for s in result.references)


def test_outliner_blocks_become_headings_and_children_their_bullets() -> None:
    lines = [
        "title:: prep",
        "- ## stories",
        "\t- the outage #story",
        "\t  collapsed:: true",
        "\t\t- S: the queue filled up",
        "\t\t\t- on a Friday",
        "\t\t- R: fixed in an hour",
        "- plain note",
        "\t- its child",
        "\t- another child",
    ]
    out = unoutline(lines)
    assert out == [
        "",
        "## stories",
        "### the outage",
        "",
        "- S: the queue filled up",
        "  - on a Friday",
        "- R: fixed in an hour",
        "- plain note",
        "  - its child",
        "  - another child",
    ]


def test_readme_items_with_star_bullets_become_stories_and_comments_vanish() -> None:
    lines = [
        '<h1 align="center">stories</h1>',
        '<p align="center"><img src="https://img.shields.io/badge/x-y-blue"></p>',
        "<!-- a note",
        "over two lines -->",
        "## Things that broke",
        "1. **The outage** ![incident](https://img.shields.io/badge/-incident-red) <sub>2024</sub>",
        "   - **S:** the queue filled up.",
        "   - **R:** fixed in an hour. <!-- TODO: check -->",
        "2. **A plain list item** with words after the title",
    ]
    out = unreadme(lines)
    assert out[:5] == ["# stories", "", "", "", "## Things that broke"]
    assert out[5] == "### The outage"
    assert out[7] == "   - **R:** fixed in an hour. (TODO: check)"
    assert out[8] == lines[8]


def test_retrieval_labels_match_the_title_line_as_written(tmp_path: Path) -> None:
    doc = tmp_path / "mail.txt"
    doc.write_text(MAIL, encoding="utf-8")
    story = ingest_text(MAIL, str(doc)).stories[0]
    assert story.title == "the outage"  # "story - " is cleaned from the title ...
    assert matches(story, "story - the outage")  # ... but the label copies the Subject: line
    assert not matches(story, "story - the vendor")
