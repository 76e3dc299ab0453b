"""A technical answer that grounds itself in a measured past state of the candidate's own system ("our policy search
started at 61 percent recall at five") gives a lived case (gaps._CASE): no example gap is chased. The same answer
without that sentence still lacks one. Driven through the real CLI, a scripted offline ai-engineer session (the
question on measuring a retrieval step); answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 1  # the ai-engineer pack's one-question plan with this seed asks how to measure a retrieval step
ANSWER = (
    "I'd build a small labelled set first: two hundred questions from real logs, each with the passages a person "
    "marked as the ones that answer it. Then recall at five, whether any right passage is in the top five, is the "
    "main number, because the generator can only use what it is given.{case} I'd rerun the set on every index "
    "change, since a number alone doesn't say why a miss happened."
)
CASE = " Our policy search started at 61 percent recall at five, well short of what the answers needed."


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session."""
    return main_critique(tmp_path, "ai-engineer", SEED, answer, "retrieval")


@pytest.mark.usefixtures("isolated_data_dir")
def test_where_our_system_started_is_a_lived_case(tmp_path: Path) -> None:
    critique = _turn(tmp_path, ANSWER.format(case=CASE))
    assert "example" not in critique["weak_or_missing"], critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_without_it_the_example_gap_stays(tmp_path: Path) -> None:
    critique = _turn(tmp_path, ANSWER.format(case=""))
    assert "example" in critique["weak_or_missing"], critique
