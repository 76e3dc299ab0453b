"""The drift set: changed figures are caught and faithful retellings raise no contradiction (issue 10 bars)."""

from __future__ import annotations

from evals.drift import CAUGHT_BAR, FALSE_BAR, evaluate


def test_drift_set_meets_the_bars() -> None:
    report = evaluate()
    assert report["changed"] >= 20 and report["faithful"] >= 20
    assert report["missing_stories"] == []
    assert report["caught_rate"] >= CAUGHT_BAR, [r["id"] for r in report["items"] if r["caught"] is False]
    claimed = [r["id"] for r in report["items"] if r["false_contradiction"]]
    assert report["false_contradiction_rate"] <= FALSE_BAR, claimed
    assert report["wrong_pair_notes"] == 0
