"""A filled-in prep worksheet (a careers service's STAR template): each field label carries the form's own prompt
in brackets, `SITUATION (Where were you ...` / `... and when?):`, and each story opens with a
`STORY TITLE (a name to remember it by): X` field.

The prompts are the form's words, not the candidate's: a label loses its prompt (`SITUATION:`), a prompt that runs
on to the next lines leaves them blank, and the title field becomes a `Story: X` line (a form's blank title,
`____`, stays blank, as does any field left `____`), so every filled-in copy reads as a titled, labelled story.
The number of lines never changes.
"""

from __future__ import annotations

import re

# A field label in capitals (or Title Case) then its prompt in brackets, which may close a line or two further on.
_FIELD = re.compile(
    r"^[ \t]{0,8}(?P<key>[A-Z][A-Za-z /&#-]{0,50}?(?:\(S\)[A-Za-z /&#-]{0,30}?)?)[ \t]{0,4}\((?P<prompt>.*)$"
)
_MAX_LINE = 400  # a form's field label with its prompt is a short line; longer lines are never matched
_CLOSE = re.compile(r"^(?P<prompt>[^()]*)\)\s*:\s*(?P<rest>.*)$")
_TITLE_KEY = re.compile(r"^(?:story\s+)?(?:title|name)(?:\s+of\s+(?:the\s+)?story)?$", re.IGNORECASE)
_BLANK_FILL = re.compile(r"^[\s_.…-]*$")
_COUNTER = re.compile(r"^\s*[A-Za-z ]{1,20}(?:#|no\.?|number)\s*:\s*\d{0,3}\s*$", re.IGNORECASE)
_MAX_PROMPT_LINES = 3
_PLAIN_FIELD = re.compile(r"^\s*[A-Z][A-Z ()/#&-]{1,30}:(?P<rest>.*)$")
MIN_FIELDS = 3  # fewer prompted labels are a bracket in a sentence, not a form


def unform(lines: list[str]) -> list[str]:
    """Same number of lines; prompts dropped from field labels, title fields made `Story: X` lines."""
    found = _fields(lines)
    if len(found) < MIN_FIELDS:
        return lines
    out = list(lines)
    for start, end, key, rest in found:
        for j in range(start + 1, end + 1):
            out[j] = ""
        if _TITLE_KEY.match(key.strip()):
            out[start] = "" if _BLANK_FILL.match(rest) else f"Story: {rest.strip()}"
            if start and _COUNTER.match(out[start - 1]):
                out[start - 1] = ""  # "STORY #: 3" numbers the copy; the title names it
        else:
            out[start] = "" if rest.strip() and _BLANK_FILL.match(rest) else f"{key.strip()}: {rest}".rstrip()
    for i, line in enumerate(out):
        field = _PLAIN_FIELD.match(line) if len(line) <= _MAX_LINE else None
        if field and _BLANK_FILL.match(field.group("rest")) and "_" in field.group("rest"):
            out[i] = ""  # "COMPETENCY: ______": a field left blank
    return out


def _fields(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """(first line, last line, label, text after the prompt) of every prompted field label."""
    found = []
    for i, line in enumerate(lines):
        head = _FIELD.match(line) if len(line) <= _MAX_LINE and "(" in line else None
        if head is None or len(head.group("key").split()) > 6:
            continue
        for j in range(i, min(i + _MAX_PROMPT_LINES, len(lines))):
            text = head.group("prompt") if j == i else lines[j]
            if j > i and not text.strip():
                break
            close = _CLOSE.match(text) if len(text) <= _MAX_LINE else None
            if close:
                found.append((i, j, head.group("key"), close.group("rest")))
                break
    return found
