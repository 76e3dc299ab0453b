"""A story that ends on what has held in the time since the work ("in the nine months since there has not been a
single slowdown") tells its result (star_cues.RESULT_MARK): the result is flagged and no result gap is chased, when
a time span mid-sentence before "since" used to hide it. Driven through the real CLI, a scripted offline ai-engineer
session (the teammate disagreement question); the answer is written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 3  # the ai-engineer pack's one-question plan with this seed asks about disagreeing with a teammate


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session."""
    return main_critique(tmp_path, "ai-engineer", SEED, answer, asked="disagreed with a teammate")


@pytest.mark.usefixtures("isolated_data_dir")
def test_what_held_in_the_months_since_is_the_result(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "My teammate Anika wanted to store our embeddings in the main Postgres database with pgvector, and I wanted "
        "a separate vector store, because our search traffic peaks at the same hour as billing. We sat down with a "
        "week of query logs and replayed the peak hour against a copy of each setup. Postgres held the load with "
        "room to spare, so I dropped my objection and helped her write the migration. We moved the embeddings over "
        "one table at a time, and in the nine months since there has not been a single search slowdown during the "
        "billing peak."
    ))  # fmt: skip
    assert critique["star"]["result"] is True, critique
    assert "result" not in critique["weak_or_missing"], critique
