"""Layouts no reader was written for, read by what a part of the document is rather than by the tool that wrote
it: a practice tool's numbered prompts over the candidate's replies (and its feedback after each reply), a course's
numbered exercises answered under "My submission:", a thread of numbered social posts with character counts, a
patch of a notes file mailed for review, a document title over stories that each use a template's sub-headings,
and a story titled by the figure it opens with.

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.ingest.kinds import reads_as_reference
from tests.ingested import kinds_and_titles

ORCHARD = (
    "yeah so two summers ago our cider press line kept stopping because the apple washer clogged every hour and I "
    "was the shift lead so I timed every stop for a week and found the leaves came in with the windfall crates. I "
    "moved the windfall crates to a separate morning run with a leaf screen and the stops went from eight a day to "
    "one and we pressed the whole harvest two days early"
)
CRATES = (
    "Last autumn two of my pickers, Bram and Ines, argued every morning over who got the new crates. I sat them "
    "down, wrote the crate rota on the barn door and gave each of them one row to own. The arguments stopped within "
    "a week and both of them came back the next season."
)
FROST = (
    "In April a late frost hit the top orchard two nights running. I had the sprinklers on by midnight, called in "
    "four neighbours to light the burners on the lower rows and stayed up checking the thermometers. We lost about "
    "a tenth of the blossom instead of the half the forecast suggested, and I wrote the frost plan we now use."
)


def test_practice_tool_prompts_title_the_replies_under_them(tmp_path: Path) -> None:
    path = tmp_path / "practice sessions.txt"
    path.write_text(
        "practice tool export - my sessions\n\n"
        "Round 1 · Operations · 3 Mar\n=============================\n\n"
        "Prompt 1 of 3: Tell me about a time you fixed a recurring stoppage.\nYour answer (spoken):\n"
        f"{ORCHARD}\nFeedback\n  Key terms: shift, stoppage, root cause\n  Words you repeat: crates (3), and (9)\n"
        "-> note: say the eight to one earlier\n\n"
        "Prompt 2 of 3: How do you handle working in several countries at once?\n(skipped) -> nothing to say here\n\n"
        "Prompt 3 of 3: Describe a conflict between two people you supervised.\nYour answer (spoken):\n"
        f"{CRATES}\nFeedback\n  Key terms: conflict, rota\n  Words you repeat: crates (2)\n",
        encoding="utf-8",
    )
    stories = kinds_and_titles(path)
    # the numbering is the tool's; the prompts title the replies; the tool's feedback block titles nothing
    assert [title for _, title in stories] == [
        "Tell me about a time you fixed a recurring stoppage.",
        "Describe a conflict between two people you supervised.",
    ]
    questions = [q.text for q in ingest_paths([path]).questions]
    assert "How do you handle working in several countries at once?" in questions  # skipped: asked, not answered


def test_course_exercises_answered_under_my_submission(tmp_path: Path) -> None:
    path = tmp_path / "course notes.txt"
    path.write_text(
        "COURSE NOTES - running a farm crew (video course)\n\n"
        "==========================\nMODULE 2 - PEOPLE\n==========================\n\n"
        "Lesson 2.1  Rotas (06:10)\n- write the rota where everyone sees it\n\n"
        f"EXERCISE 2.2 - Tell us about two people on your crew who could not get along.\nMy submission:\n{CRATES}\n"
        "Peer review (2): 8/10, 7/10\n\n"
        "EXERCISE 2.3 - Tell us about a hire you are proud of. (SKIPPED - later)\n\n"
        f"EXERCISE 2.4 - Describe a night you had to protect the crop.\nMy submission:\n{FROST}\n",
        encoding="utf-8",
    )
    assert [title for _, title in kinds_and_titles(path)] == [
        "Tell us about two people on your crew who could not get along.",
        "Describe a night you had to protect the crop.",
    ]


def test_numbered_posts_lose_their_numbers_and_character_counts(tmp_path: Path) -> None:
    path = tmp_path / "drafts.txt"
    path.write_text(
        "DRAFTS EXPORT\n\n-----------------------------\nDRAFT 0 | pinned intro | 3 posts | POSTED\n"
        "-----------------------------\n\n"
        "1/ hi, I'm Wilhelmina. I run the cider press and the farm shop at a family orchard of 40 acres. (96)\n\n"
        "2/ before that 6 years in a bakery, which is where I learned to plan around ovens and people. (94)\n\n"
        "3/ looking for a bigger operation where I can run the whole harvest. (69)\n\n"
        "-----------------------------\nDRAFT 1 | the frost nights | 2 posts | NEVER POSTED\n"
        "-----------------------------\n\n"
        f"1/ {FROST[:118]} (118)\n\n2/ {FROST[119:]} ({len(FROST) - 119})\n",
        encoding="utf-8",
    )
    result = ingest_paths([path])
    by_line = {s.line: s for s in result.stories}
    assert [s.kind for s in by_line.values()] == ["answer", "story"]  # the intro is a pitch once "1/" is gone
    frost = list(by_line.values())[1]
    assert not any(m.text in {"118", "(118)"} for m in frost.metrics)  # a post's length is not a figure


def test_a_patch_reads_as_the_notes_it_leaves(tmp_path: Path) -> None:
    old_frost = "In April a frost came. I lit burners."
    path = tmp_path / "0001-stories-add-crates.patch"
    path.write_text(
        "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n"
        "From: A Grower <grower@example.org>\nSubject: [PATCH] stories: add crates, rewrite frost\n\n"
        "Have a look at the crates one.\n---\n stories.md | 9 +++++++--\n\n"
        "diff --git a/stories.md b/stories.md\nindex 1111111..2222222 100644\n--- a/stories.md\n+++ b/stories.md\n"
        "@@ -1,5 +1,10 @@\n # stories\n \n ## frost nights\n \n"
        f"-{old_frost}\n+{FROST}\n+\n+## crate rota\n+\n+{CRATES}\n+\n+## TODO\n+- ask about the numbers\n"
        "-- \n2.40.1\n",
        encoding="utf-8",
    )
    stories = ingest_paths([path]).stories
    assert [s.title for s in stories] == ["frost nights", "crate rota"]
    assert old_frost not in stories[0].text and "a tenth of the blossom" in stories[0].text


def test_document_title_over_template_parts_is_not_one_story(tmp_path: Path) -> None:
    path = tmp_path / "change requests.md"
    parts = "### What\n{what}\n\n### Why\n{why}\n\n### Result\n{result}\n"
    path.write_text(
        "# Change requests I wrote at the orchard\n\nCopied from the farm's tracker.\n\n"
        "## #21 Separate run for windfall crates\n\n"
        + parts.format(
            what="Windfall crates go through the washer on their own morning run, behind a leaf screen.",
            why="The washer clogged about every hour in harvest because leaves came in with the windfalls.",
            result="I timed it for a week after: stops went from eight a day to one.",
        )
        + "\n## #22 Frost plan for the top orchard\n\n"
        + parts.format(
            what="Sprinklers on at midnight when the forecast is under one degree; neighbours on a call list.",
            why="Two frost nights in April nearly took half the blossom on the top rows.",
            result="We lost about a tenth of the blossom, and I wrote the plan the crew still follows.",
        ),
        encoding="utf-8",
    )
    assert [title for _, title in kinds_and_titles(path)] == [
        "21 Separate run for windfall crates",
        "22 Frost plan for the top orchard",
    ]


def test_a_story_titled_by_its_figure_is_not_code(tmp_path: Path) -> None:
    path = tmp_path / "numbers first.md"
    path.write_text(
        f"# numbers I open with\n\n## 8 to 1\n\n*caption: stops a day at the press, before and after*\n\n{ORCHARD}.\n\n"
        "## r = 0.81\n\n*caption: how well the frost forecast tracked the orchard thermometers*\n\n"
        f"{FROST} Still need the exact count\n",
        encoding="utf-8",
    )
    assert [title for _, title in kinds_and_titles(path)] == ["8 to 1", "r = 0.81"]


def test_a_sheet_title_with_a_figure_in_a_phrase_still_names_the_story(tmp_path: Path) -> None:
    path = tmp_path / "problem sheets.md"
    sheet = "\n### 1 Background\n{}\n\n### 2 What we found\n{}\n\n### 3 What I changed\n{}\n\n"
    path.write_text(
        "# Problem sheets\n\n"
        "## Sheet 4 · Press scoring on crates 3 days old\n\nOwner: me · Checked by: Ruth · Rev 2 · 2023\n"
        + sheet.format(
            "Press ranks crates for the day by a ripeness score. Crew trusts it for most runs.",
            "Far-orchard crates reach the scale 3 days late; score calls them fresh.",
            "Picking date on every crate tag; the score skips crates over a day old. Spoiled pressings 6 a month -> 1.",
        )
        + "## Sheet 5 · Frost plan for the top rows\n\nOwner: me · Checked by: Ruth · Rev 1 · 2024\n"
        + sheet.format(
            "Two frost nights in April hit the top rows of the orchard.",
            "Nobody owned the sprinklers at night, and the burners were stored at the far barn.",
            "I wrote a call list, moved the burners up the hill and we lost a tenth of the blossom, not half.",
        ),
        encoding="utf-8",
    )
    # "Press scoring on crates 3 days old" is a phrase with a figure in it, not a line of facts under which the
    # owner line would name the story; nor is it a scoring rubric
    assert kinds_and_titles(path) == [
        ("story", "Sheet 4 · Press scoring on crates 3 days old"),
        ("story", "Sheet 5 · Frost plan for the top rows"),
    ]


def test_scoring_in_a_story_title_is_not_a_rubric() -> None:
    notes = "Far-orchard crates reach the scale 3 days late; score calls them fresh. Spoiled pressings 6 a month -> 1."
    assert not reads_as_reference("Press scoring on crates 3 days old", notes)
    assert reads_as_reference("Scoring rubric", "Clarity - does the answer have a point\nDepth - trade-offs named")
    assert reads_as_reference("How scoring works", "Clarity - does the answer have a point\nDepth - trade-offs named")
