"""A follow-up reply probed for its own part (ownership, result, a number...) is judged on its own parts: how it fits
the question (relevance against the question and its pack) is not computed, which is a third of the reply's critique.
The question's signals it shows are still read (about 2 ms: features.shown_signals), so that a follow-up never asks
for one a reply just gave and the report never lists it open (newcomer trial 37, N8 and N10); a reply to a signal or
relevance probe is checked against the question's signals as before. The role pack is the bundled one; the replies
are written for this file."""

from __future__ import annotations

import pytest

from agent.critic import critique_follow_up, features
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "engineering-manager"
Q = next(q for q in load_role(ROLE).questions if q.id == "burnout")
INFO = question_info(Q.text, Q.type, Q.competency, ROLE, None, Q.id)
FIRST = (
    "Last winter my team of six was paged most nights and two people skipped their one-on-ones for a month. We paused "
    "the new reporting work and moved the noisiest alerts to business hours."
)
REPLY = (
    "I called the pause myself: I read all of last month's pages with the on-call lead, "
    "I cut the two reporting epics from the quarter myself, and I told our product partner the same afternoon."
)


def test_an_ownership_reply_is_judged_without_the_question_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> list[object]:
        raise AssertionError("the question fit judged for an ownership probe")

    monkeypatch.setattr(features.relevance, "judge", refuse)
    c = critique_follow_up(INFO, "What did you do yourself?", "ownership", REPLY, earlier=FIRST)
    assert c.closes_gap and c.score >= 4


def test_a_signal_reply_is_still_checked_against_the_signals(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = features.signals.check

    def counting(*a: object, **k: object) -> object:
        seen.append(1)
        return real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(features.signals, "check", counting)
    critique_follow_up(INFO, "How often were people paged weekly, before and after?", "signal", REPLY, earlier=FIRST)
    assert seen
