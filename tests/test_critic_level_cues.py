"""Every level cue of every role pack earns its place: an answer made of the pack's own example sentences is judged
differently without it (the ablation run, `python -m evals.ablate`, lists cues that change no labelled judgment;
this test pins each of them, so a cue that decides nothing the others do not cannot ship)."""

from __future__ import annotations

import itertools

import pytest

from agent.critic import level
from agent.critic.text import sentences
from knowledge.models import Cue, LevelSpec
from knowledge.roles import load_role

ROLES = ("director", "engineering-manager", "senior-genai-engineer", "ai-engineer")


def _verdict(spec: LevelSpec, lines: list[str], disabled: frozenset[str] = frozenset()) -> str:
    return level.judge(spec, spec.applies_to[0], sentences(" ".join(lines)), disabled).label


def _decides(spec: LevelSpec, cue: Cue) -> bool:
    """Some answer built from the pack's examples is at the level with the cue and below without it (an `at` cue),
    or below with it and at without it (a `below` cue)."""
    off = frozenset({cue.pattern})
    if cue in spec.below:
        return _verdict(spec, [cue.example]) == "below" and _verdict(spec, [cue.example], off) == "at"
    others = [c.example for c in spec.at if c is not cue]
    for below in spec.below:
        for extra in itertools.combinations(others, spec.min_at - 1):
            lines = [cue.example, *extra, below.example]
            if _verdict(spec, lines) == "at" and _verdict(spec, lines, off) == "below":
                return True
    return False


@pytest.mark.parametrize("role", ROLES)
def test_every_level_cue_decides_a_verdict_no_other_cue_does(role: str) -> None:
    spec = load_role(role).level
    assert spec is not None
    idle = [c.example for c in (*spec.at, *spec.below) if not _decides(spec, c)]
    assert not idle, f"{role}: cues that decide nothing: {idle}"
