"""GitHub-README-style notes: HTML decoration and stories told as items of a numbered list.

- HTML comments are not shown to the reader: a comment on lines of its own is blanked; one at the end of a text
  line keeps its words in parentheses (a `TODO` there still marks the story unfinished).
- `<h1>…</h1>` (and h2-h6) lines become Markdown headings; lines that are only HTML tags (`<p align=…>`, badge
  `<img>`s) are blanked.
- A list item that is only a bold title (plus badge images and a `<sub>year</sub>`) with STAR-labelled bullets
  nested under it (`1. **Title** ![badge](…)` then `   - **S:** …`) is a story: its line becomes a heading one
  level below the heading above, so the nested bullets are that story's parts.

The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.marks import ATX as _ATX

_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_HTML_HEADING = re.compile(r"^\s*<h(?P<n>[1-6])\b[^>]*>(?P<title>.*?)</h\1>\s*$", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_SUB = re.compile(r"<(sub|sup|small)>.*?</\1>", re.IGNORECASE)
_TITLE_ITEM = re.compile(
    r"^(?P<indent>\s{0,3})(?:\d{1,3}[.)]|[-*+])\s+(\*\*|__)(?P<title>[^*_\n]{2,90}?)\2(?P<rest>.*)$"
)
_STAR = {"situation", "task", "action", "result"}


def unreadme(lines: list[str]) -> list[str]:
    """Same number of lines: comments and HTML decoration removed, titled list items made headings."""
    if not any(_COMMENT_OPEN in x or _HTML_HEADING.match(x) or _IMAGE.search(x) for x in lines):
        return lines
    out = _comments(list(lines))
    level = 0
    in_fence = False
    for i, line in enumerate(out):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        heading = _HTML_HEADING.match(line)
        if heading:
            title = _TAG.sub("", heading.group("title")).strip()
            out[i] = f"{'#' * int(heading.group('n'))} {title}" if title else ""
            continue
        atx = _ATX.match(line)
        if atx:
            level = len(atx.group(1))
            continue
        if _TAG.search(line) and not _TAG.sub("", _IMAGE.sub("", line)).strip():
            out[i] = ""  # <p align="center">, <img ...>: decoration
            continue
        item = _TITLE_ITEM.match(line)
        if item and _titled_story(out, i, item):
            out[i] = f"{'#' * min(level + 1, 6)} {item.group('title').strip(' :')}"
    return out


def _titled_story(lines: list[str], i: int, item: re.Match[str]) -> bool:
    """Only a title on the item's line, and STAR-labelled bullets nested under it."""
    rest = _SUB.sub("", _IMAGE.sub("", item.group("rest"))).strip(" :—–-")
    if _TAG.sub("", rest).strip():
        return False
    label = parse_label(lines[i])
    if label is not None and label.canon in _STAR:
        return False
    indent = len(item.group("indent"))
    labels = set()
    for line in lines[i + 1 : i + 60]:
        if not line.strip():
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break  # back at the item's level: its children are over
        found = parse_label(line)
        if found is not None and found.canon in _STAR:
            labels.add(found.canon)
    return len(labels) >= 2


def _comments(out: list[str]) -> list[str]:
    """HTML comments removed (see the module docstring)."""
    i = 0
    while i < len(out):
        line = out[i]
        at = line.find(_COMMENT_OPEN)
        if at < 0:
            i += 1
            continue
        end = line.find(_COMMENT_CLOSE, at + 4)
        before = line[:at]
        if end >= 0:
            inner = line[at + 4 : end].strip()
            after = line[end + 3 :]
            if before.strip() or after.strip():
                out[i] = f"{before.rstrip()} ({inner}){after}" if inner else before + after
            else:
                out[i] = ""
            continue  # the same line may hold another comment
        out[i] = before
        i += 1
        while i < len(out) and _COMMENT_CLOSE not in out[i]:
            out[i] = ""
            i += 1
        if i < len(out):
            out[i] = out[i][out[i].find(_COMMENT_CLOSE) + 3 :]
    return out
