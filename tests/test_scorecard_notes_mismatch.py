"""A figure that contradicts the candidate's own notes is what the scorecard names as the question's main gap and
what the practice list leads with, not "numbers on results" (the critic's judgment of an invented answer against
invented notes, through build_scorecard and the Markdown report)."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.report import build_scorecard, render_markdown
from agent.state import PlannedQuestion, TurnRecord
from knowledge.models import Story
from knowledge.roles import load_role

ANSWER = (
    "The head of product wanted every customer moved to the new pricing engine in one weekend before the quarter "
    "closed. I thought the data migration had not been rehearsed, and I showed him that four of six trial imports "
    "had lost rows. I proposed a three-week delay and a pilot with 8% of accounts. He agreed, and the pilot caught "
    "a currency bug on 1.2% of quotes, which we fixed before the full switch."
)
NOTES = Story(
    id="pricing-switch",
    title="Disagreement with the head of product over the pricing switch",
    text=(
        "The head of product wanted to move all customers to the new pricing engine in one weekend before quarter "
        "close. I had to protect billing accuracy. I showed that three of six trial imports had lost rows, and "
        "proposed a three-week delay and a pilot with 5% of accounts. The pilot caught a currency bug on 1.2% of "
        "quotes; fixed before the full switch."
    ),
    source="/home/candidate/prep/stories.md",
)


def test_the_scorecard_and_the_practice_list_name_the_mismatch_with_the_notes() -> None:
    q = next(q for q in load_role("director").questions if q.id == "peer-conflict")
    critique = critique_answer(q.text, q.type, ANSWER, [NOTES], role="director", question_id=q.id, fits=[True])
    assert critique.gap.startswith("Your notes say"), critique.gap
    plan: list[PlannedQuestion] = [
        {"id": q.id, "text": q.text, "type": q.type, "competency": q.competency, "signals": list(q.signals)}
    ]
    turn: TurnRecord = {
        "question_index": 0, "question_id": q.id, "question": q.text, "question_type": q.type,
        "competency": q.competency, "answer": ANSWER, "is_follow_up": False, "skipped": False,
        "critique": critique.model_dump(mode="json"), "follow_up": None, "stories": [], "usage": None,
    }  # fmt: skip
    card = build_scorecard(plan, [turn])
    assert card["questions"][0]["primary_gap"] == "notes_mismatch"  # main said "quantified_result"
    assert card["practice"][0]["gap"] == "notes_mismatch" and card["practice"][0]["advice"]
    assert "figures that match your notes" in render_markdown("t-1", "director", plan, [turn], card)
