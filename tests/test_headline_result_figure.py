"""The figure praised as "a measured outcome" is a result figure, not any figure of the result sentence.

A result sentence carries its circumstances too: how late the launch was, how big the sample was that showed the
problem. Quoting the delay or the sample size as the outcome praises the wrong thing (newcomer trial N18).
"""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from agent.critic.core import headline_metric
from agent.critic.features import compute
from agent.critic.question import question_info
from agent.critic.semantic import semantic

QUESTION = "Tell me about a time you pushed back on a senior leader."
LATE = (
    "Our head of sales wanted the new pricing page live before the trade fair. A quick look at the funnel showed "
    "that returning buyers would see prices 9% higher than their contract, so I objected in the planning review "
    "with the contract data and asked for a one-week grace banner. She took it to the COO and I showed him the "
    "numbers. We shipped the page two months late with the banner: trial sign-ups up 4.2%, and churn among "
    "returning buyers stayed flat instead of rising."
)
SAMPLE = (
    "In spring I championed moving our ticket triage to an automatic classifier for all four support regions. "
    "The vendor benchmark said 3% of tickets would be misrouted; after launch, a manual check of 300 tickets "
    "showed 14%. The mistake was mine: I had accepted the vendor's own benchmark. I rolled it back within two days, "
    "rebuilt the evaluation from 900 of our real tickets and relaunched a month later at 2.5% misrouted."
)


def _headline(question: str, answer: str) -> str:
    f = compute(question_info(question, "behavioral"), answer, semantic())
    found = headline_metric(f.metrics, f.sents)
    return found.text if found is not None else ""


def test_a_delay_in_the_result_sentence_is_not_the_outcome() -> None:
    assert _headline(QUESTION, LATE) == "4.2%"


def test_a_sample_size_is_not_the_outcome() -> None:
    assert _headline("Tell me about an initiative you pushed for that failed.", SAMPLE) == "2.5%"


@pytest.mark.parametrize("answer, wrong", [(LATE, "two months"), (SAMPLE, "300 tickets")])
def test_the_strength_line_quotes_the_result_figure(answer: str, wrong: str) -> None:
    c = critique_answer(QUESTION if answer is LATE else "Tell me about an initiative you pushed for that failed.",
                        "behavioral", answer)  # fmt: skip
    praised = [s for s in c.strengths if s.startswith("A measured outcome")]
    assert all(wrong not in s for s in praised), praised


def test_a_change_from_x_to_y_still_comes_first() -> None:
    answer = (
        "I led the move of our nightly batch to streaming. It took 14 weeks and four engineers. Freshness went "
        "from 26 hours to 40 minutes, and the finance team closed the month two days earlier."
    )
    assert _headline("Tell me about a project you led end to end.", answer) == "from 26 hours to 40 minutes"
