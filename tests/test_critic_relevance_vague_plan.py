"""A vague plan is on topic and gets the specificity gap: its few words cannot place it on another question.

"We would weigh what matters most, align with the people involved and communicate it clearly" shares its few words
with the pack's communication question, and no signal of the asked question is named, so it was called off topic
("about explaining something to others"), while what it lacks is criteria, names and steps. The same holds already
for a vague story told as "we". Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

VAGUE_PLAN = (
    "We would review all the priorities as a group and think about what matters most for the company. Then we would "
    "align with the people involved, reach a decision together, and communicate it clearly to everyone so the whole "
    "team understands."
)


def test_a_vague_plan_for_a_budget_trade_off_is_on_topic_and_generic() -> None:
    q = next(q for q in load_role("director").questions if q.id == "budget-tradeoff")
    c = critique_answer(q.text, q.type, VAGUE_PLAN, role="director", question_id="budget-tradeoff")
    assert c.relevance == "on_topic"
    assert c.score <= 2 and "specificity" in c.weak_or_missing and "relevance" not in c.weak_or_missing
