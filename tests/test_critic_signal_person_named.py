"""A signal that asks for a particular person is shown only by a sentence that names one (newcomer36 N9): asked who
could take their job, "a few capable people on my staff could step up" names nobody and the signal stays missing;
a reply that names her ("I handed Marta the budget for her area") shows it, though the sentence reads far from the
signal's words. Driven through the real CLI, a scripted offline director session; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 12  # the director pack's one-question plan with this seed asks who could take the candidate's job
PERSON = "Names a specific person who could step into their role"


def _person(tmp_path: Path, answer: str) -> dict[str, Any]:
    critique = main_critique(tmp_path, "director", SEED, answer, "take your job")
    (check,) = [c for c in critique["signals"]["checks"] if c["signal"] == PERSON]
    return dict(check)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_few_capable_people_name_nobody(tmp_path: Path) -> None:
    check = _person(tmp_path, (
        "Growing leaders matters a great deal to me. A few capable people on my staff could step up into my role "
        "in time. I hand them a lot, I put them in front of senior leaders and I coach them often, so I expect "
        "they will be ready."
    ))  # fmt: skip
    assert not check["covered"], check


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_successor_named_in_a_plain_sentence_is_shown(tmp_path: Path) -> None:
    check = _person(tmp_path, (
        "Last spring I handed Marta the headcount budget for her two teams and let her make the calls. She now "
        "runs the quarterly planning review with our VP while I sit at the back. Her gap is dealing with the board, "
        "so she presents our platform update to them next month and I coach her on it every week."
    ))  # fmt: skip
    assert check["covered"], check
    assert "Marta" in check["span"]["text"], check
