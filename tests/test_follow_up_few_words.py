"""A reply of a few words that names a particular of the story ("the config handover was my call") gives part of
what the follow-up asked, as a longer reply would, and scores 2; a few words of generalities or an evasion give
nothing and score 1 (agent/critic/follow_up.py, the open reply's score). Driven through the graph as
`python -m evals.run` replays a transcript; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.run import replay
from evals.transcript import load_transcript

QUESTION = "Describe a conflict with a peer manager and how you resolved it."
ANSWER = ("Last year the search manager and I disagreed about who should own the ranking service: his team wanted it "
          "because ranking changes blocked their releases, and my team had built it. My task was to settle ownership "
          "before planning without losing either team's trust. I met him one on one and pulled the release log: 11 "
          "of the 14 blocked releases in six months came from ranking config his team changed. I proposed that his "
          "team own the config while mine kept the model and the serving, and I wrote the ownership note we both "
          "signed. Blocked releases fell from 14 to 2 over the next six months.")  # fmt: skip


def _reply(tmp_path: Path, reply: str) -> dict:
    path = tmp_path / "few.yaml"
    turns = [{"question": QUESTION, "answer": ANSWER}, {"follow_up": True, "answer": reply}]
    path.write_text(yaml.safe_dump({"name": "few", "role": "engineering-manager", "follow_ups": 1, "turns": turns}),
                    encoding="utf-8")  # fmt: skip
    first, second = list(replay(load_transcript(path)))
    assert first["critique"]["score"] >= 4 and first["follow_up"], first
    return second["critique"]


def test_a_few_words_naming_a_particular_give_part_of_it(tmp_path: Path) -> None:
    reply = _reply(tmp_path, "Handing over the config was mine to call.")
    assert not reply["closes_gap"] and reply["score"] == 2, reply


@pytest.mark.parametrize("said", ["It was a good call overall, I think.", "Honestly it all just worked out."])
def test_a_few_words_of_generalities_give_nothing(tmp_path: Path, said: str) -> None:
    reply = _reply(tmp_path, said)
    assert not reply["closes_gap"] and reply["score"] == 1, reply
