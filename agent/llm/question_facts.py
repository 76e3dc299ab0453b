"""What the model needs to judge substance: the question's signals, the role's level, the other questions.

The caller may pass signals and the level expectation (the planned question carries its signals); what
it leaves out is looked up in the session's role pack. The other questions of the pack go in ranked by
word overlap with the answer, a few only, so the model can tell "answers another question" from
"answers this one" without the whole pack in the prompt.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAX_SIGNALS = 6
MAX_OTHERS = 4
MAX_LEVEL_CHARS = 360
_WORD = re.compile(r"[a-z][a-z0-9'-]{3,}")
# Words every interview question shares; they say nothing about which question an answer fits.
_COMMON_WORDS = (
    "about after again also because before being could does each from have into just like made make many more "
    "most much only other over should some such than that their them then there these they this those through "
    "time walk were what when where which while with would your you tell describe example give"
)
_COMMON = frozenset(_COMMON_WORDS.split())


@dataclass(frozen=True)
class QuestionFacts:
    """The facts the prompt states about the question asked (empty when nothing is known)."""

    signals: tuple[str, ...] = ()
    level: str = ""
    others: tuple[str, ...] = ()


def _stem(word: str) -> str:
    """A crude suffix cut so 'incidents', 'responded' and 'response' meet their question's words."""
    for suffix in ("ings", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _COMMON}


def _rivals(questions: Sequence[Any], answer: str) -> tuple[str, ...]:
    """The other questions whose words (text, signals, competency) the answer shares most, rarer words weighing more."""
    bags = [_words(" ".join([q.text, *q.signals, q.competency.replace("_", " ")])) for q in questions]
    df: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            df[word] = df.get(word, 0) + 1
    answer_words = _words(answer)
    scored = []
    for q, bag in zip(questions, bags, strict=True):
        score = sum(math.log(1 + len(bags) / df[w]) for w in bag & answer_words)
        if score > 0:
            scored.append((-score, q.text[:160]))
    return tuple(text for _, text in sorted(scored, key=lambda item: item[0])[:MAX_OTHERS])


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _pack(context: Any) -> Any:
    """The session's role pack, or None when it cannot be loaded (then the prompt simply says less)."""
    role = getattr(context, "role", None)
    if not role:
        return None
    from knowledge.roles import RoleFileError, UnknownRoleError, load_role

    try:
        return load_role(str(role))
    except (RoleFileError, UnknownRoleError, OSError):
        return None


def level_expectation(pack: Any) -> str:
    """The scope a strong answer shows for this role: the pack's declared level if it has one, else its description."""
    for name in ("level", "scope", "level_expectation"):
        value = getattr(pack, name, None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:MAX_LEVEL_CHARS]
        if value is not None and not isinstance(value, str):  # a structured declaration: use its text
            text = getattr(value, "scope", None) or getattr(value, "description", None) or str(value)
            return " ".join(str(text).split())[:MAX_LEVEL_CHARS]
    title = str(getattr(pack, "title", "") or "")
    description = " ".join(str(getattr(pack, "description", "") or "").split())
    return f"{title}: {description}".strip(": ")[:MAX_LEVEL_CHARS]


def question_facts(
    context: Any,
    question: str,
    answer: str,
    *,
    signals: Sequence[str] | None = None,
    level: str | None = None,
) -> QuestionFacts:
    """Signals, level expectation and the other questions the answer might fit better."""
    pack = _pack(context)
    questions = list(getattr(pack, "questions", None) or [])
    asked = next((q for q in questions if _norm(q.text) == _norm(question)), None)
    if signals is None:
        signals = list(asked.signals) if asked is not None else []
    if level is None:
        level = level_expectation(pack) if pack is not None else ""
    others = _rivals([q for q in questions if q is not asked and _norm(q.text) != _norm(question)], answer)
    return QuestionFacts(
        signals=tuple(s.strip()[:200] for s in signals if s.strip())[:MAX_SIGNALS],
        level=(level or "").strip()[:MAX_LEVEL_CHARS],
        others=others,
    )
