"""A signal probe answered with one of the things its signal lists after "such as" gives what it asked: asked how a
hire did afterwards (the signal lists "a promotion"), "she was promoted" closes the probe and shows the signal. The
session judges with the critic's static vectors, which put such a reply far from the signal and its example; only
MiniLM (a caller's model) placed it near them, so a direct call with MiniLM closed what the CLI left open."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info

QUESTION = "Tell me about a hire you made that you are proud of, and how your process found them."
ASKED = "How did the hire do afterwards?"
MAIN = (
    "I hired Tomasz as a data engineer for our lakehouse team after a loop of four interviews scored on a rubric the "
    "panel wrote together. In the pairing round he asked how the tables were consumed before he touched the schema."
)
SIGNAL = "Says how the hire did afterwards, such as a promotion or a project they led"


def _info():  # type: ignore[no-untyped-def]
    return question_info(QUESTION, "behavioral", "hiring", "engineering-manager", None, "hiring-loop")


def test_a_promotion_answers_how_the_hire_did() -> None:
    reply = "Two years on he was promoted to staff engineer, and he now runs the storage migration with three others."
    crit = critique_follow_up(_info(), ASKED, "signal", reply, earlier=MAIN, first_score=3)
    assert crit.closes_gap and crit.score >= 4
    assert SIGNAL in crit.signals.covered


def test_a_reply_naming_none_of_it_stays_open() -> None:
    reply = "He settled in quickly and the team enjoyed having him around."
    crit = critique_follow_up(_info(), ASKED, "signal", reply, earlier=MAIN, first_score=3)
    assert not crit.closes_gap and SIGNAL not in crit.signals.covered


def test_a_denied_promotion_gives_nothing() -> None:
    reply = "He was never promoted, and he left the company after eight months."
    crit = critique_follow_up(_info(), ASKED, "signal", reply, earlier=MAIN, first_score=3)
    assert SIGNAL not in crit.signals.covered


DISAGREED = "Describe a time you disagreed with a teammate about a technical choice."
AFTER = "How did the two of you work together afterwards?"


def _ai_info():  # type: ignore[no-untyped-def]
    return question_info(DISAGREED, "behavioral", None, "ai-engineer", None, "disagreement")


def test_a_listed_thing_is_named_as_a_whole() -> None:
    told = "We kept reviewing each other's designs for two more projects, and she caught a bad index choice in mine."
    assert critique_follow_up(_ai_info(), AFTER, "signal", told).closes_gap
    elsewhere = (
        "What I remember most from that quarter is my manager telling me my branches were too large to review, so I "
        "began cutting them into pieces under three hundred lines and writing a short guide for the reviewer at the "
        "top of each one. Reviews of my code got much quicker after that."
    )
    assert not critique_follow_up(_ai_info(), AFTER, "signal", elsewhere).closes_gap
