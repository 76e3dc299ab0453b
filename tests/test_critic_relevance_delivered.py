"""A question that asks for something the candidate built and shipped leaves its subject to them (issue 9 case 2;
newcomer findings of stop 33 on strong answers called off topic). Asked for "an ML or LLM feature you took from idea
to production yourself", a story that tells building one and turning it on for its users is on topic whatever the
feature is about, though other questions of the pack share its subject (relevance.delivery_told); a story about
feedback on one's own code still is not. Driven through the real CLI, a scripted offline ai-engineer session on that
question; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 9  # the ai-engineer pack's one-question plan with this seed asks for a feature taken from idea to production


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session."""
    return main_critique(tmp_path, "ai-engineer", SEED, answer, "idea to production")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_feature_built_and_turned_on_for_its_users_is_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Last spring I noticed our sales reps spent an hour a day writing call notes. I recorded a dozen calls with "
        "permission, tried two speech-to-text services and a summarising prompt, and picked the pair that got names "
        "and next steps right most often. I put it behind a button in the CRM, ran it with five reps for two weeks, "
        "fixed the cases where it mixed up speakers, and then turned it on for all sixty. Reps now spend about ten "
        "minutes a day on notes."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_feedback_on_ones_own_code_is_still_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The most useful thing I learned last year came from a design review. A senior colleague pointed out that my "
        "code comments explained what each function did but never why, so I started writing a short note on the "
        "reason behind every non-obvious choice, and reviewers now ask far fewer questions on my changes."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2
