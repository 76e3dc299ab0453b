"""A role-pack question that asks for a plan is not typed `motivation`: the type says what the interview plans and how
rival questions are read, and a plan ("what would you do in your first weeks?") is judged on the plan."""

from __future__ import annotations

import pytest

from agent.critic import rubric
from knowledge.roles import available_roles, load_role


@pytest.mark.parametrize("role", available_roles())
def test_plan_questions_are_not_typed_motivation(role: str) -> None:
    pack = load_role(role)
    plans = [q for q in pack.questions if rubric.shape_of(q.text, q.type) == "plan"]
    assert all(q.type != "motivation" for q in plans), [q.id for q in plans if q.type == "motivation"]


def test_the_director_first_90_days_question_is_a_leadership_plan() -> None:
    (q,) = [q for q in load_role("director").questions if q.id == "first-90-days"]
    assert (q.type, rubric.shape_of(q.text, q.type)) == ("leadership", "plan")
