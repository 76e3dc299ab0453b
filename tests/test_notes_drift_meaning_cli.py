"""Drift by meaning through the real CLI: which figure of the answer is the same quantity as which figure of the
candidate's notes (newcomer32 N10, N11, N15, N22, N23, N24). Scripted sessions over notes and answers invented for
this file: a relative change is compared with the notes' relative change of the same thing, a change named after
its period ("in the following quarter") is still about what it measures, a hyphenated duration ("a 30-day trial")
is a figure; a count of another group or another data set, and a bound said out loud ("over a week"), are not
contradictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notes_drift_cli import contradictions, story_notes

NOTES = """\
# Prep notes (Dana, for platform director loops)

## Shrinking the observability invoice
Situation: By mid-2025 our observability vendor invoice had reached $60k a month.
Task: The CFO asked me to get it below $45k without losing a single alert.
Action: I sampled debug logs at one in ten, moved audit logs to cold storage and cut trace retention to a fortnight.
Result: Observability spend fell 25%, from $60k to $45k, and every alert still fired in the quarterly drill.

## Fixing the support escalation path
Situation: Our support org of 60 agents escalated too many tickets to engineering, and CSAT sat at 71%.
Task: Get engineers out of first-line support without hurting customers.
Action: I wrote runbooks for the top twenty ticket types and gave tier-two agents read access to the admin console.
Result: Ticket escalations went from 35% to 12% in the following quarter, and CSAT rose from 71% to 84%.

## The on-call rotation trial
Situation: Two of my teams shared one on-call rotation and pages at night had doubled since spring.
Task: Decide whether each team should run its own rotation.
Action: I put the split rotation on a 30-day trial with two written exit criteria and reviewed every page weekly.
Result: Night pages per engineer halved and both teams kept the split rotation.

## Consolidating the data platform squads
Situation: I led a platform group of 24 engineers in 4 squads with overlapping ownership of the pipelines.
Task: Give every pipeline exactly one owning squad before the audit.
Action: I mapped each pipeline to its users, merged the ingestion and export squads and moved 6 engineers.
Result: Ownership gaps in the audit went from 14 to 0, and pipeline incidents fell from 9 to 3 a quarter.

## Routing support emails with a classifier
Situation: Support emails were triaged by hand and the queue waited 2 days on average.
Task: Route emails to the right team automatically without misrouting urgent ones.
Action: I built an intent classifier that sent unsure emails to a human. I labelled 800 support emails as a test set.
Result: Median wait went from 2 days to 3 hours, and misroutes stayed under 4%.

## The nightly export that went silent
Situation: Our nightly customer export had been failing silently for 10 days before a customer noticed.
Task: As incident lead, restore the export and make sure silence could not happen again.
Action: I found a credentials rotation broke the job, re-ran 2.8 million rows of backfill and added an alarm at 4 hours.
Result: Customers had complete exports again in 20 hours, and no export has failed silently in the 9 months since.
"""


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_relative_change_is_compared_with_the_notes_relative_change_of_the_same_thing(tmp_path: Path) -> None:
    """The notes' 25% is the drop of the $60k invoice; "cut the invoice by 35%" restates it wrongly (N22)."""
    (notes,) = story_notes(tmp_path, [
        "Finance wanted our $60k monthly observability invoice below $45k, and I had to keep every alert. I sampled "
        "debug logs at one in ten, moved audit logs to cold storage and cut trace retention to a fortnight. That cut "
        "the invoice by 35%, and every alert still fired in the quarterly drill.",
    ], NOTES)  # fmt: skip
    assert ("25%", "35%") in contradictions(notes), notes


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_changed_figure_named_after_its_period_and_a_changed_hyphenated_duration_are_caught(
    tmp_path: Path,
) -> None:
    """Said "from 35% to 12% in the following quarter" measures escalations, not "following" (N10); "a 45-day trial"
    for the notes' 30-day trial is a changed figure (N23)."""
    escalations, trial = story_notes(tmp_path, [
        "Our support org of 60 agents escalated too many tickets to engineering and CSAT sat at 71%. I wrote runbooks "
        "for the top twenty ticket types and gave tier-two agents read access to the admin console. Ticket "
        "escalations went from 48% to 12% the following quarter, and CSAT rose from 71% to 84%.",
        "Two of my teams shared one on-call rotation and night pages had doubled since spring. I put the split "
        "rotation on a 45-day trial with two written exit criteria and reviewed every page weekly. Night pages per "
        "engineer halved and both teams kept the split rotation.",
    ], NOTES)  # fmt: skip
    assert ("from 35% to 12%", "from 48% to 12%") in contradictions(escalations), escalations
    assert [v for v in contradictions(trial) if "30" in v[0] and "45" in v[1]], trial


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_count_of_another_group_or_another_data_set_is_not_a_contradiction(tmp_path: Path) -> None:
    """The "two squads" slowed down are not the group's 4 squads (N11); the classifier's 12,000 training emails are
    not the 800-email test set (N15)."""
    emails, squads = story_notes(tmp_path, [
        "Our head of support wanted support emails triaged by hand, and I thought that was wrong: they waited 2 days "
        "on average. I persuaded her to let me build an intent classifier, trained it on 12,000 historical support "
        "emails, and sent unsure ones to a human. Median wait went from 2 days to 3 hours, and misroutes stayed "
        "under 4%.",
        "I led a platform group of 24 engineers with overlapping ownership of the pipelines. I mapped each pipeline "
        "to its users, merged the ingestion and export squads and moved 6 engineers. It slowed two squads for about "
        "a month. Ownership gaps in the audit went from 14 to 0, and pipeline incidents fell from 9 to 3 a quarter.",
    ], NOTES)  # fmt: skip
    assert not contradictions(emails), emails
    assert not contradictions(squads), squads


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_bound_said_out_loud_restates_the_notes_value(tmp_path: Path) -> None:
    """Said "failing for over a week" restates the notes' 10 days (N24); the changed row count beside it is caught."""
    (notes,) = story_notes(tmp_path, [
        "Our nightly customer export had been failing silently for over a week before a customer noticed. As "
        "incident lead I found a credentials rotation that broke the job, re-ran 3.4 million rows of backfill and "
        "added a freshness alarm at 4 hours. Customers had complete exports again in 20 hours, and there has been no "
        "silent export failure in the 9 months since.",
    ], NOTES)  # fmt: skip
    assert contradictions(notes) == [("2.8 million rows", "3.4 million rows")], notes


BASE_NOTES = """\
# Prep notes (Ravi, for director loops)

## Reining in the inference hosting bill
Situation: Our recommendation service ran on rented GPUs and finance called it out in the quarterly review.
Task: I owned the platform budget and had to lower it without slowing recommendations.
Action: I batched requests, moved nightly jobs to spot capacity and agreed a 60-day review with the vendor.
Result: Monthly hosting cost fell 30%, from $90k to $63k, and recommendation latency did not move.
"""


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_change_of_the_same_base_is_compared_whatever_the_base_is_called(tmp_path: Path) -> None:
    """The notes' 30% is the drop of the hosting cost that started at $90k. An answer calling that base "the invoice",
    or naming nothing ("we brought that down") after the same $90k, restates the 30% wrongly as 50%; "the bill fell
    by about 30%" restates it faithfully. A hyphenated duration reads as a duration in the note ("60 days")."""
    invoice, that, faithful, review = story_notes(tmp_path, [
        "Finance called out our recommendation service in the quarterly review: the GPU invoice, which was $90k a "
        "month. I owned the platform budget, so I batched requests and moved nightly jobs to spot capacity. That "
        "cut the invoice by 50%, and recommendation latency did not move.",
        "Our recommendation service ran on rented GPUs at $90k a month, and finance called it out. I owned the "
        "platform budget. I batched requests and moved nightly jobs to spot capacity. We brought that down by 50% "
        "and recommendation latency did not move.",
        "Our recommendation service ran on rented GPUs at $90k a month and finance called it out in the quarterly "
        "review. I owned the platform budget, batched requests and moved nightly jobs to spot capacity. The hosting "
        "bill fell by about 30%, and recommendation latency did not move.",
        "Our recommendation service ran on rented GPUs and finance called it out in the quarterly review. I owned the "
        "platform budget, batched requests, moved nightly jobs to spot capacity and agreed a 90-day review with the "
        "vendor. Monthly hosting cost fell 30%, from $90k to $63k, and recommendation latency did not move.",
    ], BASE_NOTES)  # fmt: skip
    assert ("30%", "50%") in contradictions(invoice), invoice
    assert ("30%", "50%") in contradictions(that), that
    assert not contradictions(faithful), faithful
    assert [n["message"] for n in review if n["kind"] == "contradiction"] == [
        "Your notes say 60 days; you said 90 days."
    ], review
