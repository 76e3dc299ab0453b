"""Dense scoring of stories: FAISS over every view, hubness-corrected max-sim per story.

The FAISS index (an exact inner-product index, ``faiss.IndexFlatIP``) is built in memory from the cached vectors
and searched directly with faiss: LangChain's FAISS wrapper (langchain_community, being sunset) cost 0.9 s of imports
in a bare process and built a Document per view on every search, for the same scores. knowledge.index_store
writes the vectors with faiss.write_index (never pickled).

Hub correction. Some views are close to almost any interview question: an elevator pitch that names every project,
a "90-second version", a summary paragraph. Raw max-sim lets them win everywhere. Each view's hubness is its mean
similarity to its HUB_NEIGHBOURS nearest probes (the role packs' questions, knowledge.index_views.hub_probes), the
cross-domain similarity local scaling (CSLS) idea; a view scores ``cosine - HUB_WEIGHT * hubness``. A story's dense
score is its best view's. The corrected score, plus a share of the story's BM25 score (``fit_evidence``), is what
the "no prepared story fits" threshold is set on: a generic view no longer clears it for every question.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.index_cache import DenseVectors

# Tuned with `python -m evals.retrieval --set evals/retrieval_dev` and the sample bank (see evals/retrieval.py).
HUB_NEIGHBOURS = 10
HUB_WEIGHT = 0.5
# A story titled by nothing but the question it was prepared for (a practice tool's prompt, a Q&A heading) has a
# head view that is an interview question itself: it meets every question in the same form and on the same broad
# subject ("a failure of yours as a team lead" against any question about leads), so its hubness, its closeness to
# the probe questions, weighs more when stories are ranked. Whether a story fits is still judged with HUB_WEIGHT
# (the fit threshold was calibrated on it). Over every retrieval set 0.75 raises Recall@1 on the sample bank, dev,
# dev28, dev30 and dev31 and changes no other figure for the worse; 1.0 cuts more answerable questions off (dev,
# dev32) and loses the sample bank's gain.
ASKED_HUB_WEIGHT = 0.75
# A story is ranked by its best view plus SECOND_VIEW_WEIGHT times its second best: a story told in several parts
# that each meet the question beats one whose single view does (often a title sharing the question's topic word, or a
# summary paragraph), while one strong view still ranks a story. Only the ranking: fit is still judged on the best
# view. A story of one part gets no second view: that part is read with its head (knowledge.index_views.story_views),
# so the pair would count the title twice. Over the sample bank and every retrieval dev set (`python -m
# evals.retrieval`, with BM25 ranking on the title once, index_fusion.BM25Ranker): 0.15 / 0.2 / 0.25 / 0.3 / 0.4 /
# 0.5 add 6 / 6 / 17 / 15 / 19 / 18 questions to Recall@1 and 8 / 15 / 16 / 17 / 22 / 19 to Recall@3 (one-part
# stories counted too; leaving them out adds 1 and 3 more at 0.3); from 0.4 the dev set loses two at Recall@3. The
# story's mean view (0.3) does as well at Recall@1 and worse at Recall@3; the second best part alone, worse at both.
SECOND_VIEW_WEIGHT = 0.3
# "No prepared story fits" below a threshold on the fit evidence that rises with the bank's size: the best of N
# stories scores higher on a question none of them answers the more stories there are (an extreme-value effect),
# so one fixed value either lets most unanswerable questions through in a big bank or cuts real matches off in a
# small one. Per embedder, threshold(N) = base + per_log * ln(N) for MIN_CALIBRATED_BANK <= N <= MAX_CALIBRATED_BANK
# (the nearest end outside). minilm: the value that says "no fit" to 80% of the unanswerable questions of both dev
# sets (37 + 12), measured by `python -m evals.retrieval_calibrate` (20 seeded random sub-banks per set of 5, 10, 20
# and 35 stories, pooled; 50, 70 and 100 of the dev set's 103 stories: 0.194, 0.242, 0.292, 0.351, 0.373, 0.406,
# 0.445; it cuts off 8% of the answerable searches at 5 stories and 40% at 100); the log fit gives 0.19 at 5, 0.28 at
# 15, 0.35 at 35, 0.44 at 100. The previous fit (the dev set alone) was 0.0552 + 0.0834 ln(N). Never measured beyond
# 100 stories, so bigger banks keep the 100-story value. Embedders without a calibration never say "no fit".
FIT_THRESHOLDS: dict[str, tuple[float, float]] = {"minilm": (0.0514, 0.0836)}
MIN_CALIBRATED_BANK = 3  # smaller banks get the 3-story threshold
MAX_CALIBRATED_BANK = 100  # bigger banks get the 100-story threshold
# Fit evidence = hub-corrected similarity + LEXICAL_EVIDENCE * BM25 score. A question no story answers usually names
# a topic (a merger, a patent) that no story mentions, which the candidate's own words show better than MiniLM's
# paraphrase space: on the dev set (44 answerable, 21 unanswerable questions) the two together separate answerable
# from unanswerable questions better (AUC 0.82 -> 0.88) than the similarity alone.
LEXICAL_EVIDENCE = 0.03


def fit_evidence(similarity: float, bm25: float) -> float:
    """How strongly a story answers a question: its hub-corrected similarity plus a share of its BM25 score."""
    return similarity + LEXICAL_EVIDENCE * max(bm25, 0.0)


def fit_threshold(embedder: str, stories: int) -> float | None:
    """The calibrated "fits" threshold for an embedder name and a bank of `stories`, or None when it has none."""
    fitted = FIT_THRESHOLDS.get(embedder)
    if fitted is None:
        return None
    base, per_log = fitted
    return round(base + per_log * math.log(min(max(stories, MIN_CALIBRATED_BANK), MAX_CALIBRATED_BANK)), 4)


def view_hubness(views: np.ndarray, probes: np.ndarray, neighbours: int | None = None) -> np.ndarray:
    """Per view: mean cosine to its `neighbours` (default HUB_NEIGHBOURS) most similar probes (0 without probes)."""
    if not len(probes) or not len(views):
        return np.zeros(len(views), dtype=np.float32)
    neighbours = HUB_NEIGHBOURS if neighbours is None else neighbours
    sims = probes @ views.T  # (probes, views): a few hundred thousand products, well under a millisecond
    top = np.sort(sims, axis=0)[-min(neighbours, len(probes)) :]
    return top.mean(axis=0).astype(np.float32)


class DenseScorer:
    """Story scores for a query vector: max over the story's views of (cosine - HUB_WEIGHT * hubness)."""

    def __init__(
        self, vectors: DenseVectors, embedder: Embeddings, stories: int, named: frozenset[int] = frozenset()
    ) -> None:
        self.vectors = vectors
        self.stories = stories
        self.hubness = view_hubness(vectors.views, vectors.probes)
        self.is_head = np.array([kind in ("head", "asked") for kind in vectors.kinds], dtype=bool)
        # The head views of stories whose title is only a name (knowledge.index_views.named_only) and that have parts
        # of their own: they rank the story, but whether it fits is judged on what its text says.
        owners = np.asarray(vectors.owner)
        self.name_view = np.zeros(len(owners), dtype=bool)
        if named and len(self.is_head) == len(owners):
            told = np.bincount(owners[~self.is_head], minlength=stories)
            self.name_view = self.is_head & np.isin(owners, sorted(named)) & (told[owners] > 0)
        asked = np.array([kind == "asked" for kind in vectors.kinds], dtype=bool)
        if len(asked) != len(self.hubness):
            asked = np.zeros(len(self.hubness), dtype=bool)
        # The weight of each view's hubness when stories are ranked (see ASKED_HUB_WEIGHT); fits use HUB_WEIGHT.
        self.rank_weight = np.where(asked, ASKED_HUB_WEIGHT, HUB_WEIGHT)
        # Stories told in two parts or more: their second best view counts toward their rank (SECOND_VIEW_WEIGHT).
        heads = self.is_head if len(self.is_head) == len(vectors.owner) else np.zeros(len(vectors.owner), dtype=bool)
        parts = np.bincount(np.asarray(vectors.owner)[~heads], minlength=stories) if len(vectors.owner) else None
        self.spread = parts[:stories] >= 2 if parts is not None else np.zeros(stories, dtype=bool)
        self._embedder = embedder
        self._index: Any = None

    def _faiss(self) -> Any:
        """The FAISS inner-product index over the view vectors (built on first use)."""
        if self._index is None:
            import faiss

            views = self.vectors.views
            flat = faiss.IndexFlatIP(views.shape[1])
            if len(views):
                flat.add(np.ascontiguousarray(views, dtype=np.float32))
            self._index = flat
        return self._index

    def scores(
        self, query: np.ndarray, uncorrected: frozenset[int] = frozenset()
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Corrected dense score per story position over the views that are fit evidence (not a name's head view;
        -inf for a story without any), the same over each story's head view alone, and the score stories are ranked
        by (ASKED_HUB_WEIGHT on question heads); the stories at the `uncorrected` positions keep their plain cosine
        (a pitch, asked the question it answers)."""
        out = np.full(self.stories, -np.inf, dtype=np.float32)
        head = np.full(self.stories, -np.inf, dtype=np.float32)
        rank = np.full(self.stories, -np.inf, dtype=np.float32)
        views = len(self.vectors.views)
        if not views:
            return out, head, rank
        query = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        found_sims, found_rows = self._faiss().search(query, views)
        keep = found_rows[0] >= 0  # faiss pads with -1 when it returns fewer rows than asked
        rows = found_rows[0][keep].astype(np.int64)
        sims = found_sims[0][keep]
        penalty = HUB_WEIGHT * self.hubness[rows]
        rank_penalty = self.rank_weight[rows] * self.hubness[rows]
        if uncorrected:
            plain = np.isin(self.vectors.owner[rows], list(uncorrected))
            penalty = np.where(plain, 0.0, penalty)
            rank_penalty = np.where(plain, 0.0, rank_penalty)
        corrected = sims - penalty
        owners = self.vectors.owner[rows]
        fit_rows = ~self.name_view[rows]
        np.maximum.at(out, owners[fit_rows], corrected[fit_rows])
        rank = best_plus_second(owners, sims - rank_penalty, self.spread)
        # The head view alone (title and linked questions): what a prepared answer's fit is judged on.
        heads = self.is_head[rows] if len(self.is_head) == views else np.zeros(len(rows), dtype=bool)
        np.maximum.at(head, owners[heads], corrected[heads])
        return out, head, rank


def best_plus_second(owners: np.ndarray, values: np.ndarray, spread: np.ndarray) -> np.ndarray:
    """Per story position: its best value, plus SECOND_VIEW_WEIGHT times its second best where `spread` (one flag per
    story) says its views are parts of its own; -inf for a story without any value."""
    out = np.full(len(spread), -np.inf, dtype=np.float32)
    if not len(values):
        return out
    order = np.lexsort((-values, owners))  # by story, then best value first
    owned, ranked = owners[order], values[order]
    first = np.r_[True, owned[1:] != owned[:-1]]
    second = np.r_[False, first[:-1]] & ~first  # the row after a story's best, when it is the same story's
    second &= spread[owned]
    out[owned[first]] = ranked[first]
    out[owned[second]] += SECOND_VIEW_WEIGHT * ranked[second]
    return out
