"""A story outside every subject of the role pack is still off topic (issue 9; newcomer findings of stop 36, N5: a
hiring story told to a question about an AI feature misbehaving in production scored 5/5, because no pack question
is about hiring, so no other question claimed it). When an answer shows none of the asked question's signals, none
of the questions its meaning leans toward claims it either, and meaning puts it far from the asked question, it is
off topic with no other question named (relevance.unplaced). An incident story told in plain words stays on topic.
Driven through the real CLI, a scripted offline senior-genai-engineer session; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 9  # the senior-genai-engineer pack's one-question plan with this seed asks about an AI feature misbehaving

HIRING = (
    "This is the story of growing the applied ML group. Over ten months I took it from four engineers to fifteen. "
    "Only 45% of our offers were accepted, because strong candidates gave up during a week-long coding assignment. "
    "I swapped the assignment for a live design conversation with one of our engineers and had the hiring manager "
    "phone every finalist within two days. Acceptance rose to 73%, and in the first year we lost only one person we "
    "wanted to keep."
)
INCIDENT = (
    "Our ticket-routing classifier started sending billing questions to the fraud queue on a Monday morning; the "
    "fraud team noticed first because their queue tripled. I switched routing back to the previous model version "
    "behind our feature flag within the hour, then compared the inputs and found a new form field had pushed the "
    "customer's message past the model's input limit, so it only saw boilerplate. I truncated from the top instead "
    "and added a test with long forms to the release checks, and misroutes went back to under 2%."
)


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline senior-genai-engineer session."""
    return main_critique(tmp_path, "senior-genai-engineer", SEED, answer, "misbehaved in production")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_story_no_pack_question_is_about_is_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, HIRING)
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2, critique
    # No pack question claims it: the note names no other subject.
    assert "does not get to what the question asks" in critique["relevance_note"], critique["relevance_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_incident_told_in_plain_words_stays_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, INCIDENT)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
