"""Static word embeddings for the critic: WordLlama's l2_supercat 256-d token table, averaged per sentence.

The critic compares every sentence of an answer with the question, the role pack's other questions and the
question's signals. A transformer pass over each sentence (MiniLM, knowledge.embedding_minilm) costs ~45 ms per
answer on one core; looking up each token's row in a fixed table and averaging costs well under a millisecond.

The table and its tokenizer ship inside the `wordllama` wheel (pinned in pyproject.toml). Only the two files are
read: the package's own code is never imported (importing it configures the root logger and can fetch missing
files from a model hub; nothing here ever downloads). Both files are pinned by sha256 in THIS module and verified
when the embedder is built (the 16 MB table's hash is cached per path, size and mtime, as for MiniLM).
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embedding_minilm import EmbedderUnavailableError, verify_file

TABLE_SHA256 = "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5"
TOKENIZER_SHA256 = "93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68"
TABLE_FILE = "weights/l2_supercat_256.safetensors"
TOKENIZER_FILE = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"
DIMENSION = 256
MAX_TOKENS = 512  # a sentence longer than this is judged on its first 512 tokens' meaning


def package_dir() -> Path:
    """Where the installed `wordllama` package's files are, found without importing (running) the package."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderUnavailableError("package wordllama is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


class StaticEmbeddings(Embeddings):
    """Mean of the sentence's token vectors, L2-normalised (inner product = cosine)."""

    name = "wordllama"
    dimension = DIMENSION
    model_hash = TABLE_SHA256
    notice: str | None = None

    def __init__(self, root: Path | None = None) -> None:
        root = Path(root) if root else package_dir()
        self.table_path = root / TABLE_FILE
        self.tokenizer_path = root / TOKENIZER_FILE
        verify_file(self.table_path, TABLE_SHA256, "wordllama table")
        verify_file(self.tokenizer_path, TOKENIZER_SHA256, "wordllama tokenizer")
        self._table: np.ndarray | None = None
        self._tokenizer: Any = None
        self._loading = threading.Lock()

    def _load(self) -> tuple[np.ndarray, Any]:
        """Read the table and the tokenizer on first use (~40 ms)."""
        with self._loading:
            if self._table is None:
                try:
                    from safetensors.numpy import load_file
                    from tokenizers import Tokenizer

                    table = np.ascontiguousarray(load_file(str(self.table_path))[TENSOR], dtype=np.float32)
                    tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
                    tokenizer.no_padding()
                    tokenizer.enable_truncation(max_length=MAX_TOKENS)
                except Exception as exc:  # safetensors and tokenizers raise their own exception types
                    raise EmbedderUnavailableError(f"could not load the wordllama table: {exc}") from exc
                if table.ndim != 2 or table.shape[1] != DIMENSION:
                    raise EmbedderUnavailableError(f"wordllama table has shape {table.shape}")
                self._tokenizer, self._table = tokenizer, table
            return self._table, self._tokenizer

    def warm(self) -> None:
        """Load the table now."""
        self._load()

    def embed_array(self, texts: list[str]) -> np.ndarray:
        """Embed texts as an (n, 256) float32 array of unit vectors (a text with no tokens gets a zero vector)."""
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        table, tokenizer = self._load()
        single: list[int] = []  # rows of one token: their mean is that token's row, taken in one step below
        single_ids: list[int] = []
        # One text at a time on this thread: encode_batch hands even a few sentences to the tokenizer's worker
        # threads, and waking them costs more wall time than the encoding on a busy machine (the same ids).
        for row, enc in enumerate(tokenizer.encode(text, add_special_tokens=False) for text in texts):
            if len(enc.ids) == 1:  # most single words (paraphrase.py embeds an answer's words one by one)
                single.append(row)
                single_ids.append(enc.ids[0])
                continue
            ids = np.clip(np.asarray(enc.ids, dtype=np.int64), 0, len(table) - 1)
            if len(ids):
                out[row] = table[ids].mean(axis=0)
        if single:
            out[single] = table[np.clip(np.asarray(single_ids, dtype=np.int64), 0, len(table) - 1)]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.clip(norms, 1e-12, None)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain API: one vector per text."""
        return self.embed_array(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain API: queries and documents are embedded the same way."""
        return self.embed_array([text])[0].tolist()
