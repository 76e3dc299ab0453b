"""Markups that are not Markdown (Confluence wiki text, Org mode, AsciiDoc, chat exports, tab-separated sheet
rows) are rewritten line for line into the Markdown the ingester reads; Markdown documents are left alone. The
hand-counted documents of each class are in tests/fixtures/classes (test_ingest_classes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.ingest import ingest_text
from knowledge.ingest.asciidoc import unasciidoc
from knowledge.ingest.chat import unchat
from knowledge.ingest.confluence import unconfluence
from knowledge.ingest.orgmode import unorg
from knowledge.ingest.sheet import unsheet

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "classes"
REWRITERS = (unconfluence, unorg, unasciidoc, unchat, unsheet)


@pytest.mark.parametrize(
    "name", ["confluence-page.txt", "org-notes.org", "asciidoc-notes.adoc", "chat-with-coach.txt", "sheet-paste.md"]
)
def test_each_rewriter_keeps_every_line_number(name: str) -> None:
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    changed = [f.__name__ for f in REWRITERS if f(lines) != lines]
    assert len(changed) == 1  # exactly its own rewriter touches it
    assert all(len(f(lines)) == len(lines) for f in REWRITERS)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.md")))
def test_markdown_documents_are_left_alone(name: str) -> None:
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    if name == "sheet-paste.md":
        return
    assert all(f(lines) == lines for f in REWRITERS)


def test_org_headline_loses_keyword_priority_and_tags() -> None:
    lines = ["#+TITLE: x", "#+TODO: TODO WIP | DONE", "* Stories", "** WIP [#B] The cache stampede   :ops:incident:"]
    assert unorg(lines)[3] == "## The cache stampede"
    assert unorg(lines)[:2] == ["", ""]


def test_a_quoted_sheet_cell_with_line_breaks_stays_one_row() -> None:
    lines = ["", "Story\tSituation\tWhat I did\tResult", 'A\t"first line', 'second ""quoted"" line"\tdid\tdone']
    out = unsheet(lines)
    assert out[0].startswith("| Story |") and out[1].startswith("|---")
    assert out[2] == '| A | first line second "quoted" line | did | done |'
    assert out[3].replace(" ", "") == "|||||"


def test_chat_replies_never_join_a_story() -> None:
    text = "\n".join(
        [
            "01/01/2026, 10:00 - Ana: STORY: the slow export",
            "S - the nightly export took nine hours and finished after the start of business every Monday.",
            "A - I split it by region, ran the parts in parallel and measured each part every night for a month.",
            "R - it finished in 70 minutes and nobody waited for it again.",
            "01/01/2026, 10:05 - Coach: great, but the export story needs a customer in it",
            "01/01/2026, 10:06 - Ana: ok",
            "01/01/2026, 10:07 - Coach: <Media omitted>",
            "01/01/2026, 10:08 - Ana: This message was deleted",
        ]
    )
    story = ingest_text(text, "chat.txt").stories[0]
    assert story.title == "the slow export" and "customer" not in story.text
    assert story.result.startswith("it finished in 70 minutes")


def test_a_dated_log_is_not_taken_for_a_chat() -> None:
    lines = [f"2025-03-1{i} 09:00 - Standup: we went over the migration plan and the risks, day {i}" for i in range(8)]
    assert unchat(lines) == lines
