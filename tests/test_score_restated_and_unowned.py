"""A decent answer with a gap does not reach 5, and a follow-up reply that only says the answer again, or claims a
part without naming one, closes nothing (issue 9).

Each session is driven through the real graph (offline critic, in-memory checkpointer) with a fixed question of a
shipped role pack; the critiques are the ones the graph stores on the turns.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tests.fixed_session import fixed_session, graded_turns

LATENCY = "Your LLM feature has a p95 latency of eight seconds and product wants two. What levers do you have?"
# Measures first and names three levers with figures; its only contrast is one of order ("at the same time rather
# than in sequence"), and nothing is said of what any lever cost.
LATENCY_LEVERS = (
    "At Corbel Travel our itinerary summariser sat at about eight seconds at p95 and the product lead wanted two. "
    "First I measured where the time went: I logged thirty slow requests with a timing for each step, and the two "
    "policy searches took 1.3 seconds, the booking lookup 0.4, and generation the rest, because nothing reached the "
    "screen until the whole summary was written. So I turned on streaming, which put the first line on screen within "
    "a second, I made the two policy searches run at the same time rather than in sequence, and I cached the "
    "booking lookup for the length of a session. The p95 for the first line fell to 1.2 seconds and for the whole "
    "summary to 3.4 seconds."
)
BUDGET = (
    "You are given a budget that funds two of your three priorities. Walk me through how you decide and how you "
    "tell the team whose work is cut."
)
# A past case in which the group does every step and the candidate never appears.
GROUP_CASE = (
    "Two years ago the money for our analytics group dropped and only two of three projects could continue: the "
    "pricing dashboard, the forecasting service and a migration off the old warehouse. We ranked the three on how "
    "much revenue each protected and how many other groups were waiting on it. Finance and sales were consulted, "
    "and in the end we paused the warehouse migration, since it saved running costs but held back no other group. "
    "We let the migration team know and walked them through the ranking, and we found places for them on the other "
    "two projects. It was a hard quarter, but the two projects carried on."
)
LEAKAGE = "What is data leakage? Give me an example you have seen or could easily happen in a project like ours."
LEAK_STORY = (
    "Leakage is when a model learns from information it would not have at the moment it makes a prediction, so its "
    "offline score is better than anything it can do live. At Quillmart I saw it in a returns model: one feature "
    "was the number of support tickets on the order, and most tickets were opened after the parcel came back, so "
    "the model was reading the outcome. Offline it scored 0.91 AUC and in the first live week 0.64. I rebuilt every "
    "feature as of the moment the order was placed and split train and test by order date instead of at random, "
    "and the live score settled at 0.78, the same as the new offline one."
)
# Whatever the follow-up asks, the story again: its cause, its figures, its fix.
LEAK_AGAIN = (
    "The ticket count on the order was the leak: most tickets were opened after the parcel came back, so the model "
    "was reading the outcome, 0.91 AUC offline against 0.64 in the first live week. Rebuilding every feature as of "
    "the moment the order was placed and splitting train and test by order date is what fixed it, and the live score "
    "settled at 0.78."
)
PEER = "Describe a disagreement with another manager about ownership or priorities."
PEER_STORY = (
    "Last spring our group and the payments group argued over who should look after the shared refund queue that "
    "both of us relied on. It kept backing up, and each side expected the other to deal with it. We had several "
    "tense meetings and tried to see it from their side. Then we went through the incidents of the last quarter "
    "together and saw that most began with changes on their side. We took it to our head of engineering together, "
    "and it was settled that payments would own the queue up to the ledger and our group everything after it. It "
    "took a while to settle down, but the queue has been calmer since."
)
# Asked for their own part: claims to have been there throughout and names nothing they did.
THERE_THROUGHOUT = (
    "I was involved from start to finish. I was part of every meeting with Hassan's payments group and helped us "
    "reach the split that Dana, our head of engineering, agreed to."
)


@cache
def _critiques(role: str, question: str, answers: tuple[str, ...]) -> list[dict[str, Any]]:
    """The critiques of a one-question session answering the question and then its follow-ups, in order."""
    return [t["critique"] for t in graded_turns(fixed_session(role, ((question, answers),)))]


def test_an_order_of_steps_is_not_a_trade_off_so_the_answer_is_a_4(isolated_data_dir: Any) -> None:
    (main,) = _critiques("senior-genai-engineer", LATENCY, (LATENCY_LEVERS,))
    assert main["relevance"] == "on_topic", main
    assert main["score"] == 4, main
    assert main["weak_or_missing"][0] == "tradeoffs", main


def test_a_plan_told_as_the_groups_past_case_is_at_most_a_3(isolated_data_dir: Any) -> None:
    (main, *_) = _critiques("director", BUDGET, (GROUP_CASE,))
    assert main["score"] == 3, main
    assert main["weak_or_missing"][0] == "ownership", main


def test_a_reply_that_says_the_answer_again_closes_nothing(isolated_data_dir: Any) -> None:
    main, reply = _critiques("ai-engineer", LEAKAGE, (LEAK_STORY, LEAK_AGAIN))
    assert main["score"] == 5, main
    assert not reply["closes_gap"], reply
    assert reply["score"] <= 2, reply
    assert any("says again what your answer said" in note for note in reply["notes"]), reply


def test_a_reply_claiming_a_part_without_naming_one_scores_at_most_2(isolated_data_dir: Any) -> None:
    main, reply = _critiques("engineering-manager", PEER, (PEER_STORY, THERE_THROUGHOUT))
    assert main["weak_or_missing"][0] == "ownership", main
    assert reply["probes"] == "ownership" and not reply["closes_gap"], reply
    assert reply["score"] <= 2, reply
