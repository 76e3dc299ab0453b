"""A performance review copied out of a review tool (Lattice, Workday, Culture Amp) and kept as prep, read as a
section per goal whose story is the candidate's own self-assessment.

Such a copy has no story titles: each goal line names the work (`Goal 2 of 4 — Move billing off the old queue ·
Weight 20% · Status: Achieved`, `Additional impact #1 — the on-call rota`), the candidate's account sits under a
`Self-assessment:` line, and under it other people's words about the same work (`Manager assessment (…):`,
`Peer feedback (…):`, a `Manager summary`). Here a goal line becomes a heading named by the goal (its weight and
status dropped), the self-assessment label is blanked so the account reads as the goal's text, the
`Self summary` line titles the summary under it (the candidate's pitch), and each block of other people's words
becomes a section titled as a reply ("Re: manager assessment"), so it never joins the story. Only documents with
two goal lines and a self-assessment are touched. The number of lines never changes.
"""

from __future__ import annotations

import re

_GOAL = re.compile(
    r"^\s{0,3}(?:goal|objective|okr|additional impact|accomplishment|achievement)\s*#?\s*\d+(?:\s+of\s+\d+)?\s*"
    r"[—–:-]\s*(?P<title>.+?)\s*(?:(?:·|\||\s{2,})\s*(?:weight|status|due|progress)\b.*)?$",
    re.IGNORECASE,
)
_SELF = re.compile(r"^\s*self[- ]assessment\s*:?\s*$", re.IGNORECASE)
_SELF_SUMMARY = re.compile(r"^\s*(?P<title>self[- ]summary\b[^:]{0,40}?)\s*:?\s*$", re.IGNORECASE)
_OTHERS = re.compile(
    r"^\s*(?P<who>(?:manager|peer|upward|reviewer|skip[- ]level|calibration)s?['’]?\s*"
    r"(?:assessment|feedback|summary|comments?|review|notes?))\b[^:]{0,60}:?\s*$",
    re.IGNORECASE,
)
_MIN_GOALS = 2


def is_review(lines: list[str]) -> bool:
    """A review copy: two goal lines and a self-assessment under one of them."""
    return sum(1 for x in lines if _GOAL.match(x)) >= _MIN_GOALS and any(_SELF.match(x) for x in lines)


def unreview(lines: list[str]) -> list[str]:
    """Same number of lines; goals as headings over the self-assessment, other people's words as replies."""
    if not is_review(lines):
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        if (goal := _GOAL.match(line)) is not None:
            out[i] = f"## {goal['title']}"
        elif _SELF.match(line):
            out[i] = ""
        elif (summary := _SELF_SUMMARY.match(line)) is not None:
            out[i] = f"## {summary['title']}"
        elif (others := _OTHERS.match(line)) is not None:
            out[i] = f"## Re: {others['who'].lower()}"
    return out
