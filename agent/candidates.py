"""A server's per-candidate files: uploaded prep documents, the story index, question history, reports.

A server session never takes a path from its client. The candidate's folder is derived from their identity
(the server's auth identity, else the thread's `user_id` metadata, else the thread itself), hashed, so no
identity can name a path: data_dir()/candidates/<sha256 of the identity>/. Prep documents arrive as text
content, size-limited, and are written here as files so the usual ingest reads them like any notes folder.
Each upload is its own version (docs/<digest>/), so a thread keeps the documents it started with: the thread holds
its version (docs/.held/<hash of the thread id>, naming the digest) from its start run until its report is written,
and an upload prunes only versions no thread holds, beyond the newest KEPT_VERSIONS (sweep43 F1: a thread was
graded against another thread's later upload once its own had been pruned). A version removed anyway (by hand, or
the HELD_VERSIONS bound) is never replaced by another: the thread goes on with no notes and says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from knowledge import data_files
from knowledge.models import slugify
from knowledge.paths import data_dir, write_private

MAX_DOCUMENTS = 50
MAX_DOCUMENT_BYTES = 512 * 1024  # a long story bank is ~100 KB of Markdown
MAX_UPLOAD_BYTES = 4 * 1024 * 1024
SUFFIXES = (".md", ".markdown", ".txt")
KEPT_VERSIONS = 3  # older uploads no open thread holds are removed
HELD_VERSIONS = 24  # at most this many versions are kept for open threads (an upload is at most 4 MB)


class UploadError(ValueError):
    """Uploaded documents that cannot be accepted; the message says which and why in one line. `too_large`: refused
    for its size (HTTP 413 at the service), not for its shape (HTTP 422: a 40-byte malformed upload was called too
    large, sweep28 S10)."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


def candidate_key(identity: str) -> str:
    """The candidate's folder name: a hash, never the identity itself (which could hold '/' or '..')."""
    return hashlib.sha256(identity.encode("utf-8", errors="replace")).hexdigest()[:32]


def candidate_dir(key: str) -> Path:
    if len(key) != 32 or any(c not in "0123456789abcdef" for c in key):
        raise ValueError("not a candidate key")  # only candidate_key() output names a folder
    folder = data_dir() / "candidates" / key
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def index_dir(key: str) -> Path:
    """The candidate's story index (vectors of all their uploads, cached by content)."""
    return candidate_dir(key) / "index"


def history_path(key: str) -> Path:
    return candidate_dir(key) / "history.json"


def reports_dir(key: str) -> Path:
    folder = candidate_dir(key) / "reports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _clean(documents: Any) -> list[tuple[str, str]]:
    """(file name, text) per uploaded document, or UploadError."""
    if not isinstance(documents, list) or not documents:
        raise UploadError("documents must be a non-empty list of {name, text}")
    if len(documents) > MAX_DOCUMENTS:
        raise UploadError(f"too many documents ({len(documents)}; at most {MAX_DOCUMENTS})", too_large=True)
    out: list[tuple[str, str]] = []
    total = 0
    names: set[str] = set()
    for i, doc in enumerate(documents, 1):
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise UploadError(f"document {i}: expected {{name, text}} with text as a string")
        text: str = doc["text"]
        size = len(text.encode("utf-8", errors="replace"))
        if size > MAX_DOCUMENT_BYTES:
            raise UploadError(f"document {i}: {size} bytes (at most {MAX_DOCUMENT_BYTES})", too_large=True)
        total += size
        if total > MAX_UPLOAD_BYTES:
            raise UploadError(f"the documents add up to more than {MAX_UPLOAD_BYTES} bytes", too_large=True)
        if "\x00" in text:
            raise UploadError(f"document {i}: binary content (a NUL byte); upload text")
        raw = str(doc.get("name") or f"document-{i}")
        # Only the last part of the name, as a slug: a name is a label, never a path.
        stem, dot, suffix = raw.replace("\\", "/").rsplit("/", 1)[-1].rpartition(".")
        suffix = f".{suffix.lower()}" if dot and f".{suffix.lower()}" in SUFFIXES else ".md"
        name = f"{slugify(stem if dot else raw, 60)}{suffix}"
        while name in names:
            name = f"{Path(name).stem}-{i}{suffix}"
        names.add(name)
        out.append((name, text))
    return out


def check_upload(documents: Any) -> None:
    """UploadError for an upload store_documents would refuse (the service checks it before a run stores it)."""
    _clean(documents)


def store_documents(key: str, documents: Any) -> str:
    """Validate and write an upload as the candidate's current documents; returns its version (a digest)."""
    files = _clean(documents)
    digest = hashlib.sha256(json.dumps(sorted(files)).encode("utf-8", errors="replace")).hexdigest()[:16]
    root = candidate_dir(key) / "docs"
    folder = root / digest
    if not folder.is_dir():
        staging = root / f".{digest}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(mode=0o700, parents=True)
        for name, text in files:
            write_private(staging / name, text)
        staging.rename(folder)  # a version folder is complete or absent
    else:
        os.utime(folder)  # uploaded again: the newest version, not pruned as the oldest
    write_private(root / "current", digest)
    _drop_old_versions(root, keep=digest)
    return digest


def current_version(key: str) -> str | None:
    """The candidate's latest upload, or None when they never uploaded documents."""
    try:
        digest = data_files.read_text(candidate_dir(key) / "docs" / "current", 256).strip()  # a sha256: 64 characters
    except (OSError, ValueError):  # a pipe, a device, a large or binary file: no upload of ours
        return None
    return digest if _is_version(digest) and (candidate_dir(key) / "docs" / digest).is_dir() else None


def _is_version(digest: str | None) -> bool:
    return bool(digest) and all(c in "0123456789abcdef" for c in str(digest))


def documents_folder(key: str, version: str | None) -> Path | None:
    """The folder of one upload; None for a thread that started without documents (version None or ""), and for
    one whose upload is gone: never another upload in its place (see documents_gone)."""
    if not _is_version(version):
        return None
    folder = candidate_dir(key) / "docs" / str(version)
    return folder if folder.is_dir() else None


def documents_gone(key: str, version: str | None) -> bool:
    """True when a thread started with documents (`version`) that are no longer on the server."""
    return bool(version) and documents_folder(key, version) is None


GONE_LINE = ("the prep documents this interview started with are no longer on the server; answers are graded "
             "without your notes (start a new interview with your documents to use them)")  # fmt: skip


def _held(root: Path) -> Path:
    return root / ".held"


def _holder(thread: str) -> str:
    return hashlib.sha256(thread.encode("utf-8", errors="replace")).hexdigest()[:32]


def hold_version(key: str, version: str | None, thread: str) -> None:
    """Keep `version` for `thread` until release_version: later uploads do not prune it. An unwritable folder costs
    only the hold (the version is still among the newest KEPT_VERSIONS when the thread starts)."""
    if not _is_version(version):
        return
    folder = _held(candidate_dir(key) / "docs")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        write_private(folder / _holder(thread), str(version))
    except OSError:
        pass


def release_version(key: str, thread: str) -> None:
    """The thread's report is written: its version may be pruned by a later upload."""
    with contextlib.suppress(OSError):
        (_held(candidate_dir(key) / "docs") / _holder(thread)).unlink(missing_ok=True)


def _holds(root: Path) -> dict[Path, str]:
    """Each hold file and the version it names (a damaged or foreign file names none)."""
    out: dict[Path, str] = {}
    try:
        files = list(_held(root).iterdir())
    except OSError:
        return out
    for path in files:
        try:
            out[path] = data_files.read_text(path, 256).strip()
        except (OSError, ValueError):
            out[path] = ""
    return out


def document_names(folder: Path | None) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder else []


def _drop_old_versions(root: Path, keep: str) -> None:
    """Remove the versions beyond the newest KEPT_VERSIONS that no open thread holds; of the held ones, keep at most
    HELD_VERSIONS (the newest). Holds naming a removed version are removed with it."""
    versions = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)  # fmt: skip
    holds = _holds(root)
    held = set(holds.values())
    older = [v for v in versions if v.name != keep]
    kept = 1
    for n, old in enumerate(older):
        if n < KEPT_VERSIONS - 1 or (old.name in held and kept < HELD_VERSIONS):
            kept += 1
            continue
        shutil.rmtree(old, ignore_errors=True)
    for path, version in holds.items():
        if not _is_version(version) or not (root / version).is_dir():
            with contextlib.suppress(OSError):  # a folder put there by hand: not ours to remove
                path.unlink(missing_ok=True)
