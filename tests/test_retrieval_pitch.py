"""A background question ("walk me through your background") is answered by the candidate's pitch, whatever a
story shares with its words; any other question ranks the pitch last. A pitch titled by its length ("60-sec
intro") is read as one, even written in the present tense. Real ingest of a document written to disk, real MiniLM
index."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.index import is_pitch, open_story_index

NOTES = """# Loops, autumn

## 60-sec intro

I lead the payments platform group, three teams and twenty engineers. Before that I spent six years as a backend
engineer on checkout and two as its tech lead. I am proud of moving card payments to a new processor without an
hour of downtime and of building a team people ask to join. Next I want a director role where reliability is the
product.

## Background checks for new merchants

**Situation:** In 2023 merchants waited nine days for the background checks our risk team ran by hand, and a third
of them gave up before their first sale.

**Action:** I moved the checks into a queue with the two data vendors called in parallel, and I agreed with risk on
which cases a person still reviews. I walked the team through the new flow and took the first on-call week.

**Result:** Median wait fell from nine days to six hours, and sign-up completion rose from 64% to 83%.

## Splitting the platform group

**Situation:** My group of twenty engineers worked as one team, with one backlog, and every release waited for
the slowest piece of work in it.

**Action:** I split it into three teams by customer journey, each with its own lead and on-call, and I wrote the
interfaces between them down before the split.

**Result:** Releases went from every two weeks to daily, and two of the new leads were promoted within a year.
"""


def test_pitch_first_for_background_and_last_otherwise(tmp_path: Path) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES, encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    intro = next(s for s in index.stories if s.title == "60-sec intro")
    assert is_pitch(intro)
    assert index.search("Walk me through your background.", k=3)[0].story.title == "60-sec intro"
    hits = index.search("How have you structured your teams, and why that shape?", k=3)
    assert hits[-1].story.title == "60-sec intro"


@pytest.mark.parametrize(
    "question",
    [
        "Give me the two-minute version of your career so far.",
        "Why a director role, and why at this point?",
        "What made you move from engineering into people management?",
        "What first drew you into machine learning, and what keeps you there?",
        "How did you first get into platform engineering at all?",
        "Why are you leaving the payments group?",
        "Why is this the right point in your career for a director job?",
    ],
)
def test_why_this_role_and_career_questions_are_answered_by_the_pitch(tmp_path: Path, question: str) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES, encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    assert index.search(question, k=3)[0].story.title == "60-sec intro"
    best = index.best_fit(question)  # offered as the answer prepared for it
    assert best is not None and best.story.title == "60-sec intro"


def test_a_question_that_is_neither_ranks_the_pitch_by_what_it_says(tmp_path: Path) -> None:
    """Not a background question and not one that asks for a past situation ("what pulls you toward ...?"): the
    pitch is ranked by what it says, like any note (it may be what the candidate reaches for), but it is never
    offered as the prepared story that fits; a question about something the candidate did ranks it last."""
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES, encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    hits = index.search("What is pulling you toward a bigger remit where reliability is the whole product?", k=3)
    assert hits[0].story.title == "60-sec intro"
    assert not hits[0].fits
    for question in (
        "How did you get merchants through their checks faster?",
        "Describe restructuring a group that had outgrown a single team.",
    ):
        assert index.search(question, k=3)[-1].story.title == "60-sec intro", question


@pytest.mark.parametrize(
    "title",
    [
        "why AI (for the why question)",
        "Why I do ML engineering",
        "Who I am - 90s",
        "Opening (why this role, why now)",
        "ME IN 60s / WHY ML",
    ],
)
def test_the_why_half_of_a_pitch_is_a_pitch(tmp_path: Path, title: str) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES.replace("## 60-sec intro", f"## {title}"), encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    pitch = next(s for s in index.stories if s.title == title)
    assert is_pitch(pitch)
    assert index.search("Tell me about a time you cut a wait from days to hours.", k=3)[-1].story.title == title


def test_a_story_whose_title_starts_with_why_stays_a_story(tmp_path: Path) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES.replace("## Splitting the platform group", "## Why three teams, and why not four"), "utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    assert not is_pitch(next(s for s in index.stories if s.title == "Why three teams, and why not four"))
