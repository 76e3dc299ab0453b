"""A section titled by its metadata only names the story by its first line.

Drafts, posts and log entries are often set apart by a line of facts about them (`--- draft 7 · shared 2 Mar 2024 ·
310 likes ---`, `entry 5 | not sent`): fields split by `·`, `|` or `•`, each a figure, a date or a word or
two in lower case. Such a line says when and where, not what: the story is named by the line it opens with (a
post's hook, "The dashboard was green for a week."), which stays in its text too.

A section titled only by its place in a series says no more: a letter of an A-Z list (`-- B --`, made "— B —" by
normalize.py so that "S" is not read as a situation), a card or entry number with a tag (`CARD 07 [story]`,
`Entry 12`), a record's id (`commit 3f9a2c1`, `ticket 40213`). Its story too is named by its first line; when that
line is a field (`TAG: <the claim>`, `TERM (what it is): definition`), by the field's value or its term, whichever
says what the story is about: the value when the key is a word or two of form, the key when it is a name with a
remark. Header fields right under the id (`Author: …`, `Date: …`, as a log or a mail export writes them) are
facts, not its first line.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.stories import RawStory

_FIELDS = re.compile(r"\s+[·|•]\s+")
_PLAIN_FIELD = re.compile(r"^[a-z]+(?: [a-z]+)?$")  # "not posted", "draft"
_MAX_HOOK_WORDS = 20
# "B", "CARD 07 [story]", "Entry 12", "#4 (draft)": a letter, or a word and a number, and tags in brackets.
_SERIAL = re.compile(
    r"^(?:[A-Za-z]|[A-Za-z]{1,12}\s*(?:no\.?\s*)?#?\d{1,3}|#\d{1,3}|[A-Za-z]{1,12}\s+#?(?=[0-9a-f]*\d)[0-9a-f]{5,40})"
    r"(?:\s*[\[(][^\])]{0,20}[\])])*$"
)
# A header field under a record's id: one capitalised word, a colon, and a value that is a record's facts (an
# address, a clock time or commit ids): "Author: Ann <ann@x.org>", "Date:   Sun Nov 30 21:14:07 2026", "Merge: 9cc 1c7".
_HEADER = re.compile(r"^[A-Z][A-Za-z-]{1,20}:\s+(?=\S)(?:.*(?:\S@\S|\b\d{1,2}:\d{2}\b)|(?:[0-9a-f]{7,40}\s*)+$)")
# A first line that is a field: a key of a word or two (or a name with a remark in brackets), a colon, a value.
_FIELD_LINE = re.compile(r"^(?P<key>[^:()]{1,40}?)\s*(?P<remark>\([^()]{1,60}\))?:\s+(?P<value>\S.*)$")


def metadata_only(title: str) -> bool:
    """Two or more fields, each a figure with a few words at most ("shared 2 Mar 2024", "310 likes") or a word or
    two in lower case; a field that is a phrase with a figure in it ("Cloud bill +38% on flat usage") names."""
    fields = [f.strip(" -—–=*_") for f in _FIELDS.split(title)]
    return len(fields) >= 2 and all(_figure_field(f) or _PLAIN_FIELD.match(f) for f in fields)


_FIELD_WORDS = 4  # words of letters beside a figure in a field of facts ("Rev 3", "shared 2 Mar 2024")


def _figure_field(field: str) -> bool:
    # a figure stands apart from letters: "v2" in "Us v Rota v2" is part of a name, not a fact about it
    figure = re.search(r"(?<![^\W\d_])\d", field) or (" " not in field and re.search(r"\d", field))  # or "v2" alone
    return bool(figure) and len(re.findall(r"[^\W\d_]{2,}", field)) <= _FIELD_WORDS


def serial_only(title: str) -> bool:
    """A title that only numbers the story in a series or files it under a letter (see the module docstring)."""
    return bool(_SERIAL.match(title.strip(" -—–=*_")))


def retitle(stories: list[RawStory], lines: list[str]) -> None:
    """Stories titled by metadata or a serial only take their first line as their title (module docstring);
    `lines` are the document's lines as written (before normalize.py), so a term keeps its remark, which a
    worksheet's clean-up takes off field labels."""
    for story in stories:
        if serial_only(story.title):
            below = lines[story.line : story.line + _LOOK] if 0 < story.line <= len(lines) else []
            first = next((x.strip() for x in _past_headers(below) if x.strip()), "")
            name = _field_name(first.strip("*_# ").strip())
            if name:
                story.title = name
            continue
        if not metadata_only(story.title):
            continue
        first = next((x.strip() for x in story.text.split("\n") if x.strip()), "")
        hook = first.strip("*_# ").strip()
        if hook and len(hook.split()) <= _MAX_HOOK_WORDS and parse_label(first) is None:
            story.title = hook


def _past_headers(below: list[str]) -> list[str]:
    """The lines under a title after a run of two or more header fields directly under it (blank lines kept)."""
    n = 0
    while n < len(below) and _HEADER.match(below[n].strip()):
        n += 1
    return below[n:] if n >= 2 else below


def _field_name(line: str) -> str | None:
    """What a serial-titled story's first line names it by: a field's term with its remark ("BLUEBELL (our
    reranker)", "ESCALATION PARSER": the value is a sentence) or a claim given as a short key's value ("TAG:
    <claim>"), else the line when it is short; None for a STAR part."""
    label = parse_label(line)
    if label is not None and label.canon != "other":
        return None  # "Situation: ...": the story's first part, not its name
    field = _FIELD_LINE.match(line)
    if field:
        key = f"{field.group('key').strip()} {field.group('remark') or ''}".strip()
        value = field.group("value").strip()
        titled = len(value.split()) <= _MAX_HOOK_WORDS and not value.endswith((".", "!", "?"))
        return value if titled and not field.group("remark") else key  # a claim names it; a definition's term does
    return line if line and len(line.split()) <= _MAX_HOOK_WORDS else None


_LOOK = 8  # lines below a serial title where its first line is looked for (after any header fields)
