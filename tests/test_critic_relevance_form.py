"""A strong story told to the question asked is on topic, even where the critic's word vectors place it nearer
other questions of the role pack: a design question asks for a design, so a lived story answers none of the pack's
design questions however close its subject; an answer is another question's only if it shows what that question
asks for (one of its signals); and "what happened next?" is answered by what the candidate did next.

Every answer is written for this file (none from a labelled, check or blind set) and judged by the real critique
with the question placed in its real role pack; each failed on main before the change (called off topic or partial).
"""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from agent.critic.question import question_info

CASES = [
    (
        "senior-genai-engineer", "cost-win", "behavioral",
        "Tell me about a time you made an ML or LLM system meaningfully cheaper or faster.",
        "Our contract-summary feature sent whole contracts, often eighty pages, to the largest model. I measured "
        "where the tokens went and found that most pages were boilerplate clauses the summary never used. I added a "
        "cheap clause classifier that drops standard boilerplate before the call, and cached summaries by contract "
        "hash because many customers upload the same templates. I checked quality on two hundred contracts that "
        "lawyers had summarised, and the scores were unchanged. Cost per summary went from about 40 cents to 9, and "
        "the wait dropped from around a minute to fifteen seconds.",
    ),
    (
        "engineering-manager", "burnout", "behavioral",
        "Tell me about a time your team was overloaded. What did you change?",
        "Last year my team carried the data platform on-call plus two product launches. I saw it in our retro notes "
        "and in people working weekends. I moved one launch to the next quarter after talking to its product "
        "manager, rotated on-call weekly instead of fortnightly, and automated the two most frequent page causes. "
        "Weekend work dropped to about one engineer in ten, down from about half the team before the change.",
    ),
    (
        "director", "cost-reduction", "behavioral",
        "Give me an example of reducing the cost of your platform materially. How did you find where the money went?",
        "When I took over the data platform, storage was our largest cloud line and growing every month. I asked "
        "for a breakdown by dataset and owner, which took a week because half the buckets had no owner tag. Most of "
        "the cost was raw event copies that three teams each kept for their own pipelines, with no expiry. I agreed "
        "with the three leads on one shared raw copy with a ninety-day expiry, set lifecycle rules on every bucket, "
        "and made the owner tag mandatory at creation. Storage spend went down by roughly 45% over the next two "
        "quarters, and no pipeline lost data it needed.",
    ),
    (
        "senior-genai-engineer", "genai-incident", "behavioral",
        "Tell me about a time an AI feature you owned misbehaved in production. What happened next?",
        "I owned the reply suggestions in our helpdesk product. One Monday agents reported that suggestions were "
        "quoting a refund policy we had retired. I switched suggestions off for the billing queue the same morning "
        "and found that the index build had silently skipped deletions after a connector upgrade, so old policy "
        "pages were still being retrieved. I made the build compare its document count with the source and fail on "
        "a mismatch, added a nightly test that asks about three retired policies and fails if any is cited, and "
        "re-enabled the queue two days later. No retired page has been cited in the two months since.",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("role", "qid", "qtype", "question", "answer"), CASES, ids=[c[1] for c in CASES])
def test_a_strong_story_to_the_question_asked_is_on_topic(
    role: str, qid: str, qtype: str, question: str, answer: str
) -> None:
    info = question_info(question, qtype, None, role, None, qid)  # type: ignore[arg-type]
    c = critique_answer(question, qtype, answer, info=info)
    assert c.relevance == "on_topic", (qid, c.relevance, c.relevance_note)
    assert c.score >= 4, (qid, c.score, c.weak_or_missing)
