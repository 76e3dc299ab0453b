"""Forms of a measured outcome that need the sentence around a number, not the number alone.

A quantified result is an effect of the candidate's work stated with a measure. knowledge.metrics finds quantities
with units; some outcome forms carry their measure in a shape it does not read as one ("fivefold", "twelve in a
row", "14 before, 3 after", "nobody paged in the half-year since"), and some numbers sit in an outcome position only
because of what follows them ("0.1% of requests, down from 3%"). Others look like outcomes but are not: a count
that is the object of the candidate's own step ("I presented it to 40 leads") or a feeling ("felt 10x better").
Each pattern is data with an example; metric_roles.py applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.models import Metric
from knowledge.number_words import WORD_NUMBER, word_value

_N = r"(?:\d[\d,]*(?:\.\d+)?|" + WORD_NUMBER.pattern.replace("?P<num>", "?:") + ")"


def _num(text: str) -> float | None:
    t = text.replace(",", "").strip()
    try:
        return float(t)
    except ValueError:
        return word_value(t) if WORD_NUMBER.fullmatch(t) else None


# "reduced the timeouts fivefold", "a 3-fold drop": a multiplier of change.
_FOLD = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)[\s-]?fold\b", re.I
)
# "twelve in a row", "nine sprints straight", "6 consecutive releases" counted after the work: a streak.
_STREAK = re.compile(
    rf"\b(?P<n>{_N})\s+(?:(?:[a-z]+\s+){{0,2}}in a row|(?:[a-z]+\s+){{1,2}}(?:straight|running)\b|consecutive\b)",
    re.IGNORECASE,
)
# "14 before, 3 after", "before: 14, after: 3": a before/after pair of bare numbers.
_BEFORE_AFTER = re.compile(
    rf"(?P<b>{_N})\s*(?:[a-z]+\s+){{0,2}}before\b[\s,;:]*(?:and\s+|vs\.?\s+|versus\s+)?(?P<a>{_N})\s*"
    rf"(?:[a-z]+\s+){{0,2}}(?:after|now)\b"
    rf"|\bbefore\W+(?P<b2>{_N})\b[^.!?;]{{0,30}}?\b(?:after|now)\W+(?P<a2>{_N})\b",
    re.IGNORECASE,
)
# "in the half-year since", "for a year now", "in the following quarter": a span reached without an event.
_SPAN = re.compile(
    r"\b(?P<prep>in|for|over|across|went|gone|go)\s+(?:the\s+(?:last\s+|past\s+|(?P<next>following|next)\s+)?|"
    r"a\s+(?:full\s+)?|an\s+|one\s+)?"
    r"(?P<half>half[\s-]?)?(?P<unit>year|month|quarter|week)s?\b",
    re.IGNORECASE,
)
# "fell by about half", "grew by a third": a share of change in words after "by".
_BY_SHARE = re.compile(
    r"\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more than\s+)?"
    r"(?P<f>half|a third|a quarter|two thirds|three quarters)\b",
    re.IGNORECASE,
)
_SHARES = {"half": 50.0, "a third": 33.3, "a quarter": 25.0, "two thirds": 66.7, "three quarters": 75.0}
# "two in the last quarter", "one in the past six months": a count over a recent period.
_RECENT = re.compile(
    rf"\b(?P<n>{_N})\s+in\s+the\s+(?:last|past)\s+(?:[a-z]+\s+)?(?:days?|weeks?|months?|quarters?|years?)\b",
    re.IGNORECASE,
)
# "two of the juniors were promoted": a count of people or things the rest of the sentence says changed.
_COUNT_OF = re.compile(
    rf"\b(?P<n>{_N})\s+of\s+(?:the|our|my|his|her|their|those)\s+[a-z]+(?=\s+(?:were|got|have been)\s+[a-z]+ed\b)",
    re.IGNORECASE,
)
# "we closed 38 of the 40 before the audit", "29 out of 30 passed": a part of a whole whose noun was said earlier
# (knowledge.metrics reads the form only with the noun after it: "38 of the 40 findings"). "One of those two" names
# a person or a thing, not a share: the part is never the word "one".
_PART_OF = re.compile(
    rf"\b(?!one\b)(?P<n>{_N})\s+(?:out\s+)?of\s+(?:the\s+|our\s+|all\s+|those\s+)?(?P<whole>{_N})\b(?!\s*(?:%|percent\b))",
    re.IGNORECASE,
)
_SPAN_UNITS = {"year": "years", "month": "months", "quarter": "quarters", "week": "weeks"}
# An event that did not happen: "none", "nobody was paged", "not a single release slipped", "incident-free".
NO_EVENT = re.compile(
    r"\b(?:none|nobody|no one|nothing|zero|not (?:a single|one|once)|never|no\s+(?:more\s+|new\s+|further\s+)?"
    r"[a-z]+|without (?:a|an|any|one)|[a-z]+-free)\b",
    re.IGNORECASE,
)
# A share said in words: "a fifth", "two thirds", "half", "one in five" (the figure a change is measured from).
_SHARE_WORDS = (
    r"(?:half|(?:a|one|two|three|four|nine)\s+(?:half|third|quarter|fifth|sixth|tenth|hundredth)s?|"
    r"one\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\b"
)
# "..., down from 3%", "... where it used to be 1.4 s", "..., versus 40 before", "... against the 2 hours we had
# announced": the figure before it is the after, set against a baseline, an estimate or a promise.
PAIRED_AFTER = re.compile(
    r"[^.!?;]{0,40}?(?:,\s*|\s)(?:(?:down|up)\s+from|where it (?:was|used to be)|(?:it|this|that) used to be"
    r"|against|versus|vs\.?|compared (?:to|with))\s+(?:the\s+|our\s+|their\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|~)?[$€£]?"
    + f"(?:{_N}|{_SHARE_WORDS})",
    re.IGNORECASE,
)
# Removing a share of something: "took 70% of the load off the primary", "shaved a third off the bill".
REMOVED = re.compile(
    r"\b(?:took|takes|taken|shaved|knocked|trimmed|stripped)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?$",
    re.IGNORECASE,
)
OFF = re.compile(r"[^.!?;]{0,40}?\b(?:off|out of|away)\b", re.IGNORECASE)
# "One of those two engineers", "one of the three teams": one picked out of a group names it, it measures nothing.
ONE_OF = re.compile(r"one\s+(?:out\s+)?of\b", re.IGNORECASE)
# A count of votes or sides taken ("two of the three voted for it", "four of us sided with her"): how many people held
# an opinion, not a measured effect of the work.
VOTED = re.compile(
    r"\s+(?:(?:out\s+)?of\s+(?:the\s+|us\s+|them\s+|our\s+|my\s+)?(?:\w+\s+){0,2}?)?"
    r"(?:\w+\s+)?(?:voted|vote[sd]? for|sided with|were in favou?r|raised (?:their|a) hands?)\b",
    re.IGNORECASE,
)
# A figure that reports a feeling or guess is not a measured outcome: "it felt 10x better", "seemed twice as fast".
FELT = re.compile(r"\b(?:felt|feels?|seem(?:ed|s)?|looked|sounded)\W+(?:\w+\W+){0,2}\S+$", re.I)
# The candidate's own step with a non-change verb: "I later presented it to 40 leads", "I handed it to a lead
# with 4 reports", after a comma or a time phrase too. The count is the step's object, not what changed.
MY_STEP = re.compile(r"(?:^\W*|[,;]\s*|\band\s+)(?:(?:then|later|after that|afterwards|so)\W+|"
                     # a time phrase before the step: "By March I had met 6 of them", "After a month I moved ..."
                     r"(?:by|after|within|in|over|during)\s+(?:[\w-]+\s+){1,3}?)?I\s+(?:\w+ly\s+)?"
                     r"(?:later\s+|then\s+|also\s+)?[a-z]+(?:ed|t|d)?\b", re.IGNORECASE)  # fmt: skip


def _mention(text: str, m: re.Match[str], value: float, unit: str, baseline: float | None = None) -> Metric:
    return Metric(
        text=text[m.start() : m.end()], value=value, unit=unit, baseline=baseline,
        after=value if baseline is not None else None, start=m.start(), end=m.end(),
        phase="change" if baseline is not None else "",
    )  # fmt: skip


# Words each form cannot match without (each pattern holds them as they are here, with the same flags). The forms try
# a number, in digits or words, at every word of the answer: ~0.15 ms each over a told answer, most of a turn's
# outcome-form reading, when most answers hold none of these words. A gate that finds none skips its form; one
# that finds them changes nothing (the form decides).
_GATES: dict[re.Pattern[str], tuple[re.Pattern[str], ...]] = {
    _FOLD: (re.compile(r"fold", re.I),),
    _STREAK: (re.compile(r"in a row|straight|running|consecutive", re.I),),
    _RECENT: (re.compile(r"in\s+the\s+(?:last|past)\s", re.I),),
    _COUNT_OF: (re.compile(r"(?:were|got|have been)\s+[a-z]+ed\b", re.I),),
    _PART_OF: (re.compile(rf"of\s+(?:the\s+|our\s+|all\s+|those\s+)?{_N}\b", re.I),),
    _BEFORE_AFTER: (re.compile(r"before", re.I), re.compile(r"after|now", re.I)),
}


def _found(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), without the scan when a word the pattern needs is missing (_GATES)."""
    if all(gate.search(text) for gate in _GATES.get(pattern, ())):
        yield from pattern.finditer(text)


def extra_metrics(text: str, found: list[Metric]) -> list[Metric]:
    """Measures of outcome forms the quantity extractor does not read, not overlapping any it found."""
    out: list[Metric] = []

    def free(a: int, b: int) -> bool:
        return not any(m.start < b and a < m.end for m in [*found, *out])

    for m in _found(_FOLD, text):
        if (v := _num(m.group("n"))) is not None and free(m.start(), m.end()):
            out.append(_mention(text, m, v, "x"))
    for m in _BY_SHARE.finditer(text):
        if free(m.start("f"), m.end()):
            out.append(_mention(text, m, _SHARES[m.group("f").lower()], "%"))
    for pattern in (_RECENT, _COUNT_OF):
        for m in _found(pattern, text):
            if (v := _num(m.group("n"))) is not None and free(m.start(), m.end()):
                out.append(_mention(text, m, v, "count"))
    for m in _found(_PART_OF, text):
        part, whole = _num(m.group("n")), _num(m.group("whole"))
        if part is not None and whole is not None and 0 <= part <= whole and whole > 1 and free(m.start(), m.end()):
            out.append(_mention(text, m, round(100.0 * part / whole, 2), "%"))
    for m in _found(_STREAK, text):
        if (v := _num(m.group("n"))) is not None and free(m.start(), m.end()):
            out.append(_mention(text, m, v, "count"))
    for m in _found(_BEFORE_AFTER, text):
        b, a = _num(m.group("b") or m.group("b2") or ""), _num(m.group("a") or m.group("a2") or "")
        if a is not None and b is not None and free(m.start(), m.end()):
            out.append(_mention(text, m, a, "count", baseline=b))
    for m in _SPAN.finditer(text):
        sent_lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        sent_hi = min((i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0), default=len(text))
        sentence = text[sent_lo:sent_hi]
        went = m.group("prep").lower() in ("went", "gone", "go")
        # "in the following year" is counted from the work by its own words.
        after = went or m.group("next") or re.search(r"\b(?:since|now|after)\b", sentence, re.I)
        if NO_EVENT.search(sentence) and after and free(*m.span()):
            out.append(_mention(text, m, 0.5 if m.group("half") else 1.0, _SPAN_UNITS[m.group("unit").lower()]))
    return sorted(out, key=lambda x: x.start)
