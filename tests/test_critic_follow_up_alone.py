"""A follow-up reply is judged on what its follow-up asked: a short reply that closes the probe with a concrete
detail scores 4-5; a reply that declines it scores 1. Replies and questions are written for this file."""

from __future__ import annotations

import pytest

from agent.critic import critique_follow_up
from agent.critic.question import QuestionInfo, question_info

PEOPLE = question_info(
    "Tell me about an engineer on your team who was underperforming. What did you do, step by step?", "leadership",
    None, "engineering-manager", None, "low-performer",
)  # fmt: skip
DESIGN = question_info(
    "How would you design a retrieval pipeline for a support assistant over 2 million help-center articles?",
    "system_design", None, "senior-genai-engineer", None, None,
)  # fmt: skip
LATE = question_info("Tell me about a time you missed a deadline that mattered.", "behavioral", None, "director", None,
                     None)  # fmt: skip


@pytest.mark.parametrize(
    ("info", "follow_up", "probes", "reply"),
    [
        (PEOPLE, "What changed in his performance afterwards?", "result",
         "Within two months he was hitting his sprint goals again and his review time went from four days to one."),
        (PEOPLE, "What changed in his performance afterwards?", "result",
         "He stopped missing deadlines and the other engineers stopped routing work around him."),
        (PEOPLE, "How did you measure that it worked?", "quantified_result",
         "I tracked his sprint completion: it went from about 40% to 90% over the next quarter."),
        (DESIGN, "What trade-off did you make on chunk size?", "tradeoffs",
         "Smaller chunks raise precision but lose context, so I'd take 300-token chunks and accept a bigger index."),
        (LATE, "What was the result for the customer?", "result",
         "The customer went live three weeks late but renewed for two more years."),
    ],
)  # fmt: skip
def test_a_short_reply_that_closes_the_probe_scores_high(
    info: QuestionInfo, follow_up: str, probes: str, reply: str
) -> None:
    c = critique_follow_up(info, follow_up, probes, reply)
    assert c.closes_gap and c.score >= 4, (reply, c.score)


@pytest.mark.parametrize("reply", ["I'd rather not say.", "I can't share that, sorry.", "I would prefer not to."])
def test_a_reply_that_declines_scores_one(reply: str) -> None:
    c = critique_follow_up(LATE, "What was your own part in that?", "ownership", reply)
    assert c.score == 1 and not c.closes_gap and c.non_answer


def test_a_fallback_stated_as_a_verb_answers_a_failure_probe() -> None:
    reply = "We fall back to keyword search over the same articles and page on-call after ten minutes."
    c = critique_follow_up(DESIGN, "What happens when the vector index is unavailable?", "failure_modes", reply)
    assert c.closes_gap and c.score >= 4
