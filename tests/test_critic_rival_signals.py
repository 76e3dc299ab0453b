"""An answer that names more of another question's signals than of the one asked answers that question: a latency
fix told to a token-cost question is off topic and capped at 2, however many words the two questions share, while a
real token-cost answer stays on topic. The role pack is the bundled one; the answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info
from knowledge.roles import load_role

ROLE = "senior-genai-engineer"
QUESTION = next(q for q in load_role(ROLE).questions if q.id == "token-cost")
INFO = question_info(QUESTION.text, QUESTION.type, None, ROLE, None, QUESTION.id)

LATENCY_STORY = (
    "Our document assistant answered in about seven seconds at p95, so I first broke a sample of slow requests down "
    "by stage: two model calls were made one after another, and a lookup in the vector store took a second on its "
    "own. I made the two calls run in parallel, streamed tokens to the browser so that text appeared at once, and "
    "cached the lookup for repeated questions. The simple questions were routed to a smaller model. After each change "
    "I reran our regression questions with their expected answers, and quality held while p95 fell to 2.6 seconds."
)
COST_ANSWER = (
    "Before launch I multiply it out: our summaries average 2,500 input tokens and 300 output tokens, at the "
    "provider's price that is about a cent per request, and at 40,000 requests a day roughly 12,000 dollars a month. "
    "To bring that down I trimmed the system prompt by half, cached answers for documents that had not changed, and "
    "routed short documents to a cheaper model after checking on a sample that the summaries were as good. Spend is "
    "tracked per day, and an alert goes to me as the named owner when a day passes 350 dollars. It has fired once, "
    "when a customer's script looped, and we added a per-tenant quota after that."
)


def test_a_story_naming_another_questions_signals_is_off_topic() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, LATENCY_STORY, info=INFO)
    assert c.relevance == "off_topic"
    assert c.score <= 2 and c.primary_gap == "relevance"
    assert not c.signals.covered  # an answer to another question shows none of this one's signals


def test_an_answer_to_the_question_asked_stays_on_topic() -> None:
    c = critique_answer(QUESTION.text, QUESTION.type, COST_ANSWER, info=INFO)
    assert c.relevance == "on_topic" and c.score >= 4
