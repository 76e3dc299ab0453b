"""Names written as a whole line in square brackets over the text they name (`[the late launch]`), as in a
`fortune` file, a plain-text card deck or an INI-like notes file; and the `%` lines a fortune file puts between
its entries.

Line for line: in a document with at least two such names, each one that starts a block (the file's first line,
or after a blank line or a separator line) and has text right under it becomes a `##` heading; lines holding
only `%` (fortune's entry separator) become blank, and so does an indented `-- attribution` line just before
one. A bracketed remark inside a paragraph (`[check the figure]`) is not at a block's start and stays as it is;
Markdown's own bracket lines (a footnote `[^1]`, a checkbox `[ ]`, a link definition `[x]: url`) are not names,
and a file whose bracketed lines head `key = value` settings (TOML, INI), or an AsciiDoc file (block attributes
such as `[NOTE]` over a `====` block), is left as it is.
"""

from __future__ import annotations

import re

from knowledge.ingest.asciidoc import is_asciidoc

_NAME = re.compile(r"^\[(?P<name>[^\[\]^:]{2,80})\]\s*$")
_SEPARATOR = re.compile(r"^\s*(?:%{1,2}|[-=*_~#+.]{3,})\s*$")
_PERCENT = re.compile(r"^%{1,2}\s*$")
_SETTING = re.compile(r"^\s*[\w.\"'-]{1,40}\s*=")
_ATTRIBUTION = re.compile(r"^\s+--\s+\S")


def unbracket(lines: list[str]) -> list[str]:
    """Same number of lines; bracketed names as headings (see the module docstring)."""
    at = [i for i in range(len(lines)) if _names_block(lines, i)]
    if len(at) < 2 or any(_SETTING.match(lines[i + 1]) for i in at) or is_asciidoc(lines):
        return lines  # TOML or INI (`[table]` over settings) or AsciiDoc (`[NOTE]`, `[quote]` over a block)
    out = list(lines)
    for i in at:
        out[i] = f"## {_NAME.match(lines[i].strip())['name'].strip()}"  # type: ignore[index]
    # An entry's closing attribution ("\t-- tip") just before a `%` says where it goes, not what happened.
    ends = {i for i, x in enumerate(out) if _ATTRIBUTION.match(x) and (i + 1 == len(out) or _PERCENT.match(out[i + 1]))}
    return ["" if _PERCENT.match(x) or i in ends else x for i, x in enumerate(out)]


def _names_block(lines: list[str], i: int) -> bool:
    """Line i is a bracketed name at a block's start with text right under it."""
    name = _NAME.match(lines[i].strip())
    if name is None or not name["name"].strip() or lines[i].startswith((" ", "\t")):
        return False
    starts = i == 0 or not lines[i - 1].strip() or bool(_SEPARATOR.match(lines[i - 1]))
    under = i + 1 < len(lines) and bool(lines[i + 1].strip()) and _NAME.match(lines[i + 1].strip()) is None
    under = under and not _SEPARATOR.match(lines[i + 1])  # a block attribute over its delimiter, not a name
    return starts and under
