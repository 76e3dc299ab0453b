"""The hub-probe vectors shipped with the package: current with the role packs and the pinned model, and used."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from knowledge.embeddings import embed_matrix, load_embedder
from knowledge.index import StoryIndex
from knowledge.index_cache import PROBE, content_hash
from knowledge.index_probes import packaged_probe_vectors
from knowledge.index_views import hub_probes, story_views
from knowledge.models import Story


def test_every_probe_has_a_shipped_vector_equal_to_a_fresh_one() -> None:
    model = load_embedder("minilm")
    shipped = packaged_probe_vectors(model)
    probes = list(hub_probes())
    missing = [p for p in probes if content_hash(p, PROBE) not in shipped]
    assert not missing, f"role packs changed: run python -m knowledge.index_probes ({missing[:2]})"
    sample = probes[:: max(1, len(probes) // 5)]
    fresh = embed_matrix(model, sample, query=True)
    stored = np.stack([shipped[content_hash(p, PROBE)] for p in sample])
    assert np.allclose(fresh, stored, atol=1e-3)


def test_a_new_index_embeds_only_the_stories(tmp_path: Path) -> None:
    story = Story(id="s", title="Moving the ledger", text="I moved the ledger to a new database in six weeks.",
                  source="n.md", format="prose")  # fmt: skip
    index = StoryIndex.open([story], index_dir=tmp_path, embedder="minilm")
    assert index.embedded == len(story_views(story))  # its own views; no probe embedded


def test_another_model_gets_no_shipped_vectors() -> None:
    class Other:
        name = "minilm"
        model_hash = "0" * 64

    assert packaged_probe_vectors(Other()) == {}  # type: ignore[arg-type]
