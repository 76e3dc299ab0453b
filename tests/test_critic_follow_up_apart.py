"""A follow-up reply about something else entirely, far from the answer it follows, is judged off topic and scores 1,
while a short reply that goes on with the same story is not. Answers and replies are written for this file."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info

PEOPLE = question_info(
    "Tell me about an engineer on your team who was underperforming. What did you do, step by step?", "leadership",
    None, "engineering-manager", None, "low-performer",
)  # fmt: skip
STORY = (
    "One of our backend engineers had started missing most of his sprint commitments and his reviews sat for days. "
    "I raised it in our next one-on-one with two concrete examples, asked what was getting in the way, and we wrote "
    "down three goals for the next six weeks that we checked every Friday."
)
ASKED = "How did it end for him?"


def test_a_reply_about_something_else_is_off_topic_and_scores_one() -> None:
    reply = ("Around that time I also moved our team's standup to the afternoon, which suited the people in "
             "California much better and made the meeting shorter.")  # fmt: skip
    c = critique_follow_up(PEOPLE, ASKED, "signal", reply, earlier=STORY)
    assert c.score == 1 and c.relevance == "off_topic" and c.closes_gap is False
    assert not c.strengths


def test_a_short_reply_that_goes_on_with_the_story_is_not_off_topic() -> None:
    reply = "He met two of the three goals, and a quarter later he was back to closing what he committed each sprint."
    c = critique_follow_up(PEOPLE, ASKED, "signal", reply, earlier=STORY)
    assert c.relevance != "off_topic" and c.score >= 2
