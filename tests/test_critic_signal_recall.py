"""Signals as the candidate meets them: weaker evidence is shown (with its sentence) without lifting gaps or counting
as a strength, and an answer judged off topic shows no signal of the question asked.

Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer

INCIDENT = "Walk me through the most serious production incident in your org. What was your role during and after it?"
INCIDENT_STORY = (
    "Two years ago our recommendation service served stale results to every shopper for most of a Saturday. I was "
    "the director on duty. I set up a bridge, made one of my managers incident commander, and kept our COO and the "
    "support director informed each hour. Orders dropped about 8% that day. The managers' teams restored fresh "
    "results by late evening. Afterwards I asked for a blameless review, and I changed how the org works: every "
    "tier-one service now has a named owner team, a paging rota and a quarterly game day, and I review the open "
    "actions in my staff meeting."
)
RECOVERY = "Says how long it took to recover, such as hours until service was back"

DATA_PROBLEM = "Tell me about a time poor data quality affected your model. What did you do about it?"
SPEED_STORY = (
    "The training-set build for our ranking model was the bottleneck: nine hours, since each run recomputed every "
    "click since launch. I profiled it, rewrote the heaviest joins to read only yesterday's partitions and merge them "
    "into stored aggregates, and moved the job to a bigger executor pool. The build now finishes in 70 minutes, so we "
    "retrain every night instead of twice a week."
)


def test_a_signal_said_in_other_words_is_shown_with_its_sentence() -> None:
    c = critique_answer(INCIDENT, "leadership", INCIDENT_STORY, role="director")
    assert RECOVERY in c.signals.covered  # main listed it as missing
    check = next(ch for ch in c.signals.checks if ch.signal == RECOVERY)
    assert check.span is not None and "most of a Saturday" in check.span.text
    assert not any(RECOVERY in s for s in c.strengths)  # weak evidence is reported, not praised


def test_an_off_topic_answer_shows_none_of_the_question_s_signals() -> None:
    c = critique_answer(DATA_PROBLEM, "behavioral", SPEED_STORY, role="ai-engineer")
    assert c.relevance == "off_topic"
    # main listed the model-metrics signal as covered by the build time
    assert c.signals.covered == []
    assert all(ch.span is None for ch in c.signals.checks)
