"""An answer that says, in its own words, that it did not do what the question's signals ask for (issue 9). Driven
through the real CLI, one scripted offline question per test (tests/scripted_critique.py); every answer was written
for this file. A signal whose words sit only where they are denied ("I never sent an update", "we had meant to hold a
review, but it never happened") is not shown; when half the question's signals or more are said not done, that is
the answer's own account of a gap and it costs as a missing result does. A story that names an absence and then fixes
it ("we had no review habit, so I ran one") shows the signal and keeps its score."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

EM_INCIDENT_SEED = 25  # the engineering-manager pack asks about a production incident on the team's services

REVIEW = "Names a blameless review after the incident, such as a postmortem"


@pytest.mark.usefixtures("isolated_data_dir")
def test_signals_said_not_done_cost_the_score(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_INCIDENT_SEED, (
        "Our billing export job at a garden retailer stalled for most of a Monday morning, and about 2,000 invoices "
        "went out a day late. I did not pull anyone else in to help the engineer on call; she handled the restart on "
        "her own. I never sent the finance team an update while it was down, because I assumed the alerts reached "
        "them. We had meant to hold a blameless review the week after, but the quarter-end crunch pushed it off and "
        "it never happened. The job has run since the restart, and the team now knows it stalls when its disk fills."
    ), "production incident")  # fmt: skip
    assert REVIEW not in critique["signals"]["covered"], critique["signals"]
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_absence_then_fixed_is_shown_and_keeps_the_score(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_INCIDENT_SEED, (
        "When our checkout API began failing a third of requests on a Friday evening, I took the incident lead role "
        "so the two engineers on call could debug, and I pulled in the database owner within ten minutes. Every "
        "twenty minutes I posted a status note for the support and product leads. We had no postmortem habit before "
        "that, so I ran a blameless review on the Tuesday with a written timeline. Its main action, a connection-pool "
        "limit with an alert, shipped within two weeks, and the failure has not come back in the nine months since."
    ), "production incident")  # fmt: skip
    assert REVIEW in critique["signals"]["covered"], critique["signals"]
    assert critique["score"] >= 4, critique
