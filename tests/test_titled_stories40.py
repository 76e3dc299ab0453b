"""Stories the candidate filed by their title: a numbered story kept as three terse lines with one before -> after
figure is still a story; story coverage counts a story titled "Hiring — ...", "... (failure)" or "(ML)" for that
competency ahead of stories that only share its topic words; search lifts a "(failure)" story for a question that
asks about something that failed.

Every document and question here was written for this test; coverage runs through `python -m agent.progress`.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.index_fusion import fuse
from knowledge.models import Story
from knowledge.title_kinds import title_labels, titled_for, titled_matches
from tests.ingested import saved, story_titles
from tests.progress_cli import progress_json

NOTES = """\
# loop prep, spring

## 1. Restructure: splitting the payments group in two (org design)
- 2023, one payments group of 22, every release waited on me
- I drew the split: card acquiring / payouts, each with its own manager and roadmap
- recruited 2 managers through a new interview loop, onboarded both, moved on-call per team
- release wait 6 days -> 2 days; team survey 58 -> 71

## 2. Hiring — staffed the fraud squad from scratch (hiring)
- 2022, budget for 5 seats, none filled
- swapped puzzle rounds for a take-home and a scored debrief, trained 3 panelists
- 5 seats filled in 10 weeks; 4 of 5 first offers accepted

## 3. Outage — the cache purge that took checkout down (failure)
- Jun 2023, a purge script I signed off emptied the session cache, 31 min of checkout errors
- led the rollback, then wrote the review with the on-call engineer
- cause: no dry-run mode, and I approved it on a Friday without a staged run
- added a dry-run flag and a two-person rule for purges; 0 repeats in 12 months

## 4. Ranking model — an offline eval suite (ML)
- 2024, search ranking changes shipped on gut feel, 2 rollbacks a quarter
- built a labelled set of 600 queries with the support team, nightly offline scoring
- click-through 11% -> 14% over two releases; rollbacks 2 -> 0 a quarter

## 5. Coaching: an analyst into a team lead
- Tomas, analyst in finance ops, wanted to lead people
- I handed him the month-end close rework and paired him with a lead from payroll
- 7 months on he ran the 3-team rollout and got the lead role; close time 9 days -> 4 days

## questions for them
- what does the first year look like for this role?
"""

PACK = """\
name: filed-stories
title: Filed stories
competencies:
  hiring: 1.0
  failure_learning: 1.0
  ai_ml: 1.0
  mentoring: 1.0
questions:
  - id: build-team
    text: "How did you build a team when you had open headcount and no one in the seats?"
    type: behavioral
    competency: hiring
    signals: [Says how candidates were assessed]
  - id: hire-managers
    text: "Tell me about recruiting managers into a growing organisation."
    type: behavioral
    competency: hiring
    signals: [Says how the managers were chosen]
  - id: own-mistake
    text: "Tell me about a decision of yours that went badly. What did you change afterwards?"
    type: behavioral
    competency: failure_learning
    signals: [Owns the decision]
  - id: model-quality
    text: "How do you know a machine learning change is better before it reaches users?"
    type: behavioral
    competency: ai_ml
    signals: [Names an offline measure]
  - id: grow-someone
    text: "Tell me about someone you helped grow into a bigger role."
    type: behavioral
    competency: mentoring
    signals: [Names what the person did]
"""


def test_a_numbered_story_told_in_three_terse_lines_is_kept(tmp_path: Path) -> None:
    titles = story_titles(saved(tmp_path, "prep.md", NOTES))
    assert "Coaching: an analyst into a team lead" in titles
    assert len(titles) == 5


def test_a_plan_with_one_target_figure_stays_out(tmp_path: Path) -> None:
    plan = (
        "# next half\n\n## Platform goals\n- get every team onto the shared deploy tool\n- run a monthly review\n"
        "- build time 14 min -> 6 min\n"
    )
    assert story_titles(saved(tmp_path, "goals.md", plan)) == []


def test_only_the_parts_of_a_title_that_file_the_story_count() -> None:
    assert title_labels("Hiring — staffed the ML squad (growth)") == "Hiring / growth"
    assert titled_for("Outage — the cache purge (failure)", "failure_learning")
    assert not titled_for("Hiring — staffed the ML squad (growth)", "ai_ml")  # a topic, not what it is filed as
    assert titled_for("Ranking model — an offline eval suite (ML)", "ai_ml")
    assert not titled_for("Templates vs LLM (the churn emails)", "ai_ml")  # only its first word files it


def _story(title: str, kind: str = "story") -> Story:
    return Story(id=title, title=title, text="told", source="notes.md", kind=kind)  # type: ignore[arg-type]


def test_a_question_about_a_failure_lifts_the_story_titled_as_one() -> None:
    stories = [
        _story("Restructure: the payments split"),
        _story("Outage — the cache purge (failure)"),
        _story("Failed bets: what would you change next time?", kind="answer"),  # a question, not a filing
    ]
    titled = titled_matches(stories, "Tell me about a project you pushed for that failed.", None)
    assert titled == {1}
    near_tie = [({0: 1, 1: 2}, 1.0)]
    assert fuse(near_tie)[0][0] == 0 and fuse(near_tie, titled=titled)[0][0] == 1


def test_coverage_counts_the_story_filed_under_each_competency(tmp_path: Path) -> None:
    docs = tmp_path / "notes"
    docs.mkdir()
    saved(docs, "prep.md", NOTES)
    pack = saved(tmp_path, "filed-stories.yaml", PACK)
    cov = progress_json("--role", str(pack), "--docs", str(docs), "--embedder", "hashing")["coverage"]
    best = {r["competency"]: cov["stories"][r["best"]]["title"] if r["best"] else None for r in cov["competencies"]}
    assert best == {
        "hiring": "Hiring — staffed the fraud squad from scratch (hiring)",
        "failure_learning": "Outage — the cache purge that took checkout down (failure)",
        "ai_ml": "Ranking model — an offline eval suite (ML)",
        "mentoring": "Coaching: an analyst into a team lead",
    }
