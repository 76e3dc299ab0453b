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
