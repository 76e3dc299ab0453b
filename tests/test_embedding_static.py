"""The critic's static word vectors (knowledge.embedding_static): pinned files, nothing downloaded or imported
from the package, unit vectors that place related sentences closer than unrelated ones."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge.embedding_minilm import EmbedderUnavailableError
from knowledge.embedding_static import DIMENSION, TABLE_FILE, TOKENIZER_FILE, StaticEmbeddings, package_dir


def test_vectors_are_unit_length_and_the_same_whatever_the_batch() -> None:
    emb = StaticEmbeddings()
    texts = ["I moved the nightly jobs to a managed scheduler.", "We hired two senior engineers.", ""]
    together = emb.embed_array(texts)
    assert together.shape == (3, DIMENSION) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together[:2], axis=1), 1.0, atol=1e-5)
    assert not together[2].any()  # a text with no tokens has no direction
    alone = np.stack([emb.embed_array([t])[0] for t in texts])
    assert np.array_equal(together, alone)


def test_related_sentences_are_closer_than_unrelated_ones() -> None:
    emb = StaticEmbeddings()
    a, b, c = emb.embed_array([
        "The database migration moved every table to the new cluster.",
        "We migrated the tables of the old database to another cluster.",
        "My manager and I disagreed about the hiring plan.",
    ])  # fmt: skip
    assert float(a @ b) > float(a @ c) + 0.2


def test_a_changed_table_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "wordllama"
    for name in (TABLE_FILE, TOKENIZER_FILE):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package_dir() / name, root / name)
    with (root / TOKENIZER_FILE).open("a", encoding="utf-8") as fh:
        fh.write(" ")
    with pytest.raises(EmbedderUnavailableError, match="sha256 mismatch"):
        StaticEmbeddings(root)


def test_a_missing_table_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailableError, match="not found"):
        StaticEmbeddings(tmp_path)


def test_the_package_code_is_never_run() -> None:
    """Importing `wordllama` configures the root logger and can fetch files from a model hub; only its two data
    files are read."""
    code = (
        "import logging, sys; from knowledge.embedding_static import StaticEmbeddings; "
        "StaticEmbeddings().embed_array(['a sentence']); "
        "print(any(m == 'wordllama' or m.startswith('wordllama.') for m in sys.modules), "
        "len(logging.getLogger().handlers))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "0"]  # no wordllama module loaded, no handler added to the root logger
