"""Judging a reply to a follow-up that asks which figure holds, when the follow-up sets no figure out ("Which is
right?"): a figure given beside the side it comes from ("eleven days, as in my notes") settles it, at a short reply's
4. And asked what comes before a design, a reply that goes to the teams it is
for and asks how they work gives the requirements. The replies are written for this file."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info

QUESTION = "Tell me about a release you had to slip. How did you handle it?"
DESIGN = "Your group must offer a shared feature store to four product teams. Sketch the design and what ships first."


def test_a_figure_with_its_side_named_settles_which_holds() -> None:
    c = critique_follow_up(question_info(QUESTION, "behavioral"), "Which is right?", "quantified_result",
                           "Eleven days, as in my notes.")  # fmt: skip
    assert c.closes_gap is True and c.score in (3, 4), c


def test_going_to_the_teams_first_gives_the_requirements() -> None:
    reply = (
        "Sit down with each of the four teams first: which features they compute today, how fresh they need them "
        "and what went wrong the last time a feature drifted. What they answer decides what ships first."
    )
    c = critique_follow_up(question_info(DESIGN, "system_design"), "What would you do before designing it?",
                           "requirements", reply)  # fmt: skip
    assert c.closes_gap is True and c.score >= 4, c
