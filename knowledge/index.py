"""The story index: dense (FAISS, several views per story) + lexical (BM25) retrieval, fused by RRF.

``StoryIndex.open(stories)`` builds or reuses a cached index in the data directory: a view whose text is unchanged
keeps its stored vector, so re-opening an unchanged bank embeds nothing. Reference items (legends, advice, question
lists) are never indexed. A missing, corrupt or mismatched index is rebuilt with a one-line notice in ``.notices``;
an embedder that cannot run degrades to BM25-only search with a notice.

``search(question, k, competency)`` returns ``StoryHit``s, best first; each says whether it ``fits`` the question
(its fit evidence, the hub-corrected similarity plus a share of its BM25 score, clears the threshold
calibrated for the embedder and the bank's size). ``best_fit(question)`` is the best
hit that fits, or None: "no prepared story fits". Dense scoring (FAISS) lives in knowledge.index_dense.
Call ``warm()`` (e.g. in a background thread) to pay the one-off costs early.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.embedding_fixed import shipped_vectors, text_key
from knowledge.embeddings import EmbedderUnavailableError, embed_matrix, load_embedder
from knowledge.index_cache import DenseVectors, cached_vectors, content_hash, default_index_dir
from knowledge.index_dense import DenseScorer, fit_evidence, fit_threshold
from knowledge.index_fusion import (
    DENSE_WEIGHT,
    LEXICAL_WEIGHT,
    BM25Ranker,
    competency_matches,
    fuse,
    ranks_of,
    strip_boilerplate,
)
from knowledge.index_views import MIN_TOLD_WORDS, named_only, told_words
from knowledge.models import Story
from knowledge.paths import samples_dir
from knowledge.pitch import PITCH, PITCH_QUESTION, PITCH_TITLE, introduces_owner
from knowledge.title_kinds import titled_matches

__all__ = ["LEXICAL_ONLY", "StoryHit", "StoryIndex", "content_hash", "default_index_dir", "open_story_index"]

LEXICAL_ONLY = "bm25"  # pseudo-embedder name: no dense retrieval at all


@dataclass(frozen=True)
class StoryHit:
    """One retrieved story: fused score (higher is better), its rank in each ranking (None = not retrieved),
    its hub-corrected dense similarity (None without dense search), the fit evidence that similarity and the
    story's BM25 score make together (knowledge.index_dense.fit_evidence) and whether it fits the question."""

    story: Story
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    similarity: float | None = None
    fits: bool = True
    evidence: float | None = None


class StoryIndex:
    """Hybrid retrieval over a fixed list of stories. Build it with ``StoryIndex.open``."""

    def __init__(
        self,
        stories: list[Story],
        embedder: Embeddings | None,
        vectors: DenseVectors | None,
        notices: list[str],
        index_dir: Path | None = None,
        embedded: int = 0,
    ) -> None:
        self.stories = stories
        self.notices = notices
        self.index_dir = index_dir
        self.embedded = embedded  # texts embedded while opening (0 on an unchanged re-open)
        self.ingest_result: Any = None  # set by open_story_index
        self._embedder = embedder
        named = frozenset(i for i, s in enumerate(stories) if named_only(s))
        self._dense = DenseScorer(vectors, embedder, len(stories), named) if vectors is not None and embedder else None
        self._bm25 = BM25Ranker(stories)
        self.threshold = fit_threshold(self.embedder_name, len(stories))
        # A pitch is a hub for every question but the one it answers: "tell me about yourself" finds it uncorrected.
        self._pitches = frozenset(i for i, s in enumerate(stories) if is_pitch(s))
        # Prepared answers to a question of their own (flashcards, Q&A), pitches aside: see search().
        self._answers = frozenset(
            i for i, s in enumerate(stories) if s.kind == "answer" and s.questions and i not in self._pitches
        )
        self._queries: dict[str, np.ndarray] = {}  # query vectors embedded ahead by prime()
        self._shipped: dict[str, np.ndarray] | None = None  # the bundled packs' questions, embedded at release

    @property
    def embedder_name(self) -> str:
        """The embedder doing dense retrieval, or "bm25" when search is lexical only."""
        if self._embedder is None or self._dense is None:
            return LEXICAL_ONLY
        return str(getattr(self._embedder, "name", type(self._embedder).__name__))

    @classmethod
    def open(
        cls, stories: Sequence[Story], index_dir: Path | None = None, embedder: str | Embeddings = "minilm"
    ) -> StoryIndex:
        """Build or reuse the cached index for `stories` (see the module docstring)."""
        unique: dict[str, Story] = {}
        for story in stories:
            if is_retrievable(story):
                unique.setdefault(story.id, story)
        notices: list[str] = []
        retrievable = sum(1 for s in stories if is_retrievable(s))
        if len(unique) < retrievable:
            notices.append(f"{retrievable - len(unique)} duplicate story id(s) ignored")
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
            vectors, folder, embedded = cached_vectors(items, model, index_dir, notices)
        except EmbedderUnavailableError as exc:
            notices.append(f"dense retrieval off ({exc}); searching with BM25 only")
            return cls(items, None, None, notices)
        return cls(items, model, vectors, notices, folder, embedded)

    def warm(self) -> None:
        """Pay the one-off costs (ONNX session, imports) now rather than on the first search."""
        if self.embedder_name != LEXICAL_ONLY:
            self.search("warm up", k=1)

    def prime(self, queries: Sequence[str]) -> None:
        """Embed the queries about to be searched in one batch (a model's vector for a text does not depend on
        the batch it is in, so every search result stays the same; only the per-call overhead goes)."""
        if self._embedder is None or self._dense is None or not self.stories:
            return
        texts = [t for t in dict.fromkeys(strip_boilerplate(q) for q in queries if q.strip()) if t not in self._queries]
        texts = [t for t in texts if self._shipped_query(t) is None]
        if not texts:
            return
        try:
            vectors = embed_matrix(self._embedder, texts, query=True)
        except EmbedderUnavailableError:
            return  # the searches themselves say so
        self._queries.update(zip(texts, vectors, strict=True))

    def _shipped_query(self, text: str) -> np.ndarray | None:
        """The shipped vector of a bundled role pack's question as searched (knowledge.embedding_fixed), if any."""
        if self._shipped is None:
            self._shipped = shipped_vectors(self._embedder) if self._embedder is not None else {}
        return self._shipped.get(text_key(text))

    def _dense_scores(self, query: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(score per story, score of its head view alone, ranking score) for the query; None without dense
        search."""
        if self._embedder is None or self._dense is None or not self.stories:
            return None
        try:
            # Stripped like the stories' titles and questions are: "Tell me about a time ..." would otherwise pull
            # every query toward whichever story is phrased that way.
            text = strip_boilerplate(query)
            vector = self._queries.pop(text, None)
            if vector is None:
                vector = self._shipped_query(text)
            if vector is None:
                vector = embed_matrix(self._embedder, [text], query=True)[0]
        except EmbedderUnavailableError as exc:
            self.notices.append(f"dense retrieval off ({exc}); searching with BM25 only")
            self._embedder = None
            return None
        return self._dense.scores(vector, self._pitches if _asks_for_pitch(query) else frozenset())

    def search(self, query: str, k: int = 3, competency: str | None = None) -> list[StoryHit]:
        """The k stories that best answer `query`, best first; stories tagged `competency` get a small boost."""
        if not query.strip() or k <= 0 or not self.stories:
            return []
        dense_scores = self._dense_scores(query)
        scores, heads, ranking = dense_scores if dense_scores is not None else (None, None, None)
        bm25 = self._bm25.scores(query)
        lexical = self._bm25.rank(query)
        lexical_rank = ranks_of(lexical)
        dense_rank: dict[int, int] = {}
        rankings = [(lexical_rank, LEXICAL_WEIGHT)]
        if ranking is not None:
            dense = [int(pos) for pos in np.argsort(-ranking, kind="stable") if np.isfinite(ranking[pos])]
            dense_rank = ranks_of(dense)
            # Every story is in the dense ranking, so stories sharing no word with the question still count for
            # something lexically: all of them share the rank after the last BM25 hit.
            rankings = [(dense_rank, DENSE_WEIGHT), (ranks_of(lexical, len(self.stories)), LEXICAL_WEIGHT)]
        titled = titled_matches(self.stories, query, competency)
        fused = fuse(rankings, competency_matches(self.stories, competency), titled)
        # The question asks for the candidate's pitch: the pitches answer it whatever their topic words say, so
        # they go first (a story that shares its words with the background question is not an introduction). A
        # question that asks for a past situation is not answered by a pitch, however many of the candidate's
        # projects it names: pitches go last. Any other question ("what pulls you toward a bigger remit?") ranks
        # them by what they say, like everything else.
        pitched = self._pitches if _asks_for_pitch(query) else frozenset()
        asks_for_story = bool(_ASKS_FOR_STORY.search(query))
        if self._pitches and (pitched or asks_for_story):
            first = [f for f in fused if (f[0] in self._pitches) == bool(pitched)]
            fused = first + [f for f in fused if (f[0] in self._pitches) != bool(pitched)]
        hits = []
        for pos, score in fused[:k]:
            similarity = None if scores is None else round(float(scores[pos]), 4)
            evidence = None if similarity is None else round(fit_evidence(similarity, bm25.get(pos, 0.0)), 4)
            if evidence is not None and heads is not None and pos in self._answers:
                # A prepared answer (an opinion, an explanation) answers its own question: it fits when the question
                # asked meets that question (its head view), not because its text shares a topic ("hire a platform
                # engineer first" is about hiring, whatever it says about infrastructure); and a question that asks
                # for a past situation wants a story, which no opinion is.
                evidence = min(evidence, round(fit_evidence(float(heads[pos]), bm25.get(pos, 0.0)), 4))
                fits_answer = not asks_for_story
            else:
                fits_answer = True
            fits = evidence is None or self.threshold is None or evidence >= self.threshold or pos in pitched
            # a calibrated index offers a pitch as "your prepared story" only for a question it answers
            offered = pos not in self._pitches or pos in pitched or self.threshold is None
            fits = fits and fits_answer and offered
            ranks = (dense_rank.get(pos), lexical_rank.get(pos))
            hits.append(StoryHit(self.stories[pos], score, *ranks, similarity, fits, evidence))
        return hits

    def best_fit(self, query: str, competency: str | None = None) -> StoryHit | None:
        """The best-ranked of the top 3 stories that fits the question; None means no prepared story fits."""
        return next((hit for hit in self.search(query, k=3, competency=competency) if hit.fits), None)


# Questions that ask for a past situation: "Tell me about a time / about setting ...", "Describe a time", "Describe
# restructuring ...", "Give me an example", "Walk me through a ...", "Have you ever", "What did you do when", "How did
# you staff ...", "How have you structured ...".
_ASKS_FOR_STORY = re.compile(
    r"^\W*(?:tell (?:me|us) about|describe (?:a|an|the|one|your (?:most|biggest|hardest|last)|\w+ing)\b|give (?:me|us) "
    r"an? (?:example|instance)|walk (?:me|us) through (?:a|an|the|one)\b|have you ever|"
    r"(?:how|what|when) (?:did|have) you)\b|\b(?:a|one) time (?:when|you)\b|\bwhat did you do\b|\bthe last time\b",
    re.IGNORECASE,
)


def _asks_for_pitch(query: str) -> bool:
    """"Tell me about yourself", "walk me through your background", "why this role", "what brought you into
    management"."""
    return bool(PITCH_QUESTION.search(query))


def is_retrievable(story: Story) -> bool:
    """Legends, advice and question lists (references) are kept by ingest but never retrieved; nor is a stub: a
    heading the candidate left for a story not yet written ("[?] maybe the outage one"), which has nothing to
    offer as "your prepared story" (ingest still lists it as unfinished)."""
    return story.kind != "reference" and not (story.unfinished and told_words(story) < MIN_TOLD_WORDS)


def is_pitch(story: Story) -> bool:
    """A prepared answer to "tell me about yourself": titled as a pitch (or as what a pitch question asks for:
    "60-sec intro", "Background"), prepared for a pitch question, or opening on who its owner is."""
    titled = PITCH_TITLE.search(story.title) or PITCH.search(story.title)
    if story.kind != "answer":
        return False
    # a profile or bio under a name of its own ("Player profile", a note about its owner) opens by introducing them
    return bool(titled or PITCH.search(story.question or "")) or introduces_owner(story.text)


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
