"""Asked for an incident, a story of a planned event (a launch, a migration, a drill) that tells nothing breaking is
another subject (relevance.planned_told), however many production nouns and figures it shares with the question."""

from __future__ import annotations

from agent.critic import critique_answer

INCIDENT_Q = "Tell me about a production incident on your team's services. What did you do as the manager?"
ASK = {"role": "engineering-manager", "question_id": "incident-lead"}

PLANNED = (
    "The production event I'd pick from my time at a parcel company is the migration of our label-printing services "
    "to a new cluster last winter. I split the move into nine waves, gave each wave an owner from my team of eight, "
    "and ran a rehearsal of every wave in staging with a tested rollback. I ran a status call every morning with the "
    "warehouse leads so they knew which sites moved when. After the last wave I held a review and turned our notes "
    "into a checklist the platform group now uses. All nine waves finished two weeks early, with no printing delay at "
    "any of the 40 warehouses, and hosting costs fell 15%."
)
# The same kind of event, but something broke in it: that is an incident, told around the work it broke.
BROKE = (
    "During the migration of our label-printing services to a new cluster last winter, the printers at 12 warehouses "
    "stopped printing for two hours because the new cluster's certificates had expired. I took the coordinator role, "
    "put our most senior engineer on the fix and kept the warehouse leads updated every twenty minutes. We rolled the "
    "printing service back to the old cluster within forty minutes, and I ran a blameless review two days later. The "
    "review added a certificate check to every migration wave, and the remaining waves moved with no stoppage."
)


def test_a_planned_migration_told_to_an_incident_question_is_off_topic_and_says_why() -> None:
    c = critique_answer(INCIDENT_Q, "behavioral", PLANNED, **ASK)  # type: ignore[arg-type]
    assert c.relevance == "off_topic" and c.score <= 2
    assert "planned event" in c.relevance_note and "label-printing" in c.relevance_note


def test_an_incident_that_happened_during_a_migration_is_on_topic() -> None:
    c = critique_answer(INCIDENT_Q, "behavioral", BROKE, **ASK)  # type: ignore[arg-type]
    assert c.relevance == "on_topic" and c.score >= 4
