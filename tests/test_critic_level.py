"""Level: the scope an answer is told at, judged with the real role packs (knowledge/roles/*.yaml `level:`).

A manager who answers with their own hands-on work, a director who answers at the scope of one team, and an engineer
who answers a hands-on question with coordination language are below the role's level: capped at 3 with a level gap.
Every answer here is written for this file.
"""

from __future__ import annotations

import re

import pytest

from agent.critic import critique_answer
from agent.followups import choose_follow_up
from knowledge.roles import load_role
from prompts import load_yaml

ROLES = ("director", "engineering-manager", "ai-engineer", "senior-genai-engineer")

# A manager asked for the team's hardest delivery who tells the code they rewrote themselves, in their own weekends.
EM_HANDS_ON = (
    "The biggest delivery under me was swapping our search backend from Solr to OpenSearch. Honestly I carried the "
    "risky part: I rewrote the indexing job myself, since nobody else had done a reindex at that size. I spent two "
    "weekends chasing a mapping bug in the analyzers. The rest of the group updated the client calls. Search errors "
    "dropped from 3% to 0.4%."
)
# The same project told by the manager who ran it.
EM_LED = (
    "The biggest delivery under me was swapping our search backend from Solr to OpenSearch, five engineers over a "
    "quarter. I set the plan and handled the people side: three milestones with an owner each, our one engineer who "
    "knew OpenSearch paired with two who did not, and a fortnightly risk check with the support lead. When the "
    "analyzer bug threatened the date I moved the synonym work to the next quarter and told support that day. "
    "Search errors dropped from 3% to 0.4%."
)
# A director asked how they structured several teams, answering with one small group's rituals.
DIRECTOR_ONE_TEAM = (
    "I run one group of six developers, so structure for me meant splitting them by skill: three on the API code, "
    "three on the data jobs. Our daily stand-ups went from thirty minutes to twelve. I chose skill over product since "
    "people like working on what they know best. Pairing rotates between the halves each Friday. Morale is good."
)
# A senior GenAI engineer asked a hands-on retrieval question, answering with coordination and process.
GENAI_COORDINATION = (
    "My first step would be a kickoff with the search owners and the platform group to settle what good looks like, "
    "since such choices tend to stall across groups. After that we would set quarterly OKRs for answer quality and a "
    "RACI naming who decides. Which retrieval method to use is something the specialists can decide once the goal is "
    "settled. I would send a weekly status note to leadership."
)
# The same question answered with mechanisms, numbers and how it is measured.
GENAI_MECHANISM = (
    "I'd combine them whenever queries carry exact identifiers such as part numbers or error codes, which dense "
    "embeddings blur. I run BM25 next to the dense index, keep fifty hits from each, fuse the two rankings by "
    "reciprocal rank (k=60) and rescore the best twenty-five with a cross-encoder model."
    " I'd check recall@10 against 300 hand-judged production queries, split by query kind, and keep the fused list "
    "only if it beats each list alone."
)
# A manager asked how the team estimates, answering with how they size their own work.
EM_OWN_ESTIMATES = (
    "I size my own tickets in half-days and I'm rarely more than a day out, since I wrote most of the billing module "
    "myself. For anything touching an unfamiliar service I double my number. I spent a weekend once rebuilding the "
    "estimate spreadsheet I use. Estimating well mostly comes from knowing the code."
)
# An engineer's production incident in which they only coordinated and others found and fixed the cause.
GENAI_INCIDENT_COORDINATED = (
    "Our email-drafting assistant started signing messages with another customer's name for a handful of tenants. "
    "When sales escalated, I set up a war room, pulled in whoever was on call and the product lead, and sent status "
    "notes to the account teams twice a day. The person on call traced it to a caching bug and deployed a patch two "
    "days later. I made sure leadership stayed informed until the reports stopped."
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


def test_the_level_follow_up_chases_the_scope_the_role_works_at() -> None:
    """An engineer below the level is asked for technical depth, a manager for the team or org scope, whatever the
    question's type."""
    q = "Tell me about a time an AI feature you owned misbehaved in production. What happened next?"
    engineer = critique_answer(
        q, "behavioral", GENAI_INCIDENT_COORDINATED, role="senior-genai-engineer", question_id="genai-incident"
    )
    depth = load_yaml("follow_ups.yaml")["level"]["depth"]["plain"]
    org = load_yaml("follow_ups.yaml")["level"]["org"]["plain"]
    fu = choose_follow_up(engineer, GENAI_INCIDENT_COORDINATED, probed=[], asked=[], budget_left=1, key="k")
    assert fu is not None and fu["probes"] == "level" and fu["text"] in depth
    q = "How does your team estimate work, and how accurate is it?"
    manager = critique_answer(q, "technical", EM_OWN_ESTIMATES, role="engineering-manager", question_id="estimate")
    assert manager.level == "below"
    fu = choose_follow_up(manager, EM_OWN_ESTIMATES, probed=[], asked=[], budget_left=1, key="k")
    assert fu is not None and fu["probes"] == "level" and fu["text"] in org
