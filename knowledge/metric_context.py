"""What a stated quantity measures: the noun it qualifies and its phase (before, after, change, delta).

"Monthly GPU spend fell by 30%" -> noun "monthly gpu spend", phase "delta"; "pages dropped to 12 a week" ->
noun "pages", phase "after"; "30% of tickets" -> noun "tickets". Lexical and deterministic: the words of the
metric's own clause, verbs and function words left out. Drift checks compare figures by these, not by position.
"""

from __future__ import annotations

import re

from knowledge.metric_units import MEASURE_UNITS, STOP, words
from knowledge.models import Metric

_VERBS = words(
    "is are was were be been being stayed remained went gone came got became hit reached showed took made cut "
    "dropped fell fallen falling rose risen grew grown improved reduced increased decreased lowered raised saved "
    "brought moved kept "
    "held ran spent had has have sat now still down up back roughly about around nearly almost "
    "approximately some just only over under than below above least most max min at approx ended finished "
    "landed climbed jumped shrank halved doubled tripled later earlier afterwards since never always i we "
    "our my their they it us team mostly new old even also still already then each every per total "
    "overall average typical typically usually nearly median mean peak peaks peaking lower higher less "
    "more fewer"
)
_NOT_NOUN = re.compile(r"^(?:\w+ed|\w+ly|\d.*)$")  # past forms and adverbs; "speed", "need" are kept below
_NUMBERS = words(
    "zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "thousand million billion half third quarter week weeks month months year years day days hour hours quarters "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen sixty seventy eighty ninety dozen "
    "fifth fifths tenth tenths thirds halves percent pct cent percentage point points"  # "45 percent" names nothing
)
# Words that look like past forms but name things: "need", "speed"; "failed jobs", "escalated tickets" (participles
# that say which of the things are counted).
_KEEP = words(
    "speed need feed seed bed shed red p95 p99 p50 failed missed escalated rejected abandoned disputed flagged"
)
# A story part's label before a colon names no quantity ("Result: 6h -> 45min").
_PART_LABELS = words("result outcome impact situation task action after before now then")
_TOKEN = re.compile(r"[A-Za-z][\w\-]*|\d[\w\-]*")
# A contrast ("$640k build vs $220k buy", "in 9 weeks instead of 6 months") separates two figures of two things.
CONTRAST = r"\bvs\b\.?|\bversus\b|\binstead of\b|\brather than\b|\bcompared (?:to|with)\b|\bagainst\b"
_CLAUSE_BREAK = re.compile(r"[,;:()\n.!?]|\band\b|\bwhile\b|\bbut\b|\bwhich\b|\bso\b|" + CONTRAST)
_PER_WHAT = re.compile(r"\bper\s+[A-Za-z]+", re.IGNORECASE)  # "PRs per engineer per week": a rate's denominator
_SOFT_WRAP = re.compile(r"\n(?![ \t]*(?:\n|[-*•>]|\d+[.)]\s))")  # a wrapped line, not a new item
_OF_AFTER = re.compile(r"\s*(?:of|in|on|for)\s+((?:(?!(?:and|or|but|in|on|by|to|from|with)\b)[A-Za-z][\w\-]*\s*){1,3})",
                       re.IGNORECASE)  # fmt: skip
# Phase cues in the clause before the number.
_AFTER_CUE = re.compile(r"\b(?:to|down to|up to|now|now at|ended at|landed at|reached|hit)\s*"
                        r"(?:about|around|roughly|under|below|just|only|~)?\s*$", re.IGNORECASE)  # fmt: skip
_BEFORE_CUE = re.compile(
    r"\b(?:from|had been|used to be|used to take|originally|at the start|baseline(?: of)?|"
    r"started at|previously)\s+(?:\w+\s+){0,2}?(?:about|around|roughly|over|nearly|~)?\s*$",
    re.IGNORECASE,
)
# "by 30%" is a change only after a change verb: "used by 200 engineers" is a count.
_DELTA_BEFORE = re.compile(
    r"\b(?:cut|reduc\w*|lower\w*|decreas\w*|dropp\w*|fell|fallen|shr[aiu]nk|grew|grow\w*|increas\w*|rose|risen|"
    r"boost\w*|lift\w*|"
    r"improv\w*|sav\w*|climb\w*|jump\w*|impact\w*|mov\w*|slip\w*|delay\w*|went (?:up|down)|came down)\b[^,;.]*?\bby\s+"
    r"(?:about|around|roughly|nearly|over|almost|only|just|~)?\s*$",
    re.IGNORECASE,
)
# "brought it down by 45%", "is up by 12%": whatever the verb, "down by" / "up by" before a number is a change.
_DOWN_BY = re.compile(r"\b(?:down|up)\s+by\s+(?:about|around|roughly|nearly|over|almost|only|just|~)?\s*$", re.I)
_DOWN_UP = re.compile(r"\b(?:down|up)\s+(?:about|around|roughly|nearly|almost|~)?\s*$", re.IGNORECASE)
_MULTIPLIED = re.compile(r"halved|doubled|tripled|quadrupled", re.IGNORECASE)
_DELTA_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:reduction|improvement|increase|decrease|drop|gain|cut|lift|faster|slower|cheaper|fewer|"
    r"less|more|lower|higher|better|smaller|bigger|savings?)\b",
    re.IGNORECASE,
)
_DELTA_VERB = re.compile(
    r"\b(?:cut|cutting|reduc\w*|lower(?:ed|ing)?|decreas\w*|dropp\w*|drop|fell|fallen|shr[aiu]nk|grew|increas\w*|"
    r"rose|risen|"
    r"boost\w*|improv\w*|sav(?:ed|ing)|climb\w*|jump\w*)\s+(?:\w+\s+){0,3}?$",
    re.IGNORECASE,
)


_PERIOD_WORD = re.compile(r"\b(?:hours?|days?|weeks?|months?|quarters?|years?|sprints?)\b", re.IGNORECASE)
_FRACTION = re.compile(r"\d[\d,.]*\s*(?:/|of|out\s+of)\s*\d[\d,.]*", re.IGNORECASE)  # "38 of 40", "40/40"


def _content(tokens: list[str]) -> list[str]:
    return [t.lower() for t in tokens
            if (t.lower() not in STOP or t.lower() == "time") and t.lower() not in _VERBS and t.lower() not in _NUMBERS
            and (t.lower() in _KEEP or not _NOT_NOUN.match(t.lower()))]  # fmt: skip


def _clause_left(text: str, start: int) -> list[str]:
    """Content words of the metric's clause before it; of the clause before that after "(" or ":"."""
    left = _PER_WHAT.sub("", _SOFT_WRAP.sub(" ", text[max(0, start - 160) : start]))
    breaks = list(_CLAUSE_BREAK.finditer(left))
    own = _content(_TOKEN.findall(left[breaks[-1].end() :] if breaks else left))
    if not own and breaks and breaks[-1].group(0) in "(:":
        before = left[breaks[-2].end() if len(breaks) > 1 else 0 : breaks[-1].start()]
        own = [w for w in _content(_TOKEN.findall(before)) if w not in _PART_LABELS]
    return own


def noun_of(text: str, metric: Metric) -> str:
    """The thing the number qualifies, as up to three lower-case words ("" when nothing is named)."""
    unit = metric.unit
    if unit == "people" and re.search(r"\bof\s*$", text[max(0, metric.start - 30) : metric.start]):
        return "team"  # "a team of 7"
    if unit and unit not in MEASURE_UNITS and not unit.startswith("per ") and unit != "count":
        return unit  # a counted noun: "engineers", "tickets"
    if unit == "%" and _FRACTION.fullmatch(metric.text.strip()):  # "38 of 40 tests": the counted thing follows
        right = _content(_TOKEN.findall(_CLAUSE_BREAK.split(text[metric.end : metric.end + 40])[0]))[:2]
        if right:
            return " ".join(right)
    inner = _content(_TOKEN.findall(metric.text))
    if inner and unit == "%":  # "one reply in ten", "from one planner in five to four in five"
        return " ".join(inner[:3])
    after = _OF_AFTER.match(text, metric.end)
    if after and _PERIOD_WORD.search(after.group(1)):
        after = None  # "from 14% to 6% in the next year": a period is when, not what was measured
    if after and unit in ("%", "pp", "x", "count"):
        named = _content(_TOKEN.findall(after.group(1)))
        if named:
            return " ".join(named[:3])
    left = _clause_left(text, metric.start)
    if not left:  # "120 ms p95 latency": the name may follow the unit
        right = _content(_TOKEN.findall(_CLAUSE_BREAK.split(text[metric.end : metric.end + 40])[0]))[:2]
        return " ".join(right)
    return " ".join(left[-3:])


def phase_of(text: str, metric: Metric) -> str:
    """change (from X to Y), delta (by 30%, 3x faster), after (to 12), before (was 45), or "" when unsaid."""
    if metric.baseline is not None:
        return "change"
    left = text[max(0, metric.start - 60) : metric.start]
    if _MULTIPLIED.fullmatch(metric.text.strip()):
        return "delta"  # "halved", "doubled"
    if metric.unit == "x" or _DELTA_BEFORE.search(left) or _DOWN_BY.search(left):
        return "delta"
    if _DELTA_AFTER.match(text, metric.end):
        return "delta"
    if metric.unit in ("%", "pp") and (metric.text.lstrip()[:1] in "+-−" or _DOWN_UP.search(left)):
        return "delta"  # terse notes: "cost down 28%", "churn -3%", "CTR +6.5%"
    if _AFTER_CUE.search(left):
        return "after"
    if _BEFORE_CUE.search(left):
        return "before"
    if metric.unit in ("%", "pp") and _DELTA_VERB.search(left):
        return "delta"  # "churn dropped 30%": a relative change, not a level
    return ""


def describe(text: str, metrics: list[Metric]) -> list[Metric]:
    """Fill each metric's noun and phase from its sentence."""
    for m in metrics:
        m.noun = noun_of(text, m)
        m.phase = phase_of(text, m)
    return metrics
