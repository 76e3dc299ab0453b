"""The Critique contract: invariants, determinism and evidence that points into the answer."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from agent.critic import critique_answer
from agent.critic.schema import Critique, StarFlags

ANSWERS = [
    ("behavioral", "Tell me about a conflict with a peer.",
     "Last spring the data team and my team disagreed about who owned the feature store. I set up a meeting, "
     "wrote a one-page proposal and we agreed on a split. Escalations stopped."),
    ("system_design", "Design a URL shortener.",
     "I'd store codes in a key-value store and cache hot ones in Redis."),
    ("technical", "How do you choose a chunk size?", "It depends on the documents."),
    ("leadership", "How do you run planning?", "We plan quarterly."),
    ("motivation", "Why this company?", "I like the product."),
    ("behavioral", "Tell me about a failure.", ""),
]  # fmt: skip


def test_score_below_5_without_a_gap_is_rejected() -> None:
    base: dict[str, Any] = {"question_type": "behavioral", "star": StarFlags(), "quantified_result": False,
                            "ownership": "clear", "specificity": "high"}  # fmt: skip
    with pytest.raises(ValidationError):
        Critique(**base, score=3)
    with pytest.raises(ValidationError):
        Critique(**base, score=3, weak_or_missing=["result"])  # a gap name but no sentence
    with pytest.raises(ValidationError):
        Critique(**base, score=5, weak_or_missing=["result"], gap="x")
    assert Critique(**base, score=4, weak_or_missing=["result"], gap="Say what changed.").primary_gap == "result"


@pytest.mark.parametrize(("qtype", "question", "answer"), ANSWERS)
def test_every_critique_keeps_the_contract(qtype: str, question: str, answer: str) -> None:
    c = critique_answer(question, qtype, answer)
    assert (c.score == 5) == (c.weak_or_missing == [])
    assert c.source == "offline"
    if c.quantified_result:
        assert c.star.result and any(m.role == "outcome" for m in c.metrics)
    for ev in c.evidence:
        assert answer[ev.span.start : ev.span.end] == ev.span.text
    for m in c.metrics:
        assert answer[m.start : m.end] == m.text


def test_identical_input_gives_identical_output() -> None:
    runs = [[critique_answer(q, t, a).model_dump() for t, q, a in ANSWERS] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_ownership_evidence_quotes_an_i_or_we_sentence() -> None:
    qtype, question, answer = ANSWERS[0]
    c = critique_answer(question, qtype, answer)
    own = [e for e in c.evidence if e.field == "ownership"]
    assert own and any(w in own[0].span.text.split() for w in ("I", "we", "We"))
