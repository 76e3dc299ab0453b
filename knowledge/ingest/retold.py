"""Meeting notes that retell the candidate's stories in the third person (an AI note-taker's export of a mock
interview: "Attendees: <candidate>, <friend>", then bullets such as "- <Candidate> met each engineer ...").

The notes are the candidate's own cases, but told about her: no sentence of them reads as told in the first
person, and no bullet is a sentence (the export leaves off full stops), so the cases were not read as stories. In
a document with an attendees line, the attendee whose first name opens the most bullets and sentences followed by
a verb in lower case (at least three, and more than any other attendee) is the one the notes are about: at those
openings her name reads as "I", and each bullet ends a sentence. The number of lines never changes.
"""

from __future__ import annotations

import re
from collections import Counter

_ATTENDEES = re.compile(r"\b(?:attendees|participants)\s*:\s*(?P<names>[^\n]+)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Za-z]+)?$")
_MIN_OPENINGS = 3
_BULLET = re.compile(r"^\s*[-*+]\s+(?!\[[ xX]\])\S")


def unretell(lines: list[str]) -> list[str]:
    """Same number of lines; the subject of third-person notes, where a bullet or sentence opens on her, as "I"."""
    names = _attendees(lines)
    if len(names) < 2:
        return lines
    counts = Counter({name: sum(len(_opening(name).findall(x)) for x in lines) for name in names})
    ranked = counts.most_common(2)
    name, top = ranked[0]
    if top < _MIN_OPENINGS or (len(ranked) > 1 and ranked[1][1] >= top):
        return lines
    opening = _opening(name)
    return [_sentence(opening.sub(lambda m: m.group("lead") + "I ", x)) for x in lines]


def _sentence(line: str) -> str:
    """A note-taker's bullet is a sentence of its own: it gets the full stop the export leaves off."""
    if _BULLET.match(line) and not line.rstrip().endswith((".", "!", "?", ":", ")")):
        return line.rstrip() + "."
    return line


def _attendees(lines: list[str]) -> list[str]:
    """First names of the attendees listed in the document's first attendees line."""
    for line in lines[:20]:
        found = _ATTENDEES.search(line)
        if found is not None:
            parts = re.split(r"\s*(?:,|;|&|\band\b|·)\s*", found["names"])
            firsts = [p.split()[0] for p in parts if p.split()]
            return [f for f in firsts if _NAME.match(f)]
    return []


def _opening(name: str) -> re.Pattern[str]:
    """The name opening a bullet or a sentence, followed by a lower-case word (its verb)."""
    return re.compile(rf"(?P<lead>^\s*(?:[-*+]\s+)?|[.;]\s+){re.escape(name)}\s+(?=[a-z])")
