"""The plain output of `gh issue view N --comments` (one issue, or many concatenated by a shell loop), read as a
section per issue titled by its `title:` field.

gh prints an issue as tab-separated fields (`title:`, `state:`, `author:`, `labels:` … `number:`), a `--` line and
the Markdown body, then each comment as its own fields (`author:`, `association:`, `edited:`, `status:`), `--`, the
comment's text and `--`. Read as Markdown, the fields run into the body and a loop's echoed `# ---- gh issue view 3
----` line titles everything. Here the issue's title becomes a heading (a `story:` prefix, the repository's own
sorting word, dropped), the fields, the `--` lines and the echo lines are blanked, and each comment becomes a section
of its own titled as a reply ("Re: <issue title>"), so a reviewer's feedback never joins the story it comments on.
The number of lines never changes.
"""

from __future__ import annotations

import re

_FIELD = re.compile(r"^(?P<key>[a-z]+):(?:\t| +|$)(?P<value>.*?)\s*$")
_ISSUE_KEYS = {"title", "state", "author", "labels", "comments", "assignees", "projects", "milestone", "number", "url"}
_COMMENT_KEYS = {"author", "association", "edited", "status"}
_SEPARATOR = re.compile(r"^--\s*$")
_ECHO = re.compile(r"^#+\s*-{2,}\s*gh issue view\b.*$", re.IGNORECASE)
_STATE = re.compile(r"^state:\s+(?:OPEN|CLOSED|MERGED)\s*$")
_SORTING_PREFIX = re.compile(r"^story\s*:\s*(?=\S)", re.IGNORECASE)


def is_issue_dump(lines: list[str]) -> bool:
    """Text printed by `gh issue view`: a `title:` field followed by a `state:` field, at least once."""
    return any(
        lines[i].startswith("title:") and _STATE.match(lines[i + 1]) for i in range(len(lines) - 1)
    )


def unissue(lines: list[str]) -> list[str]:
    """Same number of lines; each issue a `#` section titled by its title, each comment a reply section."""
    if not is_issue_dump(lines):
        return lines
    out = list(lines)
    title = ""
    i = 0
    while i < len(lines):
        if _ECHO.match(lines[i]):
            out[i] = ""
            i += 1
            continue
        block = _fields(lines, i)
        if block is None:
            i += 1
            continue
        end, fields = block
        if "title" in fields and "state" in fields:
            title = fields["title"]
            heading = _SORTING_PREFIX.sub("", title)
        elif set(fields) <= _COMMENT_KEYS and "author" in fields and title:
            heading = f"Re: {title} (comment by {fields['author']})"
        else:
            i += 1
            continue
        for j in range(i, end + 1):
            out[j] = ""
        out[i] = f"# {heading}"
        i = end + 1
        if fields.keys() <= _COMMENT_KEYS:  # a comment's text ends at its own closing `--`
            while i < len(lines) and not _SEPARATOR.match(lines[i]) and not _ECHO.match(lines[i]):
                i += 1
            if i < len(lines) and _SEPARATOR.match(lines[i]):
                out[i] = ""
                i += 1
    return out


def _fields(lines: list[str], start: int) -> tuple[int, dict[str, str]] | None:
    """The field block starting on line `start` (issue or comment fields, then a `--` line): the index of its
    `--` line and its fields; None when no such block starts there."""
    fields: dict[str, str] = {}
    i = start
    while i < len(lines) and (field := _FIELD.match(lines[i])) is not None:
        if field["key"] not in _ISSUE_KEYS | _COMMENT_KEYS:
            return None
        fields[field["key"]] = field["value"]
        i += 1
    if len(fields) < 2 or i >= len(lines) or not _SEPARATOR.match(lines[i]):
        return None
    return i, fields
