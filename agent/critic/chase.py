"""Which gap a follow-up chases first when the question's own signals point past the shape's row order.

The rubric table (rubric.py) orders a technical answer's gaps generically: trade-offs, then a lived case. When the
answer leaves out a signal of the question about how things fail (a fallback when retries run out, a rollback rule,
running old and new side by side, a check that results did not change) or are guarded against going wrong (a grader's
bias, permissions checked before an action, a person approving a risky one), that is what an interviewer asks next,
not "what are the trade-offs". A design answer leaving out such a guard is asked it before its trade-offs and reasons
(the shape's own order puts failure modes there; its failure-mode cue looks for outages and ways back, not guards).
Only the choice moves: the score was set from the gaps before.

A stance question answered with a case of the team's ("we moved decisions into docs"), its steps never the
candidate's, is asked "what did you do?" before "why?": the shape's order puts a missing reason first because a bare
stance lacks one, but this answer is a case whose own part is what is missing (the labelling guide's leadership order
has ownership high and no reason at all).

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
# A signal about a guard against a known way of going wrong: a grader's bias, an action taken without the right to,
# a risky one nobody checks. A design answer's failure-mode cue (features) looks for outages and ways back, not these,
# so only they move a design's choice: "test" there is as often the experiment asked for as a check of a failure.
_GUARD_SIGNAL = re.compile(r"\bbias(?:es|ed)?\b|\bpermissions?\b|\bapprov(?:al|e|es|ed)\b|\brisky\b", re.IGNORECASE)
_SIGNALS_BY_SHAPE = {"technical": (_FAILURE_SIGNAL, _GUARD_SIGNAL), "system_design": (_GUARD_SIGNAL,)}
# Form gaps that a missing failure signal outranks, per shape. A technical answer's specificity (hand-waving) and
# rationale (no reason) stay first: an answer that says too little or never says why is asked that before anything
# else. A design's requirements and scale stay first (the shape's order), its trade-offs and reasons come after.
_OUTRANKED = {"technical": frozenset({"tradeoffs", "example"}), "system_design": frozenset({"tradeoffs", "rationale"})}
# The gaps every shape chases before any detail (rubric._FRONT): another question answered, or another level.
_FRONT = frozenset({"relevance", "level"})


def chase_first(shape: str, found: list[str], missing_signals: Sequence[str]) -> list[str]:
    """`found` with failure_modes first when a technical or design answer's first gap is a form gap that failure
    modes outrank (_OUTRANKED) and the question's missing signals are about failure handling; with ownership first
    when a stance answer's first gap is its reason and its case is not told as the candidate's; otherwise `found`
    unchanged."""
    if shape == "stance" and found[:1] == ["rationale"] and "ownership" in found:
        # A lived case was found (no example gap leads), told without the candidate's own part.
        return ["ownership", *(g for g in found if g != "ownership")]
    if not found or found[0] not in _OUTRANKED.get(shape, frozenset()):
        return found
    if not any(rx.search(s) for rx in _SIGNALS_BY_SHAPE[shape] for s in missing_signals):
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
