"""A reply to "what was your own part?" that divides the work closes it, however short: a step of the candidate's
with what it acted on ("I wrote the comparison"), or a named thing claimed as their decision ("the vendor choice was
my call", no "I" at all). A claim that names nothing ("I was hands-on throughout") or hands the work on does not
(agent/critic/own_part.py). Driven through the graph as `python -m evals.run` replays a transcript; the answers and
replies are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.critic.own_part import names_own_part
from evals.run import replay
from evals.transcript import load_transcript

QUESTION = "Tell me about a time you resolved a serious production incident."
ANSWER = ("Our search cluster ran out of heap on a Monday morning and queries started timing out. We restarted the "
          "nodes, we moved the reindex job off peak hours, and we got search back within ninety minutes.")  # fmt: skip


def _reply(tmp_path: Path, reply: str) -> tuple[dict[str, object], dict[str, object]]:
    """The first answer's record (its follow-up) and the critique of `reply` to that follow-up."""
    path = tmp_path / "own.yaml"
    path.write_text(
        "name: own\nrole: engineering-manager\nfollow_ups: 1\nturns:\n"
        f"  - question: {QUESTION!r}\n    answer: {ANSWER!r}\n"
        f"  - follow_up: true\n    answer: {reply!r}\n",
        encoding="utf-8",
    )
    first, second = list(replay(load_transcript(path)))
    return first, second["critique"]


@pytest.mark.parametrize(
    "reply",
    [
        "Moving the reindex off peak was my call; Farid owned the restart runbook.",  # no "I" at all
        "I was on call, so I read the heap dumps and picked which nodes to restart first.",
        "I ran most of the restart myself and wrote the postmortem that afternoon.",
    ],
)
def test_a_short_reply_that_names_the_candidates_part_closes_the_ownership_probe(tmp_path: Path, reply: str) -> None:
    first, critique = _reply(tmp_path, reply)
    assert first["follow_up"]["probes"] == "ownership", first["follow_up"]
    # main: 2/5, not closed ("say what you did with 'I'"), or 1/5 off topic
    assert critique["closes_gap"] and critique["score"] >= 3, critique


@pytest.mark.parametrize(
    "reply",
    ["I was hands-on throughout and kept pushing.", "I made sure the on-call engineers had what they needed."],
)
def test_a_claim_that_names_no_part_leaves_it_open(tmp_path: Path, reply: str) -> None:
    _, critique = _reply(tmp_path, reply)
    assert not critique["closes_gap"] and critique["score"] <= 2, critique


def test_what_counts_as_a_named_part() -> None:
    assert names_own_part("The pricing page redesign was mine.")
    assert not names_own_part("It wasn't my call, the VP decided it.")
    assert not names_own_part("I helped the team with the rollout.")
    assert not names_own_part("I was responsible for the whole project.")
