"""A disagreement told with the other party named ("my teammate Anika wanted ...") and the candidate's own position
said plainly ("I wanted ...") is a disagreement (relevance.conflict_told): asked about disagreeing with a teammate
over a technical choice, such a story stays on topic whatever subject the two argued over, and is not capped at 2.
Driven through the real CLI, a scripted offline ai-engineer session; the answer is written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 3  # the ai-engineer pack's one-question plan with this seed asks about disagreeing with a teammate


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session (the teammate question)."""
    return main_critique(tmp_path, "ai-engineer", SEED, answer, "teammate")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_named_teammate_and_my_own_position_make_a_disagreement(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "My teammate Anika wanted to route every support ticket through a hosted LLM to tag its product area. I "
        "wanted a small fine-tuned classifier of our own, because we get ninety thousand tickets a week and the "
        "hosted calls would cost more than the support tool itself. Her point held up: our forty product areas "
        "change every quarter and a classifier needs relabelling each time. We took a thousand tickets the support "
        "leads had already tagged and ran both: hers tagged 91 percent right, mine 84. I proposed a split, the "
        "classifier for the tickets it is sure about and the LLM for the rest, which kept 90 percent at a fifth of "
        "the cost. Since then she and I pair on every tagging change."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 3, critique  # a disagreement told, not capped as another subject at 2
