"""A quantity said as a range ("3-4 days", "two to three weeks", "40–60 ms") is one figure at its midpoint for the
notes check (knowledge.metrics.said_ranges), not a bare number and a separate figure; "from X to Y" stays a change,
and "doubled, from 5 to 10" is the multiplier plus the change it states (not "doubled" paired as "Y, down from X").
Sentences written for this file."""

from __future__ import annotations

import pytest

from knowledge.metrics import extract_metrics, said_ranges


def _read(text: str) -> list[tuple[str, float | None, float | None, str]]:
    return [(m.text, m.value, m.baseline, m.unit) for m in extract_metrics(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("each audit took 3-4 days of my time", ("3-4 days", 3.5, "days")),
        ("a review cycle ran two to three weeks", ("two to three weeks", 2.5, "weeks")),
        ("render time sat at 40–60 ms", ("40–60 ms", 50.0, "ms")),
    ],
)
def test_a_range_is_one_figure_at_its_midpoint(text: str, want: tuple[str, float, str]) -> None:
    assert [(m.text, m.value, m.unit) for m in said_ranges(text)] == [want]


def test_from_x_to_y_is_still_a_change() -> None:
    assert said_ranges("audits went from 3 to 4 days") == []
    assert _read("audits went from 3 to 4 days") == [("from 3 to 4 days", 4.0, 3.0, "days")]


def test_a_fall_said_without_from_is_not_a_range() -> None:
    assert said_ranges("we cut render time 400 to 60 ms") == []


def test_a_multiplier_before_its_own_change_keeps_the_change() -> None:
    found = _read("Weekly demos doubled, from 5 to 10, once the sandbox was stable.")
    assert ("from 5 to 10", 10.0, 5.0, "") in found
    assert all(baseline != 5.0 or text == "from 5 to 10" for text, _, baseline, _ in found)
