"""Notes drawn as a tree with box-drawing characters, as `tree` prints a folder (`├── stories/`, `│   └── …`),
read as the outline they draw.

A branch line's depth is the number of four-character steps (`│   ` or four spaces) before its `├──` / `└──`;
text wrapped under a branch continues on lines that carry only the steps and spaces. A branch with branches under
it is a title: a heading one level deeper than its parent's (`##` at the top), so a story's name sits over its
parts. Any other branch is text: its line and its wrapped lines lose the drawing and keep their words
(`S: returned kit …`). Only documents with several branch lines are touched; code fences are left alone. The number
of lines never changes.
"""

from __future__ import annotations

import re

_BRANCH = re.compile(r"^(?P<steps>(?:[│|┃ ]   )*)[├└┣┗`|]──+\s?(?P<text>.*)$")
_CONTINUED = re.compile(r"^(?P<steps>(?:[│|┃ ]   )*)[│|┃ ]?\s*(?P<text>\S.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MIN_BRANCHES = 5
_STEP = 4


def is_tree(lines: list[str]) -> bool:
    """Several lines are branches drawn with `├──` / `└──`."""
    return sum(1 for x in lines if ("├──" in x or "└──" in x) and _BRANCH.match(x)) >= _MIN_BRANCHES


def untree(lines: list[str]) -> list[str]:
    """Same number of lines; branches with branches under them as headings, the rest as plain text."""
    if not is_tree(lines) or any(_FENCE.match(x) for x in lines):
        return lines
    branches = {i: m for i, x in enumerate(lines) if (m := _BRANCH.match(x)) is not None and "──" in x}
    out = list(lines)
    order = sorted(branches)
    for n, i in enumerate(order):
        depth = len(branches[i]["steps"]) // _STEP + 1
        nxt = order[n + 1] if n + 1 < len(order) else None
        has_children = nxt is not None and len(branches[nxt]["steps"]) // _STEP + 1 > depth
        text = branches[i]["text"].strip()
        out[i] = f"{'#' * min(depth + 1, 6)} {text}" if has_children and text else text
        end = nxt if nxt is not None else len(lines)
        for j in range(i + 1, end):
            if (cont := _CONTINUED.match(lines[j])) is not None and "──" not in lines[j]:
                out[j] = cont["text"].strip()
    return out
