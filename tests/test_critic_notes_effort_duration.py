"""How long the work took, said once on each side, is compared even when the answer says it of the team or the
project ("a 6-month retention squad") and the notes say it as the timeframe of the outcome ("... in 10 weeks"); two
durations in the answer leave it open which one is the work's. Notes and answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.models import Story

QUESTION = "Tell me about a time you reduced customer churn."
RESULT = "Monthly churn fell from 9% to 5% in 10 weeks, and support tickets about billing halved."
NOTES = Story(
    id="s-churn", title="Retention squad for the meal-kit app", source="notes.md", competencies=["execution"],
    text=("Situation: the meal-kit app lost 9% of subscribers a month, mostly after a billing surprise. Action: I "
          "pulled four people into a retention squad, rewrote the renewal emails and added a pause button. "
          f"Result: {RESULT}"),
    result=RESULT,
)  # fmt: skip
TOLD = ("Our meal-kit app lost 9% of subscribers every month, most of them after a surprise on their bill. I ran "
        "{effort} of four people: we rewrote the renewal emails and added a pause button. Monthly churn fell from "
        "9% to 5%, and billing tickets halved.")  # fmt: skip


def _contradictions(answer: str) -> list[tuple[str, str]]:
    c = critique_answer(QUESTION, "behavioral", answer, [NOTES], "execution")
    return [(n.notes_value, n.said_value) for n in c.story_notes if n.kind == "contradiction"]


def test_the_effort_said_of_the_team_is_compared_with_the_outcome_timeframe() -> None:
    assert _contradictions(TOLD.format(effort="a 6-month retention squad")) == [("10 weeks", "6-month")]


def test_the_same_duration_is_faithful() -> None:
    assert _contradictions(TOLD.format(effort="a ten-week retention squad")) == []


def test_two_durations_in_the_answer_leave_it_open() -> None:
    told = TOLD.format(effort="a 6-month retention squad") + " The app itself was 3 years old."
    assert _contradictions(told) == []
