"""Records kept in another trade's template: a title line, then `Key: value` field lines, one of which carries the
story while the others are the template's metadata.

    JOB 12  THE LEAKING VALVE - boiler room, level 2
    Ticket: 4471
    Priority: high
    Engineer's write-up: the pump had tripped twice that week and I ...
    (more lines of the write-up)

An inventory, a field log, a service docket or a specimen register files a case this way. Read as it stands, the
title line is a plain paragraph (the record joins the one above it), and the short fields (an estimate, a place, a
date, a category) outweigh or rename the case. A record here is a title line (a heading, or a short line that is not
a sentence) with three field lines or more under it (a blank line or two between them allowed), and the same first
key in two records at least (one template). Its story field is its longest field (with the lines wrapped under it),
when that holds 300 characters or more; then the title line becomes a heading, the other fields are blanked and the
story field loses its key, so the record reads as a titled story. A record whose longest field is short is no story
and is left as it is. A record told in STAR labels (`Situation:`, `Action:` ...) is a story already and is left
alone. A title that is only the template's kind and number (`ITEM No. 7`) is named by a name in quotes in one of
its fields (`Common name: "the slow pump"`). The number of lines never changes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from knowledge.ingest.labels import parse_label
from knowledge.ingest.marks import ATX

_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z0-9 '’()&/-]{0,28}?\.?)\s*:\s+(?P<value>\S.*)$")
_RULE = re.compile(r"^\s*([=*#~_-])\1{2,}\s*$")
_SERIES_ONLY = re.compile(r"^(?:[A-Za-z]+\.?\s+){1,2}(?:No\.?\s*|#\s*)?[A-Za-z]{0,3}[-.]?\d[\w.-]{0,8}$")
# a form's header padded into columns (`FROM:     me`) or a key alone over indented text (`PROGRESS:`): not this
_PADDED = re.compile(r"^[^:]{1,30}:\s{2,}\S")
_BARE_KEY = re.compile(r"^\s*[A-Z][A-Za-z0-9 &'’/()-]{0,30}:\s*$")
_COLUMNS = re.compile(r"^\S.{0,30}?\S\s{3,}\S")
_QUOTED = re.compile(r"[\"“](?P<name>[^\"”]{3,60})[\"”]")
_STAR = frozenset({"situation", "task", "action", "result", "answer"})
_MIN_FIELDS = 3
_MIN_RECORDS = 2
_STORY_CHARS = 300
_TITLE_CHARS = 120
_GAP = 2  # blank lines allowed between a title line and its first field


@dataclass
class _Record:
    title: int
    fields: list[tuple[int, int, str, int]] = field(default_factory=list)  # (first line, end, key, characters)


def unrecord(lines: list[str]) -> list[str]:
    """Same number of lines; each record whose story sits in one field as a heading over that field's text."""
    if sum(1 for line in lines if _FIELD.match(line)) < _MIN_FIELDS * _MIN_RECORDS:
        return lines
    records = [r for i in range(len(lines)) if (r := _record_at(lines, i))]
    keys = Counter(lines[r.fields[0][0]].split(":", 1)[0].strip().lower() for r in records)
    out = list(lines)
    heading_level = {i: len(m.group(1)) for i, x in enumerate(lines) if (m := ATX.match(x))}
    titles = {r.title for r in records}
    for rec in records:
        first = lines[rec.fields[0][0]].split(":", 1)[0].strip().lower()
        if keys[first] < _MIN_RECORDS:
            continue
        story = max(rec.fields, key=lambda f: f[3])
        if story[3] < _STORY_CHARS:
            continue
        above = (k for k in range(rec.title - 1, -1, -1) if k in heading_level and k not in titles)
        level = heading_level.get(next(above, -1), 1)
        title = lines[rec.title].strip()
        if rec.title in heading_level:
            marks, title = title.split(None, 1)[0], title.split(None, 1)[1] if " " in title else ""
        else:
            marks = "#" * min(level + 1, 6)
        if _SERIES_ONLY.match(title.strip()):
            named = next((m["name"] for f in rec.fields for m in [_QUOTED.search(lines[f[0]])] if m), None)
            title = f"{title.strip()} — {named}" if named else title
        out[rec.title] = f"{marks} {title.strip()}"
        for start, end, _key, _chars in rec.fields:
            if (start, end) == story[:2]:
                out[start] = _FIELD.match(lines[start])["value"]  # type: ignore[index]
            else:
                for j in range(start, end):
                    out[j] = ""
    return out


def _record_at(lines: list[str], i: int) -> _Record | None:
    """The record whose title line is line i, or None."""
    line = lines[i].strip()
    if not line or _FIELD.match(line) or _RULE.match(line) or len(line) > _TITLE_CHARS:
        return None
    if not ATX.match(line) and (line.endswith((".", "?", "!", ",", ";")) or line.startswith(("-", "*", ">", "|"))):
        return None
    j = i + 1
    while j < len(lines) and j <= i + _GAP and not lines[j].strip():
        j += 1
    rec = _Record(i)
    while j < len(lines) and (m := _FIELD.match(lines[j])):
        label = parse_label(lines[j])
        if (label is not None and label.canon in _STAR) or _PADDED.match(lines[j]):
            return None
        end = j + 1
        while end < len(lines) and _continues(lines[end]):
            end += 1
        chars = len(m["value"]) + sum(len(lines[k].strip()) for k in range(j + 1, end))
        rec.fields.append((j, end, m["key"], chars))
        j = end
    return rec if len(rec.fields) >= _MIN_FIELDS else None


def _continues(line: str) -> bool:
    """A line wrapped under a field's value: flush text that opens no field, rule, heading or column."""
    return bool(line.strip()) and not line[0].isspace() and not any(
        p.match(line) for p in (_FIELD, _RULE, ATX, _BARE_KEY, _COLUMNS))
