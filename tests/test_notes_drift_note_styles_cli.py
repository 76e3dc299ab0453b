"""Figures written the way prep notes are really written are read and compared (issue 10): a story bank with arrows
and abbreviations ("~3x/wk", "1:20", "shipped in 6 wks"), a Q&A doc whose outcome sits near 100% ("back up to
99.97%", "to under 150"), and a table whose metrics cell holds a fold drop ("down 4x") and a part of a group ("3 of 9
analysts"). Through the real CLI with the notes on disk, over notes and answers invented for this file: each changed
figure is caught, and a faithful retelling that says the same figures in other words ("one point two", "cut by about
three quarters") is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notes_drift_cli import contradictions, story_notes

BANK = """\
# Story bank (export) - Tomasz

## 🛠 Release pipeline (Kestrel Bank)
- ctx: release builds flaky, broke ~3x/wk → devs re-running by hand
- did: hermetic builds, cached deps, split the monorepo test stage into 6 shards
- → broken builds ~3x/wk → ~1/month
- code review: seniors sampled 1:20 of merged changes for a second look
- shipped in 6 wks (behind a flag)
"""

QA = """\
# Interview prep - Tomasz - Q&A

**Q: Tell me about keeping a critical service up.**

Our ledger API sat at 99.5% uptime against a 99.9% target, and the treasury desk was escalating. I traced it to a
hot primary, so we added a read replica and retries with jitter. Within two months uptime was back up to 99.97%, and
failed payments, roughly 2,000 a week before, were down to under 150 a week.
"""

TABLE = "\n".join([
    "# Tomasz - story matrix",
    "",
    "| # | Story | ctx | me | Metrics |",
    "|---|-------|-----|----|---------|",
    "| 1 | Fraud rules cleanup at Kestrel | analysts drowning in alerts from 900 stale rules | ranked rules by hit "
    "rate, retired the dead ones with the fraud lead | false alerts down 4x · 3 of 9 analysts moved to "
    "investigations · 310 rules retired |",
    "| 2 | Card-issuing vendor exit | vendor contract ending, 40 banks on it | ran the migration plan and the bank "
    "calls | migrated 40 banks in 5 months · zero lost cards · $2.2M/yr saved |",
    "",
])  # fmt: skip


@pytest.mark.usefixtures("isolated_data_dir")
def test_story_bank_frequency_sampling_and_effort_are_compared(tmp_path: Path) -> None:
    """ "~3x/wk" retold as "five times a week", "1:20" as "one in two hundred", "shipped in 6 wks" as "6 months";
    the faithful retelling says the same rates in words."""
    often, sampled, took, faithful = story_notes(tmp_path, [
        "At Kestrel Bank our release builds broke about five times a week and developers re-ran them by hand. I made "
        "the builds hermetic, cached dependencies and split the monorepo test stage into six shards. Broken builds "
        "went to roughly once a month, and we shipped it in six weeks behind a flag.",
        "Release builds at Kestrel were flaky, so I made them hermetic, cached the dependencies and split the test "
        "stage into six shards. For code review, seniors sampled one in two hundred merged changes for a second look. "
        "Broken builds went to about one a month, and the whole thing shipped in six weeks.",
        "Our release builds at Kestrel Bank broke about three times a week. I made them hermetic, cached dependencies "
        "and split the monorepo test stage into six shards. It took 6 months end to end, behind a flag, and broken "
        "builds fell to roughly once a month.",
        "Release builds at Kestrel broke around three times every week and people re-ran them by hand. Hermetic "
        "builds, cached dependencies and six test shards later, broken builds were down to about once a month, and "
        "seniors read one in twenty merged changes a second time. It shipped in about six weeks.",
    ], BANK)  # fmt: skip
    assert ("3x/wk", "five times a week") in contradictions(often), often
    assert any(n == "1:20" and s.startswith("one in two hundred") for n, s in contradictions(sampled)), sampled
    assert ("6 wks", "6 months") in contradictions(took), took
    assert not contradictions(faithful), faithful


@pytest.mark.usefixtures("isolated_data_dir")
def test_qa_doc_share_near_whole_and_two_bounds_are_compared(tmp_path: Path) -> None:
    """99.97% retold as 99.99% and "under 150 a week" as "under 600 a week" are changed figures; "ninety-nine point
    five" and "under a hundred and fifty" are the notes' own."""
    uptime, failed, faithful = story_notes(tmp_path, [
        "Our ledger API was at 99.5% uptime against a 99.9% target and the treasury desk kept escalating. A hot "
        "primary was the cause, so we added a read replica and retries with jitter. Two months later we were at "
        "99.99%, and failed payments, about 2,000 a week before, were down to under 150 a week.",
        "The ledger API was missing its target, 99.5 against 99.9, because one primary ran hot and treasury kept "
        "escalating. We added a read replica and retries with jitter. Within two months uptime was 99.97%, and "
        "failed payments, roughly 2,000 a week before, were down to under 600 a week.",
        "Uptime on our ledger API was ninety-nine point five percent against a 99.9% target. The primary was running "
        "hot, so a read replica plus retries with jitter fixed it: within two months we were at 99.97%, and failed "
        "payments, around two thousand a week before, were down to under a hundred and fifty a week.",
    ], QA)  # fmt: skip
    assert ("99.97%", "99.99%") in contradictions(uptime), uptime
    assert any(n.startswith("150") and s.startswith("600") for n, s in contradictions(failed)), failed
    assert not contradictions(faithful), faithful


@pytest.mark.usefixtures("isolated_data_dir")
def test_table_fold_drop_and_part_of_a_group_are_compared(tmp_path: Path) -> None:
    """ "down 4x" retold as "fell by 40%" and "3 of 9 analysts" as "five of the nine people"; "cut by about 75%" and
    "three of the nine analysts" restate them."""
    fold, part, faithful = story_notes(tmp_path, [
        "At Kestrel the head of fraud operations wanted to keep all 900 stale rules, and I believed that was wrong for "
        "the company because the analysts were drowning in alerts. I ranked the rules by hit rate, showed her the dead "
        "ones, and we retired 310 of them together. False alerts fell by 40%, and 3 of 9 analysts moved over to "
        "investigations work.",
        "Our fraud team at Kestrel was buried in alerts from about 900 stale rules. I ranked every rule by hit rate "
        "and the fraud lead and I retired 310 of them. False alerts went down 4x, and five of the nine people on the "
        "team moved over to investigations work.",
        "I look at what their teams change, not at activity. When the fraud manager reporting to me at Kestrel said "
        "her analysts were drowning in alerts from 900 stale rules, I asked her for a plan and a measure; she ranked "
        "the rules by hit rate and retired 310. I knew she was doing well because false alerts were cut by about 75% "
        "and three of the nine analysts moved to investigations.",
    ], TABLE)  # fmt: skip
    assert ("4x", "40%") in contradictions(fold), fold
    assert any(n == "3 of 9" and s.startswith("five of the nine") for n, s in contradictions(part)), part
    assert not contradictions(faithful), faithful
