"""An answer that meaning places as close to the asked question as to one other is about both, not the other's answer.

Bad data that reached customers through an outage is an incident too: the pack's incident question fits the story a
little better than the bad-data question by meaning, and its signals (the rollback, the postmortem) are named. With
no other question ahead and a margin that small, that shows the overlap of the two subjects, not an answer to the
incident question instead. Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

STALE_ANSWERS = (
    "Our chatbot's knowledge index went stale for two days because a nightly embedding job silently failed, so "
    "customers got answers based on outdated shipping rules. I was the incident commander. I rolled back to the "
    "previous index in 30 minutes, then wrote the postmortem and added freshness alerts and a canary query set. Since "
    "then we have had zero stale-index incidents in six months, and I made the canary set a launch requirement for "
    "every new index across the org's three teams."
)
# The same outage with the customers' wrong answers left out: an incident story, and one the incident question fits.
OUTAGE_ONLY = (
    "Our help-centre search went down for an hour after a crawler credential expired and the index service crashed "
    "on restart. I was the incident commander: I paged the search on-call, switched traffic to the standby cluster "
    "within half an hour, ran the postmortem and rotated every crawler credential. We have had no search outages "
    "in seven months."
)


def _ask(answer: str):  # type: ignore[no-untyped-def]
    q = next(q for q in load_role("director").questions if q.id == "data-quality-crisis")
    return critique_answer(q.text, q.type, answer, role="director", question_id="data-quality-crisis")


def test_bad_data_that_reached_customers_through_an_outage_is_on_topic() -> None:
    c = _ask(STALE_ANSWERS)
    assert c.relevance == "on_topic"
    assert c.score >= 4 and c.signals.covered


def test_an_outage_with_no_bad_data_in_it_is_still_not_an_answer() -> None:
    c = _ask(OUTAGE_ONLY)
    assert c.relevance == "off_topic" and c.score <= 2
