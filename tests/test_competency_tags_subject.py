"""Competency tags follow what a story is about, and coverage finds a story prepared for a competency (newcomer trial
N17: a product-research story tagged mentoring through "customer feedback"; a "Why <company>?" card tagged
failure_learning because others were "failing"; a "time you failed" card not picked for failure_learning). Notes
written for this file, read by the real ingest and by `python -m agent.progress --json`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.coaching.coverage import search_coverage
from knowledge.competencies import tag_competencies
from knowledge.index import StoryHit
from knowledge.ingest import ingest_paths
from knowledge.models import Story
from knowledge.roles import load_role

REPO = Path(__file__).resolve().parents[1]

NOTES = """# Interview cards

## Why Norvale?

**Answer:** Because Norvale already owns the data contracts layer. Most vendors bolt a chatbot onto raw tables and
keep failing on joins; my own prototype showed me that a governed semantic layer is what makes the answers right.

## Tell me about a time you failed.

**Answer:** In 2024 I shipped a ticket summariser after testing it on 40 tickets I picked myself. In the first week
support leads found it invented refund amounts in about one summary in ten. I pulled it the same day, owned the call
in the team review, and rebuilt the check around 600 real tickets scored against the source text. The relaunch held
an error rate under 1% and since then I never sign off an evaluation set my own team hand-picked.

## Interviewing buyers about the pricing page

**Situation:** Sales believed enterprise buyers wanted a cheaper tier.

**Task:** I had two weeks to find out what buyers actually needed before the roadmap review.

**Action:** I ran 14 customer interviews and read 300 pieces of customer feedback from the support inbox, and
grouped the customer feedback by deal size with the product manager.

**Result:** The real blocker was procurement paperwork, not price; the new order form cut sales cycles from 60 days
to 41.
"""


def _stories(tmp_path: Path) -> dict[str, list[str]]:
    doc = tmp_path / "cards.md"
    doc.write_text(NOTES, encoding="utf-8")
    return {s.title: s.competencies for s in ingest_paths([doc]).stories if s.kind != "reference"}


def test_customer_feedback_is_no_mentoring(tmp_path: Path) -> None:
    tags = _stories(tmp_path)["Interviewing buyers about the pricing page"]
    assert "mentoring" not in tags, tags


def test_a_why_this_company_card_is_motivation_not_failure(tmp_path: Path) -> None:
    tags = _stories(tmp_path)["Why Norvale?"]
    assert "motivation" in tags and "failure_learning" not in tags, tags


@pytest.mark.parametrize(
    "text, tag, present",
    [
        ("I gave him direct feedback after every design review and sponsored his promotion case.", "mentoring", True),
        ("The deploy failed twice and I learned to stage every migration; it was my mistake.", "failure_learning",
         True),
        ("We built the machine learning platform and a failover region for the feature store.", "failure_learning",
         False),
    ],
)  # fmt: skip
def test_the_keywords_still_count_where_they_mean_it(text: str, tag: str, present: bool) -> None:
    assert (tag in tag_competencies(text)) is present, tag_competencies(text)


@pytest.mark.usefixtures("isolated_data_dir")
def test_coverage_picks_the_failed_card_for_failure_learning(tmp_path: Path) -> None:
    doc = tmp_path / "cards.md"
    doc.write_text(NOTES, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.progress", "--role", "senior-genai-engineer", "--docs", str(doc), "--json"],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    cov = json.loads(run.stdout)["coverage"]
    row = next(c for c in cov["competencies"] if c["competency"] == "failure_learning")
    assert row["best"] is not None and "time you failed" in cov["stories"][row["best"]]["title"], row


class _NothingFits:
    """An index whose hits for every question fall short of its fit threshold (a pack question worded unlike the
    candidate's card, as the real documents' was)."""

    def __init__(self, stories: list[Story]) -> None:
        self.stories = stories

    def search(self, query: str, k: int = 3, competency: str | None = None) -> list[StoryHit]:
        return [StoryHit(s, 0.01, fits=False) for s in self.stories[1:][:k]]  # the failed card is never among them


def test_with_nothing_fitting_a_card_prepared_for_the_competency_is_its_best(tmp_path: Path) -> None:
    doc = tmp_path / "cards.md"
    doc.write_text(NOTES, encoding="utf-8")
    stories = [s for s in ingest_paths([doc]).stories if s.kind != "reference"]
    failed = next(s for s in stories if s.title.startswith("Tell me about a time you failed"))
    stories.remove(failed)
    found = search_coverage(load_role("senior-genai-engineer"), _NothingFits([failed, *stories]))
    assert found["failure_learning"][0] == failed.id, found["failure_learning"]
    assert found["mentoring"][0] is None  # nothing was prepared for it: "no prepared story fits" stands
