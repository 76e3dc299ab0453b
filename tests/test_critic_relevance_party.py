"""A disagreement question that names an engineer as the other party is not answered by a disagreement with someone
outside engineering (issue 9 case 1): asked about a disagreement with a teammate over a technical choice, a story that
opens against a finance director is off topic, capped at 2, with a note quoting that opening; a story that opens with
the teammate, though a customer is named too, stays on topic (relevance.outside_party). Asked about a disagreement
with a peer director, one with the company's founder is off topic too; one with a head of product is not. Driven
through the real CLI, scripted offline ai-engineer and director sessions; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 3  # the ai-engineer pack's one-question plan with this seed asks about disagreeing with a teammate
PEER_SEED = 1  # the director pack's asks about a disagreement with a peer director or product leader


def _turn(
    tmp_path: Path, answer: str, role: str = "ai-engineer", seed: int = SEED, asked: str = "teammate"
) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline session (ai-engineer, the teammate question)."""
    return main_critique(tmp_path, role, seed, answer, asked)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_disagreement_with_a_finance_director_is_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Our finance director wanted the demand forecast to be retrained every night, and I disagreed, because the "
        "nightly job would cost about four thousand dollars a month for a gain we could not measure. I ran both "
        "schedules on the last six months of data: nightly beat weekly by under half a point of error. I showed her "
        "the comparison, we agreed on weekly retraining with a drift check that triggers an extra run, and the bill "
        "stayed at a tenth of what nightly would have cost."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique
    assert "finance director" in critique["relevance_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_disagreement_with_a_teammate_about_a_customer_stays_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "A teammate and I disagreed about how to score leads for a large customer: he wanted a gradient-boosted "
        "model on all two hundred CRM fields, I wanted a logistic regression on twelve fields the sales team could "
        "read. I suggested we both build ours in a week and compare on the last quarter's deals. His was two points "
        "better on AUC, mine was easier to explain, so we shipped his with a short list of the top features shown "
        "next to each score, and we still pair on model reviews."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_disagreement_with_the_founder_told_to_a_peer_question_is_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The sharpest one was with our founder, over a partner integration he had promised for the spring. I thought "
        "it would take two quarters to do safely, because the partner's data arrived without consent flags. I showed "
        "him a sample of five hundred records where a third had no consent recorded, and proposed a limited launch "
        "for the partner's internal users first. He agreed, I backed the plan in front of the whole company as ours, "
        "and the full launch followed in the summer without a privacy complaint."
    ), "director", PEER_SEED, "peer director")  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_disagreement_with_a_head_of_product_stays_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The sharpest one was with our head of product over a partner integration she had promised for the spring. I "
        "thought it would take two quarters to do safely, because the partner's data arrived without consent flags. "
        "We sat down with a sample of five hundred records where a third had no consent recorded, agreed that a "
        "launch with no privacy complaint was the goal we shared, and settled on a limited launch for the partner's "
        "internal users first. We planned the next quarter together and the full launch followed in the summer."
    ), "director", PEER_SEED, "peer director")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
