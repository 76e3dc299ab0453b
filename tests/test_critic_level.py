"""Level: the scope an answer is told at, judged with the real role packs (knowledge/roles/*.yaml `level:`).

A manager who answers with their own hands-on work, a director who answers at the scope of one team, and an engineer
who answers a hands-on question with coordination language are below the role's level: capped at 3 with a level gap.
Every answer here is written for this file.
"""

from __future__ import annotations

import re

import pytest

from agent.critic import critique_answer
from knowledge.roles import load_role

ROLES = ("director", "engineering-manager", "ai-engineer", "senior-genai-engineer")

# A manager asked for the team's hardest delivery who tells the code they wrote themselves, in their own evenings.
EM_HANDS_ON = (
    "The hardest one was the move of our invoice exports from a nightly dump to change-data capture. My part was "
    "the hard core of it: I coded the Debezium connector config and the dedup consumer myself, because nobody else "
    "on the team had touched Kafka before. I spent three weekends chasing an ordering bug in the consumer. The "
    "others handled the dashboards. Exports now land within two minutes instead of the next morning."
)
# The same project told by the manager who ran it.
EM_LED = (
    "The hardest one was the move of our invoice exports from a nightly dump to change-data capture, six engineers "
    "over one quarter. My part was the plan and the people: I split it into three milestones with an owner each, "
    "paired our one Kafka-experienced engineer with two who had never used it, and ran a weekly risk review with "
    "the finance product manager. When the ordering bug threatened the date, I cut the backfill from scope and "
    "told finance the same day. Exports now land within two minutes instead of the next morning."
)
# A director asked how they structured several teams, answering with one small team's rituals.
DIRECTOR_ONE_TEAM = (
    "On my last team we were eight engineers, and I split us into two halves by skill: one on the ingestion code, "
    "one on the reporting front end. Standups went from half an hour to ten minutes. I chose skill over product "
    "because people enjoy working on what they know. We also rotate code review across the halves on Thursdays. "
    "It has worked well and people are happier."
)
# A senior GenAI engineer asked a hands-on retrieval question, answering with coordination and process.
GENAI_COORDINATION = (
    "I would first get the search and platform leads on the same page about the goal, because these choices stall "
    "between groups. Then we'd agree an OKR for answer quality and a RACI for who decides. The engineers would "
    "choose between keyword, vector or both once the goal is clear. I'd keep the stakeholders updated every week "
    "and revisit it next quarter."
)
# The same question answered with mechanisms, numbers and how it is measured.
GENAI_MECHANISM = (
    "I'd combine them whenever queries carry exact identifiers such as part numbers or error codes, which dense "
    "embeddings blur. I run BM25 and the vector index in parallel, take the top 50 of each and merge with "
    "reciprocal rank fusion, k=60, then rerank the top 20 with a cross-encoder. I'd measure recall@10 on a "
    "labelled set of 300 real queries, sliced by query type, and keep the merge only if it beats each list alone."
)
# An engineer's production incident in which they only coordinated and others found and fixed the cause.
GENAI_INCIDENT_COORDINATED = (
    "Our reply-suggestion feature began offering replies in the wrong tone to some enterprise users. When the "
    "account team raised it I opened a channel, pulled in the on-call engineer, and posted updates to sales twice a "
    "day. The on-call engineer found the cause and shipped a fix after two days. I kept the stakeholders informed "
    "throughout, and the complaints stopped."
)


def test_every_level_cue_matches_its_example() -> None:
    for role in ROLES:
        spec = load_role(role).level
        assert spec is not None
        for cue in (*spec.at, *spec.below):
            assert re.search(cue.pattern, cue.example, re.IGNORECASE), (role, cue.example)


def test_a_manager_telling_their_own_hands_on_work_is_below_the_level() -> None:
    q = "Tell me about the most complex project your team delivered under you. What was your part?"
    below = critique_answer(q, "behavioral", EM_HANDS_ON, role="engineering-manager", question_id="delivery-win")
    assert below.level == "below" and below.score <= 3
    assert "level" in below.weak_or_missing and below.level_note
    led = critique_answer(q, "behavioral", EM_LED, role="engineering-manager", question_id="delivery-win")
    assert led.level == "at"


@pytest.mark.parametrize("wrap", [False, True])
def test_a_hard_wrapped_answer_is_judged_like_the_same_answer_on_one_line(wrap: bool) -> None:
    answer = (
        EM_HANDS_ON.replace("I spent three", "I spent\nthree").replace("I coded the", "I\ncoded the")
        if wrap
        else EM_HANDS_ON
    )
    q = "Tell me about the most complex project your team delivered under you. What was your part?"
    c = critique_answer(q, "behavioral", answer, role="engineering-manager", question_id="delivery-win")
    assert c.level == "below"


def test_a_director_answering_at_the_scope_of_one_team_is_below_the_level() -> None:
    q = (
        "How have you structured an organisation of several teams, and what made you choose that shape over the "
        "alternatives?"
    )
    c = critique_answer(q, "leadership", DIRECTOR_ONE_TEAM, role="director", question_id="org-design")
    assert c.level == "below" and c.score <= 3


def test_coordination_language_to_a_hands_on_question_is_below_an_engineer_s_level() -> None:
    q = "When would you combine keyword search with vector search, and how would you merge the two result lists?"
    low = critique_answer(q, "technical", GENAI_COORDINATION, role="senior-genai-engineer", question_id="hybrid-search")
    assert low.level == "below" and low.score <= 3
    deep = critique_answer(q, "technical", GENAI_MECHANISM, role="senior-genai-engineer", question_id="hybrid-search")
    assert deep.level == "at" and deep.score >= 4


def test_an_engineer_who_only_coordinated_an_incident_is_below_the_level() -> None:
    q = "Tell me about a time an AI feature you owned misbehaved in production. What happened next?"
    c = critique_answer(
        q, "behavioral", GENAI_INCIDENT_COORDINATED, role="senior-genai-engineer", question_id="genai-incident"
    )
    assert c.level == "below" and c.score <= 3
