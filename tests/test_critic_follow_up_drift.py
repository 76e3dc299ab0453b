"""A follow-up reply's figures are checked against the candidate's own notes too: a reply that contradicts the story
the answer told gets the contradiction as its gap and loses a point, as a first answer does. Answers and notes are
written for this file."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info
from agent.critic.schema import Critique
from knowledge.models import Story
from knowledge.roles import load_role

NOTES = Story(
    id="warehouse-costs",
    title="Cutting the data warehouse bill",
    text=(
        "Our data warehouse bill had grown to $90K a month. I owned bringing it down. I moved the nightly rebuilds "
        "to incremental models, turned off twelve unused dashboards and put a query budget on each team. The bill "
        "fell to $54K a month within two quarters, and the nightly rebuild went from 6 hours to 40 minutes."
    ),
    source="/home/candidate/prep/stories.md",
)
MAIN = (
    "Our data warehouse bill had grown to $90K a month, and I owned bringing it down. I moved the nightly rebuilds "
    "to incremental models, turned off twelve unused dashboards and put a query budget on each team."
)
FOLLOW_UP = "How did it turn out, in numbers?"


def _reply(text: str) -> Critique:
    q = next(q for q in load_role("director").questions if q.id == "cost-reduction")
    info = question_info(q.text, q.type, q.competency, "director", tuple(q.signals), q.id)
    return critique_follow_up(info, FOLLOW_UP, "quantified_result", text, [NOTES], earlier=MAIN)


def test_a_reply_contradicting_the_notes_gets_the_contradiction_as_its_gap() -> None:
    c = _reply("Within two quarters the bill fell to $40K a month, and the nightly rebuild went from 6 hours to "
               "40 minutes, so the analysts had fresh data by eight every morning.")  # fmt: skip
    assert [n.kind for n in c.story_notes] == ["contradiction"], c.story_notes
    assert c.gap.startswith("Your notes say") and c.weak_or_missing[0] == "quantified_result", (c.gap, c.score)
    faithful = _reply("Within two quarters the bill fell to $54K a month, and the nightly rebuild went from 6 hours "
                      "to 40 minutes, so the analysts had fresh data by eight every morning.")  # fmt: skip
    assert not faithful.story_notes and faithful.score > c.score, (faithful.score, c.score)
