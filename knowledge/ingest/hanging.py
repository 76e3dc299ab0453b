"""Fields whose text wraps onto lines indented to the value's column, as metadata exports and aligned forms write them.

    Title:     Harbour wall, low tide
    Notes:     The night shift lost the queue twice that week, and I was the one who
               had to work out why before the morning run ...

Read as Markdown, the wrapped lines (four spaces or more) are an indented code block: no reader sees the text, and
the passages they hold are skipped as code. A line indented exactly to the column where the value above starts
(the `Key:` line, or a wrapped line of it) goes on with that value: it is set flush, so it reads as a lazy
continuation of the field's paragraph. Fenced code is left alone, and so is any other indentation. Line for line.
"""

from __future__ import annotations

import re

_FIELD = re.compile(r"^(?P<key>\s{0,3}[A-Za-z][\w'’ &/()-]{0,30}:[ \t]+)(?P<value>\S.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MIN_COLUMN = 4  # below this the wrapped line is no code block: Markdown already reads it as the same paragraph


def unhang(lines: list[str]) -> list[str]:
    """Same number of lines; wrapped lines of an aligned field set flush (module docstring)."""
    out = list(lines)
    column = 0  # the value column of the field being read, 0 outside one
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced, column = not fenced, 0
            continue
        if fenced:
            continue
        if column and line.strip() and _indent(line) == column:
            out[i] = line.strip()
            continue
        field = _FIELD.match(line) if "\t" not in line[:40] else None
        column = len(field.group("key")) if field and len(field.group("key")) >= _MIN_COLUMN else 0
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
