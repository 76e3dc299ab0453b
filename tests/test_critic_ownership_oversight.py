"""Steps that only hand the work on or oversee it leave the candidate's own part open: "I had my leads take care of
the specifics; I set the direction, aligned the VPs and made sure the managers explained it" is not "Ownership:
clear", and the follow-up asks what they did themselves (agent/critic/ownership.py). Answers written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.question import question_info

LIMITS = question_info(
    "Tell me about explaining the limits of an AI system to a non-technical stakeholder who expected more.",
    "behavioral", None, "senior-genai-engineer", None, "explain-to-nontechnical",
)  # fmt: skip


def _own(answer: str) -> str:
    return critique_answer(LIMITS.text, LIMITS.type, answer, [], LIMITS.competency, info=LIMITS).ownership


def test_steps_that_only_delegate_or_oversee_are_not_clear_ownership() -> None:
    answer = ("I am mostly a people leader now, so I had my leads take care of the specifics.\n"
              "I set the direction for the 30-person group, aligned the VPs and made sure the managers explained the "
              "model's limits to the sales team; it landed fine.")  # fmt: skip
    assert _own(answer) == "mixed"


def test_a_step_of_their_own_beside_a_delegated_one_is_clear() -> None:
    answer = ("I had my lead rerun the evaluation on 300 real tickets, and I walked the sales VP through the twelve "
              "worst failures myself, one by one, before we agreed to launch for two ticket types only.")  # fmt: skip
    assert _own(answer) == "clear"
