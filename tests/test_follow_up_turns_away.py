"""A short reply that announces a turn to another subject ("actually the thing I'm proudest of that year is ...")
and shares few words with the answer it follows and the follow-up answers another question: off topic, at any
length (agent/critic/another_story.py answers_another). Asked itself what helped or what the candidate is proud of,
a reply opening that way answers it. Driven through the graph as `python -m evals.run` replays a transcript; the
answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from agent.critic.another_story import answers_another
from agent.critic.question import question_info
from agent.critic.semantic import semantic
from evals.run import replay
from evals.transcript import load_transcript

QUESTION = "Tell me about a project of your team that slipped badly. What did you do when you realised it?"
ANSWER = ("Our billing rewrite slipped by two months. I noticed at the third missed demo, split the work into the "
          "invoice path and the refunds path, and agreed new dates for each with the finance lead. I moved two "
          "engineers from the refunds path to invoices and took the weekly status to finance myself.")  # fmt: skip
ELSEWHERE = ("Actually the thing I'm proudest of from that year is a payment-matching script I built at a hack day; "
             "accounting still runs it and it matches about 80 percent of payments.")  # fmt: skip


def test_a_short_reply_turning_to_another_subject_is_off_topic_in_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "turn.yaml"
    turns = [{"question": QUESTION, "answer": ANSWER}, {"follow_up": True, "answer": ELSEWHERE}]
    path.write_text(yaml.safe_dump({"name": "turn", "role": "engineering-manager", "follow_ups": 1, "turns": turns}),
                    encoding="utf-8")  # fmt: skip
    first, second = list(replay(load_transcript(path)))
    assert first["follow_up"]["probes"] == "result", first["follow_up"]
    critique = second["critique"]
    assert not critique["closes_gap"] and critique["score"] <= 2, critique


@pytest.mark.parametrize("asked", ["What are you proudest of in how the team recovered?",
                                   "What helped most in the recovery?"])
def test_asked_what_helped_a_reply_opening_that_way_answers_it(asked: str) -> None:
    info = question_info(QUESTION, "behavioral", None, "engineering-manager", None, None)
    reply = "The thing I'm proudest of is that two juniors ran the cutover night alone and nothing broke."
    assert not answers_another(info, asked, reply, semantic(), ANSWER)
    # The same words to a follow-up that asked for something else announce a turn away from it.
    assert answers_another(info, "What changed for the users after that?", reply, semantic(), ANSWER)
