"""Word documents converted by pandoc to Markdown, read the way the author sees them in Word.

- `::: {custom-style="…"}` fenced divs: the fence lines vanish (a div's `title="…"` attribute stays, as a bold
  name: a Quarto callout's only title); a div styled as a heading ("Heading 2", "Story
  Heading") holds a title, so its line becomes a Markdown heading (at its own level, or as a sibling of the
  heading above it).
- `[text]{.underline}` / `{.mark}` spans read as their text; `[^1]` footnote marks vanish and footnote
  definitions (notes on the notes, never part of a story) are blanked; `\\[` style escapes are undone.
- Grid tables (`+----+----+` borders, `|` rows wrapped over several lines): each row becomes one line of text
  (a two-column row whose first cell is a label reads `**Label:** text`, so a story told as a table reads like
  one told with bold labels); borders and continuation lines are blanked.

Only documents that carry pandoc's marks are touched. The number of lines never changes.
"""

from __future__ import annotations

import itertools
import re

from knowledge.ingest.marks import ATX as _ATX

_DIV_OPEN = re.compile(r"^\s{0,3}:{3,}\s*\{(?P<attrs>[^}]*)\}\s*$")
_DIV_CLOSE = re.compile(r"^\s{0,3}:{3,}\s*$")
_TITLE_ATTR = re.compile(r"\btitle\s*=\s*(?P<q>[\"'])(?P<title>[^\"']{1,120})(?P=q)")
_STYLE = re.compile(r"custom-style\s*=\s*\"(?P<style>[^\"]*)\"")
_HEADING_STYLE = re.compile(r"\bheading\s*(?P<n>[1-6])?\b|\btitle\b", re.IGNORECASE)
_SPAN = re.compile(r"\[(?P<text>[^\[\]]*)\]\{[.#]?[\w-][^{}]*\}")
_FOOTNOTE_MARK = re.compile(r"\[\^[\w-]+\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[\w-]+\]:")
_ESCAPE = re.compile(r"\\([\[\]~*_#$<>`|\"'^-])")
_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_LABEL_CELL = re.compile(r"^(?:\*\*|__)?(?P<label>[A-Za-z][\w /&()-]{0,40}?)(?:\*\*|__)?:?$")


def is_pandoc(lines: list[str]) -> bool:
    """Pandoc's own marks: custom-style divs, attribute spans or grid tables."""
    marks = sum(1 for x in lines if _DIV_OPEN.match(x) or _SPAN.search(x))
    borders = sum(1 for x in lines if _BORDER.match(x))
    return marks >= 2 or borders >= 3


def _div_title(attrs: str) -> str:
    """The line a div's opening fence leaves: its `title="..."` attribute as a bold name (a Quarto callout is
    titled only there), else nothing."""
    named = _TITLE_ATTR.search(attrs)
    return f"**{named.group('title').strip()}**" if named else ""


def unpandoc(lines: list[str]) -> list[str]:
    """Same number of lines, with divs, spans, footnotes, escapes and grid tables read as plain Markdown."""
    if not is_pandoc(lines):
        return lines
    out = _grid_tables(list(lines))
    level = 0  # level of the last heading, for a styled title without a level of its own
    i = 0
    while i < len(out):
        atx = _ATX.match(out[i])
        if atx:
            level = len(atx.group(1))
        opened = _DIV_OPEN.match(out[i])
        if opened:
            out[i] = _div_title(opened.group("attrs"))
            style = _STYLE.search(opened.group("attrs"))
            heading = _HEADING_STYLE.search(style.group("style")) if style else None
            i += 1
            first = True
            while i < len(out) and not _DIV_CLOSE.match(out[i]):
                inner = _DIV_OPEN.match(out[i])
                if inner:  # a div inside a div (a callout inside a tab set)
                    out[i] = _div_title(inner.group("attrs"))
                elif heading and first and out[i].strip():
                    n = int(heading.group("n")) if heading.group("n") else (level if level >= 2 else level + 1)
                    n = max(1, min(n, 6))
                    out[i] = f"{'#' * n} {_inline(out[i]).strip()}"
                    level, first = n, False
                else:
                    out[i] = _inline(out[i])
                i += 1
            if i < len(out):
                out[i] = ""  # the closing ":::"
            i += 1
            continue
        if _FOOTNOTE_DEF.match(out[i]):
            out[i] = ""
            i += 1
            while i < len(out) and (out[i].startswith(("    ", "\t")) or not out[i].strip()):
                if out[i].strip() and i + 1 < len(out) and _FOOTNOTE_DEF.match(out[i + 1]):
                    out[i] = ""
                    break
                out[i] = ""
                i += 1
            continue
        out[i] = _inline(out[i])
        i += 1
    return out


def _inline(line: str) -> str:
    """Spans read as their text, footnote marks dropped, backslash escapes undone."""
    for _ in range(2):  # a span inside a span
        line = _SPAN.sub(r"\g<text>", line)
    return _ESCAPE.sub(r"\1", _FOOTNOTE_MARK.sub("", line))


def _grid_tables(out: list[str]) -> list[str]:
    """Every grid table rewritten row by row (see the module docstring)."""
    i = 0
    while i < len(out):
        if not _BORDER.match(out[i]):
            i += 1
            continue
        cuts = [m.start() for m in re.finditer(r"\+", out[i])]
        j = i
        rows: list[tuple[int, list[str]]] = []  # (first line, cells)
        cells: list[list[str]] | None = None
        while j < len(out) and (_BORDER.match(out[j]) or _ROW.match(out[j])):
            if _BORDER.match(out[j]):
                if cells is not None:
                    rows[-1] = (rows[-1][0], [" ".join(" ".join(c).split()) for c in cells])
                cells = None
            else:
                if cells is None:
                    cells = [[] for _ in range(max(1, len(cuts) - 1))]
                    rows.append((j, []))
                for k, (a, b) in enumerate(itertools.pairwise(cuts)):
                    cells[k].append(out[j][a + 1 : b].strip() if len(out[j]) > a else "")
            out[j] = ""
            j += 1
        if cells is not None and rows:
            rows[-1] = (rows[-1][0], [" ".join(" ".join(c).split()) for c in cells])
        for at, row in rows:
            out[at] = _row_text(row)
        i = max(j, i + 1)
    return out


def _row_text(cells: list[str]) -> str:
    """One grid-table row as one line: `**Label:** text` for a label/text pair, else the cells joined."""
    label = _LABEL_CELL.match(cells[0]) if len(cells) == 2 and cells[0] else None
    if label and cells[1]:
        return f"**{label.group('label').strip()}:** {cells[1]}"
    return " · ".join(c for c in cells if c)
