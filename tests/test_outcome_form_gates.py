"""The outcome forms' word gates (agent.critic.outcome_forms._GATES) only skip scans that could find nothing: on
answers that hold each form, in any case and across lines, the gated scan finds what the full scan finds."""

from __future__ import annotations

import pytest

from agent.critic import outcome_forms as forms
from knowledge.metrics import extract_metrics

# Each gated form, told the way a candidate might tell it (own words, not from any labelled set).
EXAMPLES = {
    "_FOLD": ["After the rewrite the nightly export ran fourfold faster.", "We saw a 3-fold rise in sign-ups."],
    "_STREAK": [
        "The team then shipped eleven releases in a row without a rollback.",
        "We hit the sprint goal seven sprints straight after that.",
        "Five consecutive audits came back clean.",
    ],
    "_RECENT": ["Escalations since then: three in the past two quarters.", "Outages: one in the last year."],
    "_COUNT_OF": ["By the spring, two of the interns were hired full time."],
    "_PART_OF": ["We closed 45 of the 50 before the review.", "In the end 19 out of 20 checks pass on every build."],
    "_BEFORE_AFTER": [
        "The pager went off 12 times before, 2 after the change.",
        "Before: 30 open tickets, after: 4.",
        "We had 40 flaky tests before and 6 now.",
    ],
}


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.replace(" ", "\n"), f"Some context first. {text} And a closing line."]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_gated_form_finds_what_the_full_scan_finds(name: str) -> None:
    pattern = getattr(forms, name)
    assert pattern in forms._GATES
    for example in EXAMPLES[name]:
        for text in _variants(example):
            full = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            if text == example:
                assert full, f"{name} should read {example!r}"
            assert [(m.span(), m.groupdict()) for m in forms._found(pattern, text)] == full


def test_every_gated_form_has_an_example() -> None:
    named = {getattr(forms, name) for name in EXAMPLES}
    assert set(forms._GATES) == named


def test_the_forms_are_still_read_as_outcome_measures() -> None:
    text = "I reworked the export and it ran fourfold faster; of the open findings we closed 45 of the 50."
    found = forms.extra_metrics(text, extract_metrics(text))
    assert [m.unit for m in found] == ["x", "%"]
    assert found[1].value == 90.0  # 45 of the 50


def test_an_answer_without_the_words_skips_the_scans() -> None:
    text = "I led the migration and we measured the latency every day for a month."
    for pattern in forms._GATES:
        assert list(forms._found(pattern, text)) == list(pattern.finditer(text)) == []
