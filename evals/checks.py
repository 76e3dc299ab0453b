"""The checks of one replayed turn against its transcript expectations."""

from __future__ import annotations

from typing import Any

from evals.transcript import Expect


def _check(name: str, expected: Any, got: Any, passed: bool) -> dict[str, Any]:
    return {"name": name, "passed": bool(passed), "expected": expected, "got": got}


def check_turn(expect: Expect, record: dict[str, Any], step: Any) -> list[dict[str, Any]]:
    """Compare a turn record (critique, follow-up, stories) with what the transcript expects."""
    critique = record.get("critique") or {}
    checks: list[dict[str, Any]] = []
    if expect.star is not None:
        star = critique.get("star") or {}
        for part, want in expect.star.model_dump().items():
            if want is not None:
                checks.append(_check(f"star.{part}", want, star.get(part), star.get(part) == want))
    for name in ("quantified_result", "ownership", "specificity", "relevance", "level", "closes_gap"):
        want = getattr(expect, name)
        if want is not None:
            checks.append(_check(name, want, critique.get(name), critique.get(name) == want))
    if expect.score is not None:
        low, high = expect.score
        got = critique.get("score")
        checks.append(_check("score", [low, high], got, isinstance(got, int) and low <= got <= high))
    if expect.question_score is not None:
        low, high = expect.question_score
        got = record.get("question_score")
        checks.append(_check("question_score", [low, high], got, isinstance(got, int) and low <= got <= high))
    if expect.follow_up_probes is not None:
        asked = step.kind == "follow_up"
        probes = ((record.get("follow_up") or {}).get("probes") or "none") if asked else "none"
        checks.append(_check("follow_up_probes", expect.follow_up_probes, probes, probes == expect.follow_up_probes))
    if expect.stories_include is not None:
        titles = [s.get("title", "") for s in record.get("stories", [])]
        hit = any(expect.stories_include.lower() in t.lower() for t in titles)
        checks.append(_check("stories_include", expect.stories_include, titles, hit))
    if expect.story_note is not None:
        kinds = [n.get("kind") for n in critique.get("story_notes", [])]
        checks.append(_check("story_note", expect.story_note, kinds, expect.story_note in kinds))
    for field in ("notes_value", "said_value"):
        want = getattr(expect, field)
        if want is not None:
            got = [n.get(field, "") for n in critique.get("story_notes", [])]
            checks.append(_check(field, want, got, want in got))
    return checks
