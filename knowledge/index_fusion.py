"""Lexical ranking (BM25) and reciprocal rank fusion for the story index.

Dense retrieval finds paraphrases ("a time you disagreed with a peer" ~ "conflict with the data lead"); BM25 finds
the candidate's exact words ("Kafka", "p95"). Reciprocal rank fusion combines the two rankings without having to
calibrate their scores against each other: score = sum over rankers of 1 / (k + rank), k = 60.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.embedding_hashing import tokenize
from knowledge.models import Story, slugify

RRF_K = 60
# A story tagged with the question's competency gains what moving from rank ~10 to rank 1 in one ranking gives.
# Enough to break near-ties toward the right competency; too small to lift an unrelated story over a strong match.
COMPETENCY_BOOST = 1.0 / (RRF_K + 1) - 1.0 / (RRF_K + 10)


def lexical_text(story: Story) -> str:
    """What BM25 sees: the title (twice: titles are dense with topic words), the prepared question, the text."""
    return "\n".join(part for part in (story.title, story.title, story.question or "", story.text) if part)


def dense_text(story: Story) -> str:
    """What the embedder sees: title and question first, because MiniLM truncates at 256 tokens."""
    return "\n".join(part for part in (story.title, story.question or "", story.text) if part)


class BM25Ranker:
    """BM25 (Okapi) over the stories' lexical text; ranks only stories sharing at least one query term."""

    def __init__(self, stories: Sequence[Story]) -> None:
        from rank_bm25 import BM25Okapi

        self._docs = [tokenize(lexical_text(s)) for s in stories]
        # BM25Okapi divides by the corpus size: an empty corpus or all-empty docs would crash it.
        self._bm25 = BM25Okapi(self._docs) if any(self._docs) else None

    def rank(self, query: str) -> list[int]:
        """Story positions, best first, for stories with a positive BM25 score."""
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        query_terms = set(terms)
        # Okapi IDF can be ~0 for words in most stories, so also require a shared term.
        hits = [i for i, doc in enumerate(self._docs) if query_terms.intersection(doc)]
        return sorted(hits, key=lambda i: (-float(scores[i]), i))


def fuse(
    rankings: Sequence[Sequence[int]],
    boosted: set[int] | None = None,
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of several rankings of item positions, plus the competency boost.

    Returns (position, score) for every item that appears in some ranking, best first; ties break on the position
    so the order is stable. The boost only reorders retrieved items: a tag alone never makes a story a hit.
    """
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, pos in enumerate(ranking, start=1):
            scores[pos] = scores.get(pos, 0.0) + 1.0 / (RRF_K + rank)
    for pos in boosted or ():
        if pos in scores:
            scores[pos] = scores.get(pos, 0.0) + COMPETENCY_BOOST
    return sorted(((pos, round(score, 6)) for pos, score in scores.items()), key=lambda item: (-item[1], item[0]))


def competency_matches(stories: Sequence[Story], competency: str | None) -> set[int]:
    """Positions of stories tagged with `competency` (compared as slugs: 'System design' == 'system_design')."""
    if not competency:
        return set()
    want = slugify(competency)
    return {i for i, s in enumerate(stories) if any(slugify(c) == want for c in s.competencies)}
