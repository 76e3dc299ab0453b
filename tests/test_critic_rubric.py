"""Rubric decisions of the offline critic that a candidate would notice in the feedback."""

from __future__ import annotations

import pytest

from agent.critic import critique_answer

BEHAVIORAL_Q = "Tell me about a time you improved the reliability of a service."

STRONG_BEHAVIORAL = (
    "Last year our payments webhook service at a fintech startup paged the on-call engineer about fifteen times "
    "a week, mostly from retries piling up on a single Postgres table. I owned the service, so fixing it was "
    "my call. I traced the pages to lock contention, moved the retry queue to a separate table with "
    "SKIP LOCKED, and I added a dead-letter path for payloads that failed three times. I also wrote a runbook "
    "and ran a game day with the team. Within six weeks pages dropped from fifteen a week to two, and p99 "
    "delivery latency fell from 9 s to 1.4 s."
)


def _crit(answer: str, qtype: str = "behavioral", question: str = BEHAVIORAL_Q):
    return critique_answer(question, qtype, answer)


def test_strong_behavioral_answer_scores_5_with_evidence() -> None:
    c = _crit(STRONG_BEHAVIORAL)
    assert c.score == 5 and c.weak_or_missing == [] and c.gap == ""
    assert c.star.model_dump() == {"situation": True, "task": True, "action": True, "result": True}
    assert c.quantified_result and c.ownership == "clear"
    assert c.strengths
    for ev in c.evidence:  # every flag points at a real span of the answer
        assert STRONG_BEHAVIORAL[ev.span.start : ev.span.end] == ev.span.text


def test_context_numbers_are_not_a_quantified_result() -> None:
    c = _crit(
        "At my last company our team of 40 engineers supported 3 million users and a budget of $5M. "
        "I reorganised the on-call rotation into two tiers and wrote new escalation rules. "
        "After that things got better."
    )
    assert c.metrics and all(m.role == "context" for m in c.metrics)
    assert c.quantified_result is False
    assert c.star.result is False
    assert c.primary_gap == "result"


def test_result_without_a_number_asks_for_the_number() -> None:
    c = _crit(STRONG_BEHAVIORAL.split(" Within six weeks")[0] + " After that the night pages stopped and the "
              "team stopped dreading on-call weeks.")  # fmt: skip
    assert c.star.result is True and c.quantified_result is False
    assert c.primary_gap == "quantified_result"
    assert c.score == 4


def test_we_only_story_has_unclear_ownership() -> None:
    c = _crit(
        "Our search service timed out for enterprise tenants during the quarter-end peak. We profiled the "
        "query path, we added a per-tenant cache and we moved the heavy facets to an async job. Timeouts "
        "dropped from 4% to 0.2% within a month."
    )
    assert c.ownership == "unclear"
    assert c.primary_gap == "ownership"
    assert c.score == 4


def test_mixed_i_and_we_is_mixed() -> None:
    c = _crit(
        "Our search service timed out for enterprise tenants during the quarter-end peak. I profiled the "
        "query path. We added a per-tenant cache, we moved the heavy facets to an async job and we rewrote "
        "the ranking step. Timeouts dropped from 4% to 0.2% within a month."
    )
    assert c.ownership == "mixed"
    assert "ownership" in c.weak_or_missing


def test_motivation_is_not_docked_for_having_no_result() -> None:
    c = _crit(
        "I have spent six years building retrieval systems, most recently a support search used by 2,000 agents, "
        "and the part I enjoy most is evaluation: turning fuzzy quality complaints into test sets. Your team "
        "is moving its assistant from a prototype to a product with real SLAs, which is exactly the transition "
        "I want to own next, because it is where evaluation discipline decides whether the product survives. "
        "I am also looking for a smaller company where I can talk to customers directly.",
        "motivation",
        "Why do you want this role?",
    )
    assert c.star.result is False
    assert "result" not in c.weak_or_missing and "quantified_result" not in c.weak_or_missing
    assert c.score == 5


def test_system_design_without_failure_modes_names_that_gap() -> None:
    answer = (
        "Requirements first: 5 million users, about 3,000 QPS at peak and p95 under 200 ms for reads. I'd put "
        "an API gateway in front of stateless workers, keep hot profiles in Redis and store the rest in a "
        "sharded Postgres keyed by user id. Writes go through Kafka so spikes are absorbed. The trade-off is "
        "eventual consistency on profile updates instead of a synchronous write, because reads dominate."
    )
    c = _crit(answer, "system_design", "Design a user profile service for a social app.")
    assert c.primary_gap == "failure_modes"
    assert c.score == 4
    with_failures = answer + " If a shard fails, reads fail over to a replica and writes retry from Kafka."
    assert _crit(with_failures, "system_design", "Design a user profile service for a social app.").score == 5


def test_leadership_position_without_example_asks_for_one() -> None:
    c = _crit(
        "I believe managers should protect focus time, because context switching is the biggest hidden cost "
        "in an engineering org. I'd keep two meeting-free days a week and measure it through cycle time.",
        "leadership",
        "How do you protect your team's focus?",
    )
    assert c.primary_gap == "example"
    assert c.score <= 3


def test_terse_one_liner_is_weak_but_not_a_non_answer() -> None:
    c = _crit("Reorganised the data org into platform and product teams. It worked.",
              question="Tell me about the hardest organisational change you led.")  # fmt: skip
    assert c.non_answer is False
    assert 2 <= c.score <= 3
    assert c.specificity == "low"


# Complete answers and the same answer with one part taken away: the complete one must score higher.
PAIRS = [
    pytest.param(STRONG_BEHAVIORAL, STRONG_BEHAVIORAL.split(" Within six weeks")[0], "behavioral",
                 BEHAVIORAL_Q, id="behavioral-result-removed"),
    pytest.param(
        "When our mobile release train slipped three sprints in a row, I was asked to get it back on a two-week "
        "cadence. I split the release checklist into automated and manual parts, I moved the flaky UI tests "
        "to a nightly job and I set a hard code-freeze on Tuesdays. Over the next quarter we shipped six "
        "releases on time, and hotfixes fell from 5 per release to 1.",
        "When our mobile release train slipped three sprints in a row, I was asked to get it back on a two-week "
        "cadence. The release process got some attention and things improved over the next quarter.",
        "behavioral", "Tell me about a time you fixed a slow process.", id="behavioral-action-removed"),
    pytest.param(
        "My view is that on-call health is a leadership metric, because tired engineers ship worse code. Last "
        "year I capped pages per shift at five, I made every page above that a ticket for the owning team, "
        "and I reviewed the list with each lead every Friday. Within two quarters weekly pages dropped from "
        "30 to 8 and nobody left the rotation.",
        "My view is that on-call health is a leadership metric, because tired engineers ship worse code. Last "
        "year I capped pages per shift at five, I made every page above that a ticket for the owning team, "
        "and I reviewed the list with each lead every Friday.",
        "leadership", "How do you look after your team's on-call health?", id="leadership-measure-removed"),
    pytest.param(
        "Requirements: 20k tenants, 1,500 writes per second, p99 under 50 ms for reads. I'd shard Postgres by "
        "tenant, cache reads in Redis and push writes through a queue. The trade-off is eventual consistency "
        "instead of synchronous writes, because reads dominate. If a shard fails we fail over to a replica, "
        "and the queue applies backpressure so workers degrade gracefully during an outage.",
        "Requirements: 20k tenants, 1,500 writes per second, p99 under 50 ms for reads. I'd shard Postgres by "
        "tenant, cache reads in Redis and push writes through a queue. The trade-off is eventual consistency "
        "instead of synchronous writes, because reads dominate.",
        "system_design", "Design a multi-tenant settings store.", id="design-failure-modes-removed"),
]  # fmt: skip


@pytest.mark.parametrize(("complete", "degraded", "qtype", "question"), PAIRS)
def test_complete_answer_outscores_its_degraded_copy(complete: str, degraded: str, qtype: str, question: str) -> None:
    full = critique_answer(question, qtype, complete)
    part = critique_answer(question, qtype, degraded)
    assert full.score == 5
    assert full.score > part.score
    assert part.weak_or_missing and part.gap


def test_a_vague_we_answer_gets_no_praise_for_its_result_or_actions() -> None:
    answer = (
        "One of our platform managers was struggling: his team missed two launches in a row. "
        "We talked to him a lot and eventually things got better."
    )
    c = critique_answer("Tell me about a manager who was not working out.", "behavioral", answer)
    assert c.score <= 3
    assert not any("things got better" in s for s in c.strengths)


def test_the_quoted_outcome_is_the_stated_change_not_a_count() -> None:
    answer = (
        "I set a 60-day plan with three written goals and met the manager weekly. He hit two of the three goals, "
        "and transfer requests went from four to zero within a quarter."
    )
    c = critique_answer("Tell me about a manager who was not working out.", "behavioral", answer)
    quoted = [e.span.text for e in c.evidence if e.field == "quantified_result"]
    assert quoted == ["from four to zero"]


# Names every signal of the pack's hybrid-search question (where dense search fails, a merge, a measurement) in
# specific terms, and never writes "because", "trade-off" or a past case: the rubric's form rows find nothing.
HYBRID_QUESTION = (
    "When would you combine keyword search with vector search, and how would you merge the two result lists?"
)
HYBRID_ANSWER = (
    "I'd combine them whenever queries carry exact identifiers such as part numbers or error codes, which dense "
    "embeddings blur. I run BM25 next to the dense index, keep fifty hits from each, fuse the two rankings by "
    "reciprocal rank (k=60) and rescore the best twenty-five with a cross-encoder model."
)
HYBRID_MEASURED = (
    " I'd check recall@10 against 300 hand-judged production queries, split by query kind, and keep the fused list "
    "only if it beats each list alone."
)


def test_an_answer_showing_every_signal_of_its_question_is_not_docked_for_the_rubric_s_words() -> None:
    full = critique_answer(HYBRID_QUESTION, "technical", HYBRID_ANSWER + HYBRID_MEASURED, role="senior-genai-engineer",
                           question_id="hybrid-search")  # fmt: skip
    assert full.score == 5 and not full.weak_or_missing and not full.signals.missing
    # Without the measurement one signal is not shown, and the form gaps count again.
    part = critique_answer(HYBRID_QUESTION, "technical", HYBRID_ANSWER, role="senior-genai-engineer",
                           question_id="hybrid-search")  # fmt: skip
    assert part.score < 5 and part.weak_or_missing
