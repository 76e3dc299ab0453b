"""A follow-up that asks which of two figures holds ("Your notes say 6 weeks; you said 9 weeks. Which is right?") is
answered by a reply that restates one of them, and a new figure of the reply that contradicts the notes is still
caught beside it (agent/critic/follow_up.py). Notes, answers and replies are written for this file."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info
from knowledge.models import Story

MIGRATION = question_info("Tell me about a migration you led that was harder than planned.", "behavioral", None,
                          "engineering-manager", None, None)  # fmt: skip
ASKED = "Your notes say 6 weeks; you said 9 weeks. Which is right?"
NOTES = Story(
    id="s-queue", title="Moving billing events to the new queue", source="notes.md", competencies=["execution"],
    text=("Billing events moved from the old cron jobs to the new queue. I planned the cutover and ran the shadow "
          "writes myself. The cutover took 6 weeks. Since then zero lost billing events in 4 months."),
)  # fmt: skip
ANSWER = ("I moved our billing events from the old cron jobs to the new queue. I planned the cutover and ran the "
          "shadow writes myself; the cutover took 9 weeks, and we have had zero lost billing events "
          "since.")  # fmt: skip


def test_a_reply_that_restates_one_of_the_figures_answers_which_is_right() -> None:
    reply = "6 weeks is right, I mixed it up with the pilot. The billing team owns the queue now."
    c = critique_follow_up(MIGRATION, ASKED, "quantified_result", reply, [NOTES], earlier=ANSWER)
    assert c.closes_gap and c.score >= 4, (c.score, c.closes_gap)


def test_a_new_figure_against_the_notes_is_still_caught_in_a_reply_that_answers() -> None:
    reply = "6 weeks is right, my mistake. Since the cutover we have had zero lost billing events in 7 months."
    c = critique_follow_up(MIGRATION, ASKED, "quantified_result", reply, [NOTES], earlier=ANSWER)
    assert c.closes_gap
    assert any(n.kind == "contradiction" for n in c.story_notes), c.story_notes


def test_a_reply_that_restates_neither_figure_does_not_answer() -> None:
    reply = "It was a long project either way, honestly, and the team was tired by the end of it."
    c = critique_follow_up(MIGRATION, ASKED, "quantified_result", reply, [NOTES], earlier=ANSWER)
    assert not c.closes_gap
