"""A disagreement told to a question that asks for one is on topic, whatever technical matter it was about.

The matter argued over (a model's serving cost, a bought platform) is another question's subject in the role pack, so
meaning and words place such a story on that question; the question asked for the disagreement, and the story gives
the other party's position and an opposing one. Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role


def _ask(role: str, qid: str, answer: str):  # type: ignore[no-untyped-def]
    q = next(q for q in load_role(role).questions if q.id == qid)
    return critique_answer(q.text, q.type, answer, role=role, question_id=qid)


# A teammate disagreement about quantising a model to cut serving cost (the pack's serving-cost question's subject).
QUANTISE = (
    "A colleague wanted to move our ranking model to 4-bit quantisation to cut serving cost, because it halved GPU "
    "memory in his laptop tests. I thought the accuracy loss on long-tail queries would be worse than he expected. I "
    "suggested we measure it: I ran both versions on 2,000 logged queries for a week in shadow. The quantised model "
    "cost 45% less per prediction but lost 6 points of precision on rare categories, so we agreed to quantise only the "
    "first-stage retriever. He now reviews my serving changes and I review his."
)
# A disagreement with a product leader about buying a platform (the pack's build-or-buy question's subject).
EXPERIMENTS = (
    "Our head of product wanted to license a hosted experimentation platform for $300k a year, and I disagreed. I "
    "costed a build on our existing event pipeline with two of my engineers over a three-week prototype. It covered "
    "the analyses we run most for about $90k of engineering time, so we built it. It has been in use for eighteen "
    "months by nine product teams."
)
# The same cost work told with no disagreement in it: still an answer to the serving-cost question.
QUANTISE_ALONE = (
    "Our ranking model cost too much to serve, so I moved it to 4-bit quantisation after profiling GPU memory. I ran "
    "both versions on 2,000 logged queries for a week in shadow. The quantised model cost 45% less per prediction and "
    "lost 6 points of precision on rare categories, so I quantised only the first-stage retriever and added batching."
)


def test_a_teammate_disagreement_about_serving_cost_is_on_topic() -> None:
    c = _ask("ai-engineer", "disagreement", QUANTISE)
    assert c.relevance == "on_topic"
    assert c.score >= 4 and "relevance" not in c.weak_or_missing


def test_a_disagreement_with_a_product_leader_about_buying_is_not_off_topic() -> None:
    c = _ask("director", "peer-conflict", EXPERIMENTS)
    assert c.relevance != "off_topic"
    assert c.score >= 3


def test_the_same_work_with_no_disagreement_stays_off_topic() -> None:
    c = _ask("ai-engineer", "disagreement", QUANTISE_ALONE)
    assert c.relevance == "off_topic" and c.score <= 2
