"""A number in the backstory of a step ("the three tickets she had left open") or in a target told after it ("five
things that had to be done by March") is not an outcome, though it follows the candidate's action. The answer is
written for this file."""

from __future__ import annotations

from agent.critic.metric_roles import classify
from agent.critic.text import sentences

ANSWER = (
    "In our Monday one-on-one I told Priya that the three tickets she had left open since the sprint began were "
    "holding up the release. We agreed five things that had to be done by the end of March, each with a date."
)


def test_backstory_and_target_figures_after_the_step_are_context() -> None:
    roles = {m.text: m.role for m in classify(ANSWER, sentences(ANSWER), 0)}
    assert roles.get("three tickets") == "context" and roles.get("five things") == "context", roles


def test_a_figure_that_changed_after_the_step_is_still_an_outcome() -> None:
    text = "I moved the checks into the build. Failed deploys fell from nine a month to two."
    assert any(m.role == "outcome" for m in classify(text, sentences(text), 0))
