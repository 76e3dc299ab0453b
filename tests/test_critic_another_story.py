"""A follow-up reply that answers another question is off topic (agent/critic/another_story.py), without MiniLM."""

from __future__ import annotations

import re

import pytest

from agent.critic import critique_follow_up
from agent.critic.another_story import ASKS_ANOTHER_CUES, TURNS_CUES
from agent.critic.question import question_info
from agent.critic.semantic import semantic
from knowledge.ingest import ingest_text

QUESTION = "Tell me about a production incident on your team's services. What did you do as the manager?"
ANSWER = (
    "Last March our payments webhook consumer fell behind during a partner's traffic spike and about four thousand "
    "refund events sat unprocessed for three hours. I took incident command, pulled the two engineers who knew the "
    "consumer off their sprint, and kept support updated every thirty minutes. Afterwards I ran the review and we "
    "added a lag alert and a second consumer pool."
)
ASKED = "How did you keep the rest of the company informed while it was going on?"
# Typed for another question of the pack (hiring), announced as what "really helped".
ELSEWHERE = (
    "Honestly what really helped in the end was changing how we interview. I rewrote our loop so every candidate "
    "pairs with one of our engineers on a real bug for an hour, dropped the whiteboard round, and started scoring "
    "against a written rubric. Our offer acceptance rate went from about half to four in five over two quarters, and "
    "the two people we hired that way are now my strongest engineers."
)
GOES_ON = (
    "I posted in the incident channel every thirty minutes with what we knew, what we were trying next and when the "
    "next update would come, and I had our support lead copy the same text into the status page so customers saw it "
    "too. When the backlog started draining I sent the finance team the count of delayed refunds so they could "
    "answer the calls that were already coming in."
)
NOTES = """## Refund webhook backlog

Our payments webhook consumer fell behind during a partner's traffic spike; four thousand refund events sat
unprocessed for three hours. I took incident command, pulled two engineers off their sprint and updated support
every thirty minutes. Afterwards I ran the review: lag alert, second consumer pool.

## Estimation reset

Sprint commitments kept slipping by a third. I had the team split every ticket over three days, track cycle time
instead of points, and review the forecast every second Friday. Within two quarters we hit nine of ten sprint goals.
"""
# Short enough to skip the pack check: only the notes can tell it tells the other story.
OTHER_STORY = (
    "We split every ticket over three days, tracked cycle time instead of points and reviewed the forecast every "
    "second Friday; within two quarters the team hit nine of ten sprint goals."
)


def _info():  # type: ignore[no-untyped-def]
    return question_info(QUESTION, "behavioral", None, "engineering-manager", None, "incident-lead")


@pytest.mark.parametrize(("pattern", "example"), [*ASKS_ANOTHER_CUES, *TURNS_CUES])
def test_every_cue_matches_its_example(pattern: str, example: str) -> None:
    assert re.search(r"\b(?:" + pattern + ")", example, re.IGNORECASE)


def test_a_long_reply_about_another_subject_is_off_topic() -> None:
    crit = critique_follow_up(_info(), ASKED, "signal", ELSEWHERE, earlier=ANSWER)
    assert (crit.relevance, crit.closes_gap) == ("off_topic", False) and crit.score <= 2


def test_a_reply_going_on_with_the_story_is_judged_as_before() -> None:
    crit = critique_follow_up(_info(), ASKED, "signal", GOES_ON, earlier=ANSWER)
    assert crit.relevance == "on_topic" and crit.closes_gap and crit.score >= 4


def test_another_story_is_what_an_example_probe_asks_for() -> None:
    crit = critique_follow_up(_info(), "Can you give me an example of another incident?", "example", ELSEWHERE,
                              earlier=ANSWER)  # fmt: skip
    assert crit.relevance == "on_topic"


def test_a_reply_retelling_another_story_of_the_notes_is_off_topic() -> None:
    stories = ingest_text(NOTES, "prep.md").stories
    assert [s.title for s in stories] == ["Refund webhook backlog", "Estimation reset"]
    crit = critique_follow_up(_info(), ASKED, "signal", OTHER_STORY, stories, earlier=ANSWER)
    assert (crit.relevance, crit.closes_gap) == ("off_topic", False) and crit.score <= 2
    again = critique_follow_up(_info(), ASKED, "signal", GOES_ON, stories, earlier=ANSWER)
    assert again.relevance == "on_topic"


def test_the_check_never_calls_minilm(monkeypatch) -> None:
    """A reply must not wait behind background MiniLM work: these replies are judged with static vectors only."""
    exact = semantic("minilm")

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("MiniLM called while judging a long reply")

    monkeypatch.setattr(exact, "vectors", refuse)
    stories = ingest_text(NOTES, "prep.md").stories
    for reply in (ELSEWHERE, GOES_ON):
        critique_follow_up(_info(), ASKED, "signal", reply, stories, earlier=ANSWER)
