"""An answer pasted full of figures is graded in linear time (ops25 O9: a 20,000-character answer of one money
figure repeated took about four minutes to grade, each figure's checks scanning its whole sentence)."""

from __future__ import annotations

import pytest

from agent.critic import critique_answer, metric_roles


def test_only_the_first_figures_are_examined_for_an_outcome_role(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = metric_roles._clause_before

    def counted(*args: object) -> str:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(metric_roles, "_clause_before", counted)
    answer = "I took over the budget and cut it. " + "$2.4M " * 500
    critique_answer("Tell me about a time you had to cut a budget.", "behavioral", answer)
    assert 0 < len(calls) <= metric_roles.MAX_EXAMINED


def test_a_told_result_among_few_figures_is_still_an_outcome() -> None:
    answer = (
        "Our cloud bill had grown to $310k a month. I led a review of every service with the four team leads, "
        "we moved batch jobs to spot capacity and shut down idle environments, and the bill fell to $190k a month "
        "within one quarter."
    )
    critique = critique_answer("Tell me about a time you had to cut a budget.", "behavioral", answer)
    assert critique.quantified_result
