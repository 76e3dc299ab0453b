"""Fixed texts embedded once, at release time: every bundled role pack's questions and signals, the questions as
the story index searches them, and (for the critic's word vectors) the critic's signal examples.

Relevance compares each answer with every question of its role pack, and signals with each of the asked question's
signals; the story index searches each asked question with its boilerplate stripped ("Tell me about a time you" off).
Those texts are package data, so their vectors depend only on the texts and the pinned model: they ship in
knowledge/data/critic-vectors-<embedder>.npz (plain arrays, read with allow_pickle=False), keyed by the sha256 of
the text and stamped with the model's sha256. A text that changed (a role pack edited), a custom role pack or a
different model misses the table and is embedded as before, so a stale table costs time, never a verdict.
Without it, the first answer of a session (or the warm-up beside it) embeds ~120 texts, about a second of CPU, and
every candidate's index embeds each question it is asked. The critic's own table (static word vectors,
knowledge.embedding_static) also holds the signal examples (agent/critic/signal_examples): a service process met
its pack's ~110 examples on the first real answer, while other candidates' turns waited.
Regenerate after editing a role pack or a signal example (a test fails until then):

    python -m knowledge.embedding_fixed
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.vector_table import read_table
from knowledge.vector_table import write_table as write_vectors

DATA = Path(__file__).resolve().parent / "data"
CRITIC_TABLE = "wordllama"  # the critic's embedder (agent.critic.semantic.CRITIC_EMBEDDER)


def table_path(name: str) -> Path:
    return DATA / f"critic-vectors-{name}.npz"


def text_key(text: str) -> str:
    """The table's key for a text: exactly what gets embedded."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def pack_texts() -> tuple[str, ...]:
    """Every question and signal of the bundled role packs, and each question as the index searches it,
    deduplicated and sorted."""
    from knowledge.index_fusion import strip_boilerplate
    from knowledge.roles import available_roles, load_role

    texts: set[str] = set()
    for role in available_roles():
        try:
            pack = load_role(role)
        except (OSError, ValueError):
            continue  # a broken pack is reported by knowledge.roles; its texts are embedded when used
        for q in pack.questions:
            texts.update((q.text, strip_boilerplate(q.text)))
            texts.update(q.signals)
    return tuple(sorted(texts))


def example_texts() -> tuple[str, ...]:
    """The critic's signal examples of the bundled packs (read here at release time only: the critic owns them)."""
    from agent.critic.examples import table

    return tuple(sorted(set(table().values())))


def table_texts(name: str) -> tuple[str, ...]:
    """The texts a model's table holds: the pack texts, and for the critic's word vectors the signal examples too
    (MiniLM never embeds those, so its table leaves them out)."""
    return tuple(sorted({*pack_texts(), *example_texts()})) if name == CRITIC_TABLE else pack_texts()


def shipped_vectors(model: Embeddings) -> dict[str, np.ndarray]:
    """Shipped vectors for this embedder (text_key -> unit vector); {} when none fit the model."""
    name = str(getattr(model, "name", ""))
    model_hash = str(getattr(model, "model_hash", ""))
    if not name or not model_hash or getattr(model, "notice", None):
        return {}
    return dict(read_table(table_path(name), model_hash, "keys"))


def write_table(model: Embeddings) -> Path:
    """Embed the texts of `model`'s table (table_texts) with it and write the shipped table; returns its path."""
    from knowledge.embeddings import embed_matrix

    name = str(getattr(model, "name", ""))
    texts = list(table_texts(name))
    vectors = embed_matrix(model, texts)
    return write_vectors(table_path(name), "keys", [text_key(t) for t in texts], vectors, model)


def main() -> int:
    """Regenerate the MiniLM and the critic's tables (after a role pack or a signal example changed)."""
    from knowledge.embeddings import load_embedder, shared_static

    for model in (load_embedder("minilm"), shared_static()):
        if notice := getattr(model, "notice", None):
            print(f"not written: {notice}")
            return 1
        name = str(getattr(model, "name", ""))
        keys = {text_key(t) for t in table_texts(name)}
        if set(shipped_vectors(model)) == keys:  # the same texts and model: rewriting would only churn the last bits
            print(f"{table_path(name)} is up to date ({len(keys)} texts)")
            continue
        print(f"wrote {write_table(model)} ({len(keys)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
