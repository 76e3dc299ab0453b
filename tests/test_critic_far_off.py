"""An answer that many other questions of the pack fit far better than the asked one, and that names at most one of
the asked question's signals, is off topic however many words it shares with the question (relevance.far_off). The
answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer

COST_Q = "How do you estimate and keep under control the token cost of a feature that calls a hosted model?"
SPEED_STORY = (
    "Our hosted model feature felt slow, so I timed each stage of a request first. I streamed the tokens of the "
    "final answer so people saw text within a second. Two model calls were running one after the other, so I ran "
    "them in parallel. Quality on our evaluation questions held, and the slowest replies now take under three "
    "seconds."
)


def test_a_speed_story_told_to_a_cost_question_is_off_topic() -> None:
    c = critique_answer(COST_Q, "technical", SPEED_STORY, role="senior-genai-engineer", question_id="token-cost")
    assert c.relevance == "off_topic" and c.score <= 2, (c.relevance, c.score)


def test_a_cost_answer_to_the_cost_question_stays_on_topic() -> None:
    answer = (
        "Before launch I multiply the average prompt and completion tokens by the price per thousand and by the "
        "requests we expect a day, and I check that estimate against a week of shadow traffic. To keep it down I "
        "trim the prompt, cache repeated questions and send simple ones to a cheaper model. A daily spend alert "
        "goes to the feature's owner when it passes the budget."
    )
    c = critique_answer(COST_Q, "technical", answer, role="senior-genai-engineer", question_id="token-cost")
    assert c.relevance == "on_topic", c.relevance
