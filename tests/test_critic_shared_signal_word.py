"""A rival question's signal named only through a distinctive word the asked question's signals use too is no
evidence that the answer answers the rival: a fallback plan is asked of a migration and of a fixed-deadline
delivery alike, so a deadline story naming its fallback does not show it is the migration question's answer
(features._answers_rival, which confirms an off-topic verdict). The role pack is the bundled one; the answer is
written for this file."""

from __future__ import annotations

from agent.critic import features, relevance
from agent.critic.metric_roles import classify
from agent.critic.question import question_info
from agent.critic.semantic import semantic
from agent.critic.text import sentences
from knowledge.roles import load_role

ROLE = "director"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "deadline-delivery")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)
ANSWER = (
    "A regulator set a date in April for every loan decision to come with a reason code for the customer, and my "
    "teams sized it at ten months with five left. I took it to our chief credit officer and we agreed that only the "
    "two mortgage products needed reason codes by April, while the three card products moved to September. I also "
    "arranged a fallback with the operations director: should the date slip, underwriters would type the reason "
    "codes themselves from a short checklist."
)


def _rival_shown(rival_opening: str, answer: str) -> bool:
    k = next(i for i, (text, _c, _t) in enumerate(INFO.others) if text.startswith(rival_opening))
    sents = sentences(answer)
    sem = semantic()
    rel = relevance.RelevanceResult("off_topic", 0.1, 0.3, None, leaders=(k,))
    return features._answers_rival(INFO, rel, sents, sem.vectors([s.text for s in sents]), sem,
                                   classify(answer, sents, 1))  # fmt: skip


def test_a_fallback_shared_by_both_questions_is_no_evidence_for_the_rival() -> None:
    assert not _rival_shown("Tell me about a large migration", ANSWER)


def test_a_rival_signal_the_asked_question_does_not_share_still_counts() -> None:
    hiring = (
        "That spring I rebuilt our interview loop: every candidate got a structured rubric, and each new interviewer "
        "shadowed three loops and was calibrated in paired interviews before running one alone."
    )
    assert _rival_shown("Tell me about a period when you had to grow", hiring)
