"""A depth or reasoning reply is judged at a reply's length: the candidate's own step that a reader can picture
answers "what would you do differently?", and a property that makes the choice good or bad ("easy to bypass", "too
slow for chat") is a reason without "because". Replies and questions are written for this file."""

from __future__ import annotations

import pytest

from agent.critic import critique_follow_up
from agent.critic.question import question_info

MENTOR = question_info("Tell me about an engineer you mentored into a tech lead role.", "leadership", None,
                       "engineering-manager", None, None)  # fmt: skip
CACHE = question_info("How would you cut the latency of a search API that calls a ranking model on every request?",
                      "technical", None, "ai-engineer", None, None)  # fmt: skip


@pytest.mark.parametrize(
    "reply",
    [
        "I'd hand him the incident review rotation a quarter earlier, and I'd pair him with the staff engineer on "
        "the billing team sooner; the cross-team design work was what he lacked most.",
        "I would set up the shadowing plan before the reorg instead of after it, so his first design review was not "
        "also his first week leading.",
    ],
)
def test_a_concrete_own_step_answers_a_depth_probe(reply: str) -> None:
    c = critique_follow_up(MENTOR, "Looking back, what would you do differently?", "none", reply)
    assert c.closes_gap and c.score >= 4, (c.score, c.closes_gap)


@pytest.mark.parametrize(
    "reply",
    [
        "Frankly it wasn't, for this. A per-user cache is hard to invalidate; it was a quick patch for a demo and I "
        "would not ship it here.",
        "It was the right call for launch week. The ranking model is too slow for a synchronous call on every "
        "keystroke; the cache in front of it took the p95 from 900 ms to 60 ms.",
    ],
)
def test_a_reason_stated_as_a_property_answers_why(reply: str) -> None:
    c = critique_follow_up(CACHE, "You said you cached the ranked results per user. Why was that the right call?",
                           "rationale", reply)  # fmt: skip
    assert c.closes_gap and c.score >= 3, (c.score, c.closes_gap)


def test_a_step_without_anything_to_picture_does_not_answer_a_depth_probe() -> None:
    c = critique_follow_up(MENTOR, "Looking back, what would you do differently?", "none",
                           "I would probably communicate more.")  # fmt: skip
    assert not c.closes_gap
