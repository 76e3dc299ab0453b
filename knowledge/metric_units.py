"""Units of a stated quantity: what follows a number ("ms", "%", "engineers", "per week", "/min").

`unit_after(text, pos, has_currency)` reads the unit right after a number. Measurement units are normalised
("milliseconds" -> "ms"); a counted noun is kept as written in lower case ("engineers"); a verb or a word that
counts no measure ("5 connect", "two unknowns") gives no unit, so the number is not a quantity on its own.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word set written as one string (easier to read than a long list literal)."""
    return frozenset(text.split())


SCALE = re.compile(r"\s?(?P<s>k|K|thousand|M|million|mn|mm|B|bn|billion|m|b)(?![A-Za-z])\+?")
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9,
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
MEASURE_UNITS = {name for _, name in _UNIT_TABLE}
TIME_UNITS = {"ms", "us", "s", "min", "h", "days", "weeks", "months", "quarters", "years", "sprints"}
# A duration also qualifies a noun with a hyphen: "a 60-day plan", "a 12-week rollout" (a figure like "60 days").
_UNITS = [(re.compile((r"(?:\s|-)?" if name in TIME_UNITS else r"\s?") + "(?:" + pat + ")", re.IGNORECASE), name)
          for pat, name in _UNIT_TABLE]  # fmt: skip
SECONDS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "days": 86400.0, "weeks": 604800.0,
           "months": 2.63e6, "quarters": 7.89e6, "years": 3.156e7, "sprints": 1.21e6}  # fmt: skip
_RATE = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(second|minute|hour|day|week|month|quarter|year|sprint|release)\b", re.I
)
# "5+/min", "3/day", "200 req/s": a count per period written with a slash.
# "6/night", "2/run", "1/deploy": a count per recurring event, read the same way.
_SLASH_RATE = re.compile(
    r"\+?\s?(?:req(?:uests)?|errors?|calls?)?/(s|sec|min|h|hr|day|night|shift|wk|week|sprint|mo|month|yr|run|build|"
    r"release|deploy)\b",
    re.I,
)
_SLASH_NAMES = {"s": "second", "sec": "second", "min": "minute", "h": "hour", "hr": "hour", "day": "day",
                "night": "night", "shift": "shift", "wk": "week", "week": "week", "sprint": "sprint", "mo": "month",
                "month": "month", "yr": "year", "run": "run", "build": "build", "release": "release",
                "deploy": "deploy"}  # fmt: skip
RATE_RE = _RATE
# "failed ~2x/wk", "three times a week", "4x per day": how often something happens, a count per period (the x is
# not a fold change here).
_TIMES_PER = re.compile(
    r"\s?(?:x|×|times)\s*(?:/\s*|\s(?:a|an|per|each|every)\s+)(second|sec|minute|min|hour|hr|day|wk|week|month|mo|"
    r"quarter|qtr|year|yr|sprint)s?\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\s*\+?\s*([A-Za-z][A-Za-z\-]*)")
_WORDS = re.compile(r"\s*\+?\s*[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,2}")

STOP = words(
    "a an the of and or but to in on at for with by from into than then as is was were are be been being "
    "it its this that these those we i you he she they them our my your their us me him her who which what "
    "when where so if not no yes also just only about around over under per more less time out up "
    "down off had has have did do does will would could should can may might must within during across after "
    "before since until via through per"
)
MONTHS = words(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct "
    "october nov november dec december"
)
# Singular words that still name a measure after a number other than one ("5 TB", "300 QPS", "12 FTE").
_SINGULAR_UNITS = words("tb gb mb kb pb qps rps tps fte headcount loc usd rpm people staff personnel children")
# Plural nouns that count no measure: "two unknowns", "three things", "two options" are not results.
_NOT_MEASURES = words("unknowns ways reasons ideas aspects kinds types sides lessons examples words sentences")


def counted_noun(word: str, value: float) -> bool:
    """Whether `word` after a number names something counted ("engineers"), not a verb or a label."""
    low = word.lower()
    if low in _NOT_MEASURES or low in STOP:
        return False
    if re.search(r"(?:ous|ss|us|is)$", low):
        return False  # "two synchronous calls", "a process": adjectives and singulars ending in s
    return low.endswith("s") or low in _SINGULAR_UNITS or value == 1


def unit_after(text: str, pos: int, has_cur: bool, value: float = 2.0) -> tuple[float, str, int]:
    """(scale, unit, end) for the text right after a number; unit "" when nothing measured follows."""
    scale, end = 1.0, pos
    m = SCALE.match(text, end)
    if m:
        s = m.group("s")
        nxt = _WORD.match(text, m.end())
        plural_next = bool(nxt and nxt.group(1).lower().endswith("s") and nxt.group(1).lower() not in STOP)
        # lower-case "m"/"b" mean million/billion only for money or a counted noun ("5m users"), else minutes.
        if s in ("m", "b") and not (has_cur or plural_next):
            if s == "m":
                return 1.0, "min", m.end()
        else:
            scale, end = SCALES[s.lower()], m.end()
    often = _TIMES_PER.match(text, end)
    if often:
        name = often.group(1).lower()
        return scale, "per " + {"sec": "second", "min": "minute", "hr": "hour", "qtr": "quarter"}.get(
            name, _SLASH_NAMES.get(name, name)), often.end()  # fmt: skip
    slash = _SLASH_RATE.match(text, end)
    if slash:
        return scale, "per " + _SLASH_NAMES[slash.group(1).lower()], slash.end()
    for rx, name in _UNITS:
        u = rx.match(text, end)
        if u and not (name == "s" and u.group(0) in (" s", " S")):  # "40 s" is rarely seconds
            return scale, name, u.end()
    rate = _RATE.match(text, end)
    if rate:  # "two a week", "12 per quarter": a count per period
        return scale, "per " + rate.group(1).lower(), rate.end()
    w = _WORDS.match(text, end)
    if w:
        found = list(re.finditer(r"[A-Za-z][A-Za-z\-]*", w.group(0)))
        if found[0].group(0).lower() in STOP or found[0].group(0).lower() in MONTHS:
            return scale, "", end
        for k, word in enumerate(found):  # "40 senior engineers", "zero silent schema incidents"
            low = word.group(0).lower()
            if low in STOP:
                break
            if (low.endswith("s") or k == 0) and counted_noun(low, value * scale):
                return scale, low, end + word.end()
            if low.endswith("s"):
                break
        return scale, "", end  # "5 connect", "500 company", "two unknowns"
    return scale, "", end
