"""A share of the notes said as a fraction is not left out: notes "cut 40% in a quarter", answer "roughly two
fifths less" (agent/critic/drift.py shares). Notes and answers are written for this file."""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from agent.critic.drift import shares
from knowledge.models import Story

QUESTION = "Tell me about a time you reduced the cost of a system you owned."
NOTES = Story(
    id="s-egress", title="Trimming egress on the media service", source="notes.md", competencies=["execution"],
    text=("Situation: the media service spent $50k a month on egress. Action: I moved thumbnails behind the CDN and "
          "set cache headers on every variant. Result: egress cost fell 40% in a quarter, with p95 load time flat."),
)  # fmt: skip
TOLD = ("Our media service spent $50k a month on egress. I moved thumbnails behind the CDN and set cache headers on "
        "every variant. Within a quarter egress cost was {share}, and p95 load time stayed flat.")  # fmt: skip


def _left_out(answer: str) -> list[str]:
    c = critique_answer(QUESTION, "behavioral", answer, [NOTES], "execution")
    return [n.message for n in c.story_notes if n.kind == "omitted_metric"]


def test_a_share_said_as_a_fraction_is_not_left_out() -> None:
    assert _left_out(TOLD.format(share="roughly two fifths lower")) == []


def test_a_share_not_said_at_all_is_still_left_out() -> None:
    assert _left_out(TOLD.format(share="much lower")) != []


@pytest.mark.parametrize(("text", "want"), [("about half the cost", [50.0]), ("a half-day workshop", []),
                                            ("in half an hour", []), ("a quarter less", [25.0])])  # fmt: skip
def test_shares_reads_fractions_not_durations(text: str, want: list[float]) -> None:
    assert shares(text) == want
