"""Quantity extraction: the numbers a text states, with units, changes and timeframes.

`extract_metrics("cut p95 from 800 ms to 120 ms in 6 weeks")` -> one Metric (baseline 800, after 120, unit ms,
timeframe "in 6 weeks"). Pure regex, compiled once, deterministic. Years, versions, list numbering, dates and
bare numbers without a unit are not quantities and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import Metric
from knowledge.number_words import WORD_NUMBER, word_value

# A digit number not glued to letters/other numbers (excludes p95, v2, 3.11.2, 10:30, 2024-05-01, GPT-4, #3).
_NUM = re.compile(
    r"(?<![\w.,/:#])(?<!\w[-+])(?P<sign>[-−+](?=[$€£]?\d))?(?P<cur>[$€£]\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!\d|[.,]\d|[/:\-]\d|(?:st|nd|rd|th)\b)"
)


_SCALE = re.compile(r"\s?(?P<s>k|K|thousand|M|million|mn|mm|B|bn|billion|m|b)(?![A-Za-z])\+?")
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9,
           "billion": 1e9}  # fmt: skip
# Measurement units (normalised name last). Order matters: longer spellings first.
_UNIT_TABLE: tuple[tuple[str, str], ...] = (
    (r"%|percent\b|per\s?cent\b|pct\b", "%"),
    (r"percentage\s+points?\b|pp\b|points?\b(?=\s+(?:of|in|on))", "pp"),
    (r"basis\s+points?\b|bps\b", "bps"),
    (r"ms\b|milliseconds?\b|millis\b", "ms"),
    (r"(?:μs|µs)|microseconds?\b", "us"),
    (r"s\b|secs?\b|seconds?\b", "s"),
    (r"mins?\b|minutes?\b", "min"),
    (r"h\b|hrs?\b|hours?\b", "h"),
    (r"days?\b", "days"),
    (r"weeks?\b|wks?\b", "weeks"),
    (r"months?\b|mos?\b", "months"),
    (r"quarters?\b", "quarters"),
    (r"years?\b|yrs?\b", "years"),
    (r"sprints?\b", "sprints"),
    (r"x\b|×|times\b(?=\s+(?:faster|slower|more|less|fewer|higher|lower|bigger|smaller|cheaper|better|the|as))",
     "x"),
    (r"dollars\b|usd\b", "$"),
    (r"euros?\b|eur\b", "€"),
)  # fmt: skip
_UNITS = [(re.compile(r"\s?(?:" + pat + ")", re.IGNORECASE), name) for pat, name in _UNIT_TABLE]
_MEASURE_UNITS = {name for _, name in _UNIT_TABLE}
_TIME_UNITS = {"ms", "us", "s", "min", "h", "days", "weeks", "months", "quarters", "years", "sprints"}
_FREQ = re.compile(
    r"\b(?:(?P<n>once|twice)\s+(?:a|an|per|every)\s+(?P<per>hour|day|week|fortnight|month|quarter|year)"
    r"|(?P<adv>hourly|daily|weekly|fortnightly|monthly|quarterly|yearly|annually))\b",
    re.IGNORECASE,
)
_PER_WEEK = {"hour": 168.0, "hourly": 168.0, "day": 7.0, "daily": 7.0, "week": 1.0, "weekly": 1.0,
             "fortnight": 0.5, "fortnightly": 0.5, "month": 0.23, "monthly": 0.23, "quarter": 1 / 13,
             "quarterly": 1 / 13, "year": 1 / 52, "yearly": 1 / 52, "annually": 1 / 52}  # fmt: skip
_RATE = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(second|minute|hour|day|week|month|quarter|year|sprint|release)\b", re.I
)
_WORD = re.compile(r"\s*\+?\s*([A-Za-z][A-Za-z\-]*)(?:\s+([A-Za-z][A-Za-z\-]*))?")


def _words(text: str) -> frozenset[str]:
    """A word set written as one string (easier to read than a long list literal)."""
    return frozenset(text.split())


_STOP = _words(
    "a an the of and or but to in on at for with by from into than then as is was were are be been being "
    "it its this that these those we i you he she they them our my your their us me him her who which what "
    "when where so if not no yes also just only about around over under per more less time out up "
    "down off had has have did do does will would could should can may might must within during across after "
    "before since until via through per"
)
_MONTHS = _words(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct "
    "october nov november dec december"
)
# Words before a number that make it an ordinal label, not a quantity ("version 2", "step 3", "tier 1").
_LABEL_WORDS = _words(
    "v version release python java node ios android gpt llama step phase stage story question item part "
    "chapter section page line option round sprint level tier no number week day q"
)
_YEAR_PREPS = _words("in since by during of from until early late mid before after around circa")
_CHANGE_TO = re.compile(r"\s*(?:->|→|=>|⇒|–>|to(?:\s+(?:just|only|about|under|around))?)\s*$", re.IGNORECASE)
# "from one AI feature a quarter to four": the unit sits between the two numbers.
_CHANGE_TO_NOUN = re.compile(
    r"^(?P<unit>(?:\s+[A-Za-z][\w-]*){1,5})\s+to(?:\s+(?:just|only|about|under|around))?\s*$", re.IGNORECASE
)
_ARROW_ONLY = re.compile(r"\s*(?:->|→|=>|⇒|–>)\s*$")
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
_LIST_START = re.compile(r"(?:^|\n)[ \t>*\-]*$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


@dataclass
class _Tok:
    start: int
    end: int
    value: float
    unit: str
    paired_only: bool = False  # a frequency word ("daily") is a quantity only as one side of a change


def _unit_after(text: str, pos: int, has_cur: bool) -> tuple[float, str, int]:
    """(scale, unit, end) for the text right after a number."""
    scale, end = 1.0, pos
    m = _SCALE.match(text, end)
    if m:
        s = m.group("s")
        nxt = _WORD.match(text, m.end())
        plural_next = bool(nxt and nxt.group(1).lower().endswith("s") and nxt.group(1).lower() not in _STOP)
        # lower-case "m"/"b" mean million/billion only for money or a counted noun ("5m users"), else minutes.
        if s in ("m", "b") and not (has_cur or plural_next):
            if s == "m":
                return 1.0, "min", m.end()
        else:
            scale, end = _SCALES[s.lower()], m.end()
    for rx, name in _UNITS:
        u = rx.match(text, end)
        if u and not (name == "s" and u.group(0).startswith(" ")):  # "40 s" is rarely seconds
            return scale, name, u.end()
    rate = _RATE.match(text, end)
    if rate:  # "two a week", "12 per quarter": a count per period
        return scale, "per " + rate.group(1).lower(), rate.end()
    w = _WORD.match(text, end)
    if w:
        w1, w2 = w.group(1), w.group(2)
        l1 = w1.lower()
        if l1 in _STOP or l1 in _MONTHS:
            return scale, "", end
        if w2 and not l1.endswith("s") and w2.lower().endswith("s") and w2.lower() not in _STOP:
            return scale, w2.lower(), w.end(2)  # "40 senior engineers"
        return scale, l1, w.end(1)
    return scale, "", end


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _NUM.finditer(text):
        raw = m.group("num")
        before = text[max(0, m.start() - 24) : m.start()]
        prev = re.findall(r"[A-Za-z]+", before[-12:])
        prev_word = prev[-1].lower() if prev and re.search(r"[A-Za-z]+\s*$", before) else ""
        if prev_word in _LABEL_WORDS or prev_word in _MONTHS:
            continue
        if _LIST_START.search(before) and re.match(r"[.)]\s", text[m.end() : m.end() + 2]):
            continue  # "1. First point"
        cur = (m.group("cur") or "").strip()
        scale, unit, end = _unit_after(text, m.end(), bool(cur))
        if unit in _MONTHS:
            continue
        value = float(raw.replace(",", "")) * scale * (-1.0 if m.group("sign") in ("-", "−") else 1.0)
        if cur:  # "$20k without": money ends at the number (and its scale)
            unit = cur
            sc = _SCALE.match(text, m.end())
            end = sc.end() if sc and sc.group("s").lower() in _SCALES else m.end()
            rate = _RATE.match(text, end)
            end = rate.end() if rate else end
        is_year = re.fullmatch(r"(?:19|20)\d\d", raw) and scale == 1.0 and not cur
        if is_year and (unit == "s" or unit not in _TIME_UNITS | {"%", "x", "ms"}):
            counted = unit.endswith("s") and unit != "s" and prev_word not in _YEAR_PREPS
            if not counted:
                continue
        toks.append(_Tok(m.start(), end, value, unit))
    for m in WORD_NUMBER.finditer(text):
        scale, unit, end = _unit_after(text, m.end(), False)
        measured = unit in _MEASURE_UNITS or unit in ("people", "staff")
        if not (unit.endswith("s") or measured or unit.startswith("per ")):
            unit = ""  # kept only as one side of "from two to zero"; a bare number word is not a quantity
        toks.append(_Tok(m.start(), end, word_value(m.group("num")) * scale, unit))
    for m in _FREQ.finditer(text):
        word = (m.group("n") or m.group("adv")).lower()
        per = (m.group("per") or "").lower()
        count = {"once": 1.0, "twice": 2.0}.get(word, 1.0)
        weekly = count * _PER_WEEK.get(per or word, 1.0)
        toks.append(_Tok(m.start(), m.end(), weekly, "per week", paired_only=True))
    return _ratios(text, sorted(toks, key=lambda t: t.start))


def _ratios(text: str, toks: list[_Tok]) -> list[_Tok]:
    """A rate ("one in twelve", "1 in 12 requests"), kept as a percentage (8.33%)."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        n = toks[i + 1] if i + 1 < len(toks) else None
        if (
            n is not None
            and not t.unit
            and n.unit not in _TIME_UNITS
            and re.fullmatch(r"\s+in\s+", text[t.end : n.start])
            and 0 < t.value <= n.value
        ):
            out.append(_Tok(t.start, n.end, round(100.0 * t.value / n.value, 2), "%"))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(text, a, b) if a < b else True


def extract_metrics(text: str) -> list[Metric]:
    """The quantities `text` states, in order of appearance."""
    toks = _tokens(text)
    out: list[Metric] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None:
            between = text[t.end : nxt.start]
            head = text[max(0, t.start - 30) : t.start]
            unit = t.unit or nxt.unit
            compatible = not (t.unit and nxt.unit) or t.unit == nxt.unit or {t.unit, nxt.unit} <= _TIME_UNITS
            explicit = bool(_FROM.search(head) and _CHANGE_TO.match(between))  # "from -20 to +15" needs no unit
            noun = _CHANGE_TO_NOUN.match(between) if _FROM.search(head) and not explicit else None
            if noun:
                explicit, unit = True, unit or noun.group("unit").strip().lower()
            if compatible and (unit or explicit) and len(between) < 40:
                if explicit or _ARROW_ONLY.match(between):
                    start = t.start - len(_FROM.search(head).group(0)) if _FROM.search(head) else t.start  # type: ignore[union-attr]
                    out.append(
                        Metric(
                            text=text[start : nxt.end],
                            value=nxt.value,
                            unit=nxt.unit or unit,
                            baseline=t.value,
                            after=nxt.value,
                            start=start,
                            end=nxt.end,
                        )
                    )
                    i += 2
                    continue
                if _DOWN_FROM.match(between + " ") and re.search(r"from", between):
                    out.append(
                        Metric(
                            text=text[t.start : nxt.end],
                            value=t.value,
                            unit=t.unit or unit,
                            baseline=nxt.value,
                            after=t.value,
                            start=t.start,
                            end=nxt.end,
                        )
                    )
                    i += 2
                    continue
        if t.unit and not t.paired_only:
            out.append(Metric(text=text[t.start : t.end], value=t.value, unit=t.unit, start=t.start, end=t.end))
        i += 1
    return _attach_timeframes(text, out)


def _attach_timeframes(text: str, metrics: list[Metric]) -> list[Metric]:
    """Give each timeframe phrase to the nearest metric in its sentence; drop a duration it swallowed."""
    dropped: set[int] = set()
    for m in _TIMEFRAME.finditer(text):
        inner = [i for i, x in enumerate(metrics) if x.start >= m.start() and x.end <= m.end() + 1]
        holder = [i for i, x in enumerate(metrics) if x.start <= m.start() and m.end() <= x.end]
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
            and (abs(m.start() - x.end) < 80 or abs(x.start - m.end()) < 80)
        ]
        if not candidates:
            continue
        idx = min(candidates)[2]
        metrics[idx].timeframe = m.group(0).strip()
        dropped.update(inner)
    return [x for i, x in enumerate(metrics) if i not in dropped]
