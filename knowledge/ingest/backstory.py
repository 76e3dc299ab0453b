"""A card whose story is one of its parts: a model, service or system card (`# Card for X` over `## Details`,
`## Evaluation`, `## Limitations` ...) whose last part tells how it went (`## Behind the card: <title>`,
`## Backstory`, `## The story behind it`).

Read as a whole, such a card is a story diluted by its registry fields: the words of the details and metrics
outweigh the case told. So the part that tells the story becomes a section of its own, at the card's level, named
by the title after its cue (or, untitled, by the card and the cue), and the rest of the card is kept as a note
(titled `Note: <card>`, which the kinds read as reference, never retrieved). Only a section with at least two
other parts before its story part, and the story part last, is read this way: a story with one "Backstory"
paragraph among its STAR parts is left whole. The number of lines never changes.
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
_HEADING = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_MIN_OTHER_PARTS = 2


def unbackstory(lines: list[str]) -> list[str]:
    """Same number of lines; a card's story part as a section of its own, the rest of the card as a note."""
    if not any(ATX.match(x) and _CUE.match(_heading_text(x)) for x in lines):
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
        if len(parts) <= _MIN_OTHER_PARTS or (cue := _CUE.match(parts[-1][1])) is None:
            continue
        if any(_CUE.match(text) for _, text in parts[:-1]):
            continue
        story_line = parts[-1][0]
        named = cue["title"] or f"{title}: {parts[-1][1]}"
        out[story_line] = f"{'#' * level} {named}"
        out[start] = f"{'#' * level} Note: {title}"  # its registry fields: kept, read as reference
    return out


def _heading_text(line: str) -> str:
    found = _HEADING.match(line)
    return found["text"] if found else ""
