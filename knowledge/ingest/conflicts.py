"""Unresolved merge conflicts left in a notes file (`<<<<<<< HEAD` ... `=======` ... `>>>>>>> theirs`), as a sync
tool or git writes them when two copies of the notes were edited.

Read as Markdown, the marker lines are text (or a heading named after the branch) and the story is told twice. Line
for line: in each conflict the side with more words stays (the fuller telling; when equal, the first), the other
side, a diff3 base section (`||||||| base`) and the marker lines become blank. A `<<<<<<<` with no closing
`>>>>>>>` is left as it is.
"""

from __future__ import annotations

import re

_OPEN = re.compile(r"^<{7}(?:\s|$)")
_BASE = re.compile(r"^\|{7}(?:\s|$)")
_SPLIT = re.compile(r"^={7}\s*$")
_CLOSE = re.compile(r"^>{7}(?:\s|$)")


def unconflict(lines: list[str]) -> list[str]:
    """Same number of lines; each conflict reduced to its fuller side (see the module docstring)."""
    if not any(_OPEN.match(x) for x in lines):
        return lines
    out = list(lines)
    i = 0
    while i < len(lines):
        if not _OPEN.match(lines[i]):
            i += 1
            continue
        block = _conflict(lines, i)
        if block is None:
            i += 1
            continue
        base, split, close = block
        ours, theirs = range(i + 1, base if base is not None else split), range(split + 1, close)
        keep = ours if _words(lines, ours) >= _words(lines, theirs) else theirs
        for k in range(i, close + 1):
            if k not in keep:
                out[k] = ""
        i = close + 1
    return out


def _conflict(lines: list[str], start: int) -> tuple[int | None, int, int] | None:
    """(base marker or None, `=======` line, `>>>>>>>` line) of the conflict opened at `start`, or None."""
    base = split = None
    for k in range(start + 1, len(lines)):
        if _OPEN.match(lines[k]):
            return None
        if split is None and base is None and _BASE.match(lines[k]):
            base = k
        elif split is None and _SPLIT.match(lines[k]):
            split = k
        elif split is not None and _CLOSE.match(lines[k]):
            return base, split, k
    return None


def _words(lines: list[str], span: range) -> int:
    return sum(len(lines[k].split()) for k in span)
