"""Stories kept in other trades' logs and exports: records a rule opens under a banner of `|` fields and nothing
closes, a sheet's row whose long free-text cell tells the story, a family-tree (GEDCOM) export whose people carry
the stories in their notes, and an owner's profile that says why they chose the job. Read from files on disk
through the real ingester (banners.py, stories.py, datadoc.py, gedcom.py). Every document is written here in our
own words."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

CRUISE_LOG = """\
CRUISE LOG - narrowboat Heron, typed from the wheelhouse book
work ones marked (w) - interview stories in the Notes

======================================================================
ABOUT THE SKIPPER
======================================================================
boating since I was nine, my own boat since 2019. day job: platform lead at Fenwick Freight, 30 engineers
across three teams, the routing service and the depot planner. why this job: I have run the platform long
enough that it is calm, and I want to own the product side as well, where the planner decides what a depot
does each morning. I want the bigger crew and the harder locks.

----------------------------------------------------------------------
CRUISE 12 | Foxton - Market Harborough | Sat 3 May 2025 | 10 locks | 6 miles
 1 Dan Whitlow        3 Priya Nair
 2 me (helm)          4 Sam Okoro
Moored: visitor, 48h    Fuel: half
Log: queue at the staircase, two hours. lovely evening at the basin.

----------------------------------------------------------------------
CRUISE 14 | Braunston - Napton | Sat 7 Jun 2025 | 9 locks | 11 miles  (w)
 1 Dan Whitlow        3 Priya Nair
 2 me (helm)          4 Sam Okoro
Moored: towpath    Fuel: full
Log: (w) the depot planner outage. planner rebuilt every night from a feed; feed changed its date format,
planner produced empty plans for 40 depots. paged at 05:10. rolled back the parser, re-ran by 06:30, depots
loaded by hand for an hour. added a schema check on the feed and a canary depot before the full run. 0 empty
plans since; the check caught two more feed changes in the next quarter.

----------------------------------------------------------------------
CRUISE 15 | Napton - Fenny Compton | Sun 8 Jun 2025 | 3 locks | 9 miles  (w)
 1 Priya Nair  2 me (helm)
Moored: pub    Fuel: full
Log: (w) the routing service bill. cloud spend on routing up 60% in a year, no owner per service. tagged
every workload by team, set a budget per team, moved the batch re-routing to spot machines. cut the bill from
GBP 84k to 51k a quarter in two quarters; one team went over budget once and fixed it within a week.
"""

CLUB_SHEET = """\
Date,Venue,Opponent,Result,Notes
2025-01-14,Red Lion home,The Feathers,5-2,"Won. Dave hit a 140 in leg three.
WORK: the hiring panel I ran for the data team. We had lost two strong candidates to slow offers, so I cut
our loop from five rounds to three, wrote a scoring guide every interviewer used, and gave a yes or no within
two days. Offers accepted went from 2 of 6 to 5 of 6 in the next quarter, and the team filled four seats."
2025-01-21,The Feathers away,The Feathers,3-4,lost on the last double. rematch in March.
2025-01-28,Red Lion home,Kings Arms,4-3,"close one, good crowd, raffle raised 60 quid"
"""

TREE = """\
0 HEAD
1 SOUR Familytree
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Wilfred /Oakes/
1 BIRT
2 DATE 1902
1 NOTE Wilfred kept the lock at Hatton for thirty years. [check the years with Aunt Jo]
0 @I7@ INDI
1 NAME Midnight Reindex /Work/
1 OCCU search service
1 NOTE the product search went stale after a midnight re-index swapped in an empty index. I noticed the
2 CONC  zero-result rate jump at 00:40, rolled the alias back to the old index, and we were serving again by
2 CONC  01:05. I then added a document-count check before any alias swap and a dashboard for the rate.
1 NOTE @N3@
0 @N3@ NOTE follow-up two months on: the count check blocked a bad swap in March and nobody was paged.
0 @N4@ NOTE questions for them: how do you run a re-index on a live cluster?
0 TRLR
"""

KEEPER = """\
# Lamp room book

## About the keeper

Keeper on the rock since 2016, relief crew before that. day job: data engineering manager at Solway Water,
eight engineers, the meter-reading pipeline and the leak model. Why leadership? I liked seeing two juniors
ship what I had only sketched more than shipping it myself, and the team needed someone to hold the roadmap.

## The fog signal that failed

The fog signal stopped during a storm night and the backup did not start. I climbed to the engine room,
found the fuel line blocked, cleared it and ran the horn by hand until dawn. We fitted a second fuel filter
and a weekly start test after that.
"""


def _ingest(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest_paths([path])


def test_records_a_rule_opens_under_a_banner_of_fields_are_named_by_it(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "cruise log.txt", CRUISE_LOG)
    titles = [s.title for s in result.stories]
    # told without "I", under a banner of fields: a story each, named by the banner
    assert any(t.startswith("CRUISE 14 | Braunston") for t in titles), titles
    assert any(t.startswith("CRUISE 15 | Napton") for t in titles), titles
    assert not any("CRUISE 14" in t and "CRUISE 15" in t for t in titles)
    told = next(s.text for s in result.stories if s.title.startswith("CRUISE 15"))
    assert "spot machines" in told and "schema check" not in told  # one record each
    assert not any(t.startswith("CRUISE 12") for t in titles)  # a real cruise tells nothing


def test_a_profile_that_says_why_the_role_is_kept_as_the_owners_answer(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "lamp room.md", KEEPER)
    assert any(s.title == "The fog signal that failed" for s in result.stories)
    profile = [s for s in [*result.stories, *result.references] if s.title == "About the keeper"]
    assert profile and profile[0].kind != "reference"


def test_a_sheet_row_with_no_title_column_is_named_by_its_first_cell_of_words(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "league.csv", CLUB_SHEET)
    assert [s.title for s in result.stories] == ["Red Lion home"]
    [story] = result.stories
    assert "scoring guide" in story.text and story.line == 2  # the row's own line in the file
    assert "rematch" not in story.text  # short remarks make no record


def test_a_family_tree_export_reads_people_notes_and_shared_notes(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "tree.ged", TREE)
    story = next(s for s in result.stories if s.title.startswith("Midnight Reindex"))
    assert story.line == 10  # its NAME line
    # CONC continues the note as written; the shared note it points to is its follow-up
    assert "served again" not in story.text and "serving again by 01:05" in story.text
    assert "blocked a bad swap in March" in story.text
    assert "0 @N3@" not in story.text and "CONC" not in story.text
    assert not any(s.title.startswith("HEAD") or "SOUR" in s.text for s in result.stories)


def test_a_file_that_only_starts_like_gedcom_is_left_as_it_is(tmp_path: Path) -> None:
    text = "0 HEAD\n\n## The queue that froze\n\n" + CRUISE_LOG.split("Log: (w) ", 1)[1]
    result = _ingest(tmp_path, "notes.md", text)
    assert any("queue that froze" in s.title for s in result.stories)


def test_a_folder_walk_reads_a_family_tree_export(tmp_path: Path) -> None:
    (tmp_path / "tree.ged").write_text(TREE, encoding="utf-8")
    assert any(s.title.startswith("Midnight Reindex") for s in ingest_paths([tmp_path]).stories)
