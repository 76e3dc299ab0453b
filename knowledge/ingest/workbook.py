"""Excel .xlsx workbooks as Markdown: each sheet a section, a story block's title a heading, label rows labels.

Read with openpyxl (read-only, values not formulas) after the archive passed zipped.py's size checks. A sheet is
read row by row: a row of two cells whose first is a short label and whose second is a short title set in bold or
in a larger font is a heading (`STORY` | **The outage**); a label and a text is a labelled line (`S` | text becomes
`**S:** text`, which the STAR reader knows); a row of three or more cells is a table row (the first such row of
a run is its header), so a question-to-story map reads like a Markdown table. Empty rows end a block.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from knowledge.ingest.pipe_table import pipe_table
from knowledge.ingest.zipped import Unreadable, check_members, open_zip

MAX_ROWS = 5000  # per sheet: a prep workbook has tens to hundreds; a data dump is not notes
MAX_COLS = 30
LABEL_CHARS = 24  # a row label ("S", "Result", "STORY") is short
TITLE_CHARS = 120


def workbook_markdown(data: bytes) -> str:
    """The workbook as Markdown. Raises zipped.Unreadable with a one-line reason."""
    check_members(open_zip(data))
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not keep
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # any parse failure means "not a workbook we read"
        raise Unreadable(f"not a readable Excel workbook ({exc.__class__.__name__})") from None
    out: list[str] = []
    try:
        for sheet in book.worksheets:
            out += ["", f"# {sheet.title}", "", *_sheet_lines(sheet)]
    finally:
        book.close()
    return "\n".join(out).strip() + "\n"


def _sheet_lines(sheet: Any) -> list[str]:
    """One sheet's rows as Markdown lines (see the module docstring)."""
    out: list[str] = []
    table: list[list[str]] = []
    for n, row in enumerate(sheet.iter_rows(max_col=MAX_COLS)):
        if n >= MAX_ROWS:
            break
        cells = [(c, _text(getattr(c, "value", None))) for c in row]
        filled = [(c, t) for c, t in cells if t]
        if len(filled) < 3 and table:
            out += ["", *pipe_table(table), ""]
            table = []
        if not filled:
            out.append("")
        elif len(filled) >= 3:
            table.append([t.replace("|", "/").replace("\n", " ") for _, t in cells[: _last(cells) + 1]])
        elif len(filled) == 1:
            out += ["", filled[0][1], ""]
        else:
            (_, label), (cell, text) = filled
            out += _pair(label, cell, text)
    if table:
        out += ["", *pipe_table(table), ""]
    return out


def _pair(label: str, cell: Any, text: str) -> list[str]:
    """A label cell and a text cell: a heading when the text is a short title set apart, else a labelled line."""
    if len(label) > LABEL_CHARS or "\n" in label:
        return ["", label, "", text, ""]
    lines = text.split("\n")
    if len(text) <= TITLE_CHARS and len(lines) == 1 and _set_apart(cell):
        return ["", f"## {text}", ""]
    return ["", f"**{label.rstrip(':')}:** {lines[0]}", *lines[1:]]


def _set_apart(cell: Any) -> bool:
    """The cell is bold or set larger than body text (a title)."""
    font = getattr(cell, "font", None)
    return font is not None and bool(font.b or (font.sz or 11) >= 13)


def _last(cells: list[tuple[Any, str]]) -> int:
    """Index of the last filled cell."""
    return max(i for i, (_, t) in enumerate(cells) if t)


def _text(value: Any) -> str:
    """A cell's text: numbers as written without a trailing .0, dates as ISO dates, rich text joined."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value).strip()
