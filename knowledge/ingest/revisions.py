"""Notes with a coach's edits in CriticMarkup (`{++added++}`, `{--deleted--}`, `{~~old~>new~~}`, `{==marked==}`,
`{>>comment<<}`), read as the text with every edit accepted.

Additions and substitutions keep their new text, deletions and comments go, highlights keep their text. A comment
that fills its line leaves a blank line; a deleted word leaves one space, not two. The number of lines never changes.
"""

from __future__ import annotations

import re

_ADDED = re.compile(r"\{\+\+(.{0,2000}?)\+\+\}", re.DOTALL)
_DELETED = re.compile(r"\{--(.{0,2000}?)--\}", re.DOTALL)
_SUBSTITUTED = re.compile(r"\{~~([^~]{0,2000})~>(.{0,2000}?)~~\}", re.DOTALL)
_MARKED = re.compile(r"\{==(.{0,2000}?)==\}", re.DOTALL)
_COMMENT = re.compile(r"\{>>(.{0,2000}?)<<\}", re.DOTALL)


MAX_MARKS = 5_000  # a coach marks a document dozens of times; thousands of openers are not edits (and each
# opener costs a search of up to 2,000 characters for its closer)


def is_revised(lines: list[str]) -> bool:
    """Two or more CriticMarkup marks: a reviewed document, not a stray `{--`."""
    text = "\n".join(lines)
    openers = sum(text.count(x) for x in ("{++", "{--", "{~~", "{==", "{>>"))
    if openers < 2 or openers > MAX_MARKS:
        return False
    marks = sum(len(p.findall(text)) for p in (_ADDED, _DELETED, _SUBSTITUTED, _MARKED, _COMMENT))
    return marks >= 2


def accept(lines: list[str]) -> list[str]:
    """Same number of lines; every edit accepted, comments dropped. A mark may span lines: what it removes leaves
    its line breaks behind, so every line keeps its number."""
    if not is_revised(lines):
        return lines
    text = "\n".join(lines)
    text = _COMMENT.sub(lambda m: _breaks(m.group(0)), text)
    text = _SUBSTITUTED.sub(lambda m: _keep(m.group(2), m.group(0)), text)
    text = _DELETED.sub(lambda m: _breaks(m.group(0)), text)
    text = _ADDED.sub(lambda m: _keep(m.group(1), m.group(0)), text)
    text = _MARKED.sub(lambda m: _keep(m.group(1), m.group(0)), text)
    out = [re.sub(r"(?<=\S) {2,}(?=\S)", " ", x) if x.strip() else "" for x in text.split("\n")]
    return out if len(out) == len(lines) else lines


def _breaks(whole: str) -> str:
    """The line breaks of a removed mark, so the lines after it keep their numbers."""
    return "\n" * whole.count("\n")


def _keep(kept: str, whole: str) -> str:
    """Kept text padded with the line breaks the rest of its mark held."""
    extra = whole.count("\n") - kept.count("\n")
    return kept + "\n" * extra if extra >= 0 else kept.replace("\n", " ")
