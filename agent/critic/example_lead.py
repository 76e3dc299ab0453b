"""Example lead: whether the asked question's signal examples sit nearer the answer than any other question's.

Static vectors and shared words place an answer by the words it uses; a story told in the candidate's own words (a
drift check told as "each night we compare the inputs with last month's", a low performer's plan told as "what we
wrote down together") shares few of them with the question and lands on a neighbour. Each signal of a bundled pack
has an example of what a candidate showing it might say (examples.py). Here each signal is matched with the
answer's sentence nearest its example, and a question's match is the mean over its signals: how much of what a
strong answer to it shows this answer tells, in any words. The asked question leads when no other question of the
pack matches as well (margin >= 0).

Asked only of answers already judged off topic (features.py). The static vectors the critic already has decide
first: the asked question must be within STATIC_NEAR of the best other question's match; then MiniLM, which reads
paraphrase where static vectors read words, must put it ahead. Either alone turned labelled off-topic answers on
topic (python -m evals.calibrate over the tuned set and critic_dev..critic_dev17: MiniLM alone 22 wrong off-topic
calls undone for 4 right ones lost; static alone at 0, 12 for 3; both, 13 for 1); and the static check leaves
MiniLM's ~30 ms batched encode to about one turn in fifty.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from agent.critic.question import QuestionInfo
from agent.critic.semantic import Semantic

STATIC_NEAR = 0.02  # static-vector margin (asked question's match less the best other's) at which MiniLM is asked


def margin(sent_vecs: np.ndarray, example_vecs: np.ndarray, sizes: Sequence[int]) -> float:
    """The asked question's match less the best other question's; `example_vecs` are the pack's examples, the asked
    question's `sizes[0]` first, then each other question's in turn."""
    sims = sent_vecs @ example_vecs.T  # (sentences, pool signals)
    bounds = np.cumsum([0, *sizes])
    per = [float(sims[:, a:b].max(axis=0).mean()) for a, b in itertools.pairwise(bounds) if b > a]
    return per[0] - max(per[1:]) if len(per) > 1 else float("-inf")


def asked_leads(info: QuestionInfo, sentences: Sequence[str], sent_vecs: np.ndarray | None,
                example_vecs: np.ndarray | None, exact: Semantic, example_texts: Sequence[str]) -> bool:  # fmt: skip
    """The asked question leads by MiniLM (`exact`) and is within STATIC_NEAR by the critic's static vectors
    (`sent_vecs`, `example_vecs`); `example_texts` are the pack's examples in features._pool's order (the asked
    question's first). False when either model's vectors are not there or the question has no rivals."""
    if not info.in_pack or not info.signals or not info.other_signals or not sentences:
        return False
    if sent_vecs is None or example_vecs is None or not len(sent_vecs):
        return False
    sizes = [len(info.signals), *(len(g) for g in info.other_signals)]
    if margin(sent_vecs, example_vecs, sizes) < -STATIC_NEAR:
        return False
    vecs = exact.vectors(list(sentences))
    pool = exact.fixed(list(example_texts))
    return vecs is not None and pool is not None and len(vecs) > 0 and margin(vecs, pool, sizes) >= 0.0
