"""A technical choice settled by a vote is below an engineer's level (newcomer36 N6): asked about setting the technical
direction where engineers disagreed, a story where each camp wrote up its favourite, the group voted and the majority
won, with no criteria and no option measured, is capped at 3 with a level gap, and the vote count ("three of the four
voted for it") is no measured outcome. A story that measures the options and also holds a vote stays at the level.
Driven through the real CLI, a scripted offline senior GenAI session; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 2  # the senior-genai-engineer pack's one-question plan with this seed asks about setting technical direction


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    return main_critique(tmp_path, "senior-genai-engineer", SEED, answer, "technical direction")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_choice_put_to_a_vote_is_below_the_level(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "On our document assistant four engineers each backed a different vector database. I booked a room, asked "
        "each of them to bring a short write-up of the one they liked, and then we put it to a vote. Three of the "
        "four voted for the hosted option, so that is what we picked, and I asked the engineer who lost to lead the "
        "integration so he would not feel left out. Nobody was upset with the process."
    ))  # fmt: skip
    assert critique["level"] == "below", critique
    assert critique["score"] <= 3, critique
    assert not [m for m in critique["metrics"] if m["role"] == "outcome" and m["text"].lower().startswith("three")]


@pytest.mark.usefixtures("isolated_data_dir")
def test_options_measured_before_a_vote_stay_at_the_level(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Four engineers on our document assistant backed different vector stores: pgvector, a hosted service and "
        "FAISS on our own boxes. I wrote a proposal comparing the three on our 600-question eval set and a load test: "
        "recall at 10 was 0.74, 0.76 and 0.77, p95 latency 40, 25 and 18 ms, and the hosted one cost four times the "
        "others at our volume. We held a review for objections and then voted, and pgvector won on cost and "
        "operations. I sent a decision record to the team, and after the move our p95 retrieval latency went from "
        "90 ms to 40 ms with recall unchanged."
    ))  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]
    assert critique["score"] >= 4, critique
