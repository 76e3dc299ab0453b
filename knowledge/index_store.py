"""On-disk format of the story index, without pickle.

An index directory holds three files:
- ``vectors.faiss``  — a faiss IndexFlatIP (faiss.write_index); row i belongs to the i-th docstore entry,
- ``docstore.json``  — {"stories": [{"id", "hash", "row", "active", "role", "story": Story dump}, ...]}: one entry per
  embedded text; role "view" is one view of story `id` (the Story dump rides on its first view only), role "probe"
  one of the generic questions that measure hubness (knowledge.index_views),
- ``manifest.json``  — {"version", "embedder", "dimension", "model_hash", "created", "updated", "count",
  "files": {file name: sha256}} — the checksums tie the three files to one save.

Active entries are the views of the stories of the last open, in order, then the probes. Inactive ones belong to
stories dropped since (another document set, an edit): their vectors stay cached by content hash (up to
RETAIN_INACTIVE of them), so switching between the sample bank and your own documents, or undoing an edit, embeds
nothing.

``load_store`` validates all three files and raises ``StoreError`` with a short reason when anything is missing,
corrupt or made by another embedder; the caller rebuilds and tells the user that reason. Writes go to temp files
renamed into place, manifest last; the consistency checks catch a crash between two renames.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from knowledge import data_files
from knowledge.paths import temp_name

FORMAT_VERSION = 3  # 2: manifest carries the files' sha256; dropped stories stay cached. 3: views and probes
FAISS_FILE = "vectors.faiss"
DOCSTORE_FILE = "docstore.json"
MANIFEST_FILE = "manifest.json"
RETAIN_INACTIVE = 1000
# Caps on what is read back: far above any index of a candidate's notes (1.5 KB a vector, a few KB a story)
FAISS_BYTES = 1 << 30
DOCSTORE_BYTES = 256 << 20
MANIFEST_BYTES = 1 << 20


class StoreError(Exception):
    """The stored index cannot be used as is; str(error) is the one-line reason."""


@dataclass
class Entry:
    """One stored vector: the story it belongs to, the hash of the embedded text, whether it is current, its role."""

    id: str
    hash: str
    story: dict[str, Any]
    vector: np.ndarray
    active: bool = True
    role: str = "view"


@dataclass
class StoredIndex:
    """A valid index directory's content."""

    manifest: dict[str, Any]
    entries: list[Entry]
    _by_hash: dict[str, np.ndarray] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_hash = {e.hash: e.vector for e in self.entries}

    def vector_for(self, digest: str) -> np.ndarray | None:
        """The cached vector of an embedded text, active or not."""
        return self._by_hash.get(digest)

    def active(self) -> list[Entry]:
        """The stories of the last open, in order."""
        return [e for e in self.entries if e.active]


def expected_manifest(name: str, dimension: int, model_hash: str) -> dict[str, Any]:
    """The manifest fields a stored index must match to be reused."""
    return {"version": FORMAT_VERSION, "embedder": name, "dimension": dimension, "model_hash": model_hash}


def load_store(index_dir: Path, expected: dict[str, Any]) -> StoredIndex:
    """Read and validate an index directory; raise StoreError(reason) if it cannot be reused."""
    import faiss

    manifest_path = index_dir / MANIFEST_FILE
    if not os.path.lexists(manifest_path):
        raise StoreError("no index yet")
    manifest = _read_json(_read_file(manifest_path, MANIFEST_BYTES, "manifest"), "manifest")
    for key, want in expected.items():
        if manifest.get(key) != want:
            raise StoreError(f"{key} changed ({manifest.get(key)!r} -> {want!r})")
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise StoreError("manifest is malformed")
    # Each file is read once, as a regular file under its cap (a pipe hung the session, a link to /dev/zero took
    # GBs: sweep 41 SP1e), and what was hashed is what is used.
    vectors = _read_file(index_dir / FAISS_FILE, FAISS_BYTES, "faiss file")
    docstore = _read_file(index_dir / DOCSTORE_FILE, DOCSTORE_BYTES, "docstore")
    for file_name, blob in ((FAISS_FILE, vectors), (DOCSTORE_FILE, docstore)):
        # Two processes saving at once, or a crash between renames, leave files from different saves.
        if hashlib.sha256(blob).hexdigest() != files.get(file_name):
            raise StoreError(f"{file_name} does not match the manifest")
    raw = _read_json(docstore, "docstore").get("stories")
    if not isinstance(raw, list):
        raise StoreError("docstore is malformed")
    try:
        index = faiss.deserialize_index(np.frombuffer(vectors, dtype=np.uint8))
    except Exception as exc:  # faiss raises RuntimeError with a C++ trace; keep only the gist
        raise StoreError("faiss file unreadable") from exc
    if index.d != expected["dimension"] or index.ntotal != len(raw):
        raise StoreError("faiss file does not match the docstore")
    matrix = index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)
    entries: list[Entry] = []
    for item in raw:
        try:
            row = int(item["row"])
            entry = Entry(
                str(item["id"]),
                str(item["hash"]),
                dict(item.get("story") or {}),
                matrix[row],
                bool(item.get("active", True)),
                str(item.get("role", "view")),
            )
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise StoreError("docstore entry is malformed") from exc
        if row < 0:
            raise StoreError("docstore rows are inconsistent")
        entries.append(entry)
    return StoredIndex(manifest=manifest, entries=entries)


def _read_file(path: Path, cap: int, what: str) -> bytes:
    """The bytes of one of the index's files, or StoreError: missing, not a regular file, over `cap`."""
    try:
        return data_files.read_bytes(path, cap)
    except FileNotFoundError as exc:
        raise StoreError(f"{what} missing") from exc
    except OSError as exc:
        if isinstance(exc, data_files.SpecialFileError | data_files.TooLargeError):
            raise StoreError(f"{what} is {exc.strerror}") from exc  # "not a regular file (…)", "N bytes, over …"
        raise StoreError(f"{what} unreadable ({exc.strerror or type(exc).__name__})") from exc


def _read_json(blob: bytes, what: str) -> dict[str, Any]:
    try:
        data = data_files.parse_json(blob)
    except ValueError as exc:  # not UTF-8, not JSON, or nested too deep
        raise StoreError(f"{what} is not valid JSON") from exc
    if not isinstance(data, dict):
        raise StoreError(f"{what} is malformed")
    return data


def save_store(index_dir: Path, expected: dict[str, Any], entries: list[Entry], created: str | None = None) -> None:
    """Write the three files (temp + rename, manifest last). Active entries first, then at most
    RETAIN_INACTIVE inactive ones in the order given (most recently dropped first)."""
    import faiss

    active = [e for e in entries if e.active]
    kept = active + [e for e in entries if not e.active][:RETAIN_INACTIVE]
    index_dir.mkdir(parents=True, exist_ok=True)
    index = faiss.IndexFlatIP(int(expected["dimension"]))
    if kept:
        index.add(np.ascontiguousarray(np.stack([e.vector for e in kept]), dtype=np.float32))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    docstore = {
        "stories": [
            {"id": e.id, "hash": e.hash, "row": row, "active": e.active, "role": e.role, "story": e.story}
            for row, e in enumerate(kept)
        ]
    }
    _clean_stale_temps(index_dir)
    faiss_tmp = temp_name(index_dir / FAISS_FILE)
    try:
        faiss.write_index(index, str(faiss_tmp))
    except RuntimeError as exc:  # faiss reports a full disk as a C++ RuntimeError, not an OSError
        faiss_tmp.unlink(missing_ok=True)
        raise OSError(errno.ENOSPC, "could not write the vectors (disk full?)") from exc
    files = {FAISS_FILE: _file_sha256(faiss_tmp)}
    os.replace(faiss_tmp, index_dir / FAISS_FILE)
    files[DOCSTORE_FILE] = _write_json(index_dir / DOCSTORE_FILE, docstore)
    stories = len({e.id for e in active if e.role == "view"})
    manifest = {**expected, "created": created or now, "updated": now, "count": stories, "files": files}
    _write_json(index_dir / MANIFEST_FILE, manifest)


def _write_json(path: Path, data: dict[str, Any]) -> str:
    """Write via a temp file and rename; returns the sha256 of what was written."""
    # No indent: json's C encoder only runs without one (indent=1 took the pure-Python path: about 0.4 s of a
    # 200-story cold build, for files nobody reads by eye).
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tmp = temp_name(path)
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk must not leave temp files behind forever
        raise
    return hashlib.sha256(payload).hexdigest()


def _clean_stale_temps(index_dir: Path) -> None:
    """Remove NAME.PID[-TOKEN].tmp files whose writer is gone (killed mid-save, or before this cleanup existed)."""
    for tmp in index_dir.glob("*.*.tmp"):
        pid = tmp.suffixes[-2].lstrip(".").split("-")[0] if len(tmp.suffixes) >= 2 else ""
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(data_files.read_bytes(path, FAISS_BYTES)).hexdigest()
    except OSError:
        return None
