"""A question that asks for something of the candidate's that did not work is answered by such a story whatever its
subject: a failed cache in front of a model, told to the failure question, is on topic even though the pack's
serving-cost question shares its subject; a success story on the same subject is still off topic. The role pack is
the bundled one; the answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "ai-engineer"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "failure")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)

FAILED_CACHE = (
    "I built a caching layer in front of our pricing model so repeated requests would skip inference, and I expected "
    "it to cut serving cost by half. It did not work: the hit rate stayed under ten percent because nearly every "
    "request carried a fresh timestamp feature, which I had not checked before building it. I took the cache out "
    "after a month. What I learned is to measure the traffic I am optimising before I write code; on my next "
    "project, a batch scorer, I logged a week of real inputs first, and that changed the design."
)
SPEED_UP = (
    "Our nightly feature job took four hours, so I profiled it and found one slow join and a Python loop over every "
    "row. I replaced the loop with vectorised NumPy code, moved the tokenising into a process pool, and checked that "
    "the output tables matched the old ones exactly. The job now finishes in forty minutes."
)


def test_a_failure_of_their_own_on_any_subject_answers_the_failure_question() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, FAILED_CACHE, info=INFO)
    assert c.relevance != "off_topic" and c.score >= 4


def test_a_success_story_is_still_off_topic_there() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, SPEED_UP, info=INFO)
    assert c.relevance == "off_topic" and c.score <= 2
