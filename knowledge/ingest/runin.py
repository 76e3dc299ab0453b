"""Plain-text paragraphs that open with their title run in, in capitals: `LATE INVOICES - S/ billing kept slipping ...`.

A cheat sheet typed in a plain editor often keeps one paragraph (one long line) per story, its name in capitals at
the start and set off by a dash or colon. When the document has no Markdown headings, such a paragraph's name is
written as a heading on the blank line above it and taken off the paragraph, so the name titles the text after it.
Two or more long paragraphs (stories) so named make it the document's layout; then its shorter paragraphs of the
same shape (`FIGURES - 40 stores`) are sections too, and do not run on into the story above them.
The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX

_RUN_IN = re.compile(r"^(?P<name>[A-Z0-9][^\s].{1,58}?)\s+[-–—:]\s+(?P<rest>\S.*)$")
_MIN_TEXT = 200  # characters after the name: a paragraph that tells something
_LAYOUT = 2  # long paragraphs so named before the document's layout is taken to be this one
_MAX_WORDS = 8
_CAPITALS = 0.8  # share of the name's letters in capitals ("ABOUT ME / WHY DATA")


def unrun(lines: list[str]) -> list[str]:
    """Same number of lines; run-in capitalised names as headings above their paragraphs."""
    if any(ATX.match(x) for x in lines):
        return lines
    named = [
        (i, m)
        for i in range(1, len(lines))
        if (m := _RUN_IN.match(lines[i])) and not lines[i - 1].strip() and _capitalised(m["name"])
    ]
    if sum(1 for _, m in named if len(m["rest"]) >= _MIN_TEXT) < _LAYOUT:
        return lines
    out = list(lines)
    for i, m in named:  # the document's layout: its shorter paragraphs of the same shape are sections too
        out[i - 1] = f"## {m['name'].strip()}"
        out[i] = m["rest"]
    return out


def _capitalised(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) > _MAX_WORDS or len(letters) < 2:
        return False
    return sum(c.isupper() for c in letters) >= _CAPITALS * len(letters)
