"""A cache of per-document ingest results, so re-opening unchanged prep documents skips parsing.

Keyed by the document's bytes, the name it is shown under, a digest of the ingest code itself and the installed
versions of the libraries the readers parse with: an edited document, a new version of the parser or an upgraded
(or newly installed) reader library misses the cache; nothing is ever stale. A document whose reading failed
(a reader library missing, an unexpected error) is not remembered, so the next run reads it again.

One SQLite file in the data dir (ingest-cache/results.sqlite) holds every entry as plain JSON (never pickle), so a
folder of 10,000 notes costs one open file and one transaction per run, not a file and a directory scan per
document. Entries unused for the longest time go first once there are more than MAX_ENTRIES. A cache that cannot
be read or written only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import time
from functools import cache
from importlib import metadata
from pathlib import Path

from pydantic import ValidationError

from knowledge.ingest.result import IngestResult

MAX_ENTRIES = 200_000  # documents remembered (about 1-2 KB each); the least recently used go first
# The ingest package and the knowledge modules it calls (metrics, number words, competencies, models): any edit
# there may change what a document yields, so it changes every key.
_CODE = [Path(__file__).parent, Path(__file__).parents[1]]
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, used REAL NOT NULL, result TEXT NOT NULL)"


# Distributions the readers parse with (pyproject.toml): a new version may read the same bytes differently.
READER_LIBRARIES = ("markdown-it-py", "ftfy", "docutils", "defusedxml", "pyyaml", "pydantic", "openpyxl", "pypdf",
                    "python-pptx")


@cache
def _code_digest() -> str:
    """A digest of the code that turns a document into stories and questions, and of the reader libraries'
    installed versions ("absent" for one that is not installed)."""
    digest = hashlib.sha256()
    for root in _CODE:
        for path in sorted(root.glob("*.py")) if root.is_dir() else [root]:
            digest.update(path.read_bytes())
    for name in READER_LIBRARIES:
        digest.update(f"\0{name}={_version(name)}".encode())
    return digest.hexdigest()[:16]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _key(data: bytes, shown: str) -> str:
    return hashlib.sha256(_code_digest().encode() + b"\0" + shown.encode() + b"\0" + data).hexdigest()[:32]


def cache_file() -> Path:
    from knowledge.paths import data_dir

    return data_dir() / "ingest-cache" / "results.sqlite"


class IngestCache:
    """One run's view of the cache: look-ups, new results and last-use times, written in one transaction."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._used: list[str] = []
        self._new: dict[str, str] = {}

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                path = self._path or cache_file()
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, timeout=5.0, isolation_level=None)
                self._db.execute(_SCHEMA)
            except (OSError, sqlite3.Error):
                self._broken = True  # read-only or damaged: ingest without a cache
                self.close()
        return self._db

    def load(self, data: bytes, shown: str) -> IngestResult | None:
        """The cached result for this exact document, or None."""
        key = _key(data, shown)
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT result FROM results WHERE key = ?", (key,)).fetchone()
            result = IngestResult.model_validate_json(row[0]) if row else None
        except (sqlite3.Error, ValidationError, ValueError):
            return None
        if result is not None:
            self._used.append(key)
        return result

    def store(self, data: bytes, shown: str, result: IngestResult) -> None:
        """Remember a result (written when the run closes); a failed reading is never remembered."""
        if result.failed:
            return
        self._new[_key(data, shown)] = result.model_dump_json()

    def close(self) -> None:
        """Write this run's results and use times in one transaction, prune, and close."""
        db, self._db = self._db, None
        if db is None:
            return
        try:
            now = time.time()
            with db:  # one transaction
                db.execute("BEGIN")
                db.executemany(
                    "INSERT OR REPLACE INTO results (key, used, result) VALUES (?, ?, ?)",
                    [(k, now, v) for k, v in self._new.items()],
                )
                db.executemany("UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in self._used])
                (count,) = db.execute("SELECT COUNT(*) FROM results").fetchone()
                if count > MAX_ENTRIES:
                    db.execute(
                        "DELETE FROM results WHERE key IN (SELECT key FROM results ORDER BY used LIMIT ?)",
                        (count - MAX_ENTRIES,),
                    )
        except sqlite3.Error:
            pass  # the results are still returned; only the next run is slower
        finally:
            with contextlib.suppress(sqlite3.Error):
                db.close()
            self._new.clear()
            self._used.clear()

    def __enter__(self) -> IngestCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
