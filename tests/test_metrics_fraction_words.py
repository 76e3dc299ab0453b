"""A share said in number words ("two thirds of the tickets", "three quarters of the teams", "by a third", "half of
the time") is a percentage, never a count of things called "thirds" (knowledge/metrics.py). Answers written for
this file."""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from knowledge.metrics import extract_metrics


@pytest.mark.parametrize(
    ("text", "said", "value"),
    [
        ("After the change two thirds of the tickets were closed on first contact.", "two thirds", 66.67),
        ("Two-thirds of the nightly jobs now finish before six.", "Two-thirds", 66.67),
        ("Three quarters of the teams moved to the new pipeline within a month.", "Three quarters", 75.0),
        ("We cut the cloud bill by a third in one quarter.", "a third", 33.33),
        ("Release prep now takes half of the time it used to.", "half", 50.0),
    ],
)
def test_a_share_in_number_words_is_a_percentage(text: str, said: str, value: float) -> None:
    found = [(m.text, m.value, m.unit) for m in extract_metrics(text)]
    assert (said, value, "%") in found, found


def test_the_critic_reads_a_share_in_words_as_the_outcome_it_is() -> None:
    answer = ("Our on-call rota kept paging people for flaky disk alerts. I rewrote the alert rules and moved the "
              "disk checks into the weekly capacity review. Afterwards two thirds of the pages were gone.")  # fmt: skip
    c = critique_answer("Tell me about a time you reduced toil for your team.", "behavioral", answer)
    outcome = [(m.value, m.unit) for m in c.metrics if m.role == "outcome"]
    assert c.quantified_result and outcome == [(66.67, "%")], outcome
