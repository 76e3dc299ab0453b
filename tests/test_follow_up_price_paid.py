"""Asked "what trade-offs did you weigh, what did you give up?", a reply that names the price paid in plain words
("the cache takes a few gigabytes per request", "long prompts get slower") answers it, even with none of a trade-off's
usual words; a reply of generalities about trade-offs still does not (agent/critic/follow_up.py COST_CUES). Driven
through the graph as `python -m evals.run` replays a transcript; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.run import replay
from evals.transcript import load_transcript

QUESTION = "Explain how KV caching speeds up autoregressive decoding."
ANSWER = ("Each new token attends to every token before it. Without a cache the model recomputes the keys and values "
          "of the whole prefix at every step; with a KV cache each layer keeps the keys and values it has computed, so "
          "a step only projects the new token and attends over the cached ones.")  # fmt: skip


def _reply(tmp_path: Path, reply: str) -> tuple[str, dict[str, object]]:
    path = tmp_path / "kv.yaml"
    path.write_text(
        "name: kv\nrole: senior-genai-engineer\nfollow_ups: 1\nturns:\n"
        f"  - question: {QUESTION!r}\n    answer: {ANSWER!r}\n"
        f"  - follow_up: true\n    answer: {reply!r}\n",
        encoding="utf-8",
    )
    first, second = list(replay(load_transcript(path)))
    return str(first["follow_up"]["probes"]), second["critique"]


def test_a_price_named_in_plain_words_answers_what_was_given_up(tmp_path: Path) -> None:
    reply = ("Memory: the cached keys and values grow with every token, so a long prompt takes a few gigabytes of GPU "
             "memory per request, and we serve fewer requests per GPU at once.")  # fmt: skip
    asked, critique = _reply(tmp_path, reply)
    assert asked == "tradeoffs", asked
    assert critique["closes_gap"] and critique["score"] >= 3, critique


@pytest.mark.parametrize("reply", ["There are always trade-offs with caching, and you have to balance them carefully."])
def test_generalities_about_trade_offs_give_nothing(tmp_path: Path, reply: str) -> None:
    _, critique = _reply(tmp_path, reply)
    assert not critique["closes_gap"], critique
