"""The line saying an answer left a figure of the notes out is for the outcome, not for a detail: a duration the
answer says in other words ("two weeks late" for the notes' "slipped by only 2 weeks") is not left out, and a limit
kept beside the outcome ("within 3 points", "under 5 seconds") is not named once the outcome is told. An answer
that tells no outcome still hears about it. Notes and answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.models import Story

QUESTION = "Tell me about a time you replaced a system your team depended on."
RESULT = ("Lost jobs went from 40 a day to 0, restore time stays under 5 seconds, and throughput stayed within 3 "
          "points of the old queue.")  # fmt: skip
NOTES = Story(
    id="s-queue", title="Moving off the old job queue", source="notes.md", competencies=["execution"],
    text=("Situation: our job queue lost about 40 jobs a day and its vendor had ended support. Action: I ran both "
          "queues side by side and moved one team at a time. The cutover slipped by only 2 weeks instead of 8 after I "
          f"dropped the reporting jobs from phase one. Result: {RESULT}"),
    result=RESULT,
)  # fmt: skip


def _left_out(answer: str) -> list[str]:
    c = critique_answer(QUESTION, "behavioral", answer, [NOTES], "execution")
    return [n.notes_value for n in c.story_notes if n.kind == "omitted_metric"]


def test_a_duration_said_plainly_is_not_left_out() -> None:
    told = ("Our job queue lost about 40 jobs a day and its vendor had stopped supporting it, so I ran both queues "
            "side by side and moved one team at a time. We went live two weeks late rather than eight, because I cut "
            "the reporting jobs from phase one. Lost jobs went from 40 a day to 0.")  # fmt: skip
    assert _left_out(told) == []


def test_a_limit_beside_the_told_outcome_is_not_named() -> None:
    told = ("The old job queue dropped around 40 jobs a day and was out of support. I ran the two queues in parallel "
            "and migrated team by team, two weeks later than planned instead of eight. Lost jobs went from 40 a day "
            "to 0.")  # fmt: skip
    assert _left_out(told) == []


def test_an_answer_without_the_outcome_still_hears_about_it() -> None:
    told = ("Our job queue kept losing jobs and its vendor had ended support. I ran both queues side by side, "
            "moved one team at a time and dropped the reporting jobs from phase one, so the cutover slipped two weeks "
            "instead of eight.")  # fmt: skip
    assert _left_out(told) != []
