"""The one place embedders are built: ``load_embedder(name)``.

Every embedder is a LangChain ``Embeddings`` with three extra attributes the story index keys its cache on:
``name``, ``dimension`` and ``model_hash`` (plus ``notice``: a one-line message when it stands in for another).

- "minilm" (default): all-MiniLM-L6-v2 int8 ONNX, offline, sha256-pinned. If it cannot load (file missing, hash
  mismatch) the lexical "hashing" embedder is returned in its place, carrying a notice, so no caller crashes over
  retrieval; the story index, seeing the notice, searches with BM25 only (measured better than BM25 + hashing).
  Failures that only show up when the ONNX session starts (first embed) raise EmbedderUnavailableError, which
  the index also turns into BM25-only search with a notice.
- "hashing": deterministic hashed word/bigram counts, for tests and as the fallback.
- "openai": OpenAIEmbeddings, only when OPENAI_API_KEY is set (honours OPENAI_BASE_URL).
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embedder_names import EMBEDDER_NAMES
from knowledge.embedding_hashing import HashingEmbeddings
from knowledge.embedding_minilm import EmbedderUnavailableError, MiniLMEmbeddings
from knowledge.embedding_static import StaticEmbeddings

DEFAULT_OPENAI_MODEL = "text-embedding-3-small"
_OPENAI_DIMENSIONS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}

__all__ = [
    "EMBEDDER_NAMES",
    "EmbedderUnavailableError",
    "HashingEmbeddings",
    "MiniLMEmbeddings",
    "embed_matrix",
    "load_embedder",
    "shared_minilm",
]


def load_embedder(name: str = "minilm", **kw: Any) -> Embeddings:
    """Build the named embedder. Unknown names raise ValueError listing the valid ones.

    Keyword options: minilm — model_path, tokenizer_path; hashing — dimension; openai — model, dimension, base_url.
    """
    key = (name or "minilm").strip().lower()
    if key == "minilm":
        try:
            return MiniLMEmbeddings(model_path=kw.get("model_path"), tokenizer_path=kw.get("tokenizer_path"))
        except EmbedderUnavailableError as exc:
            return HashingEmbeddings(notice=f"minilm embedder unavailable ({exc}); using lexical search instead")
    if key == "hashing":
        return HashingEmbeddings(dimension=int(kw.get("dimension", 512)))
    if key == "openai":
        return _load_openai(model=kw.get("model"), dimension=kw.get("dimension"), base_url=kw.get("base_url"))
    raise ValueError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDER_NAMES)}")


_SHARED: dict[str, Embeddings] = {}
_SHARED_LOCK = threading.Lock()


def shared_minilm() -> Embeddings:
    """The process's one MiniLM model (one ONNX session, ~100 MB): the critic and every candidate's story index
    use it. A MiniLM that could not load comes back as the lexical fallback with its `notice`."""
    with _SHARED_LOCK:
        if "minilm" not in _SHARED:
            _SHARED["minilm"] = load_embedder("minilm")
        return _SHARED["minilm"]


def shared_static() -> Embeddings:
    """The process's one static word-vector table (knowledge.embedding_static, 16 MB): the critic's sentence
    vectors. One that could not load comes back as the lexical fallback with its `notice`."""
    with _SHARED_LOCK:
        if "wordllama" not in _SHARED:
            try:
                _SHARED["wordllama"] = StaticEmbeddings()
            except EmbedderUnavailableError as exc:
                _SHARED["wordllama"] = HashingEmbeddings(notice=f"wordllama table unavailable ({exc})")
        return _SHARED["wordllama"]


def _load_openai(model: str | None, dimension: int | None, base_url: str | None = None) -> Embeddings:
    """OpenAI (or an OpenAI-compatible server: `base_url`, else OPENAI_BASE_URL); refuses to build without a key.

    Texts are sent as text (check_embedding_ctx_length off): the default first tokenizes them with tiktoken, whose
    table is fetched from a public host on first use, a download at run time the user never asked for that fails
    offline (sweep 35 B23). A server that cannot be reached, or refuses, raises EmbedderUnavailableError, so the
    index searches with BM25 alone and says so, and a later --resume is not stopped by it.
    """
    if not os.environ.get("OPENAI_API_KEY"):
        raise EmbedderUnavailableError("embedder 'openai' needs OPENAI_API_KEY; use --embedder minilm to stay offline")
    import openai
    from langchain_openai import OpenAIEmbeddings

    model = model or os.environ.get("INTERVIEWER_EMBEDDING_MODEL") or DEFAULT_OPENAI_MODEL
    base_url = (base_url or os.environ.get("OPENAI_BASE_URL") or "").strip() or None

    class _OpenAI(OpenAIEmbeddings):
        """OpenAIEmbeddings plus the attributes the index keys on; its failures are EmbedderUnavailableError."""

        name: str = "openai"
        dimension: int = 0
        model_hash: str = ""
        notice: str | None = None

        def embed_documents(self, texts: list[str], chunk_size: int | None = None, **kw: Any) -> list[list[float]]:
            try:
                return super().embed_documents([t[:_OPENAI_MAX_CHARS] for t in texts], chunk_size, **kw)
            except openai.OpenAIError as exc:
                raise EmbedderUnavailableError(_openai_failure(exc, base_url)) from None

        def embed_query(self, text: str, **kw: Any) -> list[float]:
            return self.embed_documents([text], **kw)[0]

    # a server of our own choosing may serve a model of another size under the same name: asked once, not assumed
    dim = int(dimension or (0 if base_url else _OPENAI_DIMENSIONS.get(model, 0)))
    options: dict[str, Any] = {"base_url": base_url} if base_url else {}
    return _OpenAI(
        model=model,
        dimension=dim,
        model_hash=f"openai-{model}",
        check_embedding_ctx_length=False,
        max_retries=1,
        **options,
    )


# Sent as text, a story is not cut into the model's 8,191-token windows: one far over that would be refused whole.
# 20,000 characters stays under it for English prose (about 4 characters a token), and a story is rarely longer.
_OPENAI_MAX_CHARS = 20_000


def _openai_failure(exc: BaseException, base_url: str | None) -> str:
    """One line: which server the embedder could not use, and why (the client's text, without a traceback)."""
    from urllib.parse import urlsplit

    where = "the server at the base URL" if base_url else "the OpenAI API"
    if base_url:  # scheme, host and path only: a user name, password or query may hold a key
        with contextlib.suppress(ValueError):
            parts = urlsplit(base_url)
            where = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "") + parts.path
    why = " ".join(str(exc).split())[:160].rstrip(".") or type(exc).__name__
    return f"embedder 'openai' could not use {where}: {why}"


def embedder_dimension(embedder: Embeddings) -> int:
    """The embedder's vector size; asks the model once when it does not declare one (OpenAI-compatible servers)."""
    dim = int(getattr(embedder, "dimension", 0) or 0)
    if dim <= 0:
        dim = len(embedder.embed_query("dimension probe"))
        with contextlib.suppress(AttributeError, ValueError):  # a frozen model just re-probes next time
            embedder.dimension = dim  # type: ignore[attr-defined]
    return dim


def embed_matrix(embedder: Embeddings, texts: list[str], query: bool = False) -> np.ndarray:
    """Embed texts as a unit-length float32 matrix (inner product = cosine), whatever the embedder."""
    if hasattr(embedder, "embed_array"):
        matrix = np.asarray(embedder.embed_array(texts), dtype=np.float32)
    elif query:
        matrix = np.asarray([embedder.embed_query(t) for t in texts], dtype=np.float32)
    else:
        matrix = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    if matrix.ndim != 2:
        matrix = matrix.reshape(len(texts), -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.ascontiguousarray(matrix / np.clip(norms, 1e-12, None), dtype=np.float32)
