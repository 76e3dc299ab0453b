"""An answer that tells what the asked question's signals look like, in words of its own, is on topic (issue 9:
judge substance; agent/critic/example_lead.py). Asked what the candidate's one-on-ones look like and how they
changed, a manager describes who sets the agenda, a monthly career talk, different rhythms for new and senior people
and how the slot stopped being about tickets, without ever saying "one-on-one" or "meeting": static vectors and
shared words placed it on a neighbouring team-leading question and the critic called it off topic. What a candidate
showing those signals says (the pack's signal examples) sits nearer this answer than any other question's, by both
the static vectors and MiniLM, so it is on topic. A story about ranking feature requests told to the same question
is still off topic. Driven through the real CLI, a scripted offline engineering-manager session on that question;
answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 9  # the engineering-manager pack's one-question plan with this seed asks about the candidate's one-on-ones


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline engineering-manager session."""
    return main_critique(tmp_path, "engineering-manager", SEED, answer, "one-on-ones look like")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_one_on_one_told_without_its_name_is_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The first twenty minutes of the half hour are theirs: they put their topics in a shared doc the evening "
        "before and mine go underneath. Monthly we leave work aside and talk about their direction for the next "
        "couple of years and which of my habits as their manager should go. Someone new sees me weekly with a brief "
        "checklist, while my most senior engineer prefers a walk outside fortnightly. I used to fill the time going "
        "over tickets until one of my leads told me she hated it, so ticket news went to a chat channel and the half "
        "hour became theirs."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_prioritisation_story_told_to_the_same_question_is_still_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "When our product group asked for six features in one quarter, I ranked every request by expected revenue, "
        "customer pain and engineering cost in a single spreadsheet. I showed the ranking to the product director, we "
        "cut two of the six, and postponed one to the next quarter. The three we kept shipped on time, and the "
        "biggest one lifted renewals by four percent."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2
