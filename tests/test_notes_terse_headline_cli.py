"""Headline figures kept as terse notes ("pages/week 41 -> 11", "Result: 6h -> 45min", "kappa 0.64", "CTR +4.2%",
"recall ~0.62") are compared with the answer's figure for the same thing (newcomer33 N26, N35, N36, N43, N49, N61):
a rate named before its number, a change under a "Result:" label (the label names nothing; a change that starts
where the notes' change starts is that change), a score named before a bare value ("recall went up to about 0.9"),
a signed change and its abbreviation. Through the real CLI, over notes and answers invented for this file; the
faithful retellings claim no contradiction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notes_drift_cli import contradictions, story_notes

NOTES = """\
# Prep notes (Ilse, engineering manager loops)

## PAGER FATIGUE (2023)
- pages/week 41, two people on most nights
- I deleted or merged 14 alerts, added runbooks
- after: pages/week 41 -> 11, nobody > 2 nights/month

## Nightly ETL rewrite
- nightly ETL took 6 hours, missed the 7am SLA twice a week
- moved it to Spark with partition pruning
- Result: 6h -> 45min, SLA misses 0 in 4 months

## Judge calibration
- built 900 golden cases, LLM judge with 2 rubrics calibrated vs 150 human labels (kappa 0.64)
- wired into CI, blocked merges on regressions
- 0 prompt regressions shipped in 5 months

## Feature skew bug
- found training/serving skew in the user-age feature, 2 wks of digging
- fixed the serving transform, re-ran the A/B
- Result: CTR +4.2% after fix

## Ticket classifier relabelling
- recall stuck ~0.62 for months
- I traced 11% of labels to an import rule, support ops fixed it at source
- retrain: recall 0.62 -> 0.79, precision flat
"""


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_changed_headline_figure_of_terse_notes_is_caught(tmp_path: Path) -> None:
    pages, etl, judge, skew, tickets = story_notes(tmp_path, [
        "My platform team had 41 pages a week and two people covering most nights. I deleted or merged 14 alerts and "
        "added runbooks. Pages went from 41 to 20 a week and nobody did more than two nights a month.",
        "My data team's nightly ETL took six hours and missed the 7am SLA twice a week. I moved it to Spark with "
        "partition pruning and it went from 6 hours to 30 minutes, with no SLA misses in the next four months.",
        "For my team I built 900 golden cases with an LLM judge on two rubrics, calibrated against 150 human labels "
        "with a kappa of 0.78, and wired it into CI so regressions blocked the merge. No prompt regression shipped in"
        " five months.",
        "After two weeks of digging with my team I found training and serving skew in the user-age feature, fixed the"
        " serving transform and re-ran the A/B test: click-through went up 8% after the fix.",
        "My team's ticket classifier had recall around 0.6 for months. I traced 11% of the labels to an import rule "
        "and support ops fixed it at the source. After a retrain recall went up to about 0.9, precision flat.",
    ], NOTES)  # fmt: skip
    assert contradictions(pages) == [("41 -> 11", "from 41 to 20 a week")], pages
    assert contradictions(etl) == [("6h -> 45min", "from 6 hours to 30 minutes")], etl
    assert contradictions(judge) == [("kappa 0.64", "kappa 0.78")], judge
    assert contradictions(skew) == [("+4.2%", "8%")], skew
    assert contradictions(tickets) == [("0.62 -> 0.79", "recall 0.9")], tickets


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_faithful_retelling_of_terse_notes_claims_no_contradiction(tmp_path: Path) -> None:
    pages, etl, judge, skew, tickets = story_notes(tmp_path, [
        "My platform team was at 41 pages a week with two people covering most nights. I deleted or merged 14 alerts "
        "and wrote runbooks. Pages went from 41 a week to 11 and nobody did more than two nights a month.",
        "My data team's nightly ETL took six hours and missed the 7am SLA twice a week. Moving it to Spark with "
        "partition pruning brought it from 6 hours to under an hour, and we had zero SLA misses in the next four "
        "months.",
        "For my team I built 900 golden cases and an LLM judge with two rubrics, calibrated against 150 human labels "
        "to a kappa of 0.64. It ran in CI and blocked merges on regressions; no prompt regression shipped in five "
        "months.",
        "Two weeks of digging with my team found skew between training and serving in the user-age feature. I fixed "
        "the serving transform, re-ran the A/B test, and the fix lifted CTR by about 4%.",
        "My team's ticket classifier had recall around 0.6 for months. I traced 11% of the labels to an import rule "
        "and support ops fixed it at the source. After a retrain recall rose to about 0.8, precision flat.",
    ], NOTES)  # fmt: skip
    for notes in (pages, etl, judge, skew, tickets):
        assert not contradictions(notes), notes
