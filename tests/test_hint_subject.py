"""/hint and "may fit this question better" offer a story about what the question asks, not one sharing its words.

Newcomer trial N16: a story about picking a UI framework "for non-technical stakeholders" was the hint for a question
about explaining an AI system's limits to one. The real CLI with the bundled senior-genai-engineer pack (whose other
questions are what a story is weighed against) and notes written for this file; then the choice itself with stated
verdicts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from agent.critic import story_subject
from agent.critic.question import question_info

REPO = Path(__file__).resolve().parents[1]
BOX = re.compile(r"[│╭╮╰╯─┃━┏┓┗┛┡┩╇┳┻└┘┌┐├┤┼╞╡═]")
LIMITS_SEED = 24  # the senior-genai-engineer pack's one-question plan with this seed asks about explaining limits

NOTES = """# Prep notes

## Grafana instead of a custom web app

**Situation:** The depot operations leads, all non-technical stakeholders, wanted to look at truck telemetry
without asking an analyst each time.

**Task:** Give them a way to explore the data within the quarter.

**Action:** I compared a custom React app (about five weeks of work) with Grafana dashboards on our existing
Postgres (about four days), and chose Grafana because it was good enough for filters and charts.

**Result:** The dashboards shipped in four days and non-technical stakeholders now explore the telemetry on their
own; the analyst queue dropped from 30 requests a week to 8.

## Moving the nightly batch to streaming

**Situation:** Finance waited until noon for yesterday's numbers because the batch job ran for nine hours.

**Task:** I led the move of the revenue pipeline to streaming.

**Action:** I split the work into three stages, ran old and new side by side for a month, and cut over region by
region.

**Result:** Freshness went from 26 hours to 40 minutes and the month-end close finished two days earlier.
"""

ANSWER = (
    "Our claims director had been told the new triage model would approve small claims by itself, and she planned "
    "to halve the review team. I sat with her over twenty real claims, showing the model's confidence next to the "
    "reviewer's decision, including three it approved with high confidence that were fraudulent. I explained that "
    "it had never seen the new policy types and proposed auto-approval only under $500 with confidence above 0.9. "
    "She kept the review team, the model handled 35% of claims on its own, and fraud on auto-approved claims stayed "
    "under 0.2%."
)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_story_sharing_only_the_audience_is_not_the_hint(tmp_path: Path) -> None:
    doc = tmp_path / "notes.md"
    doc.write_text(NOTES, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "senior-genai-engineer", "--docs", str(doc),
         "--questions", "1", "--follow-ups", "0", "--seed", str(LIMITS_SEED), "--offline"],
        input=f"/hint\n---\n{ANSWER}\n", capture_output=True, text=True, timeout=300, cwd=REPO, env=dict(os.environ),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = " ".join(BOX.sub(" ", done.stdout).split())
    assert "limits of an AI system" in out, out
    assert "Grafana" not in out, out  # neither the hint nor "may fit this question better" offers it


def _story(title: str) -> Any:
    from knowledge.models import Story

    return Story(id=title, title=title, source="notes.md", line=1, text=title, situation=title)


def test_the_offered_story_is_on_the_subject_and_fewest_other_questions_fit_it_better(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    verdicts = {"shares words": (False, 0), "near": (True, 3), "about it": (True, 0), "unfit": (True, 0)}
    monkeypatch.setattr(story_subject, "about", lambda info, story, sem=None: verdicts[story.title])
    info = question_info("Tell me about explaining the limits of an AI system to a non-technical stakeholder "
                         "who expected more.", "behavioral", role="senior-genai-engineer")  # fmt: skip
    assert info.in_pack
    stories = [_story(t) for t in ("shares words", "near", "about it", "unfit")]
    fits = [True, True, True, False]
    assert story_subject.offered(stories, fits, info) == 2
    assert story_subject.offered(stories, fits, info, skip={2}) == 1
    assert story_subject.offered(stories[:1], fits[:1], info) is None  # only a word-sharer fits: none is offered
    alone = question_info("A question of no role pack?", "behavioral")
    assert story_subject.offered(stories, fits, alone) == 0  # no pack to weigh against: the index's order stands
