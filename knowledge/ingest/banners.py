"""Plain-text notes whose story titles sit in ASCII boxes, as a code editor's comment banners are drawn.

    ##########################
    #   03  THE LATE LAUNCH   #
    #   @@ failure, lesson    #
    ##########################

Read as Markdown, the frame's `#` lines are empty headings and the tag line is a heading of its own, so the story is
named by its tags. A box may be open at the sides: one short line between two `=` rules (`=====` / `CASE 2  THE LATE
LAUNCH` / `=====`) titles what follows the same way; read as Markdown the top rule and the line would be one
heading's text, and capitals lines inside the case (its part names) would outrank it. Between `-` rules Markdown
already reads the line as a heading (a rule, then an underlined heading), so those are left alone. A logbook or a
form file draws each record between two rules with its banner line first (`-----` / `DIVE #12 | <date> | Site: <name>`
/ its fields / `-----`): read as Markdown, the closing rule underlines the record's last field as a heading, so the
record is named `SIGNED: -` and joins the next one. Two records at least whose banners open with the same word (the
record's kind) become a heading of their banner line each, and their rules go. Not in a
reStructuredText document, whose over- and underlined titles keep their own levels (rest.py). Line for line: a box
(a border of one repeated character, framed lines starting and ending with it, a border) becomes a heading made of
its first framed line; its other lines (tags) and borders become blank, and so do separator lines of one repeated
character between boxes. In a document with boxes, arrow bullets (`--> text`, `=> text`) are Markdown list items, so
a box's `--> situation: ...` lines read as labelled bullets; their indented wrapped lines are set flush (lazy
continuation lines of the same item, not a paragraph the item names).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from knowledge.ingest.rest import is_rest

_BORDER = re.compile(r"^\s*([#*=/+~-])\1{9,}\s*$")
_ARROW = re.compile(r"^(\s*)(?:-->|->|=>|==>|—>|→)\s+")


def unbanner(lines: list[str]) -> list[str]:
    """Same number of lines; boxed titles as headings (see the module docstring)."""
    rest = is_rest(lines)  # reStructuredText's over- and underlined titles keep their own levels
    if not rest:
        lines = _unrecord(lines)
    boxes = list(_boxes(lines, opened=not rest))
    if not boxes:
        return lines
    out = list(lines)
    for top, bottom, char in boxes:
        framed = [_unframe(lines[i], char) if _framed(lines[i], char) else " ".join(lines[i].split())
                  for i in range(top + 1, bottom)]
        texts = [t for t in framed if t]
        for i in range(top, bottom + 1):
            out[i] = ""
        if texts:
            out[top] = f"## {texts[0]}"  # the tag lines under it ("@@ failure, lesson") are the author's index
    inside = {i for top, bottom, _ in boxes for i in range(top, bottom + 1)}
    in_item = False
    for i, line in enumerate(out):
        if i in inside:
            continue
        if _BORDER.match(line):
            out[i] = ""  # a separator between boxes (a run of "/" or "=")
            if _between_rules(lines, i) and i - 1 not in inside:
                out[i - 1] = f"## {lines[i - 1].strip()}"  # a title between two rules stays the heading it was
        elif _ARROW.match(line):
            out[i] = _ARROW.sub(r"\1- ", line)
            in_item = True
        elif in_item and line.strip():
            out[i] = line.strip()  # the item's wrapped lines: its own text, not a paragraph indented under it
        else:
            in_item = False
    return out


def _between_rules(lines: list[str], closing: int) -> bool:
    """The line above this rule is a banner alone between it and a rule of the same character above (`-----` /
    `PROFILE` / `-----`): Markdown reads it as a heading, and blanking the rules must not make it prose."""
    if closing < 2:
        return False
    top, bottom = _BORDER.match(lines[closing - 2]), _BORDER.match(lines[closing])
    above = lines[closing - 1]
    return bool(top and bottom and top.group(1) == bottom.group(1) and not _BORDER.match(above) and _banner(above))


def _boxes(lines: list[str], opened: bool = True) -> Iterator[tuple[int, int, str]]:
    """(top border line, bottom border line, frame character) of each box: at least one framed line between two
    borders of the same character, every framed line starting and ending with it; or one short open line."""
    i = 0
    while i < len(lines):
        border = _BORDER.match(lines[i])
        if border is None:
            i += 1
            continue
        char = border.group(1)
        j = i + 1
        while j < len(lines) and _framed(lines[j], char) and not _BORDER.match(lines[j]):
            j += 1
        closing = _BORDER.match(lines[j]) if i + 1 < j < len(lines) else None
        if closing is not None and closing.group(1) == char:
            yield i, j, char
            i = j + 1
        elif opened and char == "=" and _open_title(lines, i, char):
            yield i, i + 2, char
            i += 3
        else:
            i += 1


def _open_title(lines: list[str], top: int, char: str) -> bool:
    """One short line of words between this rule and another of the same character just under it."""
    if top + 2 >= len(lines):
        return False
    text, closing = lines[top + 1].strip(), _BORDER.match(lines[top + 2])
    return (closing is not None and closing.group(1) == char and 0 < len(text) <= _OPEN_TITLE_CHARS
            and text[0] != char and any(c.isalpha() for c in text))


# A diary's or log's boxed entry line carries its facts and its name ("LOG | Day 3 | Mar 2024 | Job: <what it was
# about>"): longer than a bare title, still one line between two rules.
_OPEN_TITLE_CHARS = 120


def _framed(line: str, char: str) -> bool:
    """`# text #`: the line opens and closes with the frame character, with room inside."""
    s = line.strip()
    return len(s) >= 3 and s[0] == char and s[-1] == char


def _unframe(line: str, char: str) -> str:
    """The text inside a framed line, its spacing collapsed."""
    return " ".join(line.strip()[1:-1].strip(char + " ").split())


_MIN_RECORDS = 2
_BANNER_CHARS = 200
_KIND = re.compile(r"[A-Za-z]{2,}")


def _unrecord(lines: list[str]) -> list[str]:
    """Records drawn between two rules, each opened by its banner line (module docstring): the banner as a heading,
    the rules blank; unchanged unless two records at least open with the same word."""
    records = list(_records(lines))
    kinds = Counter(kind for _, _, kind in records)
    chosen = [(top, bottom) for top, bottom, kind in records if kinds[kind] >= _MIN_RECORDS]
    out = list(lines)
    for top, bottom in chosen:
        out[top], out[top + 1], out[bottom] = f"## {lines[top + 1].strip()}", "", ""
    return _unseparated(out)


# A banner of fields: three parts at least, split by `|` ("ENTRY 4 | <place> | <date> | <what>").
_FIELDED = re.compile(r"^[^|]+(?:\|[^|]+){2,}$")


# A record's line of `KEY: value` fields ("WEATHER: ...", "they asked: ..."): the field readers name such records.
_FIELD_LINE = re.compile(r"^\s*[A-Za-z][\w &/'()-]{0,30}:\s")


def _unseparated(lines: list[str]) -> list[str]:
    """Records that a rule opens and nothing closes (a blank line, then `-----` / `ENTRY 4 | <place> | <date>` /
    the record's lines): each banner a heading, its rule blank, when two at least open with the same word. Read as
    Markdown the banner is only the first line of a paragraph with the record's first lines (a list of names, a
    line of facts), so the record had no title of its own. Not when a `KEY: value` field follows the banner: the
    field readers (fieldheads.py, titles.py) read those records already, with the document's other titles."""
    found: list[tuple[int, str]] = []
    for i in range(len(lines) - 2):
        rule = _BORDER.match(lines[i])
        if rule is None or rule.group(1) not in "-=":
            continue
        if i > 0 and lines[i - 1].strip() and not _BORDER.match(lines[i - 1]):
            continue  # a rule under a line underlines it (a heading), it opens no record
        banner, after = lines[i + 1].strip(), lines[i + 2]
        kind = _KIND.search(banner)
        if kind and _banner(banner) and _FIELDED.match(banner) and after.strip() and not _BORDER.match(after) \
                and not _FIELD_LINE.match(after):
            found.append((i, kind.group(0).lower()))
    kinds = Counter(kind for _, kind in found)
    chosen = [i for i, kind in found if kinds[kind] >= _MIN_RECORDS]
    if not chosen:
        return lines
    out = list(lines)
    for i in chosen:
        out[i], out[i + 1] = "", f"## {lines[i + 1].strip()}"
    return out


def unheader(lines: list[str]) -> list[str]:
    """Same number of lines; records whose header is boxed apart from their text (`-----` / banner / facts /
    `-----` / text) headed by their banner line, their rules blank: two at least whose banners open with the same
    word. Run before a record's line of facts is read as its title (fieldheads.py). Not in reStructuredText."""
    headers = list(_header_boxes(lines))
    kinds = Counter(kind for _, _, kind in headers)
    boxed = [(top, bottom) for top, bottom, kind in headers if kinds[kind] >= _MIN_RECORDS]
    if not boxed or is_rest(lines):
        return lines
    out = list(lines)
    for top, bottom in boxed:
        out[top], out[top + 1], out[bottom] = "", f"## {lines[top + 1].strip()}", ""
    return out


# A banner that opens with a field ("SLUG: x | BY: ..."): fieldheads.py titles it by its first value.
_FIELD_FIRST = re.compile(r"^\s*[A-Za-z][A-Za-z ]{0,20}:")
_HEADER_LINES = 3  # a header box holds its banner and a line or two of the record's facts


def _header_boxes(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(opening rule, closing rule, the banner's first word in lower case) of each record whose header is boxed
    apart from its text: a rule, the banner, a line or two of facts (`Mileage: ... | In: ...`), a rule, and the
    record's text right under it. Read as Markdown, the closing rule underlines the last fact as the record's
    heading and the banner joins the record above."""
    i = 0
    while i < len(lines):
        rule = _BORDER.match(lines[i])
        if rule is None or rule.group(1) not in "-=":
            i += 1
            continue
        j = next((k for k in range(i + 1, min(len(lines), i + 2 + _HEADER_LINES)) if _BORDER.match(lines[k])), None)
        if j is None or j < i + 3 or j + 1 >= len(lines):  # a banner alone between rules is read already
            i += 1
            continue
        closing, kind = _BORDER.match(lines[j]), _KIND.search(lines[i + 1])
        framed = [lines[k] for k in range(i + 1, j)]
        text = lines[j + 1]
        if closing and closing[1] == rule[1] and kind and _banner(lines[i + 1]) and all(x.strip() for x in framed) \
                and not _FIELD_FIRST.match(lines[i + 1]) \
                and text.strip() and not _BORDER.match(text):
            yield i, j, kind.group(0).lower()
            i = j + 1
        else:
            i += 1


def _records(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(opening rule, closing rule, the banner's first word in lower case) of each rule-drawn record: a banner line
    right under a rule of `-` or `=`, text right under the banner, and a rule of the same character right under
    the record's last line and apart from the next record. A
    title alone between two rules (`-----` / `KIT LIST` / `-----`) is passed over, both its rules with it."""
    i = 0
    while i < len(lines):
        rule = _BORDER.match(lines[i])
        if rule is None or rule.group(1) not in "-=":
            i += 1
            continue
        j = next((k for k in range(i + 1, len(lines)) if _BORDER.match(lines[k])), None)
        if j is None:
            return
        kind = _KIND.search(lines[i + 1])
        closing = _BORDER.match(lines[j])
        # only where Markdown misreads it: the closing rule right under the record's last line underlines it
        if j > i + 2 and kind and closing and closing[1] == rule[1] and _banner(lines[i + 1]) \
                and lines[i + 2].strip() and lines[j - 1].strip() and _apart(lines, j):
            yield i, j, kind.group(0).lower()
            i = j + 1
        else:
            i = j + 1 if j == i + 2 else i + 1


def _apart(lines: list[str], closing: int) -> bool:
    """The closing rule is the record's own: a blank line, another rule or the end follows it (a rule shared by two
    entries, as an e-reader's clippings file writes them, is a separator between entries titles.py reads)."""
    return closing + 1 >= len(lines) or not lines[closing + 1].strip() or bool(_BORDER.match(lines[closing + 1]))


def _banner(line: str) -> bool:
    """A record's first line: one line of words that is not a sentence."""
    text = line.strip()
    return 0 < len(text) <= _BANNER_CHARS and text[0].isalnum() and not text.endswith((".", "!", "?", ",", ":"))
