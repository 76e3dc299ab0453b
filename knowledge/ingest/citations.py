"""Stories kept as a bibliography: each entry a reference line (`Surname, I. (2024). *Title.* Venue. [tags]`),
the story told in the paragraph under it.

An ex-academic may file her cases the way she filed papers: a citation per case, an annotation as its text. To a
Markdown reader the citation is one bold or plain line that names nothing, so the entries of a section ran together
under its heading. A line that is a whole citation (authors, a year or a status such as "in prep" in brackets,
then an italic title) becomes a heading one level below the last heading above it, named by its italic title,
when the document holds at least two such lines. Venue and tags are a reference's metadata, not its name. The
number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX

_CITATION = re.compile(
    r"^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?\s*(?P<authors>[^\W\d_][^()\n]{1,160}?)\s*"
    r"\((?:\d{4}[a-z]?|in prep(?:aration)?|in press|forthcoming|n\.\s?d\.)\)[.,]?\s+"
    r"(?:\*(?P<a>[^*\n]{2,160})\*|_(?P<b>[^_\n]{2,160})_)(?P<rest>.*)$",
    re.IGNORECASE,
)
_MIN_ENTRIES = 2


def uncite(lines: list[str]) -> list[str]:
    """Same number of lines; citation lines as headings named by their titles (module docstring)."""
    titles = {i: t for i, line in enumerate(lines) if "(" in line and (t := _title(line))}
    if len(titles) < _MIN_ENTRIES:
        return lines
    out = list(lines)
    level = 0
    for i, line in enumerate(lines):
        if (atx := ATX.match(line)) is not None:
            level = len(atx.group(1))
        elif i in titles:
            out[i] = f"{'#' * min(level + 1, 6)} {titles[i]}"
    return out


def _title(line: str) -> str:
    """The italic title of a citation line, without its closing full stop; "" for any other line."""
    cited = _CITATION.match(line)
    if cited is None:
        return ""
    return (cited["a"] or cited["b"] or "").strip().rstrip(".").strip()
