"""What the critic knows about the question asked: its type, competency, signals, the role's level and the
rest of the role pack (an answer that fits another question far better than this one is off topic)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.models import LevelSpec, RolePack


@dataclass(frozen=True)
class QuestionInfo:
    """The asked question in its role pack's context."""

    text: str
    type: str
    competency: str = "general"
    signals: tuple[str, ...] = ()
    role: str | None = None
    level: LevelSpec | None = None
    # (text, competency, type) of every other question of the pack
    others: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    other_signals: tuple[tuple[str, ...], ...] = ()  # the signals of each of `others`, in the same order
    in_pack: bool = False  # the asked question is one of the pack's (its rivals are then meaningful)


@lru_cache(maxsize=16)
def _pack(role: str) -> RolePack | None:
    from knowledge.roles import RoleFileError, UnknownRoleError, load_role

    try:
        return load_role(role)
    except (RoleFileError, UnknownRoleError):
        return None


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def question_info(
    question: str,
    question_type: str,
    competency: str | None = None,
    role: str | None = None,
    signals: tuple[str, ...] | list[str] | None = None,
    question_id: str | None = None,
) -> QuestionInfo:
    """The question with its pack context (found by id or by text); a question outside any pack stands alone."""
    pack = _pack(role) if role else None
    asked = None
    if pack is not None:
        key = _norm(question)
        asked = next((q for q in pack.questions if q.id == question_id), None) or next(
            (q for q in pack.questions if _norm(q.text) == key), None
        )
    rest = [q for q in (pack.questions if pack else []) if asked is None or q.id != asked.id]
    others = tuple((q.text, q.competency, q.type) for q in rest)
    chosen_signals = tuple(signals) if signals else tuple(asked.signals) if asked else ()
    return QuestionInfo(
        text=question,
        type=question_type,
        competency=competency or (asked.competency if asked else "general"),
        signals=chosen_signals,
        role=role,
        level=pack.level if pack else None,
        others=others,
        other_signals=tuple(tuple(q.signals) for q in rest),
        in_pack=asked is not None,
    )
