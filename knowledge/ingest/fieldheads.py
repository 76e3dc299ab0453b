"""A record opened by a line of fields (`KEY: value | KEY: value | ...`), the same keys in the same order on every
record: a newsroom's slug line, a tracker's row header. The line names the record, so it becomes a heading titled
by its first field's value; the other fields stay out of the title (they are metadata: who, how long, what state).
Two such lines at least with the same keys, or none is changed; only in plain text (under a Markdown heading the
line is that heading's metadata: "Owner: me · Date: ..."). The number of lines never changes.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.ingest.marks import ATX as _ATX

_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>[^|]*?)\s*$")
_SEPARATORS = re.compile(r"\s+(?:\||//|·)\s+")
_MIN_FIELDS = 3
_MIN_RECORDS = 2
_HEADER_LINES = 4
_RULE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")


def _keys_and_title(line: str) -> tuple[tuple[str, ...], str] | None:
    """The keys of a field line and its first field's value; None for any other line."""
    if line.lstrip().startswith(("#", "|", ">")):
        return None
    parts = _SEPARATORS.split(line.strip())
    if len(parts) < _MIN_FIELDS:
        return None
    fields = [_FIELD.match(p) for p in parts]
    if any(f is None or not f["value"] for f in fields):
        return None
    return tuple(f["key"].strip().lower() for f in fields if f), fields[0]["value"] if fields[0] else ""


def unfield(lines: list[str]) -> list[str]:
    """Same number of lines; each recurring field line as a `## <first value>` heading."""
    if any(_ATX.match(line) for line in lines):
        return lines  # under headings, a line of fields is the metadata of the heading above it
    found = {i: kt for i, line in enumerate(lines) if len(line) < 400 and (kt := _keys_and_title(line))}
    if len(found) < _MIN_RECORDS:
        return lines
    layouts = Counter(keys for keys, _ in found.values())
    out = list(lines)
    for i, (keys, title) in found.items():
        if layouts[keys] < _MIN_RECORDS:
            continue
        out[i] = f"## {title}"
        # the rule closing the record's header box: under the header's other field lines it would underline them
        # as a setext heading of their own
        for j in range(i + 1, min(i + 1 + _HEADER_LINES, len(lines))):
            if _RULE.match(lines[j]):
                out[j] = ""
                break
            if not lines[j].strip():
                break
    return out
