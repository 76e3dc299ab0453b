"""Markdown notes laid out in a raw HTML table (cue cards printed two or three to a row), read cell by cell.

Typora, Obsidian and GitHub render `<table><tr><td>` inside a Markdown file, so candidates lay cue cards out that
way to print them. The Markdown parser sees one HTML block and no story. Line for line, inside such a table: the
structure tags (`<table>`, `<tr>`, `<td>` ...) become blank lines, so each cell is a block of its own; a cell's
opening line set in bold (`<b>The title</b> <span>★ note</span><br>`) becomes a heading one level below the
Markdown heading above the table (a card titled "Me (60s)" is a title, not an "Me:" answer label); a line wholly
in italics under it (the card's cue: "conflict / said no") becomes a `**Tags:**` line; elsewhere `<b>` and `<i>`
become Markdown emphasis, `<br>` line ends go and other tags are dropped. `<style>` blocks and empty `<div>` lines
(page breaks for printing) go too. A whole HTML page is htmldoc.py's.
"""

from __future__ import annotations

import html
import re

from knowledge.ingest.htmldoc import is_html

_CELL = re.compile(r"<\s*t[dh]\b", re.IGNORECASE)
_TABLE_OPEN = re.compile(r"^\s*<\s*table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</\s*table\s*>", re.IGNORECASE)
_STRUCTURE = re.compile(r"</?\s*(?:table|thead|tbody|tfoot|tr|td|th|colgroup|col)\b[^>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_STYLE_OPEN = re.compile(r"^\s*<\s*style\b", re.IGNORECASE)
_STYLE_CLOSE = re.compile(r"</\s*style\s*>", re.IGNORECASE)
_EMPTY_DIV = re.compile(r"^\s*<\s*div\b[^>]*>\s*</\s*div\s*>\s*$", re.IGNORECASE)
_BOLD_TITLE = re.compile(r"^\s*<\s*(?:b|strong)\s*>(?P<title>[^<]{1,120})</\s*(?:b|strong)\s*>(?P<rest>.*)$", re.I)
_ITALIC_LINE = re.compile(r"^\s*<\s*(?:i|em)\s*>(?P<cue>[^<]{1,160})</\s*(?:i|em)\s*>\s*$", re.IGNORECASE)
_BOLD = re.compile(r"</?\s*(?:b|strong)\s*>", re.IGNORECASE)
_ITALIC = re.compile(r"</?\s*(?:i|em)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>\n]{1,300}>")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s")


def uncells(lines: list[str]) -> list[str]:
    """Same number of lines; HTML tables of cards as blocks of Markdown (see the module docstring)."""
    if not any(_CELL.search(x) for x in lines) or not any(_TABLE_OPEN.match(x) for x in lines) or is_html(lines):
        return lines  # no table of cards, or a whole HTML page (htmldoc.py reads its tables)
    out = list(lines)
    in_table = in_style = False
    cell_start = False  # the next line with text opens a cell
    level = 0  # the last Markdown heading's level
    for i, line in enumerate(lines):
        if not in_table and (atx := _ATX.match(line)):
            level = len(atx.group(1))
        if in_style or _STYLE_OPEN.match(line):
            in_style = not _STYLE_CLOSE.search(line)
            out[i] = ""
            continue
        if _EMPTY_DIV.match(line):
            out[i] = ""
            continue
        if _TABLE_OPEN.match(line):
            in_table = True
        if not in_table:
            continue
        closes = bool(_TABLE_CLOSE.search(line))
        if _CELL.search(line):
            cell_start = True
        text = _BREAK.sub("", _STRUCTURE.sub("", line)).strip()
        if not text:
            out[i] = ""
        elif cell_start and (title := _BOLD_TITLE.match(text)):
            out[i] = f"{'#' * min(level + 1, 6)} {_plain(title['title'])}"
            cell_start = False
        elif (cue := _ITALIC_LINE.match(text)) and i > 0 and out[i - 1].startswith("#"):
            out[i] = f"**Tags:** {_plain(cue['cue'])}"
        else:
            out[i] = _plain(_ITALIC.sub("*", _BOLD.sub("**", text)))
            cell_start = False
        in_table = not closes
    return out


def _plain(text: str) -> str:
    """Text with its remaining tags dropped and its entities decoded."""
    return html.unescape(_TAG.sub("", text)).strip()
