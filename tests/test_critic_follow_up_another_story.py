"""A long follow-up reply that tells a story meant for another question of the pack (it answers that question, and
goes on with neither the answer it follows nor the follow-up) is off topic, however polished and measured it is;
a reply that goes on with the story is not. The answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import QuestionInfo, question_info
from knowledge.roles import load_role

MAIN = (
    "One of my managers was missing every delivery date and two of his engineers asked to move teams. I met him "
    "weekly, we agreed a sixty-day plan with three clear goals, and I paired him with a senior manager as a mentor. "
    "After two months he had hit two of the three goals; by the end of the quarter he chose to move back to a staff "
    "engineer role, which he is thriving in."
)
FOLLOW_UP = "How did you decide the goals of the sixty-day plan?"
COST_STORY = (
    "We cut our cloud bill by moving the nightly batch jobs to spot instances and deleting forty unused test "
    "clusters. I built a cost dashboard per team and asked each team lead to own their line. Within two quarters "
    "the monthly spend went from 310 thousand dollars to 220 thousand, and it has stayed there since."
)
ON_THE_STORY = (
    "I wrote the goals with him from what his team and his peers told me in skip-levels: ship the reporting "
    "milestone on the date he set himself, run a real retro after it, and get the two unhappy engineers to stay. I "
    "picked those three because each was something he could control and I could check every week without guessing."
)


def _info() -> QuestionInfo:
    q = next(q for q in load_role("director").questions if q.id == "underperforming-manager")
    return question_info(q.text, q.type, q.competency, "director", tuple(q.signals), q.id)


def test_a_story_for_another_question_typed_as_the_reply_is_off_topic() -> None:
    for probes in ("none", "ownership"):
        c = critique_follow_up(_info(), FOLLOW_UP, probes, COST_STORY, earlier=MAIN)
        assert c.relevance == "off_topic" and c.score <= 2 and not c.closes_gap, (probes, c.relevance, c.score)
    kept = critique_follow_up(_info(), FOLLOW_UP, "none", ON_THE_STORY, earlier=MAIN)
    assert kept.relevance == "on_topic" and kept.closes_gap and kept.score >= 4, (kept.relevance, kept.score)


HEALTH_MAIN = (
    "I watch a few signals: what people raise in one-on-ones, how the on-call load is spread, and whether the "
    "actions from our retros get done. A retro item that keeps coming back worries me more than a missed date."
)
NEW_EXAMPLE = (
    "Last year we took on the mobile rewrite on top of the platform migration, and for two months the team worked "
    "most weekends to keep both on schedule. Nobody said it out loud. I cut the rewrite's first release to the login "
    "and payment screens, pushed the rest a quarter, and asked the product lead to stop adding scope mid-sprint. "
    "Weekend work stopped within three weeks."
)


def test_a_new_story_is_what_a_follow_up_asking_for_an_example_wants() -> None:
    q = next(q for q in load_role("engineering-manager").questions if q.id == "team-health")
    info = question_info(q.text, q.type, q.competency, "engineering-manager", tuple(q.signals), q.id)
    follow_up = "Give me an example of a problem you caught early that way. How did you spot it?"
    c = critique_follow_up(info, follow_up, "example", NEW_EXAMPLE, earlier=HEALTH_MAIN)
    assert c.relevance == "on_topic" and c.score >= 3, (c.relevance, c.score)
