"""A share of a thing where things stand after the work ("Today 1.2% of quotes ...") and a reduction told to a
share ("cut complaints to a fifth") are quantified results; the same words elsewhere are not."""

from __future__ import annotations

import pytest

from agent.critic.metric_roles import classify
from agent.critic.text import sentences

STEPS = (
    "In spring our billing job sent invoices built from a stale tax table. I added a check that compares every "
    "invoice with the approved table before it goes out, and made the finance engineers own the alert. "
)


def _roles(answer: str, first_action: int = 1, hypothetical: bool = False) -> dict[str, str]:
    return {m.text: m.role for m in classify(answer, sentences(answer), first_action, hypothetical)}


@pytest.mark.parametrize(
    ("ending", "figure"),
    [
        ("Today 0.8% of invoices need a manual correction.", "0.8%"),
        ("These days 3% of invoices are held for review.", "3%"),
        ("Currently 1.5% of invoices go to the review queue.", "1.5%"),
        ("That cut complaints to a fifth of what they were.", "a fifth"),
        ("It brought complaints down to 5%.", "5%"),
        ("That reduced complaints to 4%.", "4%"),
        ("That lowered complaints to 3%.", "3%"),
        ("Complaints dropped to 6%.", "6%"),
        ("Complaints fell to 7%.", "7%"),
        ("We halved complaints to 8%.", "8%"),
    ],
)
def test_where_things_stand_after_the_work_is_an_outcome(ending: str, figure: str) -> None:
    assert _roles(STEPS + ending)[figure] == "outcome"


def test_a_window_named_inside_a_design_sentence_stays_context() -> None:
    design = (
        "Requirements: flag risky orders within 40 ms. The scorer reads features from two stores: profile ones and "
        "velocity ones such as new payees today. Scale: a few pods handle the peak."
    )
    assert _roles(design, first_action=0, hypothetical=True)["two stores"] == "context"


def test_a_problem_told_as_ongoing_after_the_work_stays_context() -> None:
    answer = STEPS + "By the time we shipped it was checking about 2 million invoices a month across 12 countries."
    roles = _roles(answer)
    assert roles["2 million invoices"] == "context"
