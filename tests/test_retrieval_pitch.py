"""A background question ("take me through your background") is answered by the candidate's pitch, whatever a
story shares with its words; any other question ranks the pitch last. A pitch titled by its length ("45-sec
intro") is read as one, even written in the present tense. Real ingest of a document written to disk, real MiniLM
index."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.index import is_pitch, open_story_index

NOTES = """# Interview round, spring

## 45-sec intro

I lead the payments platform group, three teams and twenty engineers. Earlier I had six years as a backend
engineer on checkout and two as its tech lead. I am proud of moving card payments to a new processor without an
hour of downtime and of building a team people ask to join. Next I want to lead a wider org where uptime is what
customers pay for.

## Background checks for new merchants

**Situation:** In 2023 merchants waited nine days for the background checks our risk team ran by hand, and a third
of them gave up before their first sale.

**Action:** I moved the checks into a queue with the two data vendors called in parallel, and I agreed with risk on
which cases a person still reviews. I walked the team through the new flow and took the first on-call week.

**Result:** Median wait fell from nine days to six hours, and sign-up completion rose from 64% to 83%.

## Splitting the platform group

**Situation:** My group of twenty engineers worked as one team, with one backlog, and every release waited for
the slowest piece of work in it.

**Action:** I cut it into three teams along customer journeys, each with its own lead and on-call, and I wrote the
interfaces between them down before the split.

**Result:** Releases went from every two weeks to daily, and two of the new leads were promoted within a year.
"""


def test_pitch_first_for_background_and_last_otherwise(tmp_path: Path) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES, encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    intro = next(s for s in index.stories if s.title == "45-sec intro")
    assert is_pitch(intro)
    assert index.search("Take me through your background briefly.", k=3)[0].story.title == "45-sec intro"
    hits = index.search("How did you shape your groups, and what drove it?", k=3)
    assert hits[-1].story.title == "45-sec intro"


@pytest.mark.parametrize(
    "question",
    [
        "Sum up your career so far in a few sentences.",
        "Why this kind of role for you, and why this year?",
        "What led you from writing code to management?",
        "What first brought you close to ML, and has it held?",
        "How did you first get into platform engineering at all?",
        "Why are you leaving where you are now?",
        "Is now the best time in your career to step up to director?",
        "What pulls you to working with LLMs, rather than other kinds of software?",
    ],
)
def test_why_this_role_and_career_questions_are_answered_by_the_pitch(tmp_path: Path, question: str) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES, encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    assert index.search(question, k=3)[0].story.title == "45-sec intro"
    best = index.best_fit(question)  # offered as the answer prepared for it
    assert best is not None and best.story.title == "45-sec intro"


def test_a_question_that_is_neither_ranks_the_pitch_by_what_it_says(tmp_path: Path) -> None:
    """Not a background question and not one that asks for a past situation ("what pulls you toward ...?"): the
    pitch is ranked by what it says, like any note (it may be what the candidate reaches for), but it is never
    offered as the prepared story that fits; a question about something the candidate did ranks it last."""
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES, encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    hits = index.search("What draws you to a wider org where uptime is what customers pay for?", k=3)
    assert hits[0].story.title == "45-sec intro"
    assert not hits[0].fits
    for question in (
        "How did you get merchants through their checks faster?",
        "Describe restructuring a group that had outgrown a single team.",
    ):
        assert index.search(question, k=3)[-1].story.title == "45-sec intro", question


@pytest.mark.parametrize(
    "title",
    [
        "why data science (if they ask)",
        "Why I do ML engineering",
        "Quick intro, 45s",
        "Opener (why this company, why this year)",
        "MYSELF, 45s / WHY DATA SCIENCE",
    ],
)
def test_the_why_half_of_a_pitch_is_a_pitch(tmp_path: Path, title: str) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES.replace("## 45-sec intro", f"## {title}"), encoding="utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    pitch = next(s for s in index.stories if s.title == title)
    assert is_pitch(pitch)
    assert index.search("Describe shrinking a days-long wait to hours.", k=3)[-1].story.title == title


def test_a_story_whose_title_starts_with_why_stays_a_story(tmp_path: Path) -> None:
    notes = tmp_path / "loops.md"
    notes.write_text(NOTES.replace("## Splitting the platform group", "## Why three teams, and why not four"), "utf-8")
    index = open_story_index([notes], index_dir=tmp_path / "index")
    assert not is_pitch(next(s for s in index.stories if s.title == "Why three teams, and why not four"))
