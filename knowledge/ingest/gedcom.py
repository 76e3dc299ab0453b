"""GEDCOM exports (a family-tree program's `.ged` file): every person or note record with notes becomes a section.

A GEDCOM file is lines of `<level> [@ID@] <TAG> [value]`: `0 @I12@ INDI` opens a person, `1 NAME Given /Surname/`
names it, `1 NOTE text` holds free text continued on `2 CONC` lines (joined as written) and `2 CONT` lines (a new
line); `1 NOTE @N3@` points to a shared `0 @N3@ NOTE text` record further down. A person with a note becomes a
`## Given Surname` heading on its NAME line, its notes (the shared ones it points to too) the text under it; a
note record no one points to becomes a section of its own. The header, families and sources are left out.
"""

from __future__ import annotations

import re

from knowledge.ingest.records import Record, place

_LINE = re.compile(
    r"^\s*(?P<level>\d{1,2})\s+(?:(?P<id>@[^@\s]{1,40}@)\s+)?(?P<tag>[A-Za-z_][A-Za-z0-9_]{0,30})(?: (?P<value>.*))?$"
)
_POINTER = re.compile(r"^@[^@\s]{1,40}@$")
_MIN_SHARE = 0.9  # of the non-blank lines in GEDCOM's shape


def is_gedcom(lines: list[str]) -> bool:
    """The document opens with `0 HEAD` and its lines are GEDCOM lines."""
    first = next((x.strip() for x in lines if x.strip()), "")
    if first != "0 HEAD":
        return False
    filled = [x for x in lines if x.strip()]
    return sum(1 for x in filled if _LINE.match(x)) >= _MIN_SHARE * len(filled)


def ungedcom(lines: list[str]) -> list[str]:
    """Same number of lines (more when a note must be placed at the end); see the module docstring."""
    if not is_gedcom(lines):
        return lines
    people: list[tuple[str, int, list[list[str] | str]]] = []  # (name, 0-based NAME line, notes: chunks or a pointer)
    shared: dict[str, tuple[int, list[str]]] = {}  # a note record's id -> (its line, its chunks)
    kind, name, at = "", "", -1
    notes: list[list[str] | str] = []
    note: list[str] | None = None  # the note being read, as chunks
    note_level = 0
    for i, raw in enumerate(lines):
        m = _LINE.match(raw.rstrip("\r\n"))
        if m is None:
            continue
        level, tag, value = int(m["level"]), m["tag"].upper(), m["value"] or ""
        if note is not None and level == note_level + 1 and tag in ("CONC", "CONT"):
            note.append(value if tag == "CONC" else "\n" + value)  # CONC joins as written, CONT opens a line
            continue
        note = None
        if level == 0:
            if kind == "INDI" and name and notes:
                people.append((name, at, notes))
            kind, name, at, notes = tag, "", i, []
            if tag == "NOTE" and m["id"]:
                note, note_level = [value], 0
                shared[m["id"]] = (i, note)
        elif kind == "INDI" and level == 1 and tag == "NAME" and not name:
            name, at = " ".join(value.replace("/", " ").split()), i
        elif kind == "INDI" and tag == "NOTE":
            if _POINTER.match(value.strip()):
                notes.append(value.strip())
            else:
                note, note_level = [value], level
                notes.append(note)
    if kind == "INDI" and name and notes:
        people.append((name, at, notes))
    pointed = {p for _, _, parts in people for p in parts if isinstance(p, str)}
    records: list[Record] = []
    for person, line, parts in people:
        body = ["".join(p) if isinstance(p, list) else "".join(shared.get(p, (0, []))[1]) for p in parts]
        text = "\n\n".join(b.strip() for b in body if b.strip())
        if text:
            records.append(Record(person, [("text", text)], line))
    for nid, (line, chunks) in shared.items():
        text = "".join(chunks).strip()
        if nid not in pointed and text:
            # titled by what it opens with ("questions for them: ..."), else "Note"
            head = text.split(":", 1)[0] if ":" in text[:60] else "Note"
            records.append(Record(" ".join(head.split()), [("text", text)], line))
    records.sort(key=lambda r: r.line or 0)
    return place(lines, records) if records else lines
