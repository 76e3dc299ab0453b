"""JSON, YAML and CSV exports (a note app's or a board's JSON, a story bank kept as YAML or a sheet saved as CSV),
read as Markdown sections.

Every object with a title-like key and a long text or STAR-named parts is a record (records.py): its heading goes
at the line its title sits on, its text after it. What a record holds deeper (comments, checklists, attachments)
is left out; lists of strings under a part's key (`"action": ["...", "..."]`) become its lines. Parsed with the
standard json module, PyYAML's safe loader (no object construction) or the csv module (a header row, then rows of
the same width: each row is a record, its columns its fields). A document that does not parse, or holds no
record, is left as it is. JSON Lines (one JSON object a line), TOML (tomllib: arrays of tables, a script's
data) and SQL dumps (sqldump.py: a table's rows) are data documents the same way.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from typing import Any

import yaml

from knowledge.ingest import sqldump
from knowledge.ingest.marks import ATX as _ATX
from knowledge.ingest.records import LONG, Record, place, record_of

_YAML_START = re.compile(r"^(?:-\s+)?[\w\"' -]{1,40}:(?:\s|$)|^-\s*$|^---\s*$")
# A TOML document opens (after its comments) with a table header or a `key = value` setting.
_TOML_START = re.compile(r"^(?:\[\[?[\w.\"' -]{1,60}\]\]?\s*(?:#.*)?|[\w.\"-]{1,40}\s*=\s*\S.*)$")
MAX_RECORDS = 2000
# Nodes looked at, at most: YAML aliases can make a small file a tree of billions of nodes (shared, not copied).
MAX_NODES = 200_000


def undata(lines: list[str]) -> list[str]:
    """The records of a JSON, YAML or CSV document as Markdown (see the module docstring); else `lines`."""
    data = _load(lines)
    records: list[Record] = []
    if data is not None:
        _walk(data, records, [MAX_NODES])
    else:
        records = _csv_records(lines)
    return place(lines, records) if records else lines


def _csv_records(lines: list[str]) -> list[Record]:
    """Rows of a comma- or semicolon-separated sheet under a header row, as records; [] when it is not one."""
    first = next((x for x in lines if x.strip()), "")
    delimiter = "," if first.count(",") >= first.count(";") else ";"
    if first.count(delimiter) < 2 or any(_ATX.match(x) for x in lines):
        return []
    rows: list[tuple[int, list[str]]] = []  # (0-based line the row starts at, cells): a cell may span lines
    try:
        reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
        start = 0
        for row in reader:
            if any(c.strip() for c in row):
                rows.append((start, row))
            start = reader.line_num
    except csv.Error:
        return []
    header = [h.strip() for h in rows[0][1]] if rows else []
    body = rows[1:]
    if not body or any(len(h) > 40 or not h for h in header):
        return []
    if sum(len(r) == len(header) for _, r in body) < 0.8 * len(body):
        return []  # prose with commas in it, not a sheet
    found = []
    for at, row in body[:MAX_RECORDS]:
        record = record_of(zip(header, row, strict=False)) or _untitled_row(header, row)
        if record is not None:
            record.line = at
            found.append(record)
    return found


# A cell that can name its row: a few words with letters, on one line (not a date, a code or a time).
_NAMING_CELL = re.compile(r"^(?=[^\n]{4,100}$)(?=.*[A-Za-z]{3})\S+(?:\s+\S+){1,14}$")


def _untitled_row(header: list[str], row: list[str]) -> Record | None:
    """A row of a sheet with no title column whose long free-text cell tells something (a logbook's remarks, a
    register's notes): named by its first short cell of words, the record record_of makes with that as its title."""
    if not any(len(cell.strip()) >= LONG for cell in row):
        return None
    name = next((k for k, cell in enumerate(row) if _NAMING_CELL.match(cell.strip())), None)
    if name is None:
        return None
    pairs = [("title" if k == name else key, cell) for k, (key, cell) in enumerate(zip(header, row, strict=False))]
    return record_of(pairs)


def _load(lines: list[str]) -> Any:
    """The parsed document when it is a JSON or YAML object or list, else None."""
    first = next((x.strip() for x in lines if x.strip()), "")
    text = "\n".join(lines)
    tables = sqldump.rows(lines)
    if tables is not None:
        return tables
    if first.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            data = _json_lines(lines)
        if isinstance(data, dict | list):
            return data
    if _TOML_START.match(_first_setting(lines)):
        try:
            return tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            pass  # Markdown or prose that opens like a table header: not TOML
    if not _YAML_START.match(first) or any(_ATX.match(x) for x in lines):
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except (yaml.YAMLError, RecursionError):
        return None
    return data if isinstance(data, dict | list) else None


def _json_lines(lines: list[str]) -> list[Any] | None:
    """A JSON Lines document (every non-blank line a JSON object) as a list, else None."""
    rows: list[Any] = []
    for line in lines:
        if not line.strip():
            continue
        if not line.lstrip().startswith("{"):
            return None
        try:
            rows.append(json.loads(line))
        except (ValueError, RecursionError):
            return None
    return rows if len(rows) >= 2 else None


def _first_setting(lines: list[str]) -> str:
    """The first line that is neither blank nor a `#` comment."""
    return next((x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")), "")


def _walk(node: Any, records: list[Record], budget: list[int], depth: int = 0) -> None:
    """Records in document order; a record's own nested data is not searched for more. `budget` counts down
    the nodes still to look at."""
    budget[0] -= 1
    if len(records) >= MAX_RECORDS or budget[0] <= 0 or depth > 100:
        return
    if isinstance(node, dict):
        pairs = [(str(k), _text(v)) for k, v in node.items() if _text(v)]
        record = record_of(pairs)
        if record is not None:
            records.append(record)
            return
        for value in node.values():
            _walk(value, records, budget, depth + 1)
    elif isinstance(node, list):
        for value in node:
            _walk(value, records, budget, depth + 1)


def _text(value: Any) -> str:
    """A field's text: a string or a number as written, a list of strings as lines; "" for anything nested."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    return ""
