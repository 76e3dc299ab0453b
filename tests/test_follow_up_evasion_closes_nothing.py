"""Asked what changed afterwards, a reply that answers with an evasion ("a learning moment for everyone") and names
nothing an interviewer could check closes nothing, even where its sentences read as a result ("the team trusted me
more"); the same evasion beside a figure or a named thing does not undo what the figure gives
(agent/critic/follow_up.py, EVASIVE_CUES and the check after UNSURE). Driven through the graph as `python -m
evals.run` replays a transcript; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.run import replay
from evals.transcript import load_transcript

QUESTION = "Tell me about a project of your team that slipped badly. What did you do when you realised it?"
ANSWER = ("Our billing rewrite slipped by two months. I noticed at the third missed demo, split the work into the "
          "invoice path and the refunds path, and agreed new dates for each with the finance lead. I moved two "
          "engineers from the refunds path to invoices and took the weekly status to finance myself.")  # fmt: skip


def _reply(tmp_path: Path, reply: str) -> dict:
    path = tmp_path / "slip.yaml"
    turns = [{"question": QUESTION, "answer": ANSWER}, {"follow_up": True, "answer": reply}]
    path.write_text(yaml.safe_dump({"name": "slip", "role": "engineering-manager", "follow_ups": 1, "turns": turns}),
                    encoding="utf-8")  # fmt: skip
    first, second = list(replay(load_transcript(path)))
    assert first["follow_up"]["probes"] == "result", first["follow_up"]
    return second["critique"]


@pytest.mark.parametrize("reply", [
    "It was a learning moment for everyone. Afterwards the team trusted me more than before.",
    "Honestly it was a learning opportunity. The team ended up closer and more confident in the end.",
])  # fmt: skip
def test_an_evasion_that_names_nothing_closes_nothing(tmp_path: Path, reply: str) -> None:
    critique = _reply(tmp_path, reply)
    assert not critique["closes_gap"] and critique["score"] <= 2, critique


def test_the_same_evasion_beside_a_measured_change_still_closes(tmp_path: Path) -> None:
    critique = _reply(tmp_path, "Invoices shipped on the new date, and failed billing runs fell from 9 a month to 1. "
                                "A learning moment for all of us.")  # fmt: skip
    assert critique["closes_gap"] and critique["score"] >= 3, critique
