"""Paginated text (a PDF or a printed document saved as text: pdftotext, "Save as text" from a viewer), read as the
notes it holds.

- Page furniture is blanked: form feeds, page footers (`Page 3 of 7`, `- 3 -`, `3/7`, a bare page number last on a
  page) and running headers (a line that opens or closes two or more pages the same way, page numbers aside), so a
  story split by a page break reads as one.
- A table of contents (dot-leader lines `3.1 The outage ....... 4`) is blanked, and each line elsewhere that says
  what one of its entries says is a heading, one level per number part (`3.1` is a `##`): the contents are the
  author's own list of their sections.

Only text with page breaks or page footers is touched. The number of lines never changes.
"""

from __future__ import annotations

import re

_FOOTER = re.compile(r"^\s*(?:(?:page|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:of|/|von|de|di)\s*\d{1,4})?|"
                     r"[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$", re.IGNORECASE)
_CONTENTS = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?P<title>\S.{0,100}?)\s*(?:\.\s*){4,}\s*\d{1,4}\s*$")
_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2})*\.?)\s+")


def unpage(lines: list[str]) -> list[str]:
    """Same number of lines: page furniture blanked, contents entries made headings (see the module docstring);
    unchanged when the text has no pages."""
    breaks = sum(x.count("\f") for x in lines)
    footers = sum(1 for x in lines if _FOOTER.match(x) and re.search(r"\D\s*\d", x))
    if breaks < 2 and footers < 2:
        return lines
    out = [x.replace("\f", "") for x in lines]
    pages = _pages(lines)
    for start, end in pages:
        body = [i for i in range(start, end) if out[i].strip()]
        if body and _FOOTER.match(out[body[-1]]):
            out[body[-1]] = ""
    for i in _running(out, pages):
        out[i] = ""
    return _contents(out)


def _pages(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, end) of every page: a form feed opens a page."""
    starts = [0] + [i for i, x in enumerate(lines) if "\f" in x and i > 0]
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True) if s < e]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _running(lines: list[str], pages: list[tuple[int, int]]) -> list[int]:
    """Lines that open or close two or more pages with the same words (digits aside): running headers/footers."""
    edges: dict[str, list[int]] = {}
    for start, end in pages:
        body = [i for i in range(start, end) if lines[i].strip()]
        for i in {*body[:1], *body[-1:]}:
            edges.setdefault(_key(lines[i]), []).append(i)
    return [i for at in edges.values() if len(at) >= 2 for i in at]


def _contents(lines: list[str]) -> list[str]:
    """Contents lines blanked and the lines naming their entries made headings."""
    entries: dict[str, int] = {}
    out = list(lines)
    for i, line in enumerate(lines):
        found = _CONTENTS.match(line)
        if found:
            number = (found.group("num") or "").strip().rstrip(".")
            title = found.group("title").strip()
            entries[_key(f"{number} {title}")] = number.count(".") + 1 if number else 1
            out[i] = ""
    if not entries:
        return out
    for i, line in enumerate(out):
        level = entries.get(_key(line)) if line.strip() else None
        if level is not None:
            number = _NUMBER.match(line)
            out[i] = f"{'#' * level} {line[number.end():] if number else line.strip()}".rstrip()
    return out
