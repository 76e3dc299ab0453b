"""Templates whose parts are not named Situation / Action / Result, read by what each part is: a problem sheet's
numbered boxes (background, current condition, target, root cause, countermeasures, effect confirmation), a bug
report's expected and actual behaviour, root cause and fix, a change request's What / Why / How / Testing /
Rollout; a title that opens with a figure ("6.4 s → 0.9 s"), which is not outline numbering; and a short note on
the document itself (a preface, a course header), which is not a story.

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest.labels import parse_label
from knowledge.models import Story
from tests.ingested import found


def _stories(path: Path) -> list[Story]:
    return found(path, "story")


SHEET = """# Problem sheets from the bakery years

## Sheet · Sourdough rejected at the shop counter

Owner: me · Coach: Hetty (ops lead) · Rev 2 · 2023

### 1 Background
Our three shops sold about 400 sourdough loaves a day and the loaf was the reason most people came in.

### 2 Current condition
One loaf in nine came back flat in the mornings after the new oven went in, and the shops binned them unsold.

### 3 Target
Fewer than one flat loaf in fifty by the end of the spring.

### 4 Root cause (5 whys)
The new oven recovered its heat slower, so the second bake went in cooler than the recipe assumed.

### 5 Countermeasures
I moved the second bake back by twelve minutes, added a probe check on the oven floor and wrote the check into
the opening list the bakers sign.

### 6 Effect confirmation
Flat loaves fell to one in sixty within five weeks and the binned bread cost dropped by about 300 pounds a month.

---

## Sheet · Van routes crossing each other

Owner: me · Coach: Hetty · Rev 1 · 2024

### 1 Background
Two vans delivered to cafes on both sides of the river and each crossed the bridge four times a morning.

### 2 Current condition
Drivers were late to a third of the cafes and one cafe dropped us after a month of cold croissants.

### 5 Countermeasures
I redrew the routes so each van kept to one bank and swapped two cafes between the drivers.

### 6 Effect confirmation
Late drops went from a third to about one in twenty and the cafe that left came back in the summer.
"""


def test_numbered_boxes_of_a_problem_sheet_are_the_story_parts(tmp_path: Path) -> None:
    path = tmp_path / "sheets.md"
    path.write_text(SHEET, encoding="utf-8")
    stories = _stories(path)
    assert [s.title for s in stories] == [
        "Sheet · Sourdough rejected at the shop counter",
        "Sheet · Van routes crossing each other",
    ]
    loaf = stories[0]
    assert "400 sourdough loaves" in loaf.situation and "One loaf in nine" in loaf.situation  # two boxes, one part
    assert "one flat loaf in fifty" in loaf.task
    assert "probe check" in loaf.action and "recovered its heat slower" not in loaf.action
    assert "one in sixty" in loaf.result
    assert "one bank" in stories[1].action and "one in twenty" in stories[1].result


BUGS = """# My stories as tickets

Old tester habit: each ticket is one story.

---

## TICKET-12: Parcel scanner reads the wrong postcode on wet labels

- **Severity:** high · **Found by:** depot staff · **Status:** closed

**Steps to reproduce**
1. Leave a parcel out in the rain for ten minutes.
2. Scan it at the sorting belt.

**Expected:** the postcode on the label, as on a dry parcel.
**Actual:** a neighbouring postcode for about one wet parcel in thirty, so those parcels went to the wrong van.

**Root cause:** the reader was trained only on dry labels from the warehouse, where the ink never smudged.

**Fix:** I collected two thousand photos of wet labels from the depots, retrained the reader with them and added a
check digit test that sends doubtful scans to a person.

**What I took away:** test on the weather the parcels travel in, not on the warehouse.

---

## TICKET-19: The nightly label export stops on one bad row

- **Severity:** medium · **Found by:** the morning shift · **Status:** closed

**Expected:** every label of the day in the export.
**Actual:** the export stopped at the first label with a stray quote, twice a week, and the vans left late.

**Fix:** I made the export skip and report bad rows and wrote twenty test labels with quotes and emoji.
"""


def test_a_bug_report_is_one_story_with_its_expected_and_actual_as_the_situation(tmp_path: Path) -> None:
    path = tmp_path / "tickets.md"
    path.write_text(BUGS, encoding="utf-8")
    stories = _stories(path)
    titles = [s.title for s in stories]
    assert "TICKET-12: Parcel scanner reads the wrong postcode on wet labels" in titles
    assert "TICKET-19: The nightly label export stops on one bad row" in titles
    assert not any(t.startswith(("Severity", "Expected", "Actual")) for t in titles)  # no story cut at a box
    scanner = next(s for s in stories if s.title.startswith("TICKET-12"))
    assert "as on a dry parcel" in scanner.situation and "one wet parcel in thirty" in scanner.situation
    assert "retrained the reader" in scanner.action
    # the root cause explains the problem and a lesson follows the fix: neither is the situation or what was done
    for box in ("trained only on dry labels", "weather the parcels travel in"):
        assert box in scanner.text and box not in scanner.situation and box not in scanner.action


CHANGES = """# Merge requests I can talk about

## !210 Warn before a booking overlaps a closed room

merged · +410 −60 · May 2024

### What
The booking form now warns when a meeting overlaps a room that facilities closed for cleaning.

### Why
Facilities closed about twelve rooms a week and people kept booking them; the complaints doubled in a quarter.

### How
I read the closures from the facilities calendar every ten minutes and checked each new booking against them.

### Testing
Replayed a month of bookings: 95 of the 97 clashes were caught, and no booking was flagged that should not be.

### Rollout
One floor for a week, then the whole building.
"""


def test_a_change_requests_parts_are_read_as_why_how_and_testing(tmp_path: Path) -> None:
    path = tmp_path / "changes.md"
    path.write_text(CHANGES, encoding="utf-8")
    (story,) = _stories(path)
    assert "complaints doubled" in story.situation  # Why: the reason is the situation
    assert "facilities calendar" in story.action  # How: what was done
    assert "95 of the 97 clashes" in story.result  # Testing: how it was shown to work
    # only as a heading: a "How:" or "Why:" line in a paragraph stays text
    assert parse_label("How: I asked the team first.") is None
    assert parse_label("### How") is not None


FIGURES = """# Openers

## 6.4 s → 0.9 s

The parts search took eight seconds on the van tablets, so the drivers stopped using it. I profiled a week of
traces and found most of the time went on reranking fifty passages. I cut the reranking to the top fifteen and
cached the common lookups. The wait went from 6.4 s to 0.9 s and the drivers used it again within a month.

## 2.1 Winning back the florist

The florist left us after three late deliveries in one week. I drove her next four orders myself and apologised
in person. Then I moved her to the early van and checked the drops every Friday. She signed for another year in
the spring and sent us two other shops.
"""


def test_a_title_that_opens_with_a_figure_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "openers.md"
    path.write_text(FIGURES, encoding="utf-8")
    titles = [s.title for s in _stories(path)]
    assert titles == ["6.4 s → 0.9 s", "Winning back the florist"]  # outline numbering still goes


def test_a_short_note_on_the_document_itself_is_not_a_story(tmp_path: Path) -> None:
    path = tmp_path / "tickets.md"
    preface = (
        "# My stories as tickets\n\n"
        'I worked the parcel help desk for three years and tickets are how I still think. Each "ticket" = one '
        "story. Priority is how much it mattered to customers, not how good I looked.\n\n"
    )
    path.write_text(preface + BUGS.split("\n", 1)[1], encoding="utf-8")
    titles = [s.title for s in _stories(path)]
    assert "My stories as tickets" not in titles
    assert "TICKET-12: Parcel scanner reads the wrong postcode on wet labels" in titles
    header = tmp_path / "workshop.txt"
    header.write_text(
        "WORKSHOP NOTES - Leading through change (two evenings)\n"
        "host: a retired depot manager | 4 and 11 March\n"
        "my notes + the exercise answers I handed in. context for me: shift lead, 14 drivers\n\n"
        "Exercise 1 - Tell us about a time you changed how your shift worked.\n"
        "My submission:\n" + CRATE_STORY + "\n",
        encoding="utf-8",
    )
    assert not any(s.title.upper().startswith("WORKSHOP NOTES") for s in _stories(header))


CRATE_STORY = (
    "Last winter our vans left the depot forty minutes late every Monday because the weekend parcels were never "
    "sorted. I moved two drivers to a Sunday evening sort, paid them the weekend rate and wrote the sort order on "
    "the board. Monday departures were on time within three weeks and the overtime bill fell by a fifth."
)
