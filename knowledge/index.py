"""The story index: dense (FAISS) + lexical (BM25) retrieval over the candidate's stories, fused by RRF.

``StoryIndex.open(stories)`` builds or reuses a cached index in the data directory: a story whose embedded text is
unchanged keeps its stored vector, so re-opening an unchanged bank embeds nothing. A missing, corrupt or
mismatched index is rebuilt with a one-line notice in ``.notices``; an embedder that cannot run degrades to
BM25-only search with a notice. ``search(question, k, competency)`` returns ``StoryHit``s, best first.

langchain_community is imported only here, lazily on the first dense search (0.9 s of imports in a bare process,
0.2 s once langgraph is loaded: the time to the first question should not pay it), and its sunset
DeprecationWarning is silenced here. Call ``warm()`` (e.g. in a background thread) to pay the one-off costs early.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embeddings import EmbedderUnavailableError, embed_matrix, load_embedder
from knowledge.index_cache import cached_vectors, content_hash, default_index_dir
from knowledge.index_fusion import DENSE_WEIGHT, LEXICAL_WEIGHT, BM25Ranker, competency_matches, fuse, ranks_of
from knowledge.models import Story
from knowledge.paths import samples_dir

__all__ = ["LEXICAL_ONLY", "StoryHit", "StoryIndex", "content_hash", "default_index_dir", "open_story_index"]

LEXICAL_ONLY = "bm25"  # pseudo-embedder name: no dense retrieval at all


@dataclass(frozen=True)
class StoryHit:
    """One retrieved story: fused score (higher is better) and its rank in each ranking (None = not retrieved)."""

    story: Story
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None


class StoryIndex:
    """Hybrid retrieval over a fixed list of stories. Build it with ``StoryIndex.open``."""

    def __init__(
        self,
        stories: list[Story],
        embedder: Embeddings | None,
        matrix: np.ndarray | None,
        notices: list[str],
        index_dir: Path | None = None,
        embedded: int = 0,
    ) -> None:
        self.stories = stories
        self.notices = notices
        self.index_dir = index_dir
        self.embedded = embedded  # stories embedded while opening (0 on an unchanged re-open)
        self.ingest_result: Any = None  # set by open_story_index
        self._embedder = embedder
        self._matrix = matrix
        self._vectorstore: Any = None
        self._bm25 = BM25Ranker(stories)

    @property
    def embedder_name(self) -> str:
        """The embedder doing dense retrieval, or "bm25" when search is lexical only."""
        if self._embedder is None or self._matrix is None:
            return LEXICAL_ONLY
        return str(getattr(self._embedder, "name", type(self._embedder).__name__))

    @classmethod
    def open(
        cls, stories: Sequence[Story], index_dir: Path | None = None, embedder: str | Embeddings = "minilm"
    ) -> StoryIndex:
        """Build or reuse the cached index for `stories` (see the module docstring)."""
        unique: dict[str, Story] = {}
        for story in stories:
            unique.setdefault(story.id, story)
        notices: list[str] = []
        if len(unique) < len(stories):
            notices.append(f"{len(stories) - len(unique)} duplicate story id(s) ignored")
        items = list(unique.values())
        if isinstance(embedder, str) and embedder.strip().lower() == LEXICAL_ONLY:
            return cls(items, None, None, notices)
        model = load_embedder(embedder) if isinstance(embedder, str) else embedder
        stand_in_notice = getattr(model, "notice", None)
        if stand_in_notice:
            notices.append(str(stand_in_notice))
            if isinstance(embedder, str):
                # The named model could not load. BM25 alone beats BM25 fused with the hashing stand-in
                # (sample bank Recall@3 0.89 vs 0.79), so search lexically.
                return cls(items, None, None, notices)
        try:
            matrix, folder, embedded = cached_vectors(items, model, index_dir, notices)
        except EmbedderUnavailableError as exc:
            notices.append(f"dense retrieval off ({exc}); searching with BM25 only")
            return cls(items, None, None, notices)
        return cls(items, model, matrix, notices, folder, embedded)

    def _dense_store(self) -> Any:
        """The LangChain FAISS vector store over the in-memory matrix (built on first use)."""
        if self._vectorstore is None:
            import faiss
            from langchain_core.documents import Document

            # langchain-community warns once, at import, that it is being sunset. A filter rather than
            # catch_warnings, which is not thread-safe and the first search may run in a background thread.
            warnings.filterwarnings("ignore", message=".*langchain-community.* sunset", category=DeprecationWarning)
            from langchain_community.docstore.in_memory import InMemoryDocstore
            from langchain_community.vectorstores import FAISS
            from langchain_community.vectorstores.utils import DistanceStrategy

            assert self._matrix is not None and self._embedder is not None
            flat = faiss.IndexFlatIP(self._matrix.shape[1])
            if len(self._matrix):
                flat.add(self._matrix)
            docs = {s.id: Document(page_content=s.title, metadata={"pos": i}) for i, s in enumerate(self.stories)}
            self._vectorstore = FAISS(
                embedding_function=self._embedder,
                index=flat,
                docstore=InMemoryDocstore(docs),
                index_to_docstore_id={i: s.id for i, s in enumerate(self.stories)},
                distance_strategy=DistanceStrategy.MAX_INNER_PRODUCT,
            )
        return self._vectorstore

    def warm(self) -> None:
        """Pay the one-off costs (ONNX session, imports) now rather than on the first search."""
        if self.embedder_name != LEXICAL_ONLY:
            self.search("warm up", k=1)

    def _dense_ranking(self, query: str) -> list[int]:
        if self._embedder is None or self._matrix is None or not self.stories:
            return []
        try:
            vector = embed_matrix(self._embedder, [query], query=True)[0]
        except EmbedderUnavailableError as exc:
            self.notices.append(f"dense retrieval off ({exc}); searching with BM25 only")
            self._embedder = None
            return []
        found = self._dense_store().similarity_search_with_score_by_vector(vector.tolist(), k=len(self.stories))
        return [int(doc.metadata["pos"]) for doc, _score in found]

    def search(self, query: str, k: int = 3, competency: str | None = None) -> list[StoryHit]:
        """The k stories that best answer `query`, best first; stories tagged `competency` get a small boost."""
        if not query.strip() or k <= 0 or not self.stories:
            return []
        dense = self._dense_ranking(query)
        lexical = self._bm25.rank(query)
        dense_rank = ranks_of(dense)
        lexical_rank = ranks_of(lexical)
        rankings = [(lexical_rank, LEXICAL_WEIGHT)]
        if dense:
            # Every story is in the dense ranking, so stories sharing no word with the question still count for
            # something lexically: all of them share the rank after the last BM25 hit.
            rankings = [(dense_rank, DENSE_WEIGHT), (ranks_of(lexical, len(self.stories)), LEXICAL_WEIGHT)]
        fused = fuse(rankings, competency_matches(self.stories, competency))
        return [
            StoryHit(self.stories[pos], score, dense_rank.get(pos), lexical_rank.get(pos)) for pos, score in fused[:k]
        ]


def open_story_index(
    docs: Sequence[str | Path] | None = None, index_dir: Path | None = None, embedder: str | Embeddings = "minilm"
) -> StoryIndex:
    """Ingest `docs` (files or folders; the bundled sample bank when empty) and open their story index."""
    from knowledge.ingest import ingest_paths

    result = ingest_paths(list(docs) if docs else _sample_documents())
    index = StoryIndex.open(result.stories, index_dir=index_dir, embedder=embedder)
    index.notices[:0] = [str(w) for w in result.warnings]
    index.ingest_result = result
    return index


def _sample_documents() -> list[Path]:
    """The bundled bank's prep documents (its README describes the bank; it is not prep)."""
    return [
        path
        for path in sorted(samples_dir().iterdir())
        if path.suffix.lower() in {".md", ".markdown", ".txt"} and path.stem.lower() != "readme"
    ]
