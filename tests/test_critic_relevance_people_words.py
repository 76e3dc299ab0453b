"""A polished story about another subject is not on topic because it names the people any work story names (issue 9;
the lead's case of stop 34: a manager-coaching story given to the director's migration question was on topic, 5/5,
with "how they got other teams to do their part" credited to a sentence that only said "engineering managers").
"Engineer" and "manager" are rare in a pack's signals ("such as embedded engineers") yet in nearly every answer, so
they never name a signal on their own (agent/critic/signals.py _WHO). Driven through the real CLI, a scripted offline
director session on the migration question; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 13  # the director pack's one-question plan with this seed asks the large-migration question


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline director session."""
    return main_critique(tmp_path, "director", SEED, answer, "large migration")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_manager_coaching_story_told_to_the_migration_question_is_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "One of my engineering managers, Tomas, had a team that kept slipping its sprint commitments. I started a "
        "fortnightly check-in with him, wrote a 90-day plan with four measurable goals, and handed the on-call rota "
        "to his strongest engineer so he could focus. He met three of the four goals; together we decided he would "
        "return to a principal engineer track, and his team's sprint completion rose from 50% to 80% over the "
        "following two quarters."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2
    assert critique["signals"]["covered"] == [], critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_migration_that_put_engineers_inside_the_teams_keeps_that_signal(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "I led the move of our forty services off a self-hosted message queue onto a managed streaming platform, "
        "across six teams over three quarters. We started with the two simplest consumers so the tooling got "
        "debugged cheaply, and ran old and new side by side with a switch to fall back. I put one engineer from my "
        "platform group inside each team for its move week and agreed the cut-over dates with the VP so they were on "
        "every roadmap. We finished one month after the original plan, and the old cluster was shut down in Q4."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4
    assert any(s.startswith("Says how they got other teams to do their part") for s in critique["signals"]["covered"])
