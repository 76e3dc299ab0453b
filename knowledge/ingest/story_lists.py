"""Stories told as list items under a bold title: `1. **Mentoring Priya** — Priya joined as a junior ...` or
`- **The Friday migration:** I pushed a schema change ...`. Each such item is a story of its own (titled by its
bold words) when what follows the title is a first-person narrative; the items end whatever story is above them.

So is a paragraph that opens with a short name set off by a spaced double dash or long dash, as notes typed on a
phone or in an e-reader keep a story on one line (`[story] The late launch -- we had promised ...`): the name
(without a bracketed tag) titles it when what follows is a first-person narrative and the name is no sentence,
and two such paragraphs at least are in the section (one alone is a sentence with a dash in it).

So is a plain item (a CV bullet) with its story told in an indented paragraph under it, after a blank line.
"""

from __future__ import annotations

import re

from knowledge.ingest import prose
from knowledge.ingest.labels import parse_label
from knowledge.ingest.lived import is_told
from knowledge.ingest.questions import clean
from knowledge.ingest.stories import RawStory

_TITLED = re.compile(
    r"^(?P<indent>\s{0,3})(?:[-*+]|\d{1,3}[.)])\s+(\*\*|__)(?P<title>[^*_\n]{3,90}?)\s*[:.]?\2\s*[:—–-]?\s*(?P<rest>.*)$"
)
# "[tag] Name -- text" / "Name — text" opening a paragraph: a name of a few words, no list marker or markup before it.
_PARA_TITLED = re.compile(
    r"^(?P<indent>)(?:\[[^\]\n]{1,24}\]\s*)?(?P<title>[^\s\[\-*+#>|`].{1,60}?)\s+(?:--|—|–)\s+(?P<rest>\S.*)$"
)
_NAME_WORDS = 8
_LAYOUT = 2  # paragraphs named so before they are the document's way of keeping stories
_SENTENCE_WORDS = re.compile(r"\b(?:I|I'm|I've|we|We|my|My|our|Our)\b|[.?!;]$")
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
    named: set[int] = set()  # lines of stories named by a paragraph's run-in name
    i = start
    while i < end:
        listed = _TITLED.match(lines[i]) if i not in code else None
        match = listed or (_paragraph_name(lines, i, start) if i not in code else None)
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
        after = i + (2 if "\n" in match.string else 1)  # a boxed note's text line is in the match already
        body = [match.group("rest"), *(x.strip() for x in lines[after:j])]
        plain = prose.prose_text(body)
        loose = listed is not None and len(plain) >= prose.MIN_CHARS and bool(_FIRST_PERSON.search(plain))
        lived = prose.is_narrative(plain) if listed else is_told(plain)  # a paragraph must tell a lived case
        if lived or loose:
            title = clean(match.group("title")).strip(" :—–-")
            text = "\n".join(x for x in body if x).strip()
            found.append((RawStory(title, "prose", text, i + 1, prose.infer_star(plain)), j))
            if listed is None:
                named.add(i + 1)
        i = j
    # one paragraph so named is a sentence with a dash in it; two or more are the notes' layout
    return found if len(named) >= _LAYOUT else [(story, j) for story, j in found if story.line not in named]


_STAR = {"situation", "task", "action", "result"}


def _paragraph_name(lines: list[str], i: int, start: int) -> re.Match[str] | None:
    """A paragraph's first line opening with a short name and a spaced dash ("Name -- text"), or a paragraph of
    a short name over one long unwrapped line (a text box on a board, a sticky note), or None."""
    if i > start and lines[i - 1].strip():
        return None
    match = _PARA_TITLED.match(lines[i]) or _BOXED.match(_boxed(lines, i))
    if match is None or _ITEM.match(lines[i]):
        return None
    name = match.group("title")
    return None if len(name.split()) > _NAME_WORDS or _SENTENCE_WORDS.search(name) else match


# "Name\n<one long line>": the two lines of a boxed note joined as "Name -- text" are matched like a run-in name.
_BOXED = re.compile(r"^(?P<indent>)(?P<title>[^\s\[\-*+#>|`][^\n]{1,60}?)\n(?P<rest>\S.*)$")
_UNWRAPPED = 200  # characters of a line typed without wrapping (a text box's whole text)


def _boxed(lines: list[str], i: int) -> str:
    """"name\ntext" when lines[i] is a short line over one unwrapped line that ends the paragraph, else ""."""
    if i + 1 >= len(lines) or (i + 2 < len(lines) and lines[i + 2].strip()):
        return ""
    name, text = lines[i].strip(), lines[i + 1].strip()
    if len(text) < _UNWRAPPED or 3 * len(name) > len(text) or name.endswith((".", ":", ",")):
        return ""
    return f"{name}\n{text}"


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
