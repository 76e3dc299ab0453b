"""The story index's vector cache: reuse stored vectors by content hash, embed only what is new.

``cached_vectors`` loads the index directory (knowledge.index_store), embeds the stories whose embedded text has no
cached vector, and saves the directory again when anything changed. Problems with the stored files become a
one-line notice and a rebuild, never an exception.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embeddings import EmbedderUnavailableError, embed_matrix, embedder_dimension
from knowledge.index_fusion import dense_text
from knowledge.index_store import Entry, StoredIndex, StoreError, expected_manifest, load_store, save_store
from knowledge.models import Story
from knowledge.paths import data_dir


def content_hash(story: Story) -> str:
    """Hash of exactly what gets embedded: a story whose embedded text is unchanged keeps its vector."""
    return hashlib.sha256(dense_text(story).encode("utf-8")).hexdigest()[:32]


def default_index_dir(embedder: Embeddings) -> Path:
    """data_dir()/index/<embedder name>-<hash of model and dimension>: each embedder keeps its own cache."""
    name = str(getattr(embedder, "name", type(embedder).__name__))
    fingerprint = f"{getattr(embedder, 'model_hash', '')}:{getattr(embedder, 'dimension', '')}"
    return data_dir() / "index" / f"{name}-{hashlib.sha1(fingerprint.encode()).hexdigest()[:10]}"


def cached_vectors(
    items: list[Story], model: Embeddings, index_dir: Path | None, notices: list[str]
) -> tuple[np.ndarray, Path, int]:
    """(one unit vector per story, the index directory, how many stories were embedded now)."""
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
    hashes = [content_hash(s) for s in items]
    dumps = [s.model_dump(mode="json") for s in items]
    vectors = [stored.vector_for(h) if stored else None for h in hashes]
    todo = [i for i, vector in enumerate(vectors) if vector is None]
    if todo:
        fresh = embed_matrix(model, [dense_text(items[i]) for i in todo])
        if fresh.shape != (len(todo), dimension):
            raise EmbedderUnavailableError(f"embedder returned vectors of shape {fresh.shape}")
        for row, i in enumerate(todo):
            vectors[i] = fresh[row]
    matrix = np.zeros((len(items), dimension), dtype=np.float32)
    for i, vector in enumerate(vectors):
        matrix[i] = vector
    previous = stored.active() if stored else []
    unchanged = stored is not None and [(e.id, e.hash, e.story) for e in previous] == list(
        zip([s.id for s in items], hashes, dumps, strict=True)
    )
    if not unchanged:
        if first_build and items:
            notices.append(f"index built: {len(items)} stories embedded with {name}")
        rows = enumerate(zip(items, hashes, dumps, strict=True))
        entries = [Entry(s.id, h, d, matrix[i]) for i, (s, h, d) in rows]
        entries += _dropped(stored, set(hashes))
        try:
            save_store(folder, expected, entries, stored.manifest.get("created") if stored else None)
        except OSError as exc:
            notices.append(f"index not saved ({exc.strerror or exc}); it will be rebuilt next time")
    return matrix, folder, len(todo)


def _dropped(stored: StoredIndex | None, current: set[str]) -> list[Entry]:
    """Vectors no current story uses, most recently dropped first, kept (without story dumps) for a later reuse."""
    if stored is None:
        return []
    kept: list[Entry] = []
    seen = set(current)
    for entry in stored.active() + [e for e in stored.entries if not e.active]:
        if entry.hash not in seen:
            seen.add(entry.hash)
            kept.append(Entry(entry.id, entry.hash, {}, entry.vector, active=False))
    return kept
