"""A per-document cache of ingest results, so re-opening unchanged prep documents skips parsing.

Keyed by the document's bytes, the name it is shown under, and a digest of the ingest code itself: an edited
document or a new version of the parser misses the cache; nothing is ever stale. Plain JSON, never pickle.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from knowledge.ingest.result import IngestResult

_MAX_ENTRIES = 500  # a few hundred documents; the oldest entries go first
# The ingest package and the knowledge modules it calls (metrics, number words, competencies, models): any edit
# there may change what a document yields, so it changes every key.
_CODE = [Path(__file__).parent, Path(__file__).parents[1]]


@cache
def _code_digest() -> str:
    """A digest of the code that turns a document into stories and questions."""
    digest = hashlib.sha256()
    for root in _CODE:
        for path in sorted(root.glob("*.py")) if root.is_dir() else [root]:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _folder() -> Path:
    from knowledge.paths import data_dir

    return data_dir() / "ingest-cache"


def _key(data: bytes, shown: str) -> str:
    return hashlib.sha256(_code_digest().encode() + b"\0" + shown.encode() + b"\0" + data).hexdigest()[:32]


def load(data: bytes, shown: str) -> IngestResult | None:
    """The cached result for this exact document, or None."""
    path = _folder() / f"{_key(data, shown)}.json"
    try:
        return IngestResult.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


def store(data: bytes, shown: str, result: IngestResult) -> None:
    """Remember a result; a cache that cannot be written only costs speed."""
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{_key(data, shown)}.json"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(result.model_dump_json(), encoding="utf-8")
        tmp.replace(target)
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[: max(0, len(entries) - _MAX_ENTRIES)]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
