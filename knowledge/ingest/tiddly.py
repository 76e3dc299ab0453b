"""TiddlyWiki tiddlers (`.tid` files, or a tiddler's text copied out), read as the Markdown they render like.

A tiddler opens with `key: value` header fields (`title:`, `tags:`, `type: text/vnd.tiddlywiki`) and a blank line;
its wikitext writes headings with `!` / `!!` / `!!!`, bold as `''…''`, italic as `//…//`, numbered items with `#`
(a Markdown heading), and folds as `<$details summary="Title">` … `</$details>` widgets. Here the header is blanked
(its `title:` becomes the top heading), `!` headings become `#` headings, a details widget a heading one level below
the last heading above it (its closing tag blanked), `''` and `//` become `**` and `*`, `#` items numbered items,
and macro calls (`<<toc …>>`) vanish. Only documents that are tiddlers (the tiddlywiki type field, or several
`!` headings beside `''bold''`) are touched. Code blocks are left alone. The number of lines never changes.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^(?P<key>[a-z][\w-]{0,30}):\s?(?P<value>.*)$")
_TYPE = re.compile(r"^type:\s*text/vnd\.tiddlywiki\s*$", re.MULTILINE)
_HEADING = re.compile(r"^(?P<marks>!{1,6})\s*(?P<text>\S.*)$")
_DETAILS = re.compile(r"^\s*<\$details\b[^>]*\bsummary\s*=\s*(?P<q>[\"'])(?P<title>.*?)(?P=q)[^>]*>\s*$")
_DETAILS_END = re.compile(r"^\s*</\$details>\s*$")
_MACRO = re.compile(r"^\s*<<[^<>]*>>\s*$")
_NUMBERED = re.compile(r"^(?P<marks>#{1,4})\s+(?=\S)")
_BOLD = re.compile(r"''(?=\S)(?P<inner>.+?)(?<=\S)''")
_ITALIC = re.compile(r"(?<![:/])//(?=\S)(?P<inner>.+?)(?<=\S)//")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def is_tiddler(lines: list[str]) -> bool:
    """A tiddler: its header says the tiddlywiki type, or `!` headings sit beside `''bold''` wikitext."""
    head = "\n".join(lines[:30])
    if _TYPE.search(head):
        return True
    headings = sum(1 for x in lines if _HEADING.match(x))
    return headings >= 3 and any("''" in x for x in lines)


def untiddle(lines: list[str]) -> list[str]:
    """Same number of lines; the tiddler's wikitext as Markdown."""
    if not is_tiddler(lines):
        return lines
    out = list(lines)
    start = _blank_header(out)
    level = 1 if start else 0
    in_fence = False
    for i in range(start, len(lines)):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if (heading := _HEADING.match(line)) is not None:
            level = len(heading["marks"])
            out[i] = f"{'#' * level} {_inline(heading['text'])}"
        elif (details := _DETAILS.match(line)) is not None:
            out[i] = f"{'#' * min(level + 1, 6)} {_inline(details['title'])}"
        elif _DETAILS_END.match(line) or _MACRO.match(line):
            out[i] = ""
        elif (numbered := _NUMBERED.match(line)) is not None:
            indent = "   " * (len(numbered["marks"]) - 1)
            out[i] = f"{indent}1. {_inline(line[numbered.end():])}"
        else:
            out[i] = _inline(line)
    return out


def _blank_header(out: list[str]) -> int:
    """Blank the header fields above the first blank line (the title kept as a `#` heading); the index of the
    first line of text, 0 when there is no header."""
    end = next((i for i, x in enumerate(out) if not x.strip()), len(out))
    if end == 0 or not all(_HEADER.match(x) for x in out[:end]):
        return 0
    title = ""
    for i in range(end):
        field = _HEADER.match(out[i])
        if field is not None and field["key"] == "title":
            title = field["value"].strip()
        out[i] = ""
    if title:
        out[0] = f"# {title}"
    return end


def _inline(text: str) -> str:
    """Wikitext bold and italic as Markdown's."""
    return _ITALIC.sub(r"*\g<inner>*", _BOLD.sub(r"**\g<inner>**", text))
