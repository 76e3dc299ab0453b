"""A story whose steps are all told in the passive ("a flag was added, the index was rebuilt") has its actions; what
is missing is whose they were: the gap a follow-up chases is ownership, at the cost of a missing action, not a
missing action. The role pack is the bundled one; the answer is written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "director"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "big-migration")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)
PASSIVE = (
    "Leaving our last data centre meant moving about four hundred databases for eleven product groups to the cloud "
    "over six quarters. Databases with no writes at night were taken first, and the payment ledgers were kept for "
    "last. A replication tool was built so each database was copied live and checked row by row before the cut-over, "
    "and a named engineer was placed in every product group for its quarter. The data centre contract was ended in "
    "May, one quarter after the original date."
)


def test_a_story_told_in_the_passive_is_an_ownership_gap() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, PASSIVE, info=INFO)
    assert c.primary_gap == "ownership" and "action" not in c.weak_or_missing
    assert c.score <= 3
