"""On-disk format of the story index, without pickle.

An index directory holds three files:
- ``vectors.faiss``  — the faiss IndexFlatIP (faiss.write_index; row i is the i-th story of the docstore),
- ``docstore.json``  — {"stories": [{"id", "hash", "row", "story": Story dump}, ...]},
- ``manifest.json``  — {"version", "embedder", "dimension", "model_hash", "created", "updated", "count"}.

``load_store`` validates all three and raises ``StoreError`` with a short reason when anything is missing, corrupt
or made by another embedder; the caller rebuilds and tells the user that reason. Writes go to temp files that are
renamed into place, manifest last, so a crash mid-write is caught by the consistency checks on the next load.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

FORMAT_VERSION = 1
FAISS_FILE = "vectors.faiss"
DOCSTORE_FILE = "docstore.json"
MANIFEST_FILE = "manifest.json"


class StoreError(Exception):
    """The stored index cannot be used as is; str(error) is the one-line reason."""


@dataclass
class StoredIndex:
    """What a valid index directory holds: per story id, its content hash and stored vector."""

    manifest: dict[str, Any]
    hashes: dict[str, str]
    vectors: dict[str, np.ndarray]
    story_dumps: dict[str, dict[str, Any]] = field(default_factory=dict)


def expected_manifest(name: str, dimension: int, model_hash: str) -> dict[str, Any]:
    """The manifest fields a stored index must match to be reused."""
    return {"version": FORMAT_VERSION, "embedder": name, "dimension": dimension, "model_hash": model_hash}


def load_store(index_dir: Path, expected: dict[str, Any]) -> StoredIndex:
    """Read and validate an index directory; raise StoreError(reason) if it cannot be reused."""
    import faiss

    manifest_path = index_dir / MANIFEST_FILE
    if not manifest_path.exists():
        raise StoreError("no index yet")
    manifest = _read_json(manifest_path, "manifest")
    for key, want in expected.items():
        if manifest.get(key) != want:
            raise StoreError(f"{key} changed ({manifest.get(key)!r} -> {want!r})")
    docstore = _read_json(index_dir / DOCSTORE_FILE, "docstore")
    entries = docstore.get("stories")
    if not isinstance(entries, list):
        raise StoreError("docstore is malformed")
    try:
        index = faiss.read_index(str(index_dir / FAISS_FILE))
    except Exception as exc:  # faiss raises RuntimeError with a C++ trace; keep only the gist
        raise StoreError("faiss file unreadable") from exc
    if index.d != expected["dimension"] or index.ntotal != len(entries):
        raise StoreError("faiss file does not match the docstore")
    matrix = index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)
    hashes: dict[str, str] = {}
    vectors: dict[str, np.ndarray] = {}
    dumps: dict[str, dict[str, Any]] = {}
    for entry in entries:
        try:
            sid, digest, row = str(entry["id"]), str(entry["hash"]), int(entry["row"])
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError("docstore entry is malformed") from exc
        if not 0 <= row < index.ntotal or sid in hashes:
            raise StoreError("docstore rows are inconsistent")
        hashes[sid] = digest
        vectors[sid] = matrix[row]
        if isinstance(entry.get("story"), dict):
            dumps[sid] = entry["story"]
    return StoredIndex(manifest=manifest, hashes=hashes, vectors=vectors, story_dumps=dumps)


def _read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise StoreError(f"{what} missing") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StoreError(f"{what} is not valid JSON") from exc
    if not isinstance(data, dict):
        raise StoreError(f"{what} is malformed")
    return data


def save_store(
    index_dir: Path,
    expected: dict[str, Any],
    ids: list[str],
    hashes: list[str],
    story_dumps: list[dict[str, Any]],
    matrix: np.ndarray,
    created: str | None = None,
) -> Any:
    """Write the three files atomically-ish (temp + rename, manifest last); return the faiss index written."""
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    index = faiss.IndexFlatIP(int(expected["dimension"]))
    if len(ids):
        index.add(np.ascontiguousarray(matrix, dtype=np.float32))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    docstore = {
        "stories": [
            {"id": sid, "hash": digest, "row": row, "story": dump}
            for row, (sid, digest, dump) in enumerate(zip(ids, hashes, story_dumps, strict=True))
        ]
    }
    manifest = {**expected, "created": created or now, "updated": now, "count": len(ids)}
    faiss_tmp = index_dir / f"{FAISS_FILE}.{os.getpid()}.tmp"
    faiss.write_index(index, str(faiss_tmp))
    os.replace(faiss_tmp, index_dir / FAISS_FILE)
    _write_json(index_dir / DOCSTORE_FILE, docstore)
    _write_json(index_dir / MANIFEST_FILE, manifest)
    return index


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
