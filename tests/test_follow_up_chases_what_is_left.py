"""A second follow-up chases what is still missing after the latest reply, not a gap or a signal the reply has just
given (replayed through the graph, as `python -m evals.run` does; the transcript is written for this behaviour)."""

from __future__ import annotations

from evals.run import replay
from evals.transcript import load_transcript
from tests.conftest import REPO

TRANSCRIPT = REPO / "evals" / "transcripts" / "em-reply-closes-more-than-asked.yaml"


def test_a_reply_that_gives_the_own_part_and_the_signals_leaves_nothing_to_chase() -> None:
    records = list(replay(load_transcript(TRANSCRIPT)))
    reply = records[-1]
    assert reply["critique"]["probes"] is not None and reply["critique"]["score"] >= 4  # judged as a reply
    # main asked "You didn't touch on this: names their own mistake and what it cost ..." right after the reply
    # that named it, or asked again whose decisions they were
    assert reply["follow_up"] is None, reply["follow_up"]
