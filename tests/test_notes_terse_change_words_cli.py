"""A relative change in terse notes ("storage cost down 35%", "chargebacks -11%") is compared with the answer's change
of the same thing said in other words (critic_dev10's four missed contradictions, in this file's own words): the
unit said as a word ("35 percent") names nothing, "down 35%" and a signed percentage are changes, and a failure is
what failed ("job failures" / "failed jobs"); in "gone 15 weeks without a failed night" the weeks count what follows.
Through the real CLI, over notes and answers invented here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notes_drift_cli import contradictions, story_notes

NOTES = """\
# Prep notes (Tomasz, engineering manager loops)

## Cold storage for the media archive
- media archive on hot object storage, nobody had looked at it in 2 yrs
- tagged every bucket by owner, moved untouched assets to cold tier after 90 days
- storage cost down 35% in one quarter, restores still under 4 hrs

## Payments fraud rules before the holiday sale
- holiday sale in 4 wks, chargebacks rising every week
- shipped simple rules + 1 analyst reviewing orders above EUR 800
- card chargebacks -11% by end of Q4, checkout never went down during the sale

## Rewriting the nightly ingestion jobs
- nightly ingestion jobs written as shell scripts by 5 different people
- replaced them with one scheduler and typed job definitions, 6 wks of work
- job failures down 40%, on-call pages at night halved, 9 wks without a failed night since
"""

STORAGE = (
    "Our media archive sat on hot object storage and nobody had looked at it in two years. I tagged every "
    "bucket by owner and moved untouched assets to the cold tier after ninety days. "
)
FRAUD = (
    "Four weeks before the holiday sale our chargebacks were rising every week. I shipped simple rules and had "
    "one analyst review orders above 800 euros. "
)
JOBS = (
    "Our nightly ingestion jobs were shell scripts written by five different people. I replaced them with one "
    "scheduler and typed job definitions, about six weeks of work. "
)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_changed_relative_change_said_in_other_words_is_caught(tmp_path: Path) -> None:
    storage, fraud, jobs = story_notes(tmp_path, [
        STORAGE + "Within one quarter our storage spend came down 50 percent, and restores still took under four "
        "hours.",
        FRAUD + "By the end of the fourth quarter disputes from card holders had fallen by about 25 percent, and "
        "checkout never went down during the sale.",
        JOBS + "Failed jobs dropped by roughly 70 percent, night pages for on-call halved, and we have now gone 15 "
        "weeks without a failed night.",
    ], NOTES)  # fmt: skip
    assert contradictions(storage) == [("35%", "50 percent")], storage
    assert contradictions(fraud) == [("-11%", "25 percent")], fraud
    assert contradictions(jobs) == [("40%", "70 percent"), ("9 wks", "15 weeks")], jobs


@pytest.mark.usefixtures("isolated_data_dir")
def test_the_same_relative_change_said_in_other_words_is_no_contradiction(tmp_path: Path) -> None:
    storage, fraud, jobs = story_notes(tmp_path, [
        STORAGE + "Within one quarter the storage bill came down 35 percent, and restores still took under four hours.",
        FRAUD + "By the end of the fourth quarter card chargebacks were down 11 percent, and checkout never went down "
        "during the sale.",
        JOBS + "Failed jobs fell by about 40 percent, night pages for on-call halved, and we have now gone nine "
        "weeks without a failed night.",
    ], NOTES)  # fmt: skip
    assert not contradictions(storage), storage
    assert not contradictions(fraud), fraud
    assert not contradictions(jobs), jobs
