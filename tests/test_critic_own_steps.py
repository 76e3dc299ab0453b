"""A manager's story whose own part is told as several steps joined in one sentence ("I met him every week, wrote
down what had to change, and paired him with ...") next to the team's "we" steps gives the candidate's part clearly
(ownership.OWN_STEPS, _joined_steps): ownership is clear and no ownership gap is chased. A story whose only step of
the candidate's own is one "I" beside the team's steps stays mixed. Driven through the real CLI, a scripted offline
engineering-manager session; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 16  # the engineering-manager pack's one-question plan with this seed asks for a hire that did not work out


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline engineering-manager session."""
    return main_critique(tmp_path, "engineering-manager", SEED, answer, "did not work out")


@pytest.mark.usefixtures("isolated_data_dir")
def test_three_joined_steps_of_my_own_make_my_part_clear(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The hire that did not work out was Tomas, a senior backend engineer we brought onto the payments team in "
        "2024. Within two months he had missed three deadlines and his reviews were mostly arguments about style. I "
        "met him every week, wrote down the two things that had to change, and paired him with our staff engineer "
        "for a month. We agreed on a six-week plan, we checked it every Friday, and we moved his on-call to a quieter "
        "rotation. It did not change: he missed the plan's first two goals, and we parted ways at the end of the "
        "quarter. What I changed afterwards was our loop: we added a pairing exercise on real code, and of the five "
        "people we hired with it, all five passed their first review."
    ))  # fmt: skip
    assert critique["ownership"] == "clear", critique
    assert "ownership" not in critique["weak_or_missing"], critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_one_step_of_my_own_among_the_teams_stays_mixed(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The hire that did not work out was Tomas, a senior backend engineer we brought onto the payments team in "
        "2024. Within two months he had missed three deadlines and his reviews were mostly arguments about style. I "
        "met him every week. We agreed on a six-week plan, we checked it every Friday, and we moved his on-call to a "
        "quieter rotation. It did not change: he missed the plan's first two goals, and we parted ways at the end of "
        "the quarter. Afterwards we added a pairing exercise on real code, and of the five people we hired with it, "
        "all five passed their first review."
    ))  # fmt: skip
    assert critique["ownership"] == "mixed", critique
