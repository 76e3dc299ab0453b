"""A follow-up reply of generalities closes nothing: "there are always trade-offs, it depends", "we got better and
communicated more" carry the probe's words and name nothing particular (agent/critic/generic.py). A short reply
that names something particular still closes its probe. Replies and questions are written for this file."""

from __future__ import annotations

import re

import pytest

from agent.critic import critique_follow_up
from agent.critic.generic import GENERAL_CUES, says_nothing
from agent.critic.metric_roles import classify
from agent.critic.question import question_info
from agent.critic.text import sentences

DESIGN = question_info(
    "How would you design a pipeline that tags incoming support emails by product and urgency?", "system_design",
    None, "ai-engineer", None, None,
)  # fmt: skip
ORG = question_info(
    "Tell me about a reorganisation you led across several teams. What did it change?", "behavioral", None,
    "director", None, None,
)  # fmt: skip


@pytest.mark.parametrize(("pattern", "example"), GENERAL_CUES)
def test_every_general_cue_matches_its_example(pattern: str, example: str) -> None:
    assert re.search(r"\b(?:" + pattern + r")", example, re.IGNORECASE), (pattern, example)


@pytest.mark.parametrize(
    ("info", "follow_up", "probes", "reply", "top"),
    [
        (DESIGN, "Which trade-offs did you accept, and what did you give up?", "tradeoffs",
         "Any pipeline like this comes with trade-offs; it really depends on what the client values.", 1),
        (ORG, "What changed in the wider organisation afterwards?", "level",
         "We sort of reworked lots of things afterwards. We got better at planning, we made sure the managers were "
         "aligned and we talked more across the org. By the end of the year we were in a good place.", 2),
        (ORG, "What was your own part in that?", "ownership",
         "That's a fair question. As a director you learn to let people find their own way, and every team is "
         "different, so it depends on the case.", 1),
    ],
)  # fmt: skip
def test_a_reply_of_generalities_closes_nothing(info, follow_up: str, probes: str, reply: str, top: int) -> None:  # type: ignore[no-untyped-def]
    c = critique_follow_up(info, follow_up, probes, reply)
    assert not c.closes_gap and c.score <= top, (reply, c.score, c.closes_gap)


@pytest.mark.parametrize(
    ("info", "follow_up", "probes", "reply"),
    [
        (DESIGN, "Which trade-offs did you accept, and what did you give up?", "tradeoffs",
         "I'd give up per-agent routing rules: one classifier for all queues is cheaper to run but misroutes about "
         "3% of the billing emails."),
        (ORG, "What changed in the wider organisation afterwards?", "level",
         "The three platform groups now share one roadmap review that I chair, and two other directors copied the "
         "Tuesday intake for their orgs within a quarter."),
    ],
)  # fmt: skip
def test_a_particular_reply_still_closes_its_probe(info, follow_up: str, probes: str, reply: str) -> None:  # type: ignore[no-untyped-def]
    c = critique_follow_up(info, follow_up, probes, reply)
    assert c.closes_gap and c.score >= 3, (reply, c.score)


def test_a_plain_result_without_figures_is_not_a_generality() -> None:
    text = "She stopped skipping the design reviews and the other leads stopped working around her."
    sents = sentences(text)
    assert not says_nothing(sents, classify(text, sents, None, False))
