"""What a 5 asks of a plan, a design or an explanation: every part its question's signals name (rubric._UNTOLD), and,
for a design, what happens when a part fails (rubric.DESIGN_KEEPS), however many signals it names."""

from __future__ import annotations

from agent.critic import critique_answer, rubric
from agent.critic.schema import Critique

MONITOR_Q = "Once a model is live, what do you monitor, and what would make you roll it back?"
MONITOR = (
    "For the churn model I run at a streaming service I watch three things, because a model fails quietly long "
    "before anyone complains. Inputs: every feature's distribution against the training month, with a drift score "
    "computed each night, and the spread of predicted churn per country. The business side: how many at-risk "
    "customers the retention team reaches each week, and p99 latency of the scoring call, which must stay under "
    "50 ms. A nightly score is cheap but can miss a break that starts at noon, so I accept a day's delay rather than "
    "pay for a streaming job. Last spring the drift score caught a partner feed sending ages in months instead of "
    "years within a day."
)
ROLLBACK = (
    " Before each release I write down the rollback rule: if precision on the hand-labelled sample drops below 0.6 "
    "for two weeks, or drift passes 0.25 on any top feature, the previous version goes back without a meeting."
)
LATE_LABELS = (
    " Real churn only shows up after thirty days, so in between I judge quality on a weekly sample the retention "
    "team labels by hand, and I track its precision."
)


def _monitoring(answer: str) -> Critique:
    return critique_answer(MONITOR_Q, "technical", answer, role="ai-engineer", question_id="model-monitoring")


def test_an_explanation_leaving_out_one_part_its_question_asks_for_is_a_4_that_asks_for_it() -> None:
    part = _monitoring(MONITOR + ROLLBACK)  # how quality is judged before the real labels arrive is never said
    assert part.relevance == "on_topic"
    assert part.score == 4
    assert part.signals.missing == ["Says how they judge quality while true labels arrive late"]
    assert "signal" in part.weak_or_missing
    whole = _monitoring(MONITOR + LATE_LABELS + ROLLBACK)
    assert whole.score == 5 and not whole.signals.missing


def test_a_lived_story_is_not_held_to_every_signal() -> None:
    # The table's own rows: a part untold takes a plan's, a design's or an explanation's 5 and nothing more; a story
    # (what happened, which the signal matcher misses more of) keeps its 5.
    untold = {"signal_untold": True}
    for shape in ("plan", "system_design", "technical"):
        found = rubric.gaps(shape, untold)
        assert found == ["signal"] and rubric.score(shape, found, untold) == 4
        with_other = {**untold, "no_reason": True, "no_reason_short": True}
        assert rubric.score(shape, rubric.gaps(shape, with_other), with_other) == 4
    for shape in ("story", "stance", "motivation"):
        assert rubric.gaps(shape, untold) == [] and rubric.score(shape, [], untold) == 5


AGENT_Q = (
    "Design an agent that can take actions in our internal tools, such as refunding an order. How do you keep it safe "
    "and debuggable?"
)
AGENT = (
    "I'd expect the billing team to use it, about two thousand requests a day, for refunds, plan changes and credit "
    "notes. The agent is a fixed graph of steps: read the request, load the account, propose one action, run it, "
    "report back. Each tool call passes a permission check written in code, which looks at the staff member's role "
    "and the account's state before anything runs, whatever the model asked for. Refunds above 200 euros wait for a "
    "team lead to approve them in the queue. Every step writes a trace with its inputs, the model's choice, the tool "
    "call and what came back, under one request id, kept for 90 days, so any action can be replayed."
)
AGENT_FAILS = (
    " When the billing system times out, the step stops, retries once and then hands the request to a person; a "
    "refund never runs twice, because each call carries an idempotency key."
)


def test_a_design_with_every_part_named_still_says_what_happens_when_one_fails() -> None:
    ask = {"role": "senior-genai-engineer", "question_id": "design-agent"}
    parts = critique_answer(AGENT_Q, "system_design", AGENT, **ask)  # type: ignore[arg-type]
    assert not parts.signals.missing  # every signal of the question is named ...
    assert parts.score == 4 and parts.weak_or_missing == ["failure_modes"]  # ... and nothing can go wrong in it
    whole = critique_answer(AGENT_Q, "system_design", AGENT + AGENT_FAILS, **ask)  # type: ignore[arg-type]
    assert whole.score == 5 and not whole.weak_or_missing
