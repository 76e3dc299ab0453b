"""A signal asking why the candidate did something is shown by the signal's own act with its reason in the same
sentence ("I took over the call because ..."), which static vectors put far from the signal's instruction-like text;
an answer showing it to a question asking for it is on topic. Answers are written for this file (newcomer 40 N7)."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

ROLE = "engineering-manager"


def _critique(words: str, answer: str):  # type: ignore[no-untyped-def]
    q = next(q for q in load_role(ROLE).questions if words in q.text)
    return critique_answer(q.text, q.type, answer, [], q.competency, role=ROLE, signals=q.signals, question_id=q.id)


TECH = ("Our mobile team had argued for a month over whether to keep a local SQLite cache or sync straight from the "
        "API. I stepped in because the release train was two weeks out and neither side had measured cold-start time. "
        "I asked both leads for a one-day spike each and read the traces myself with them. I chose the cache with a "
        "schema version check, and I left the migration code and the test plan to the team. Cold start fell from 3.1 "
        "seconds to 1.4 and crash reports on launch dropped by half.")  # fmt: skip


def test_stepping_in_with_the_reason_in_the_same_sentence_is_shown_and_on_topic() -> None:
    c = _critique("had to step in", TECH)
    assert any("why they stepped in" in s for s in c.signals.covered), c.signals
    assert c.relevance == "on_topic", c.relevance_note


def test_stepping_in_with_no_reason_given_is_not_shown_by_the_reason_route() -> None:
    answer = TECH.replace("I stepped in because the release train was two weeks out and neither side had measured "
                          "cold-start time.", "I stepped in.")  # fmt: skip
    c = _critique("had to step in", answer)
    assert not any("why they stepped in" in s for s in c.signals.covered), c.signals
