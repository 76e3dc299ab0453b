"""Lexical ranking (BM25) and reciprocal rank fusion for the story index.

Dense retrieval finds paraphrases ("a time you disagreed with a peer" ~ "conflict with the data lead"); BM25 finds
the candidate's exact words ("Kafka", "p95"). Reciprocal rank fusion combines the two rankings without having to
calibrate their scores against each other: score = sum over rankers of weight / (k + rank), k = 60.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from knowledge.embedding_hashing import tokenize
from knowledge.models import Story, slugify

RRF_K = 60
# Interview questions are mostly paraphrases of the candidate's stories, so the dense ranking gets more say.
# A story tagged with the question's competency gains what moving from rank 5 to rank 1 in one ranking gives:
# enough to break near-ties toward the right competency, too small to lift a weak match over a strong one
# (tags come from keyword heuristics and are noisy). Both measured with `python -m evals.retrieval` on the sample
# bank (15 stories, 38 questions): dense weight 1.0/1.5/2.0 -> Recall@3 0.97/0.95/0.87 and Recall@1 0.71/0.76/0.74
# with this boost; twice this boost costs 0.08 of Recall@3.
DENSE_WEIGHT = 1.5
LEXICAL_WEIGHT = 1.0
COMPETENCY_BOOST = 1.0 / (RRF_K + 1) - 1.0 / (RRF_K + 5)

# "Tell me about a time when you ..." opens half of all prepared questions; in a story title it would pull every
# question so phrased toward the Q&A answers, whatever their topic.
_BOILERPLATE = re.compile(
    r"\b(?:(?:can|could|would) you |please )?"
    r"(?:tell me about|describe|walk me through|talk me through|give me an example of|share an example of)\s+"
    r"(?:(?:a|one) time|an? (?:occasion|situation|example|case))?\s*(?:when|where|that|in which)?\s*(?:you\s+)?"
    r"|\bhave you (?:ever )?",
    re.IGNORECASE,
)


def strip_boilerplate(question: str) -> str:
    """'Tell me about a time you cut costs.' -> 'cut costs.'; the text itself when at most one word would be left
    ('Tell me about yourself' is a question in its own right, 'yourself' is not)."""
    rest = _BOILERPLATE.sub("", question).strip()
    return rest if len(rest.split()) > 1 else question


def lexical_text(story: Story, title_copies: int = 2) -> str:
    """What BM25 sees: the title (twice by default: titles are dense with topic words), the prepared question, the
    text."""
    question = story.question if story.question and story.question != story.title else ""
    return "\n".join(part for part in (*[story.title] * title_copies, question, story.text) if part)


def dense_text(story: Story) -> str:
    """What the embedder sees: title and question first (MiniLM truncates at 256 tokens), minus boilerplate."""
    question = story.question if story.question and story.question != story.title else ""
    parts = (strip_boilerplate(story.title), strip_boilerplate(question) if question else "", story.text)
    return "\n".join(part for part in parts if part)


class BM25Ranker:
    """BM25 (Okapi) over the stories' lexical text: one model scores fit evidence, another ranks.

    The fit evidence (knowledge.index_dense.fit_evidence) reads the title twice, as the "no prepared story fits"
    threshold was calibrated. The ranking reads it once: counted twice, one title word shared with the question (a
    "launch", a "bill") outranked the story whose text tells what the question asks. Over the sample bank and every
    retrieval dev set (`python -m evals.retrieval`): Recall@1 +12 questions, Recall@3 +1, no set lower by more than one
    question; ranking with the title twice or not at all is worse.
    """

    def __init__(self, stories: Sequence[Story]) -> None:
        from rank_bm25 import BM25Okapi

        self._docs = [tokenize(lexical_text(s)) for s in stories]
        self._vocab = [set(doc) for doc in self._docs]
        # BM25Okapi divides by the corpus size: an empty corpus or all-empty docs would crash it.
        self._bm25 = BM25Okapi(self._docs) if any(self._docs) else None
        ranked = [tokenize(lexical_text(s, title_copies=1)) for s in stories]
        self._ranking = BM25Okapi(ranked) if any(ranked) else None

    def scores(self, query: str) -> dict[int, float]:
        """BM25 score (title twice: the fit evidence's) of every story sharing a term with the query (Okapi IDF is
        floored at a small epsilon for very common words, so overlap is tested explicitly)."""
        return self._scores(self._bm25, query)

    def rank(self, query: str) -> list[int]:
        """Positions of the stories sharing a term with the query, best first by the ranking model (ties: document
        order)."""
        found = self._scores(self._ranking, query)
        return sorted(found, key=lambda i: (-found[i], i))

    def _scores(self, model: Any, query: str) -> dict[int, float]:
        terms = tokenize(query)
        if model is None or not terms:
            return {}
        scores = model.get_scores(terms)
        wanted = set(terms)
        return {i: float(scores[i]) for i, vocab in enumerate(self._vocab) if wanted & vocab}


def ranks_of(ranking: Sequence[int], size: int | None = None) -> dict[int, int]:
    """1-based rank per position; with `size`, the unranked rest share the next rank (equal evidence, equal rank)."""
    ranks = {pos: rank for rank, pos in enumerate(ranking, start=1)}
    if size is not None:
        for pos in range(size):
            ranks.setdefault(pos, len(ranking) + 1)
    return ranks


def fuse(
    rankings: Sequence[tuple[Mapping[int, int], float]],
    boosted: set[int] | None = None,
    titled: set[int] | None = None,
) -> list[tuple[int, float]]:
    """Weighted reciprocal rank fusion of (rank per position, weight) rankings, plus the competency boost, and the
    same again for a story whose title names what the question asks about (knowledge.title_kinds).

    Returns (position, score) for every position some ranking ranks, best first; ties break on the position so
    the order is stable. The boost only reorders retrieved items: a tag alone never makes a story a hit.
    """
    scores: dict[int, float] = {}
    for ranks, weight in rankings:
        for pos, rank in ranks.items():
            scores[pos] = scores.get(pos, 0.0) + weight / (RRF_K + rank)
    for pos in [*(boosted or ()), *(titled or ())]:
        if pos in scores:
            scores[pos] += COMPETENCY_BOOST
    return sorted(((pos, round(score, 6)) for pos, score in scores.items()), key=lambda item: (-item[1], item[0]))


def competency_matches(stories: Sequence[Story], competency: str | None) -> set[int]:
    """Positions of stories tagged with `competency` (compared as slugs: 'System design' == 'system_design')."""
    if not competency:
        return set()
    want = slugify(competency)
    return {i for i, s in enumerate(stories) if any(slugify(c) == want for c in s.competencies)}
