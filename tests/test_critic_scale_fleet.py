"""A design answer sized by how many things the platform serves ("one of about thirty scoring jobs on the same
scheduler") is sized (gaps.sizes, FLEET): no scale gap is chased. Two or three of them ("two jobs") are the options
weighed, not a load, and still leave the scale gap. Driven through the real CLI, a scripted offline
engineering-manager session (the design question on monitoring a nightly batch scoring pipeline); answers written
for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 6  # the engineering-manager pack's one-question plan with this seed asks to design a batch pipeline's monitoring
ANSWER = (
    "First I'd agree with the pricing team what a bad night looks like: prices missing for any store, or prices "
    "moving more than they ever do in a week. The pipeline is one of about {count} scoring jobs on the same scheduler, "
    "so I'd reuse its run log and add three checks at the end of each run: every store has a price, the count of "
    "products matches yesterday's within two percent, and the share of prices that moved more than ten percent "
    "stays under a threshold set from last quarter. Each failed check pages the owner of the job and holds the new "
    "prices back, so the shops keep yesterday's prices instead of wrong ones. A dashboard shows the run time and "
    "the three checks for the last few weeks of nights."
)


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline engineering-manager session."""
    return main_critique(tmp_path, "engineering-manager", SEED, answer, "monitoring")


@pytest.mark.usefixtures("isolated_data_dir")
def test_thirty_jobs_on_the_scheduler_size_the_design(tmp_path: Path) -> None:
    critique = _turn(tmp_path, ANSWER.format(count="thirty"))
    assert "scale" not in critique["weak_or_missing"], critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_two_jobs_do_not_size_it(tmp_path: Path) -> None:
    critique = _turn(tmp_path, ANSWER.format(count="two"))
    assert "scale" in critique["weak_or_missing"], critique
