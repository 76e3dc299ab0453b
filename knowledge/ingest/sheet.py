"""Spreadsheet rows pasted as tab-separated text (Google Sheets, Excel, Numbers copy a range this way).

A run of lines with the same number of tab-separated cells (three or more columns) is a table; a cell in quotes may
hold tabs, doubled quotes (`""`) and line breaks, so one row can span several lines. The run becomes a Markdown
table: the header row takes the blank line above it (or its own line) and the separator row follows; each row
stays on its first line, its cells with line breaks joined, and the lines it spanned become empty rows. A
story-bank sheet (Story / Situation / What I did / Result columns) is then read by tables.py like any Markdown
story table.

The number of lines never changes.
"""

from __future__ import annotations

import csv
import io

_MIN_COLUMNS = 3


def unsheet(lines: list[str]) -> list[str]:
    """Same number of lines, every tab-separated table rewritten as a Markdown table."""
    if not any(_tabbed(line) for line in lines):
        return lines
    out = list(lines)
    i = 0
    while i < len(out):
        if not _tabbed(out[i]) or out[i].lstrip().startswith(("|", "```")):
            i += 1
            continue
        rows = _rows(lines, i)
        if len(rows) < 2:
            i += 1
            continue
        _write(out, i, rows)
        i = rows[-1][1]
    return out


def _tabbed(line: str) -> bool:
    """Tabs between cells, not only in front: an outliner indents its bullets with tabs."""
    return not line[:1].isspace() and line.strip().count("\t") >= _MIN_COLUMNS - 1


def _rows(lines: list[str], start: int) -> list[tuple[int, int, list[str]]]:
    """(first line, end line, cells) of every row of the table starting at lines[start]."""
    width = len(_split(lines[start], lines, start)[0])
    rows: list[tuple[int, int, list[str]]] = []
    i = start
    while i < len(lines) and "\t" in lines[i]:
        cells, end = _split(lines[i], lines, i)
        if len(cells) != width:
            break
        rows.append((i, end, cells))
        i = end
    return rows


def _split(line: str, lines: list[str], at: int) -> tuple[list[str], int]:
    """The cells of the row starting at lines[at] and the line after it (a quoted cell may run over lines)."""
    text = line
    end = at + 1
    while _open_quote(text) and end < len(lines) and end - at < 30:
        text += "\n" + lines[end]
        end += 1
    if _open_quote(text):
        return line.split("\t"), at + 1  # an unbalanced quote: read the line as it is
    cells = next(csv.reader(io.StringIO(text), delimiter="\t", quotechar='"'), [])
    return cells, end


def _open_quote(text: str) -> bool:
    """A quoted cell is still open at the end of `text` (a doubled quote inside a quoted cell is a quote char)."""
    inside = False
    i = 0
    while i < len(text):
        char = text[i]
        if inside and char == '"':
            if text[i + 1 : i + 2] == '"':
                i += 1  # an escaped quote
            else:
                inside = False
        elif not inside and char == '"' and (i == 0 or text[i - 1] in "\t\n"):
            inside = True
        i += 1
    return inside


def _write(out: list[str], start: int, rows: list[tuple[int, int, list[str]]]) -> None:
    """The table written over its own lines (see the module docstring)."""
    width = len(rows[0][2])
    header, separator, empty = _row(rows[0][2]), "|" + "---|" * width, "|" + " |" * width
    if start > 0 and not out[start - 1].strip():
        out[start - 1], out[start] = header, separator
        body = rows[1:]
    else:  # no blank line above: the first row's first line takes the separator, the row moves down a line
        out[start] = header
        first, end, cells = rows[1]
        out[first] = separator
        body = ([(first + 1, end, cells)] if end > first + 1 else []) + rows[2:]
    for first, end, cells in body:
        out[first] = _row(cells)
        for j in range(first + 1, end):
            out[j] = empty  # lines the row ran over: empty rows keep the table whole


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(" ".join(c.replace("|", "/").split()) for c in cells) + " |"
