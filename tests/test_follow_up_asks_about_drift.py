"""A figure that contradicts the candidate's own notes is what the follow-up asks about ("Your notes say X; you said
Y. Which is right?"), not "can you put a number on it?" about an answer that has just given one (replayed through
the graph with the transcript's notes, as `python -m evals.run` does)."""

from __future__ import annotations

from evals.run import replay
from evals.transcript import load_transcript
from tests.conftest import REPO

TRANSCRIPT = REPO / "evals" / "transcripts" / "director-docs-contradiction.yaml"


def test_the_follow_up_asks_which_figure_is_right() -> None:
    (record,) = list(replay(load_transcript(TRANSCRIPT)))
    critique, follow_up = record["critique"], record["follow_up"]
    assert "contradiction" in [n["kind"] for n in critique["story_notes"]]
    assert follow_up is not None and follow_up["probes"] == "quantified_result"
    # main asked "You mentioned 40%. Can you put a number on it?"
    assert follow_up["text"].startswith("Your notes say") and follow_up["text"].endswith("Which is right?"), follow_up
