"""Hub-probe vectors shipped with the package, so building an index embeds only the candidate's own texts.

The hub probes (knowledge.index_views.hub_probes) are the bundled role packs' questions: fixed package data. Their
vectors depend only on those texts and the pinned model, so they are computed once and shipped in
knowledge/data/probe-vectors-<embedder>.npz (plain arrays, read with allow_pickle=False), keyed by the same content
hash the index cache uses and stamped with the model's sha256. A probe whose text changed (a role pack edited) or a
different model simply misses the table and is embedded as before. Regenerate after editing a role pack:

    python -m knowledge.index_probes
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embeddings import embed_matrix, load_embedder
from knowledge.index_views import hub_probes
from knowledge.vector_table import read_table
from knowledge.vector_table import write_table as write_vectors

DATA = Path(__file__).resolve().parent / "data"
PROBE_ROLE = "probe"  # knowledge.index_cache.PROBE (not imported: that module imports this one)


def table_path(name: str) -> Path:
    return DATA / f"probe-vectors-{name}.npz"


def packaged_probe_vectors(model: Embeddings) -> dict[str, np.ndarray]:
    """Shipped probe vectors for this embedder (content hash -> unit vector); {} when none fit the model."""
    name = str(getattr(model, "name", ""))
    model_hash = str(getattr(model, "model_hash", ""))
    if not name or not model_hash:
        return {}
    return dict(read_table(table_path(name), model_hash, "hashes"))


def write_table(model: Embeddings) -> Path:
    """Embed every current probe with `model` and write the shipped table; returns its path."""
    from knowledge.index_cache import content_hash

    probes = list(hub_probes())
    vectors = embed_matrix(model, probes, query=True)
    path = table_path(str(getattr(model, "name", "")))
    return write_vectors(path, "hashes", [content_hash(text, PROBE_ROLE) for text in probes], vectors, model)


def main() -> int:
    """Regenerate the MiniLM probe table (after a role pack's questions changed)."""
    path = write_table(load_embedder("minilm"))
    print(f"wrote {path} ({len(hub_probes())} probes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
