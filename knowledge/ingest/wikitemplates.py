"""MediaWiki template calls that open a story (`{{Case|title=The outage|area=...}}`) read as the headings a wiki's
template renders them as.

A personal wiki page keeps each entry behind a call of one template whose parameters name it: `title=...` (or
`name=` / `heading=`), else a first positional parameter (`{{Case|The outage}}`). To a Markdown reader the call
is a line of braces over the entry's text, so the entry went to the section heading above it, or to nothing. A call
on a line of its own, of a template called that way at least twice in the document, becomes a heading one level
below the last heading above it, named by its title; its other parameters are markup. Calls inside a line and
one-off calls (`{{DISPLAYTITLE:...}}`, `{{Stub|...}}`) are left alone. The page's own `== Section ==` headings
are made Markdown headings first so the levels hold. The number of lines never changes.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.ingest.marks import ATX

_CALL = re.compile(r"^\s*\{\{\s*(?P<name>[A-Za-z][\w -]{0,40}?)\s*\|(?P<params>[^{}]*)\}\}\s*$")
_NAMED = re.compile(r"^\s*(?:title|name|heading)\s*=\s*(?P<value>.+?)\s*$", re.IGNORECASE)
_WIKI_HEADING = re.compile(r"^(?P<marks>={1,6})\s*(?P<text>[^=\s].*?)\s*(?P=marks)\s*$")


def untemplate(lines: list[str]) -> list[str]:
    """Same number of lines; a repeated template's calls as headings titled by their title parameter."""
    calls = {i: m for i, line in enumerate(lines) if "{{" in line and (m := _CALL.match(line)) is not None}
    names = Counter(m["name"].strip().lower() for m in calls.values())
    opening = {i: title for i, m in calls.items() if names[m["name"].strip().lower()] >= 2 and (title := _title(m))}
    if not opening:
        return lines
    out = list(lines)
    level = 0
    for i, line in enumerate(lines):
        if (wiki := _WIKI_HEADING.match(line)) is not None:
            level = len(wiki["marks"])
            out[i] = f"{'#' * level} {wiki['text']}"
        elif (atx := ATX.match(line)) is not None:
            level = len(atx.group(1))
        elif i in opening:
            out[i] = f"{'#' * min(level + 1, 6)} {opening[i]}"
    return out


def _title(call: re.Match[str]) -> str:
    """The call's title parameter, else its first positional one; "" when it names nothing."""
    params = call["params"].split("|")
    for param in params:
        if (named := _NAMED.match(param)) is not None:
            return named["value"]
    positional = next((p.strip() for p in params if "=" not in p and p.strip()), "")
    return positional if re.search(r"[^\W\d_]", positional) else ""
