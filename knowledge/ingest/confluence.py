"""Confluence wiki markup (a page exported or copied as wiki text), read as the Markdown it stands for.

- `h1.` … `h6.` lines become Markdown headings.
- Box macros (`{panel:title=…}`, `{expand:title=…}`): the opening line becomes a heading named by its title (a
  sibling of an `h3.` story heading above it, else one level below the heading above), the closing line vanishes.
  Admonitions (`{info}`, `{note}`, `{tip}`, `{warning}`) are titled by their kind as well ("Note: …", or "Note"
  alone), which marks them as reference material. Other boxes without a title just lose their macro lines.
- `{code}` / `{noformat}` become code fences; `{toc}`, `{status}`, `{anchor}` and other inline macros vanish.
- `*bold*` becomes `**bold**`, `[~user]` a plain name, `[text|link]` its text, `# item` a numbered item.
- `||header||` tables become Markdown tables when a blank line above leaves room for the separator row.

Only documents that carry Confluence's marks (`h2.` headings or macros) are touched. The number of lines never
changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX as _ATX
from knowledge.ingest.marks import STAR_BOLD as _BOLD

_HEADING = re.compile(r"^\s*h(?P<n>[1-6])\.\s+(?P<text>.*)$")
_BOX = re.compile(r"^\s*\{(?P<name>panel|info|note|tip|warning|expand|section|column)(?::(?P<attrs>[^}]*))?\}\s*$")
# Admonitions hold notes to self (how-tos, reminders), never a story: their heading says which box they were
# ("Info: How I use this page"), so knowledge.ingest.kinds keeps them as reference.
_ADMONITIONS = ("info", "note", "tip", "warning")
_BOX_CLOSE = re.compile(r"^\s*\{(?:panel|info|note|tip|warning|expand|section|column)\}\s*$")
_CODE = re.compile(r"^\s*\{(?:code|noformat)(?::[^}]*)?\}\s*$")
_TITLE = re.compile(r"(?:^|\|)\s*title\s*=\s*(?P<title>[^|]*)")
_MACRO = re.compile(r"\{(?:toc|status|anchor|color|children|pagetree|jira|excerpt|recently-updated)(?::[^}]*)?\}")
_MENTION = re.compile(r"\[~(?P<user>[\w.-]+)\]")
_LINK = re.compile(r"\[(?P<text>[^\[\]|]+)\|[^\[\]]+\]")
_ORDERED = re.compile(r"^(?P<marks>#+)\s+(?=\S)")
_HEADER_ROW = re.compile(r"^\s*\|\|.*\|\|\s*$")


def is_confluence(lines: list[str]) -> bool:
    """Wiki headings (`h2. …`) or block macros, at least twice: a Confluence page."""
    marks = sum(1 for x in lines if _HEADING.match(x) or _BOX.match(x) or _CODE.match(x))
    return marks >= 2 and any(_HEADING.match(x) for x in lines)


def unconfluence(lines: list[str]) -> list[str]:
    """Same number of lines, Confluence markup rewritten as Markdown (see the module docstring)."""
    if not is_confluence(lines):
        return lines
    out = list(lines)
    level = 0  # level of the last heading, to place a box title under (or beside) it
    in_code = False
    for i, line in enumerate(out):
        if _CODE.match(line):
            out[i] = "```"
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = _HEADING.match(line)
        if heading:
            level = int(heading.group("n"))
            out[i] = f"{'#' * level} {_inline(heading.group('text')).strip()}"
            continue
        box = _BOX.match(line)
        if box:
            found = _TITLE.search(box.group("attrs") or "")
            title = found.group("title").strip() if found else ""
            name = box.group("name")
            if name in _ADMONITIONS:
                title = f"{name.capitalize()}: {title}" if title else name.capitalize()
            if title:
                n = level if level >= 3 else level + 1
                out[i] = f"{'#' * max(1, min(n, 6))} {_inline(title)}"
            else:
                out[i] = ""
            continue
        if _BOX_CLOSE.match(line):
            out[i] = ""
            continue
        if _HEADER_ROW.match(line):
            cells = [c.strip() for c in line.strip().strip("|").split("||")]
            row = "| " + " | ".join(_inline(c) for c in cells) + " |"
            if i > 0 and not out[i - 1].strip():
                out[i - 1] = row  # the blank line above takes the header, so the separator fits here
                out[i] = "|" + "---|" * len(cells)
            else:
                out[i] = row
            continue
        out[i] = _inline(_ORDERED.sub(lambda m: "   " * (len(m.group("marks")) - 1) + "1. ", line))
    return out


def _inline(text: str) -> str:
    """Inline wiki markup as Markdown: macros dropped, mentions and links as text, `*bold*` as `**bold**`."""
    text = _MACRO.sub("", text)
    text = _MENTION.sub(r"\g<user>", text)
    text = _LINK.sub(r"\g<text>", text)
    if _ATX.match(text):
        return text
    return _BOLD.sub(r"**\g<inner>**", text)
