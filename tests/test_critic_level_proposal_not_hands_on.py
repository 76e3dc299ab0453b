"""Writing a proposal, a plan or a memo is not hands-on engineering work: an org change told to an engineering manager's
question ("..., wrote the proposal, walked it past my director") is never "below the role" for it,
while ", wrote the retry wrapper" still is (knowledge/roles/*.yaml level cues). Answers written for this file."""

from __future__ import annotations

import pytest

from agent.critic.level import judge
from agent.critic.question import question_info
from agent.critic.text import sentences

REGROUP = ("I ran a 30-person payments group of three teams split by layer. I regrouped it into two product-aligned "
           "teams, wrote the proposal, walked it past my director and the managers, and moved people across in six "
           "weeks.")  # fmt: skip
HANDS_ON = ("The settlement export kept timing out. I traced it to the client, wrote the retry wrapper and tuned the "
            "batch size, and the timeouts stopped.")  # fmt: skip


def test_an_org_change_with_a_proposal_is_not_below_an_engineering_managers_role() -> None:
    info = question_info("Tell me about a decision where you had to step in.", "behavioral", None,
                         "engineering-manager", None, None)  # fmt: skip
    assert judge(info.level, info.type, sentences(REGROUP)).label == "at"


@pytest.mark.parametrize("role", ["engineering-manager", "director"])
def test_writing_code_is_still_below_the_role(role: str) -> None:
    info = question_info("Tell me about a decision where you had to step in.", "behavioral", None, role, None, None)
    assert judge(info.level, info.type, sentences(HANDS_ON)).label == "below"
