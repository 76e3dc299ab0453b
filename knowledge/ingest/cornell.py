"""Two-column notes typed in plain text (Cornell notes: cues on the left, the answer on the right), read as a
section per block titled by its first cue.

A block is a header row (`CUES | NOTES`), a rule whose `+` marks the column edge (`------+------`), then rows that
carry the `|` at that column: a short cue column (the story's name on its first line, then keywords) beside the
text, wrapped, so every row holds a piece of each. Read as prose, cue words run into the story. Here the header row
becomes a heading named by the block's first cue line, each row keeps only its right-hand text, and the rules are
blanked; lines outside blocks (a summary line under each) are left as they are. Only documents with at least two
such blocks are touched. The number of lines never changes.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*[-=]{3,}\+[-=]{3,}\s*$")
_MIN_BLOCKS = 2


def uncornell(lines: list[str]) -> list[str]:
    """Same number of lines; each two-column block a heading over its right-hand column."""
    blocks = [i for i, x in enumerate(lines) if _RULE.match(x) and i > 0 and _has_bar(lines[i - 1], x.index("+"))]
    if len(blocks) < _MIN_BLOCKS:
        return lines
    out = list(lines)
    for rule in blocks:
        edge = lines[rule].index("+")
        rows: list[int] = []
        j = rule + 1
        while j < len(lines) and (_has_bar(lines[j], edge) or _RULE.match(lines[j])):
            if _RULE.match(lines[j]):
                out[j] = ""
                break
            rows.append(j)
            j += 1
        title = next((lines[k][:edge].strip() for k in rows if lines[k][:edge].strip()), "")
        if not title:
            continue
        out[rule - 1] = f"## {title}"
        out[rule] = ""
        for k in rows:
            out[k] = lines[k][edge + 1 :].strip()
    return out


def _has_bar(line: str, edge: int) -> bool:
    """The line is a row of the block whose column edge is at `edge`."""
    return len(line) > edge and line[edge] == "|"
