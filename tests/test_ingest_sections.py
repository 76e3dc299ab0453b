"""Sections that used to lose content, ingested from real files through the CLI (`python -m knowledge.ingest
FILE --json`): a prose story under its own sub-heading, tables next to cards or stories, advice and question
lists kept as reference, and "Likely follow-up" questions in the question bank."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

MENTORING = (
    "A junior engineer on my team kept missing review comments. I paired with her twice a week for a month. "
    "We built a checklist together for her reviews. Six months later she was reviewing other people's code."
)


def ingest(tmp_path: Path, text: str) -> dict[str, Any]:
    doc = tmp_path / "prep.md"
    doc.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(doc), "--json"],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def titles(doc: dict[str, Any], key: str = "stories") -> list[str]:
    return [s["title"] for s in doc[key]]


def test_a_prose_story_under_its_own_heading_below_a_labelled_story_is_a_story(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "# Story bank\n\n## Migration to Kubernetes\n\n**Situation:** We ran 40 services on hand-managed VMs.\n"
        "**Task:** I had to move them without downtime.\n**Action:** I wrote a runbook and moved one a week.\n"
        f"**Result:** All 40 moved in 10 months with zero outages.\n\n### Mentoring a junior engineer\n\n{MENTORING}\n",
    )
    assert titles(doc) == ["Migration to Kubernetes", "Mentoring a junior engineer"]
    migration, mentoring = doc["stories"]
    assert "six months" not in " ".join(migration["metrics"]).lower()
    assert mentoring["kind"] == "story" and mentoring["line"] == 10


def test_a_prose_story_after_a_question_heading_is_not_swallowed_by_its_answer(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "# Prep\n\n## Q: Why this company?\nA: Because the product is the one my team uses every day.\n\n"
        f"### Mentoring a junior engineer\n\n{MENTORING}\n",
    )
    assert titles(doc) == ["Why this company?", "Mentoring a junior engineer"]
    assert doc["stories"][0]["kind"] == "answer"


def test_a_longer_version_sub_heading_stays_part_of_its_story(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "## The flaky deploys\n\n**Situation:** One deploy in five failed.\n**Task:** I owned the pipeline.\n"
        "**Action:** I rebuilt the cache layer.\n**Result:** Failures fell under 2%.\n\n### Longer version\n\n"
        "I traced the failures over two weeks and found that a shared cache was evicted mid-build. I moved it to a "
        "per-branch volume and added a canary stage before the production push.\n",
    )
    assert titles(doc) == ["The flaky deploys"]


def test_a_question_table_is_read_in_a_section_with_cards_and_ends_the_card(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "## Behavioural\n\nQ: Tell me about yourself.\nA: I lead a platform team of eight and I have shipped "
        "payments infrastructure for nine years.\n\n| Question | Story to use |\n|---|---|\n"
        "| Time you met a tough deadline | The flaky deploys |\n| A mistake you made | Wrong queue |\n",
    )
    asked = {q["text"] for q in doc["questions"]}
    assert asked == {"Tell me about yourself.", "Time you met a tough deadline", "A mistake you made"}
    assert "deadline" not in json.dumps(doc["stories"])


def test_a_question_table_after_a_story_is_read_and_ends_the_story(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "## The flaky deploys\n\n**Situation:** One deploy in five failed.\n**Task:** I owned the pipeline.\n"
        "**Action:** I rebuilt the cache layer.\n**Result:** Failures fell under 2%.\n\n"
        "| Question | Story to use |\n|---|---|\n| Time you fixed something nobody owned | The flaky deploys |\n",
    )
    assert titles(doc) == ["The flaky deploys"]
    story = doc["stories"][0]
    assert story["questions"] == ["Time you fixed something nobody owned"]  # the row links the question
    assert [q["text"] for q in doc["questions"]] == ["Time you fixed something nobody owned"]
    assert doc["questions"][0]["story_ids"] == [story["id"]]


def test_advice_and_question_lists_are_kept_as_reference_never_as_stories(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "# Prep\n\n## Interview tips\n\nKeep every answer under two minutes and end on the outcome. Practise out "
        "loud, not in your head.\n\n## Questions to expect\n\n- Tell me about a time you failed.\n"
        "- Why are you leaving your current job?\n- What is your biggest strength?\n\n"
        f"## Mentoring a junior engineer\n\n{MENTORING}\n",
    )
    assert titles(doc) == ["Mentoring a junior engineer"]
    assert titles(doc, "references") == ["Interview tips", "Questions to expect"]
    assert {r["kind"] for r in doc["references"]} == {"reference"}
    assert len(doc["questions"]) == 3  # the list's questions are still in the bank


def test_likely_follow_ups_join_the_question_bank_linked_to_their_story(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "## The certificate outage\n\n**S:** A certificate expired on a Saturday.\n**T:** I led the incident.\n"
        "**A:** I moved every certificate to automatic renewal.\n**R:** Service was back in 48 minutes.\n\n"
        "Likely follow-up: why was there no alert before?\n\n"
        "## Picking the wrong queue\n\n**S:** We needed a job queue.\n**T:** I chose one.\n"
        "**A:** I picked a queue without ordering guarantees.\n**R:** We replaced it after a month.\n\n"
        "**Likely follow-ups:**\n- What would you evaluate differently now?\n- How did you tell the team?\n",
    )
    outage, queue = doc["stories"]
    bank = {q["text"]: q["story_ids"] for q in doc["questions"]}
    assert bank == {
        "Why was there no alert before?": [outage["id"]],
        "What would you evaluate differently now?": [queue["id"]],
        "How did you tell the team?": [queue["id"]],
    }
    assert outage["question"] is None  # a follow-up is asked after the story, not the question it answers


def test_stories_told_as_titled_list_items_are_stories_and_end_the_story_above(tmp_path: Path) -> None:
    doc = ingest(
        tmp_path,
        "## Cutting the warehouse bill\n\n- Situation: warehouse spend had doubled in a year.\n"
        "- Task: bring it down without slowing dashboards.\n- Action: I added auto-suspend and moved cold tables.\n"
        "- Result: spend fell 38% in two months.\n\n"
        "1. **Mentoring Priya** — Priya joined as a junior and struggled with code review. I paired with her "
        "weekly, we wrote a review checklist, and after six months she was reviewing for the whole team.\n"
        "2. **The schema migration I rushed** — I pushed a schema change on a Friday without a rollback plan. It "
        "broke two downstream jobs for a weekend. Since then I write the rollback first.\n",
    )
    assert titles(doc) == ["Cutting the warehouse bill", "Mentoring Priya", "The schema migration I rushed"]
    bill = doc["stories"][0]
    assert bill["parts"] == ["situation", "task", "action", "result"] and "Priya" not in json.dumps(bill)
    assert [s["line"] for s in doc["stories"]] == [1, 8, 9]
