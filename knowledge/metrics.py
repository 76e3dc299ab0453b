"""Quantity extraction: the numbers a text states, with units, changes and timeframes.

`extract_metrics("cut p95 from 800 ms to 120 ms in 6 weeks")` -> one Metric (baseline 800, after 120, unit ms,
timeframe "in 6 weeks"). Pure regex, compiled once, deterministic. Years, versions, list numbering, dates and
bare numbers without a unit are not quantities and are skipped.
"""

from __future__ import annotations

import re
from itertools import pairwise

from knowledge.metric_context import CONTRAST, describe
from knowledge.metric_forms import Tok, fraction_tokens, group_tokens, magnitude_tokens, score_tokens
from knowledge.metric_units import (
    MEASURE_UNITS,
    MONTHS,
    RATE_RE,
    SCALE,
    SCALES,
    SECONDS,
    TIME_UNITS,
    unit_after,
    words,
)  # fmt: skip
from knowledge.models import Metric
from knowledge.number_words import WORD_NUMBER, word_value

# A digit number not glued to letters/other numbers (excludes p95, v2, 3.11.2, 10:30, 2024-05-01, GPT-4, #3).
_NUM = re.compile(
    r"(?<![\w.,/:#])(?<!\w[-+])(?P<sign>[-−+](?=[$€£]?\d))?(?P<cur>[$€£]\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!\d|[.,]\d|[/:\-]\d|(?:st|nd|rd|th)\b)"
)
# "sampled debug logs 1:10": one in so many, kept as a percentage like "one in ten" (not a clock time "1:10 pm").
_ONE_IN = re.compile(r"(?<![\w.:/])1\s?:\s?(?P<n>\d{1,6})(?![\d:.,]\d|\d|\s?(?:am|pm|a\.m|p\.m)\b)", re.IGNORECASE)
_PARTS = frozenset({"halves", "thirds", "quarters", "fifths", "tenths"})  # a fraction's denominator read as a unit


_FREQ = re.compile(
    r"\b(?:(?P<n>once|twice)\s+(?:a|an|per|every)\s+(?P<per>hour|day|week|fortnight|month|quarter|year)"
    r"|(?P<adv>hourly|daily|weekly|fortnightly|monthly|quarterly|yearly|annually))\b",
    re.IGNORECASE,
)
_PER_WEEK = {"hour": 168.0, "hourly": 168.0, "day": 7.0, "daily": 7.0, "week": 1.0, "weekly": 1.0,
             "fortnight": 0.5, "fortnightly": 0.5, "month": 0.23, "monthly": 0.23, "quarter": 1 / 13,
             "quarterly": 1 / 13, "year": 1 / 52, "yearly": 1 / 52, "annually": 1 / 52}  # fmt: skip
# Words before a number that make it an ordinal label, not a quantity ("version 2", "step 3", "tier 1").
_LABEL_WORDS = words(
    "fortune top series v version release python java node ios android gpt llama step phase stage story question "
    "item part chapter section page line option round sprint level tier no number week day q"
)
_YEAR_PREPS = words("in since by during of from until early late mid before after around circa")
_CHANGE_TO = re.compile(r"\s*(?:->|→|=>|⇒|–>|to(?:\s+(?:just|only|about|under|around))?)\s*$", re.IGNORECASE)
# "from one AI feature a quarter to four": the unit sits between the two numbers.
_CHANGE_TO_NOUN = re.compile(
    r"^(?P<unit>(?:\s+[A-Za-z][\w-]*){1,5})\s+to(?:\s+(?:just|only|about|under|around))?\s*$", re.IGNORECASE
)
_ARROW_ONLY = re.compile(r"\s*(?:->|→|=>|⇒|–>)\s*(?:(?:max|at most|under|about|only|just|~|<|≤)\s*)?$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|~)?$", re.IGNORECASE)
_DOWN_FROM = re.compile(r"^[\s,(;–-]*(?:down|up)?\s*from\s+(?:about\s+|around\s+|~)?$", re.IGNORECASE)
_TIMEFRAME = re.compile(
    r"\b(?:(?:in|within|over|across|after)\s+(?:just\s+|only\s+|about\s+|under\s+|less\s+than\s+|the\s+"
    r"(?:first|next|last|past)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+(?:\.\d+)?)"
    r"?\s*(?:days?|weeks?|months?|quarters?|years?|sprints?|hours?)"
    r"|(?:per|a|an|each|every)\s+(?:day|week|month|quarter|year|hour|minute|second|sprint|release)"
    r"|/(?:s|sec|day|week|month|mo|yr|year)\b|annually|monthly|yearly|weekly|daily)\b",
    re.IGNORECASE,
)
# A bare number reached by a change ("fell to zero", "came down to two") is a quantity on its own.
_MOVED_TO = re.compile(
    r"\b(?:fell|dropped|went|came|shrank|rose|grew|climbed|cut|reduced|brought|down|up)\s+(?:\w+\s+)?to\s+$", re.I
)
_LIST_START = re.compile(r"(?:^|\n)[ \t>*\-]*$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_CONTRAST = re.compile(CONTRAST, re.IGNORECASE)


# A duration written as a modifier in words: "a three-week bake-off", "a two-year contract".
_WORD_DURATION = re.compile(
    r"(?<![\w-])(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)"
    r"-(?=(?:second|minute|hour|day|week|month|quarter|year|sprint)s?\b)",
    re.IGNORECASE,
)
# "~300 are abandoned": a hedged bare count whose noun was named earlier in the sentence.
_HEDGED = re.compile(r"(?:~|\b(?:about|around|roughly|nearly|over|almost)\s+)$", re.IGNORECASE)
_COUNT_VERB = re.compile(r"\s+(?:are|were|is|was|have|had|got|get|still|never|of (?:them|those|these))\b", re.I)


# A terse rate label right before its figure: "pages/week 41", "deploys/day: 12", "incidents / qtr 6".
_PER_LABEL = re.compile(
    r"[A-Za-z]\s*/\s*(second|sec|minute|min|hour|hr|day|night|week|wk|month|mo|quarter|qtr|year|yr|sprint)s?\s*:?\s*$",
    re.IGNORECASE,
)
_PERIODS = {"sec": "second", "min": "minute", "hr": "hour", "wk": "week", "mo": "month", "qtr": "quarter", "yr": "year"}


def _tokens(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in _NUM.finditer(text):
        raw = m.group("num")
        before = text[max(0, m.start() - 24) : m.start()]
        prev = re.findall(r"[A-Za-z]+", before[-12:])
        prev_word = prev[-1].lower() if prev and re.search(r"[A-Za-z]+\s*$", before) else ""
        rate = _PER_LABEL.search(before)  # "pages/week 41 -> 11": a rate named before its number, not "week 41"
        if (prev_word in _LABEL_WORDS or prev_word in MONTHS) and not rate:
            continue
        if _LIST_START.search(before) and re.match(r"[.)]\s", text[m.end() : m.end() + 2]) and len(raw) <= 2:
            continue  # "1. First point"; "900." wrapped onto a line of its own ends a sentence, it numbers nothing
        cur = (m.group("cur") or "").strip()
        scale, unit, end = unit_after(text, m.end(), bool(cur), float(raw.replace(",", "")))
        if unit in MONTHS:
            continue
        value = float(raw.replace(",", "")) * scale * (-1.0 if m.group("sign") in ("-", "−") else 1.0)
        if cur:  # "$20k without": money ends at the number (and its scale)
            unit = cur
            sc = SCALE.match(text, m.end())
            end = sc.end() if sc and sc.group("s").lower() in SCALES else m.end()
            rate = RATE_RE.match(text, end)
            end = rate.end() if rate else end
        is_year = re.fullmatch(r"(?:19|20)\d\d", raw) and scale == 1.0 and not cur
        if is_year and (unit == "s" or unit not in TIME_UNITS | {"%", "x", "ms"}):
            counted = unit.endswith("s") and unit != "s" and prev_word not in _YEAR_PREPS
            if not counted:
                continue
        if not unit and _HEDGED.search(before) and _COUNT_VERB.match(text, end) and value >= 2:
            unit = "count"
        if not unit and rate and not cur:
            unit = "per " + _PERIODS.get(rate.group(1).lower(), rate.group(1).lower())
        toks.append(Tok(m.start(), end, value, unit))
    for m in WORD_NUMBER.finditer(text):
        scale, unit, end = unit_after(text, m.end(), False, word_value(m.group("num")))
        measured = unit in MEASURE_UNITS or unit in ("people", "staff")
        if not (unit.endswith("s") or measured or unit.startswith("per ")):
            unit = ""  # kept only as one side of "from two to zero"; a bare number word is not a quantity
        toks.append(Tok(m.start(), end, word_value(m.group("num")) * scale, unit))
    for m in _FREQ.finditer(text):
        word = (m.group("n") or m.group("adv")).lower()
        per = (m.group("per") or "").lower()
        count = {"once": 1.0, "twice": 2.0}.get(word, 1.0)
        weekly = count * _PER_WEEK.get(per or word, 1.0)
        toks.append(Tok(m.start(), m.end(), weekly, "per week", paired_only=True))
    toks += [Tok(m.start(), m.end(), round(100.0 / int(m["n"]), 2), "%") for m in _ONE_IN.finditer(text)
             if int(m["n"]) >= 2]  # fmt: skip
    toks += fraction_tokens(text) + score_tokens(text) + magnitude_tokens(text) + group_tokens(text)
    kept: list[Tok] = []
    # The longer (or measured) reading wins; on a tie a share beats a duration ("three quarters of the queue") and a
    # count of fraction words ("two thirds of the tickets" is 66.67%, not two things called "thirds").
    for t in sorted(toks, key=lambda t: (t.start, -t.end, not t.unit, t.unit in TIME_UNITS or t.unit in _PARTS)):
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return _ratios(text, _contrasted_money(text, kept))


# "2-3 hours", "40–60 ms", "two to three hours": one quantity said as a range. Not after "from" (a change) and not a
# fall ("400 to 60 ms"): the second number is the larger, by at most _RANGE_SPAN ("5 to 10 minutes").
_HYPHEN_RANGE = re.compile(r"(?<![\w.,/:#$€£-])(?P<a>\d+(?:\.\d+)?)\s?[-–—]\s?(?P<b>\d+(?:\.\d+)?)(?![\d.,/:-])")
_RANGE_JOIN = re.compile(r"^\s?[–—]\s?$|^\s+(?:to|or)\s+$")
_RANGE_SPAN = 2.5
RANGE_TEXT = re.compile(
    r"^(?P<a>\d+(?:\.\d+)?|[a-z]+)\s?(?:[-–—]|\s(?:to|or)\s)\s?(?P<b>\d+(?:\.\d+)?|[a-z]+)\b", re.IGNORECASE
)


def said_ranges(text: str) -> list[Metric]:
    """The quantities `text` says as ranges, each one metric at its midpoint spanning both numbers (RANGE_TEXT reads
    the ends back). Kept apart from extract_metrics: the notes check compares them, the rest of the critic reads the
    numbers as before."""
    found = [t for t in _ranges(text, _tokens(text)) if t.ranged]
    metrics = [Metric(text=text[t.start : t.end], value=t.value, unit=t.unit, start=t.start, end=t.end) for t in found]
    return describe(text, _attach_timeframes(text, metrics))


def _ranges(text: str, toks: list[Tok]) -> list[Tok]:
    """Two numbers said as a range become one quantity, their midpoint, spanning both (RANGE_TEXT reads it back)."""
    for m in _HYPHEN_RANGE.finditer(text):
        a, b = float(m.group("a")), float(m.group("b"))
        scale, unit, end = unit_after(text, m.end(), False, b)
        if unit and 0 < a < b <= _RANGE_SPAN * a and not any(t.start < end and m.start() < t.end for t in toks):
            toks.append(Tok(m.start(), end, scale * (a + b) / 2, unit, ranged=True))
    toks.sort(key=lambda t: t.start)
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t, n = toks[i], toks[i + 1] if i + 1 < len(toks) else None
        if (
            n is not None
            and n.unit
            and t.unit in ("", n.unit)
            and not t.paired_only
            and _RANGE_JOIN.match(text[t.end : n.start])
            and not _FROM.search(text[max(0, t.start - 30) : t.start])
            and 0 < t.value < n.value <= _RANGE_SPAN * t.value
        ):
            out.append(Tok(t.start, n.end, (t.value + n.value) / 2, n.unit, ranged=True))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


_SCALED = re.compile(r"\d\s?(?:k|K|thousand|M|million|mn|bn|billion)\+?$")


def _contrasted_money(text: str, toks: list[Tok]) -> list[Tok]:
    """ "$1.1M to build versus 220k to buy": a scaled bare number set against money is money too."""
    for prev, t in pairwise(toks):
        between = text[prev.end : t.start]
        money_before = prev.unit in ("$", "€", "£") and not t.unit and _SCALED.search(text, t.start, t.end)
        if money_before and len(between) <= 40 and _CONTRAST.search(between) and not re.search(r"[.!?]\s", between):
            t.unit = prev.unit
    return toks


def _ratios(text: str, toks: list[Tok]) -> list[Tok]:
    """A rate ("one in twelve", "1 in 12 requests"), kept as a percentage (8.33%)."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        n = toks[i + 1] if i + 1 < len(toks) else None
        if (
            n is not None
            and not t.unit
            and n.unit not in TIME_UNITS
            and re.fullmatch(r"\s+in\s+", text[t.end : n.start])
            and 0 < t.value <= n.value
        ):
            out.append(Tok(t.start, n.end, round(100.0 * t.value / n.value, 2), "%"))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(text, a, b) if a < b else True


def _same_time_unit(baseline: Tok, after: Tok) -> None:
    """Express a change's baseline in the unit of its after value when both are durations."""
    if baseline.unit != after.unit and {baseline.unit, after.unit} <= TIME_UNITS:
        baseline.value = round(baseline.value * SECONDS[baseline.unit] / SECONDS[after.unit], 6)
        baseline.unit = after.unit


def _val(t: Tok) -> float | None:
    return None if t.bound else t.value  # "single-digit ms" names a magnitude, not a value


def extract_metrics(text: str) -> list[Metric]:
    """The quantities `text` states, in order of appearance, each with what it measures (noun, phase)."""
    toks = _tokens(text)
    out: list[Metric] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None:
            between = text[t.end : nxt.start]
            head = text[max(0, t.start - 30) : t.start]
            frm = _FROM.search(head)
            unit = t.unit or nxt.unit
            compatible = not (t.unit and nxt.unit) or t.unit == nxt.unit or {t.unit, nxt.unit} <= TIME_UNITS
            explicit = bool(frm and _CHANGE_TO.match(between))  # "from -20 to +15" needs no unit
            noun = _CHANGE_TO_NOUN.match(between) if frm and not explicit else None
            if noun:
                explicit, unit = True, unit or noun.group("unit").strip().lower()
            arrow = bool(_ARROW_ONLY.match(between))
            if arrow and not unit:
                unit = "count"  # "failed runs: 9 -> 0": an arrow makes two bare numbers a change
            if compatible and (unit or explicit) and len(between) < 40:
                if explicit or arrow:  # "from X to Y", "X -> Y": baseline first
                    _same_time_unit(t, nxt)  # "from 4 hours to 45 minutes": both in minutes
                    start = t.start - len(frm.group(0)) if frm else t.start
                    out.append(Metric(text=text[start : nxt.end], value=_val(nxt), unit=nxt.unit or unit,
                                      baseline=_val(t), after=_val(nxt), start=start, end=nxt.end))  # fmt: skip
                    i += 2
                    continue
                after = toks[i + 2] if i + 2 < len(toks) else None
                onward = after is not None and bool(_CHANGE_TO.match(text[nxt.end : after.start]))
                # "Y, down from X", but not "doubled, from 5 to 10": there X starts a change of its own
                if _DOWN_FROM.match(between + " ") and re.search(r"from", between) and not onward:
                    _same_time_unit(nxt, t)
                    out.append(Metric(text=text[t.start : nxt.end], value=_val(t), unit=t.unit or unit,
                                      baseline=_val(nxt), after=_val(t), start=t.start, end=nxt.end))  # fmt: skip
                    i += 2
                    continue
        if t.unit and not t.paired_only:
            out.append(Metric(text=text[t.start : t.end], value=_val(t), unit=t.unit, start=t.start, end=t.end))
        elif not t.unit and _MOVED_TO.search(text, max(0, t.start - 40), t.start):  # "pages fell to zero"
            out.append(Metric(text=text[t.start : t.end], value=t.value, unit="count", start=t.start, end=t.end))
        i += 1
    return describe(text, _attach_timeframes(text, out))


def word_durations(text: str, known: list[Metric]) -> list[Metric]:
    """Durations written in words as a modifier ("a three-week bake-off") that `known` lacks. Not quantities for the
    critic's outcome reading (a "two-week spike" is a plan, not a result); drift compares them with "a 3-week ...".
    """
    out = []
    for m in _WORD_DURATION.finditer(text):  # WORD_NUMBER stops short of a hyphen
        _, unit, end = unit_after(text, m.end("num"), False, word_value(m.group("num")))
        if unit in TIME_UNITS and not any(k.start < end and m.start() < k.end for k in known):
            value = word_value(m.group("num"))
            out.append(Metric(text=text[m.start() : end], value=value, unit=unit, start=m.start(), end=end))
    return describe(text, out)


# A score named before its bare value: "kappa 0.64", "a kappa of 0.78", "NPS was 31", "F1: 0.82".
_NAMED_SCORE = re.compile(
    r"\b(?:(?P<name>kappa|f1|auc|ndcg|mrr|bleu|rouge|nps|csat|r2)|(?P<rate>recall|precision|accuracy))(?:@\d+)?"
    r"(?:\s+score)?(?:\s*[:=])?(?:\s+(?:was|is|went|stayed|stuck|sat|hit|reached|rose|fell|climbed|dropped|up|down|at|"
    r"of|to|around|about|roughly|nearly|only|just)){0,4}\s*~?\s*(?P<v>\d+(?:\.\d+)?)(?![\d.,]*\s*(?:%|->|→|to\b))",
    re.IGNORECASE,
)


# "about a fifth of a cent", "a cent and a half": a price under a cent said in fractions.
_PARTS_OF = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_CENT_SHARE = re.compile(
    r"\b(?:(?:a|one)\s+(?P<part>half|third|quarter|fifth|sixth|eighth|tenth)\s+of\s+a\s+cent"
    r"|a\s+cent\s+and\s+a\s+(?P<more>half|third|quarter|fifth|sixth|eighth|tenth))\b",
    re.IGNORECASE,
)


def cent_shares(text: str) -> list[Metric]:
    """Prices said as fractions of a cent ("about a fifth of a cent" is 0.2 cents, "a cent and a half" 1.5), in
    cents, for drift only: there they take the place of what extract_metrics reads in their words ("a fifth of"
    as 20%); the critic reads the rest of the answer as before."""
    out = []
    for m in _CENT_SHARE.finditer(text):
        part = m.group("part") or m.group("more")
        value = (0.0 if m.group("part") else 1.0) + 1.0 / _PARTS_OF[part.lower()]
        out.append(Metric(text=m.group(0), value=value, unit="cents", start=m.start(), end=m.end()))
    return describe(text, out)


def named_scores(text: str, known: list[Metric]) -> list[Metric]:
    """Scores said as a name and a bare number ("kappa 0.64", "recall around 0.7") that `known` lacks, for drift
    only: the number alone carries no unit, so the critic's outcome reading does not take it as a result. The figure
    spans the number (a hedge before it is heard) and is quoted with its name ("kappa 0.64")."""
    out = []
    for m in _NAMED_SCORE.finditer(text):
        value, start, end = m.group("v"), m.start("v"), m.end("v")
        if m.group("rate") and not (value.startswith(("0.", "1.0")) or value == "1"):
            continue  # "recall 0.83" is a score; "precision 18" is not said this way
        if not any(k.start < end and start < k.end for k in known):
            name = m.group("name") or m.group("rate")
            out.append(Metric(text=f"{name} {value}", value=float(value), unit=name.lower(), start=start, end=end))
    return describe(text, out)


def _attach_timeframes(text: str, metrics: list[Metric]) -> list[Metric]:
    """Give each timeframe phrase to the nearest metric in its sentence; drop a duration it swallowed."""
    dropped: set[int] = set()
    freq = [(f.start(), f.end()) for f in _FREQ.finditer(text)]
    found = [m for m in _TIMEFRAME.finditer(text) if not any(a <= m.start() < b for a, b in freq)]
    # A timeframe right after a figure ("80 deploys a day") is that figure's before any other is considered.
    adjacent = {id(m) for m in found if any(0 <= m.start() - x.end <= 1 for x in metrics)}
    for m in sorted(found, key=lambda m: id(m) not in adjacent):
        inner = [i for i, x in enumerate(metrics) if x.start >= m.start() and x.end <= m.end() + 1]
        holder = [i for i, x in enumerate(metrics) if x.start <= m.start() and m.end() <= x.end]
        if holder and metrics[holder[0]].text.strip() == m.group(0).strip():
            continue  # "about a minute": the phrase is the quantity itself
        if holder:  # "2M monthly users": the timeframe is part of that quantity
            metrics[holder[0]].timeframe = metrics[holder[0]].timeframe or m.group(0).strip()
            continue
        candidates = [
            (0 if x.end <= m.start() else 1, abs(m.start() - x.end) if x.end <= m.start() else x.start - m.end(), i)
            for i, x in enumerate(metrics)
            if i not in inner
            and x.timeframe is None
            and (x.end <= m.start() or x.start >= m.end())
            and _same_sentence(text, min(x.end, m.end()), max(x.start, m.start()))
            # "live in 5 weeks instead of 6 months": the other side of a contrast is another figure, not a window
            and not _CONTRAST.search(text, min(x.end, m.end()), max(x.start, m.start()))
            and (abs(m.start() - x.end) < 80 or abs(x.start - m.end()) < 80)
        ]
        if not candidates:
            continue
        idx = min(candidates)[2]
        metrics[idx].timeframe = m.group(0).strip()
        dropped.update(inner)
    return [x for i, x in enumerate(metrics) if i not in dropped]
