"""Which stories /hint must not offer for the question being answered.

A candidate who told a story the critic judged off topic is told, in the feedback above the prompt, which prepared
story fits instead (critic/core.py never names the told one). A hint that then offers the very story just judged
off topic contradicts that feedback (newcomer trial N5), so the stories told off topic to this question are
skipped; a story told on topic stays a fair hint (its figures help with the follow-up).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def off_topic_told(turns: Iterable[dict[str, Any]], question_index: int | None) -> set[str]:
    """Ids of the stories the candidate told to question `question_index` in answers judged not on topic."""
    if question_index is None:
        return set()
    ids: set[str] = set()
    for turn in turns:
        told = turn.get("told")
        critique = turn.get("critique") or {}
        if turn.get("question_index") != question_index or not told:
            continue
        if critique.get("relevance", "on_topic") != "on_topic":
            ids.add(str(told["id"]))
    return ids
