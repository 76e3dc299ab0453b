"""A technical answer that leaves out the question's signal about failure handling (here: keeping the old index
serving beside the new one while switching) is chased on that, failure modes, ahead of the generic "give a lived
case" gap; the score is the same either way. When the missing signal is about something else, the generic gap stays
first. Driven through the real CLI, a scripted offline senior-genai-engineer session (the question on switching to a
better embedding model); answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 15  # the senior-genai-engineer pack's one-question plan with this seed asks about a better embedding model
BENCH = (
    "First I would score the new model against our own search logs rather than a public leaderboard: we keep about "
    "four hundred real queries, each with the passages a reviewer picked as correct, and I compare recall at ten "
    "between the two models, because only our own queries say whether it helps our users. Then I work out what a full "
    "re-embed costs by timing a sample of twenty thousand chunks and scaling up to the thirty million we hold, since "
    "that decides whether it fits in a weekend."
)
VERSIONED = (
    " Every vector gets the model name and version written next to it, so a query is never compared against vectors "
    "from a different model."
)
BOTH_LIVE = (
    " During the move both indexes stay live side by side and a slice of traffic reads from the new one until its "
    "numbers match."
)


def _critique(tmp_path: Path, answer: str) -> dict[str, Any]:
    return main_critique(tmp_path, "senior-genai-engineer", SEED, answer, "embedding model")


@pytest.mark.usefixtures("isolated_data_dir")
def test_missing_failure_signal_is_chased_first(tmp_path: Path) -> None:
    critique = _critique(tmp_path, BENCH + VERSIONED)
    assert critique["weak_or_missing"][0] == "failure_modes", critique["weak_or_missing"]
    assert critique["score"] == 4, critique["score"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_other_missing_signal_keeps_the_generic_gap(tmp_path: Path) -> None:
    critique = _critique(tmp_path, BENCH + BOTH_LIVE)
    assert critique["score"] < 5, critique
    assert critique["weak_or_missing"][0] != "failure_modes", critique["weak_or_missing"]
