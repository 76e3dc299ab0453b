"""A signal that asks when a decision was revisited is shown only by a sentence that tells a second look
(newcomer36 N6, N9): asked about setting technical direction, a story that ends "a month later everyone was content
with how the decision was made" shares "decision" with the signal and revisits nothing, so the signal stays missing;
a story that says the team looked at the choice again once traffic doubled shows it, in that sentence. Driven
through the real CLI, a scripted offline senior GenAI session; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 2  # the senior-genai-engineer pack's one-question plan with this seed asks about setting technical direction
CHOICE = (
    "Three engineers on our support assistant wanted different rerankers: a cross-encoder, an LLM reranker and none "
    "at all. I wrote a proposal comparing the three on our 500-question eval set: the cross-encoder lifted recall at "
    "5 from 0.64 to 0.79 for 70 ms at p95, the LLM reranker reached 0.81 for 900 ms, so I chose the cross-encoder "
    "and sent the decision record to the team. {after}"
)


def _revisited(tmp_path: Path, after: str) -> dict[str, Any]:
    critique = main_critique(tmp_path, "senior-genai-engineer", SEED, CHOICE.format(after=after), "technical direction")
    (check,) = [c for c in critique["signals"]["checks"] if "revisited" in c["signal"]]
    return dict(check)


@pytest.mark.usefixtures("isolated_data_dir")
def test_content_with_the_decision_a_month_later_is_no_revisit(tmp_path: Path) -> None:
    check = _revisited(tmp_path, "A month later everyone was content with how the decision was made.")
    assert not check["covered"], check


@pytest.mark.usefixtures("isolated_data_dir")
def test_looking_at_the_choice_again_once_traffic_doubled_is_a_revisit(tmp_path: Path) -> None:
    check = _revisited(tmp_path, "When traffic doubled in the spring we looked at it again on fresh query logs, and "
                                 "the cross-encoder still won.")  # fmt: skip
    assert check["covered"], check
    assert "again" in check["span"]["text"], check
