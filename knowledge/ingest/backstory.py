"""A card whose story is one of its parts: a model, service or system card (`# Card for X` over `## Details`,
`## Evaluation`, `## Limitations` ...) whose part tells how it went, most often the last
(`## Behind the model: <title>`, `## Backstory`, `## The story behind it`), or whose part is glossed as the answer
it is kept for (`## Intended use (= my intro)`).

Read as a whole, such a card is a story diluted by its registry fields: the words of the details and metrics
outweigh the case told. So the part that tells the story becomes a section of its own, at the card's level, named
by the title after its cue (or, untitled, by the card and the cue), and the rest of the card is kept as a note
(titled `Note: <card>`, which the kinds read as reference, never retrieved). Only a section with at least two
other parts besides its one story part is read this way (a story with one "Backstory" paragraph among its STAR
parts is left whole); parts after the story part are notes too. A card's parts are its fields: a section whose
parts are a numbered series of entries (`## Pt 1: <case>`, `## Pt 2: <case>`, ...: a notebook of stories with a
pitch among them) is no card. The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX

_CUE = re.compile(
    r"^(?:(?:the\s+)?(?:story\s+)?behind\s+the\s+(?:card|model|service|system|scenes|numbers|project)|backstory|"
    r"back[- ]story|the\s+story(?:\s+behind\s+(?:it|this|the\s+\w+))?|story\s+behind\s+(?:it|this|the\s+\w+)|"
    r"the\s+real\s+story)\s*(?:[:—–]\s*(?P<title>\S.*?))?\s*$",
    re.IGNORECASE,
)
# A part glossed as the answer it is kept for ("Intended use (= my intro)"): the card's told part too.
_GLOSS = re.compile(r"\(\s*=\s*[^)]*\b(?:tmay|intro|pitch|story)\b[^)]*\)", re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_MIN_OTHER_PARTS = 2
# An entry of a numbered series: a word and its number opening the title ("Pt 3: ...", "Case 12 - ...", "Visit 2").
_ENTRY = re.compile(r"^[A-Za-z]{1,12}\.?\s*#?\d{1,3}\b")
_MIN_SERIES = 3


def unbackstory(lines: list[str]) -> list[str]:
    """Same number of lines; a card's story part as a section of its own, the rest of the card as a note."""
    if not any(ATX.match(x) and (_CUE.match(t := _heading_text(x)) or _GLOSS.search(t)) for x in lines):
        return lines
    headings = [(i, len(m["marks"]), m["text"]) for i, x in enumerate(lines) if (m := _HEADING.match(x))]
    out = list(lines)
    for n, (start, level, title) in enumerate(headings):
        parts = []
        for i, sub_level, text in headings[n + 1 :]:
            if sub_level <= level:
                break
            if sub_level == level + 1:
                parts.append((i, text))
        told = [k for k, (_, text) in enumerate(parts) if _CUE.match(text) or _GLOSS.search(text)]
        if len(parts) <= _MIN_OTHER_PARTS or len(told) != 1 or _series(parts):
            continue
        k = told[0]
        story_line, text = parts[k]
        cue = _CUE.match(text)
        named = (cue["title"] if cue else None) or f"{title}: {text}"
        out[story_line] = f"{'#' * level} {named}"
        out[start] = f"{'#' * level} Note: {title}"  # its registry fields: kept, read as reference
        if k + 1 < len(parts):  # the fields after the told part are the card's notes too
            after_line, after = parts[k + 1]
            out[after_line] = f"{'#' * level} Note: {title} ({after})"
    return out


def _heading_text(line: str) -> str:
    found = _HEADING.match(line)
    return found["text"] if found else ""


def _series(parts: list[tuple[int, str]]) -> bool:
    """Three parts or more are entries of one numbered series (the same word before their numbers)."""
    words = [m.group(0).rstrip("#0123456789 .").lower() for _, text in parts if (m := _ENTRY.match(text))]
    return any(words.count(w) >= _MIN_SERIES for w in set(words))
