"""A past fix of something else, told to a plan question whose words it never uses, is off topic, not "below the role".

The level check reads a hands-on fix as a lower scope, and a lower scope of the same subject is a level gap, not an
answer to another question. A story question leaves its subject open (any incident, any project); a plan question
("walk me through how you decide") names it, so an outage told to a budget trade-off is another subject.
Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

WEBHOOK_OUTAGE = (
    "Let me tell you about our payment webhook outage. Our webhook consumer dropped events for six hours because a "
    "certificate expired on a Sunday. I was on call: I rotated the certificate, replayed the dropped events from the "
    "queue, then wrote the postmortem and added expiry alerts. We have had no expiry incidents in the year since, and "
    "the alert is now part of every new service template."
)


def _ask(role: str, qid: str, answer: str):  # type: ignore[no-untyped-def]
    q = next(q for q in load_role(role).questions if q.id == qid)
    return critique_answer(q.text, q.type, answer, role=role, question_id=qid)


def test_an_outage_told_to_a_budget_trade_off_is_off_topic() -> None:
    c = _ask("director", "budget-tradeoff", WEBHOOK_OUTAGE)
    assert c.relevance == "off_topic"
    assert c.score <= 2 and c.weak_or_missing[0] == "relevance"
    assert not c.signals.covered


def test_the_same_outage_told_to_the_incident_question_is_still_a_level_gap() -> None:
    c = _ask("director", "major-incident", WEBHOOK_OUTAGE)
    assert c.relevance != "off_topic"
