"""One part of work someone else led is below an engineer's level (issue 9 case 3): asked for "an ML or LLM feature
you took from idea to production yourself", a story in which a lead designed the feature and the candidate was given
one piece of it is capped at 3 with a level gap, however technical the piece; a story the candidate led, though they
were asked to do it, stays at the level. Driven through the real CLI, a scripted offline ai-engineer session; answers
written for this file. Every slice cue of the engineer packs decides a verdict with its partner list's example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agent.critic import level
from agent.critic.text import sentences
from knowledge.models import LevelSpec
from knowledge.roles import load_role
from tests.scripted_critique import main_critique

SEED = 9  # the ai-engineer pack's one-question plan with this seed asks for a feature taken from idea to production
ENGINEERS = ("ai-engineer", "senior-genai-engineer")


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session."""
    return main_critique(tmp_path, "ai-engineer", SEED, answer, "idea to production")


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_piece_of_a_leads_feature_is_below_the_level(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "I'd pick the invoice field extractor at my last company. Our staff engineer designed it and chose the "
        "model, and I was handed the post-processing step. I wrote the code that normalised dates and currency "
        "amounts from the model's output, added unit tests for the formats we had seen, and fixed a bug where "
        "amounts with spaces as thousand separators were read as two numbers. It went live with the quarterly "
        "release, and the finance team said the extracted totals looked right."
    ))  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_feature_the_candidate_led_though_asked_to_stays_at_the_level(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "I was asked to build a way for support agents to find similar past tickets. I chose embeddings over keyword "
        "search after testing both on 300 tickets the agents had linked by hand: recall at 5 was 0.71 against 0.48. "
        "I chunked long tickets by message, stored the vectors in pgvector next to the ticket table, and put a "
        "simple panel in the helpdesk. I ran it with one team for two weeks, fixed the cases where signatures "
        "dominated the match, and turned it on for all forty agents; median handling time fell from 14 to 11 "
        "minutes."
    ))  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]
    assert critique["score"] >= 4, critique


def _below(spec: LevelSpec, text: str, disabled: frozenset[str] = frozenset()) -> bool:
    return level.judge(spec, "behavioral", sentences(text), disabled).label == "below"


@pytest.mark.parametrize("role", ENGINEERS)
def test_every_slice_cue_decides_with_its_partner(role: str) -> None:
    spec = load_role(role).level
    assert spec is not None and spec.led_by_other and spec.given_part and spec.slice_means
    for led in spec.led_by_other:
        for given in spec.given_part:
            text = f"{led.example} {given.example}"
            assert _below(spec, text), text
            assert not _below(spec, text, frozenset({led.pattern})), text
            assert not _below(spec, text, frozenset({given.pattern})), text
