"""Quantity extraction: the numbers a candidate states, with units, changes and timeframes."""

from __future__ import annotations

import pytest

from knowledge.metrics import extract_metrics


def _one(text: str):
    found = extract_metrics(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("churn fell 30% last year", 30, "%"),
        ("about 30 percent of tickets", 30, "%"),
        ("it saved $2.4M", 2_400_000, "$"),
        ("a $900K contract", 900_000, "$"),
        ("we spent €50k on it", 50_000, "€"),
        ("p95 is 800 ms now", 800, "ms"),
        ("a cold start of 2.2s", 2.2, "s"),
        ("it took 3 weeks", 3, "weeks"),
        ("after 6 months", 6, "months"),
        ("the new path is 5x cheaper", 5, "x"),
        ("3x faster builds", 3, "x"),
        ("a group of 40 engineers", 40, "engineers"),
        ("split into 12 services", 12, "services"),
        ("around 10k users", 10_000, "users"),
        ("peaks at 2,000 QPS", 2000, "qps"),
        ("three teams shared it", 3, "teams"),
        ("40 senior engineers", 40, "engineers"),
    ],
)
def test_value_and_unit(text: str, value: float, unit: str) -> None:
    metric = _one(text)
    assert metric.value == pytest.approx(value)
    assert metric.unit == unit
    assert text[metric.start : metric.end] == metric.text


@pytest.mark.parametrize(
    ("text", "baseline", "after", "unit"),
    [
        ("we cut p95 from 800 ms to 120 ms", 800, 120, "ms"),
        ("error rate 5% -> 1%", 5, 1, "%"),
        ("build time 40 min → 9 min", 40, 9, "min"),
        ("p95 is 120 ms, down from 800 ms", 800, 120, "ms"),
        ("eNPS went from -20 to +15", -20, 15, ""),
        ("pages went from two a week to zero", 2, 0, "per week"),
    ],
)
def test_changes_keep_baseline_and_after(text: str, baseline: float, after: float, unit: str) -> None:
    metric = _one(text)
    assert (metric.baseline, metric.after, metric.value) == (baseline, after, after)
    assert metric.unit == unit


def test_timeframe_is_attached_not_counted_twice() -> None:
    metric = _one("We cut p95 latency from 800 ms to 120 ms in 6 weeks.")
    assert metric.timeframe == "in 6 weeks"
    assert metric.text == "from 800 ms to 120 ms"


@pytest.mark.parametrize(
    ("text", "timeframe"),
    [("it cost $900K per month", "per month"), ("we onboarded 2M users within a quarter", "within a quarter")],
)
def test_rate_and_window_timeframes(text: str, timeframe: str) -> None:
    assert _one(text).timeframe == timeframe


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 we moved to Python 3.11 and the v2 API.",
        "1. First point\n2. Second point",
        "Story 3: the migration",
        "On March 3, 2024 we shipped.",
        "We met at 10:30 on 2024-05-01.",
        "GPT-4 and p95 and the 1990s",
        "one of the things we did",
        "version 2 of the service",
    ],
)
def test_not_quantities(text: str) -> None:
    assert extract_metrics(text) == []


def test_money_does_not_swallow_the_next_word() -> None:
    assert _one("get cost under $20k without losing quality").text == "$20k"


def test_deterministic_and_ordered() -> None:
    text = "We had 40 engineers; cost fell from $1.2M to $700k and p95 dropped 35% in 2 months."
    first, second = extract_metrics(text), extract_metrics(text)
    assert first == second
    assert [m.start for m in first] == sorted(m.start for m in first)
    assert [m.unit for m in first] == ["engineers", "$", "%"]


@pytest.mark.parametrize(
    ("text", "baseline", "after", "unit"),
    [
        ("errors went 5+/min -> max 1/min", 5, 1, "per minute"),
        ("p95 800ms → 120ms", 800, 120, "ms"),
        ("spend $1.2M => $700k", 1_200_000, 700_000, "$"),
        ("from one planner in five to four in five", 20, 80, "%"),
        ("queue wait was 90s, down from 14 min", 840, 90, "s"),
        ("recovery went from 4 hours to 45 minutes", 240, 45, "min"),
    ],
)
def test_ordinary_change_forms(text: str, baseline: float, after: float, unit: str) -> None:
    metric = _one(text)
    assert metric.phase == "change"
    assert metric.unit == unit
    assert (metric.baseline, metric.after) == (pytest.approx(baseline), pytest.approx(after))  # one time unit


@pytest.mark.parametrize(
    ("text", "value", "unit", "noun"),
    [
        ("40/40 tests pass now", 100, "%", "tests"),
        ("after the change 38 of 40 tests passed", 95, "%", "tests"),  # what is counted follows the fraction
        ("the replica is never more than about a minute behind", 1, "min", "replica"),
        ("the tool is now used by 200+ engineers", 200, "engineers", "engineers"),
        ("we hired twelve engineers", 12, "engineers", "engineers"),
        ("we cut hosting costs by a third", 33.33, "%", "hosting costs"),
        ("we cut the review backlog in half", 50, "%", "review backlog"),
        ("half of the tickets were duplicates", 50, "%", "tickets"),
        ("we shipped the fix in 48 hours", 48, "h", ""),
        ("of the carts started each day, ~300 are abandoned", 300, "count", ""),
        ("we had zero silent schema incidents since", 0, "incidents", "incidents"),
        ("about 85% of tickets", 85, "%", "tickets"),
        ("Monthly GPU spend fell by 30% within a quarter", 30, "%", "gpu spend"),
        ("p95 latency stayed under 120 ms", 120, "ms", "p95 latency"),
    ],
)
def test_ordinary_quantity_forms_say_what_they_measure(text: str, value: float, unit: str, noun: str) -> None:
    metric = _one(text)
    assert metric.value == pytest.approx(value)
    assert metric.unit == unit
    assert metric.noun.startswith(noun) if noun else True


def test_single_digit_is_a_magnitude_without_a_value() -> None:
    metric = _one("lookups stay at single-digit ms")
    assert (metric.text, metric.unit, metric.value) == ("single-digit ms", "ms", None)


@pytest.mark.parametrize(
    ("text", "phase"),
    [
        ("churn dropped 30% within a quarter", "delta"),
        ("the new path is 3x faster", "delta"),
        ("pages dropped to 12 a week", "after"),
        ("p95 used to be 800 ms", "before"),
        ("we cut p95 from 800 ms to 120 ms", "change"),
        ("about 85% of tickets", ""),
    ],
)
def test_phase_says_before_after_change_or_delta(text: str, phase: str) -> None:
    assert _one(text).phase == phase


@pytest.mark.parametrize(
    "text",
    [
        "we won a Fortune 500 company as a client",
        "there were two unknowns left",
        "only 5 connect to the bus directly",
        "the job ran at 2 am",
        "within a quarter we had moved",
        "a quarter later we shipped it",
    ],
)
def test_counts_of_non_measures_are_not_quantities(text: str) -> None:
    assert extract_metrics(text) == []


def test_old_metric_json_without_noun_still_loads() -> None:
    from knowledge.models import Metric

    old = {"text": "30%", "value": 30.0, "unit": "%", "start": 0, "end": 3}
    assert Metric.model_validate(old).noun == "" and Metric.model_validate(old).phase == ""
