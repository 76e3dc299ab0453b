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
