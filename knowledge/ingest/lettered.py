"""A plain-text outline numbered the school way: `I.` / `A.` / `1.` / `a.`, each level indented further.

Its top two levels name what they hold (`II. PROJECTS`, `A. The cache that lied`), so they become headings
(`#`, `##`); deeper points become bullets and wrapped text loses the indent that would make it a code block. Only
a document with no Markdown headings whose top levels are Roman numerals or capital letters is rewritten: a
numbered list (`1.`, `2.`) stays a list. The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX

_POINT = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[IVXLC]{1,6}|[A-Z]|\d{1,2}|[a-z]{1,2})[.)]\s+(?P<text>\S.*)$")
_ROMAN = re.compile(r"^[IVXLC]{1,6}$")
MIN_POINTS = 6


def _width(indent: str) -> int:
    return len(indent.replace("\t", "    "))


def unletter(lines: list[str]) -> list[str]:
    """Same number of lines; the outline's top two levels as headings, deeper points as bullets."""
    if any(ATX.match(x) for x in lines):
        return lines
    points = [(i, m) for i, x in enumerate(lines) if (m := _POINT.match(x))]
    if len(points) < MIN_POINTS:
        return lines
    widths = sorted({_width(m.group("indent")) for _, m in points})
    if len(widths) < 2:
        return lines
    tops = [m.group("mark") for _, m in points if _width(m.group("indent")) in widths[:2]]
    if not all(_ROMAN.match(x) or (len(x) == 1 and x.isupper()) for x in tops):
        return lines  # "1." / "a." at the top: a numbered list, not an outline
    out = list(lines)
    for i, line in enumerate(lines):
        point = _POINT.match(line)
        if point is None:
            if line.strip() and line[:1] in " \t":
                out[i] = line.strip()  # wrapped text: its indent is for the eye
            continue
        rank = widths.index(_width(point.group("indent")))
        text = point.group("text").strip()
        out[i] = f"{'#' * (rank + 1)} {text}" if rank < 2 else f"{'  ' * (rank - 2)}- {text}"
    return out
