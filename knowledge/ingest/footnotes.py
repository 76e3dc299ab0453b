"""Stories kept in Markdown footnotes, each named by the cue line that points at it.

A cheat sheet keeps one cue line per story (`- **The late launch** · two weeks · said no [^3]`) and tells the long
version in the footnote (`[^3]: ...`, continued on indented lines), so the top half reads in a minute. Rendered,
the footnotes print at the end, unnamed; read as Markdown they are one run of text. Line for line: when at least two
footnotes are story-length, each such footnote gets a heading on the blank line above it, named by the bold text
(or else the text) of the line that cites it, and its text loses the `[^id]:` marker and the indent that would make
it a code block. Short footnotes (a source, an aside) stay as they are.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"^\[\^(?P<id>[^\]\s]{1,40})\]:\s*(?P<text>.*)$")
_REFERENCE = re.compile(r"\[\^(?P<id>[^\]\s]{1,40})\](?!:)")
_BOLD = re.compile(r"\*\*(?P<inner>[^*\n]{2,120}?)\*\*")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
MIN_STORY_WORDS = 40  # a footnote this long is a story told in full, not a source or an aside


def unfootnote(lines: list[str]) -> list[str]:
    """Same number of lines; story-length footnotes as sections named by the line citing them."""
    spans = _definitions(lines)
    stories = {k: v for k, v in spans.items() if sum(len(lines[i].split()) for i in range(*v)) >= MIN_STORY_WORDS}
    if len(stories) < 2:
        return lines
    names = _citing_names(lines, set(stories))
    levels = [len(m.group(1)) for x in lines if (m := _ATX.match(x))]
    level = min(min(levels, default=0) + 1, 6)
    out = list(lines)
    for key, (start, end) in stories.items():
        name = names.get(key)
        if not name or start == 0 or out[start - 1].strip():
            continue
        out[start - 1] = f"{'#' * level} {name}"
        out[start] = _DEFINITION.sub(lambda m: m["text"], out[start])
        for i in range(start + 1, end):
            out[i] = out[i].strip()
    return out


def _definitions(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Each footnote's id and its line span: the `[^id]:` line and the indented or blank lines continuing it."""
    spans: dict[str, tuple[int, int]] = {}
    i = 0
    while i < len(lines):
        head = _DEFINITION.match(lines[i])
        if head is None:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and (lines[end].startswith(("    ", "\t")) or not lines[end].strip()):
            end += 1
        while end > i + 1 and not lines[end - 1].strip():
            end -= 1  # trailing blank lines belong to no footnote
        spans.setdefault(head["id"], (i, end))
        i = end
    return spans


def _citing_names(lines: list[str], keys: set[str]) -> dict[str, str]:
    """The name each footnote is cited by: the first bold run of the citing line, else the line's text up to the
    first separator."""
    names: dict[str, str] = {}
    for line in lines:
        if _DEFINITION.match(line):
            continue
        for ref in _REFERENCE.finditer(line):
            key = ref["id"]
            if key not in keys or key in names:
                continue
            bold = _BOLD.search(line)
            if bold:
                name = bold["inner"]
            else:
                text = _BULLET.sub("", _REFERENCE.sub("", line)).strip()
                name = re.split(r"\s+[·|—–-]\s+|[.;:]\s", text, maxsplit=1)[0]
            name = name.strip(" \"'“”")
            if name and len(name.split()) <= 14:
                names[key] = name
    return names
