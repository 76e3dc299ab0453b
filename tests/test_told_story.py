"""A retold story's figures are checked against the notes even when the question asked for another story: the
critic searches all the candidate's stories for the one the answer tells, not only the question's hits."""

from __future__ import annotations

from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver

import agent.nodes.retrieve as retrieve
from agent.context import Context
from agent.driver import InterviewDriver

NOTES = """# My stories

## Story 1: Flaky release gate
**Situation:** Our release gate failed at random and engineers had learned to click retry until it passed.
**Task:** I owned the gate and had to make a red build mean something again.
**Action:** I quarantined the eleven flakiest suites, gave each an owner and a two-week deadline, and added a
nightly job that reran every test twenty times to catch new flakes before they reached the gate.
**Result:** 212/212 tests passing on every run for a month, and retries fell from 30 a day to 2.

## Story 2: Moving the team to trunk-based development
**Situation:** Long-lived branches made merges take days.
**Task:** I led the move to trunk-based development for six engineers.
**Action:** I set up feature flags and a merge queue and paired with each engineer on their first week.
**Result:** Median merge time dropped from 3 days to 4 hours.
"""
QUESTION = "Tell me about a time you had to change a decision after new data came in."
ANSWER = (
    "Our release gate failed at random and people just clicked retry until it went green. I owned the gate, so I "
    "quarantined the flakiest suites, gave each an owner and a deadline, and added a nightly job that reran every "
    "test twenty times. After that 200 of 212 tests passed on every run, and retries fell from 30 a day to 2."
)


def test_a_retold_story_that_the_question_did_not_ask_for_is_still_checked(tmp_path: Path) -> None:
    docs = tmp_path / "stories.md"
    docs.write_text(NOTES, encoding="utf-8")
    context = Context(role="engineering-manager", seed=1, embedder="minilm", offline=True, docs=[str(docs)],
                      fixed_questions=[QUESTION], follow_ups=0, index_dir=str(tmp_path / "index"))  # fmt: skip
    driver = InterviewDriver(context, checkpointer=InMemorySaver())
    driver.start()
    step = driver.submit(ANSWER)
    retrieve.wait_for_searches()
    assert step.last is not None and step.last["critique"] is not None
    notes = [n for n in step.last["critique"]["story_notes"] if n["kind"] == "contradiction"]
    assert [(n["story_title"], n["notes_value"], n["said_value"]) for n in notes] == [
        ("Flaky release gate", "212/212", "200 of 212")
    ]
