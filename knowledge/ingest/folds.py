"""Notes folded with vim's fold markers (`Title {{{2` ... `}}}2`), as Markdown headings.

A line that opens a fold names what it holds: it becomes a heading of the fold's level (the number after `{{{`, or
how deep the fold sits when there is none). Closing markers and the `vim: set ...` modeline are blanked, and the
lines inside a fold lose the tabs that indent them (indented text would read as a code block). The number of lines
never changes.
"""

from __future__ import annotations

import re

_OPEN = re.compile(r"^\s*(?P<title>.*?)\s*(?:[#/;\"%*-]+\s*)?\{\{\{(?P<level>\d?)\s*$")
_CLOSE = re.compile(r"^\s*(?:[#/;\"%*-]+\s*)?(?P<title>.*?)\s*\}\}\}(?P<level>\d?)\s*$")
_MODELINE = re.compile(r"^\s*(?:\S+\s+)?vim?:\s*(?:set\s)?.*\bfold\w*=", re.IGNORECASE)


_MAX_LINE = 300  # a fold marker ends a short title line; longer lines are text, never matched


def _opens(line: str) -> re.Match[str] | None:
    return _OPEN.match(line) if "{{{" in line and len(line) <= _MAX_LINE else None


def _closes(line: str) -> re.Match[str] | None:
    return _CLOSE.match(line) if "}}}" in line and len(line) <= _MAX_LINE else None


def is_folded(lines: list[str]) -> bool:
    """At least two folds opened and closed: the markers are the document's structure, not a stray brace."""
    opened = sum(1 for x in lines if (m := _opens(x)) is not None and m.group("title"))
    closed = sum(1 for x in lines if _closes(x))
    return opened >= 2 and closed >= 2


def unfold(lines: list[str]) -> list[str]:
    """Same number of lines; fold openers become headings, closers and the modeline blank, fold bodies dedented."""
    if not is_folded(lines):
        return lines
    out = list(lines)
    depth = 0
    for i, line in enumerate(lines):
        if "fold" in line and len(line) <= _MAX_LINE and _MODELINE.match(line):
            out[i] = ""
            continue
        opened = _opens(line)
        if opened:
            depth = int(opened.group("level")) if opened.group("level") else depth + 1
            title = opened.group("title").strip()
            out[i] = f"{'#' * min(max(depth, 1), 6)} {title}" if title else ""
            continue
        closed = _closes(line)
        if closed:
            depth = int(closed.group("level")) - 1 if closed.group("level") else max(depth - 1, 0)
            out[i] = closed.group("title")
            continue
        if depth:
            out[i] = line.lstrip("\t ")  # a fold's body is indented for the eye, not as code
    return out
