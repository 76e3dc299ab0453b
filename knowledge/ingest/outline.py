"""Outliner pages (Logseq, and notes written the same way): everything is a nested `- ` bullet indented with
tabs, and a block's properties (`collapsed:: true`, `comp:: [[x]]`) sit on the lines under its bullet.

Read as the author structured it: a bullet that holds a heading (`- ## stories`) becomes that heading, a bullet
that opens a block of its own (tagged `#story`, or followed by properties, with child bullets) becomes a heading
one level below its parent's, and every other bullet is re-indented relative to the heading above it, so the
children of a story read as that story's bullets (`S: …`, `A: …`) rather than as an indented code block.
Property lines are blanked; `TODO` / `LATER` markers stay (they mark an unfinished story). The number of lines
never changes.
"""

from __future__ import annotations

import re

_BULLET = re.compile(r"^(?P<indent>[\t ]*)- (?P<text>.*)$")
_PROPERTY = re.compile(r"^[\t ]*[A-Za-z][\w-]{1,30}:: ?")
_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+)$")
_STORY_TAG = re.compile(r"(?:^|\s)#(?:story|stories|star)\b", re.IGNORECASE)
_TAGS = re.compile(r"(?:\s+#[\w/-]+)+\s*$")
_BLOCK_PROPERTY = re.compile(r"^[\t ]*(?:collapsed|id|comp|competency|when|people|company|status|tags?)::", re.I)


def _depth(indent: str) -> int:
    """Outline depth: a tab or two spaces per level."""
    return indent.count("\t") + (len(indent.replace("\t", "")) // 2)


def is_outline(lines: list[str]) -> bool:
    """Most text lines are bullets, some nested with tabs, and blocks carry `key:: value` properties."""
    text = [x for x in lines if x.strip() and not _PROPERTY.match(x)]
    bullets = sum(1 for x in text if _BULLET.match(x))
    nested = sum(1 for x in text if x.startswith("\t") and _BULLET.match(x))
    props = sum(1 for x in lines if _BLOCK_PROPERTY.match(x) and x.startswith(("\t", " ")))
    return len(text) >= 5 and bullets >= 0.8 * len(text) and nested >= 3 and props >= 1


def unoutline(lines: list[str]) -> list[str]:
    """Same number of lines; heading blocks become headings, other bullets re-indented under them."""
    if not is_outline(lines):
        return lines
    out = list(lines)
    stack: list[tuple[int, int]] = []  # (depth, heading level) of the heading bullets above
    for i, line in enumerate(lines):
        if _PROPERTY.match(line):
            out[i] = ""
            continue
        bullet = _BULLET.match(line)
        if bullet is None:
            continue  # a bullet's wrapped text: left as it is
        depth, text = _depth(bullet.group("indent")), bullet.group("text").strip()
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1] if stack else 1
        heading = _HEADING.match(text)
        if heading:
            level = len(heading.group("marks"))
            out[i] = f"{heading.group('marks')} {heading.group('title')}"
            stack.append((depth, level))
            continue
        if _opens_block(lines, i, depth, text):
            level = min(parent + 1, 6)
            title = _TAGS.sub("", text).strip() or text
            out[i] = f"{'#' * level} {title}"
            stack.append((depth, level))
            continue
        base = stack[-1][0] + 1 if stack else 0
        out[i] = "  " * max(0, depth - base) + "- " + text
    return out


def _opens_block(lines: list[str], i: int, depth: int, text: str) -> bool:
    """A titled block: tagged as a story, or carrying properties, and with child bullets of its own."""
    j = i + 1
    props = False
    while j < len(lines) and _PROPERTY.match(lines[j]):
        props = True
        j += 1
    child = j < len(lines) and (m := _BULLET.match(lines[j])) is not None and _depth(m.group("indent")) > depth
    return child and (props or bool(_STORY_TAG.search(text)))
