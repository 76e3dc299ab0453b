"""Terse notes: abbreviated STAR bullets (`sit:` / `act:` / `res:`), stories named by a `Story:` line in plain
text, and `Fits:` lines listing what a story is good for."""

from __future__ import annotations

from knowledge.ingest import ingest_text

BULLET_DUMP = """# prep dump

## warehouse robots stall

- sit: the pick robots froze twice a shift after a firmware push, 300 orders late per stall
- act:
  - rolled the firmware back on one aisle first, then the whole floor
  - wrote a canary rule for the next pushes
- res: no stall in the next 8 weeks, late orders back under 20 a day

```
## a stray fence above: the rest must still be read

## vendor swap

- sit: our label printer vendor doubled prices overnight
- act: ran a two-week bake-off of three vendors with the floor leads
- res: moved to the cheapest one that passed, saving $90k a year
"""


def test_abbreviated_labels_make_star_fields() -> None:
    result = ingest_text(BULLET_DUMP, "dump.md")
    titles = [s.title for s in result.stories]
    assert titles == ["warehouse robots stall", "vendor swap"]
    first = result.stories[0]
    assert first.situation.startswith("the pick robots froze")
    assert "canary rule" in first.action
    assert first.result.startswith("no stall in the next 8 weeks")
    assert result.stories[1].result.startswith("moved to the cheapest one")


PLAIN_NAMED = """INTERVIEW NOTES - Ola

Reminder: lead with the number.

Story: the ferry timetable rewrite
Fits: ambiguity, working with a regulator
S: The harbour authority changed its berth slots with two weeks' notice.
T: I owned the timetable engine and had to publish a legal timetable in time.
A: I rebuilt the slot solver around the new rules and ran it nightly against last year's sailings.
R: We published four days early; missed sailings fell from 11 a month to 2.

Story: two ticket systems become one
Fits: migrations
S: Foot passengers and car decks were sold by two systems that disagreed on capacity.
T: Merge them without a sales freeze.
A: I moved one route a week behind a flag and reconciled seats every hour.
R: Overbooking complaints dropped by 80% after the last route moved.
"""


def test_story_line_names_the_story_and_fits_line_is_a_link() -> None:
    result = ingest_text(PLAIN_NAMED, "ola.txt")
    assert [s.title for s in result.stories] == ["the ferry timetable rewrite", "two ticket systems become one"]
    ferry = result.stories[0]
    assert ferry.situation.startswith("The harbour authority")
    assert ferry.result.startswith("We published four days early")
    assert "Fits" not in ferry.situation
    assert ferry.questions == ["ambiguity, working with a regulator"]


def test_story_word_inside_a_paragraph_is_not_a_title() -> None:
    text = "## Notes\n\nI told the panel a long answer.\nStory: too long, cut it next time\n"
    result = ingest_text(text, "n.md")
    assert all(s.title != "too long, cut it next time" for s in result.stories)


LOWER_CASE_NOTES = """# map notes

## Warehouse split

2022. the warehouse team was split by shift, each shift with its own backlog and its own dashboards.
options I weighed: keep shifts and add a coordinator, or split by flow (inbound, picking, returns).
picked flows because the site managers were already organised that way. ran it as a proposal with two
weeks of comments, not an announcement. two people moved teams by choice. lead time for a typical fix
went from about six weeks to two over two quarters. what I'd do differently: staff the shared tools team
earlier, it was two people carrying everyone.

## Reading list

books to read before the loop, in this order. keep it to one a week.
"""

INCIDENT_LABELS = """# board

## The zero-padded ids

**How we noticed** Seller complaints: listings showed up under the wrong book. Support escalated 30 tickets.

**Debugging** Checked the logs first, then the catalogue table, then the code: an upstream cast dropped leading zeros.

**Fix** Reverted the cast, rebuilt the mapping from the raw feed and added a schema contract test in CI.

**Result** Fixed within 3 days; the new alert has fired twice since, both real.
"""


def test_notes_typed_in_lower_case_without_i_are_a_story() -> None:
    result = ingest_text(LOWER_CASE_NOTES, "notes.md")
    assert [s.title for s in result.stories] == ["Warehouse split"]


def test_debugging_and_fix_labels_are_the_action_of_an_incident_story() -> None:
    story = next(s for s in ingest_text(INCIDENT_LABELS, "board.md").stories if s.title == "The zero-padded ids")
    assert "Reverted the cast" in (story.action or "") and "3 days" in (story.result or "")
