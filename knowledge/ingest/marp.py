"""Marp slide decks (Markdown with `marp: true` front matter): the presenter notes are the candidate's text.

A deck's slides show a title and a few bullets; what the speaker says is in HTML comments, which a Markdown reader
hides. In a deck, a comment that holds prose is unwrapped (its delimiters blanked, its lines kept); directive
comments (`<!-- _class: lead -->`, `<!-- paginate: false -->`) are blanked; the title of a slide that goes on
with the one before (`### …how we knew it worked`, `## Results (cont.)`) becomes a line of it. Line for line:
the number of lines never changes. Other documents are left as they are.
"""

from __future__ import annotations

import re

_DIRECTIVE = re.compile(r"^\s*_?[\w-]+\s*:\s*\S{0,40}\s*$")
_FRONT_MARP = re.compile(r"^\s*marp\s*:\s*true\s*$", re.IGNORECASE)
# A slide that goes on with the slide before ("### …how we knew it worked", "## Results (cont.)"): its title is a
# line of the same story, not a section of its own.
_GOES_ON = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>(?:…|\.\.\.).+|.+\((?:cont\.?|continued)\)\s*)$", re.IGNORECASE)


def is_deck(lines: list[str]) -> bool:
    """Front matter that says `marp: true`."""
    if not lines or lines[0].strip() != "---":
        return False
    for line in lines[1:60]:
        if line.strip() in ("---", "..."):
            return False
        if _FRONT_MARP.match(line):
            return True
    return False


def unmarp(lines: list[str]) -> list[str]:
    """Same number of lines; presenter notes unwrapped, directives blanked (see the module docstring)."""
    if not is_deck(lines):
        return lines
    out: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if not inside and stripped.startswith("<!--"):
            body = stripped[4:]
            if body.rstrip().endswith("-->"):  # one-line comment
                inner = body.rstrip()[:-3].strip()
                out.append("" if not inner or _DIRECTIVE.match(inner) else inner)
                continue
            inside = True
            out.append(body.strip())
            continue
        if inside and stripped.endswith("-->"):
            inside = False
            out.append(stripped[:-3].strip())
            continue
        goes_on = _GOES_ON.match(line)
        out.append(goes_on.group("title").strip() if goes_on else line)
    return out
