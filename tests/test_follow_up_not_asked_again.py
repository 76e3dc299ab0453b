"""A follow-up never asks for what a reply has just given, whatever that reply was asked: a reply to "what are the
requirements?" that also sizes the load and says how failures are handled answers "what scale?" and "how does it
fail?" before they are asked (the critic reports what else a reply shows as evidence; agent/nodes/critique.py
_shown_in_reply reads it). A reply that says nothing particular gives nothing. Driven through the graph as
`python -m evals.run` replays a transcript; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

from evals.run import replay
from evals.transcript import load_transcript

QUESTION = (
    "Several teams call different model providers directly. Design a gateway that sits between them and the providers."
)
FIRST = ("I would put one gateway service in front of the providers. It keeps the keys, logs the calls and routes each "
         "request, and the teams get a small client library.")  # fmt: skip
SIZED = ("Seven product teams, about 90 requests a second at the busiest hour and doubling next year, and finance "
         "needs the bill split by team. So a service, not a library: per-team keys with quotas, call logs with "
         "personal data masked, timeouts and two retries with fallback to a second provider when one is down, and an "
         "API that mirrors the providers' so a team switches by changing one setting.")  # fmt: skip


def _asked(tmp_path: Path, reply: str) -> list[dict[str, object]]:
    """Every follow-up the graph asks after FIRST and `reply` (a third turn skips whatever comes next)."""
    path = tmp_path / "gw.yaml"
    path.write_text(
        "name: gw\nrole: senior-genai-engineer\nfollow_ups: 3\nturns:\n"
        f"  - question: {QUESTION!r}\n    answer: {FIRST!r}\n"
        f"  - follow_up: true\n    answer: {reply!r}\n",
        encoding="utf-8",
    )
    return [r["follow_up"] for r in replay(load_transcript(path)) if r.get("follow_up")]


def test_a_reply_that_sizes_the_load_and_handles_failures_is_not_asked_for_them_again(tmp_path: Path) -> None:
    first, *later = _asked(tmp_path, SIZED)
    assert first["probes"] == "requirements", first
    # main: "What scale are you designing for, and what breaks first as it grows?" right after this reply
    assert not [f for f in later if f["probes"] in ("scale", "failure_modes")], later


def test_a_reply_that_says_nothing_particular_leaves_them_open(tmp_path: Path) -> None:
    _, *later = _asked(tmp_path, "There are always lots of requirements, and scale and failures matter a great deal.")
    assert [f for f in later if f["probes"] in ("scale", "failure_modes", "requirements")], later
