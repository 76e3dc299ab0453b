"""An answer that opens with the criteria it decides by ("I weigh three questions: ...") gives its reasons: it is not
told "give the reasoning behind the choice". The answer is written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

CRITERIA_FIRST = (
    "I weigh three questions: does it set us apart from competitors, is there a product that already does most of "
    "what we need, and what will it cost to run for three years with the people included. One decision I would "
    "make again: we bought a hosted feature flag service instead of extending our home-grown one. Extending ours "
    "needed one engineer for most of a year, roughly $180K; the service costs $30K a year. I insisted on an export "
    "of all flag history in the contract. We switched in five weeks, and the engineer moved to the billing "
    "rewrite, which does set us apart."
)


def test_criteria_stated_before_the_choice_are_its_reasons() -> None:
    q = next(q for q in load_role("director").questions if q.id == "build-vs-buy")
    c = critique_answer(q.text, q.type, CRITERIA_FIRST, role="director", question_id=q.id)
    assert "rationale" not in c.weak_or_missing, (c.weak_or_missing, c.gap)
    assert any(e.field == "rationale" and e.span.text.startswith("I weigh three questions") for e in c.evidence)
