"""A missing signal is asked as an interviewer asks it, never quoted in the rubric's third-person wording."""

from __future__ import annotations

import pytest

from agent.critic.schema import Critique, Signals, StarFlags
from agent.followups import choose_follow_up
from agent.signal_ask import ask_for


@pytest.mark.parametrize(
    ("signal", "question"),
    [
        ("Says how they told the vendor about the delay, such as a call before the email",
         "Tell me how you told the vendor about the delay."),
        ("Says they would pilot it with one team first", "Would you pilot it with one team first?"),
        ("Says caching rarely helps for unique prompts", "Would you say caching rarely helps for unique prompts?"),
        ("Names the owner of each alert, such as a team rota", "Can you name the owner of each alert?"),
        ("Gives an example of a rollback they ran", "Can you give an example of a rollback you ran?"),
        ("Quotes or describes the review comment they got", "Can you quote or describe the review comment you got?"),
        ("Replays traffic and compares the error rates", "How do you replay traffic and compare the error rates?"),
        ("Fixes the schema at its source", "How do you fix the schema at its source?"),
        ("Tries the change on a copy first", "How do you try the change on a copy first?"),
        ("Built a test set before tuning", "How do you build a test set before tuning?"),
        ("A written rollback plan", "What about a written rollback plan?"),
    ],
)  # fmt: skip
def test_a_signal_becomes_a_question(signal: str, question: str) -> None:
    assert ask_for(signal) == question


def _critique(missing: list[str]) -> Critique:
    return Critique(
        question_type="behavioral",
        star=StarFlags(situation=True, task=True, action=True, result=True),
        quantified_result=True,
        ownership="clear",
        specificity="high",
        signals=Signals(covered=[], missing=missing),
        weak_or_missing=["signal"],
        gap="Show what a strong answer shows.",
        score=4,
    )


def test_the_signal_follow_up_asks_in_the_second_person() -> None:
    missing = ["Says how they chose which customers to warn first", "Names the metric they watched during the move"]
    critique = _critique(missing)
    first = choose_follow_up(critique, "We moved the queue.", probed=[], asked=[], budget_left=2, key="q1:1")
    assert first == {"text": "Tell me how you chose which customers to warn first.", "probes": "signal"}
    again = choose_follow_up(critique, "We moved the queue.", probed=[], asked=[first["text"]], budget_left=2,
                             key="q1:1")  # fmt: skip
    assert again is not None and again["text"] == "Can you name the metric you watched during the move?"
    for text in (first["text"], again["text"]):
        assert "touch on this" not in text and " they " not in f" {text} " and "Says" not in text
