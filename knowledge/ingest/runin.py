"""Plain-text paragraphs that open with their title run in, in capitals: `LATE INVOICES - S/ billing kept slipping ...`.

A cheat sheet typed in a plain editor often keeps one paragraph (one long line) per story, its name in capitals at
the start and set off by a dash or colon. When the document has no Markdown headings, such a paragraph's name is
written as a heading on the blank line above it and taken off the paragraph, so the name titles the text after it.
Two or more long paragraphs (stories) so named make it the document's layout; then its shorter paragraphs of the
same shape (`FIGURES - 40 stores`) are sections too, and do not run on into the story above them.
A paragraph that opens with its name in bold closed by a full stop (`**Kiosk printers.** Our depots ...`) is titled the
same way in a document without headings, when the name is not a STAR label (`**Context.**` stays a label). Under
headings such a bold opening is a lead-in of a titled section ("**Short version.** ...", "**Background.** ...").
The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.marks import ATX

_RUN_IN = re.compile(r"^(?P<name>[A-Z0-9][^\s].{1,58}?)\s+[-–—:]\s+(?P<rest>\S.*)$")
_MIN_TEXT = 200  # characters after the name: a paragraph that tells something
_LAYOUT = 2  # long paragraphs so named before the document's layout is taken to be this one
_MAX_WORDS = 8
_CAPITALS = 0.8  # share of the name's letters in capitals ("ABOUT ME / WHY DATA")


def unrun(lines: list[str]) -> list[str]:
    """Same number of lines; run-in capitalised names as headings above their paragraphs."""
    if any(ATX.match(x) for x in lines):
        return lines
    named = [
        (i, m)
        for i in range(1, len(lines))
        if (m := _RUN_IN.match(lines[i])) and not lines[i - 1].strip() and _capitalised(m["name"])
    ]
    if sum(1 for _, m in named if len(m["rest"]) >= _MIN_TEXT) < _LAYOUT:
        return lines
    out = list(lines)
    for i, m in named:  # the document's layout: its shorter paragraphs of the same shape are sections too
        out[i - 1] = f"## {m['name'].strip()}"
        out[i] = m["rest"]
    return out


# "**Name.** text": a bold name closing with a full stop. "**Name:** text" and "**Name** - text" are left alone: a
# lead-in ("**How it started:** ...") or a label ("**My part** - ...") of the section they sit in.
_BOLD_RUN_IN = re.compile(r"^\s{0,3}(?:\*\*|__)(?P<name>[^*_\n]{3,80}?)\.\s*(?:\*\*|__)\s+(?P<rest>\S.*)$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")


def unbold(lines: list[str]) -> list[str]:
    """Same number of lines; paragraphs run in under a bold name (module docstring) get it as a heading above (on
    a document's first line, the heading takes that line and the text after the name joins the next one)."""
    named = []
    for i, line in enumerate(lines):
        m = _BOLD_RUN_IN.match(line)
        if m is None or (i and lines[i - 1].strip()) or len(m["name"].split()) > 2 * _MAX_WORDS:
            continue  # inside a paragraph, or a bold sentence rather than a name
        label = parse_label(f"**{m['name'].strip()}:** x")
        if label is not None and label.canon != "other":
            continue  # "**Context.** ...": a STAR part of the story above, not a story's name
        end = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        if (i or end > 1) and len(" ".join([m["rest"], *lines[i + 1 : end]])) >= _MIN_TEXT:
            named.append((i, m))
    headed = any(ATX.match(x) or (k and lines[k - 1].strip() and _SETEXT.match(x)) for k, x in enumerate(lines))
    if not named or headed:
        return lines  # under headings, a bold opening is a lead-in ("**Background.** ...") of a titled section
    out = list(lines)
    for i, m in named:
        heading = f"## {m['name'].strip()}"
        if i:
            out[i - 1], out[i] = heading, m["rest"]
        else:
            out[0], out[1] = heading, f"{m['rest']} {lines[1].strip()}"
    return out


def _capitalised(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) > _MAX_WORDS or len(letters) < 2:
        return False
    return sum(c.isupper() for c in letters) >= _CAPITALS * len(letters)
