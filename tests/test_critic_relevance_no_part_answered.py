"""An answer that leaves one ask of a two-part question unanswered is partial only if something shows it answers the
other: a story that static vectors and words place on other questions, that MiniLM places there too, and that names
none of the question's signals is off topic, not half an answer (newcomer30 N5: a cost story told to "a hire that
did not work out; what did you learn about your interviewing?" was "partial: you did not get to what you learned").
Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

# A cost story with no hire in it, told to the question about a hire that did not work out.
WAREHOUSE_BILL = (
    "Last spring our warehouse bill had crept up to $47k a month and I was asked to bring it down. I owned that "
    "budget. I went through the query logs and found that a third of the spend came from dashboards refreshing "
    "every five minutes that people opened once a day, so I cut their refresh to hourly and put two years of cold "
    "tables on cheaper storage. Within two months the bill was down to $31k a month and no team reported a "
    "slower report."
)
# A hire that did not work out, told without the lesson for interviewing: half of the question.
HIRE_NO_LESSON = (
    "I hired a senior backend engineer who had been excellent in every interview round. Once he joined, he could not "
    "start anything without a detailed spec and his reviews kept stalling the team. I set out clear expectations in "
    "our one-on-ones and paired him with our tech lead for two months, but it did not improve, and we agreed he "
    "would leave at the end of the quarter."
)


def _ask(answer: str):  # type: ignore[no-untyped-def]
    q = next(q for q in load_role("engineering-manager").questions if q.id == "bad-hire")
    return critique_answer(q.text, q.type, answer, role="engineering-manager", question_id="bad-hire")


def test_a_cost_story_told_to_a_question_about_a_hire_is_off_topic() -> None:
    c = _ask(WAREHOUSE_BILL)
    assert c.relevance == "off_topic", (c.relevance, c.relevance_note)
    assert c.score <= 2


def test_a_hire_story_without_its_lesson_is_still_partial() -> None:
    c = _ask(HIRE_NO_LESSON)
    assert c.relevance == "partial", (c.relevance, c.relevance_note)
    assert "interviewing" in c.relevance_note
