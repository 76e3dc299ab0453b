"""A manager asked what their part was in their team's hardest delivery, who tells only their own hands-on work, is
below the level, even when an operating-system "process" is named (the team's process is a manager's scope, a worker
process is not) and the fix is told as "I then fixed". The role pack is the bundled one; the answer is written for
this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "engineering-manager"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "delivery-win")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)
HANDS_ON = (
    "The toughest one was the search autocomplete service. I traced the slow path and saw that each worker process "
    "rebuilt its prefix tree on every deploy, so I then fixed the loader to read a prebuilt snapshot once per "
    "process. Cold starts went from forty seconds to three."
)


def test_hands_on_work_told_to_a_managers_question_is_below_the_level() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, HANDS_ON, info=INFO)
    assert c.level == "below" and c.score <= 3
    assert c.primary_gap == "level"
