"""An answer that denies the question's premise is not an answer (issue 9 case 3; newcomer finding of stop 33 on an
evasive reply scored 5/5). Asked for a hire that did not work out, "I have been fortunate, every one of them is still
doing well" followed by how good the hiring was tells no such hire: it scores 1 as offering no example
(agent/critic/nonanswer.py denies_premise), while the same modesty followed by the one hire that did go wrong is
judged as an answer. Driven through the real CLI, a scripted offline engineering-manager session on the bad-hire
question; answers written for this file."""

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
def test_saying_every_hire_went_well_offers_no_example(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "To be honest I've been fortunate there, every person I brought on is still doing well. I built our hiring "
        "loop around a pair-programming exercise and a scoring guide, trained six interviewers, and nobody we hired "
        "in two years left in their first year."
    ))  # fmt: skip
    assert critique["score"] == 1, critique
    assert critique["weak_or_missing"][0] == "non_answer"
    assert critique["signals"]["covered"] == []


@pytest.mark.usefixtures("isolated_data_dir")
def test_modesty_followed_by_the_hire_that_went_wrong_is_an_answer(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "I've been fortunate with most hires, but one backend engineer I hired struggled from the first month: "
        "strong in the coding round, yet he could not work from a loose spec. I set weekly goals with him and paired "
        "him with a senior, and after three months we agreed he would move to a team with tighter specs. I added a "
        "take-home with an open-ended brief to our loop, and the next four hires all passed their first review."
    ))  # fmt: skip
    assert critique["score"] >= 3, critique
    assert "non_answer" not in critique["weak_or_missing"]
