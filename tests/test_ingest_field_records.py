"""Stories kept in another trade's record template: a title line over `Key: value` fields, one long field telling
the case (fieldrecords.py). Read from files on disk through the real ingester. Written here in our own words."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.ingest.fieldrecords import unrecord

JOB_SHEETS = """\
JOB SHEETS - the plumbing trade's layout, kept for my interview cases

JOB 12  THE COLD RADIATORS - block C, winter rush
Ticket: 4471
Priority: high
Site: the old warehouse offices
Engineer's write-up: three floors of radiators went cold every Monday and the tenants blamed the boiler.
I logged the flow temperatures for a fortnight and found the weekend setback program was never reset, so
the pumps started against a cold loop. I rewrote the schedule, added a pre-heat hour and put a sensor alert
on the return pipe. Complaints stopped within two weeks and the gas bill fell by 11% that quarter.

JOB 19  THE SURVEY NOBODY READ - a handover that stuck
Ticket: 5102
Priority: low
Site: head office
Engineer's write-up: our site surveys were forty-page PDFs that the installers never opened, so the same
mistakes came back on every job. I sat with two crews for a week, cut the survey to one page of checks
with photos, and made the crew lead sign it on arrival. Return visits dropped from 14 a month to 5 and the
crews asked for the same format on the commercial jobs.

JOB 20  A DRIPPING TAP
Ticket: 5150
Priority: low
Site: the canteen
Engineer's write-up: washer replaced.
"""

REGISTER = """\
CASE REGISTER

==========================
ITEM No. 7
Kind: incident
Common name: "the slow pump"
Where: pumping station 2
Story: the station's main pump lost pressure every night at two and nobody could say why. I pulled a
month of telemetry, matched the dips to the cleaning crew's schedule and found their pressure washer shared
the supply. I moved the washer to the spare line and added a low-pressure alarm. The night dips stopped and
we avoided a pump replacement quoted at 30k.
==========================

==========================
ITEM No. 8
Kind: note
Common name: "spare parts"
Where: stores
Story: count the gaskets.
==========================
"""

STAR_CARDS = """\
CARD 1  BILLING CUTOVER
Owner: me
Situation: the billing system had to move to a new provider before the contract ran out in March.
Action: I planned the cutover in three waves and ran both systems side by side for a month.
Result: no invoice was lost and we saved 20k a year.

CARD 2  SUPPORT ROTA
Owner: me
Situation: support tickets waited three days for an answer.
Action: I set up a rota with two people on call each week.
Result: the wait fell to four hours.
"""


def _stories(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [s for s in ingest_paths([path]).stories if s.kind != "reference"]


def test_a_record_is_titled_by_its_line_and_told_by_its_long_field(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "jobs.txt", JOB_SHEETS)
    titles = [s.title for s in stories]
    assert any("THE COLD RADIATORS" in t for t in titles)
    assert any("THE SURVEY NOBODY READ" in t for t in titles)
    assert not any("DRIPPING TAP" in t for t in titles)  # a record whose fields tell nothing is no story
    radiators = next(s for s in stories if "COLD RADIATORS" in s.title)
    told = radiators.text
    assert "pre-heat hour" in told
    assert "Ticket" not in told and "4471" not in told  # the template's metadata stays out
    assert "SURVEY" not in told  # the next record is its own


def test_a_numbered_record_is_named_by_its_quoted_name(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "register.txt", REGISTER)
    assert [s.title for s in stories] == ["ITEM No. 7 — the slow pump"]


def test_star_labelled_records_are_left_to_the_star_reader() -> None:
    lines = STAR_CARDS.split("\n")
    assert unrecord(lines) == lines
    assert len(unrecord(JOB_SHEETS.split("\n"))) == len(JOB_SHEETS.split("\n"))


_RUSH = (
    "When the second warehouse opened we had to staff a night shift in six weeks. I wrote one job card per role, "
    "ran group assessment evenings and paired every new starter with a buddy for a fortnight. We filled 23 of 25 "
    "places and only two left in the first quarter. TODO: check the overtime bill?"
)
_MANIFESTS = (
    "Our booking export silently dropped every manifest with an accent in a name. I traced it to the encoding of "
    "one nightly job, fixed it, and added a check that compares row counts at both ends. No manifest has gone "
    "missing since, and the port office stopped calling us."
)
FERRY_LOG = f"""\
FERRY LOG - crossings, and the two work ones

CROSSING 4  THE NIGHT SHIFT RUSH
Vessel: Maid of Arran
Sea state: slight
Purser's report: {_RUSH}

CROSSING 5  THE LOST MANIFESTS
Vessel: Maid of Arran
Sea state: moderate
Purser's report: {_MANIFESTS}
"""


def test_a_story_typed_on_one_line_that_ends_on_a_query_is_still_told(tmp_path: Path) -> None:
    titles = [s.title for s in _stories(tmp_path, "ferry.txt", FERRY_LOG)]
    assert any("THE NIGHT SHIFT RUSH" in t for t in titles)
    assert any("THE LOST MANIFESTS" in t for t in titles)
