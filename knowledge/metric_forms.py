"""Quantities written without a digit-and-unit pair: fractions, multipliers, slash scores, vague magnitudes.

"cut costs by a third" (33.33%), "cut the backlog in half" (50%), "doubled throughput" (2x), "40/40 tests pass"
(100%), "never more than about a minute behind" (1 min), "single-digit ms" (a bound, no exact value).
Used by knowledge.metrics; each form returns tokens with character offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.metric_units import unit_after
from knowledge.number_words import WORD_NUMBER, word_value


@dataclass
class Tok:
    """A number found in the text, before changes ("from X to Y") are paired up."""

    start: int
    end: int
    value: float
    unit: str
    paired_only: bool = False  # a frequency word ("daily") is a quantity only as one side of a change
    bound: bool = False  # "single-digit ms": a magnitude, not an exact value
    ranged: bool = False  # "2-3 hours": the midpoint of a range said (knowledge.metrics.said_ranges)


_FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
              "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0,
              "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
              "a tenth": 10.0, "one tenth": 10.0}  # fmt: skip
# A fraction is a quantity after "by"/"in" ("by a third", "in half") or before "of"/"the" ("half of the tickets");
# "within a quarter" and "a quarter later" are time, not fractions.
_FRACTION = re.compile(
    r"\b(?:(?P<pre>by|in|cut|about|nearly|roughly|almost|over|than)\s+)?"
    r"(?P<f>two[- ]thirds|three[- ]quarters|(?:a|one)\s+(?:half|third|quarter|fifth|tenth)|half)\b"
    r"(?P<post>\s+(?:of|the)\b)?",
    re.IGNORECASE,
)
_MULTIPLIER = re.compile(r"\b(?P<w>halved|doubled|tripled|quadrupled)\b", re.IGNORECASE)
_MULT_VALUES = {"halved": (50.0, "%"), "doubled": (2.0, "x"), "tripled": (3.0, "x"), "quadrupled": (4.0, "x")}
# "40/40 tests pass", "9/10 customers": a score out of a total, kept as a percentage.
_SCORE = re.compile(r"(?<![\w./])(?P<a>\d+)\s?/\s?(?P<b>\d+)(?=\s+(?:[A-Za-z-]+\s+){0,2}?[A-Za-z]+s\b)")
# "about a minute", "under an hour": one unit of time, after a hedge or a comparison.
_ONE_UNIT = re.compile(
    r"\b(?:about|around|roughly|under|over|than|nearly|almost|just|only|barely)\s+(?P<a>an?)\s+"
    r"(?=(?:second|minute|hour|day|week|month|year)\b)",
    re.IGNORECASE,
)
_GROUP_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_DIGITS = re.compile(r"\b(?P<w>single|double|triple)[- ]digits?\b", re.IGNORECASE)
_DIGIT_BOUND = {"single": 9.0, "double": 99.0, "triple": 999.0}


def fraction_tokens(text: str) -> list[Tok]:
    """Fractions and multipliers as percentages or ratios."""
    toks: list[Tok] = []
    for m in _FRACTION.finditer(text):
        frac = re.sub(r"\s+", " ", m.group("f").lower())
        pre, post = (m.group("pre") or "").lower(), m.group("post")
        if "quarter" in frac and not (post or pre == "by"):
            continue  # "a quarter later", "in a quarter": time
        if not (pre in ("by", "in", "cut") or post):
            continue
        start = m.start("f")
        toks.append(Tok(start, m.end("f"), round(_FRACTIONS[frac], 2), "%"))
    for m in _MULTIPLIER.finditer(text):
        value, unit = _MULT_VALUES[m.group("w").lower()]
        toks.append(Tok(m.start(), m.end(), value, unit))
    return toks


# "a team of 7", "an org of 120": a headcount written after its group.
_GROUP = re.compile(
    r"\b(?:team|org|organi[sz]ation|group|squad|department|function)\s+of\s+(?:about\s+|around\s+|roughly\s+|~)?"
    r"(?P<n>\d+|" + "|".join(_GROUP_WORDS) + r")\b(?!\s*(?:%|percent|[a-z]+s\b))",
    re.IGNORECASE,
)


def group_tokens(text: str) -> list[Tok]:
    """Headcounts written as "a team of 7" (people)."""
    toks: list[Tok] = []
    for m in _GROUP.finditer(text):
        raw = m.group("n").lower()
        value = float(raw) if raw.isdigit() else float(_GROUP_WORDS.index(raw) + 2)
        toks.append(Tok(m.start("n"), m.end("n"), value, "people"))
    return toks


def score_tokens(text: str) -> list[Tok]:
    """Scores out of a total ("40/40 tests", "nine of the twelve teams", "29 out of 30 days") as percentages."""
    toks: list[Tok] = []
    for m in _SCORE.finditer(text):
        a, b = float(m.group("a")), float(m.group("b"))
        if b > 0 and a <= b:
            toks.append(Tok(m.start(), m.end(), round(100.0 * a / b, 2), "%"))
    for m in _OF_TOTAL.finditer(text):
        if not (_is_count(m.group("a")) and _is_count(m.group("b"))):
            continue
        a, b = _count(m.group("a")), _count(m.group("b"))
        if b > 1 and 0 <= a <= b:
            toks.append(Tok(m.start(), m.end(), round(100.0 * a / b, 2), "%"))
    return toks


def _is_count(raw: str) -> bool:
    return raw[0].isdigit() or (bool(WORD_NUMBER.fullmatch(raw)) and raw.lower() not in ("a dozen", "a couple of"))


def _count(raw: str) -> float:
    return float(raw.replace(",", "")) if raw[0].isdigit() else word_value(raw)


# "nine of the twelve teams", "29 out of 30 days": a part of a stated whole, followed by what is counted (a plural,
# or a plural without an s: "four of the seven people"). A number is at most 25 digits and commas: unbounded, a run
# of "1,1,1,..." was rescanned to its end from every comma (20,000 characters took 2 s).
_OF_TOTAL = re.compile(
    r"\b(?P<a>\d[\d,]{0,24}|[A-Za-z]+(?:-[a-z]+)?)\s+(?:out\s+)?of\s+(?:the\s+|our\s+|all\s+|those\s+)?"
    r"(?P<b>\d[\d,]{0,24}|[A-Za-z]+(?:-[a-z]+)?)(?=\s+(?:[A-Za-z-]+\s+){0,2}?(?!(?:has|was|is|does|goes|gets)\b)"
    r"(?:[A-Za-z]+s|people|staff)\b)",
    re.IGNORECASE,
)


def magnitude_tokens(text: str) -> list[Tok]:
    """ "about a minute" (1 min) and "single-digit ms" (a bound)."""
    toks: list[Tok] = []
    for m in _ONE_UNIT.finditer(text):
        _, unit, end = unit_after(text, m.end("a"), False, 1.0)
        if unit:
            toks.append(Tok(m.start("a"), end, 1.0, unit))
    for m in _DIGITS.finditer(text):
        _, unit, end = unit_after(text, m.end(), False, _DIGIT_BOUND[m.group("w").lower()])
        if unit:
            toks.append(Tok(m.start(), end, _DIGIT_BOUND[m.group("w").lower()], unit, bound=True))
    return toks
