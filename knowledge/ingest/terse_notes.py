"""Stories kept as terse notes: a title line over a few short bullets or lines, with figures and no sentences.

Candidates often keep a story as "Queue backlog - payments (2023)" over four lines ("paged 6x in a week", "moved
retries to a DLQ", "backlog 40k -> 0 in 2 days"): no "I", few verbs, no full stop, so the narrative check
(prose.py) reads nothing. Such a body is a story when its lines are short, at least two of them carry a figure (or
one carries a before -> after figure and every line tells what happened), and something in it happened (a
past-tense verb, a before -> after figure, a "fix:"/"after:" line); advice addressed to the reader, a list of
questions, a plan and a bare list of figures are not.
"""

from __future__ import annotations

import re

from knowledge.ingest.kinds import META_TITLE, REFERENCE_TITLE
from knowledge.ingest.prose import past_tense
from knowledge.ingest.star import strip_markup

MIN_LINES = 3  # a title and a line or two is a label, not a story
MAX_LINES = 10  # longer bodies are documents of their own, read by the other rules
MAX_LINE_WORDS = 32  # notes, not paragraphs (a paragraph is read as prose)
MIN_FIGURE_LINES = 2
MIN_HAPPENED_LINES = 2

_MARK = re.compile(r"^\s*(?:[-*+•·▪◦‣]|\d{1,3}[.)]|>)\s*")
_FIGURE = re.compile(r"\d")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s")
# A before -> after figure: "0.71 -> 0.83", "420ms → 160ms", "$182k to $118k".
_CHANGE = re.compile(r"\d[^\n]{0,40}?(?:->|→|=>|⇒|\bto\b)\s*[~≈$€£]?\s*\.?\d")
# Note keys that say what was done or how it ended ("fix:", "did:", "after:", "launch:").
_DONE_KEY = re.compile(
    r"^\W*(?:fix(?:ed)?|did|done|built|shipped|launch(?:ed)?|after|result|outcome|impact|then|decision|"
    r"what i did|mitigation|root cause|change|changed|added|how found|found)\b[^:]{0,20}:",
    re.IGNORECASE,
)
# Lists that gather figures or chores rather than tell one case.
_LIST_TITLE = re.compile(
    r"\b(?:numbers?|figures|stats|statistics|facts|todo|to-do|to do|appendix|plan|agenda|schedule|contents|index)\b",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(r"^\[[ xX]\]|\[\[|\bsee also\b", re.IGNORECASE)
_MONTH_YEAR = r"(?:[A-Z][a-z]{2,8}\.? )?(?:19|20)\d\d"
_DATE_RANGE = re.compile(
    rf"\b{_MONTH_YEAR}\s*(?:–|—|-|to)\s*(?:{_MONTH_YEAR}|present|now|today|current)\b", re.IGNORECASE
)
# Properties of a page or an export, not parts of a story.
_FIELD = re.compile(
    r"^\W*(?:status|owner|tags?|created|updated|last (?:edited|updated)(?: time)?|author|date|version|company|role|"
    r"stage|location|salary|base|band)\s*:",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|'[^'\n]{3,}'")
_READER = re.compile(r"\b(?:you|your|yourself)\b", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:will|going to|plan to|should|must|need to|todo)\b", re.IGNORECASE)


def _content(lines: list[str]) -> list[str]:
    return [text for x in lines if (text := _MARK.sub("", strip_markup(x)).strip())]


# A gap between columns of a plain-text grid: three spaces or more between words ("1   the cloud bill   DONE").
_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def terse_story(lines: list[str], title: str = "") -> bool:
    """The body lines (code left out) under `title` are a story told as terse notes (module docstring)."""
    if REFERENCE_TITLE.search(title) or META_TITLE.search(title) or _LIST_TITLE.search(title):
        return False  # "Tech refresher (not stories)", "Template", "Numbers I need to know", "TODO"
    if any(x.lstrip().startswith("|") for x in lines):
        return False  # a table: read by tables.py, row by row
    if sum(len(_COLUMN_GAP.findall(x.strip())) >= 2 for x in lines) * 3 >= 2 * max(1, len(_content(lines))):
        return False  # a plain-text grid (columns set apart by runs of spaces): a tracker's rows, each its own item
    first = next((x for x in lines if x.strip()), "")
    if (number := _NUMBERED.match(first)) and int(number.group(1)) > 1:
        return False  # it opens on item 2 of a list: its "title" is the end of item 1, inside a story above
    content = _content(lines)
    if not MIN_LINES <= len(content) <= MAX_LINES:
        return False
    stops = sum(x.rstrip("*_ )").endswith((".", "!", ":", ",")) for x in content) * 3 > len(content)
    if stops and not _clipped(lines, content):
        return False  # sentences: a paragraph, a CV's bullets, a mail or a preamble, read (or not) as prose
    if any(_LIST_LINE.search(x) for x in content):
        return False  # a to-do list, a wiki page's links
    if sum(x.count(" · ") + x.count(" / ") >= 2 for x in content) * 3 >= len(content):
        return False  # a bag of figures ("140 clinics · 2.3M pets · 38 people")
    if sum(_figure_entry(x) for x in content) * 4 >= 3 * len(content):
        return False  # a cheat sheet: each line a figure of its own, under its own key, from a different case
    if any(_DATE_RANGE.search(x) for x in content[:2]):
        return False  # a CV's job entry ("Aug 2019 – Feb 2022"): achievements of a job, each its own case
    if sum(bool(_FIELD.match(x)) for x in content) >= 2:
        return False  # a page's properties (Status:, Owner:, Tags:)
    if any(len(x.split()) > MAX_LINE_WORDS for x in content):
        return False
    figures = sum(bool(_FIGURE.search(x)) for x in content)
    said = [_QUOTED.sub(" ", x) for x in content]  # "you" inside a quoted line is someone speaking, not advice
    if sum(bool(_READER.search(x)) for x in said) * 2 >= len(content):
        return False  # advice addressed to the reader (a lesson line or two is not)
    if sum(x.rstrip("\"”*_ ").endswith("?") for x in content) >= 2:
        return False  # a list of questions
    if sum(bool(_PLAN.search(x)) for x in said) * 2 >= len(content):
        return False  # a plan: what will be done
    happened = sum(
        past_tense(x) or bool(_CHANGE.search(x) or _DONE_KEY.match(x))
        for x in said
    )
    if figures < MIN_FIGURE_LINES:
        # one figure is enough when it is a before -> after change and every line tells what happened: a case
        # told mostly in words (who, what was tried) that ends on its one measured result
        return figures == 1 and any(_CHANGE.search(x) for x in said) and happened == len(content)
    return happened >= MIN_HAPPENED_LINES


# "p95: 1.9s -> 1.1s", "hiring: 3 -> 14 in 9 mo": a key of a few words, then a change told in figures alone.
_FIGURE_ENTRY = re.compile(r"^(?P<key>[^\W\d_][^:]{0,39}):\s*(?P<value>.*\d.*)$")
_SIGNED_CHANGE = re.compile(r"\d[^\n]{0,40}?(?:->|→|=>|⇒|\bto\b)\s*[~≈$€£+-]?\s*\.?\d")  # "-10 -> +25" too
_ENTRY_WORDS = 4  # words of letters in a figure entry's value besides its figures ("in 9 mo, accept")


def _figure_entry(line: str) -> bool:
    """A line that is a key and the before -> after figures under it, with a word or so around them."""
    entry = _FIGURE_ENTRY.match(line)
    if entry is None or not _SIGNED_CHANGE.search(entry["value"]):
        return False
    return len(re.findall(r"(?<![\w.])[^\W\d_]{2,}(?![\w%])", entry["value"])) <= _ENTRY_WORDS


_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our|me|us)\b")
_INNER_STOP = re.compile(r"[.;]\s+\S")
_DATED = re.compile(r"^\s*(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{2,4})\b")


def _clipped(lines: list[str], content: list[str]) -> bool:
    """Clipped notes that end their lines with a full stop ("nightly ETL ~5h, 3 late reports a week. Split the
    load by region, 4 regions in parallel."): plain lines, not bullets, each holding a figure, none saying "I" or "we",
    most packing two notes or more. A CV's bullets, a mail and a paragraph of prose are not so."""
    if any(_MARK.match(x) or _DATED.match(x) for x in lines if x.strip()):
        return False  # bullets, or a dated log ("2024-02-05  R4 closed.")
    if not all(_FIGURE.search(x) for x in content) or any(_FIRST_PERSON.search(x) for x in content):
        return False
    return sum(bool(_INNER_STOP.search(x.rstrip(". "))) for x in content) * 2 >= len(content)


def terse_fields(lines: list[str]) -> dict[str, str]:
    """S/T/A/R of a terse note: the first line sets the scene, the last line holding a figure after it (a change
    first) is the result, the lines between are the action."""
    content = _content(lines)
    if len(content) < 2:
        return {}
    later = range(len(content) - 1, 0, -1)
    end = next((k for k in later if _CHANGE.search(content[k])), None)
    end = end if end is not None else next((k for k in later if _FIGURE.search(content[k])), len(content) - 1)
    return {
        "situation": content[0],
        "task": "",
        "action": " ".join(content[1:end]),
        "result": " ".join(content[end:]),
    }
