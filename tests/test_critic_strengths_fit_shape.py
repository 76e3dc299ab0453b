"""A strength is praise for what the question's shape judges: a design cue (starts from requirements, names a
trade-off, thinks about failure) under a past story's sentences is not shown, since the scorecard's own flags for a
story do not judge it (newcomer30 N24: "Strength: Starts from requirements" quoting a story's opening line)."""

from __future__ import annotations

from agent.critic import critique_answer

QUESTION = "Tell me about a time you cut what a system your team ran cost to operate."
STORY = (
    "Last year our search cluster cost too much and I owned its budget. I profiled which indexes were queried, "
    "moved the cold ones to cheaper storage, and turned off two idle replicas after checking our error rates held. "
    "The bill went down a lot and it stayed down."
)
DESIGN_CUES = ("Starts from requirements", "Names a trade-off", "Thinks about failure")


def test_a_story_gets_no_design_praise() -> None:
    critique = critique_answer(QUESTION, "behavioral", STORY)
    assert "requirements" not in critique.applies
    assert critique.strengths, "the story still has strengths of its own shape"
    assert not [s for s in critique.strengths if s.startswith(DESIGN_CUES)], critique.strengths
