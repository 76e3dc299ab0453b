"""Vector tables shipped with the package: plain arrays in an .npz file, read with allow_pickle=False.

Two tables use it: the hub probes of the story index (knowledge.index_probes) and the role packs' texts the critic
compares answers with (knowledge.embedding_fixed). Each is stamped with the sha256 of the model that made it; a
table from another model, a missing one or a damaged one reads as empty, and the texts are embedded instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np


@lru_cache(maxsize=8)
def read_table(path: Path, model_hash: str, key_field: str) -> tuple[tuple[str, np.ndarray], ...]:
    """(key, unit vector) pairs of the table at `path` when it was made by the model `model_hash`, else ()."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_hash"]) != model_hash:
                return ()
            keys = [str(k) for k in data[key_field]]
            vectors = np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, KeyError, ValueError):
        return ()
    if vectors.ndim != 2 or len(vectors) != len(keys):
        return ()
    vectors.setflags(write=False)  # shared by every reader of the process
    return tuple(zip(keys, vectors, strict=True))


def write_table(path: Path, key_field: str, keys: Sequence[str], vectors: np.ndarray, model: Any) -> Path:
    """Write a table `read_table` reads back, stamped with `model`'s sha256; the cached reads are dropped."""
    arrays: dict[str, Any] = {
        key_field: np.array(list(keys)),
        "vectors": np.asarray(vectors, dtype=np.float32),
        "model_hash": np.array(str(getattr(model, "model_hash", ""))),
    }
    np.savez(path, **arrays)
    read_table.cache_clear()
    return path
