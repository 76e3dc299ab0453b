"""An answer that announces, past its opening, a turn to another story and then tells one that takes nothing from the
question is off topic, however well its opening named the asked subject (issue 9, miss 4). Driven through the real
CLI, a scripted offline director session on "a hire you got wrong"; answers written for this file. The cue list's
examples are checked too (agent/critic/disclaim.py TURN_CUES)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.critic.disclaim import TURN_CUES, turned_away
from agent.critic.text import sentences
from tests.scripted_critique import main_critique

HIRE_SEED = 41  # the director pack's one-question plan with this seed asks for a hire the candidate got wrong
DISAGREEMENT_SEED = 3  # the ai-engineer pack's asks for a time the candidate disagreed with a teammate
QUESTION = "a hire you got wrong"
OPENING = (
    "The hire I got most wrong was Bruno, a staff engineer I brought in to run our search rebuild; I made that offer "
    "myself over one panel member's doubts. "
)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_hire_named_then_a_vendor_bill_story_announced_and_told_is_off_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", HIRE_SEED, OPENING + (
        "The rebuild was a small part of my year, though, so let me tell you about our vendor bills. Four "
        "observability vendors were costing us about $90k a month, and nobody knew which group used which. Within "
        "three weeks I had a list of every seat and dashboard with its owning group, and each group lead got their "
        "share on one page every month. Most of the spend came from two places: every service shipping its logs "
        "twice, and trial seats left running. The leads cut the duplicate shipping, we consolidated on one vendor, "
        "and by the end of the quarter the bill was $52k a month with the same alerts in place."
    ), QUESTION)  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique
    assert "let me tell you about our vendor bills" in critique["relevance_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_turn_that_goes_on_with_the_hire_stays_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", HIRE_SEED, OPENING + (
        "Let me tell you how I found out the hire was wrong: within six weeks two of his engineers told me in "
        "skip-levels that design reviews had turned into monologues, and his first milestone slipped by a month with "
        "no warning. I gave him a clear plan with weekly check-ins for six weeks, nothing changed, and we parted ways. "
        "What I changed in hiring: every senior loop now has a round where the candidate reviews a real design with "
        "future peers, and I call one reference myself."
    ), QUESTION)  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_disagreement_told_after_an_announced_turn_stays_on_topic(tmp_path: Path) -> None:
    # The turn takes no word of the question with it, but what follows is the disagreement asked for.
    critique = main_critique(tmp_path, "ai-engineer", DISAGREEMENT_SEED, (
        "It was during our payments rewrite last spring. That rewrite had plenty of drama, but let me tell you about "
        "Priya and the queue design: she wanted one shared queue for every merchant, I wanted a queue per region so a "
        "slow region could not block the rest. We argued for a week in comments. I suggested we each write one page "
        "with the failure cases and run both designs against a copy of last month's traffic. Her design was simpler "
        "to run and lost nothing in the replay, so I said so in the review and we went with it. We still pair on the "
        "queue code, and it has run for a year without a regional stall."
    ), "disagreed with a teammate")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]


@pytest.mark.parametrize(("pattern", "example"), TURN_CUES)
def test_every_turn_cue_matches_its_example(pattern: str, example: str) -> None:
    assert re.search(pattern, example, re.IGNORECASE), example


def test_a_cue_in_the_first_sentence_or_without_a_contrast_is_no_turn() -> None:
    question = "Tell me about a time you disagreed with a teammate."
    said = sentences("But let me tell you about Priya and our queue design. She wanted one shared queue; I wanted two.")
    assert turned_away(question, said) is None
    assert turned_away(question, sentences("It was last spring. " + said[0].text)) is not None
    assert turned_away(question, sentences("It was last spring. Let me tell you about Priya and our queues.")) is None
