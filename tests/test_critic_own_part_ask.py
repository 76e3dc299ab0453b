"""When the part of a two-part question an answer leaves out asks what the candidate did ("What did you do as the
manager?") and the story is told in the passive or with "we", the gap a follow-up chases is the candidate's own part
(ownership), not relevance; a generic answer with no step at all lacks the action. The score is what it was (the
unanswered part still caps it at 3). The role pack is the bundled one; the answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "engineering-manager"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "incident-lead")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)
PASSIVE = (
    "Our worst production incident came on a Friday evening, when checkout payments failed for card holders in two "
    "countries after a certificate expired on the payment proxy our team runs. The on-call engineers were left to "
    "debug while the support channel got an update each quarter hour, "
    "and a second engineer from the networking group was pulled in. A blameless "
    "review was held the following Monday, and an expiry alert thirty days ahead was added and closed within a week."
)
GENERIC = "There was an outage on one of our services once and it was stressful for everybody, but it got sorted."


def test_an_unanswered_own_part_is_an_ownership_gap() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, PASSIVE, info=INFO)
    assert c.relevance == "partial" and c.score <= 3
    assert c.primary_gap == "ownership" and "relevance" in c.weak_or_missing


def test_a_generic_answer_with_no_step_lacks_the_action() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, GENERIC, info=INFO)
    assert c.primary_gap in ("action", "non_answer", "specificity")
