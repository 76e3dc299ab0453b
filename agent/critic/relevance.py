"""Relevance: does the answer address the question asked, or another question of the role pack far better?

Each sentence of the answer is compared with every question of the role pack (local sentence embeddings); the
answer's fit to a question is the mean of its whole-answer similarity and its two best sentences' similarity.
The answer is off topic when at least two other questions of the pack fit it better than the asked one, the best
of them by a clear margin, and the answer shares at most one topical word with the question asked. A motivation
question answered with no reason for wanting the role at all is off topic too (a work story told to "why this
role?"). A question outside any role pack has no rivals to compare with: only the non-answer check applies.
Thresholds were chosen on the tuned labelled set (python -m evals.calibrate); the blind figures are in the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from agent.critic.question import QuestionInfo
from agent.critic.schema import Relevance
from agent.critic.text import STOPWORDS, Sentence, stem, word_set, words

RIVALS_AHEAD = 2  # other questions that must fit better than the asked one
MARGIN = 0.08  # by how much the best of them must fit better
MAX_SHARED = 1  # topical words the answer may share with the asked question and still be off topic
SAME_QUESTION = 0.80  # pack questions this close to the asked one are the same question, not a rival
# A reason for wanting the role: what a motivation answer is made of, however generic.
MOTIVE = re.compile(
    r"\b(?:this (?:role|team|company|job|position|opportunity|mission|product)|your (?:team|company|product|"
    r"mission|platform|customers|users|work)|you(?:'re| are| have| do)|I(?:'m| am) (?:looking|excited|drawn|keen|"
    r"interested|ready)|I want|I'd (?:like|love)|I would (?:like|love)|why (?:now|here|this)|next (?:step|role|"
    r"chapter)|career|looking for|excite[sd]?|appeal\w*|attract\w*|motivat\w*|passion\w*|grow|learn)\b",
    re.IGNORECASE,
)
# Everyday words a question and an unrelated answer share without being about the same thing.
_GENERIC = word_set(
    "time team work made make tell describ walk give exampl would could your how what when where which why"
)


@dataclass(frozen=True)
class RelevanceResult:
    """The verdict, the sentence that best answers the asked question, and the question it fits instead."""

    label: Relevance
    fit: float  # fit to the asked question
    rival_fit: float  # best fit to another question of the pack
    best_sentence: int | None  # index of the sentence closest to the asked question
    instead: str | None = None  # the pack question the answer fits better
    instead_competency: str | None = None
    rival_sentence: int | None = None  # the sentence closest to that question


def _roots(text: str) -> set[str]:
    return {stem(w)[:5] for w in words(text) if len(w) > 2 and w not in STOPWORDS} - _GENERIC


def shared_topic(question: str, answer: str) -> int:
    """Topical words (roots) the answer shares with the question."""
    return len(_roots(question) & _roots(answer))


def _fit(sent_vecs: np.ndarray, answer_vec: np.ndarray, q_vecs: np.ndarray) -> np.ndarray:
    """Fit of the answer to each question: whole-answer cosine and the mean of its two best sentences."""
    whole = q_vecs @ answer_vec
    top = np.sort(sent_vecs @ q_vecs.T, axis=0)[::-1][: min(2, len(sent_vecs))]
    return 0.5 * whole + 0.5 * top.mean(axis=0)


def judge(info: QuestionInfo, sents: list[Sentence], sent_vecs: np.ndarray | None, asked_vec: np.ndarray | None,
          pack_vecs: np.ndarray | None, shape: str, lived: bool) -> RelevanceResult:  # fmt: skip
    """The relevance verdict for an answer whose sentences are `sents` (vectors `sent_vecs`)."""
    text = " ".join(s.text for s in sents)
    if shape == "motivation" and lived and not MOTIVE.search(text):
        return RelevanceResult("off_topic", 0.0, 0.0, None, instead_competency="a past project")
    if sent_vecs is None or asked_vec is None or not len(sent_vecs) or not info.in_pack:
        return RelevanceResult("on_topic", 0.0, 0.0, None)
    answer_vec = sent_vecs.mean(axis=0)
    answer_vec = answer_vec / max(float(np.linalg.norm(answer_vec)), 1e-9)
    fit = float(_fit(sent_vecs, answer_vec, asked_vec[None, :])[0])
    best_sentence = int(np.argmax(sent_vecs @ asked_vec))
    if pack_vecs is None or not len(info.others):
        return RelevanceResult("on_topic", fit, 0.0, best_sentence)
    fits = _fit(sent_vecs, answer_vec, pack_vecs)
    rivals = [k for k in range(len(info.others)) if float(pack_vecs[k] @ asked_vec) < SAME_QUESTION]
    if not rivals:
        return RelevanceResult("on_topic", fit, 0.0, best_sentence)
    k = max(rivals, key=lambda j: float(fits[j]))
    ahead = sum(1 for j in rivals if float(fits[j]) > fit)
    off = ahead >= RIVALS_AHEAD and float(fits[k]) - fit >= MARGIN and shared_topic(info.text, text) <= MAX_SHARED
    text_k, competency, _ = info.others[k]
    return RelevanceResult(
        "off_topic" if off else "on_topic", fit, float(fits[k]), best_sentence, instead=text_k,
        instead_competency=competency, rival_sentence=int(np.argmax(sent_vecs @ pack_vecs[k])),
    )  # fmt: skip
