"""A design answer whose failure handling is a halted release and a way back said in plain words ("I'd halt the
rollout and send everyone to the old version the same hour") names a failure mode (cues "failure_modes"): no
failure-mode gap is chased. The same answer without that sentence still lacks one. Driven through the real CLI, a
scripted offline ai-engineer session (the design question on proving a new ranking model better); answers written
for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 2  # the ai-engineer pack's one-question plan with this seed asks how to test a new ranking model
DESIGN = (
    "I'd split users by a hash of their user id, half to the current ranker and half to the new one, so each person "
    "sees one ranker for the whole test. The shop gets about two million searches a week, which is enough to see a "
    "one percent change in add-to-basket within two weeks, so I'd fix two weeks and the metric before starting and "
    "not peek to stop early. Add-to-basket per search is the main metric; revenue per search and page speed are "
    "guard metrics.{way_back} At the end I'd compare the two halves with a confidence interval, not a single number."
)
WAY_BACK = (
    " If add-to-basket for the new ranker drops by more than two percent after the first day, I'd halt the rollout "
    "and send everyone to the old version the same hour."
)


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session."""
    return main_critique(tmp_path, "ai-engineer", SEED, answer, "ranking model")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_halted_rollout_and_a_way_back_are_failure_handling(tmp_path: Path) -> None:
    critique = _turn(tmp_path, DESIGN.format(way_back=WAY_BACK))
    assert "failure_modes" not in critique["weak_or_missing"], critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_without_them_the_failure_gap_stays(tmp_path: Path) -> None:
    critique = _turn(tmp_path, DESIGN.format(way_back=""))
    assert "failure_modes" in critique["weak_or_missing"], critique
