"""A follow-up that probes one missing signal is closed by a substantial, specific reply that names what that signal
is about, even when the signal matcher's wording does not reach it; a reply about something else, or a short
generic one, does not close it. The role pack is the bundled one; the answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.follow_up import probed_signal
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "engineering-manager"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "bad-hire")
INFO = question_info(QUESTION.text, QUESTION.type, QUESTION.competency, ROLE, None, QUESTION.id)
FIRST = (
    "I pushed for an offer to a backend engineer whose system design round was excellent. Within two months his "
    "reviews were dismissive and two juniors stopped asking him anything. I raised it with him twice, with "
    "examples, and when nothing changed we agreed on a fair exit with a month's notice."
)
PROBE = "What change to your interviews came out of it?"
CLOSES = (
    "Each backend candidate sits a 45-minute review exercise these days: they comment on a real pull request from our "
    "payments service written by one of the three juniors, and that junior tells us afterwards how the comments "
    "felt. Since then we turned down two candidates with strong design rounds because their comments read the same "
    "way."
)
ELSEWHERE = (
    "Around that time we also moved our services onto the new deployment platform, which took most of a quarter "
    "because every service needed its health checks rewritten, and the on-call rota was reshuffled twice while the "
    "old and new clusters ran side by side."
)


def test_the_probe_names_its_signal() -> None:
    k = probed_signal(INFO, PROBE)
    assert k is not None and "interview" in INFO.signals[k].lower()


def test_a_reply_naming_the_probed_change_closes_it() -> None:
    c = critique_follow_up(INFO, PROBE, "signal", CLOSES, earlier=FIRST)
    assert c.closes_gap and c.score >= 4


def test_a_reply_about_something_else_does_not() -> None:
    c = critique_follow_up(INFO, PROBE, "signal", ELSEWHERE, earlier=FIRST)
    assert not c.closes_gap and c.score <= 2
