"""The "reads like a story but was not stored" warning (unstored.py) on planning pages, read from files on disk: a
page of entries (applications logged one by one, each with a line or two of what happened) holds many
first-person past-tense sentences in all, but no run of text tells a case, so it is not warned about even when
nothing of it was stored; a case told in one paragraph that no rule stored still is. Written in our own words."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest.unstored import unstored_warning

TRACKER = """\
# Job hunt 2026

## APPLICATIONS LOG

Harbour Insurance - data engineer II
Via a recruiter, 3 rounds
I applied on 2 March. The recruiter called back after 9 days.

Tollgate Rail - platform engineer
Referral from Kemi
I applied on 14 March. I did the take-home in 5 hours.

Marrow Labs - senior backend
Careers page
I applied on 20 March. I heard nothing for 4 weeks, then a rejection.

Ostler Games - tooling engineer
Meetup contact
I sent my CV on 2 April. I had a first call on 6 April.
"""

TOLD = """\
# Job hunt 2026

## Odds and ends

In 2025 I found that our nightly export to the warehouse had failed 3 nights in a row and that nobody owned it.
I traced the failures to one table that had grown past the export's memory limit. I split the export by month,
added an alert on its run time and wrote the owner's name into the runbook. It has not failed in the 200 nights
since.
"""


def _warned(tmp_path: Path, name: str, text: str) -> str | None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return unstored_warning(path.read_text(encoding="utf-8"), [])  # as if no rule had stored any of it


def test_a_log_of_entries_with_a_past_line_each_is_not_warned_about(tmp_path: Path) -> None:
    assert _warned(tmp_path, "job hunt.md", TRACKER) is None


def test_a_case_told_in_one_paragraph_is_still_warned_about(tmp_path: Path) -> None:
    said = _warned(tmp_path, "odds.md", TOLD)
    assert said is not None and "Odds and ends" in said and "line 3" in said, said
