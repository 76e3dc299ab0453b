"""Nouns that name the same base a figure is measured on, so drift pairs figures said of it in different words.

Notes say "monthly cost dropped 25%" and the answer says "cut the bill by 45%": both percentages measure the same
money going out, so they are one figure told two ways. Each family below is one such base; a figure's noun stems gain
the family's marker, and two figures whose nouns share a marker share what they measure. Families are data, one
line each, with an example of two wordings they join.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from agent.critic.text import stem

# marker -> words naming that base (singular and plural, so the crude stemmer's forms all meet).
# "the cloud bill" / "monthly spend" / "our run-rate" / "vendor invoices" / "hosting costs"
_MONEY_OUT = "cost costs bill bills billing spend spending invoice invoices run-rate runrate expense expenses outlay"
# "deploy failures" / "failed rollouts": a failure is what failed, whichever form names it
_FAILURE = "fail fails failed failing failure failures"
# "chargebacks" / "card disputes": a chargeback is a payment the card holder disputed
_DISPUTE = "chargeback chargebacks dispute disputes disputed"
# "CTR" / "click-through": the abbreviation and the words
_CLICKS = "ctr click-through clickthrough click-rate"
# "5x faster" / "a 5x speedup" / "Speed: 5x": a fold change said by its comparative or by what it compares
_SPEED = "speed speeds speedup speedups speed-up fast faster quick quicker"
FAMILIES: dict[str, tuple[str, ...]] = {
    "=outgoing-money": tuple(_MONEY_OUT.split()),
    "=failure": tuple(_FAILURE.split()),
    "=dispute": tuple(_DISPUTE.split()),
    "=click-through": tuple(_CLICKS.split()),
    "=speed": tuple(_SPEED.split()),
}


@lru_cache(maxsize=1)
def _by_stem() -> dict[str, str]:
    return {stem(w): marker for marker, members in FAMILIES.items() for w in members}


def with_families(stems: Iterable[str]) -> frozenset[str]:
    """`stems` plus the marker of every base family one of them names."""
    given = frozenset(stems)
    table = _by_stem()
    return given | frozenset(table[s] for s in given if s in table)
