"""A follow-up reply is judged against the probe it answers: a step nobody could picture, or one handed to the group
("we ended up with something everyone was comfortable with"), does not answer "what did you decide?"; a reply that
reports a measured change answers "how did you notice?" even in words far from the question's.

Replies and questions are written for this file (none from a labelled, check or blind set); each judged case failed
on main before the change.
"""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info

DIRECTION = question_info(
    "Tell me about setting the technical direction for an area where several engineers had strong, different opinions.",
    "leadership", None, "senior-genai-engineer", None, "tech-direction",
)  # fmt: skip
FAILURE = question_info(
    "Tell me about something you built that did not work as expected. What did you learn?", "behavioral", None,
    "ai-engineer", None, "failure",
)  # fmt: skip
SLIP = question_info(
    "Tell me about a project of your team that slipped badly. What did you do when you realised it?", "behavioral",
    None, "engineering-manager", None, "missed-deadline",
)  # fmt: skip


def test_a_decision_handed_to_the_group_does_not_answer_what_you_decided() -> None:
    reply = "We went round the table a few times and ended up with an approach the group was comfortable with."
    c = critique_follow_up(DIRECTION, "What did you decide in the end?", "action", reply)
    assert not c.closes_gap and c.score <= 2, (c.score, c.closes_gap)


def test_a_habit_claimed_without_a_step_does_not_answer_what_you_did() -> None:
    c = critique_follow_up(SLIP, "Who did you tell about the slip, and when?", "action",
                           "I made sure everyone was updated, as I always do.")  # fmt: skip
    assert not c.closes_gap and c.score <= 2


def test_a_picturable_step_still_answers_what_you_did() -> None:
    reply = "The same afternoon I called the finance director and sent her a one-page note with two new dates."
    c = critique_follow_up(SLIP, "Who did you tell about the slip, and when?", "action", reply)
    assert c.closes_gap and c.score >= 4, (c.score, c.closes_gap)


def test_a_measured_change_answers_how_it_was_noticed() -> None:
    reply = (
        "The weekly report showed it: precision on the fraud queue was 0.62 against 0.81 in the offline test, and "
        "the analysts' override rate went up from about one case in ten to one in three within the first fortnight. "
        "I pulled forty overridden cases and saw most came from a merchant category that did not exist in the "
        "training data."
    )
    c = critique_follow_up(FAILURE, "How did you notice it wasn't working?", "signal", reply)
    assert c.closes_gap and c.score >= 4, (c.score, c.closes_gap)
