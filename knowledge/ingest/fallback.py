"""The last reading of a document in which no rule found anything: blocks and their title-like first lines.

Notes in a shape nobody taught the ingester often still separate stories by blank lines and open each with a
short line that names it ("The Tuesday outage", "Mentoring Ana", "Why did the launch slip?"). Here every such first
line of a block becomes a heading, so the usual rules (STAR labels, first-person narrative, question headings with
their answers) read each block as a section of its own. Nothing else changes; the number of lines stays the same.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label

_LIST = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
_MAX_WORDS = 12
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|^\s*(?:=+|-+)\s*$")


def titled_blocks(text: str, found: int) -> str | None:
    """`text` with the title-like first line of each block made a `##` heading; None when no line qualifies, or
    when the document has headings of its own and `found` (items found without this) is not zero."""
    lines = text.split("\n")
    if found > 1 and any(_HEADING.match(x) for x in lines):
        return None  # the document has its own sections, and they held something
    found = 0
    for i, line in enumerate(lines):
        if _HEADING.match(line):
            continue  # already a heading
        if (i == 0 or not lines[i - 1].strip()) and _title_like(line) and _text_follows(lines, i):
            lines[i] = f"## {line.strip().strip('*_#=-~ ')}"
            found += 1
    return "\n".join(lines) if found else None


def _title_like(line: str) -> bool:
    """A short line that names something: a few words, no sentence end (a question is fine), no list mark,
    not a STAR label."""
    text = line.strip().strip("*_#=-~ ")
    if not text or len(text) > 80 or len(text.split()) > _MAX_WORDS or _LIST.match(line):
        return False
    if text.endswith((".", ",", ";", ":", "!")) or not re.search(r"[^\W\d_]", text):
        return False
    label = parse_label(line)
    return label is None or label.canon == "other"


def _text_follows(lines: list[str], i: int) -> bool:
    """Some text follows the line: on the next line, or after one blank line."""
    if i + 1 < len(lines) and lines[i + 1].strip():
        return True
    return i + 2 < len(lines) and bool(lines[i + 2].strip())
