"""A follow-up that asks which of two figures is right ("Your notes say X; you said Y. Which is right?") is answered
by a reply that says which: one of the figures again in any spoken form ("30", "thirty percent"), or a side named
with a verdict ("the notes are right"), however short (agent/critic/which_holds.py). Driven through the graph as
`python -m evals.run` replays a transcript, with the notes of evals/transcripts/docs. Replies written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.critic import critique_follow_up
from agent.critic.question import question_info
from agent.critic.which_holds import settles
from evals.run import replay
from evals.transcript import load_transcript
from tests.conftest import REPO

TRANSCRIPTS = REPO / "evals" / "transcripts"
NOTES = TRANSCRIPTS / "docs" / "priya-prep.md"  # the notes say three models moved; ANSWER says two
ANSWER = ("Our recommendation models ran on 64 GPUs that sat idle at night. I owned bringing the bill down. I moved "
          "two models to int8 and changed autoscaling to follow queue depth. Monthly GPU spend fell by 40% within one "
          "quarter.")  # fmt: skip


def _replay_reply(tmp_path: Path, reply: str) -> tuple[str, dict[str, object]]:
    """The follow-up the graph asks after ANSWER, and its critique of `reply`."""
    path = tmp_path / "which.yaml"
    path.write_text(
        "name: which\nrole: director\nfollow_ups: 1\n"
        f"docs: [{NOTES}]\n"
        "turns:\n"
        '  - question: "Tell me about a time you reduced infrastructure spend significantly."\n'
        f"    answer: {ANSWER!r}\n"
        "  - follow_up: true\n"
        f"    answer: {reply!r}\n",
        encoding="utf-8",
    )
    first, second = list(replay(load_transcript(path)))
    return str(first["follow_up"]["text"]), second["critique"]


@pytest.mark.parametrize(
    "reply",
    [
        "3 is right.",  # the notes' figure without what it counts
        "Three, my notes are correct.",  # in words
        "The notes are right.",  # a side and a verdict, no figure at all
        "Two holds; the notes were written before we moved the third one back.",  # the answer's own figure kept
    ],
)
def test_a_reply_that_says_which_figure_holds_closes_the_check(tmp_path: Path, reply: str) -> None:
    asked, critique = _replay_reply(tmp_path, reply)
    assert asked.startswith("Your notes say") and asked.endswith("Which is right?"), asked
    # main: 1/5, not closed, "Put a number on the outcome"
    assert critique["closes_gap"] and critique["score"] >= 4, critique
    # choosing their own figure over the notes is an answer, not the same contradiction again
    assert not critique["story_notes"], critique["story_notes"]


def test_a_reply_that_says_neither_leaves_it_open_and_says_what_is_asked(tmp_path: Path) -> None:
    reply = "We saved a lot on the GPU bill that quarter and finance was happy with the models we moved."
    asked, critique = _replay_reply(tmp_path, reply)
    assert not critique["closes_gap"] and critique["score"] <= 3, critique
    info = question_info("Tell me about a time you reduced infrastructure spend significantly.", "behavioral", None,
                         "director", None, None)  # fmt: skip
    judged = critique_follow_up(info, asked, "quantified_result", reply, earlier=ANSWER)
    # main: "Put a number on the outcome", which the answer being checked had done
    assert "which figure is right" in judged.gap, judged.gap


def test_the_transcript_reply_naming_the_notes_closes_it() -> None:
    records = list(replay(load_transcript(TRANSCRIPTS / "director-docs-which-holds.yaml")))
    assert records[1]["critique"]["closes_gap"] and records[1]["critique"]["score"] >= 4, records[1]["critique"]


def test_only_a_which_is_right_follow_up_is_settled_this_way() -> None:
    assert settles("Earlier you said about 0.9. Which is it?", "0.85 on the full month; the 0.9 was one week.")
    assert not settles("What did the rollout cost?", "The notes are right.")
    assert not settles("Your notes say 6 weeks; you said 9 weeks. Which is right?", "The migration was stressful.")
