"""Shapes real candidates keep their notes in, read as the notes they are: an Obsidian Canvas board, a Google Docs
"Web page" download (one line of HTML, bold only through the page's CSS classes), a text file of notes tagged for
pasting into a chat model (`<story title="...">`), and stories written in an engineering template whose sub-headings
(`### Summary`, `### Decision`) repeat under every story.

Each document is written to a real file and read through the real ingester; each holds notes that are not stories
(instructions, numbers, questions to ask, a template) that must stay out. Every document and story here was written
for this test.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.ingest import ingest_paths
from tests.test_ingest_units import COST, MENTOR, ROLLBACK  # the same three stories, written once


def _stories(path: Path) -> dict[str, str]:
    return {s.title: s.text for s in ingest_paths([path]).stories}


def test_canvas_cards_are_read_as_notes_with_their_question_cards(tmp_path: Path) -> None:
    def node(i: str, x: int, y: int, text: str, **more: object) -> dict[str, object]:
        return {"id": i, "type": "text", "x": x, "y": y, "width": 400, "height": 300, "text": text, **more}

    board = {
        "nodes": [  # in the order they were made, not the order they sit in
            {"id": "g2", "type": "group", "x": 0, "y": 1000, "width": 900, "height": 900, "label": "PEOPLE"},
            node("s2", 400, 1100, f"**Six-day reviews**\n#story #people\n\n{MENTOR}"),
            {"id": "g1", "type": "group", "x": 0, "y": 0, "width": 900, "height": 900, "label": "INCIDENTS"},
            node("s1", 400, 100, f"## The night the report broke\n#story #incident 🔴\n\n**S** {ROLLBACK}"),
            node("q1", 0, 100, "❓ an outage you led", color="3"),
            node("n1", 1200, 0, "### Qs for them\n1. How is the pager rota shared?\n2. Who owns the data contracts?"),
            {"id": "f1", "type": "file", "x": 1200, "y": 500, "width": 300, "height": 300, "file": "cv.pdf"},
        ],
        "edges": [{"id": "e1", "fromNode": "q1", "fromSide": "right", "toNode": "s1", "toSide": "left"}],
    }
    path = tmp_path / "Story map (loops).canvas"
    path.write_text(json.dumps(board, indent="\t", ensure_ascii=False), encoding="utf-8")
    result = ingest_paths([tmp_path])  # a folder: the .canvas file is picked up
    assert [s.title for s in result.stories] == ["The night the report broke", "Six-day reviews"]
    broke = result.stories[0]
    assert "rolled the change back" in broke.text and "#story" not in broke.text
    assert "an outage you led" in broke.questions  # the question card joined to it by an edge
    assert not result.errors


def test_a_google_docs_web_page_download_on_one_line_is_read(tmp_path: Path) -> None:
    style = (
        "<style type=\"text/css\">.c2{color:#000000;font-weight:400;font-size:11pt}"
        ".c3{color:#000000;font-weight:700;font-size:11pt}.c9{font-weight:700;text-decoration:underline}</style>"
    )

    def para(text: str, cls: str = "c2") -> str:
        return f'<p class="c1"><span class="{cls}">{text}</span></p>'

    body = (
        '<p class="c8 title"><span class="c10">Interview notes</span></p>'
        '<h1 class="c4" id="h.a1"><span class="c6">Stories</span></h1>'
        '<h2 class="c4" id="h.b2"><span class="c6">The night the report broke</span></h2>'
        + f'<p class="c1"><span class="c3">S: </span><span class="c2">{ROLLBACK}</span></p>'
        + para("Six-day reviews", "c3")
        + para(MENTOR.replace("'", "&rsquo;"))
        + para("Idle clusters", "c9")
        + para(COST)
        + '<h1 class="c4" id="h.c3"><span class="c6">Questions for them</span></h1>'
        '<ol class="c0"><li class="c1"><span class="c2">How is the pager rota shared?</span></li></ol>'
    )
    path = tmp_path / "Interviews2026.html"
    path.write_text(f"<html><head>{style}</head><body class=\"c12 doc-content\">{body}</body></html>", "utf-8")
    stories = _stories(path)
    assert list(stories) == ["The night the report broke", "Six-day reviews", "Idle clusters"]
    assert "rolled the change back" in stories["The night the report broke"]
    assert "idle clusters they had forgotten" in stories["Idle clusters"]


def test_notes_tagged_for_a_chat_model_are_read_by_their_tags(tmp_path: Path) -> None:
    path = tmp_path / "practice-partner-instructions (for the chat).txt"
    path.write_text(
        "PRACTICE PARTNER INSTRUCTIONS - v2\n\n"
        "Put questions to me singly and press me for figures.\n\n"
        "<stories>\n\n"
        f'<story title="The night the report broke" comp="incident">\n{ROLLBACK}\n</story>\n\n'
        f"<story title='Six-day reviews' comp=\"mentoring\">\n{MENTOR}\n</story>\n\n"
        "</stories>\n\n"
        "<weak_spots>\n- formal mentoring programmes\n- anything about budgets\n</weak_spots>\n",
        encoding="utf-8",
    )
    stories = _stories(path)
    assert list(stories) == ["The night the report broke", "Six-day reviews"]
    assert all("<" not in text for text in stories.values())


def test_stories_in_a_template_whose_sub_headings_repeat_are_one_story_each(tmp_path: Path) -> None:
    path = tmp_path / "stories as post-mortems.md"
    half = len(ROLLBACK) // 2
    cut = ROLLBACK.rfind(". ", 0, half) + 2
    path.write_text(
        "# Stories, in incident-review and design-record form\n\n"
        f"## PM-1: The night the report broke — `READY`\n\n### Summary\n{ROLLBACK[:cut]}\n\n"
        f"### Root cause\n{ROLLBACK[cut:]}\n\n### Action items\n- contract test\n- runbook\n\n"
        "## ADR-1: Tagging every job by owner — `DRAFT`\n\n### Context\nNobody owned the bill.\n\n"
        "### Options considered\n1. A quota. 2. Tags.\n\n"
        f"### Decision\n{COST}\n\n### Consequences\nTwo teams found idle clusters.\n\n"
        "## ADR-2: Pairing on reviews\n\n### Context\nReviews dragged.\n\n"
        "### Options considered\n1. A review rota. 2. Pairing.\n\n"
        f"### Decision\n{MENTOR}\n\n### Consequences\nReviews in a day.\n\n"
        "## Template (copy me)\n\n### Summary\n\n### Root cause\n\n### Action items\n\n"
        "## Questions to ask\n\n- Who owns the data contracts?\n",
        encoding="utf-8",
    )
    stories = _stories(path)
    assert sorted(stories) == [
        "ADR-1: Tagging every job by owner — DRAFT",
        "ADR-2: Pairing on reviews",
        "PM-1: The night the report broke — READY",
    ]
    assert "contract test between the two services" in stories["PM-1: The night the report broke — READY"]
    assert "I tagged every job by owner" in stories["ADR-1: Tagging every job by owner — DRAFT"]


def test_a_heading_over_one_sub_heading_that_only_starts_like_a_part_name_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "prep.md"
    path.write_text(
        f"# Prep\n\n## 0. Why this work\n\n### Context, two minutes\n\n{ROLLBACK}\n\n"
        f"## 1. Stories\n\n### Six-day reviews\n\n### S\n\n{MENTOR}\n",
        encoding="utf-8",
    )
    assert list(_stories(path)) == ["Context, two minutes", "Six-day reviews"]
