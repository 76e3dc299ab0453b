"""Relevance against the role pack: meaning (sentence embeddings) and words (lexical.py) must both point elsewhere.

Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer, lexical
from agent.critic.question import QuestionInfo, question_info

SUCCESSION = "Who in your current org could take your job, and what have you done to make that true?"
# Shares "job" with the question and nothing else: a migration of scheduled jobs, which another question of the
# director pack (the large migration) asks for.
JOBS_STORY = (
    "Our nightly batch jobs were what worried me most. I led the move of 240 scheduled jobs from hand-kept cron "
    "hosts to a managed scheduler across six teams over two quarters. I gave every team a cut-over date, ran old "
    "and new side by side for two weeks per team, and reviewed the stalled teams in my staff meeting each Monday. "
    "We switched off the last cron host in March, and failed runs fell from about 30 a week to 4."
)
SUCCESSOR_STORY = (
    "Two of my managers could step in today, and I made that true on purpose. Eighteen months ago I picked them "
    "with my VP, gave each one a quarter running my staff meeting and the headcount plan, and sent them to the "
    "budget review with finance instead of me. When I was away for six weeks last spring, one of them ran the org; "
    "delivery held and nobody escalated past her."
)


def test_a_story_for_another_pack_question_sharing_one_word_is_off_topic() -> None:
    c = critique_answer(SUCCESSION, "leadership", JOBS_STORY, role="director", question_id="succession")
    assert c.relevance == "off_topic"
    assert c.score <= 2
    assert "delivering a project" in c.relevance_note  # the subject of the question it fits instead is named


def test_an_answer_in_the_question_s_own_terms_stays_on_topic() -> None:
    c = critique_answer(SUCCESSION, "leadership", SUCCESSOR_STORY, role="director", question_id="succession")
    assert c.relevance == "on_topic"
    # Not capped by relevance (<= 2): what it lacks is what the question asks for (a result, a signal).
    assert c.score >= 3 and "relevance" not in c.weak_or_missing


def test_lexical_fit_weighs_the_words_that_set_a_question_apart() -> None:
    info = QuestionInfo(
        text="How do you price a feature for enterprise customers?",
        type="technical",
        signals=("Names a pricing model, such as per seat or per usage",),
        others=(
            ("How do you shard a database that outgrew one node?", "system_design", "system_design"),
            ("How do you onboard a new engineer?", "people", "leadership"),
        ),
        other_signals=(("Names a shard key and how rebalancing works",), ()),
        in_pack=True,
    )
    asked, others = lexical.fits(info, "We picked a shard key by tenant and rebalanced shards weekly for customers.")
    assert others[0] > 2 * asked > 0  # "customers" is shared with the asked question, the rest with sharding
    said_twice = lexical.fits(info, "Pricing per seat. " * 10)[0]
    assert said_twice == lexical.fits(info, "Pricing per seat. " * 3)[0]  # repetition counts up to three times


def test_everyday_words_carry_no_subject() -> None:
    assert set(lexical.roots("Two weeks later I called them back and gave them the first draft.")) == {"draft"}


def test_question_info_carries_the_signals_of_the_other_questions() -> None:
    info = question_info(SUCCESSION, "leadership", role="director", question_id="succession")
    assert len(info.other_signals) == len(info.others) > 20
    assert all(info.other_signals)


def test_a_story_whose_meaning_sits_far_from_the_question_is_off_topic_whatever_words_it_shares() -> None:
    # An outage told to the peer-disagreement question: "the most serious one", "product" and "director" are shared
    # with the question, none of its signals is shown, and seven other questions fit its meaning clearly better.
    # Its words fit the question asked nearly as well as any other (share 0.89), so only the meaning tells.
    from knowledge.roles import load_role

    q = next(q for q in load_role("director").questions if q.id == "peer-conflict")
    outage = (
        "The most serious one was with the payments product director. After a regional failover our cache served "
        "stale balances and the fraud service approved payments it should have held. I was the escalation point: I "
        "opened a bridge with the on-call engineers, we flushed the cache and replayed the held transactions, and "
        "it was over in seventy minutes. In the postmortem we added a consistency check that runs after every "
        "failover."
    )
    c = critique_answer(q.text, q.type, outage, role="director", question_id=q.id)
    assert c.relevance == "off_topic" and c.score <= 2
    assert "about an incident;" in c.relevance_note


TOKEN_COST = "How do you estimate and keep under control the token cost of a feature that calls a hosted model?"
# A cost story about a cluster bill: shares "cost" and "control" with the question and never names a model.
CLUSTER_BILL = (
    "Our Kubernetes bill doubled in one quarter and I was asked to get it under control. I tagged every namespace by "
    "owner, found staging clusters idling all weekend and node pools sized for a peak that never came, set "
    "autoscaling floors to zero at night and moved batch jobs to spot nodes. The monthly bill went from $80k to "
    "$46k and has stayed there since."
)
# The same shape of answer about the thing asked.
MODEL_BILL = (
    "Before launch I estimate tokens per request from a sample of real inputs: about 1,800 prompt and 300 completion "
    "tokens, times expected calls per user per day, priced per model. In production I log tokens per call by feature "
    "and alert when the daily spend passes the budget. I cut prompt tokens by trimming retrieved context to the top "
    "four chunks and cached answers to repeated questions, which took the cost per call from 0.9 to 0.4 cents."
)


def test_a_model_question_answered_about_another_system_is_off_topic() -> None:
    off = critique_answer(TOKEN_COST, "technical", CLUSTER_BILL, role="senior-genai-engineer", question_id="token-cost")
    assert off.relevance == "off_topic" and off.score <= 2
    on = critique_answer(TOKEN_COST, "technical", MODEL_BILL, role="senior-genai-engineer", question_id="token-cost")
    assert on.relevance == "on_topic"
