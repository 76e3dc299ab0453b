"""A follow-up probe the critic does not know is refused where it enters critique_follow_up, with the known probes
named; it used to reach the phrase table as a KeyError deep inside the critique. Every known probe is judged."""

from __future__ import annotations

import pytest

from agent.critic import critique_follow_up
from agent.critic.follow_up import PROBES, check_probe
from agent.critic.question import question_info

QUESTION = "Tell me about a time you cut the cost of a service your team ran."
REPLY = "I moved the nightly batch to spot instances, which took the bill from $9k to $4k a month."


def test_an_unknown_probe_is_refused_with_the_known_ones_named() -> None:
    info = question_info(QUESTION, "behavioral")
    with pytest.raises(ValueError, match=r"unknown probe 'cost_savings'.*quantified_result"):
        critique_follow_up(info, "What did it save?", "cost_savings", REPLY)


def test_check_probe_passes_every_known_probe() -> None:
    assert all(check_probe(p) == p for p in PROBES)
    assert "none" in PROBES and "signal" in PROBES


@pytest.mark.parametrize("probe", PROBES)
def test_every_known_probe_gives_a_critique(probe: str) -> None:
    crit = critique_follow_up(question_info(QUESTION, "behavioral"), "Can you say more?", probe, REPLY)
    assert crit.probes == probe and 1 <= crit.score <= 5
