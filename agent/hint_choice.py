"""Which story /hint offers for the question being answered, and which it must not offer.

A candidate who told a story the critic judged off topic is told, in the feedback above the prompt, which prepared
story fits instead (critic/core.py never names the told one). A hint that then offers the very story just judged
off topic contradicts that feedback (newcomer trial N5), so the stories told off topic to this question are
skipped; a story told on topic stays a fair hint (its figures help with the follow-up). Of the rest, the hint is
the story the critique would name: one about what the question asks (agent.critic.story_subject), so /hint and
"may fit this question better" never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


def hint_hit(hits: Sequence[Any], ctx: Any, plan: Sequence[Any], question_index: int | None, skip: set[str]) -> Any:
    """The StoryHit /hint shows for plan[question_index], or None when no story fits it: the one
    agent.critic.story_subject offers among the hits that fit, leaving out the story ids in `skip`."""
    from agent.critic.story_subject import offered  # lazy: the critic's models load with the first answer anyway
    from agent.nodes.critique import info_for

    kept = [hit for hit in hits if hit.story.id not in skip]
    fits = [bool(getattr(hit, "fits", True)) for hit in kept]
    if question_index is None or not 0 <= question_index < len(plan):
        return next((hit for hit, fit in zip(kept, fits, strict=True) if fit), None)
    pick = offered([hit.story for hit in kept], fits, info_for(ctx, plan[question_index]))
    return kept[pick] if pick is not None else None
