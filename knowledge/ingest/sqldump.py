"""SQL dumps (`sqlite3 app.db .dump`, a practice app's backup) read as data: each table a list of rows.

A dump is a script of `CREATE TABLE` and `INSERT INTO` statements; the rows it inserts are the records a notes
app kept (a `story` table with a title and a body). The script is run statement by statement in a private
in-memory SQLite database that can touch nothing else: ATTACH (the one way a script reaches a file) is refused by
the authorizer and by a zero attach limit, only table, index, insert/update/delete, read and transaction steps
are allowed, strings are capped, and a progress handler stops a statement that runs too long (a recursive CTE).
A statement SQLite cannot run (another database's dialect, a view, a trigger) is skipped; the rows of the tables
that loaded are what the dump holds. `rows()` gives {table: [row as {column: value}]} or None when the text is
not a dump or loads no row.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

# A dump opens (after `--` comments) with a pragma, a transaction or a table; it must also insert something.
_START = re.compile(r"^(?:PRAGMA\s|BEGIN(?:\s+TRANSACTION)?\s*;|CREATE\s+TABLE\s|SET\s+\w+\s*=)", re.IGNORECASE)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s", re.IGNORECASE | re.MULTILINE)
MAX_ROWS = 5000
MAX_STEPS = 20_000_000  # SQLite VM steps for the whole dump; one INSERT takes tens to hundreds
_ALLOWED = {
    sqlite3.SQLITE_CREATE_TABLE, sqlite3.SQLITE_CREATE_INDEX, sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE,
    sqlite3.SQLITE_DELETE, sqlite3.SQLITE_READ, sqlite3.SQLITE_SELECT, sqlite3.SQLITE_FUNCTION,
    sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_ALTER_TABLE, sqlite3.SQLITE_DROP_TABLE, sqlite3.SQLITE_DROP_INDEX,
}


def is_dump(lines: list[str]) -> bool:
    """The text opens like a SQL dump and inserts rows."""
    first = next((x.strip() for x in lines if x.strip() and not x.lstrip().startswith("--")), "")
    return bool(_START.match(first)) and _INSERT.search("\n".join(lines)) is not None


def rows(lines: list[str]) -> dict[str, list[dict[str, Any]]] | None:
    """Every table's rows in insertion order, or None when the text is not a dump or no row loads."""
    if not is_dump(lines):
        return None
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _confine(db)
        for statement in _statements(lines):
            try:
                db.execute(statement)
            except (sqlite3.Error, sqlite3.Warning, OverflowError, ValueError):
                continue  # another dialect's statement, or one refused: the rest of the dump still loads
        db.set_authorizer(None)
        db.set_progress_handler(None, 0)
        found: dict[str, list[dict[str, Any]]] = {}
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}" LIMIT {MAX_ROWS}')
            names = [d[0] for d in cursor.description]
            found[table] = [dict(zip(names, row, strict=True)) for row in cursor]
        return found if any(found.values()) else None
    finally:
        db.close()


def _confine(db: sqlite3.Connection) -> None:
    """No file reached, no unlimited string, no endless statement."""
    db.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1_000_000)
    db.set_authorizer(lambda action, *_: sqlite3.SQLITE_OK if action in _ALLOWED else sqlite3.SQLITE_DENY)
    steps = [0]

    def _progress() -> int:
        steps[0] += 1000
        return 1 if steps[0] > MAX_STEPS else 0

    db.set_progress_handler(_progress, 1000)


def _statements(lines: list[str]) -> list[str]:
    """The dump's complete statements, in order (a string may span lines)."""
    out: list[str] = []
    pending = ""
    for line in lines:
        pending += line + "\n"
        if sqlite3.complete_statement(pending):
            out.append(pending)
            pending = ""
    return out
