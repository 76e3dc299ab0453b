"""A patch of a notes file (`git format-patch`, `git diff`, `diff -u` output) read as the notes it leaves behind.

Candidates mail a reviewer their edits as a patch, and keep the patch. Read as Markdown, its mail header and commit
message title the first story, its `+## ` lines are not headings, and a story's old and new versions sit one after
the other. Here every hunk line is read as the file reads after the change: an added (`+`) or unchanged (` `) line
loses its one-character prefix, a removed (`-`) line is blanked; the mail header, the commit message, the
diffstat, the `diff` / `index` / `---` / `+++` / `@@` lines and the closing signature are blanked too. Text that is
not a patch is returned unchanged. The number of lines never changes.
"""

from __future__ import annotations

import re

_NEW_FILE = re.compile(r"^\+\+\+ \S")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
_SIGNATURE = re.compile(r"^-- ?$")


def is_patch(lines: list[str]) -> bool:
    """A unified diff: a `--- old` line, a `+++ new` line right under it, and a hunk header under that."""
    return any(
        lines[i].startswith("--- ") and _NEW_FILE.match(lines[i + 1]) and _HUNK.match(lines[i + 2])
        for i in range(len(lines) - 2)
    )


def unpatch(lines: list[str]) -> list[str]:
    """Same number of lines; the text each hunk leaves in the file, everything else blank."""
    if not is_patch(lines):
        return lines
    out = [""] * len(lines)
    i = 0
    while i < len(lines):
        hunk = _HUNK.match(lines[i])
        if hunk is None:
            i += 1
            continue
        # a hunk holds exactly `count` lines of the new file (added or unchanged), plus the removed ones
        left = int(hunk["count"]) if hunk["count"] is not None else 1
        i += 1
        while i < len(lines) and left > 0 and not _HUNK.match(lines[i]):
            line = lines[i]
            if line.startswith(("+", " ")) or not line:
                out[i] = line[1:]
                left -= 1
            elif not line.startswith(("-", "\\")):
                break  # not a hunk line: the hunk was shorter than it said
            i += 1
        while i < len(lines) and lines[i].startswith(("-", "\\")) and not _SIGNATURE.match(lines[i]):
            i += 1  # removed lines closing the hunk
    return out
