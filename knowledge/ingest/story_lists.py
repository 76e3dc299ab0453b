"""Stories told as list items under a bold title: `1. **Mentoring Priya** — Priya joined as a junior ...` or
`- **The Friday migration:** I pushed a schema change ...`. Each such item is a story of its own (titled by its
bold words) when what follows the title is a first-person narrative; the items end whatever story is above them.

So is a plain item (a CV bullet) with its story told in an indented paragraph under it, after a blank line.
"""

from __future__ import annotations

import re

from knowledge.ingest import prose
from knowledge.ingest.labels import parse_label
from knowledge.ingest.questions import clean
from knowledge.ingest.stories import RawStory

_TITLED = re.compile(
    r"^(?P<indent>\s{0,3})(?:[-*+]|\d{1,3}[.)])\s+(\*\*|__)(?P<title>[^*_\n]{3,90}?)\s*[:.]?\2\s*[:—–-]?\s*(?P<rest>.*)$"
)
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My)\b")
# A plain item, after any glyph that marks it ("- ⚑ Built ..."); its text is the title.
_PLAIN_ITEM = re.compile(
    r"""^(?P<indent>\s{0,3})(?:[-*+]|\d{1,3}[.)])\s+(?:[^\w\s"'“(\[*_]\s*)?(?P<title>\S.{2,250})$"""
)
_BEHIND = re.compile(r"^(?:\*\*|__)?[\w ’']{2,40}?:(?:\*\*|__)?\s*|^(?:\*\*|__)[\w ’']{2,40}?(?:\*\*|__):?\s*")
_NOT_TITLES = {"situation", "task", "action", "result", "answer", "extra", "links", "star"}


def titled_items(lines: list[str], start: int, end: int, code: set[int]) -> list[tuple[RawStory, int]]:
    """(story, end line) for every titled narrative list item in lines[start:end], in document order."""
    found: list[tuple[RawStory, int]] = []
    parts = _star_lines(lines, start, end, code)
    i = start
    while i < end:
        match = _TITLED.match(lines[i]) if i not in code else None
        if match is None:
            told = _told_under(lines, i, end, code) if i not in code and not any(p < i for p in parts) else None
            if told is not None:
                found.append(told)
                i = told[1]
                continue
            i += 1
            continue
        label = parse_label(lines[i])
        if label is not None and label.canon in _NOT_TITLES:
            i += 1
            continue  # "- **Situation:** ..." is a STAR part, not a title
        if any(p < i for p in parts) and any(p > i for p in parts):
            i += 1
            continue  # "- **How we noticed:** ..." between "- **S:**" and "- **A:**" is a part of that story
        j = i + 1
        while j < end and lines[j].strip() and not _ITEM.match(lines[j]) and j not in code:
            j += 1  # the item's text may wrap onto the next lines
        body = [match.group("rest"), *(x.strip() for x in lines[i + 1 : j])]
        plain = prose.prose_text(body)
        if prose.is_narrative(plain) or (len(plain) >= prose.MIN_CHARS and _FIRST_PERSON.search(plain)):
            title = clean(match.group("title")).strip(" :—–-")
            text = "\n".join(x for x in body if x).strip()
            found.append((RawStory(title, "prose", text, i + 1, prose.infer_star(plain)), j))
        i = j
    return found


_STAR = {"situation", "task", "action", "result"}


def _star_lines(lines: list[str], start: int, end: int, code: set[int]) -> list[int]:
    """Lines of lines[start:end] that open a STAR part."""
    out = []
    for i in range(start, end):
        label = parse_label(lines[i]) if i not in code else None
        if label is not None and label.canon in _STAR:
            out.append(i)
    return out


def _told_under(lines: list[str], i: int, end: int, code: set[int]) -> tuple[RawStory, int] | None:
    """A plain list item (a CV bullet, an outline point) with the story told in an indented paragraph under it,
    after a blank line: a story titled by the item's text. None when what is under it is not a narrative."""
    item = _PLAIN_ITEM.match(lines[i])
    if item is None or i + 2 >= end or lines[i + 1].strip():
        return None
    depth = len(item.group("indent")) + 2
    j, body = i + 1, []
    while j < end:
        line = lines[j]
        if line.strip() and (len(line) - len(line.lstrip()) < depth):
            break  # back at the item's own level: the next bullet, heading or paragraph
        body.append(re.sub(r"^\s*>\s?", "", line).strip())
        j += 1
    text = "\n".join(body).strip()
    if not text:
        return None
    plain = prose.prose_text(body)
    # the item itself is often the story's outcome with its "I" dropped ("Halved the build time."): told too
    headline = item.group("title").rstrip(" .") + ". "
    if len(plain) < prose.MIN_LONG_CHARS or not prose.is_narrative(headline + plain):
        return None
    title = clean(item.group("title").split("; ")[0]).strip(" :—–-")  # "Built X; 3x faster": X
    return RawStory(title, "prose", _BEHIND.sub("", text, count=1), i + 1, prose.infer_star(plain)), j
