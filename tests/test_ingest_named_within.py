"""Stories whose name sits inside their section, entries boxed by long banner lines, and sections that tell a case
but are not stored: read from files on disk through the real ingester (knowledge/ingest/named_within.py,
banners.py, unstored.py). Every document is written here in our own words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from knowledge.ingest import ingest_paths

JOURNAL = """\
DAILY QUESTION BOOK - typed out, work answers marked for interviews

MAR 03   "What made you smile today?"
2024: the dog in the snow
2025: my sister's phone call
2026: nothing much, rain

APR 11   "What did you fix this week?"
2024: the bike chain
2025: still the bike
2026: (long version - for interviews) STORY: the ledger that never balanced
Our month-end ledger export at Brindle Bank disagreed with finance by a few thousand pounds every month and
nobody owned the gap. I took it on: I diffed 14 months of exports against the finance system and found two
jobs that rounded currency at different steps. I moved both to one shared rounding rule, added a nightly
reconciliation check and walked finance through the new report. The gap went from about 3,000 pounds a
month to zero and month-end close dropped from five days to three.

MAY 19   "Who would you call in a crisis?"
2024: my brother
2025: my brother, still
2026: (long version - for interviews) STORY: three vendors, one outage
In March a card processor outage took our checkout down on a Saturday. I was the incident lead. I split the
team into one group on the failover and one on customer messaging, and I called the second processor we had
a dormant contract with. We were taking payments again in 52 minutes and lost about 4% of the day's orders.
Afterwards I ran the review and we kept the second processor warm with 5% of traffic.
"""

NOTES = """\
MY NOTES, kept the way I kept research at the bank

====================================================================
KESTREL NOTES | QUARTER UPDATE | 02 Feb 2026
====================================================================
CHURN MODEL: "THE SIGNAL WAS IN THE CALLS"
Rating: BUY | Target: a model that changed a decision
Key points
 - churn model built on support-call transcripts
 - renewals team now calls the top 200 accounts first
Background
Our churn score used billing data only and the renewals team ignored it.
What happened
I read 300 call notes with two account managers, tagged the reasons, and added three call features. I
showed the renewals team the top 200 list with a reason on each row, and they took it. Churn in that group fell.
Numbers
  precision at 200      0.41 -> 0.63
  churn, top accounts   11% -> 7%
Analyst certification: as above.

====================================================================
KESTREL NOTES | QUARTER UPDATE | 19 Sep 2025
====================================================================
EASTER FORECAST: WHY 2X WASN'T DEMAND
Rating: HOLD | Target: a bug that reached production
Key points
 - store forecasts for Easter week were twice the real demand
Background
A store manager asked why we suggested 900 hot cross bun packs for one shop.
What happened
Traced it that morning: a holiday table listed Easter twice after a calendar import, so the holiday feature
fired twice. Fixed the import, added a uniqueness test on the table and a check against last year's totals.
Numbers
  stores affected      38
  days live            2
Analyst certification: as above.
"""

MEMOS = """\
My stories written as memos, the way my old department wanted them.

================================================================================
MEMO 1
FROM:     R. Achterberg
TO:       The Panel
DATE:     (2024)
SUBJECT:  Pricing pages - stopping a launch that would have broken checkout
ISSUE           1. Sales wanted new pricing pages live before a trade fair; the tax rules were not tested.
BACKGROUND      2. Two of the five regions had no tax tests at all and one had failed once before.
ARGUMENT        3. I asked for one week, wrote the missing tests with one engineer and found two wrong rates.
HANDLING        4. We launched six days later with both rates fixed; no refunds that quarter.

================================================================================
MEMO 2
FROM:     R. Achterberg
TO:       The Panel
DATE:     (2025)
SUBJECT:  The reporting rebuild - moving 40 dashboards off the old warehouse
ISSUE           1. Forty finance dashboards ran on a warehouse due to be switched off in the spring.
BACKGROUND      2. Nobody knew which dashboards were still read; most had no owner.
ARGUMENT        3. I checked six months of view logs and retired 23 that nobody had opened.
HANDLING        4. We moved the other 17 in nine weeks and switched the old warehouse off on time.

================================================================================
MEMO 3   ** WITHDRAWN **
FROM:     R. Achterberg
TO:       The Panel
DATE:
SUBJECT:  A hire that went wrong
ISSUE           1. Nothing usable yet - the only case was a role that changed, not a bad hire. Leave it out.
BACKGROUND      2.
ARGUMENT        3.
HANDLING        4.
"""

DIARY = """\
WORK DIARY - stories kept one per day, the way I kept the plant log

==============================================================================================
PLANT LOG | Day 1 | Mar 2024 | Job: the night the cooling failed - keeping the batch jobs alive
==============================================================================================
PROGRESS:
  At 2am the server room cooling failed and the overnight batch was due to finish by 6. I moved the two
  largest jobs to the cloud account we kept for tests, paused the rest and called facilities. The batch
  finished at 5:40 and we lost no orders. I wrote the runbook the next week.
SIGNED:             KO

==============================================================================================
PLANT LOG | Day 2 | Aug 2024 | Job: the supplier feed that changed its units without a word to us
==============================================================================================
PROGRESS:
  A supplier switched their feed from kilograms to grams and our stock levels jumped a thousandfold. I
  spotted it in the morning check, froze reorders for that supplier and added a range check on every
  feed. We cancelled 12 purchase orders before they went out.
SIGNED:             KO
"""

GAPS = """\
# Prep notes

## The retry storm
Last spring our payment retries doubled the card fees in one week. I traced it to a retry loop that ignored the
decline code, and I rewrote the retry policy so it stopped after the first hard decline. We cut the fees by 38%
within a month.

## Gaps (no story yet)
Conflict with a peer: the closest is the time I argued with the data lead about schemas in 2023. We had two
event formats and I pushed for one. I wrote a proposal, we tried both for 3 weeks, and I dropped mine when
hers lost fewer events. I learned to ask for a trial before arguing.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_title(path: Path) -> dict[str, object]:
    return {s.title: s for s in ingest_paths([path]).stories}


def test_a_story_announced_under_a_journal_prompt_is_named_by_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "daily book.txt", JOURNAL)
    result = ingest_paths([path])
    stories = {s.title: s for s in result.stories}
    assert "the ledger that never balanced" in stories, list(stories)
    assert "three vendors, one outage" in stories, list(stories)
    ledger = stories["the ledger that never balanced"]
    lines = JOURNAL.split("\n")
    assert "STORY: the ledger that never balanced" in lines[ledger.line - 1]  # it starts at its own line
    assert "bike chain" not in ledger.text  # the other years' one-word answers are not its text
    assert not [w for w in result.warnings if "reads like a story" in w]


def test_notes_under_one_banner_are_named_by_their_headlines(tmp_path: Path) -> None:
    titles = set(_by_title(_write(tmp_path, "research notes.txt", NOTES)))
    assert 'CHURN MODEL: "THE SIGNAL WAS IN THE CALLS"' in titles, titles
    assert "EASTER FORECAST: WHY 2X WASN'T DEMAND" in titles, titles
    assert not any("KESTREL NOTES" in t for t in titles), titles


def test_memos_are_named_by_their_subject_and_one_before_an_empty_memo_is_kept(tmp_path: Path) -> None:
    titles = set(_by_title(_write(tmp_path, "memos.txt", MEMOS)))
    for subject in (
        "Pricing pages - stopping a launch that would have broken checkout",
        "The reporting rebuild - moving 40 dashboards off the old warehouse",  # a withdrawn memo follows it
    ):
        assert subject in titles, titles


def test_diary_entries_boxed_by_long_lines_are_stories_of_their_own(tmp_path: Path) -> None:
    stories = ingest_paths([_write(tmp_path, "diary.txt", DIARY)]).stories
    cooling = [s for s in stories if "the night the cooling failed" in s.title]
    feed = [s for s in stories if "changed its units" in s.title]
    assert cooling and feed, [s.title for s in stories]
    assert "kilograms" not in cooling[0].text


def test_a_told_section_not_stored_is_named_in_one_warning_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "prep.md", GAPS)
    result = ingest_paths([path])
    said = [w for w in result.warnings if "reads like a story" in w]
    assert len(said) == 1, result.warnings
    assert "Gaps (no story yet)" in said[0] and "line 8" in said[0]
    run = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0
    shown = [x for x in run.stderr.splitlines() if "reads like a story" in x]
    assert len(shown) == 1 and shown[0].startswith("warning: "), run.stderr


CARDS = """\
# Work stories as cheese-board cards

## The pricing page that lied (2025)

Maker: me + 1 · Region: pricing service · Milk: rules engine · Aged: 6 weeks

**Rind** — Sales quoted a discount the checkout did not apply for a month; 120 customers were billed the full
price and support had 40 angry tickets by the Friday.

**Paste** — Wrote a replay of every quote against the checkout rules and found the discount table was keyed on
an old plan name. Moved both to one plan id and added a contract test between the two services.

**Finish** — Refunded all 120 within a week, tickets back to normal in ten days, no mismatch since.
"""


def test_a_card_whose_parts_open_with_a_run_in_name_is_a_story(tmp_path: Path) -> None:
    titles = set(_by_title(_write(tmp_path, "cards.md", CARDS)))
    assert "The pricing page that lied (2025)" in titles, titles


REVIEWS = """\
# My projects, reviewed the way I review for a workshop

## Review of Submission #2: The silent cron — a job that stopped without an alert

**Summary of the submission** — A nightly pricing job stopped running for four days after a server move and
nothing alerted. Shops showed last week's prices. The author noticed it from a sales dip and traced it to a
crontab that was never copied to the new host.

**Strengths** — Moved the job into the scheduler with the others, added a heartbeat alert for every nightly job
and wrote a checklist for server moves. The author also backfilled the 4 missing days of prices.

**Weaknesses** — Four days is long; the sales dip was the only signal.

**Rating** — 6 · **Confidence** — 4
"""

OVERVIEW = """\
PIPELINE - my interview stories, kept as CRM records (exported 2 Dec)

Stage          Deals
Closed Won     1
Open           0

----------------------------------------------------------------
ACCOUNT OVERVIEW · Rosa K. (me) · Segment: EM, data platform
----------------------------------------------------------------
Company:          Fernhill Foods - meal kits, 3 kitchens
About:            EM of the 5-engineer data platform team for two years: the warehouse, the feature
                  store and the delivery forecast. Before that four years as an analytics engineer and
                  two in retail buying, which is why I care about what the numbers are for.
Why management:   I liked unblocking people more than closing my own tickets, and the team asked me to
                  run planning when our lead left. I still review designs and pair on incidents.
Looking for:      EM of a platform team whose users are other engineers.
Note:             TMAY = this box, read aloud, about a minute.

----------------------------------------------------------------
DEAL #3 · The forecast nobody trusted · Stage: Closed Won
----------------------------------------------------------------
Identify pain:    Kitchen planners ignored our delivery forecast and ordered by gut; waste was 9%.
Activity:         I sat with two planners for a week, found the forecast missed bank holidays, and
                  added them. I showed the planners the misses every Monday. Waste fell to 6% in a quarter.
"""


def test_a_self_review_told_about_the_author_is_a_story(tmp_path: Path) -> None:
    titles = set(_by_title(_write(tmp_path, "reviews.md", REVIEWS)))
    assert any("The silent cron" in t for t in titles), titles


def test_a_record_noted_as_the_pitch_is_kept_as_the_pitch(tmp_path: Path) -> None:
    stories = ingest_paths([_write(tmp_path, "crm.txt", OVERVIEW)]).stories
    pitch = [s for s in stories if "ACCOUNT OVERVIEW" in s.title]
    assert pitch and pitch[0].kind == "answer", [(s.title, s.kind) for s in stories]
