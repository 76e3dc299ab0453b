"""A follow-up answer judged on its own: evasions score 1, unsure replies give part of the ask at most, and a reply
that continues the earlier answer in its own words is not off topic. Every text here is written for this file."""

from __future__ import annotations

import re

import pytest

from agent.critic import critique_follow_up
from agent.critic.follow_up import COST_CUES, EVASIVE_CUES, GATHERS_CUES, UNSURE_CUES
from agent.critic.question import question_info

MAIN = "Tell me about a time you moved a service to a new database. How did you do it?"


def _info():  # type: ignore[no-untyped-def]
    return question_info(MAIN, "behavioral")


@pytest.mark.parametrize(("pattern", "example"), [*UNSURE_CUES, *EVASIVE_CUES, *COST_CUES, *GATHERS_CUES])
def test_every_cue_matches_its_example(pattern: str, example: str) -> None:
    assert re.search(rf"\b(?:{pattern})\b", example, re.IGNORECASE)


def test_an_evasive_reply_to_an_ownership_probe_scores_one() -> None:
    reply = "Honestly it was a team effort from start to end. We all talked about it and it happened naturally."
    c = critique_follow_up(_info(), "What did you yourself decide during the cut-over?", "ownership", reply)
    assert c.score == 1 and c.closes_gap is False


def test_a_vague_reply_without_evasion_still_scores_two() -> None:
    reply = "It went a lot better after that and the people using it were much happier with the speed overall."
    c = critique_follow_up(_info(), "What changed once it was live?", "result", reply)
    assert c.score == 2 and c.closes_gap is False


def test_an_unsure_reply_gives_part_of_what_was_asked() -> None:
    sure = (
        "We kept both databases in sync with change-data-capture for three weeks, compared row counts nightly, and "
        "switched reads first, then writes, so a rollback was one config flag."
    )
    unsure = sure + " The exact number of nightly mismatches I'd have to check."
    asked = "How did you make sure no data was lost, and how would you have rolled back?"
    assert critique_follow_up(_info(), asked, "failure_modes", sure).closes_gap is True
    c = critique_follow_up(_info(), asked, "failure_modes", unsure)
    assert c.closes_gap is False and 2 <= c.score <= 3


def test_a_reply_that_continues_the_story_in_its_own_words_is_not_off_topic() -> None:
    reply = (
        "Probably at the replication lag part: I never fully understood why the follower fell behind at night, so "
        "I left the batch window alone rather than tune it."
    )
    c = critique_follow_up(_info(), "Where did you hit the limits of what you knew?", "signal", reply)
    assert c.relevance != "off_topic" and c.score >= 2


# A probe for a missing signal of a pack question, and a reply that gives it at length. Read as a first answer it sits
# closer to the pack's evaluation-pipeline question than to the incident question; as a reply it answers the probe.
INCIDENT = "Tell me about a time an AI feature you owned misbehaved in production. What happened next?"
GUARD_PROBE = "What did you add afterwards so the same failure would be caught before customers saw it?"
GUARD_REPLY = (
    "I turned the forty bad transcripts into a regression suite that runs in CI whenever a prompt or the model "
    "version changes, "
    "with an exact check that the reply language matches the ticket language. I added a cheap language-detection "
    "guardrail after generation that falls back to a template reply when they disagree, and an alert when the "
    "fallback rate passes two percent in an hour. It fired once since, on a vendor model update, and the suite "
    "blocked that release before it reached a single customer."
)


def test_a_specific_reply_to_a_signal_probe_closes_it_though_it_reads_like_another_pack_question() -> None:
    info = question_info(INCIDENT, "behavioral", role="senior-genai-engineer", question_id="genai-incident")
    c = critique_follow_up(info, GUARD_PROBE, "signal", GUARD_REPLY)
    assert c.closes_gap is True and c.score >= 4


@pytest.mark.parametrize(
    "reply",
    [
        "We sat down with their lead, talked it over, and in the end it was a joint decision that everyone accepted.",
        "After the launch we kept watch on the dashboards for a few weeks, and everything turned out okay in the end.",
    ],
)
def test_a_reply_that_hands_the_ask_to_the_group_or_to_luck_scores_one(reply: str) -> None:
    c = critique_follow_up(_info(), "What exactly did you propose, and what did you measure?", "ownership", reply)
    assert c.score == 1 and c.closes_gap is False
