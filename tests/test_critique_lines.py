"""The feedback's flag line never shows a check the answer did not pass."""

from __future__ import annotations

from typing import Any

from agent.critic import critique_answer
from agent.critique_lines import flag_line

PLAN_QUESTION = "If you started here next month, what would you do in your first 90 days?"


def judge(answer: str) -> dict[str, Any]:
    """The director pack's first-90-days question, as the interview asks it."""
    critique = critique_answer(PLAN_QUESTION, "motivation", answer, role="director", question_id="first-90-days")
    return critique.model_dump()


def test_a_non_answer_to_a_plan_question_shows_no_check_passed() -> None:
    critique = judge("I don't know.")
    line = flag_line(critique)
    assert critique["score"] == 1 and critique["non_answer"]
    assert "Reasons ✗" in line and "✓" not in line


def test_a_concrete_plan_keeps_its_checks() -> None:
    answer = (
        "In the first 30 days I would meet every manager and the top ten customers, and read the last two quarters of "
        "incident reviews. By day 60 I would pick the two biggest delivery risks, because they cost the most, and "
        "trade a slower roadmap for fixing on-call load. By day 90 I would agree targets with my VP and report "
        "against them monthly."
    )
    line = flag_line(judge(answer))
    assert "Reasons ✓" in line
