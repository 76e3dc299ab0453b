"""Specificity: named systems, numbers and concrete nouns versus generic wording and vagueness cues."""

from __future__ import annotations

import re

from agent.critic.schema import MetricMention, Specificity
from agent.critic.text import VAGUE, words
from knowledge.pattern_screen import screened

# Names: a capitalised word inside a sentence, an acronym, or a token with digits/camel case (p95, gRPC, S3).
_NAME = re.compile(r"(?<=[a-z,;:(]\s)[A-Z][\w\-]+|\b[A-Z]{2,}s?\b|\b[a-zA-Z]+\d\w*|\b[a-z]+[A-Z]\w*")
# Compound terms ("point-in-time join", "schema-drift detection") are how engineers name concrete things; the
# hyphenated slogans of a pitch ("best-in-class", "data-driven") name nothing and count as vague instead.
_COMPOUND = re.compile(r"\b[a-zA-Z]+(?:-[a-zA-Z]+)+\b")
_BUZZ_COMPOUND = re.compile(
    r"^(?:best-in-class|world-class|cutting-edge|state-of-the-art|data-driven|customer-centric|user-centric|"
    r"self-serve|self-service|end-to-end|cross-functional|high-impact|high-performing|high-quality|forward-looking|"
    r"future-proof|next-gen|next-generation|mission-critical|value-add|win-win|best-of-breed|top-notch|"
    r"low-hanging|long-term|short-term|first-class|high-level|fast-paced|results-driven|outcome-driven)$",
    re.IGNORECASE,
)
_VAGUE_PHRASE = re.compile(
    r"\b(?:kind of|sort of|a lot|and so on|etc|best practices?|stuff like that|things like that|"
    r"in general|at the end of the day|moving the needle|synergy|leverag\w*|basically|world-class|"
    r"cutting-edge|passionate|exciting|impact(?:ful)?|innovative|game-?changer|next level|"
    # Management slogans standing in for a plan ("hit the ground running", "lay the groundwork", "build momentum with
    # quick wins"): said of any team, they name no step of this one.
    r"(?:quick|early|easy) wins?|low-hanging fruit|hit the ground running|lay(?:ing)? the groundwork|"
    r"build(?:ing)? momentum|set (?:\w+ )?up for success|(?:the )?right people|right seats?|"
    r"foundations? in place|enabler|north star|best-in-class|data-driven|self-serve|end-to-end|"
    r"cross-functional|high-impact|customer-centric|state-of-the-art|future-proof|win-win)\b",
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


def _echoed(metric: MetricMention, asked: str) -> bool:
    """The figure repeats one of the question's ("in your first six months ..."): it adds nothing of the answer's."""
    said = " ".join(metric.text.lower().split())
    return bool(asked) and bool(re.search(rf"\b{re.escape(said)}\b", " ".join(asked.lower().split())))


def specificity(text: str, metrics: list[MetricMention], asked: str = "") -> tuple[Specificity, float]:
    """The level, and the raw points behind it (for the rubric's tie-breaks); `asked` is the question, whose own
    figures the answer repeating are not its specifics."""
    ws = words(text)
    if not ws:
        return "low", 0.0
    metrics = [m for m in metrics if not _echoed(m, asked)]
    names = {m.group(0).lower() for m in _NAME.finditer(text)}
    compounds = {c for m in _COMPOUND.finditer(text) if not _BUZZ_COMPOUND.match(c := m.group(0).lower())}
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


# Run only the alternatives whose literals are in the text (knowledge.pattern_screen): the same matches, less CPU.
_VAGUE_PHRASE = screened(_VAGUE_PHRASE)
_HEDGE = screened(_HEDGE)
