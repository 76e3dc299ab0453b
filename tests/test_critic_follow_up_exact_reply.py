"""A short reply that gives exactly what a follow-up asked is judged against that follow-up, not off topic.

After a vague "we" answer, "What was your own part in that?" answered with the candidate's own steps, or "What changed,
in numbers?" answered with the figures, names what the answer only alluded to: its meaning sits far from both the
answer and the main question, and it was scored 1/5 "off topic". An aside with none of the question's words and no
measured change stays off topic. Every answer here is written for this file.
"""

from __future__ import annotations

import pytest

from agent.critic.follow_up import critique_follow_up
from agent.critic.question import QuestionInfo, question_info
from knowledge.roles import load_role

VAGUE = (
    "We had long arguments about our feature store. Some engineers wanted one option, others another. We talked it "
    "over in several meetings, compared the options as a group and in the end we settled on a direction everyone "
    "could live with."
)
OWN = "What was your own part in that?"
NUMBERS = "How did you measure the impact? What changed, in numbers?"


def _info() -> QuestionInfo:
    q = next(q for q in load_role("senior-genai-engineer").questions if q.id == "tech-direction")
    return question_info(q.text, q.type, role="senior-genai-engineer", question_id="tech-direction")


@pytest.mark.parametrize(
    ("follow_up", "probes", "reply"),
    [
        (OWN, "ownership", "I wrote the comparison of Feast against Tecton, ran a two-week trial, and made the call "
                           "myself: Feast."),
        (NUMBERS, "quantified_result", "Training-data prep went from 50 minutes to 12, we dropped two cron jobs, and "
                                       "compute spend fell by $4k a month."),
    ],
)
def test_a_short_exact_reply_answers_the_follow_up(follow_up: str, probes: str, reply: str) -> None:
    c = critique_follow_up(_info(), follow_up, probes, reply, earlier=VAGUE)
    assert c.relevance == "on_topic" and not c.non_answer
    assert c.closes_gap and c.score >= 4


@pytest.mark.parametrize(
    ("follow_up", "probes", "reply"),
    [
        (OWN, "ownership", "Outside work I spent that spring training for a half marathon in the hills."),
        (OWN, "ownership", "I booked a week in Lisbon with my family and switched my phone off."),
        (NUMBERS, "quantified_result", "My daughter started school that year, so I moved to four days a week."),
    ],
)
def test_a_short_aside_stays_off_topic(follow_up: str, probes: str, reply: str) -> None:
    c = critique_follow_up(_info(), follow_up, probes, reply, earlier=VAGUE)
    assert c.relevance == "off_topic" and c.score == 1


def test_hands_on_claims_still_do_not_close_an_ownership_probe() -> None:
    reply = "I was deeply involved throughout and kept pushing everyone to align on the direction."
    c = critique_follow_up(_info(), OWN, "ownership", reply, earlier=VAGUE)
    assert not c.closes_gap and c.score <= 2
