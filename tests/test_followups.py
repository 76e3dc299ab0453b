"""Follow-ups: chase the first unprobed gap, quote the candidate's own words, never repeat, know when to stop."""

from __future__ import annotations

from agent.critic.schema import Critique, MetricMention, StarFlags
from agent.followups import choose_follow_up, named_thing, salient_phrase


def critique(gaps: list[str], score: int | None = None, metrics: list[MetricMention] | None = None) -> Critique:
    return Critique(
        question_type="behavioral",
        star=StarFlags(situation=True, task=True, action=True, result=bool(gaps)),
        quantified_result="quantified_result" not in gaps,
        metrics=metrics or [],
        ownership="mixed" if "ownership" in gaps else "clear",
        specificity="medium",
        weak_or_missing=gaps,  # type: ignore[arg-type]
        gap=f"Missing {gaps[0]}." if gaps else "",
        score=score if score is not None else (5 if not gaps else 3),
    )


VAGUE = "We moved the search service onto a new cache and it cut latency a lot. Everyone was happy."


def test_follow_up_chases_the_first_gap_with_the_answers_words() -> None:
    fu = choose_follow_up(
        critique(["quantified_result", "ownership"]), VAGUE, probed=[], asked=[], budget_left=2, key="q1"
    )
    assert fu is not None and fu["probes"] == "quantified_result"
    assert "cut latency a lot" in fu["text"]


def test_an_unquantified_metric_is_quoted_back() -> None:
    answer = "I rebuilt the ranking pipeline and engagement went up 12%."
    c = critique(["quantified_result"], metrics=[MetricMention(text="12%", value=12, unit="%", role="outcome")])
    fu = choose_follow_up(c, answer, probed=[], asked=[], budget_left=1, key="q1")
    assert fu is not None and "12%" in fu["text"]


def test_ownership_follow_up_quotes_the_we_sentence() -> None:
    fu = choose_follow_up(critique(["ownership"]), VAGUE, probed=[], asked=[], budget_left=1, key="q1")
    assert fu is not None and fu["probes"] == "ownership"
    assert '"We moved the search service onto a new cache' in fu["text"]


def test_probed_gaps_are_not_chased_again() -> None:
    fu = choose_follow_up(
        critique(["quantified_result", "ownership"]),
        VAGUE,
        probed=["quantified_result"],
        asked=[],
        budget_left=1,
        key="q1",
    )
    assert fu is not None and fu["probes"] == "ownership"


def test_a_strong_answer_gets_one_depth_follow_up_and_a_spent_budget_none() -> None:
    depth = choose_follow_up(critique([]), VAGUE, probed=[], asked=[], budget_left=2, key="q")
    assert depth is not None and depth["probes"] == "none"
    assert choose_follow_up(critique([]), VAGUE, probed=["none"], asked=[], budget_left=1, key="q") is None
    assert choose_follow_up(critique([]), VAGUE, probed=[], asked=[], budget_left=0, key="q") is None
    assert choose_follow_up(critique(["ownership"]), VAGUE, probed=[], asked=[], budget_left=0, key="q") is None
    all_probed = choose_follow_up(critique(["ownership"]), VAGUE, probed=["ownership"], asked=[], budget_left=2, key="")
    assert all_probed is None


def test_a_follow_up_is_never_asked_twice_in_a_session() -> None:
    c = critique(["non_answer"], score=1)
    asked: list[str] = []
    for _ in range(5):
        fu = choose_follow_up(c, "I don't know.", probed=[], asked=asked, budget_left=2, key="same-key")
        if fu is None:
            break
        assert fu["text"] not in asked
        asked.append(fu["text"])
    assert len(asked) >= 2  # there are several phrasings before it runs out


def test_variant_choice_is_deterministic() -> None:
    c = critique(["specificity"])
    one = choose_follow_up(c, VAGUE, probed=[], asked=[], budget_left=1, key="k")
    two = choose_follow_up(c, VAGUE, probed=[], asked=[], budget_left=1, key="k")
    assert one == two


def test_salient_phrases() -> None:
    assert named_thing("We migrated billing to Postgres last year.") == "Postgres"
    assert named_thing("I did it.") is None
    # first person becomes second person when the phrase is a clause
    assert salient_phrase("result", "I rewrote the scheduler to batch jobs.", critique(["result"])) == (
        "you rewrote the scheduler to batch jobs"
    )
    assert salient_phrase("non_answer", "I don't know.", critique(["non_answer"], score=1)) is None
    decision = "The team was stuck. We decided to move the queue to Kafka because ordering mattered."
    assert salient_phrase("rationale", decision, critique(["rationale"])) == "you decided to move the queue to Kafka"


def test_the_same_words_are_not_quoted_back_twice() -> None:
    c = critique(["scale", "failure_modes"])
    answer = "I would put Redis in front of the database."
    first = choose_follow_up(c, answer, probed=[], asked=[], budget_left=2, key="k")
    assert first is not None and "Redis" in first["text"]
    second = choose_follow_up(c, answer, probed=[first["probes"]], asked=[first["text"]], budget_left=1, key="k")
    assert second is not None and second["probes"] == "failure_modes" and "Redis" not in second["text"]


def test_long_clauses_are_cut_at_a_phrase_boundary() -> None:
    answer = "I cut our GPU bill by 35% in one quarter by moving batch inference to spot instances."
    assert salient_phrase("task", answer, critique(["task"])) == "you cut your GPU bill by 35% in one quarter"


def test_a_context_figure_is_not_quoted_as_a_result() -> None:
    answer = "The team had missed three releases in a row, so I automated the schema review."
    c = critique(["quantified_result"], metrics=[MetricMention(text="three releases", value=3, role="context")])
    fu = choose_follow_up(c, answer, probed=[], asked=[], budget_left=1, key="q")
    assert fu is not None and "three releases" not in fu["text"]


def test_clauses_run_across_line_breaks_and_generic_acronyms_are_not_names() -> None:
    answer = "I set up a monthly review, and I cut\nthe number of cross-team dependencies we tracked."
    assert salient_phrase("action", answer.replace("I set up a monthly review, and ", ""), critique(["action"])) == (
        "you cut the number of cross-team dependencies you tracked"
    )
    assert named_thing("Our AI roadmap used an LLM and Databricks.") == "Databricks"


def test_a_phrase_that_opened_a_sentence_reads_mid_question() -> None:
    answer = "I moved the cold indexes to cheaper disks. The bill went down a lot and it stayed down."
    for key in ("q1", "q2", "q3", "q4"):  # every wording of the follow-up
        fu = choose_follow_up(critique(["quantified_result"]), answer, probed=[], asked=[], budget_left=1, key=key)
        assert fu is not None and "the bill went down a lot" in fu["text"], fu
