"""Specificity: named systems, numbers and concrete nouns versus generic wording and vagueness cues."""

from __future__ import annotations

import re

from agent.critic.schema import MetricMention, Specificity
from agent.critic.text import VAGUE, words

# Names: a capitalised word inside a sentence, an acronym, or a token with digits/camel case (p95, gRPC, S3).
_NAME = re.compile(r"(?<=[a-z,;:(]\s)[A-Z][\w\-]+|\b[A-Z]{2,}s?\b|\b[a-zA-Z]+\d\w*|\b[a-z]+[A-Z]\w*")
# Compound terms ("point-in-time join", "schema-drift detection") are how engineers name concrete things.
_COMPOUND = re.compile(r"\b[a-zA-Z]+(?:-[a-zA-Z]+)+\b")
_VAGUE_PHRASE = re.compile(
    r"\b(?:kind of|sort of|a lot|and so on|etc|best practices?|stuff like that|things like that|"
    r"in general|at the end of the day|moving the needle|synergy|leverag\w*|basically|world-class|"
    r"cutting-edge|passionate|exciting|impact(?:ful)?|innovative|game-?changer|next level)\b",
    re.IGNORECASE,
)

# Unsure recall ("maybe three, or was it four", "I'm not sure"):
# one is honest, several make the account hazy.
_HEDGE = re.compile(
    r"\b(?:I think|I guess|I suppose|maybe|might have been|(?:I'm|I am) not (?:sure|certain)|not sure|"
    r"(?:I )?don'?t (?:really )?(?:remember|recall)|if I (?:remember|recall) (?:right|correctly)|it depends|"
    r"so yeah|or something|or so|whatever it was)\b",
    re.IGNORECASE,
)


def hazy(text: str) -> bool:
    """Detailed or not, the answer is unsure of its own details (three or more hedges)."""
    return len(_HEDGE.findall(text)) >= 3


def specificity(text: str, metrics: list[MetricMention]) -> tuple[Specificity, float]:
    """The level, and the raw points behind it (for the rubric's tie-breaks)."""
    ws = words(text)
    if not ws:
        return "low", 0.0
    names = {m.group(0).lower() for m in _NAME.finditer(text)}
    compounds = {m.group(0).lower() for m in _COMPOUND.finditer(text)}
    vague = sum(1 for w in ws if w in VAGUE) + len(_VAGUE_PHRASE.findall(text))
    density = vague / len(ws)  # per word: a long answer can afford a "things"; a short one cannot
    points = (
        min(len(names), 5) * 0.7
        + min(len(metrics), 5) * 0.9
        + min(len(compounds), 5) * 0.5
        + min(len(ws) / 40.0, 3.5)
        - density * 60.0
    )
    if len(ws) < 20:  # a one-liner is generic almost by construction
        points -= 1.5
    level: Specificity = "high" if points >= 3.75 else "medium" if points >= 1.5 else "low"
    return level, points
