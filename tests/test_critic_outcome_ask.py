"""When the part of a two-part question an answer leaves out asks how it turned out ("How did it go?"), the gap a
follow-up chases is the result, not relevance; the score is what it was (the unanswered part still caps it at 3).
The role pack is the bundled one; the answer is written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "director"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "say-no-upward")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)
NO_OUTCOME = (
    "Our CFO asked me to halve the on-call rotation for the data platform to save headcount. I told him I would not "
    "recommend it. I brought him the pages from the last two quarters, which showed how often each remaining "
    "engineer would be woken, and the attrition we had seen the last time a team ran that thin. I offered instead to "
    "move some of the engineers onto cost work for a quarter while keeping them on the rotation. I also told him "
    "that whatever he chose, I would present it to my team as our decision, not his."
)


def test_an_unanswered_how_did_it_go_is_a_result_gap() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, NO_OUTCOME, info=INFO)
    assert c.relevance == "partial" and c.score == 3
    assert c.primary_gap == "result" and "relevance" in c.weak_or_missing
