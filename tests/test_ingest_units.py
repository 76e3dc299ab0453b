"""Stories are found by what they are, not by one layout rule per document: a short line that names something,
then a case told in the past by the person it happened to.

Each document below is a shape people keep stories in that no section rule was written for (definition lists,
an outline with @tags, a Word file saved as text, a note app's JSON, collapsible folds, a job-search tracker by
round). Each is read through the real ingester from a real file, and each holds notes that are not stories (advice,
numbers, questions to ask) that must stay out. Every document and story here was written for this test.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.ingest import ingest_paths

ROLLBACK = (
    "Last spring a schema change in the orders service broke the nightly revenue report for two days. I was not on "
    "call, but I took the incident over so the on-call engineer could dig. I rolled the change back within the hour, "
    "wrote the timeline while it was fresh and ran the review the next morning. We added a contract test between the "
    "two services, and the report has not broken since."
)
MENTOR = (
    "In 2024 a junior engineer on my team kept getting stuck on reviews that dragged for a week. I paired with her "
    "twice a week for a month, we split her changes into smaller pieces and I showed her how to ask for a reviewer by "
    "name. Her review time dropped from six days to one and she was promoted the following spring."
)
COST = (
    "Our cloud bill grew 8% a month in 2023 and nobody knew which team spent what. I tagged every job by owner over "
    "three weeks and published a table of cost per team each Monday. Two teams found idle clusters they had "
    "forgotten, and we cut the bill by a quarter in two months without slowing any product."
)
ADVICE = (
    "Say the number first. Don't tell the long version unless they ask. Keep each answer under two minutes and "
    "name the trade-off out loud."
)


def _titles(path: Path) -> list[str]:
    return [s.title for s in ingest_paths([path]).stories]


def test_definition_terms_under_group_headings_are_stories(tmp_path: Path) -> None:
    path = tmp_path / "loops plan (pandoc).md"
    path.write_text(
        "% Two-week plan\n% R. Ostrander\n\n## Appendix B — stories\n\n### Delivery\n\n"
        f"The night the report broke\n:   {ROLLBACK}\n\nPaying for idle clusters\n:   {COST}\n\n"
        f"### People\n\nSix-day reviews\n:   {MENTOR}\n\n## Appendix C — not stories\n\nHow to answer\n:   {ADVICE}\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert len(titles) == 3, titles
    for name in ("The night the report broke", "Paying for idle clusters", "Six-day reviews"):
        # a heading over one story may name a group or the story: the title keeps both ("People — Six-day reviews")
        assert sum(name in t for t in titles) == 1, (name, titles)


def test_an_outline_with_tags_holds_one_story_per_item(tmp_path: Path) -> None:
    path = tmp_path / "prep (TaskPaper).txt"
    path.write_text(
        "Job hunt:\n\t- send CV to two recruiters @done(2026-11-02)\n\t- book a mock @due(2026-12-01)\n\n"
        f"Stories:\n\tThe night the report broke: @story @comp(incident)\n\t\t{ROLLBACK}\n"
        f"\tSix-day reviews: @story @comp(mentoring) @told(2)\n\t\t{MENTOR}\n"
        f"\tPaying for idle clusters: @story\n\t\t{COST}\n\nNotes:\n\t{ADVICE}\n",
        encoding="utf-8",
    )
    assert _titles(path) == ["The night the report broke", "Six-day reviews", "Paying for idle clusters"]


def test_bare_title_lines_in_a_word_file_saved_as_text(tmp_path: Path) -> None:
    lines = [
        "Interview answers - platform roles",
        "Draft 3, saved as text so it opens on my phone. Story name, what it is good for, then the answer.",
        "The night the report broke",
        "Good for: incident, ownership",
        f"Situation: {ROLLBACK}",
        "Six-day reviews",
        "Good for: mentoring, growing people",
        f"What happened: {MENTOR}",
        "Things to have ready (not stories)",
        "\u2022\tNumbers: 8% a month, a quarter of the bill, six days to one.",
        "\u2022\tIf asked about a recommender design: talk it through, no story.",
    ]
    path = tmp_path / "answers (Word, plain text).txt"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert _titles(path) == ["The night the report broke", "Six-day reviews"]


def test_a_note_app_export_with_emoji_titles_and_an_html_copy(tmp_path: Path) -> None:
    text = (
        f"stories for the loops, read on the train\n\n\U0001f538 the night the report broke\n{ROLLBACK.lower()}\n\n"
        f"\U0001f538 paying for idle clusters\n{COST.lower()}\n\n--- not stories ---\nask them who owns the eval set"
    )
    html = "".join(f'<p dir="ltr"><span>{line}</span></p>' if line else "<br>" for line in text.split("\n"))
    note = {"color": "TEAL", "isTrashed": False, "isPinned": True, "title": "interview stories", "textContent": text,
            "textContentHtml": html, "userEditedTimestampUsec": 1764000000000000}
    path = tmp_path / "interview stories.json"
    path.write_text(json.dumps(note), encoding="utf-8")
    assert _titles(path) == ["the night the report broke", "paying for idle clusters"]


def test_collapsible_folds_under_theme_headings(tmp_path: Path) -> None:
    path = tmp_path / "storybank.hackmd.md"
    path.write_text(
        "---\ntitle: EM loops\ntags: interviews\n---\n\n[TOC]\n\n:::info\nOpen a fold to read the story.\n:::\n\n"
        f"## Incidents\n\n:::spoiler The night the report broke\n{ROLLBACK}\n:::\n\n"
        f"## People\n\n:::spoiler Six-day reviews\n{MENTOR}\n:::\n\n"
        f":::spoiler Paying for idle clusters\n{COST}\n:::\n\n"
        f"## Misc (not stories)\n\n- [ ] {ADVICE}\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert len(titles) == 3
    for name in ("The night the report broke", "Six-day reviews", "Paying for idle clusters"):
        assert sum(name in t for t in titles) == 1, (name, titles)


def test_stories_written_under_the_round_they_are_told_in(tmp_path: Path) -> None:
    path = tmp_path / "loops tracker.md"
    path.write_text(
        "# Job search — loops\n\n## Acme Freight\n\n### R2 — hiring manager (done)\n\n"
        "Expect: an incident, a cost story.\n\n"
        f'**Tell → "the night the report broke"** _(own it)_\n\n{ROLLBACK}\n\n'
        f'**Tell → "paying for idle clusters"**\n\n{COST}\n\n'
        "- debrief: liked the incident, asked for the numbers twice.\n\n"
        f'### R3 — panel\n\n**Tell → "six-day reviews"**\n\n{MENTOR}\n\n'
        '**backup → same as "the night the report broke" above**\n\n## Reminders\n\n'
        f"{ADVICE}\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert len(titles) == 3, titles
    for name in ("the night the report broke", "paying for idle clusters", "six-day reviews"):
        assert sum(name in t for t in titles) == 1, (name, titles)
