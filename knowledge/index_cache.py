"""The story index's vector cache: reuse stored vectors by content hash, embed only what is new.

``cached_vectors`` loads the index directory (knowledge.index_store), embeds the views (knowledge.index_views) and
hub probes whose text has no cached vector, and saves the directory again when anything changed. Problems with the
stored files become a one-line notice and a rebuild, never an exception.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embeddings import EmbedderUnavailableError, embed_matrix, embedder_dimension
from knowledge.index_probes import packaged_probe_vectors
from knowledge.index_store import Entry, StoredIndex, StoreError, expected_manifest, load_store, save_store
from knowledge.index_views import hub_probes, story_views
from knowledge.models import Story
from knowledge.paths import data_dir

PROBE = "probe"
VIEW = "view"


@dataclass
class DenseVectors:
    """The unit vectors of an index: one row per view (owner[i] = position of its story), and the probes."""

    views: np.ndarray
    owner: np.ndarray
    kinds: list[str]
    probes: np.ndarray


def content_hash(text: str, role: str = VIEW) -> str:
    """Hash of exactly what gets embedded, and how (probes are embedded as queries)."""
    return hashlib.sha256(f"{role}\x00{text}".encode()).hexdigest()[:32]


def default_index_dir(embedder: Embeddings) -> Path:
    """data_dir()/index/<embedder name>-<hash of model and dimension>: each embedder keeps its own cache."""
    name = str(getattr(embedder, "name", type(embedder).__name__))
    fingerprint = f"{getattr(embedder, 'model_hash', '')}:{getattr(embedder, 'dimension', '')}"
    return data_dir() / "index" / f"{name}-{hashlib.sha1(fingerprint.encode()).hexdigest()[:10]}"


def _rows(items: list[Story]) -> list[tuple[str, str, str, str, dict]]:
    """(story id, role, view kind, text, story dump on a story's first view) for every text to embed."""
    rows: list[tuple[str, str, str, str, dict]] = []
    for story in items:
        dump = story.model_dump(mode="json")
        for n, view in enumerate(story_views(story)):
            rows.append((story.id, VIEW, view.kind, view.text, dump if n == 0 else {}))
    rows += [("", PROBE, PROBE, text, {}) for text in hub_probes()]
    return rows


def cached_vectors(
    items: list[Story], model: Embeddings, index_dir: Path | None, notices: list[str]
) -> tuple[DenseVectors, Path, int]:
    """(the index's vectors, the index directory, how many texts were embedded now)."""
    name = str(getattr(model, "name", type(model).__name__))
    expected = expected_manifest(name, embedder_dimension(model), str(getattr(model, "model_hash", "")))
    folder = Path(index_dir) if index_dir is not None else default_index_dir(model)
    first_build = False
    try:
        stored = load_store(folder, expected)
    except StoreError as exc:
        stored = None
        first_build = str(exc) == "no index yet"
        if not first_build:
            notices.append(f"index rebuilt: {exc} ({folder})")
    dimension = int(expected["dimension"])
    rows = _rows(items)
    hashes = [content_hash(text, role) for _sid, role, _kind, text, _dump in rows]
    vectors = [stored.vector_for(h) if stored else None for h in hashes]
    shipped = packaged_probe_vectors(model)  # the role packs' questions, embedded once for the package
    vectors = [
        shipped.get(h) if v is None and rows[i][1] == PROBE else v
        for i, (h, v) in enumerate(zip(hashes, vectors, strict=True))
    ]
    embedded = 0
    for role in (VIEW, PROBE):  # documents and queries may be embedded differently (e5-style prefixes)
        todo = [i for i, v in enumerate(vectors) if v is None and rows[i][1] == role]
        if todo:
            # a text written twice (a line repeated across stories) is embedded once: same text, same vector
            unique = list(dict.fromkeys(rows[i][3] for i in todo))
            fresh = embed_matrix(model, unique, query=role == PROBE)
            if fresh.shape != (len(unique), dimension):
                raise EmbedderUnavailableError(f"embedder returned vectors of shape {fresh.shape}")
            at = {text: row for row, text in enumerate(unique)}
            for i in todo:
                vectors[i] = fresh[at[rows[i][3]]]
            embedded += len(todo)
    matrix = np.zeros((len(rows), dimension), dtype=np.float32)
    for i, vector in enumerate(vectors):
        matrix[i] = vector
    _save_if_changed(folder, expected, stored, rows, hashes, matrix, notices, first_build, name, len(items))
    positions = {story.id: pos for pos, story in enumerate(items)}
    is_view = np.array([r[1] == VIEW for r in rows], dtype=bool)
    dense = DenseVectors(
        views=np.ascontiguousarray(matrix[is_view]),
        owner=np.array([positions[r[0]] for r in rows if r[1] == VIEW], dtype=np.int64),
        kinds=[r[2] for r in rows if r[1] == VIEW],
        probes=np.ascontiguousarray(matrix[~is_view]),
    )
    return dense, folder, embedded


NOT_SAVED = "index not saved"  # a notice's opening words; knowledge.ingest --index fails on it


def _save_if_changed(
    folder: Path,
    expected: dict,
    stored: StoredIndex | None,
    rows: list[tuple[str, str, str, str, dict]],
    hashes: list[str],
    matrix: np.ndarray,
    notices: list[str],
    first_build: bool,
    name: str,
    count: int,
) -> None:
    previous = stored.active() if stored else []
    current = [(sid, h, dump, role) for (sid, role, _k, _t, dump), h in zip(rows, hashes, strict=True)]
    if stored is not None and [(e.id, e.hash, e.story, e.role) for e in previous] == current:
        return
    if first_build and count:
        notices.append(f"index built: {count} {'story' if count == 1 else 'stories'} embedded with {name}")
    entries = [Entry(sid, h, dump, matrix[i], True, role) for i, (sid, h, dump, role) in enumerate(current)]
    entries += _dropped(stored, set(hashes))
    try:
        save_store(folder, expected, entries, stored.manifest.get("created") if stored else None)
    except OSError as exc:
        notices.append(f"{NOT_SAVED} ({exc.strerror or exc}); it will be rebuilt next time")


def _dropped(stored: StoredIndex | None, current: set[str]) -> list[Entry]:
    """Vectors no current text uses, most recently dropped first, kept (without story dumps) for a later reuse."""
    if stored is None:
        return []
    kept: list[Entry] = []
    seen = set(current)
    for entry in stored.active() + [e for e in stored.entries if not e.active]:
        if entry.hash not in seen:
            seen.add(entry.hash)
            kept.append(Entry(entry.id, entry.hash, {}, entry.vector, active=False, role=entry.role))
    return kept
