"""Echoing the question is not answering it (issue 9; newcomer findings of stop 36, N4: the verdict turned on whether
the first sentence restated the question's words). A sentence that restates the question (relevance.FRAME_WORDS) is
left out of the word view as it is of the meaning view, so an off-topic story opened with the question's own words
stays off topic; an on-topic story opened the same way stays on topic. Driven through the real CLI, a scripted offline
senior-genai-engineer session on the question about an AI feature misbehaving; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique
from tests.test_critic_relevance_unplaced import HIRING, INCIDENT, SEED

ECHO = "A time an AI feature I owned misbehaved in production, and what happened next: that was our hiring funnel. "


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline senior-genai-engineer session."""
    return main_critique(tmp_path, "senior-genai-engineer", SEED, answer, "misbehaved in production")


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_off_topic_story_opened_with_the_question_stays_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, ECHO + HIRING)
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_on_topic_story_opened_with_the_question_stays_on_topic(tmp_path: Path) -> None:
    opener = "The AI feature I owned that misbehaved in production was our ticket router. "
    critique = _turn(tmp_path, opener + INCIDENT)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
