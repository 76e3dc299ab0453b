"""The off-topic note: it names the subject the answer is really about, and a fitting prepared story only once.

Every answer and story here is written for this file.
"""

from __future__ import annotations

import numpy as np

from agent.critic import critique_answer
from agent.critic.relevance import _named_rival
from knowledge.metrics import extract_metrics
from knowledge.models import Story, stable_id
from knowledge.roles import available_roles, load_role
from prompts import load_yaml

# An outage of a data pipeline, told as an incident (commander, bridge, postmortem): main named it "data platform".
INCIDENT = (
    "Our worst night was when the ingestion pipeline feeding the warehouse and the training jobs went down for six "
    "hours. I was the incident commander: I paged the data platform on-call, opened a bridge, and sent status to "
    "support every half hour while two engineers replayed the Kafka topics into the lake. Afterwards I ran the "
    "blameless postmortem, and we added lag alerts on every topic and a second consumer group. Recovery time for "
    "the same failure went from six hours to about twenty minutes."
)
REVIEWS = Story(
    id=stable_id("story", "bank.md", "Design reviews across the platform teams"),
    title="Design reviews across the platform teams",
    text=(
        "Situation: each of the five platform teams shipped designs nobody outside it had read. Task: I wanted a "
        "review habit across teams I did not run. Action: I started a weekly open design review, asked two staff "
        "engineers to host it, and made a short template the practice. Result: within two quarters most cross-team "
        "designs were reviewed before build, and rework after launch fell by half."
    ),
    competencies=["culture", "people_leadership"],
    source="bank.md",
)
REVIEWS.metrics = extract_metrics(REVIEWS.text)


def _culture_change() -> tuple[str, str]:
    q = next(q for q in load_role("director").questions if q.id == "culture-change")
    return q.text, q.type


def test_an_incident_story_is_named_as_an_incident() -> None:
    text, qtype = _culture_change()
    c = critique_answer(text, qtype, INCIDENT, role="director", question_id="culture-change")
    assert c.relevance == "off_topic" and c.score <= 2
    assert "about an incident;" in c.relevance_note and "data" not in c.relevance_note.split(";")[0]


def test_the_subject_is_said_in_words_not_as_a_competency_id() -> None:
    phrases = load_yaml("critic_phrases.yaml")["relevance"]["subjects"]
    used = {q.competency for role in available_roles() for q in load_role(role).questions}
    assert used <= set(phrases)  # every pack competency has words; "ai ml" was shown before


def test_a_one_line_reply_is_not_said_to_be_about_something_else() -> None:
    q = next(q for q in load_role("senior-genai-engineer").questions if q.type == "system_design")
    c = critique_answer(q.text, q.type, "We used some tools and it went fine I think.", role="senior-genai-engineer",
                        question_id=q.id)  # fmt: skip
    # main said "That answer is about quality reliability" (before that, "about mentoring") for this reply
    assert c.score <= 2 and "too short" in c.relevance_note and "is about" not in c.relevance_note


def test_a_fitting_story_is_named_once_not_again_as_a_better_fit() -> None:
    text, qtype = _culture_change()
    c = critique_answer(text, qtype, INCIDENT, [REVIEWS], role="director", question_id="culture-change")
    assert c.relevance == "off_topic"
    assert REVIEWS.title in c.relevance_note
    assert not [n for n in c.story_notes if n.kind == "better_story"]  # main added "... may fit better" too


def test_the_story_being_told_is_not_named_as_the_one_that_fits() -> None:
    told = REVIEWS.model_copy(update={"title": "Pipeline outage night", "text": INCIDENT, "id": "told"})
    text, qtype = _culture_change()
    c = critique_answer(text, qtype, INCIDENT, [told, REVIEWS], role="director", question_id="culture-change")
    assert c.relevance == "off_topic"
    assert "Pipeline outage night" not in c.relevance_note and REVIEWS.title in c.relevance_note


def test_the_question_named_instead_is_the_best_by_meaning_and_words_together() -> None:
    # Question 0 fits the meaning best but shares the fewest words; question 1 is second by meaning, first by words.
    assert _named_rival([0, 1, 2], np.array([0.50, 0.45, 0.10]), [0.1, 0.9, 0.5]) == 1
    # A tie on the two ranks goes to meaning.
    assert _named_rival([0, 1], np.array([0.50, 0.40]), [0.1, 0.9]) == 0
