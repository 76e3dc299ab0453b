"""Which gap a follow-up chases first when the question's own signals point past the shape's row order.

The rubric table (rubric.py) orders a technical answer's gaps generically: trade-offs, then a lived case. When the
answer leaves out a signal of the question about how things fail (a fallback when retries run out, a rollback rule,
running old and new side by side, a check that results did not change), that is what an interviewer asks next, not
"what are the trade-offs". Only the choice moves: the score was set from the gaps before.

A figure that contradicts the candidate's own notes is what to fix first (core.py), but not before the answer is on
the question and at the role's level: a follow-up about a figure of a story that answers another question would
chase a detail of the wrong answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A signal about failure handling: what happens when something fails, how a bad change is undone or caught.
# "Fallback" alone is left out: "a hybrid with an online fallback" names a design choice, not a failure.
_FAILURE_SIGNAL = re.compile(
    r"\bfail(?:s|ed|ure|ures)?\b|\broll ?back\b|\bside by side\b|\balerts?\b|\bdoes not know\b|\bmalformed\b|"
    r"\bbroken\b|\bunchanged\b|\btests?\b",
    re.IGNORECASE,
)
# Form gaps of a technical answer that a missing failure signal outranks. Specificity (hand-waving) and rationale
# (no reason) stay first: an answer that says too little or never says why is asked that before anything else.
_OUTRANKED = frozenset({"tradeoffs", "example"})
# The gaps every shape chases before any detail (rubric._FRONT): another question answered, or another level.
_FRONT = frozenset({"relevance", "level"})


def chase_first(shape: str, found: list[str], missing_signals: Sequence[str]) -> list[str]:
    """`found` with failure_modes first when a technical answer's first gap is a generic form gap and the question's
    missing signals are about failure handling; otherwise `found` unchanged."""
    if shape != "technical" or not found or found[0] not in _OUTRANKED:
        return found
    if not any(_FAILURE_SIGNAL.search(s) for s in missing_signals):
        return found
    return ["failure_modes", *(g for g in found if g != "failure_modes")]


def contradiction_first(found: list[str]) -> list[str]:
    """`found` with quantified_result (the gap a contradicted figure is chased as) first, after the relevance and
    level gaps that lead it, if any."""
    lead = 0
    while lead < len(found) and found[lead] in _FRONT:
        lead += 1
    rest = [g for g in found[lead:] if g != "quantified_result"]
    return [*found[:lead], "quantified_result", *rest]
