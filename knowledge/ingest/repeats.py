"""A document that is one text written out several times over (a file joined to itself: `cat a.md a.md`, a note
synced twice into one file) is read once: every story in it was otherwise indexed once per copy (sweep 39 N14)."""

from __future__ import annotations


def first_copy(text: str) -> str:
    """The text up to where its second copy starts, when its non-blank lines (spaces around them ignored) are one
    run of lines repeated whole; else the text as it is. Line numbers of the first copy are kept."""
    lines = text.split("\n")
    content = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2 or any("\x00" in line for _, line in content):
        return text
    keys = "\x00".join(line for _, line in content) + "\x00"
    # the shortest rotation that gives the text back is its period (whole lines: every key ends with \x00)
    period = (keys + keys).find(keys, 1)
    if period >= len(keys):
        return text
    return "\n".join(lines[: content[keys[:period].count("\x00")][0]])
