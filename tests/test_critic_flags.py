"""STAR and quantified-result flags on the ordinary ways English states results, numbers and goals.

Each case pins one general form (a change told with "down from", an arrow, a ratio, a count since the work, a hedge
that withdraws a result, a first sentence that introduces the story's subject). Every answer is written for this
file; none comes from a labelled or blind set.
"""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from knowledge.metrics import extract_metrics

Q = "Describe how you made a flaky system you owned dependable."
SETUP = (
    "Last spring our invoice export job at a small accounting startup failed most nights and finance chased us "
    "every morning. I owned the job, so I rewrote it to process accounts in batches with checkpoints and I added "
    "an alert on the first failed batch. "
)


@pytest.mark.parametrize(
    "ending",
    [
        "Failed nights are now about one a month, down from four or five a week.",  # "X, down from Y"
        "Retries went 6/night -> 0/night.",  # an arrow between two rates
        "Missed exports: zero, ten months on, and none since.",  # zero ... since
        "The mornings finance had to chase us for went from two in five to one in twenty.",  # ratios
        "The export is now used by 300+ accountants across both offices.",  # adoption after the work
        "All 52/52 regression checks pass and nobody has been paged since.",  # a score out of a total
        "The ledger is never more than about a minute behind now.",  # a bound reached
        "It shipped in nine days and the morning chase stopped.",  # how long the work took
    ],
)
def test_ordinary_result_forms_are_quantified(ending: str) -> None:
    c = critique_answer(Q, "behavioral", SETUP + ending)
    assert c.star.result and c.quantified_result, ending


@pytest.mark.parametrize(
    "ending",
    [
        "I think it helped, probably.",  # a hedged verdict
        "I also kept two engineers on the rotation.",  # the candidate's own step, not its effect
        "Then I went to the platform team and walked them through the alert.",  # "went to" a place is a step
        "It is all a lot better now than it was before the rewrite.",  # the words after "than" are the before
    ],
)
def test_steps_and_hedged_verdicts_are_not_results(ending: str) -> None:
    c = critique_answer(Q, "behavioral", SETUP + ending)
    assert not c.star.result and not c.quantified_result, ending


def test_a_result_in_a_hedged_clause_is_withdrawn_but_a_plain_one_stands() -> None:
    plain = critique_answer(Q, "behavioral", SETUP + "The finance team stopped chasing us.")
    hedged = critique_answer(Q, "behavioral", SETUP + "The finance team stopped chasing us, I believe.")
    assert plain.star.result and not hedged.star.result


def test_pluperfect_contraction_is_not_a_future() -> None:
    # "'d been" is "had been": the result stands; "'d stop" is "would stop": a hope, not a result.
    told = SETUP + "The timeouts we'd been fighting for months disappeared from the dashboard."
    hoped = SETUP + "Finance said they'd stop chasing us eventually."
    assert critique_answer(Q, "behavioral", told).star.result
    assert not critique_answer(Q, "behavioral", hoped).star.result


def test_a_state_kept_or_restored_after_the_work_is_a_result() -> None:
    for ending in ("The nightly export was back on track within the week.", "The two analysts still use it daily."):
        assert critique_answer(Q, "behavioral", SETUP + ending).star.result, ending


def test_a_scene_clause_before_the_step_in_the_same_sentence_is_not_the_result() -> None:
    answer = (
        "Last year the onboarding squad at our bank fell behind on the identity checks; I asked the lead to "
        "present a recovery plan to my staff meeting and I moved one competing project off her team."
    )
    c = critique_answer("Describe helping a team that had fallen behind.", "behavioral", answer)
    assert c.star.situation and c.star.action and not c.star.result


def test_introducing_the_story_subject_in_first_person_sets_the_scene() -> None:
    answer = (
        "I ran the checkout team at a ticketing company, nine engineers. Outages had doubled over the winter. "
        "I made stability our goal until summer. I split the payment service from the seat map and I added load "
        "tests to every release. Outages fell from six a month to one."
    )
    c = critique_answer("Describe turning a failing team around.", "behavioral", answer)
    assert c.star.situation and c.star.task and c.star.result and c.quantified_result


def test_a_count_that_restates_the_population_is_not_an_outcome() -> None:
    answer = (
        "At my last company five product teams each kept their own API keys for the model vendor. I wrote a "
        "gateway with per-team quotas and I moved billing onto it. All five teams switched to the gateway."
    )
    c = critique_answer("Tell me about a platform change you led.", "behavioral", answer)
    assert not c.quantified_result


def test_a_duration_is_an_outcome_only_after_a_completion_verb() -> None:
    base = "At my last company the search index rebuild broke every release. I split the rebuild into shards. "
    done = critique_answer(Q, "behavioral", base + "We finished the move in three weeks.")
    planned = critique_answer(Q, "behavioral", base + "We agreed to revisit it within three weeks.")
    assert done.quantified_result and not planned.quantified_result


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("Flaky retries went 6/night -> 0/night.", 0.0, "per night"), ("All 40/40 smoke tests pass.", 100.0, "%")],
)
def test_rates_per_event_and_scores_over_a_total_are_quantities(text: str, value: float, unit: str) -> None:
    found = extract_metrics(text)
    assert found and found[0].value == value and found[0].unit == unit


@pytest.mark.parametrize(
    "ending",
    [
        "I wrote the importer and the admin page, and it went live for the first two offices in May.",  # delivery
        "Whether the auditors noticed, I can't say.",  # an unknown outcome
    ],
)
def test_delivery_and_unknown_outcomes_are_not_results(ending: str) -> None:
    assert not critique_answer(Q, "behavioral", SETUP + ending).star.result, ending


def test_a_cue_verb_with_the_candidate_as_subject_is_a_step() -> None:
    answer = (
        "At a regional insurer the claims rebuild was a year late. I stopped the rewrite, cut the scope into "
        "three releases and I put the two most senior leads on the first one. The directors were pleased."
    )
    c = critique_answer("Describe rescuing a late programme.", "behavioral", answer)
    assert c.star.action and not c.star.result


def test_a_level_that_held_up_in_a_lived_case_is_a_measured_result() -> None:
    answer = (
        "I'd keep search inside the database we already run, because permission joins stay trivial in SQL. We "
        "did that for invoice search at my last company, and search there has held up at twelve million rows, p95 "
        "under 120 ms."
    )
    c = critique_answer("How would you choose where to run vector search?", "technical", answer)
    assert c.star.result and c.quantified_result


def test_claiming_a_part_is_not_an_action_but_states_the_responsibility() -> None:
    answer = (
        "At my previous employer I worked on the fraud scoring service: 40 million checks a day, 12 ms p99, "
        "five regions. It mattered a lot to the business."
    )
    c = critique_answer("Describe the largest system you built or ran.", "behavioral", answer)
    assert c.star.task and not c.star.action


@pytest.mark.parametrize(
    "ending",
    [
        "Nightly failures: 9 -> 0.",  # an arrow between bare counts
        "We went three months without a single failed run.",  # a streak after the work
        "Finance now gets the file before 7am on 29 of 30 days.",  # a part of a stated whole
        "It took four days instead of the three weeks we had estimated.",  # time against the estimate
        "Pager alerts about the export fell to zero.",  # a bare number reached by a change
        "Three quarters of the retries disappeared.",  # a fraction of something, not a duration
        "Since the change, nobody has been paged for it and the run finishes in under twenty minutes.",
    ],
)
def test_more_result_forms_are_quantified(ending: str) -> None:
    c = critique_answer(Q, "behavioral", SETUP + ending)
    assert c.star.result and c.quantified_result, ending


def test_a_comparison_inside_the_candidates_step_is_not_an_outcome() -> None:
    ending = "I changed the report to show four short charts instead of one long table."
    assert not critique_answer(Q, "behavioral", SETUP + ending).quantified_result


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Failed runs: 9 -> 0.", 0.0, "count"),
        ("Nine of the twelve teams signed up.", 75.0, "%"),
        ("It held on 29 out of 30 days.", 96.67, "%"),
        ("Three quarters of the queue cleared.", 75.0, "%"),
    ],
)
def test_counts_and_shares_without_units(text: str, value: float, unit: str) -> None:
    found = extract_metrics(text)
    assert found and found[0].value == value and found[0].unit == unit, found


@pytest.mark.parametrize(
    "setting",
    [
        "Our platform group oversaw forty services for six product teams, and most of them woke someone up at night.",
        "The finance group froze every new vendor contract across the company for a whole quarter.",
    ],
)
def test_a_setting_told_with_an_irregular_past_is_a_situation(setting: str) -> None:
    """The setting's verb is an irregular past the action detector knows ("oversaw", "froze"): one table of
    irregular pasts serves the setting and the step, so a scene told with one is read as lived."""
    story = (
        setting + " I wrote a one-page escalation policy, I moved the noisiest alerts to business hours, and I "
        "walked each team lead through it. Night pages fell from about twelve a week to two."
    )
    c = critique_answer(Q, "behavioral", story, role="engineering-manager")
    assert c.star.situation, setting


def test_a_step_the_candidate_had_others_do_with_a_bare_verb_is_their_action() -> None:
    """The causative "have" with a bare verb ("I had them rerun ...", "I had my lead write ...") is the candidate's
    step, as "I had the contract reviewed" is; "I had a team of seven" and "I had them in my team" are not steps."""
    from agent.critic.text import i_action

    assert i_action("I had them rerun the whole benchmark on the new hardware.", False)
    assert i_action("I had my lead write the rollback plan before the freeze.", False)
    assert not i_action("I had a team of seven engineers at the time.", False)
    assert not i_action("I had them in my team for a year.", False)
    story = (
        "Our nightly data export at a logistics company kept missing the 6am cutoff and the warehouse planners "
        "worked from stale numbers. We split the export by region and I had them rerun the slowest region first. "
        "The planners have had fresh numbers every morning since."
    )
    c = critique_answer(Q, "behavioral", story, role="engineering-manager")
    assert c.star.task  # a setting the candidate acts on implies the task, and this step is theirs
