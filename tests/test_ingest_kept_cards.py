"""Story layouts made for printing or skimming: printable cards arranged in a raw HTML table inside a Markdown file,
a crib sheet telling each story in full in a footnote, each named by the cue line citing it, and a text file
whose story titles sit in ASCII banner boxes over arrow bullets. Pitches titled
only by their speaker ("Me (45s)") or as an application form's personal statement are pitches.

Each document is written to a real file and read through the real ingester; the cells and notes that are not
stories (numbers, questions to ask, a list of things to avoid) stay out. Every document and story here was written
for this test.
"""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.index import is_pitch
from knowledge.ingest import ingest_paths
from tests.test_ingest_units import COST, MENTOR, ROLLBACK  # the same three stories, written once

PITCH = (
    "Nine years in backend work, the last three leading a payments platform group of twenty engineers. I like "
    "the unglamorous parts, on-call and migrations, and I want a role where reliability is what the team sells."
)


def _cell(lines: list[str]) -> str:
    return "<td>\n" + "<br>\n".join(lines) + "\n</td>"


def test_cue_cards_in_an_html_table_are_a_story_per_cell(tmp_path: Path) -> None:
    path = tmp_path / "cards - print two per row.md"
    path.write_text(
        "# Cards for the onsite\n\nprint landscape, cut along the dashes\n\n"
        "<style>\ntd { width: 50%; border: 1px dashed #888; }\n</style>\n\n<table>\n<tr>\n"
        + _cell(["<b>Me (45s)</b>", "<i>slow down</i><br>", PITCH])
        + "\n"
        + _cell(["<b>Report night</b> <span class=\"star\">★ open with this</span>", "<i>incident / on call</i><br>",
                 f"S: {ROLLBACK[:95]}", f"A: {ROLLBACK[95:]}"])
        + "\n</tr>\n<tr>\n"
        + _cell(["<b>Six-day reviews</b>", "<i>mentoring / growing people</i><br>", MENTOR])
        + "\n"
        + _cell(["<b>FIGURES</b> <span>(revise only)</span>", "8% a month · six days to one · a quarter off the bill"])
        + "\n</tr>\n</table>\n\n<div style=\"page-break-after: always\"></div>\n\n<table>\n<tr>\n"
        + _cell(["<b>Tagging the bill</b>", "<i>cost / saying no</i><br>", COST])
        + "\n"
        + _cell(["<b>ASK THEM</b>", "1. Who carries the pager for models?", "2. How do teams share the platform?"])
        + "\n</tr>\n</table>\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert list(stories) == ["Me (45s)", "Report night", "Six-day reviews", "Tagging the bill"]
    assert is_pitch(stories["Me (45s)"])
    night = stories["Report night"]
    assert night.kind == "story" and "contract test" in (night.action or "")
    assert "<" not in night.text and "incident / on call" in night.text  # the card's cue stays with it
    assert "FIGURES" not in stories["Six-day reviews"].text


def test_stories_told_in_footnotes_are_named_by_the_cue_line_citing_them(tmp_path: Path) -> None:
    def footnote(key: str, text: str) -> str:
        half = text.find(". ", len(text) // 2) + 2
        return f"[^{key}]: {text[:half]}\n\n    {text[half:]}\n"

    path = tmp_path / "crib sheet (long versions below).md"
    path.write_text(
        "# Crib sheet\n\n*Skim the cues; the long versions are the footnotes.*\n\n## cues\n\n"
        "**going wrong**\n\n- **the report that broke** · schema change · rolled back [^1]\n\n"
        "**people**\n\n- **pairing on reviews** · six days to one [^p]\n- cost per team on Mondays · tags [^c]\n\n"
        "**no story for:** budgets, hiring. Say so.[^src]\n\n---\n\n"
        f"{footnote('1', ROLLBACK)}\n{footnote('p', MENTOR)}\n{footnote('c', COST)}\n"
        "[^src]: my own list.\n",
        encoding="utf-8",
    )
    stories = {s.title: s.text for s in ingest_paths([path]).stories}
    assert list(stories) == ["the report that broke", "pairing on reviews", "cost per team on Mondays"]
    assert "contract test" in stories["the report that broke"] and "[^" not in stories["the report that broke"]
    assert "promoted the following spring" in stories["pairing on reviews"]
    assert "idle clusters" in stories["cost per team on Mondays"]


def test_an_application_form_s_personal_statement_is_a_pitch(tmp_path: Path) -> None:
    path = tmp_path / "application answers.txt"
    path.write_text(
        f"Personal statement (max 150 words)\n----\n{PITCH}\n[41/150]\n\n"
        f"Q1 of 2. Resilience: Describe a serious incident you handled. (max 200 words)\n----\n{ROLLBACK}\n\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    statement = next(s for title, s in stories.items() if title.startswith("Personal statement"))
    assert statement.kind == "answer" and is_pitch(statement)


def _wrapped(text: str, label: str = "", width: int = 70) -> list[str]:
    words, rows, row = text.split(), [], f"--> {label}:" if label else "-->"
    for word in words:
        if len(row) + len(word) > width:
            rows.append(row)
            row = "   "
        row = f"{row} {word}"
    return [*rows, row]


def test_titles_boxed_in_ascii_banners_over_arrow_bullets(tmp_path: Path) -> None:
    def box(*framed: str) -> list[str]:
        return ["=" * 50, *(f"={t:^48}=" for t in framed), "=" * 50, ""]

    half = ROLLBACK.index("I rolled")
    lines = [
        "// stories - keep each under two minutes", "",
        *box("", "A  THE REPORT THAT BROKE", "@@ incident, on call", ""),
        *_wrapped(ROLLBACK[:half], "what happened"), *_wrapped(ROLLBACK[half:], "me"), "",
        "-" * 50, "",
        *box("B  REVIEWS IN A DAY", "@@ mentoring"),
        # unlabelled bullets, wrapped: the first line is not a title over the lines under it
        *(row for sentence in re.split(r"(?<=\.) ", MENTOR) for row in _wrapped(sentence, width=60)), "",
        *box("NUMBERS"), "8% a month, six days to one", "",
    ]
    path = tmp_path / "stories (boxed).txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stories = {s.title: s.text for s in ingest_paths([path]).stories}
    assert list(stories) == ["A THE REPORT THAT BROKE", "B REVIEWS IN A DAY"]
    assert "contract test" in stories["A THE REPORT THAT BROKE"] and "=====" not in stories["A THE REPORT THAT BROKE"]
    assert "promoted the following spring" in stories["B REVIEWS IN A DAY"]


def test_a_prep_grid_reads_each_named_cell_as_a_story(tmp_path: Path) -> None:
    path = tmp_path / "question grid.md"
    path.write_text(
        "# Grid: what they ask x what I did\n\n"
        "| | Orders service (2024) | Platform group (2025) |\n|---|---|---|\n"
        f"| **Failure** | **The report that broke** — {ROLLBACK} | — |\n"
        f"| **Growing people** | see above | **Reviews in a day** — {MENTOR} |\n"
        f"| **Money** | — | **Tags on every job**: {COST} |\n"
        "| **What I'd change** | a contract test from day one | pair earlier |\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert list(stories) == ["The report that broke", "Reviews in a day", "Tags on every job"]
    assert "contract test" in stories["The report that broke"].text
    assert all(s.kind == "story" for s in stories.values())


def test_peer_scorecards_are_stories_named_by_their_story_told_field(tmp_path: Path) -> None:
    def told_back(text: str) -> str:  # the peer's notes: the story in the third person
        return text.replace("I ", "Sam ").replace(" my ", " her ").replace("We ", "They ")

    path = tmp_path / "practice scorecards.md"
    path.write_text(
        "# Practice scorecards\n\nPasted from the practice site; my partner wrote the notes.\n\n"
        "## Round 1 — with a peer\n\n### Q1\n\n**Asked:** \"What outage did you run?\"\n"
        f"**Story told:** report night\n**Peer's notes:**\n{told_back(ROLLBACK)}\n"
        "**Scores:** Structure 4 · Ownership 3\n**Feedback:** Say the hour it took first.\n\n"
        "### Q2\n\n**Asked:** \"How do you grow junior engineers?\"\n"
        f"**Story told:** six-day reviews\n**Peer's notes:**\n{told_back(MENTOR)}\n"
        "**Scores:** Structure 3\n**Feedback:** Good, shorter please.\n",
        encoding="utf-8",
    )
    stories = {s.title: s.text for s in ingest_paths([path]).stories}
    assert list(stories) == ["report night", "six-day reviews"]
    assert "contract test" in stories["report night"] and "Story told" not in stories["report night"]


def test_a_pitch_introduced_by_a_line_ending_in_a_colon_is_titled_by_it(tmp_path: Path) -> None:
    path = tmp_path / "grid notes.md"
    path.write_text(
        f"# Loop notes\n\nread the grid twice.\n\nTMAY (under a minute, then stop):\n> {PITCH}\n\n"
        f"## Report night\n\n{ROLLBACK}\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert list(stories) == ["TMAY (under a minute, then stop)", "Report night"]
    assert is_pitch(stories["TMAY (under a minute, then stop)"])
