"""An off-topic note never says the answer is about the asked question's own subject (newcomer30 N6: a reorganisation
told to "a technical decision where you had to step in" was called "about a technical decision"): when the question
it fits instead is of the asked one's competency, the note names no subject. Every answer here is written for this
file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role
from prompts import load_yaml

# An org redesign, no technical decision in it, told to the engineering-manager pack's technical-decision question.
REGROUPED = (
    "I ran a 40-person analytics engineering org organised into teams by tool: ingestion, modelling, BI and tooling. "
    "Every request from a product area needed three of those teams. I regrouped it into three teams that each serve "
    "one product area end to end plus a thin platform team, wrote the proposal, reviewed it with my VP and the "
    "managers, and made the moves over a quarter. Lead time for a request fell from five weeks to nine days, and the "
    "ownership score in our survey went from 50% to 76%."
)


def test_an_off_topic_note_does_not_name_the_asked_questions_subject() -> None:
    q = next(q for q in load_role("engineering-manager").questions if q.id == "tech-decision")
    c = critique_answer(q.text, q.type, REGROUPED, role="engineering-manager", question_id="tech-decision")
    assert c.relevance == "off_topic" and c.score <= 2
    own_subject = load_yaml("critic_phrases.yaml")["relevance"]["subjects"][q.competency]
    said, quoted = c.relevance_note.split('"', 1)
    assert own_subject not in said, c.relevance_note
    assert q.text in quoted
