"""Facilitation in place of the technical choice is below an engineer's level (issue 9 case 3, "management
platitudes to a hands-on technical question score low"): asked about setting the technical direction where
engineers disagreed, a story of meetings, every opinion voiced and consensus reached, with no option compared and
nothing chosen, is capped at 3 with a level gap; a story that compares the options with figures and also reaches
consensus stays at the level. Driven through the real CLI, a scripted offline senior GenAI session; answers written
for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 2  # the senior-genai-engineer pack's one-question plan with this seed asks about setting technical direction


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline senior-genai-engineer session."""
    return main_critique(tmp_path, "senior-genai-engineer", SEED, answer, "technical direction")


@pytest.mark.usefixtures("isolated_data_dir")
def test_meetings_and_consensus_with_no_choice_are_below_the_level(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Last year our assistant team split into two camps over how to build tools for the model. I focused on the "
        "people side: I booked a series of meetings, made sure each opinion was voiced, and asked everyone to write "
        "down what mattered to them. After a few rounds the group reached consensus on a set of guiding values and a "
        "direction everyone could support. The team felt good about it and nobody left unhappy."
    ))  # fmt: skip
    assert critique["level"] == "below", critique
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_options_compared_with_figures_stay_at_the_level_though_consensus_is_named(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Our three retrieval engineers disagreed on whether to move from BM25 to a hybrid search with a "
        "cross-encoder reranker. I wrote a two-page proposal comparing BM25 alone, dense retrieval alone and hybrid "
        "with reranking on 400 labelled support questions: recall at 10 was 0.62, 0.70 and 0.81, with the reranker "
        "adding 90 ms at p95. I held a review meeting for objections, where the strongest one was latency, so we "
        "capped the reranker at the top 30. We reached consensus on hybrid, I sent a decision record to the whole "
        "group, and we revisited it after a quarter with fresh query logs; recall had held at 0.80."
    ))  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]
    assert critique["score"] >= 4, critique
