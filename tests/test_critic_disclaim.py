"""An opening that says the story is not about the asked subject makes the answer off topic (issue 9 case 1; off-topic
stories of the critic check sets that told the interviewer so themselves). Driven through the real CLI, a scripted
offline director session on "a hire you got wrong" and an AI engineer one on bad data affecting a model; answers
written for this file. The cue list's examples are checked too (agent/critic/disclaim.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from agent.critic.disclaim import DISCLAIM_CUES, disclaimed
from agent.critic.text import sentences
from tests.scripted_critique import main_critique

HIRE_SEED = 41  # the director pack's one-question plan with this seed asks for a hire the candidate got wrong
DATA_SEED = 25  # the ai-engineer pack's asks for a time poor data quality affected the candidate's model


def _turn(tmp_path: Path, role: str, seed: int, answer: str, asked: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline session."""
    return main_critique(tmp_path, role, seed, answer, asked)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_hire_story_that_says_it_is_not_about_a_person_is_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, "director", HIRE_SEED, (
        "The one I got most wrong was not a person, it was an outside recruiting firm we hired for our ML roles. I "
        "picked them myself over my HR partner's doubts, because they promised twenty candidates a month. Within ten "
        "weeks I saw that only one in fifteen of their candidates passed our phone screen, from the funnel numbers my "
        "recruiter kept. I ended the contract after the first quarter, and now every agency starts with a small "
        "pilot on three roles before we sign for more."
    ), "hire you got wrong")  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique
    assert "not a person" in critique["relevance_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_hire_story_with_a_contrast_in_its_opening_stays_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, "director", HIRE_SEED, (
        "The hire I got wrong was not a junior, it was a head of platform I pushed for over two concerns from my own "
        "panel. I made the call because his system design round was the best we had seen. Within two months three "
        "of his engineers told me in skip-levels that decisions were stalling, and his peers said the same in their "
        "feedback. I gave it six weeks with a clear plan, it did not change, and we parted ways fairly. What I "
        "changed: every leadership loop now has a round run by a future peer and a reference call I make myself, and "
        "both leaders hired through it since are still with us and rated strong by their teams."
    ), "hire you got wrong")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_model_data_question_answered_with_a_dashboard_that_says_so_is_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, "ai-engineer", DATA_SEED, (
        "Our worst case of bad data hit a finance dashboard, not a model. A vendor feed started sending prices in "
        "cents instead of euros one Monday, and the revenue chart jumped a hundredfold. I spotted it from a query "
        "comparing each day's totals with the week before, traced it to the feed's changelog, and got the vendor to "
        "fix the unit at their end. I also added a check that stops the load when a daily total moves more than "
        "thirty percent, and it has caught two smaller slips since."
    ), "poor data quality")  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique


@pytest.mark.parametrize(("pattern", "example"), DISCLAIM_CUES)
def test_every_cue_matches_its_example(pattern: str, example: str) -> None:
    assert re.search(pattern, example, re.IGNORECASE), example


def test_a_disclaimed_word_used_again_later_is_not_a_disclaimer() -> None:
    question = "How do you keep a model's output format stable?"
    said = sentences("At first it was not a model problem, it was a parser. Later the model changed its format.")
    assert disclaimed(question, (), said) is None
    assert disclaimed(question, (), said[:1]) is not None
